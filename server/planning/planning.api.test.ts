// The yearly round plan on the demo collection: every work due in the year is planned once, by its
// due month when capacity allows; short capacity shows up as late works and a shortfall in hours.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import type { YearPlan } from './planning.schema.js';

const NOW = new Date('2026-11-01T10:00:00Z');
let t: TestApp;
let viewer: Client;

beforeAll(async () => {
  t = await startTestApp({ works: 1500, now: () => NOW });
  viewer = await t.as('viewer');
}, 120_000);
afterAll(() => t?.close());

/** Works due by the end of the year (or never checked) that can be checked, with their due month (0 = already late). */
function dueInYear(year: number, siteId?: number): Map<number, number> {
  const rows = t.db.$client
    .prepare(
      `select id, next_check_due as due from artworks where status in ('in_place','in_storage','on_loan')
        and (next_check_due <= ? or (next_check_due is null and last_check_at is null)) ${siteId ? 'and site_id = ?' : ''}`,
    )
    .all(...[`${year}-12-31`, ...(siteId ? [siteId] : [])]) as { id: number; due: string | null }[];
  return new Map(rows.map((r) => [r.id, !r.due || r.due < `${year}-01-01` ? 0 : Number(r.due.slice(5, 7))]));
}

const plan = async (q: string): Promise<YearPlan> => {
  const res = await viewer.get(`/api/planning/year?${q}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe('GET /api/planning/year', () => {
  it('plans every work due next year exactly once, none after its due month, when the hours suffice', async () => {
    const p = await plan('year=2027&hoursPerMonth=200&worksPerHour=12&includeWorks=true');
    const due = dueInYear(2027);
    expect(p.fromMonth).toBe(1);
    expect(p.capacityPerMonth).toBe(2400);
    expect(p.dueWorks).toBe(due.size);
    expect(p.shortfall).toEqual({ works: 0, hours: 0, bySite: [] });
    expect(p.months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const seen = new Map<number, number>();
    for (const m of p.months) {
      expect(m.planned).toBeLessThanOrEqual(m.capacity);
      expect(m.visits.reduce((n, v) => n + v.works, 0)).toBe(m.planned);
      expect(m.hours).toBeCloseTo(m.planned / 12, 0);
      for (const v of m.visits) for (const id of v.artworkIds!) {
        expect(seen.has(id), `work ${id} planned twice`).toBe(false);
        seen.set(id, m.month);
      }
    }
    expect(new Set(seen.keys())).toEqual(new Set(due.keys()));
    // Overdue and never-checked works first (January), the rest by their due month.
    for (const [id, month] of seen) expect(month, `work ${id}`).toBeLessThanOrEqual(Math.max(1, due.get(id)!));
    expect(p.late).toBe(0);
  });

  it('reports what does not fit: late works and the shortfall in works and hours', async () => {
    const p = await plan('year=2027&hoursPerMonth=5&worksPerHour=10&includeWorks=true');
    const due = dueInYear(2027);
    expect(p.capacityPerMonth).toBe(50);
    expect(p.planned).toBe(12 * 50);
    expect(p.planned + p.shortfall.works).toBe(due.size);
    expect(p.shortfall.hours).toBeCloseTo((due.size - 600) / 10, 1);
    expect(p.shortfall.bySite.reduce((n, s) => n + s.works, 0)).toBe(p.shortfall.works);
    expect(p.late).toBeGreaterThan(0);
    for (const m of p.months) expect(m.planned).toBe(50);
    const planned = p.months.flatMap((m) => m.visits.flatMap((v) => v.artworkIds!));
    expect(new Set(planned).size).toBe(planned.length);
    for (const id of planned) expect(due.has(id)).toBe(true);
  });

  it('pulls work forward so that a crowded month later in the year still fits, on the same walk', async () => {
    const app = await startTestApp({ now: () => NOW });
    try {
      // Ten checks a month; Ward A has fifteen works due in June, Ward B five due in March.
      const sqlite = app.db.$client;
      const at = NOW.toISOString();
      const place = sqlite.prepare('insert into locations (parent_id, path, depth, site_id, kind, site_type, name, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)');
      const site = (name: string, id: number) => {
        place.run(null, `/${id}/`, 0, id, 'site', 'hospital', name, at, at);
        return id;
      };
      const a = site('Sjukhus A', 1);
      const b = site('Sjukhus B', 2);
      const work = sqlite.prepare(
        "insert into artworks (inventory_number, inventory_key, title, object_type, status, site_id, last_check_at, next_check_due, created_at, updated_at) values (?, ?, 'Verk', 'painting', 'in_place', ?, '2024-01-01T00:00:00Z', ?, ?, ?)",
      );
      for (let i = 0; i < 15; i++) work.run(`A ${i}`, `a${i}`, a, '2027-06-15', at, at);
      for (let i = 0; i < 5; i++) work.run(`B ${i}`, `b${i}`, b, '2027-03-10', at, at);
      const c = await app.as('viewer');
      const p: YearPlan = (await c.get('/api/planning/year?year=2027&hoursPerMonth=5&worksPerHour=2')).body;
      expect(p).toMatchObject({ dueWorks: 20, planned: 20, late: 0, shortfall: { works: 0 } });
      const visits = p.months.filter((m) => m.planned).map((m) => [m.month, ...m.visits.map((v) => `${v.siteName}: ${v.works} (${v.early} early)`)]);
      // March walks B; June cannot hold all of A, so May takes the overflow and, on the same walk, as much as fits.
      expect(visits).toEqual([
        [3, 'Sjukhus B: 5 (0 early)'],
        [5, 'Sjukhus A: 10 (10 early)'],
        [6, 'Sjukhus A: 5 (0 early)'],
      ]);
    } finally {
      await app.close();
    }
  });

  it('starts this year at the current month and plans one site alone', async () => {
    const site = t.db.$client.prepare("select site_id from artworks where site_id is not null group by site_id order by count(*) desc limit 1").pluck().get() as number;
    const p = await plan(`year=2026&hoursPerMonth=20&worksPerHour=10&site=${site}`);
    expect(p.fromMonth).toBe(11);
    expect(p.months.map((m) => m.month)).toEqual([11, 12]);
    expect(p.dueWorks).toBe(dueInYear(2026, site).size);
    for (const m of p.months) for (const v of m.visits) expect(v.siteId).toBe(site);
  });

  it.each([
    ['year=2025&hoursPerMonth=10&worksPerHour=10', 422, 'year'],
    ['year=2027&hoursPerMonth=0&worksPerHour=10', 400, 'hoursPerMonth'],
    ['year=2027&hoursPerMonth=10', 400, 'worksPerHour'],
    ['year=abc&hoursPerMonth=10&worksPerHour=10', 400, 'year'],
    ['year=2027&hoursPerMonth=10&worksPerHour=10&site=999999', 400, 'site'],
    ['year=2027&hoursPerMonth=10&worksPerHour=10&speed=9', 400, 'speed'],
  ])('%s answers %i naming %s', async (q, status, field) => {
    const res = await viewer.get(`/api/planning/year?${q}`);
    expect(res.status).toBe(status);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
  });
});
