import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';

let t: TestApp;
let curator: Client;
const COUNTY = '17.2,58.6,19.4,60.3';
const WORLD = '-180,-90,180,90';

type Feature = { geometry: { coordinates: [number, number] }; properties: Record<string, any> };
const sum = (fs: Feature[]) => fs.reduce((n, f) => n + f.properties.count, 0);

beforeAll(async () => {
  t = await startTestApp({ works: 1500 });
  curator = await t.as('curator');
});
afterAll(() => t.close());

const sql = <T = any>(q: string, ...args: unknown[]) => t.db.$client.prepare(q).all(...args) as T[];
const one = <T = any>(q: string, ...args: unknown[]) => t.db.$client.prepare(q).get(...args) as T;
/** What the search page says for the same filters: the map must show exactly that. */
const searchTotal = async (c: Client, query = '') => {
  const res = await c.get(`/api/artworks?limit=1${query ? `&${query}` : ''}`);
  expect(res.status).toBe(200);
  return res.body.total as number;
};

describe('clusters', () => {
  it.each([8, 10, 12, 14, 16, 18])('counts over the whole county sum to the total at zoom %i', async (zoom) => {
    const res = await curator.get(`/api/map/clusters?bbox=${WORLD}&zoom=${zoom}`);
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('FeatureCollection');
    expect(sum(res.body.features)).toBe(res.body.total);
    expect(res.body.total + res.body.unmapped).toBe(res.body.matched);
    expect(res.body.matched).toBe(await searchTotal(curator));
  });

  it.each([
    ['status', 'status=in_place,missing'],
    ['object type', 'type=painting'],
    ['free text', 'q=olja'],
    ['condition grade', 'grade=3,4'],
    ['checks overdue', 'due=overdue'],
    ['several at once', 'status=in_place&type=print,photograph&decade=1970'],
  ])('with a %s filter the counts sum to the search total at every zoom', async (_name, filters) => {
    const expected = await searchTotal(curator, filters);
    expect(expected).toBeGreaterThan(0);
    for (const zoom of [8, 11, 14, 17]) {
      const res = await curator.get(`/api/map/clusters?bbox=${WORLD}&zoom=${zoom}&${filters}`);
      expect(res.status).toBe(200);
      expect(sum(res.body.features)).toBe(res.body.total);
      expect(res.body.matched).toBe(expected);
      expect(res.body.total + res.body.unmapped).toBe(expected);
    }
  });

  it('a filter matching nothing gives an empty map, not an error', async () => {
    const res = await curator.get(`/api/map/clusters?bbox=${WORLD}&zoom=10&q=zzzqqqxxy`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ type: 'FeatureCollection', features: [], total: 0, matched: 0, unmapped: 0 });
  });

  it('ignores list-only parameters a shared URL may carry (sort, limit, view)', async () => {
    const plain = (await curator.get(`/api/map/clusters?bbox=${WORLD}&zoom=10&type=painting`)).body;
    const shared = await curator.get(`/api/map/clusters?bbox=${WORLD}&zoom=10&type=painting&sort=-year&limit=50&view=grid`);
    expect(shared.status).toBe(200);
    expect(shared.body).toEqual(plain);
  });

  it('zooming out merges sites into fewer clusters, zooming in splits them to single sites', async () => {
    const far = (await curator.get(`/api/map/clusters?bbox=${COUNTY}&zoom=8`)).body;
    const near = (await curator.get(`/api/map/clusters?bbox=${WORLD}&zoom=18`)).body;
    expect(far.features.length).toBeLessThan(30);
    expect(far.features.some((f: Feature) => f.properties.cluster)).toBe(true);
    expect(near.features.every((f: Feature) => !f.properties.cluster)).toBe(true);
    const cluster = far.features.find((f: Feature) => f.properties.cluster).properties;
    expect(cluster).toMatchObject({ cluster: true, clusterId: expect.any(Number), count: expect.any(Number), sites: expect.any(Number) });
    expect(cluster.expansionZoom).toBeGreaterThan(8);
    expect(cluster.attention).toBeGreaterThanOrEqual(0);
    expect(cluster.attention).toBeLessThanOrEqual(1);
  });

  it('a site on the deepest zoom carries its counts by status, worst grade and share needing attention', async () => {
    const near = (await curator.get(`/api/map/clusters?bbox=${WORLD}&zoom=18`)).body;
    const biggest = near.features.sort((a: Feature, b: Feature) => b.properties.count - a.properties.count)[0].properties;
    const db = sql<{ status: string; n: number }>('select status, count(*) n from artworks where site_id = ? group by status', biggest.siteId);
    expect(biggest.byStatus).toEqual(Object.fromEntries(db.map((r) => [r.status, r.n])));
    expect(biggest.count).toBe(db.reduce((n, r) => n + r.n, 0));
    const worst = one<{ g: number | null }>('select max(last_grade) g from artworks where site_id = ?', biggest.siteId).g;
    expect(biggest.worstGrade).toBe(worst);
    const today = new Date().toISOString().slice(0, 10);
    const attention = one<{ n: number }>(
      "select count(*) n from artworks where site_id = ? and (last_grade >= 3 or status = 'missing' or (status != 'deaccessioned' and next_check_due < ?))",
      biggest.siteId,
      today,
    ).n;
    expect(biggest.attentionCount).toBe(attention);
    expect(biggest.attention).toBeCloseTo(attention / biggest.count, 3);
    expect(biggest.name).toBe(one<{ name: string }>('select name from locations where id = ?', biggest.siteId).name);
  });

  it('a smaller visible area holds exactly the works of the sites inside it (sites shown singly)', async () => {
    const bbox = [17.95, 59.28, 18.15, 59.4]; // central Stockholm
    // A cluster sits where its sites' weighted centre is, so only single sites split exactly at the edge.
    const clustered = (await curator.get(`/api/map/clusters?bbox=${bbox.join(',')}&zoom=12`)).body;
    expect(sum(clustered.features)).toBe(clustered.total);
    const res = (await curator.get(`/api/map/clusters?bbox=${bbox.join(',')}&zoom=17`)).body;
    const expected = one<{ n: number }>(
      `select count(*) n from artworks a join locations s on s.id = a.site_id
        where s.lon between ? and ? and s.lat between ? and ?`,
      bbox[0],
      bbox[2],
      bbox[1],
      bbox[3],
    ).n;
    expect(expected).toBeGreaterThan(0);
    expect(sum(res.features)).toBe(expected);
    expect(res.total).toBe(expected);
    expect(res.matched).toBe(await searchTotal(curator));
  });

  it('a user limited to one site sees only that site', async () => {
    const site = one<{ site_id: number }>("select site_id from artworks where status='in_place' group by site_id order by count(*) desc limit 1").site_id;
    const limited = await t.as('viewer', { siteIds: [site] });
    const res = (await limited.get(`/api/map/clusters?bbox=${WORLD}&zoom=18`)).body;
    expect(res.features).toHaveLength(1);
    expect(res.features[0].properties.siteId).toBe(site);
    expect(res.matched).toBe(one<{ n: number }>('select count(*) n from artworks where site_id = ?', site).n);
    expect(res.matched).toBe(await searchTotal(limited));
    const filtered = (await limited.get(`/api/map/clusters?bbox=${WORLD}&zoom=18&status=in_place`)).body;
    expect(filtered.features.every((f: Feature) => f.properties.siteId === site)).toBe(true);
    expect(filtered.matched).toBe(await searchTotal(limited, 'status=in_place'));
  });

  it('stays current after any write, even one that announces nothing', async () => {
    const before = (await curator.get(`/api/map/clusters?bbox=${WORLD}&zoom=18`)).body;
    const w = one<{ id: number; site_id: number }>("select id, site_id from artworks where status = 'in_place' and site_id is not null limit 1");
    const siteBefore = before.features.find((f: Feature) => f.properties.siteId === w.site_id).properties;
    t.db.$client.prepare("update artworks set status = 'missing' where id = ?").run(w.id);
    const after = (await curator.get(`/api/map/clusters?bbox=${WORLD}&zoom=18`)).body;
    const siteAfter = after.features.find((f: Feature) => f.properties.siteId === w.site_id).properties;
    expect(siteAfter.byStatus.missing ?? 0).toBe((siteBefore.byStatus.missing ?? 0) + 1);
    expect(siteAfter.byStatus.in_place ?? 0).toBe((siteBefore.byStatus.in_place ?? 0) - 1);
    expect(siteAfter.attentionCount).toBeGreaterThanOrEqual(siteBefore.attentionCount);
    const missing = (await curator.get(`/api/map/clusters?bbox=${WORLD}&zoom=18&status=missing`)).body;
    expect(missing.matched).toBe(await searchTotal(curator, 'status=missing'));
    t.db.$client.prepare('update artworks set site_id = null, location_id = null, status = ? where id = ?').run('deaccessioned', w.id);
    const gone = (await curator.get(`/api/map/clusters?bbox=${WORLD}&zoom=18`)).body;
    expect(gone.unmapped).toBe(after.unmapped + 1);
    expect(gone.total).toBe(after.total - 1);
  });

  it('keeps its counts exact through many writes: the default view equals a count made afresh', async () => {
    const sites = async (q = '') => {
      const body = (await curator.get(`/api/map/clusters?bbox=${WORLD}&zoom=18${q}`)).body;
      return new Map(body.features.map((f: Feature) => [f.properties.siteId, f.properties]));
    };
    await sites(); // the default view is built; the writes below are applied to it one by one
    const worst = one<{ id: number; site_id: number }>("select id, site_id from artworks where last_grade = 4 and site_id is not null limit 1");
    t.db.$client.prepare('update artworks set last_grade = 1 where site_id = ? and last_grade >= 3').run(worst.site_id);
    const [a, b] = sql<{ id: number }>("select id from locations where kind = 'site' and lat is not null order by id limit 2").map((r) => r.id);
    const room = one<{ id: number }>("select id from locations where kind = 'room' and site_id = ? limit 1", b).id;
    t.db.$client.prepare("update artworks set site_id = ?, location_id = ? where id in (select id from artworks where site_id = ? limit 5)").run(b, room, a);
    t.db.$client.prepare("update artworks set next_check_due = '2000-01-01' where id in (select id from artworks where site_id = ? limit 3)").run(b);
    t.db.$client.prepare("update artworks set status = 'missing' where id in (select id from artworks where site_id = ? and status = 'in_place' limit 2)").run(a);
    const live = await sites();
    // Every status at once is a filter, so this view is counted afresh from the search's ids.
    const fresh = await sites('&status=in_place,in_storage,on_loan,in_conservation,missing,deaccessioned');
    expect(live.size).toBe(fresh.size);
    for (const [id, p] of fresh) expect(live.get(id), `site ${id}`).toEqual(p);
    expect((live.get(worst.site_id) as { worstGrade: number | null }).worstGrade).not.toBe(4);
  });

  it.each([
    ['bbox missing', 'zoom=8', 'bbox'],
    ['bbox with three numbers', 'bbox=17,58,19&zoom=8', 'bbox'],
    ['bbox with words', 'bbox=west,south,east,north&zoom=8', 'bbox'],
    ['bbox with an empty part', 'bbox=17,,19,60&zoom=8', 'bbox'],
    ['south north of north', 'bbox=17,60,19,58&zoom=8', 'bbox'],
    ['longitude out of range', 'bbox=17,58,190,60&zoom=8', 'bbox'],
    ['latitude out of range', 'bbox=17,-95,19,60&zoom=8', 'bbox'],
    ['zoom missing', `bbox=${COUNTY}`, 'zoom'],
    ['zoom negative', `bbox=${COUNTY}&zoom=-1`, 'zoom'],
    ['zoom too deep', `bbox=${COUNTY}&zoom=40`, 'zoom'],
    ['zoom not a number', `bbox=${COUNTY}&zoom=near`, 'zoom'],
    ['an unknown filter', `bbox=${COUNTY}&zoom=8&colour=red`, 'colour'],
    ['a bad status filter', `bbox=${COUNTY}&zoom=8&status=stolen`, 'status'],
  ])('refuses %s with 400 naming the parameter', async (_name, query, param) => {
    const res = await curator.get(`/api/map/clusters?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('validation');
    expect(res.body.errors.map((e: { path: string }) => e.path.split('.')[0])).toContain(param);
  });

  it('accepts a view crossing the antimeridian (west > east)', async () => {
    const res = await curator.get('/api/map/clusters?bbox=170,58,19.4,61&zoom=8');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(res.body.matched - res.body.unmapped);
  });
});

describe('base map config', () => {
  it('is offline (no tile URL) by default', async () => {
    expect((await curator.get('/api/map/config')).body).toEqual({ tileUrl: null, attribution: null });
  });

  it('names the tile server and its attribution when TILE_URL is set', async () => {
    const t2 = await startTestApp({ env: { TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png', TILE_ATTRIBUTION: '© Example' } });
    try {
      const c = await t2.as('viewer');
      expect((await c.get('/api/map/config')).body).toEqual({ tileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png', attribution: '© Example' });
    } finally {
      await t2.close();
    }
  });
});

describe('site card', () => {
  it("lists a site's floors with their works and whether they have a plan", async () => {
    const site = one<{ site_id: number }>("select site_id from artworks where status='in_place' group by site_id order by count(*) desc limit 1").site_id;
    const res = await curator.get(`/api/map/sites/${site}`);
    expect(res.status).toBe(200);
    expect(res.body.floors.length).toBeGreaterThan(0);
    const total = res.body.floors.reduce((n: number, f: { works: number }) => n + f.works, 0);
    const onFloors = one<{ n: number }>(
      `select count(*) n from artworks a join locations l on l.id = a.location_id
        where a.site_id = ? and a.status != 'deaccessioned' and l.kind in ('floor','room')`, // floors list what is there now
      site,
    ).n;
    expect(total).toBe(onFloors);
    expect(res.body.floors[0]).toMatchObject({ id: expect.any(Number), name: expect.any(String), buildingName: expect.any(String), hasPlan: expect.any(Boolean) });
  });

  it('404s for something that is not a site, 403s for a user limited to other sites', async () => {
    const room = one<{ id: number }>("select id from locations where kind = 'room' limit 1").id;
    expect((await curator.get(`/api/map/sites/${room}`)).body.code).toBe('site.not_found');
    const [a, b] = sql<{ id: number }>("select id from locations where kind = 'site' order by id limit 2");
    const limited = await t.as('viewer', { siteIds: [a!.id] });
    expect((await limited.get(`/api/map/sites/${b!.id}`)).status).toBe(403);
  });
});

describe('floor plans', () => {
  const busyFloor = () =>
    one<{ floor: number }>(
      `select case when l.kind = 'room' then l.parent_id else l.id end floor from artworks a join locations l on l.id = a.location_id
        where l.kind in ('room','floor') and a.status = 'in_place' group by floor order by count(*) desc limit 1`,
    ).floor;

  it("returns the floor's rooms with their areas and its works split into placed and unplaced", async () => {
    const floor = busyFloor();
    const res = await curator.get(`/api/floors/${floor}/plan`);
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.floor.id).toBe(floor);
    expect(body.canEdit).toBe(true);
    const rooms = sql<{ id: number }>("select id from locations where parent_id = ? and kind = 'room' and active = 1", floor);
    expect(body.rooms.map((r: { id: number }) => r.id).sort()).toEqual(rooms.map((r) => r.id).sort());
    expect(body.rooms.every((r: { planArea: unknown }) => r.planArea === null || typeof r.planArea === 'object')).toBe(true);
    const works = one<{ n: number; placed: number }>(
      `select count(*) n, sum(pos_x is not null) placed from artworks a join locations l on l.id = a.location_id
        where (l.id = ? or l.parent_id = ?) and a.status != 'deaccessioned'`,
      floor,
      floor,
    );
    expect(body.placed.length + body.unplaced.length).toBe(works.n);
    expect(body.placed.length).toBe(works.placed ?? 0);
    for (const w of body.placed) expect(w.posX).toBeGreaterThanOrEqual(0);
    for (const w of body.unplaced) expect(w.posX).toBeNull();
  });

  it('tells a viewer the plan is read-only; 404s for a room id; 403s for another site', async () => {
    const viewer = await t.as('viewer');
    const floor = busyFloor();
    expect((await viewer.get(`/api/floors/${floor}/plan`)).body.canEdit).toBe(false);
    const room = one<{ id: number }>("select id from locations where kind = 'room' limit 1").id;
    const nf = await curator.get(`/api/floors/${room}/plan`);
    expect(nf.status).toBe(404);
    expect(nf.body.code).toBe('floor.not_found');
    const site = one<{ site_id: number }>('select site_id from locations where id = ?', floor).site_id;
    const other = one<{ id: number }>("select id from locations where kind = 'site' and id != ? limit 1", site).id;
    const limited = await t.as('curator', { siteIds: [other] });
    expect((await limited.get(`/api/floors/${floor}/plan`)).status).toBe(403);
  });
});

describe('dragging a pin', () => {
  type Work = { id: number; locationId: number; floor: number; version: number };
  const workInRoom = (): Work =>
    one<Work>(
      `select a.id, a.location_id locationId, l.parent_id floor, a.version from artworks a join locations l on l.id = a.location_id
        where l.kind = 'room' and a.status = 'in_place'
          and (select count(*) from locations r where r.parent_id = l.parent_id and r.kind = 'room') > 1
        order by a.id desc limit 1 offset ?`,
      Math.floor(Math.random() * 50),
    );
  const counts = (id: number) => ({
    movements: one<{ n: number }>('select count(*) n from movements where artwork_id = ?', id).n,
    audits: sql<{ action: string }>("select action from audit_log where entity_type = 'artwork' and entity_id = ? order by id", id).map((r) => r.action),
  });

  it('within the same room changes the spot only: audited, versioned, no movement', async () => {
    const w = workInRoom();
    const before = counts(w.id);
    const res = await curator.put(`/api/artworks/${w.id}/placement`, { posX: 0.25, posY: 0.75 }, { 'if-match': `"${w.version}"` });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ version: w.version + 1, moved: false });
    expect(res.headers.get('etag')).toBe(`"${w.version + 1}"`);
    const row = one('select pos_x x, pos_y y, location_id l, version v from artworks where id = ?', w.id);
    expect(row).toEqual({ x: 0.25, y: 0.75, l: w.locationId, v: w.version + 1 });
    const after = counts(w.id);
    expect(after.movements).toBe(before.movements);
    expect(after.audits.slice(before.audits.length)).toEqual(['placement']);
    const plan = (await curator.get(`/api/floors/${w.floor}/plan`)).body;
    expect(plan.placed.find((p: { id: number }) => p.id === w.id)).toMatchObject({ posX: 0.25, posY: 0.75 });
  });

  it('into another room of the floor records a movement to that room with the spot', async () => {
    const w = workInRoom();
    const other = one<{ id: number }>("select id from locations where parent_id = ? and kind = 'room' and id != ? limit 1", w.floor, w.locationId).id;
    const before = counts(w.id);
    const res = await curator.put(`/api/artworks/${w.id}/placement`, { posX: 0.5, posY: 0.1, locationId: other }, { 'if-match': `"${w.version}"` });
    expect(res.status).toBe(200);
    expect(res.body.moved).toBe(true);
    expect(one('select pos_x x, pos_y y, location_id l from artworks where id = ?', w.id)).toEqual({ x: 0.5, y: 0.1, l: other });
    const after = counts(w.id);
    expect(after.movements).toBe(before.movements + 1);
    expect(after.audits.slice(before.audits.length)).toEqual(['move']);
    const m = one('select from_location_id f, to_location_id t from movements where artwork_id = ? order by id desc limit 1', w.id);
    expect(m).toEqual({ f: w.locationId, t: other });
  });

  it('a stale version is refused with 412 and the current record; a missing If-Match with 428', async () => {
    const w = workInRoom();
    const stale = await curator.put(`/api/artworks/${w.id}/placement`, { posX: 0.3, posY: 0.3 }, { 'if-match': `"${w.version - 1 || 99}"` });
    expect(stale.status).toBe(412);
    expect(stale.body.current.version).toBe(w.version);
    expect((await curator.put(`/api/artworks/${w.id}/placement`, { posX: 0.3, posY: 0.3 })).status).toBe(428);
  });

  it('a room on another floor cannot take a spot on this plan', async () => {
    const w = workInRoom();
    const elsewhere = one<{ id: number }>("select id from locations where kind = 'room' and parent_id != ? limit 1", w.floor).id;
    const res = await curator.put(`/api/artworks/${w.id}/placement`, { posX: 0.5, posY: 0.5, locationId: elsewhere }, { 'if-match': `"${w.version}"` });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('placement.other_floor');
    expect(one('select location_id l from artworks where id = ?', w.id).l).toBe(w.locationId);
  });

  it.each([
    [{ posX: 1.5, posY: 0.5 }, 'posX'],
    [{ posX: 0.5 }, 'posY'],
    [{ posX: 0.5, posY: null }, 'posY'],
    [{ posX: 0.5, posY: 0.5, locationId: 'room' }, 'locationId'],
    [{ posX: 0.5, posY: 0.5, colour: 'red' }, 'colour'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const w = workInRoom();
    const res = await curator.put(`/api/artworks/${w.id}/placement`, body, { 'if-match': `"${w.version}"` });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    expect(one('select version v from artworks where id = ?', w.id).v).toBe(w.version);
  });

  it('a viewer may not move pins; an unknown work is 404', async () => {
    const viewer = await t.as('viewer');
    const w = workInRoom();
    expect((await viewer.put(`/api/artworks/${w.id}/placement`, { posX: 0.1, posY: 0.1 }, { 'if-match': `"${w.version}"` })).status).toBe(403);
    const nf = await curator.put('/api/artworks/99999999/placement', { posX: 0.1, posY: 0.1 }, { 'if-match': '"1"' });
    expect(nf.status).toBe(404);
  });

  it('clearing the spot puts the work back among the unplaced works of the floor', async () => {
    const w = workInRoom();
    const res = await curator.put(`/api/artworks/${w.id}/placement`, { posX: null, posY: null }, { 'if-match': `"${w.version}"` });
    expect(res.status).toBe(200);
    const plan = (await curator.get(`/api/floors/${w.floor}/plan`)).body;
    expect(plan.unplaced.some((p: { id: number }) => p.id === w.id)).toBe(true);
  });
});
