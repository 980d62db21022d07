import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import { makeChain, makeTree, makeWork, type Tree } from './test-fixtures.js';

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

describe('the location tree', () => {
  it('keeps the kinds in order: a floor only under a building, a site has no parent', async () => {
    const bad = await curator.post('/api/locations', { kind: 'floor', name: 'Plan 9', parentId: tree.hospital });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ code: 'location.kind_rule', errors: [{ path: 'parentId' }] });
    const orphan = await curator.post('/api/locations', { kind: 'room', name: 'Rum' });
    expect(orphan.status).toBe(422);
    const unknown = await curator.post('/api/locations', { kind: 'room', name: 'Rum', parentId: 987654 });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe('parentId');
  });

  it('counts works per node including the whole subtree', async () => {
    const c = await makeChain(curator, 'Räknesjukhuset', 'hospital', ['R1', 'R2']);
    await makeWork(curator, { locationId: c.rooms[0] });
    await makeWork(curator, { locationId: c.rooms[0] });
    await makeWork(curator, { locationId: c.rooms[1] });
    const site = await curator.get(`/api/locations/${c.site}`);
    expect(site.body.worksCount).toBe(3);
    expect(site.body.children).toMatchObject([{ id: c.building, worksCount: 3 }]);
    const floor = await curator.get(`/api/locations/${c.floor}`);
    expect(floor.body.children.map((r: { name: string; worksCount: number }) => [r.name, r.worksCount])).toEqual([['R1', 2], ['R2', 1]]);
    expect(floor.body.pathText).toBe('Räknesjukhuset › Räknesjukhuset hus 1 › Plan 1');
    const roots = await curator.get('/api/locations');
    expect(roots.body.items.find((l: { id: number }) => l.id === c.site).worksCount).toBe(3);
    const nested = await curator.get(`/api/locations?tree=true&site=${c.site}`);
    expect(nested.body.items[0].children[0].children[0].children.map((r: { worksCount: number }) => r.worksCount)).toEqual([2, 1]);
    const search = await curator.get('/api/locations?q=R2');
    expect(search.body.items[0]).toMatchObject({ id: c.rooms[1], pathText: 'Räknesjukhuset › Räknesjukhuset hus 1 › Plan 1 › R2' });
  });

  it('renaming a room never rewrites where works were: movements keep the name of the day', async () => {
    const c = await makeChain(curator, 'Namnbyte', 'hospital', ['Rum 101']);
    const w = await makeWork(curator, { locationId: c.rooms[0] });
    const room = (await curator.get(`/api/locations/${c.rooms[0]}`)).body;
    const renamed = await curator.patch(`/api/locations/${room.id}`, { name: 'Rum 2.101', code: '2.101' }, { 'if-match': `"${room.version}"` });
    expect(renamed.status).toBe(200);
    const d = (await curator.get(`/api/artworks/${w.id}`)).body;
    expect(d.location.pathText).toBe('Namnbyte › Namnbyte hus 1 › Plan 1 › Rum 2.101');
    expect(d.movements[0].toPathText).toBe('Namnbyte › Namnbyte hus 1 › Plan 1 › Rum 101');
    const at = (await curator.get(`/api/artworks/${w.id}/location-at?date=${new Date().toISOString().slice(0, 10)}`)).body;
    expect(at.location).toMatchObject({ id: room.id, pathTextThen: 'Namnbyte › Namnbyte hus 1 › Plan 1 › Rum 101', pathTextNow: 'Namnbyte › Namnbyte hus 1 › Plan 1 › Rum 2.101' });
  });

  it('moving a building to another site rewrites the subtree paths and the site of every work in it, keeping history', async () => {
    const from = await makeChain(curator, 'Gamla sjukhuset', 'hospital', ['Sal 1', 'Sal 2']);
    const to = await makeChain(curator, 'Nya sjukhuset', 'hospital', []);
    const w1 = await makeWork(curator, { locationId: from.rooms[0] });
    const w2 = await makeWork(curator, { locationId: from.rooms[1] });
    const b = (await curator.get(`/api/locations/${from.building}`)).body;
    const events: number[][] = [];
    t.deps.events.on('artworks.changed', (ids: number[]) => events.push(ids));
    const res = await curator.patch(`/api/locations/${b.id}`, { parentId: to.site }, { 'if-match': `"${b.version}"` });
    expect(res.status).toBe(200);
    const rows = t.db.$client.prepare('select id, path, site_id as siteId from locations where id in (?, ?, ?)').all(from.floor, from.rooms[0], from.rooms[1]) as { id: number; path: string; siteId: number }[];
    for (const r of rows) {
      expect(r.siteId).toBe(to.site);
      expect(r.path.startsWith(`/${to.site}/${from.building}/`)).toBe(true);
    }
    const d1 = (await curator.get(`/api/artworks/${w1.id}`)).body;
    expect(d1.siteId).toBe(to.site);
    expect(d1.location.pathText).toBe('Nya sjukhuset › Gamla sjukhuset hus 1 › Plan 1 › Sal 1');
    expect(d1.movements[0].toPathText).toBe('Gamla sjukhuset › Gamla sjukhuset hus 1 › Plan 1 › Sal 1');
    expect(events.flat().sort()).toEqual([w1.id, w2.id].sort());
    expect((await curator.get(`/api/locations/${to.site}`)).body.worksCount).toBe(2);
    expect((await curator.get(`/api/locations/${from.site}`)).body.worksCount).toBe(0);
    // "what hung in Sal 1" is still answered for the room itself, wherever it now sits
    const contents = (await curator.get(`/api/locations/${from.rooms[0]}/contents-at?date=${new Date().toISOString().slice(0, 10)}`)).body;
    expect(contents.items.map((i: { artworkId: number }) => i.artworkId)).toEqual([w1.id]);
  });

  it('refuses to move a floor under a site (kinds) or a building under itself', async () => {
    const c = await makeChain(curator, 'Regler', 'hospital', []);
    const f = (await curator.get(`/api/locations/${c.floor}`)).body;
    const res = await curator.patch(`/api/locations/${f.id}`, { parentId: c.site }, { 'if-match': `"${f.version}"` });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('location.kind_rule');
  });

  it('deactivates a room only when it is empty; then no work can be moved there', async () => {
    const c = await makeChain(curator, 'Avveckling', 'hospital', ['Stängd avdelning']);
    const w = await makeWork(curator, { locationId: c.rooms[0] });
    let room = (await curator.get(`/api/locations/${c.rooms[0]}`)).body;
    const refused = await curator.patch(`/api/locations/${room.id}`, { active: false }, { 'if-match': `"${room.version}"` });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'location.not_empty', worksCount: 1 });
    expect((await move([w.id], tree.storageRoom)).status).toBe(201);
    room = (await curator.get(`/api/locations/${c.rooms[0]}`)).body;
    const ok = await curator.patch(`/api/locations/${room.id}`, { active: false }, { 'if-match': `"${room.version}"` });
    expect(ok.status).toBe(200);
    expect(ok.body.active).toBe(false);
    const back = await move([w.id], c.rooms[0]);
    expect(back.status).toBe(422);
    expect(back.body.code).toBe('movement.location_inactive');
    expect((await curator.get(`/api/locations/${c.floor}`)).body.children).toEqual([]);
    // the room still exists for history
    expect((await curator.get(`/api/locations/${c.rooms[0]}`)).status).toBe(200);
  });

  it('a stale location edit gets 412 with the current record', async () => {
    const c = await makeChain(curator, 'Versioner', 'hospital', ['A']);
    const res = await curator.patch(`/api/locations/${c.rooms[0]}`, { name: 'B' }, { 'if-match': '"99"' });
    expect(res.status).toBe(412);
    expect(res.body.current).toMatchObject({ id: c.rooms[0], name: 'A' });
    expect((await curator.patch(`/api/locations/${c.rooms[0]}`, { name: 'B' })).status).toBe(428);
  });

  it('site-limited users see and change only their sites', async () => {
    const limited = await t.as('curator', { siteIds: [tree.hospital] });
    expect((await limited.get(`/api/locations/${tree.otherSite}`)).status).toBe(403);
    expect((await limited.post('/api/locations', { kind: 'room', name: 'X', parentId: tree.floor })).status).toBe(201);
    const other = await limited.post('/api/locations', { kind: 'building', name: 'X', parentId: tree.otherSite });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('auth.site_forbidden');
    expect((await limited.post('/api/locations', { kind: 'site', name: 'Nytt', siteType: 'hospital' })).status).toBe(403);
    const tree2 = (await limited.get('/api/locations?tree=true')).body;
    expect(tree2.items.map((s: { id: number }) => s.id)).toEqual([tree.hospital]);
    expect((await limited.get(`/api/locations/${tree.otherRoom}/contents-at?date=2025-01-01`)).status).toBe(403);
  });
});
