// The dashboard on the demo collection: each figure is the total of the search it links to, the
// figures agree with the records, follow writes, and a site-limited user sees only their sites.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import type { DashboardResponse, Figure } from './dashboard.schema.js';
import { forgetTrend } from './dashboard.trend.js';

const NOW = new Date('2026-11-01T10:00:00Z');
let t: TestApp;
let admin: Client;
let d: DashboardResponse;

beforeAll(async () => {
  t = await startTestApp({ works: 2000, now: () => NOW });
  admin = await t.as('admin');
  // The demo puts every work in a room: one work hung in a corridor known only by its floor shows the location gap.
  const sqlite = t.db.$client;
  const floor = sqlite.prepare("select id from locations where kind = 'floor' order by id limit 1").pluck().get() as number;
  const work = sqlite.prepare("select id from artworks where status = 'in_place' order by id desc limit 1").pluck().get() as number;
  expect((await (await t.as('curator')).post('/api/movements', { artworkIds: [work], toLocationId: floor, reason: 'Flyttad till korridoren' })).status).toBe(201);
  const res = await admin.get('/api/dashboard');
  expect(res.status).toBe(200);
  d = res.body;
}, 120_000);
afterAll(() => t?.close());

/** Every { count, search } in the response, with where it sits. */
function figures(v: unknown, at = ''): [string, Figure][] {
  if (!v || typeof v !== 'object') return [];
  const o = v as Record<string, unknown>;
  if (typeof o.count === 'number' && typeof o.search === 'string') return [[at, o as Figure]];
  return Object.entries(o).flatMap(([k, x]) => figures(x, `${at}.${k}`));
}
const sql = <T = number>(q: string, ...p: unknown[]) => t.db.$client.prepare(q).pluck().get(...p) as T;

