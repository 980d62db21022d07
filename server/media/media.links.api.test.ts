import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import * as img from './fixtures/images.js';
import { insertRecords, type MediaFixture } from './fixtures/records.js';
import { storedFiles, upload } from './fixtures/upload-helpers.js';
import { collectGarbage } from './media.gc.js';
import { linkMedia, storeMedia } from './media.service.js';

let t: TestApp;
let fx: MediaFixture;
let curator: Client;

beforeAll(async () => {
  t = await startTestApp();
  fx = insertRecords(t.db.$client);
  curator = await t.as('curator');
});
afterAll(() => t?.close());

const artwork = (id: number) =>
  t.db.$client.prepare('select primary_media_id as primaryMediaId, version from artworks where id = ?').get(id) as { primaryMediaId: number | null; version: number };
const list = async (id: number) => (await curator.get(`/api/media?entityType=artwork&entityId=${id}`)).body.items as any[];

async function uploadThree(workId: number) {
  const items = [];
  for (const [i, role] of (['primary', 'detail', 'detail'] as const).entries()) {
    const res = await upload(curator, { entityType: 'artwork', entityId: workId, role }, { name: `${i}.png`, data: await img.png(60 + i, 40 + workId, '#468') });
    items.push(res.body.items[0]);
  }
  return items;
}

describe('a record’s pictures', () => {
  it('lists them in order, and sets artworks.primary_media_id (and the work’s version) from the primary link', async () => {
    const before = artwork(fx.workA);
    const [p, d1, d2] = await uploadThree(fx.workA);
    expect((await list(fx.workA)).map((i) => [i.id, i.role, i.position])).toEqual([
      [p.id, 'primary', 0],
      [d1.id, 'detail', 1],
      [d2.id, 'detail', 2],
    ]);
    expect(artwork(fx.workA)).toEqual({ primaryMediaId: p.mediaId, version: before.version + 1 });
  });

  it('makes another picture primary: the old primary becomes a detail, the work points to the new one', async () => {
    const [p, d1] = await list(fx.workA);
    const v = artwork(fx.workA).version;
    const res = await curator.patch(`/api/media-links/${d1.id}`, { role: 'primary' }, { 'if-match': `"${d1.version}"` });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: d1.id, role: 'primary', version: d1.version + 1 });
    expect(res.headers.get('etag')).toBe(`"${d1.version + 1}"`);
    expect((await list(fx.workA)).map((i) => [i.id, i.role])).toEqual([
      [p.id, 'detail'],
      [d1.id, 'primary'],
      expect.anything(),
    ]);
    expect(artwork(fx.workA)).toEqual({ primaryMediaId: d1.mediaId, version: v + 1 });
    const audit = t.db.$client.prepare(`select entity_type as e, entity_id as id, before, after from audit_log where action = 'update' order by audit_log.id desc limit 3`).all();
    expect(audit).toEqual(
      expect.arrayContaining([
        { e: 'artwork', id: fx.workA, before: JSON.stringify({ primaryMediaId: p.mediaId }), after: JSON.stringify({ primaryMediaId: d1.mediaId }) },
        { e: 'media_link', id: p.id, before: JSON.stringify({ role: 'primary' }), after: JSON.stringify({ role: 'detail' }) },
      ]),
    );
  });

  it('reorders: moving the last picture first shifts the others down', async () => {
    const [a, b, c] = await list(fx.workA);
    const res = await curator.patch(`/api/media-links/${c.id}`, { position: 0 }, { 'if-match': `"${c.version}"` });
    expect(res.status).toBe(200);
    expect((await list(fx.workA)).map((i) => [i.id, i.position])).toEqual([
      [c.id, 0],
      [a.id, 1],
      [b.id, 2],
    ]);
  });

  it('needs If-Match (428) and refuses a stale version with 412 and the current link', async () => {
    const [first] = await list(fx.workA);
    expect((await curator.patch(`/api/media-links/${first.id}`, { caption: 'x' })).status).toBe(428);
    const stale = await curator.patch(`/api/media-links/${first.id}`, { caption: 'x' }, { 'if-match': `"${first.version - 1 || 99}"` });
    expect(stale.status).toBe(412);
    expect(stale.body.current).toMatchObject({ id: first.id, version: first.version, caption: null });
  });

  it.each([
    ['an empty change', {}, '(body)'],
    ['an unknown field', { colour: 'red' }, 'colour'],
    ['a role that does not fit an artwork', { role: 'before' }, 'role'],
    ['a negative position', { position: -1 }, 'position'],
  ])('answers 400 to %s', async (_n, body, field) => {
    const [first] = await list(fx.workA);
    const res = await curator.patch(`/api/media-links/${first.id}`, body, { 'if-match': `"${first.version}"` });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => e.path)).toContain(field);
  });

  it('refuses viewers, conservators (catalogue pictures) and other sites’ users', async () => {
    const [first] = await list(fx.workA);
    const h = { 'if-match': `"${first.version}"` };
    expect((await (await t.as('viewer')).patch(`/api/media-links/${first.id}`, { caption: 'x' }, h)).status).toBe(403);
    expect((await (await t.as('conservator')).delete(`/api/media-links/${first.id}`)).status).toBe(403);
    const other = await t.as('curator', { siteIds: [fx.siteB] });
    const res = await other.patch(`/api/media-links/${first.id}`, { caption: 'x' }, h);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('auth.site_forbidden');
    expect((await other.get(`/api/media?entityType=artwork&entityId=${fx.workA}`)).status).toBe(403);
  });

  it('answers 404 for an unknown link or record', async () => {
    expect((await curator.patch('/api/media-links/999999', { caption: 'x' }, { 'if-match': '"1"' })).status).toBe(404);
    expect((await curator.delete('/api/media-links/999999')).status).toBe(404);
    const res = await curator.get('/api/media?entityType=artwork&entityId=999999');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('media.entity_not_found');
  });

  it('unlinks the primary picture: the first detail takes over, the file stays until garbage collection', async () => {
    const items = await list(fx.workA);
    const primary = items.find((i) => i.role === 'primary')!;
    const heir = items.find((i) => i.role === 'detail')!;
    const res = await curator.delete(`/api/media-links/${primary.id}`);
    expect(res.status).toBe(204);
    const after = await list(fx.workA);
    expect(after.map((i) => [i.id, i.role, i.position])).toEqual([
      [heir.id, 'primary', 0],
      [expect.any(Number), 'detail', 1],
    ]);
    expect(artwork(fx.workA).primaryMediaId).toBe(heir.mediaId);
    const audit = t.db.$client.prepare(`select before from audit_log where action = 'delete' and entity_type = 'media_link' and entity_id = ?`).pluck().get(primary.id) as string;
    expect(JSON.parse(audit)).toMatchObject({ mediaId: primary.mediaId, role: 'primary', entityId: fx.workA });
    const file = path.join(t.deps.config.uploadsDir, primary.sha256.slice(0, 2), primary.sha256.slice(2, 4), `${primary.sha256}.png`);
    expect(fs.existsSync(file)).toBe(true);
  });

  it('unlinking the last picture clears the work’s primary picture', async () => {
    for (const i of await list(fx.workA)) expect((await curator.delete(`/api/media-links/${i.id}`)).status).toBe(204);
    expect(artwork(fx.workA).primaryMediaId).toBeNull();
  });
});

