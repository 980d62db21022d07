import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import { makeTree, makeWork, type Tree } from '../locations/test-fixtures.js';

let t: TestApp;
let curator: Client;
let tree: Tree;
beforeAll(async () => {
  t = await startTestApp();
  curator = await t.as('curator');
  tree = await makeTree(curator);
});
afterAll(() => t.close());

const count = (table: string) => t.db.$client.prepare(`select count(*) from ${table}`).pluck().get() as number;

describe('registering and reading a work', () => {
  it('registers a work with artists and a place, and the detail view returns everything in one call', async () => {
    const artist = (await curator.post('/api/artists', { name: 'Sigrid Hjertén', birthYear: 1885, deathYear: 1948 })).body;
    const res = await curator.post('/api/artworks', {
      inventoryNumber: 'SLL 1234',
      title: 'Ateljéinteriör',
      objectType: 'painting',
      technique: 'olja på duk',
      heightCm: 90,
      widthCm: 116,
      yearFrom: 1916,
      yearTo: 1916,
      artists: [{ artistId: artist.id, role: 'artist' }],
      locationId: tree.wardA,
      mounting: 'wall',
      antiTheftFixing: true,
      glazed: true,
      cleanable: true,
      psychiatrySafe: false,
      fixedInBuilding: false,
      fireClass: 'B-s1,d0',
      ownershipUnclear: true,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"2"'); // created, then placed by its first movement
    expect(res.headers.get('location')).toBe(`/api/artworks/${res.body.id}`);
    const detail = await curator.get(`/api/artworks/${res.body.id}`);
    expect(detail.status).toBe(200);
    expect(detail.headers.get('server-timing')).toMatch(/^app;dur=\d+\.\d\d$/);
    const d = detail.body;
    expect(d).toMatchObject({
      inventoryNumber: 'SLL 1234',
      status: 'in_place',
      antiTheftFixing: true,
      glazed: true,
      cleanable: true,
      psychiatrySafe: false,
      fireClass: 'B-s1,d0',
      ownershipUnclear: true,
      acquisitionDataMissing: false,
      artists: [{ id: artist.id, name: 'Sigrid Hjertén', role: 'artist', position: 0 }],
      location: { id: tree.wardA, pathText: 'Danderyds sjukhus › Danderyds sjukhus hus 1 › Plan 1 › Avd 12 korridor' },
      site: { id: tree.hospital, name: 'Danderyds sjukhus', siteType: 'hospital' },
      latestCheck: null,
      nextCheckDue: null,
      primaryImage: null,
      images: [],
      openTreatments: [],
    });
    expect(d.location.path.map((p: { kind: string }) => p.kind)).toEqual(['site', 'building', 'floor', 'room']);
    expect(d.movements).toHaveLength(1);
    expect(d.movements[0]).toMatchObject({ toLocationId: tree.wardA, reason: 'registered', fromPathText: null });
  });

  it('returns the latest condition check, primary image and open treatments in the detail view', async () => {
    const w = await makeWork(curator, { locationId: tree.wardB });
    const sqlite = t.db.$client;
    const now = new Date().toISOString();
    sqlite.prepare("insert into condition_checks (artwork_id, checked_at, grade, damage_types, priority, created_at, updated_at) values (?, '2024-01-01T10:00:00Z', 2, '[\"dust\"]', 'routine', ?, ?)").run(w.id, now, now);
    sqlite.prepare("insert into condition_checks (artwork_id, checked_at, grade, damage_types, priority, created_at, updated_at) values (?, '2025-06-01T10:00:00Z', 3, '[\"tear\"]', 'soon', ?, ?)").run(w.id, now, now);
    const sha = 'ab'.repeat(32);
    const mediaId = Number(sqlite.prepare("insert into media (sha256, mime, ext, bytes, width, height, dominant_color, created_at) values (?, 'image/jpeg', 'jpg', 100, 800, 600, '#aabbcc', ?)").run(sha, now).lastInsertRowid);
    sqlite.prepare("insert into media_links (media_id, entity_type, entity_id, role, position, created_at) values (?, 'artwork', ?, 'primary', 0, ?)").run(mediaId, w.id, now);
    sqlite.prepare("insert into conservation_treatments (artwork_id, status, description, proposed_at, created_at, updated_at) values (?, 'approved', 'Laga revan', ?, ?, ?)").run(w.id, now, now, now);
    sqlite.prepare("insert into conservation_treatments (artwork_id, status, description, proposed_at, created_at, updated_at) values (?, 'done', 'Gammal', ?, ?, ?)").run(w.id, now, now, now);
    const d = (await curator.get(`/api/artworks/${w.id}`)).body;
    expect(d.latestCheck).toMatchObject({ grade: 3, damageTypes: ['tear'], checkedAt: '2025-06-01T10:00:00Z' });
    expect(d.primaryImage).toEqual({
      id: mediaId, sha256: sha, role: 'primary', position: 0, caption: null, width: 800, height: 600, dominantColor: '#aabbcc',
      urls: { thumb: `/media/${sha}/thumb.webp`, medium: `/media/${sha}/medium.webp`, large: `/media/${sha}/large.webp` },
    });
    expect(d.images).toHaveLength(1);
    expect(d.openTreatments.map((x: { description: string }) => x.description)).toEqual(['Laga revan']);
  });

  it('answers 404 problem+json for a work that does not exist', async () => {
    const res = await curator.get('/api/artworks/999999');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('artwork.not_found');
  });

  it('stores injection-looking text verbatim and returns it as JSON data, not markup', async () => {
    const evil = `<script>alert(1)</script>'; DROP TABLE artworks; --`;
    const w = await makeWork(curator, { title: evil, description: '{{constructor.constructor("x")()}}' });
    const d = (await curator.get(`/api/artworks/${w.id}`)).body;
    expect(d.title).toBe(evil);
    expect(count('artworks')).toBeGreaterThan(0);
    const raw = await fetch(`${t.baseUrl}/api/artworks/${w.id}`, { headers: { cookie: curator.cookie } });
    expect(raw.headers.get('content-type')).toContain('application/json');
    expect(raw.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('inventory numbers', () => {
  it('treats "SLL 5555" and "sll-5555" as the same number: 409 with a link to the existing work', async () => {
    const first = await makeWork(curator, { inventoryNumber: 'SLL 5555' });
    const before = count('artworks');
    const dup = await curator.post('/api/artworks', { inventoryNumber: 'SLL5555', title: 'Dubblett', objectType: 'print' });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'artwork.duplicate_inventory_number', existing: { id: first.id, href: `/api/artworks/${first.id}` } });
    const viaPatch = await makeWork(curator);
    const res = await curator.patch(`/api/artworks/${viaPatch.id}`, { inventoryNumber: 'sll 5555' }, { 'if-match': `"${viaPatch.version}"` });
    // the lower-case form breaks the pattern before it can collide
    expect([400, 409]).toContain(res.status);
    const res2 = await curator.patch(`/api/artworks/${viaPatch.id}`, { inventoryNumber: 'SLL5555' }, { 'if-match': `"${viaPatch.version}"` });
    expect(res2.status).toBe(409);
    expect(res2.body.existing.id).toBe(first.id);
    expect(count('artworks')).toBe(before + 1);
  });

  it('refuses a new number that breaks the configured pattern, naming the field', async () => {
    const res = await curator.post('/api/artworks', { inventoryNumber: 'hello world 12', title: 'X', objectType: 'print' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('inventoryNumber');
  });

  it('suggests the next free number after the highest one with the prefix', async () => {
    await makeWork(curator, { inventoryNumber: 'SLL 1999998' });
    const res = await curator.get('/api/artworks/next-inventory-number');
    expect(res.status).toBe(200);
    expect(res.body.inventoryNumber).toBe('SLL 1999999');
    const created = await curator.post('/api/artworks', { inventoryNumber: res.body.inventoryNumber, title: 'Nästa', objectType: 'print' });
    expect(created.status).toBe(201);
  });
});

describe('no lost edits', () => {
  it('needs If-Match (428), refuses a stale version with 412 and the current record, and accepts the current one', async () => {
    const w = await makeWork(curator);
    const missing = await curator.patch(`/api/artworks/${w.id}`, { title: 'Ny' });
    expect(missing.status).toBe(428);
    expect(missing.body.code).toBe('http.if_match_required');
    const ok = await curator.patch(`/api/artworks/${w.id}`, { title: 'Första ändringen' }, { 'if-match': `"${w.version}"` });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe(`"${w.version + 1}"`);
    const stale = await curator.patch(`/api/artworks/${w.id}`, { title: 'Andra, på gammal version' }, { 'if-match': `"${w.version}"` });
    expect(stale.status).toBe(412);
    expect(stale.body.current).toMatchObject({ id: w.id, title: 'Första ändringen', version: w.version + 1 });
    expect((await curator.get(`/api/artworks/${w.id}`)).body.title).toBe('Första ändringen');
  });

  it('replaces the artist list in order and records the change in the history', async () => {
    const a = (await curator.post('/api/artists', { name: 'Vera Nilsson' })).body;
    const b = (await curator.post('/api/artists', { name: 'Siri Derkert' })).body;
    const w = await makeWork(curator, { artists: [{ artistId: a.id }] });
    const res = await curator.patch(`/api/artworks/${w.id}`, { artists: [{ artistId: b.id, role: 'designer' }, { artistId: a.id }] }, { 'if-match': `"${w.version}"` });
    expect(res.status).toBe(200);
    expect(res.body.artists.map((x: { name: string; role: string }) => `${x.name}:${x.role}`)).toEqual(['Siri Derkert:designer', 'Vera Nilsson:artist']);
    const hist = await curator.get(`/api/artworks/${w.id}/history`);
    expect(hist.status).toBe(200);
    expect(hist.body.items.map((i: { action: string }) => i.action)).toEqual(['update', 'create']);
    expect(hist.body.items[0].after.artists).toEqual([{ artistId: b.id, role: 'designer' }, { artistId: a.id, role: 'artist' }]);
    expect(hist.body.items[0].userName).toBe('Test curator');
  });
});

describe('status rules', () => {
  const setStatus = (id: number, version: number, body: Record<string, unknown>, c = curator) => c.post(`/api/artworks/${id}/status`, body, { 'if-match': `"${version}"` });

  it('registering a work as missing needs a note', async () => {
    const w = await makeWork(curator, { locationId: tree.wardA });
    const res = await setStatus(w.id, w.version, { status: 'missing' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'artwork.status_rule', rule: 'missing_needs_note' });
    const ok = await setStatus(w.id, w.version, { status: 'missing', note: 'Saknades vid rond 2025-03-01' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'missing', statusNote: 'Saknades vid rond 2025-03-01' });
  });

  it('in_conservation cannot be set directly', async () => {
    const w = await makeWork(curator, { locationId: tree.wardA });
    const res = await setStatus(w.id, w.version, { status: 'in_conservation' });
    expect(res.status).toBe(422);
    expect(res.body.rule).toBe('conservation_via_movement_or_treatment');
  });

  it('deaccession keeps the record with date, decision and reason; only an admin can reverse it', async () => {
    const w = await makeWork(curator, { locationId: tree.wardA });
    const incomplete = await setStatus(w.id, w.version, { status: 'deaccessioned', deaccessionDate: '2025-02-01' });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.rule).toBe('deaccession_needs_decision');
    expect(incomplete.body.errors[0].path).toBe('deaccessionRef');
    const done = await setStatus(w.id, w.version, { status: 'deaccessioned', deaccessionDate: '2025-02-01', deaccessionRef: 'KUN 2025/123', deaccessionReason: 'Förstörd vid vattenskada' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'deaccessioned', deaccessionDate: '2025-02-01', deaccessionRef: 'KUN 2025/123', deaccessionReason: 'Förstörd vid vattenskada' });
    const v = done.body.version;
    const back = await setStatus(w.id, v, { status: 'in_storage', note: 'Fel beslut' });
    expect(back.status).toBe(422);
    expect(back.body.rule).toBe('leave_deaccessioned_admin_only');
    const admin = await t.as('admin');
    const byAdmin = await setStatus(w.id, v, { status: 'in_storage', note: 'Beslutet upphävt' }, admin);
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.status).toBe('in_storage');
    expect((await curator.get(`/api/artworks/${w.id}`)).status).toBe(200);
  });

  it('a status change needs If-Match and the current version', async () => {
    const w = await makeWork(curator);
    expect((await curator.post(`/api/artworks/${w.id}/status`, { status: 'on_loan' })).status).toBe(428);
    expect((await setStatus(w.id, w.version + 5, { status: 'on_loan' })).status).toBe(412);
  });
});

describe('site-limited users', () => {
  it('see and edit works of their own site only', async () => {
    const mine = await makeWork(curator, { locationId: tree.wardA });
    const theirs = await makeWork(curator, { locationId: tree.otherRoom });
    const limited = await t.as('curator', { siteIds: [tree.hospital] });
    expect((await limited.get(`/api/artworks/${mine.id}`)).status).toBe(200);
    const other = await limited.get(`/api/artworks/${theirs.id}`);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('auth.site_forbidden');
    expect((await limited.patch(`/api/artworks/${theirs.id}`, { title: 'x' }, { 'if-match': `"${theirs.version}"` })).body.code).toBe('auth.site_forbidden');
    expect((await limited.get(`/api/artworks/${theirs.id}/history`)).status).toBe(403);
    const create = await limited.post('/api/artworks', { inventoryNumber: 'SLL 777001', title: 'X', objectType: 'print', locationId: tree.otherRoom });
    expect(create.status).toBe(403);
    const list = await limited.get('/api/locations');
    expect(list.body.items.map((l: { id: number }) => l.id)).toEqual([tree.hospital]);
  });
});
