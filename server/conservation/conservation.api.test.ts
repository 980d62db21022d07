import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import { insertArtwork, insertCollection, insertLocation } from '../conditions/fixtures/collection.js';
import { recordCheck } from '../conditions/conditions.service.js';

let t: TestApp;
let c: ReturnType<typeof insertCollection>;
let conservator: Client;
let n = 0;

beforeAll(async () => {
  t = await startTestApp();
  c = insertCollection(t.db.$client);
  conservator = await t.as('conservator');
});
afterAll(() => t.close());

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
const work = (o: Partial<Parameters<typeof insertArtwork>[1]> = {}) => insertArtwork(t.db.$client, { inv: `SLL ${80000 + ++n}`, locationId: c.psych.id, ...o });
const needCheck = (artworkId: number, priority: 'routine' | 'soon' | 'urgent' = 'urgent', daysBack = 10) =>
  recordCheck(t.db.$client, { artworkId, checkedAt: daysAgo(daysBack), grade: 3, priority, damageTypes: ['tear'], estimatedCost: 300000 }, { userId: null, now: new Date() });
const artwork = (id: number) =>
  t.db.$client.prepare('select status, location_id as locationId, last_grade as lastGrade from artworks where id = ?').get(id) as { status: string; locationId: number; lastGrade: number | null };
const counts = () => ({
  treatments: t.db.$client.prepare('select count(*) from conservation_treatments').pluck().get(),
  states: t.db.$client.prepare("select group_concat(status || version) from conservation_treatments").pluck().get(),
  movements: t.db.$client.prepare('select count(*) from movements').pluck().get(),
  audit: t.db.$client.prepare('select count(*) from audit_log').pluck().get(),
  works: t.db.$client.prepare("select group_concat(status || ':' || coalesce(location_id, '-')) from artworks").pluck().get(),
});
const propose = async (artworkId: number, extra: Record<string, unknown> = {}) => {
  const res = await conservator.post('/api/treatments', { artworkId, description: 'Rengöring och lagning av reva', costEstimate: 450000, ...extra });
  expect(res.status).toBe(201);
  return res.body as { id: number; version: number; status: string };
};
const step = (id: number, to: string, extra: Record<string, unknown> = {}) => conservator.post(`/api/treatments/${id}/transition`, { to, ...extra });
const backlogCheckIds = async () => ((await conservator.get('/api/checks/backlog?limit=200')).body.items as { checkId: number }[]).map((i) => i.checkId);

