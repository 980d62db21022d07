// Projects: the percent-for-art budget, overrides, phases with history, the portfolio, and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import { insertPlaces } from './fixtures/places.js';

let t: TestApp;
let lead: Client;
let places: ReturnType<typeof insertPlaces>;
const NOW = new Date('2026-06-15T10:00:00Z');

beforeAll(async () => {
  t = await startTestApp({ now: () => NOW });
  places = insertPlaces(t.db.$client);
  lead = await t.as('project_lead');
});
afterAll(() => t.close());

const MSEK = 100_000_000; // öre
const base = () => ({ name: 'Konst i Hus P', locationId: places.building, premisesType: 'care', productionCost: 1200 * MSEK });
const create = async (c: Client, body: Record<string, unknown>) => c.post('/api/projects', body);
const count = (table: string) => t.db.$client.prepare(`select count(*) from ${table}`).pluck().get() as number;

describe('the percent-for-art budget', () => {
  it.each([
    ['care premises give 2 %', { premisesType: 'care', productionCost: 1200 * MSEK }, 24 * MSEK, 100],
    ['other premises give 1 %', { premisesType: 'other', productionCost: 450 * MSEK }, 4.5 * MSEK, 0],
    ['a mixed building gives each share its own percentage', { premisesType: 'mixed', careShare: 65, productionCost: 800 * MSEK }, 13.2 * MSEK, 65],
    ['rounds half up to whole öre', { premisesType: 'mixed', careShare: 33, productionCost: 150 }, 2, 33], // 150 × 1.33 % = 1.995 öre
  ])('%s', async (_name, money, budget, share) => {
    const res = await create(lead, { ...base(), ...money });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body).toMatchObject({ careShare: share, computedBudget: budget, budgetOverride: null, phase: 'idea', phaseDate: '2026-06-15' });
    expect(res.body.budget).toMatchObject({ budget, computed: budget, committed: 0, paid: 0, remaining: budget, overCommitted: false });
    expect(res.body.phases).toEqual([{ phase: 'idea', fromPhase: null, date: '2026-06-15', note: null, userName: 'Test project_lead' }]);
  });

  it('a decided override replaces the computed budget and is kept with its reason and case number', async () => {
    const res = await create(lead, { ...base(), budgetOverride: 30 * MSEK, overrideReason: 'Regionstyrelsen höjde ramen för entrén', overrideRef: 'RS 2026-0412' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ computedBudget: 24 * MSEK, budgetOverride: 30 * MSEK, overrideReason: 'Regionstyrelsen höjde ramen för entrén', overrideRef: 'RS 2026-0412' });
    expect(res.body.budget.budget).toBe(30 * MSEK);
    // Editing the production cost recomputes the rule's figure but keeps the decided budget.
    const edit = await lead.patch(`/api/projects/${res.body.id}`, { productionCost: 1500 * MSEK }, { 'if-match': '"1"' });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ computedBudget: 30 * MSEK, budgetOverride: 30 * MSEK, version: 2 });
    // Clearing the override returns to the rule and drops its reason.
    const clear = await lead.patch(`/api/projects/${res.body.id}`, { budgetOverride: null, premisesType: 'other' }, { 'if-match': '"2"' });
    expect(clear.body).toMatchObject({ computedBudget: 15 * MSEK, budgetOverride: null, overrideReason: null, overrideRef: null, careShare: 0 });
    const audit = t.db.$client.prepare("select action, before, after from audit_log where entity_type = 'project' and entity_id = ? order by id").all(res.body.id) as { action: string; after: string }[];
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
  });
});