describe('storeMedia and linkMedia for other features', () => {
  it('stores a buffer once (same bytes → same media) and links it as a floor plan, setting the floor’s plan', async () => {
    const buffer = await img.png(640, 480, '#eee');
    const deps = t.deps;
    const a = await storeMedia(deps, { buffer, originalName: 'plan 3.png', userId: null });
    const b = await storeMedia(deps, { buffer, originalName: 'again.png', userId: null });
    expect(a).toMatchObject({ width: 640, height: 480, mime: 'image/png', created: true });
    // sharp's dominant colour is the centre of a 16-level histogram bin: close to, not exactly, #eeeeee.
    for (const c of a.dominantColor!.match(/[0-9a-f]{2}/g)!) expect(Math.abs(parseInt(c, 16) - 0xee)).toBeLessThanOrEqual(16);
    expect(b).toMatchObject({ mediaId: a.mediaId, created: false });
    const linked = linkMedia(t.db.$client, { mediaId: a.mediaId, entityType: 'location', entityId: fx.floorA, role: 'floor_plan', userId: null });
    expect(linked.created).toBe(true);
    expect(t.db.$client.prepare('select floor_plan_media_id from locations where id = ?').pluck().get(fx.floorA)).toBe(a.mediaId);
  });

  it('refuses bad bytes the same way as the upload route', async () => {
    await expect(storeMedia(t.deps, { buffer: img.html(), originalName: 'x.jpg', userId: null })).rejects.toMatchObject({ status: 415, code: 'media.unsupported_type' });
    await expect(storeMedia(t.deps, { buffer: img.pngBomb(), originalName: 'x.png', userId: null })).rejects.toMatchObject({ status: 422, code: 'media.too_many_pixels' });
  });
});

describe('media:gc', () => {
  it('reports unlinked media and stray files in a dry run, and removes them only with apply', async () => {
    const sqlite = t.db.$client;
    const root = t.deps.config.uploadsDir;
    // workA's pictures were all unlinked above; a stray file nobody knows about:
    const stray = path.join(root, 'ee', 'ff', `${'e'.repeat(64)}.jpg`);
    fs.mkdirSync(path.dirname(stray), { recursive: true });
    fs.writeFileSync(stray, 'x');
    const later = new Date(Date.now() + 2 * 3_600_000);
    const keep = storedFiles(t);
    const linkedBefore = sqlite.prepare('select count(*) from media where id in (select media_id from media_links)').pluck().get();

    const dry = collectGarbage(sqlite, root, { now: later });
    expect(dry.applied).toBe(false);
    expect(dry.unreferencedMedia.length).toBe(3); // the three pictures unlinked from workA
    expect(dry.orphanFiles).toContain(`ee/ff/${'e'.repeat(64)}.jpg`);
    expect(dry.orphanFiles).toHaveLength(1 + 3 * 4);
    expect(storedFiles(t)).toEqual(keep);

    // Younger than the grace period: left alone (it may be an upload in flight).
    expect(collectGarbage(sqlite, root).orphanFiles).toEqual([]);

    const applied = collectGarbage(sqlite, root, { now: later, apply: true });
    expect(applied.orphanFiles).toEqual(dry.orphanFiles);
    expect(fs.existsSync(stray)).toBe(false);
    for (const m of dry.unreferencedMedia) expect(storedFiles(t).some((f) => f.includes(m.sha256))).toBe(false);
    expect(sqlite.prepare('select count(*) from media where id in (select media_id from media_links)').pluck().get()).toBe(linkedBefore);
    // The floor plan is linked: kept.
    expect(collectGarbage(sqlite, root, { now: later })).toMatchObject({ unreferencedMedia: [], orphanFiles: [], missingOriginals: [] });
  });
});
