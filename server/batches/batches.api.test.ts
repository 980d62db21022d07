import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import { makeChain, makeTree, makeWork, type Tree } from '../locations/test-fixtures.js';

let t: TestApp;
let curator: Client;
let tree: Tree;
beforeAll(async () => {
  t = await startTestApp();
  curator = await t.as('curator');
  tree = await makeTree(curator);
});
afterAll(() => t.close());

const sqlite = () => t.db.$client;

/** Inserts works straight into the database (with a first movement), for batches of thousands. */
function bulkWorks(n: number, locationId: number, siteId: number, prefix: string): number[] {
  const db = sqlite();
  const now = new Date().toISOString();
  const ins = db.prepare(
    "insert into artworks (inventory_number, inventory_key, title, object_type, status, location_id, site_id, created_at, updated_at) values (?, ?, ?, 'print', 'in_place', ?, ?, ?, ?)",
  );
  const mv = db.prepare("insert into movements (artwork_id, to_location_id, to_path_text, moved_at, reason, created_at) values (?, ?, 'x', '2020-01-01T00:00:00.000Z', 'seed', ?)");
  const ids: number[] = [];
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const id = Number(ins.run(`${prefix} ${i}`, `${prefix.toLowerCase()}${i}`, `Grafik ${i}`, locationId, siteId, now, now).lastInsertRowid);
      mv.run(id, locationId, now);
      ids.push(id);
    }
  })();
  t.deps.events.emit('artworks.changed', ids);
  return ids;
}

