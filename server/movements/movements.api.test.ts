import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import { makeChain, makeTree, makeWork, type Tree } from '../locations/test-fixtures.js';
import { getArtwork } from '../artworks/artworks.queries.js';
import { movementHistory } from './movements.queries.js';
import { moveArtworks, placementTarget, recordFirstPlacements } from './movements.service.js';

let t: TestApp;
let curator: Client;
let tree: Tree;
beforeAll(async () => {
  t = await startTestApp();
  curator = await t.as('curator');
  tree = await makeTree(curator);
});
afterAll(() => t.close());

const move = (ids: number[], toLocationId: number | undefined, extra: Record<string, unknown> = {}) =>
  curator.post('/api/movements', { artworkIds: ids, toLocationId, reason: 'Omhängning', ...extra });
const count = (sql: string, ...args: unknown[]) => t.db.$client.prepare(sql).pluck().get(...args) as number;

describe('moving works', () => {
  it('moves one work: movement row with path snapshots, new location and site, who and why, audit', async () => {
    const w = await makeWork(curator, { locationId: tree.wardA });
    const res = await move([w.id], tree.otherRoom, { reason: 'Ny placering', note: 'Flyttad av vaktmästare' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ movedIds: [w.id], skippedIds: [], toPathText: 'Södertälje sjukhus › Södertälje sjukhus hus 1 › Plan 1 › Entré' });
    const d = (await curator.get(`/api/artworks/${w.id}`)).body;
    expect(d).toMatchObject({ locationId: tree.otherRoom, siteId: tree.otherSite, status: 'in_place', version: w.version + 1 });
    expect(d.movements[0]).toMatchObject({
      fromLocationId: tree.wardA,
      toLocationId: tree.otherRoom,
      fromPathText: 'Danderyds sjukhus › Danderyds sjukhus hus 1 › Plan 1 › Avd 12 korridor',
      reason: 'Ny placering',
      note: 'Flyttad av vaktmästare',
      userName: 'Test curator',
    });
    expect(count("select count(*) from audit_log where entity_type = 'artwork' and entity_id = ? and action = 'move'", w.id)).toBe(2);
  });

  it('empties a whole ward to storage at once (in_storage) and moves it back later (in_place), each as one batch', async () => {
    const ward = await makeChain(curator, 'Ombyggnad', 'hospital', ['Avd 7']);
    const works = [];
    for (let i = 0; i < 25; i++) works.push(await makeWork(curator));
    const ids = works.map((w) => w.id);
    expect((await move(ids, ward.rooms[0], { reason: 'Nyinköp', movedAt: '2024-06-01' })).status).toBe(201);
    const out = await move(ids, tree.storageRoom, { reason: 'Ombyggnad avd 7', movedAt: '2025-01-10' });
    expect(out.status).toBe(201);
    expect(out.body.movedIds).toHaveLength(25);
    expect(out.body.batchId).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.body.statusChanges.every((c: { to: string }) => c.to === 'in_storage')).toBe(true);
    expect((await curator.get(`/api/locations/${ward.site}`)).body.worksCount).toBe(0);
    const backRes = await move(ids, ward.rooms[0], { reason: 'Åter efter ombyggnad' });
    expect(backRes.status).toBe(201);
    expect(count(`select count(*) from artworks where id in (${ids.join(',')}) and status = 'in_place' and location_id = ?`, ward.rooms[0])).toBe(25);
    const batchRows = await curator.get(`/api/movements?batch=${out.body.batchId}&limit=200`);
    expect(batchRows.body.total).toBe(25);
    // what hung in the ward during the rebuild? nothing. before it? all 25.
    const before = (await curator.get(`/api/locations/${ward.rooms[0]}/contents-at?date=2024-12-31`)).body;
    expect(before.items).toHaveLength(25);
    const during = (await curator.get(`/api/locations/${ward.rooms[0]}/contents-at?date=2025-02-01`)).body;
    expect(during.items).toEqual([]);
    const inStore = (await curator.get(`/api/locations/${tree.storage}/contents-at?date=2025-02-01`)).body;
    expect(inStore.items.filter((i: { artworkId: number }) => ids.includes(i.artworkId))).toHaveLength(25);
    const where = (await curator.get(`/api/artworks/${ids[0]}/location-at?date=2025-02-01`)).body;
    expect(where.location.id).toBe(tree.storageRoom);
  });

  it('is all or nothing: one unknown work leaves every work where it was', async () => {
    const a = await makeWork(curator, { locationId: tree.wardA });
    const before = count('select count(*) from movements');
    const res = await move([a.id, 987654], tree.wardB);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'movement.unknown_artwork', errors: [{ path: 'artworkIds' }] });
    expect(count('select count(*) from movements')).toBe(before);
    expect((await curator.get(`/api/artworks/${a.id}`)).body.locationId).toBe(tree.wardA);
  });

  it('moving to the studio sets in_conservation; back to a room sets in_place', async () => {
    const w = await makeWork(curator, { locationId: tree.wardA });
    await move([w.id], tree.studioRoom, { reason: 'Konservering' });
    const d = (await curator.get(`/api/artworks/${w.id}`)).body;
    expect(d.status).toBe('in_conservation');
    const leave = await curator.post(`/api/artworks/${w.id}/status`, { status: 'in_storage' }, { 'if-match': `"${d.version}"` });
    expect(leave.status).toBe(422);
    expect(leave.body.rule).toBe('leave_conservation_by_moving');
    await move([w.id], tree.wardA, { reason: 'Åter' });
    expect((await curator.get(`/api/artworks/${w.id}`)).body.status).toBe('in_place');
  });

  it('a missing work moves only through the found-again flow; a deaccessioned work not at all', async () => {
    const w = await makeWork(curator, { locationId: tree.wardA });
    const m = await curator.post(`/api/artworks/${w.id}/status`, { status: 'missing', note: 'Ej på plats' }, { 'if-match': `"${w.version}"` });
    const refused = await move([w.id], tree.wardB);
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('missing_needs_found_again');
    const found = await move([w.id], tree.wardB, { foundAgain: true, reason: 'Återfunnen i dagrummet' });
    expect(found.status).toBe(201);
    const d = (await curator.get(`/api/artworks/${w.id}`)).body;
    expect(d).toMatchObject({ status: 'in_place', locationId: tree.wardB, statusNote: null });
    expect(d.version).toBeGreaterThan(m.body.version);
    const gone = await makeWork(curator, { locationId: tree.wardA });
    await curator.post(`/api/artworks/${gone.id}/status`, { status: 'deaccessioned', deaccessionDate: '2025-01-01', deaccessionRef: 'Dnr 1', deaccessionReason: 'Stulen' }, { 'if-match': `"${gone.version}"` });
    const res = await move([gone.id], tree.wardB, { foundAgain: true });
    expect(res.status).toBe(422);
    expect(res.body.rule).toBe('deaccessioned_not_movable');
  });

  it('refuses a move dated before the last one, or in the future', async () => {
    const w = await makeWork(curator, { locationId: tree.wardA });
    const past = await move([w.id], tree.wardB, { movedAt: '2001-01-01' });
    expect(past.status).toBe(422);
    expect(past.body).toMatchObject({ code: 'movement.before_last', errors: [{ path: 'movedAt' }] });
    const future = await move([w.id], tree.wardB, { movedAt: '2999-01-01' });
    expect(future.status).toBe(422);
    expect(future.body.code).toBe('movement.in_future');
  });

  it('answers where a work was on a given date, through several moves', async () => {
    const c = await makeChain(curator, 'Historik', 'hospital', ['Rum A', 'Rum B']);
    const w = await makeWork(curator); // registered without a place
    await move([w.id], c.rooms[0], { movedAt: '2020-03-01' });
    await move([w.id], c.rooms[1], { movedAt: '2022-06-15' });
    await move([w.id], tree.storageRoom, { movedAt: '2024-01-01T08:30:00Z' });
    const at = async (date: string) => (await curator.get(`/api/artworks/${w.id}/location-at?date=${date}`)).body.location?.id ?? null;
    expect(await at('2019-12-31')).toBe(null);
    expect(await at('2020-03-01')).toBe(c.rooms[0]);
    expect(await at('2022-06-14')).toBe(c.rooms[0]);
    expect(await at('2022-06-15')).toBe(c.rooms[1]);
    expect(await at('2023-12-31')).toBe(c.rooms[1]);
    expect(await at('2024-01-01')).toBe(tree.storageRoom);
    expect((await curator.get(`/api/locations/${c.rooms[1]}/contents-at?date=2021-01-01`)).body.items).toEqual([]);
    expect((await curator.get(`/api/locations/${c.site}/contents-at?date=2023-01-01`)).body.items).toMatchObject([{ artworkId: w.id, locationId: c.rooms[1], pathTextThen: 'Historik › Historik hus 1 › Plan 1 › Rum B' }]);
    const bad = await curator.get(`/api/artworks/${w.id}/location-at?date=2024-13-45`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('date');
  });

  it('site-limited users cannot move works out of, or into, other sites', async () => {
    const limited = await t.as('curator', { siteIds: [tree.hospital] });
    const w = await makeWork(curator, { locationId: tree.wardA });
    const res = await limited.post('/api/movements', { artworkIds: [w.id], toLocationId: tree.otherRoom, reason: 'x' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('auth.site_forbidden');
    const theirs = await makeWork(curator, { locationId: tree.otherRoom });
    expect((await limited.post('/api/movements', { artworkIds: [theirs.id], toLocationId: tree.wardB, reason: 'x' })).status).toBe(403);
    expect((await limited.post('/api/movements', { artworkIds: [w.id], toLocationId: tree.wardB, reason: 'x' })).status).toBe(201);
  });
});

describe('first placements in bulk (imports)', () => {
  it("a work placed as it is registered has the same history, record and audit as one moved there by moveArtworks", async () => {
    const sqlite = t.db.$client;
    const moved = await makeWork(curator);
    const placed = await makeWork(curator);
    const at = '2025-03-01T10:00:00.000Z';
    const meta = { reason: 'import', userId: curator.userId };
    sqlite.transaction(() => {
      moveArtworks(sqlite, { artworkIds: [moved.id], toLocationId: tree.wardA, batchId: 'bulk-a', ...meta }, at);
      // What an importer does: the work inserted at its place (here: set), then its first movement recorded.
      const to = placementTarget(sqlite, tree.wardA);
      sqlite.prepare('update artworks set location_id = ?, site_id = ?, status = ?, status_changed_at = ?, version = version + 1, updated_at = ? where id = ?').run(to.id, to.siteId, to.status, at, at, placed.id);
      recordFirstPlacements(sqlite, [{ artworkId: placed.id, to, fromStatus: 'in_storage' }], { ...meta, batchId: 'bulk-b' }, at);
    })();
    const strip = (m: unknown) => {
      const { id: _id, batchId: _b, ...rest } = m as Record<string, unknown>;
      return rest;
    };
    expect(movementHistory(sqlite, placed.id).map(strip)).toEqual(movementHistory(sqlite, moved.id).map(strip));
    expect(movementHistory(sqlite, placed.id)).toHaveLength(1);
    const audit = (id: number) => sqlite.prepare("select at, user_id, action, before, after from audit_log where entity_type = 'artwork' and entity_id = ? and action = 'move'").all(id);
    expect(audit(placed.id)).toEqual(audit(moved.id));
    const record = (id: number) => {
      const { id: _id, inventoryNumber: _n, title: _t, createdAt: _c, ...rest } = getArtwork(sqlite, id);
      return rest;
    };
    expect(record(placed.id)).toEqual(record(moved.id));
  });

  it('refuses an unknown or deactivated destination, and one outside a limited user’s sites', async () => {
    const sqlite = t.db.$client;
    expect(() => placementTarget(sqlite, 987654)).toThrow(expect.objectContaining({ code: 'movement.unknown_location' }));
    const limited = { id: curator.userId, email: 'x@example.org', name: 'x', role: 'curator' as const, siteIds: [tree.otherSite], sessionHash: '', csrfToken: '' };
    expect(() => placementTarget(sqlite, tree.storageRoom, limited)).toThrow(expect.objectContaining({ code: 'auth.site_forbidden' }));
    expect(placementTarget(sqlite, tree.otherRoom, limited)).toMatchObject({ id: tree.otherRoom, siteId: tree.otherSite, status: 'in_place' });
  });
});