describe('the treatment workflow', () => {
  it('an in-house treatment in situ goes proposed → approved → in progress → done and resolves the need it came from', async () => {
    const id = work();
    const checkId = needCheck(id, 'soon');
    expect(await backlogCheckIds()).toContain(checkId);
    const tr = await propose(id, { checkId });
    expect(tr).toMatchObject({ status: 'proposed', priority: 'soon', performer: 'in_house', offSite: false, checkId, costEstimate: 450000, version: 1 });
    // The backlog shows the treatment that has taken the need up, and its estimate.
    const item = ((await conservator.get('/api/checks/backlog?limit=200')).body.items as { checkId: number; treatment: unknown; estimatedCost: number }[]).find((i) => i.checkId === checkId)!;
    expect(item).toMatchObject({ treatment: { id: tr.id, status: 'proposed' }, estimatedCost: 450000 });
    expect((await step(tr.id, 'approved', { note: 'Beslut i konstrådet' })).body).toMatchObject({ status: 'approved', approvedAt: expect.any(String) });
    expect((await step(tr.id, 'in_progress')).body.status).toBe('in_progress');
    expect(artwork(id).status).toBe('in_place');
    const done = await step(tr.id, 'done', { workDone: 'Revan lagad med japanpapper', materials: 'Japanpapper, vetestärkelseklister', costActual: 380000, conditionAfter: { grade: 1 } });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', costActual: 380000, workDone: 'Revan lagad med japanpapper', doneAt: expect.any(String), version: 4 });
    expect(await backlogCheckIds()).not.toContain(checkId);
    expect(t.db.$client.prepare('select resolved_at from condition_checks where id = ?').pluck().get(checkId)).toBe(done.body.doneAt);
    expect(artwork(id).lastGrade).toBe(1);
    const trail = t.db.$client.prepare("select action, after from audit_log where entity_type = 'treatment' and entity_id = ? order by id").all(tr.id) as { action: string; after: string }[];
    expect(trail.map((a) => [a.action, JSON.parse(a.after).status])).toEqual([
      ['create', 'proposed'],
      ['transition', 'approved'],
      ['transition', 'in_progress'],
      ['transition', 'done'],
    ]);
  });

  it('an off-site treatment moves the work to the studio (in conservation) and back again, through movements', async () => {
    const id = work({ locationId: c.office.id });
    const tr = await propose(id, { performer: 'contractor', contractorName: 'Ateljé Konservering AB' });
    expect(tr).toMatchObject({ offSite: true });
    await step(tr.id, 'approved');
    const started = await step(tr.id, 'in_progress');
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ treatmentLocationId: c.studio.id, returnLocationId: c.office.id });
    expect(artwork(id)).toMatchObject({ status: 'in_conservation', locationId: c.studio.id });
    const done = await step(tr.id, 'done', { workDone: 'Ny upphängning' });
    expect(done.status).toBe(200);
    expect(artwork(id)).toMatchObject({ status: 'in_place', locationId: c.office.id });
    const moves = t.db.$client.prepare('select from_location_id as fromId, to_location_id as toId, reason from movements where artwork_id = ? order by id').all(id);
    expect(moves).toEqual([
      { fromId: c.office.id, toId: c.studio.id, reason: `Konservering (behandling ${tr.id})` },
      { fromId: c.studio.id, toId: c.office.id, reason: `Åter från konservering (behandling ${tr.id})` },
    ]);
  });

  it('an off-site treatment can return the work somewhere else, and a rejected one in progress brings it back', async () => {
    const id = work({ locationId: c.office.id });
    const tr = await propose(id, { offSite: true, treatmentLocationId: c.bench.id });
    await step(tr.id, 'approved');
    await step(tr.id, 'in_progress');
    expect(artwork(id)).toMatchObject({ status: 'in_conservation', locationId: c.bench.id });
    await step(tr.id, 'done', { returnLocationId: c.shelf.id });
    expect(artwork(id)).toMatchObject({ status: 'in_storage', locationId: c.shelf.id });

    const other = work({ locationId: c.psych.id });
    const tr2 = await propose(other, { offSite: true });
    await step(tr2.id, 'approved');
    await step(tr2.id, 'in_progress');
    expect(artwork(other).status).toBe('in_conservation');
    const rejected = await step(tr2.id, 'rejected', { reason: 'Skadan för omfattande; ny bedömning behövs' });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'Skadan för omfattande; ny bedömning behövs' });
    expect(artwork(other)).toMatchObject({ status: 'in_place', locationId: c.psych.id });
  });

  it('a location that is not a studio cannot take an off-site treatment', async () => {
    const res = await conservator.post('/api/treatments', { artworkId: work(), description: 'x', offSite: true, treatmentLocationId: c.office.id });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('treatment.location_not_studio');
  });

  it('edits need If-Match; a finished treatment only takes the invoice fields', async () => {
    const tr = await propose(work());
    expect((await conservator.patch(`/api/treatments/${tr.id}`, { costEstimate: 500000 })).status).toBe(428);
    const ok = await conservator.patch(`/api/treatments/${tr.id}`, { costEstimate: 500000, materials: 'Paraloid B-72' }, { 'if-match': '"1"' });
    expect(ok.body).toMatchObject({ costEstimate: 500000, materials: 'Paraloid B-72', version: 2 });
    const stale = await conservator.patch(`/api/treatments/${tr.id}`, { costEstimate: 1 }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body.current).toMatchObject({ costEstimate: 500000 });
    await step(tr.id, 'approved');
    await step(tr.id, 'in_progress');
    await step(tr.id, 'done');
    expect((await conservator.patch(`/api/treatments/${tr.id}`, { costActual: 420000 }, { 'if-match': '"5"' })).status).toBe(200);
    const late = await conservator.patch(`/api/treatments/${tr.id}`, { description: 'Annat' }, { 'if-match': '"6"' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('treatment.closed');
  });

  it('lists treatments by work and status', async () => {
    const id = work();
    const a = await propose(id);
    const b = await propose(id);
    await step(b.id, 'approved');
    const all = await conservator.get(`/api/treatments?artwork=${id}`);
    expect(all.body.items.map((x: { id: number }) => x.id)).toEqual([b.id, a.id]);
    const approved = await conservator.get(`/api/treatments?artwork=${id}&status=approved`);
    expect(approved.body).toMatchObject({ total: 1, items: [{ id: b.id, status: 'approved' }] });
  });
});