describe('batch edits', () => {
  it('previews, applies a flag to 3,000 works in one batch, and undoes it', async () => {
    const ward = await makeChain(curator, 'Massändring', 'hospital', ['Korridor']);
    const ids = bulkWorks(3000, ward.rooms[0]!, ward.site, 'BULK');
    sqlite().prepare('update artworks set glazed = 1 where id = ?').run(ids[0]); // already glazed: unchanged
    const body = { selection: { ids }, change: { op: 'flag', flag: 'glazed', value: true } };
    const preview = await curator.post('/api/batches/preview', body);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ matched: 3000, changed: 2999, unchanged: 1 });
    expect(sqlite().prepare('select count(*) from artworks where glazed = 1 and id >= ?').pluck().get(ids[0])).toBe(1); // preview wrote nothing
    const started = Date.now();
    const applied = await curator.post('/api/batches', body);
    expect(applied.status).toBe(201);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(applied.body).toMatchObject({ kind: 'set', matched: 3000, changed: 2999, undoable: true, userName: 'Test curator' });
    const batchId = applied.body.id;
    expect(sqlite().prepare('select count(*) from artworks where glazed = 1 and id >= ?').pluck().get(ids[0])).toBe(3000);
    expect(sqlite().prepare('select count(*) from audit_log where batch_id = ?').pluck().get(batchId)).toBe(2999);
    const undo = await curator.post(`/api/batches/${batchId}/undo`);
    expect(undo.status).toBe(200);
    expect(undo.body.restored).toBe(2999);
    expect(sqlite().prepare('select count(*) from artworks where glazed = 1 and id >= ?').pluck().get(ids[0])).toBe(1);
    expect((await curator.get(`/api/batches/${batchId}`)).body).toMatchObject({ undoable: false });
    expect((await curator.post(`/api/batches/${batchId}/undo`)).body.code).toBe('batch.already_undone');
  });

  it('refuses to undo once a work has been edited since, naming the work', async () => {
    const a = await makeWork(curator);
    const b = await makeWork(curator);
    const applied = await curator.post('/api/batches', { selection: { ids: [a.id, b.id] }, change: { op: 'set', field: 'technique', value: 'litografi' } });
    expect(applied.status).toBe(201);
    const current = (await curator.get(`/api/artworks/${b.id}`)).body;
    expect(current.technique).toBe('litografi');
    await curator.patch(`/api/artworks/${b.id}`, { title: 'Ändrad efteråt' }, { 'if-match': `"${current.version}"` });
    const undo = await curator.post(`/api/batches/${applied.body.id}/undo`);
    expect(undo.status).toBe(409);
    expect(undo.body).toMatchObject({ code: 'batch.records_changed', changedCount: 1, artworks: [{ id: b.id, href: `/api/artworks/${b.id}` }] });
    expect((await curator.get(`/api/artworks/${a.id}`)).body.technique).toBe('litografi');
  });

  it('moves a selection as one batch and undoes the move back to where each work was', async () => {
    const w1 = await makeWork(curator, { locationId: tree.wardA });
    const w2 = await makeWork(curator, { locationId: tree.wardB });
    const applied = await curator.post('/api/batches', { selection: { ids: [w1.id, w2.id] }, change: { op: 'move', toLocationId: tree.storageRoom, reason: 'Ombyggnad' } });
    expect(applied.status).toBe(201);
    expect(sqlite().prepare('select count(*) from movements where batch_id = ?').pluck().get(applied.body.id)).toBe(2);
    expect((await curator.get(`/api/artworks/${w1.id}`)).body.status).toBe('in_storage');
    const undo = await curator.post(`/api/batches/${applied.body.id}/undo`);
    expect(undo.status).toBe(200);
    const d1 = (await curator.get(`/api/artworks/${w1.id}`)).body;
    const d2 = (await curator.get(`/api/artworks/${w2.id}`)).body;
    expect([d1.locationId, d1.status, d2.locationId, d2.status]).toEqual([tree.wardA, 'in_place', tree.wardB, 'in_place']);
    expect(d1.movements.map((m: { reason: string }) => m.reason)).toEqual([`Undo of batch ${applied.body.id}`, 'Ombyggnad', 'registered']);
  });

  it('applies a status to every work of a search result', async () => {
    const c = await makeChain(curator, 'Sökbatch', 'hospital', ['Sal']);
    const works = [await makeWork(curator, { locationId: c.rooms[0] }), await makeWork(curator, { locationId: c.rooms[0] })];
    const res = await curator.post('/api/batches', { selection: { query: { site: String(c.site) } }, change: { op: 'status', status: 'on_loan', note: 'Utlånad till Moderna museet' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ matched: 2, changed: 2, kind: 'status' });
    for (const w of works) expect((await curator.get(`/api/artworks/${w.id}`)).body.status).toBe('on_loan');
  });

  it('only an admin can undo a batch deaccession', async () => {
    const w = await makeWork(curator, { locationId: tree.wardA });
    const res = await curator.post('/api/batches', { selection: { ids: [w.id] }, change: { op: 'status', status: 'deaccessioned', deaccessionDate: '2025-03-01', deaccessionRef: 'Dnr 9', deaccessionReason: 'Stulen' } });
    expect(res.status).toBe(201);
    const byCurator = await curator.post(`/api/batches/${res.body.id}/undo`);
    expect(byCurator.status).toBe(422);
    expect(byCurator.body.rule).toBe('leave_deaccessioned_admin_only');
    const admin = await t.as('admin');
    expect((await admin.post(`/api/batches/${res.body.id}/undo`)).status).toBe(200);
    expect((await curator.get(`/api/artworks/${w.id}`)).body).toMatchObject({ status: 'in_place', deaccessionDate: null });
  });

  it('is all or nothing: one work breaking a status rule rejects the batch with 422 naming the rule', async () => {
    const a = await makeWork(curator, { locationId: tree.wardA });
    const b = await makeWork(curator, { locationId: tree.wardA });
    await curator.post('/api/batches', { selection: { ids: [b.id] }, change: { op: 'move', toLocationId: tree.studioRoom, reason: 'Konservering' } });
    const res = await curator.post('/api/batches', { selection: { ids: [a.id, b.id] }, change: { op: 'status', status: 'in_storage' } });
    expect(res.status).toBe(422);
    expect(res.body.rule).toBe('leave_conservation_by_moving');
    expect((await curator.get(`/api/artworks/${a.id}`)).body.status).toBe('in_place');
  });

  it.each([
    [{ selection: { ids: [] }, change: { op: 'flag', flag: 'glazed', value: true } }, 'selection'],
    [{ selection: { ids: [1] }, change: { op: 'set', field: 'title', value: 'x' } }, 'change.field'],
    [{ selection: { ids: [1] }, change: { op: 'set', field: 'fireClass', value: 'Z9' } }, 'change.value'],
    [{ selection: { ids: [1] }, change: { op: 'delete' } }, 'change.op'],
    [{ selection: { query: { status: 'bogus' } }, change: { op: 'flag', flag: 'glazed', value: true } }, 'selection.query.status'],
  ])('rejects a bad batch %# with 400 naming the field', async (body, path) => {
    const res = await curator.post('/api/batches', body);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
  });

  it('site-limited users cannot batch-edit works of other sites', async () => {
    const theirs = await makeWork(curator, { locationId: tree.otherRoom });
    const limited = await t.as('curator', { siteIds: [tree.hospital] });
    const res = await limited.post('/api/batches', { selection: { ids: [theirs.id] }, change: { op: 'flag', flag: 'glazed', value: true } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('auth.site_forbidden');
  });
});