describe('GET /api/dashboard', () => {
  it('shows every figure as the total of the search its link opens', async () => {
    const all = figures(d).filter(([, f]) => f.search);
    expect(all.length).toBeGreaterThan(40);
    for (const [where, f] of all) {
      const res = await admin.get(`/api/artworks?${f.search}&limit=1`);
      expect(res.status, `${where}: ${f.search}`).toBe(200);
      expect(res.body.total, `${where}: ${f.search}`).toBe(f.count);
    }
    // Non-trivial demo data: most cards have something to show.
    expect(d.checks.overdue.count).toBeGreaterThan(0);
    expect(d.quality.items.every((q) => q.count > 0)).toBe(true);
    expect(d.backlog.total.count).toBeGreaterThan(0);
  });

  it('counts what the records say (statuses, overdue, checked in 12 months, gaps, backlog)', async () => {
    expect(d.today).toBe('2026-11-01');
    expect(d.collection.count).toBe(sql("select count(*) from artworks where status <> 'deaccessioned'"));
    for (const s of d.byStatus) expect(s.count, s.status).toBe(sql('select count(*) from artworks where status = ?', s.status));
    expect(d.bySite.reduce((n, s) => n + s.count, 0)).toBe(d.collection.count);
    expect(d.grades.reduce((n, g) => n + g.count, 0)).toBe(d.collection.count);
    const checkable = "status in ('in_place','in_storage','on_loan')";
    expect(d.checks.overdue.count).toBe(sql(`select count(*) from artworks where ${checkable} and next_check_due < '2026-11-01'`));
    expect(d.checks.never.count).toBe(sql(`select count(*) from artworks where ${checkable} and next_check_due is null`));
    expect(d.checked12m.since).toBe('2025-11-01');
    expect(d.checked12m.checked.count).toBe(sql(`select count(*) from artworks where ${checkable} and last_check_at >= '2025-11-01'`));
    expect(d.checked12m.checked.count + d.checked12m.notChecked.count).toBe(d.checked12m.of.count);
    expect(d.checked12m.share).toBeCloseTo(d.checked12m.checked.count / d.checked12m.of.count, 10);
    const coll = "status <> 'deaccessioned'";
    const gap = Object.fromEntries(d.quality.items.map((q) => [q.gap, q.count]));
    expect(gap.ownership).toBe(sql(`select count(*) from artworks where ${coll} and ownership_unclear = 1`));
    expect(gap.image).toBe(sql(`select count(*) from artworks a where ${coll} and primary_media_id is null and not exists (select 1 from media_links m where m.entity_type = 'artwork' and m.entity_id = a.id and m.role = 'primary')`));
    expect(gap.dimensions).toBe(sql(`select count(*) from artworks where ${coll} and (dimensions_unknown = 1 or (height_cm is null and width_cm is null and object_type <> 'digital'))`));
    expect(gap.location).toBe(sql(`select count(*) from artworks a left join locations l on l.id = a.location_id where a.status in ('in_place','in_storage') and (l.id is null or l.kind <> 'room')`));
    // The backlog card and the conservation backlog agree, count and money.
    const backlog = (await admin.get('/api/checks/backlog?limit=1')).body;
    expect(d.backlog.total.count).toBe(backlog.totals.total.count);
    expect(d.backlog.estimatedCost).toBe(backlog.totals.total.estimatedCost);
    for (const p of d.backlog.byPriority) expect(p.count, p.priority).toBe(backlog.totals.byPriority[p.priority].count);
    expect(d.missing.count).toBe(d.byStatus.find((s) => s.status === 'missing')!.count);
  });

  it('draws the grade trend per year from the check history', () => {
    expect(d.gradeTrend.map((y) => y.year)).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    const everChecked = sql(`select count(distinct c.artwork_id) from condition_checks c join artworks a on a.id = c.artwork_id where a.status <> 'deaccessioned'`);
    const last = d.gradeTrend.at(-1)!.grades.reduce((a, b) => a + b, 0);
    expect(last).toBe(everChecked);
    // Works only ever get checked: the number with a grade never shrinks from one year to the next.
    const totals = d.gradeTrend.map((y) => y.grades.reduce((a, b) => a + b, 0));
    for (let i = 1; i < totals.length; i++) expect(totals[i]).toBeGreaterThanOrEqual(totals[i - 1]!);
  });

  it('follows a check recorded a moment ago: one fewer overdue, one more checked this year', async () => {
    const id = sql<number>("select id from artworks where status = 'in_place' and next_check_due < '2026-11-01' order by id limit 1");
    const conservator = await t.as('conservator');
    const res = await conservator.post('/api/condition-checks', { artworkId: id, grade: 2 });
    expect(res.status).toBe(201);
    const after: DashboardResponse = (await admin.get('/api/dashboard')).body;
    expect(after.checks.overdue.count).toBe(d.checks.overdue.count - 1);
    expect(after.checked12m.checked.count).toBe(d.checked12m.checked.count + 1);
    d = after;
  });

  it('shows a site-limited user only their own site, in every figure and in the recent changes', async () => {
    const site = d.bySite[0]!.siteId!;
    const viewer = await t.as('viewer', { siteIds: [site] });
    const mine: DashboardResponse = (await viewer.get('/api/dashboard')).body;
    expect(mine.collection.count).toBe(sql("select count(*) from artworks where status <> 'deaccessioned' and site_id = ?", site));
    expect(mine.bySite.map((s) => s.siteId)).toEqual([site]);
    expect(mine.missing.count).toBe(sql("select count(*) from artworks where status = 'missing' and site_id = ?", site));
    for (const r of mine.recent) expect(sql('select site_id from artworks where id = ?', r.artworkId)).toBe(site);
    for (const [where, f] of figures(mine).filter(([, f]) => f.search).slice(0, 12)) expect((await viewer.get(`/api/artworks?${f.search}&limit=1`)).body.total, where).toBe(f.count);
    expect((await viewer.get(`/api/dashboard?site=${d.bySite[1]!.siteId}`)).status).toBe(403);
  });

  it('narrows to one site with ?site=, and names a bad site', async () => {
    const site = d.bySite[1]!;
    const one: DashboardResponse = (await admin.get(`/api/dashboard?site=${site.siteId}`)).body;
    expect(one.site).toEqual({ id: site.siteId, name: site.siteName });
    expect(one.collection.count).toBe(site.count);
    expect(one.collection.search).toContain(`site=${site.siteId}`);
    const building = sql<number>("select id from locations where kind = 'building' limit 1");
    for (const [q, status] of [[`site=${building}`, 400], ['site=abc', 400], ['site=1&x=1', 400]] as const) {
      const res = await admin.get(`/api/dashboard?${q}`);
      expect(res.status, q).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors.map((e: { path: string }) => e.path).join(',')).toMatch(q.includes('x=') ? /x/ : /site/);
    }
  });

  it('lists recent changes newest first, the check just recorded on top', async () => {
    expect(d.recent.length).toBeGreaterThan(0);
    const ats = d.recent.map((r) => r.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    expect(d.recent[0]).toMatchObject({ entity: 'condition_check', action: 'create', userName: 'Test conservator' });
  });

  it('answers repeated calls from its cache until something is written, and keeps the trend off the request path', async () => {
    const a: DashboardResponse = (await admin.get('/api/dashboard')).body;
    const b: DashboardResponse = (await admin.get('/api/dashboard')).body;
    expect(b.timing.cache).toBe('hit');
    expect({ ...b, timing: null }).toEqual({ ...a, timing: null });
    const id = sql<number>("select id from artworks where status = 'in_place' and next_check_due < '2026-11-01' order by id desc limit 1");
    const conservator = await t.as('conservator');
    expect((await conservator.post('/api/condition-checks', { artworkId: id, grade: 1 })).status).toBe(201);
    const c: DashboardResponse = (await admin.get('/api/dashboard')).body;
    expect(c.timing).toMatchObject({ cache: 'miss', trend: 'stale' });
    expect(c.checks.overdue.count).toBe(b.checks.overdue.count - 1);
    forgetTrend(t.deps);
    expect((await conservator.post('/api/condition-checks', { artworkId: id, grade: 2 })).status).toBe(201);
    expect((await admin.get('/api/dashboard')).body.timing).toMatchObject({ cache: 'miss', trend: 'computed' });
  });
});