describe('bad input is refused with a 4xx naming the rule, and nothing is written', () => {
  const cases: [string, Record<string, unknown>, number, string, string][] = [
    ['a negative production cost', { productionCost: -5 }, 400, 'validation', 'productionCost'],
    ['a zero production cost', { productionCost: 0 }, 400, 'validation', 'productionCost'],
    ['an absurd production cost (over 100 GSEK)', { productionCost: 10_000_000_000_001 }, 400, 'validation', 'productionCost'],
    ['a cost with fractions of an öre', { productionCost: 1200.5 }, 400, 'validation', 'productionCost'],
    ['a cost as a string', { productionCost: '1200000' }, 400, 'validation', 'productionCost'],
    ['a negative budget override', { budgetOverride: -1, overrideReason: 'x', overrideRef: 'y' }, 400, 'validation', 'budgetOverride'],
    ['an override without a reason', { budgetOverride: 30 * MSEK, overrideRef: 'RS 2026-1' }, 422, 'project.override_needs_reason', 'overrideReason'],
    ['an override without a decision reference', { budgetOverride: 30 * MSEK, overrideReason: 'Beslut' }, 422, 'project.override_needs_reason', 'overrideRef'],
    ['an override with a blank reason', { budgetOverride: 30 * MSEK, overrideReason: '   ', overrideRef: 'RS 1' }, 422, 'project.override_needs_reason', 'overrideReason'],
    ['mixed premises without a care share', { premisesType: 'mixed' }, 422, 'project.care_share', 'careShare'],
    ['mixed premises with a 100 % care share', { premisesType: 'mixed', careShare: 100 }, 422, 'project.care_share', 'careShare'],
    ['a care share on care premises that is not 100', { careShare: 50 }, 400, 'validation', 'careShare'],
    ['a care share in fractions', { premisesType: 'mixed', careShare: 33.3 }, 400, 'validation', 'careShare'],
    ['an unknown premises type', { premisesType: 'office' }, 400, 'validation', 'premisesType'],
    ['a room as the project location', { locationId: -1 }, 400, 'validation', 'locationId'],
    ['an unknown location', { locationId: 999_999 }, 422, 'project.unknown_location', 'locationId'],
    ['an unknown lead', { leadUserId: 999_999 }, 422, 'project.unknown_lead', 'leadUserId'],
    ['a planned end before the start', { startDate: '2027-01-01', plannedEndDate: '2026-01-01' }, 400, 'validation', 'plannedEndDate'],
    ['a phase entered in the future', { phaseDate: '2027-01-01' }, 422, 'project.phase_in_future', 'phaseDate'],
    ['an unknown field', { budget: 5 }, 400, 'validation', 'budget'],
  ];
  it.each(cases)('%s', async (_name, patch, status, code, path) => {
    const before = count('projects');
    const res = await create(lead, { ...base(), ...patch });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe(code);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(count('projects')).toBe(before);
  });

  it('a floor or room is not a project location', async () => {
    const res = await create(lead, { ...base(), locationId: places.entrance });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'project.location_kind', errors: [{ path: 'locationId' }] });
  });

  it('an edit without If-Match is 428, with a stale version 412 and the current record', async () => {
    const p = (await create(lead, base())).body;
    expect((await lead.patch(`/api/projects/${p.id}`, { name: 'Nytt namn' })).status).toBe(428);
    await lead.patch(`/api/projects/${p.id}`, { name: 'Nytt namn' }, { 'if-match': '"1"' });
    const stale = await lead.patch(`/api/projects/${p.id}`, { name: 'Annat namn' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'project.version_conflict', current: { name: 'Nytt namn', version: 2 } });
  });

  it('adding an override on edit without a reason is refused and the project is unchanged', async () => {
    const p = (await create(lead, base())).body;
    const res = await lead.patch(`/api/projects/${p.id}`, { budgetOverride: 10 * MSEK }, { 'if-match': '"1"' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('project.override_needs_reason');
    expect((await lead.get(`/api/projects/${p.id}`)).body).toMatchObject({ budgetOverride: null, version: 1 });
  });
});

