// The missing-works follow-up on the demo collection: the list, a follow-up that runs its steps and
// finds the work again (movement, status, history kept), the configurable police-report week, errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import type { MissingItem, MissingListResponse } from './missing.schema.js';

const NOW = new Date('2026-11-01T10:00:00Z');
let t: TestApp;
let conservator: Client;
const sql = <T = number>(q: string, ...p: unknown[]) => t.db.$client.prepare(q).pluck().get(...p) as T;

beforeAll(async () => {
  t = await startTestApp({ works: 1500, now: () => NOW });
  conservator = await t.as('conservator');
}, 120_000);
afterAll(() => t?.close());

async function all(c: Client, query = ''): Promise<MissingItem[]> {
  const out: MissingItem[] = [];
  let cursor: string | null = null;
  do {
    const res = await c.get(`/api/missing?limit=7${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    out.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

/** A fresh missing work: status missing since `daysAgo`, like a closed round leaves it. */
function markMissing(daysAgo: number): number {
  const id = sql<number>("select id from artworks where status = 'in_place' and id not in (select artwork_id from missing_steps) order by id limit 1");
  const since = new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString();
  t.db.$client.prepare("update artworks set status = 'missing', status_note = 'Ej funnen vid rond', status_changed_at = ?, version = version + 1 where id = ?").run(since, id);
  return id;
}

describe('GET /api/missing', () => {
  it('lists every missing work, longest missing first, with days missing, last seen and the next step', async () => {
    const items = await all(conservator);
    expect(items.length).toBe(sql("select count(*) from artworks where status = 'missing'"));
    expect(items.length).toBeGreaterThan(5);
    const since = items.map((i) => i.missingSince);
    expect([...since].sort()).toEqual(since);
    for (const i of items) {
      expect(i.daysMissing).toBe(Math.round((Date.parse('2026-11-01') - Date.parse(i.missingSince.slice(0, 10))) / 86_400_000));
      expect(['round', 'check', 'movement']).toContain(i.lastSeen!.kind);
      expect(i.lastSeen!.place).toBeTruthy();
      expect(i.nextStep).toEqual({ step: 'search_site', due: new Date(Date.parse(i.missingSince.slice(0, 10)) + 7 * 86_400_000).toISOString().slice(0, 10), overdue: true });
    }
    const body: MissingListResponse = (await conservator.get('/api/missing')).body;
    expect(body.counts).toEqual({ total: items.length, overdue: items.length, policeReportDue: 0 });
    expect(body.policeReportWeeks).toBe(4);
  });

  it('shows the round that last saw a work, with its place', async () => {
    const id = markMissing(3);
    t.db.$client.prepare("update artworks set status = 'in_place' where id = ?").run(id);
    const room = sql<number>("select location_id from artworks where id = ?", id);
    const roundRes = await conservator.post('/api/rounds', { name: 'Höstrond', locationIds: [room], dueDate: '2026-11-30' });
    expect(roundRes.status).toBe(201);
    const round = roundRes.body;
    const item = sql<number>('select id from round_items where round_id = ? and artwork_id = ?', round.id, id);
    expect(item).toBeGreaterThan(0);
    const seenAt = new Date(NOW.getTime() - 4 * 86_400_000).toISOString();
    const res = await conservator.post(`/api/rounds/${round.id}/results`, [{ itemId: item, outcome: 'seen_ok', recordedAt: seenAt, idempotencyKey: 'seen-1-aaaaaaaaaaaa' }]);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    t.db.$client.prepare("update artworks set status = 'missing', status_changed_at = ? where id = ?").run(new Date(NOW.getTime() - 3 * 86_400_000).toISOString(), id);
    const mine = (await all(conservator)).find((i) => i.artworkId === id)!;
    expect(mine.lastSeen).toMatchObject({ kind: 'round', at: seenAt, roundId: round.id, roundName: 'Höstrond' });
    expect(mine.lastSeen!.place).toContain(sql<string>('select name from locations where id = ?', room));
    expect(mine.nextStep).toMatchObject({ step: 'search_site', overdue: false });
  });
});

describe('a follow-up', () => {
  it('runs its steps in order and brings the work back, keeping the history', async () => {
    const id = markMissing(40);
    const since = sql<string>('select status_changed_at from artworks where id = ?', id);
    const home = sql<number>('select location_id from artworks where id = ?', id);
    const step = (body: object) => conservator.post(`/api/missing/${id}/steps`, body);
    const next = async () => (await all(conservator)).find((i) => i.artworkId === id)!.nextStep;

    expect(await next()).toMatchObject({ step: 'search_site', overdue: true });
    expect((await step({ step: 'search_site', date: '2026-10-01', note: 'Hela plan 3 genomsökt' })).status).toBe(201);
    expect(await next()).toMatchObject({ step: 'ask_unit', overdue: true });
    expect((await step({ step: 'ask_unit', date: '2026-10-05', note: 'Enhetschefen vet inget' })).status).toBe(201);
    expect((await step({ step: 'other', note: 'Frågat vaktmästeriet' })).status).toBe(201);
    const police = new Date(Date.parse(since.slice(0, 10)) + 28 * 86_400_000).toISOString().slice(0, 10);
    expect(await next()).toEqual({ step: 'police_report', due: police, overdue: true });
    const report = await step({ step: 'police_report', date: '2026-10-20', reference: 'K-123456-26', note: 'Anmält via polisen.se' });
    expect(report.status).toBe(201);
    expect(report.body).toMatchObject({ step: 'police_report', date: '2026-10-20', reference: 'K-123456-26', userName: 'Test conservator' });
    expect(await next()).toBeNull();

    const found = await conservator.post(`/api/missing/${id}/found`, { locationId: home, note: 'Stod bakom en hylla i förrådet' });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ artworkId: id, status: 'in_place', step: { step: 'found', date: '2026-11-01' } });
    const work = t.db.$client.prepare('select status, location_id as locationId from artworks where id = ?').get(id);
    expect(work).toEqual({ status: 'in_place', locationId: home });
    expect(t.db.$client.prepare('select reason, note, to_location_id as toId from movements where id = ?').get(found.body.movementId)).toEqual({ reason: 'Återfunnen', note: 'Stod bakom en hylla i förrådet', toId: home });
    expect((await all(conservator)).some((i) => i.artworkId === id)).toBe(false);

    const history = (await conservator.get(`/api/missing/${id}/steps`)).body.items;
    expect(history.map((s: { step: string; date: string }) => `${s.step} ${s.date}`)).toEqual(['search_site 2026-10-01', 'ask_unit 2026-10-05', 'police_report 2026-10-20', 'other 2026-11-01', 'found 2026-11-01']);
    expect(new Set(history.map((s: { missingSince: string }) => s.missingSince))).toEqual(new Set([since]));
    expect(sql("select count(*) from audit_log where entity_type = 'artwork' and entity_id = ? and action = 'missing_step'", id)).toBe(5);

    // Missing again later: a new episode starts with no steps; the old ones stay in the history.
    t.db.$client.prepare("update artworks set status = 'missing', status_changed_at = ? where id = ?").run(NOW.toISOString(), id);
    const again = (await all(conservator)).find((i) => i.artworkId === id)!;
    expect(again.steps).toEqual([]);
    expect(again.nextStep?.step).toBe('search_site');
    expect((await conservator.get(`/api/missing/${id}/steps`)).body.items).toHaveLength(5);
  });

  it('puts a work found in storage back as in storage', async () => {
    const id = markMissing(10);
    const store = sql<number>("select r.id from locations r join locations s on s.id = r.site_id where s.site_type = 'storage' and r.kind = 'room' limit 1");
    const found = await conservator.post(`/api/missing/${id}/found`, { locationId: store, date: '2026-10-30' });
    expect(found.status).toBe(200);
    expect(found.body.status).toBe('in_storage');
    expect(sql<string>('select moved_at from movements where id = ?', found.body.movementId).slice(0, 10)).toBe('2026-10-30');
  });

  it.each([
    ['a step for a work that is not missing', 'in_place', { step: 'search_site' }, 409, 'missing.not_missing', null],
    ['an unknown step', 'missing', { step: 'pray' }, 400, 'validation', 'step'],
    ['a date in the future', 'missing', { step: 'ask_unit', date: '2026-11-02' }, 422, 'missing.date_in_future', 'date'],
    ['a date before it went missing', 'missing', { step: 'ask_unit', date: '2020-01-01' }, 422, 'missing.date_before_missing', 'date'],
    ['a case number on a site search', 'missing', { step: 'search_site', reference: 'K-1' }, 422, 'missing.reference_police_only', 'reference'],
    ['an unknown field', 'missing', { step: 'other', who: 'x' }, 400, 'validation', 'who'],
  ])('refuses %s, naming the field, writing nothing', async (_name, status, body, code, problem, field) => {
    const id = status === 'missing' ? markMissing(30) : sql<number>("select id from artworks where status = 'in_place' limit 1");
    const before = sql('select count(*) from missing_steps');
    const res = await conservator.post(`/api/missing/${id}/steps`, body);
    expect(res.status).toBe(code);
    expect(res.body.code).toBe(problem);
    if (field) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    expect(sql('select count(*) from missing_steps')).toBe(before);
  });

  it('refuses finding a work again at an unknown place, and leaves it missing', async () => {
    const id = markMissing(30);
    const res = await conservator.post(`/api/missing/${id}/found`, { locationId: 99999999 });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('locationId');
    expect(sql<string>('select status from artworks where id = ?', id)).toBe('missing');
    expect(sql("select count(*) from missing_steps where artwork_id = ? and step = 'found'", id)).toBe(0);
    expect((await conservator.post('/api/missing/99999999/steps', { step: 'other' })).status).toBe(404);
  });

  it('lets only conservators and curators record steps, and keeps site-limited users to their sites', async () => {
    const id = markMissing(30);
    const viewer = await t.as('viewer');
    expect((await viewer.post(`/api/missing/${id}/steps`, { step: 'other' })).status).toBe(403);
    expect((await viewer.get('/api/missing')).status).toBe(200);
    const site = sql<number>('select site_id from artworks where id = ?', id);
    const other = sql<number>("select id from locations where kind = 'site' and id <> ? limit 1", site);
    const elsewhere = await t.as('conservator', { siteIds: [other] });
    expect((await elsewhere.post(`/api/missing/${id}/steps`, { step: 'other' })).status).toBe(403);
    expect((await all(elsewhere)).every((i) => i.siteId === other)).toBe(true);
    const here = await t.as('conservator', { siteIds: [site] });
    expect((await all(here)).map((i) => i.artworkId)).toContain(id);
  });
});

describe('MISSING_POLICE_REPORT_WEEKS', () => {
  it('moves the police report to the configured week', async () => {
    const t2 = await startTestApp({ works: 200, now: () => NOW, env: { MISSING_POLICE_REPORT_WEEKS: '2' } });
    try {
      const c = await t2.as('conservator');
      const id = t2.db.$client.prepare("select id from artworks where status = 'in_place' limit 1").pluck().get() as number;
      t2.db.$client.prepare("update artworks set status = 'missing', status_changed_at = '2026-10-01T08:00:00.000Z' where id = ?").run(id);
      for (const step of ['search_site', 'ask_unit']) expect((await c.post(`/api/missing/${id}/steps`, { step })).status).toBe(201);
      const body: MissingListResponse = (await c.get('/api/missing')).body;
      expect(body.policeReportWeeks).toBe(2);
      expect(body.items.find((i) => i.artworkId === id)!.nextStep).toEqual({ step: 'police_report', due: '2026-10-15', overdue: true });
      expect(body.counts.policeReportDue).toBe(1);
    } finally {
      await t2.close();
    }
  }, 60_000);
});