describe('bad input is refused with a 4xx naming the rule, and nothing is half-saved', () => {
  it.each([
    ['proposed → done', 'proposed', { to: 'done' }, 422, 'treatment.invalid_transition', 'to'],
    ['proposed → in progress (not approved yet)', 'proposed', { to: 'in_progress' }, 422, 'treatment.invalid_transition', 'to'],
    ['approved → done', 'approved', { to: 'done' }, 422, 'treatment.invalid_transition', 'to'],
    ['done → rejected', 'done', { to: 'rejected', reason: 'x' }, 422, 'treatment.invalid_transition', 'to'],
    ['back to proposed', 'approved', { to: 'proposed' }, 400, 'validation', 'to'],
    ['rejecting without a reason', 'proposed', { to: 'rejected' }, 400, 'validation', 'reason'],
    ['a negative actual cost', 'in_progress', { to: 'done', costActual: -5 }, 400, 'validation', 'costActual'],
    ['an actual cost as a string', 'in_progress', { to: 'done', costActual: '380000' }, 400, 'validation', 'costActual'],
    ['a grade after treatment of 5', 'in_progress', { to: 'done', conditionAfter: { grade: 5 } }, 400, 'validation', 'conditionAfter.grade'],
    ['an actual cost before the work is done', 'approved', { to: 'in_progress', costActual: 100 }, 400, 'validation', 'costActual'],
    ['a step dated in the future', 'proposed', { to: 'approved', at: '2999-01-01' }, 422, 'treatment.future_date', 'at'],
  ])('%s', async (_name, state, body, status, code, path) => {
    const tr = await propose(work());
    const path_ = { proposed: [], approved: ['approved'], in_progress: ['approved', 'in_progress'], done: ['approved', 'in_progress', 'done'] }[state]!;
    for (const s of path_) expect((await step(tr.id, s)).status).toBe(200);
    const before = counts();
    const res = await step(tr.id, (body as { to: string }).to, body);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe(code);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    if (code === 'treatment.invalid_transition') expect(res.body.detail).toMatch(/proposed → approved → in progress → done/);
    expect(counts()).toEqual(before);
  });

  it.each([
    ['a negative estimate', { costEstimate: -1 }, 'costEstimate'],
    ['an estimate as a string', { costEstimate: '4500' }, 'costEstimate'],
    ['an estimate that is not whole öre', { costEstimate: 12.5 }, 'costEstimate'],
    ['no description', { description: '' }, 'description'],
    ['a contractor without a name', { performer: 'contractor' }, 'contractorName'],
    ['an unknown performer', { performer: 'volunteer' }, 'performer'],
    ['an unknown field', { colour: 'red' }, 'colour'],
  ])('proposing with %s → 400', async (_name, patch, path) => {
    const before = counts();
    const res = await conservator.post('/api/treatments', { artworkId: work(), description: 'Rengöring', ...patch });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(counts().treatments).toEqual(before.treatments);
  });

  it('a check of another work cannot be the treatment’s reason', async () => {
    const check = needCheck(work());
    const res = await conservator.post('/api/treatments', { artworkId: work(), description: 'x', checkId: check });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('treatment.check_mismatch');
  });

  it('when the move back fails, the treatment stays in progress and the work stays at the studio', async () => {
    const id = work({ locationId: c.office.id });
    const tr = await propose(id, { offSite: true });
    await step(tr.id, 'approved');
    await step(tr.id, 'in_progress');
    const before = counts();
    const res = await step(tr.id, 'done', { returnLocationId: 999999, conditionAfter: { grade: 1 } });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('movement.unknown_location');
    expect(counts()).toEqual(before);
    expect(artwork(id)).toMatchObject({ status: 'in_conservation', lastGrade: null });
  });
});

describe('site limits', () => {
  it('a user limited to one site cannot propose, see or move treatments of works elsewhere', async () => {
    const limited = await t.as('conservator', { siteIds: [c.station.id] });
    const there = work({ locationId: c.psych.id });
    const tr = await propose(there);
    const res = await limited.post('/api/treatments', { artworkId: there, description: 'x' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('auth.site_forbidden');
    expect((await limited.get(`/api/treatments/${tr.id}`)).status).toBe(403);
    expect((await limited.post(`/api/treatments/${tr.id}/transition`, { to: 'approved' })).status).toBe(403);
    expect((await limited.patch(`/api/treatments/${tr.id}`, { materials: 'x' }, { 'if-match': '"1"' })).status).toBe(403);
    const list = await limited.get('/api/treatments?limit=200');
    expect(list.body.items.some((x: { id: number }) => x.id === tr.id)).toBe(false);
    expect((await limited.get(`/api/treatments?site=${c.hospital.id}`)).status).toBe(403);
  });

  it('the work’s own site keeps access while the work is away at the studio', async () => {
    const ward = insertLocation(t.db.$client, { name: 'Närsjukhuset', siteType: 'local_hospital' });
    const limited = await t.as('conservator', { siteIds: [ward.id] });
    const id = work({ locationId: ward.id });
    const tr = (await limited.post('/api/treatments', { artworkId: id, description: 'Ramen lagas', offSite: true })).body;
    await limited.post(`/api/treatments/${tr.id}/transition`, { to: 'approved' });
    expect((await limited.post(`/api/treatments/${tr.id}/transition`, { to: 'in_progress' })).status).toBe(200);
    expect(artwork(id).status).toBe('in_conservation');
    expect((await limited.get(`/api/treatments/${tr.id}`)).status).toBe(200);
    expect((await limited.post(`/api/treatments/${tr.id}/transition`, { to: 'done' })).status).toBe(200);
    expect(artwork(id)).toMatchObject({ status: 'in_place', locationId: ward.id });
  });
});