describe('phases', () => {
  it('move forward freely (skipping is allowed), keep their dates, and a step back needs a note', async () => {
    const p = (await create(lead, { ...base(), phaseDate: '2026-01-10' })).body;
    const go = (body: Record<string, unknown>, v: number) => lead.post(`/api/projects/${p.id}/phase`, body, { 'if-match': `"${v}"` });
    expect((await go({ phase: 'programme', date: '2026-02-01' }, 1)).status).toBe(200);
    const skip = await go({ phase: 'production', date: '2026-04-01' }, 2);
    expect(skip.body).toMatchObject({ phase: 'production', phaseDate: '2026-04-01', version: 3 });

    const back = await go({ phase: 'artist_selection', date: '2026-05-01' }, 3);
    expect(back.status).toBe(422);
    expect(back.body).toMatchObject({ code: 'project.phase_backwards', errors: [{ path: 'note', message: 'A step back needs a note' }] });
    expect(back.body.detail).toContain('production');

    const blank = await go({ phase: 'artist_selection', note: '  ' }, 3);
    expect(blank.body.code).toBe('project.phase_backwards');
    expect((await go({ phase: 'artist_selection', date: '2026-03-01', note: 'x' }, 3)).body.code).toBe('project.phase_date_order');
    expect((await go({ phase: 'production' }, 3)).body.code).toBe('project.phase_unchanged');
    expect((await go({ phase: 'done' }, 3)).status).toBe(400);

    const ok = await go({ phase: 'artist_selection', date: '2026-05-01', note: 'Konstnären drog sig ur; ny upphandling' }, 3);
    expect(ok.status).toBe(200);
    expect(ok.body.phases).toEqual([
      { phase: 'idea', fromPhase: null, date: '2026-01-10', note: null, userName: 'Test project_lead' },
      { phase: 'programme', fromPhase: 'idea', date: '2026-02-01', note: null, userName: 'Test project_lead' },
      { phase: 'production', fromPhase: 'programme', date: '2026-04-01', note: null, userName: 'Test project_lead' },
      { phase: 'artist_selection', fromPhase: 'production', date: '2026-05-01', note: 'Konstnären drog sig ur; ny upphandling', userName: 'Test project_lead' },
    ]);
  });

  it('a closed project takes no new proposals until it is reopened with a note', async () => {
    const p = (await create(lead, base())).body;
    await lead.post(`/api/projects/${p.id}/phase`, { phase: 'closed' }, { 'if-match': '"1"' });
    const res = await lead.post(`/api/projects/${p.id}/proposals`, { title: 'Sen idé' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('project.closed');
  });
});

describe('who may see and change projects', () => {
  it('curators and viewers read; only project leads and admins write', async () => {
    const p = (await create(lead, base())).body;
    const curator = await t.as('curator');
    expect((await curator.get(`/api/projects/${p.id}`)).body.canEdit).toBe(false);
    const res = await curator.post('/api/projects', base());
    expect(res.status).toBe(403);
    expect((await (await t.as('admin')).post('/api/projects', base())).status).toBe(201);
  });

  it('a site-limited lead sees only their sites’ projects, and gets 403 for others', async () => {
    const mine = (await create(lead, { ...base(), name: 'Norra: ljusgården', locationId: places.otherBuilding })).body;
    const limited = await t.as('project_lead', { siteIds: [places.other] });
    const list = await limited.get('/api/projects?limit=200');
    expect(list.body.items.map((p: { id: number }) => p.id)).toEqual([mine.id]);
    expect(list.body.total).toBe(1);
    const southern = (await lead.get('/api/projects?limit=1')).body.items[0];
    expect(southern.siteId).toBe(places.other); // newest first
    const other = (await create(lead, base())).body;
    expect((await limited.get(`/api/projects/${other.id}`)).status).toBe(403);
    expect((await limited.post('/api/projects', base())).status).toBe(403);
    expect((await limited.get('/api/projects/rollup')).body.totals.projects).toBe(1);
  });
});

describe('the portfolio', () => {
  it('lists projects newest first with budget use, pages with a cursor and filters by phase', async () => {
    const all = await lead.get('/api/projects?limit=200');
    const first = await lead.get('/api/projects?limit=3');
    expect(first.body.items).toHaveLength(3);
    expect(first.body.total).toBe(all.body.total);
    const second = await lead.get(`/api/projects?limit=3&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect([...first.body.items, ...second.body.items].map((p: { id: number }) => p.id)).toEqual(all.body.items.slice(0, 6).map((p: { id: number }) => p.id));
    expect(all.body.items[0]).toHaveProperty('budget.remaining');
    const closed = await lead.get('/api/projects?phase=closed');
    expect(closed.body.items.length).toBeGreaterThan(0);
    expect(closed.body.items.every((p: { phase: string }) => p.phase === 'closed')).toBe(true);
    expect((await lead.get('/api/projects?cursor=forged')).body.code).toBe('pagination.bad_cursor');
  });

  it('the roll-up adds every project’s budget exactly', async () => {
    const all = (await lead.get('/api/projects?limit=200')).body.items as { budget: { budget: number } }[];
    const roll = (await lead.get('/api/projects/rollup')).body;
    expect(roll.totals.budget).toBe(all.reduce((s, p) => s + p.budget.budget, 0));
    expect(roll.totals.projects).toBe(all.length);
  });
});
