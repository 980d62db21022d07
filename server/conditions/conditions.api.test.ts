import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import { insertArtwork, insertCollection, insertLocation } from './fixtures/collection.js';
import { recordAudit } from '../audit/audit.js';
import { recomputeDue, recordCheck } from './conditions.service.js';

let t: TestApp;
let offsetMs = 0;
let c: ReturnType<typeof insertCollection>;
let conservator: Client;
const HOUR = 3_600_000;
let n = 0;
const inv = () => `SLL ${90000 + ++n}`;

beforeAll(async () => {
  // Sessions outlive the 25 h jump of the lock test.
  t = await startTestApp({ now: () => new Date(Date.now() + offsetMs), env: { SESSION_TTL_HOURS: '72' } });
  c = insertCollection(t.db.$client);
  conservator = await t.as('conservator');
});
afterAll(() => t.close());

const work = (o: Partial<Parameters<typeof insertArtwork>[1]> = {}) => insertArtwork(t.db.$client, { inv: inv(), locationId: c.psych.id, ...o });
const artwork = (id: number) =>
  t.db.$client.prepare('select last_grade as lastGrade, last_check_at as lastCheckAt, next_check_due as nextCheckDue, version from artworks where id = ?').get(id) as {
    lastGrade: number | null;
    lastCheckAt: string | null;
    nextCheckDue: string | null;
    version: number;
  };
const counts = () => ({
  checks: t.db.$client.prepare('select count(*) from condition_checks').pluck().get(),
  audit: t.db.$client.prepare('select count(*) from audit_log').pluck().get(),
  artworks: t.db.$client.prepare('select group_concat(coalesce(last_grade, 0) || coalesce(next_check_due, \'-\')) from artworks').pluck().get(),
});
const daysAgo = (d: number) => new Date(Date.now() - d * 24 * HOUR).toISOString();

describe('recording a check', () => {
  it('stores the check and updates the work’s last grade and next check due in the same write', async () => {
    const id = work({ locationId: c.psych.id });
    const res = await conservator.post('/api/condition-checks', {
      artworkId: id,
      checkedAt: '2025-03-10T09:00:00Z',
      grade: 3,
      damageTypes: ['tear', 'loose_fixing'],
      damageLocation: 'nedre vänstra hörnet',
      recommendedAction: 'Laga revan, dra åt upphängningen',
      priority: 'soon',
      note: 'Upptäckt vid rond',
      estimatedCost: 250000,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/condition-checks/${res.body.id}`);
    expect(res.body).toMatchObject({
      artworkId: id,
      checkedAt: '2025-03-10T09:00:00.000Z',
      grade: 3,
      damageTypes: ['tear', 'loose_fixing'],
      priority: 'soon',
      userId: conservator.userId,
      estimatedCost: 250000,
      version: 1,
      correctsCheckId: null,
      supersededById: null,
      photos: [],
    });
    expect(res.body.editableUntil).toBeTruthy();
    // Psychiatric ward → a check every 12 months.
    expect(artwork(id)).toMatchObject({ lastGrade: 3, lastCheckAt: '2025-03-10T09:00:00.000Z', nextCheckDue: '2026-03-10' });
    const audit = t.db.$client.prepare("select action, user_id as userId from audit_log where entity_type = 'condition_check' and entity_id = ?").get(res.body.id);
    expect(audit).toEqual({ action: 'create', userId: conservator.userId });
  });

  it('a date without time is accepted, and the work’s interval follows its environment', async () => {
    const inOffice = work({ locationId: c.office.id });
    const inStorage = work({ locationId: c.shelf.id, status: 'in_storage' });
    const fixed = work({ locationId: c.office.id, mounting: 'integrated', fixedInBuilding: true });
    for (const id of [inOffice, inStorage, fixed]) expect((await conservator.post('/api/condition-checks', { artworkId: id, checkedAt: '2025-01-20', grade: 1 })).status).toBe(201);
    expect(artwork(inOffice).nextCheckDue).toBe('2028-01-20');
    expect(artwork(inStorage).nextCheckDue).toBe('2030-01-20');
    expect(artwork(fixed).nextCheckDue).toBe('2027-01-20');
  });

  it('an older check synced late (offline phone) does not overwrite the newer grade', async () => {
    const id = work();
    expect((await conservator.post('/api/condition-checks', { artworkId: id, checkedAt: daysAgo(2), grade: 1 })).status).toBe(201);
    const before = artwork(id);
    const late = await conservator.post('/api/condition-checks', { artworkId: id, checkedAt: daysAgo(30), grade: 4, priority: 'urgent', damageTypes: ['vandalism'] });
    expect(late.status).toBe(201);
    expect(late.body.supersededById).not.toBeNull();
    expect(artwork(id)).toEqual(before);
    expect(artwork(id).lastGrade).toBe(1);
    // …and its need is not in the backlog, because the newer check says the work is fine.
    const backlog = await conservator.get('/api/checks/backlog?limit=200');
    expect(backlog.body.items.map((i: { checkId: number }) => i.checkId)).not.toContain(late.body.id);
  });

  it('a correction is a new check that refers to the old one, and the corrected grade stops counting', async () => {
    const id = work();
    const first = await conservator.post('/api/condition-checks', { artworkId: id, checkedAt: daysAgo(3), grade: 4, priority: 'urgent' });
    const fix = await conservator.post('/api/condition-checks', { artworkId: id, grade: 2, correctsCheckId: first.body.id, note: 'Fel verk angavs' });
    expect(fix.status).toBe(201);
    expect(fix.body).toMatchObject({ correctsCheckId: first.body.id, checkedAt: first.body.checkedAt, grade: 2 });
    expect(artwork(id).lastGrade).toBe(2);
    const old = await conservator.get(`/api/condition-checks/${first.body.id}`);
    expect(old.body).toMatchObject({ grade: 4, correctedByCheckId: fix.body.id, supersededById: fix.body.id });
    const again = await conservator.post('/api/condition-checks', { artworkId: id, grade: 3, correctsCheckId: first.body.id });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'condition_check.already_corrected', correctedBy: fix.body.id });
    const other = work();
    const wrong = await conservator.post('/api/condition-checks', { artworkId: other, grade: 3, correctsCheckId: fix.body.id });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('condition_check.correction_target');
  });

  it('recordCheck joins the caller’s transaction: if the caller fails afterwards, nothing of the check remains', () => {
    const id = work();
    const before = counts();
    const sqlite = t.db.$client;
    expect(() =>
      sqlite.transaction(() => {
        recordCheck(sqlite, { artworkId: id, grade: 1, checkedAt: daysAgo(1) }, { userId: null, now: new Date() });
        throw new Error('the round item failed');
      })(),
    ).toThrow('the round item failed');
    expect(counts()).toEqual(before);
    expect(artwork(id).lastGrade).toBeNull();
  });
});

describe('bad input is refused with a 4xx naming the rule, and nothing is half-saved', () => {
  let id: number;
  beforeAll(() => {
    id = work({ acquisitionDate: '2015-06-01' });
  });
  const future = () => new Date(Date.now() + 2 * 24 * HOUR).toISOString();

  it.each([
    ['grade 0', { grade: 0 }, 400, 'validation', 'grade'],
    ['grade 5', { grade: 5 }, 400, 'validation', 'grade'],
    ['grade "x"', { grade: 'x' }, 400, 'validation', 'grade'],
    ['grade 2.5', { grade: 2.5 }, 400, 'validation', 'grade'],
    ['no grade', { grade: undefined }, 400, 'validation', 'grade'],
    ['an unknown damage type', { damageTypes: ['scratch', 'rust'] }, 400, 'validation', 'damageTypes.1'],
    ['an unknown priority', { priority: 'asap' }, 400, 'validation', 'priority'],
    ['a negative cost', { estimatedCost: -100 }, 400, 'validation', 'estimatedCost'],
    ['a cost as a string', { estimatedCost: '100' }, 400, 'validation', 'estimatedCost'],
    ['a date that is not a date', { checkedAt: 'yesterday' }, 400, 'validation', 'checkedAt'],
    ['an unknown field', { colour: 'red' }, 400, 'validation', 'colour'],
    ['a date in the future', { checkedAt: 'FUTURE' }, 422, 'condition_check.future_date', 'checkedAt'],
    ['a date before the acquisition', { checkedAt: '2015-05-31' }, 422, 'condition_check.before_acquisition', 'checkedAt'],
    ['an artwork that does not exist', { artworkId: 999999 }, 422, 'condition_check.artwork_not_found', 'artworkId'],
  ])('%s', async (_name, patch, status, code, path) => {
    const before = counts();
    const body: Record<string, unknown> = { artworkId: id, grade: 2, checkedAt: daysAgo(1), ...patch };
    if (body.checkedAt === 'FUTURE') body.checkedAt = future();
    const res = await conservator.post('/api/condition-checks', body);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe(code);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(counts()).toEqual(before);
  });

  it('a check on the acquisition day itself is fine', async () => {
    expect((await conservator.post('/api/condition-checks', { artworkId: id, grade: 2, checkedAt: '2015-06-01' })).status).toBe(201);
  });

  it('a deaccessioned work is not checked', async () => {
    const gone = work({ status: 'deaccessioned' });
    const res = await conservator.post('/api/condition-checks', { artworkId: gone, grade: 2 });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('condition_check.artwork_deaccessioned');
  });

  it('a viewer may read but not record', async () => {
    const viewer = await t.as('viewer');
    expect((await viewer.post('/api/condition-checks', { artworkId: id, grade: 1 })).status).toBe(403);
    expect((await viewer.get(`/api/condition-checks?artwork=${id}`)).status).toBe(200);
  });
});

describe('editing a check', () => {
  it('the author can edit within 24 h with If-Match; the work is restated', async () => {
    const id = work();
    const made = await conservator.post('/api/condition-checks', { artworkId: id, grade: 2, checkedAt: daysAgo(1) });
    const edit = await conservator.patch(`/api/condition-checks/${made.body.id}`, { grade: 3, damageTypes: ['dent'] }, { 'if-match': '"1"' });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ grade: 3, damageTypes: ['dent'], version: 2 });
    expect(edit.headers.get('etag')).toBe('"2"');
    expect(artwork(id).lastGrade).toBe(3);
    const audit = t.db.$client.prepare("select before, after from audit_log where entity_type = 'condition_check' and entity_id = ? and action = 'update'").get(made.body.id) as { before: string; after: string };
    expect(JSON.parse(audit.before)).toEqual({ grade: 2, damageTypes: [] });
    expect(JSON.parse(audit.after)).toEqual({ grade: 3, damageTypes: ['dent'] });
  });

  it('without If-Match → 428, with a stale version → 412 and the current check', async () => {
    const made = await conservator.post('/api/condition-checks', { artworkId: work(), grade: 2 });
    expect((await conservator.patch(`/api/condition-checks/${made.body.id}`, { grade: 3 })).status).toBe(428);
    await conservator.patch(`/api/condition-checks/${made.body.id}`, { note: 'första' }, { 'if-match': '"1"' });
    const stale = await conservator.patch(`/api/condition-checks/${made.body.id}`, { grade: 3 }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body.current).toMatchObject({ id: made.body.id, version: 2, note: 'första', grade: 2 });
  });

  it('someone else cannot edit it; an admin can', async () => {
    const made = await conservator.post('/api/condition-checks', { artworkId: work(), grade: 2 });
    const other = await t.as('conservator');
    const res = await other.patch(`/api/condition-checks/${made.body.id}`, { grade: 3 }, { 'if-match': '"1"' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('condition_check.not_author');
    const admin = await t.as('admin');
    expect((await admin.patch(`/api/condition-checks/${made.body.id}`, { grade: 3 }, { 'if-match': '"1"' })).status).toBe(200);
  });

  it('after 24 h the check is locked: 409 naming the rule, nothing changes, and a correction is the way', async () => {
    const id = work();
    const made = await conservator.post('/api/condition-checks', { artworkId: id, grade: 2, checkedAt: daysAgo(1) });
    offsetMs = 25 * HOUR;
    try {
      const before = counts();
      const res = await conservator.patch(`/api/condition-checks/${made.body.id}`, { grade: 4 }, { 'if-match': '"1"' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('condition_check.locked');
      expect(res.body.detail).toMatch(/24 h/);
      expect(res.body.correctsCheckId).toBe(made.body.id);
      expect(counts()).toEqual(before);
      const admin = await t.as('admin');
      expect((await admin.patch(`/api/condition-checks/${made.body.id}`, { grade: 4 }, { 'if-match': '"1"' })).body.code).toBe('condition_check.locked');
      expect((await conservator.get(`/api/condition-checks/${made.body.id}`)).body.editableUntil).toBeNull();
      const fix = await conservator.post('/api/condition-checks', { artworkId: id, grade: 4, correctsCheckId: made.body.id });
      expect(fix.status).toBe(201);
      expect(artwork(id).lastGrade).toBe(4);
    } finally {
      offsetMs = 0;
    }
  });

  it('an edit breaking a rule leaves the check as it was', async () => {
    const made = await conservator.post('/api/condition-checks', { artworkId: work(), grade: 2 });
    const bad = await conservator.patch(`/api/condition-checks/${made.body.id}`, { checkedAt: new Date(Date.now() + 3 * 24 * HOUR).toISOString() }, { 'if-match': '"1"' });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('condition_check.future_date');
    expect((await conservator.get(`/api/condition-checks/${made.body.id}`)).body).toMatchObject({ version: 1, checkedAt: made.body.checkedAt });
  });
});

describe('history and site limits', () => {
  it('lists a work’s checks newest first, paged', async () => {
    const id = work();
    for (const d of [40, 10, 25]) await conservator.post('/api/condition-checks', { artworkId: id, grade: 1, checkedAt: daysAgo(d) });
    const p1 = await conservator.get(`/api/condition-checks?artwork=${id}&limit=2`);
    expect(p1.body.total).toBe(3);
    expect(p1.body.items.map((x: { checkedAt: string }) => x.checkedAt.slice(0, 10))).toEqual([daysAgo(10), daysAgo(25)].map((d) => d.slice(0, 10)));
    const p2 = await conservator.get(`/api/condition-checks?artwork=${id}&limit=2&cursor=${p1.body.nextCursor}`);
    expect(p2.body.items).toHaveLength(1);
    expect(p2.body.nextCursor).toBeNull();
  });

  it('a user limited to one site cannot see or check works elsewhere', async () => {
    const station = await t.as('conservator', { siteIds: [c.station.id] });
    const here = work({ locationId: c.platform.id });
    const there = work({ locationId: c.psych.id });
    const made = await conservator.post('/api/condition-checks', { artworkId: there, grade: 2 });
    expect((await station.post('/api/condition-checks', { artworkId: here, grade: 2 })).status).toBe(201);
    const refused = await station.post('/api/condition-checks', { artworkId: there, grade: 2 });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('auth.site_forbidden');
    expect((await station.get(`/api/condition-checks/${made.body.id}`)).status).toBe(403);
    expect((await station.get(`/api/condition-checks?artwork=${there}`)).status).toBe(403);
    expect((await station.get(`/api/checks/due?site=${c.hospital.id}`)).status).toBe(403);
    expect((await station.get(`/api/checks/backlog?site=${c.hospital.id}`)).status).toBe(403);
    const all = await station.get('/api/condition-checks?limit=200');
    expect(all.body.items.every((x: { artworkId: number }) => x.artworkId === here)).toBe(true);
  });
});

describe('due list and backlog', () => {
  let app: TestApp;
  let site: ReturnType<typeof insertCollection>;
  let curator: Client;
  const ids: Record<string, number> = {};
  // A fixed "now" so that due dates are exact.
  const NOW = new Date('2026-06-15T10:00:00Z');
  beforeAll(async () => {
    app = await startTestApp({ now: () => NOW });
    site = insertCollection(app.db.$client);
    const sqlite = app.db.$client;
    const mk = (name: string, locationId: number, o: Partial<Parameters<typeof insertArtwork>[1]> = {}) => (ids[name] = insertArtwork(sqlite, { inv: `SLL ${name}`, locationId, ...o }));
    const check = (name: string, at: string, grade: number, extra: Partial<Parameters<typeof recordCheck>[1]> = {}) =>
      recordCheck(sqlite, { artworkId: ids[name]!, checkedAt: at, grade, ...extra }, { userId: null, now: NOW });
    mk('psychOverdueGood', site.psych.id);
    check('psychOverdueGood', '2025-01-10', 1); // due 2026-01-10: overdue
    mk('officeOverduePoor', site.office.id);
    check('officeOverduePoor', '2023-05-01', 3, { priority: 'soon', estimatedCost: 400000, damageTypes: ['water_damage'] }); // due 2026-05-01: overdue, poor
    mk('officeDueSoon', site.office.id);
    check('officeDueSoon', '2023-08-01', 2); // due 2026-08-01: within 90 days
    mk('officeNotDue', site.office.id);
    check('officeNotDue', '2025-01-01', 1); // due 2028
    mk('psychUnacceptable', site.psych.id);
    check('psychUnacceptable', '2025-09-01', 4, { priority: 'urgent', damageTypes: ['vandalism'], estimatedCost: 1500000 }); // due 2026-09-01, grade 4
    mk('stationOverdue', site.platform.id);
    check('stationOverdue', '2024-01-01', 2, { priority: 'routine' }); // due 2025-01-01: long overdue, public area
    mk('neverOld', site.office.id, { acquisitionDate: '1975-01-01' });
    mk('neverNew', site.office.id, { acquisitionDate: '2024-01-01' });
    mk('inConservation', site.bench.id, { status: 'in_conservation' });
    check('inConservation', '2023-01-01', 3);
    mk('deaccessioned', site.office.id, { status: 'deaccessioned', lastGrade: 2, lastCheckAt: '2010-01-01T00:00:00.000Z', nextCheckDue: '2013-01-01' });
    curator = await app.as('curator');
  });
  afterAll(() => app.close());
  const names = (items: { artworkId: number }[]) => items.map((i) => Object.keys(ids).find((k) => ids[k] === i.artworkId));

  it('lists overdue and soon-due works by risk, with counts per site', async () => {
    const res = await curator.get('/api/checks/due');
    expect(res.status).toBe(200);
    expect(res.body.today).toBe('2026-06-15');
    // Risk: unacceptable (60), not yet due = 60; fair (10) + 530 days overdue (21) = 31; poor (30) + 45 days
    // overdue (1) = 31, the older due date first; fair, not yet due = 10; good + 156 days overdue (6) = 6.
    expect(names(res.body.items)).toEqual(['psychUnacceptable', 'stationOverdue', 'officeOverduePoor', 'officeDueSoon', 'psychOverdueGood']);
    expect(res.body.items.map((i: { risk: number }) => i.risk)).toEqual([60, 31, 31, 10, 6]);
    const first = res.body.items[0];
    expect(first).toMatchObject({ inventoryNumber: 'SLL psychUnacceptable', siteName: 'Testsjukhuset', locationName: 'Avdelning 21 (psykiatri)', lastGrade: 4, nextCheckDue: '2026-09-01', overdueDays: 0 });
    const station = res.body.items.find((i: { artworkId: number }) => i.artworkId === ids.stationOverdue);
    expect(station.overdueDays).toBe(530);
    expect(res.body.counts).toEqual({ overdue: 3, dueSoon: 2, never: 2 });
    expect(res.body.total).toBe(5);
    expect(res.body.sites).toEqual([
      { siteId: site.hospital.id, siteName: 'Testsjukhuset', overdue: 2, dueSoon: 2, never: 2 },
      { siteId: site.station.id, siteName: 'Teststationen', overdue: 1, dueSoon: 0, never: 0 },
    ]);
  });

  it('filters by site and horizon, and pages with a cursor', async () => {
    const overdueOnly = await curator.get(`/api/checks/due?site=${site.hospital.id}&within=0`);
    expect(names(overdueOnly.body.items)).toEqual(['officeOverduePoor', 'psychOverdueGood']);
    expect(overdueOnly.body.counts).toEqual({ overdue: 2, dueSoon: 0, never: 2 });
    const p1 = await curator.get('/api/checks/due?limit=2');
    const p2 = await curator.get(`/api/checks/due?limit=2&cursor=${p1.body.nextCursor}`);
    const p3 = await curator.get(`/api/checks/due?limit=2&cursor=${p2.body.nextCursor}`);
    expect(names([...p1.body.items, ...p2.body.items, ...p3.body.items])).toEqual(['psychUnacceptable', 'stationOverdue', 'officeOverduePoor', 'officeDueSoon', 'psychOverdueGood']);
    expect(p3.body.nextCursor).toBeNull();
    const forged = await curator.get(`/api/checks/due?cursor=${p1.body.nextCursor}x`);
    expect(forged.status).toBe(400);
    expect((await curator.get('/api/checks/due?within=-1')).status).toBe(400);
  });

  it('lists works never checked, the longest held first', async () => {
    const res = await curator.get('/api/checks/due?list=never');
    expect(names(res.body.items)).toEqual(['neverOld', 'neverNew']);
    expect(res.body.total).toBe(2);
  });

  it('a site-limited user sees only their sites in the lists', async () => {
    const limited = await app.as('viewer', { siteIds: [site.station.id] });
    const res = await limited.get('/api/checks/due');
    expect(names(res.body.items)).toEqual(['stationOverdue']);
    expect(res.body.sites.map((s: { siteId: number }) => s.siteId)).toEqual([site.station.id]);
    const backlog = await limited.get('/api/checks/backlog');
    expect(backlog.body.items.map((i: { artworkId: number }) => i.artworkId)).toEqual([ids.stationOverdue]);
  });

  it('the backlog lists open needs, most urgent first, with cost totals per site and priority', async () => {
    const res = await curator.get('/api/checks/backlog');
    expect(res.status).toBe(200);
    expect(names(res.body.items)).toEqual(['psychUnacceptable', 'officeOverduePoor', 'stationOverdue']);
    expect(res.body.items[0]).toMatchObject({ priority: 'urgent', grade: 4, damageTypes: ['vandalism'], estimatedCost: 1500000, treatment: null, siteName: 'Testsjukhuset' });
    expect(res.body.totals.total).toEqual({ count: 3, estimatedCost: 1900000, unestimated: 1 });
    expect(res.body.totals.byPriority).toEqual({
      urgent: { count: 1, estimatedCost: 1500000, unestimated: 0 },
      soon: { count: 1, estimatedCost: 400000, unestimated: 0 },
      routine: { count: 1, estimatedCost: 0, unestimated: 1 },
    });
    const hospital = res.body.totals.bySite.find((s: { siteId: number }) => s.siteId === site.hospital.id);
    expect(hospital).toMatchObject({ count: 2, estimatedCost: 1900000, byPriority: { urgent: { count: 1 }, soon: { count: 1 }, routine: { count: 0 } } });
    const urgentOnly = await curator.get('/api/checks/backlog?priority=urgent');
    expect(names(urgentOnly.body.items)).toEqual(['psychUnacceptable']);
  });

  it('a newer check without a need takes the old need off the backlog', async () => {
    const sqlite = app.db.$client;
    recordCheck(sqlite, { artworkId: ids.stationOverdue!, checkedAt: '2026-06-01', grade: 1 }, { userId: null, now: NOW });
    const res = await curator.get('/api/checks/backlog');
    expect(names(res.body.items)).toEqual(['psychUnacceptable', 'officeOverduePoor']);
    const due = await curator.get('/api/checks/due');
    expect(names(due.body.items)).not.toContain('stationOverdue');
  });

  it('a recheck scheduled by a round is kept by recomputation until the next check', () => {
    const sqlite = app.db.$client;
    const id = insertArtwork(sqlite, { inv: 'SLL recheck', locationId: site.office.id });
    recordCheck(sqlite, { artworkId: id, checkedAt: '2026-01-15', grade: 1 }, { userId: null, now: NOW });
    expect(sqlite.prepare('select next_check_due from artworks where id = ?').pluck().get(id)).toBe('2029-01-15');
    sqlite.prepare('update artworks set next_check_due = ? where id = ?').run('2026-07-15', id);
    recordAudit(sqlite, { at: '2026-06-15T09:00:00.000Z', userId: null, action: 'schedule_recheck', entityType: 'artwork', entityId: id, before: { nextCheckDue: '2029-01-15' }, after: { nextCheckDue: '2026-07-15' } });
    recomputeDue(sqlite, { artworkIds: [id] });
    recomputeDue(sqlite);
    expect(sqlite.prepare('select next_check_due from artworks where id = ?').pluck().get(id)).toBe('2026-07-15');
    recordCheck(sqlite, { artworkId: id, checkedAt: '2026-06-15T09:30:00Z', grade: 1 }, { userId: null, now: NOW });
    expect(sqlite.prepare('select next_check_due from artworks where id = ?').pluck().get(id)).toBe('2029-06-15');
  });

  it('changing a location’s interval recomputes the due dates below it', () => {
    const sqlite = app.db.$client;
    const ward = insertLocation(sqlite, { parentId: site.floor.id, name: 'Barnavdelning', envTags: ['children'] });
    const id = insertArtwork(sqlite, { inv: 'SLL ward', locationId: ward.id });
    recordCheck(sqlite, { artworkId: id, checkedAt: '2026-01-15', grade: 1 }, { userId: null, now: NOW });
    expect(sqlite.prepare('select next_check_due from artworks where id = ?').pluck().get(id)).toBe('2027-01-15');
    sqlite.prepare('update locations set check_interval_months = 6 where id = ?').run(site.building.id);
    expect(recomputeDue(sqlite, { locationPath: site.building.path })).toBeGreaterThan(0);
    expect(sqlite.prepare('select next_check_due from artworks where id = ?').pluck().get(id)).toBe('2026-07-15');
    expect(sqlite.prepare('select next_check_due from artworks where id = ?').pluck().get(ids.stationOverdue)).toBe('2027-06-01');
    sqlite.prepare('update locations set check_interval_months = null where id = ?').run(site.building.id);
    recomputeDue(sqlite);
    expect(sqlite.prepare('select next_check_due from artworks where id = ?').pluck().get(id)).toBe('2027-01-15');
  });
});

describe('due dates follow the catalogue', () => {
  it('moving a work to a psychiatric ward, or giving it its own interval, recomputes its next check', async () => {
    const curator = await t.as('curator');
    const id = work({ locationId: c.office.id });
    await conservator.post('/api/condition-checks', { artworkId: id, grade: 1, checkedAt: '2025-02-01' });
    expect(artwork(id).nextCheckDue).toBe('2028-02-01');
    const moved = await curator.post('/api/movements', { artworkIds: [id], toLocationId: c.psych.id, reason: 'Ny placering' });
    expect(moved.status).toBe(201);
    expect(artwork(id).nextCheckDue).toBe('2026-02-01');
    const version = (await curator.get(`/api/artworks/${id}`)).body.version;
    const edit = await curator.patch(`/api/artworks/${id}`, { checkIntervalMonths: 6 }, { 'if-match': `"${version}"` });
    expect(edit.status).toBe(200);
    expect(artwork(id).nextCheckDue).toBe('2025-08-01');
  });
});

describe('on the demo collection (1,000 works with histories)', () => {
  let demo: TestApp;
  let viewer: Client;
  beforeAll(async () => {
    demo = await startTestApp({ works: 1000 });
    viewer = await demo.as('viewer');
  });
  afterAll(() => demo.close());

  it('the due list, walked page by page, is every due work in risk order, matching a plain recomputation', async () => {
    const today = (await viewer.get('/api/checks/due?limit=1')).body.today as string;
    const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + 90 * 86_400_000).toISOString().slice(0, 10);
    const rows = demo.db.$client
      .prepare("select id, last_grade as g, next_check_due as due from artworks where status in ('in_place','in_storage','on_loan') and next_check_due <= ?")
      .all(horizon) as { id: number; g: number | null; due: string }[];
    const days = (due: string) => Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000);
    const expected = rows
      .map((r) => ({ id: r.id, due: r.due, risk: ({ 2: 10, 3: 30, 4: 60 } as Record<number, number>)[r.g ?? 1] ?? 0 }))
      .map((r) => ({ ...r, risk: r.risk + Math.floor((Math.min(Math.max(days(r.due), 0), 730) * 30) / 730) }))
      .sort((a, b) => b.risk - a.risk || (a.due < b.due ? -1 : a.due > b.due ? 1 : a.id - b.id));
    expect(expected.length).toBeGreaterThan(100); // the demo's histories leave a real backlog of checks
    const seen: { artworkId: number; risk: number }[] = [];
    let cursor: string | null = null;
    let first: any;
    do {
      const res: any = await viewer.get(`/api/checks/due?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      first ??= res.body;
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.map((i) => [i.artworkId, i.risk])).toEqual(expected.map((e) => [e.id, e.risk]));
    expect(first.total).toBe(expected.length);
    expect(first.counts.overdue).toBe(rows.filter((r) => r.due < today).length);
    expect(first.sites.reduce((n: number, s: { overdue: number; dueSoon: number }) => n + s.overdue + s.dueSoon, 0)).toBe(expected.length);
    const never = demo.db.$client.prepare("select count(*) from artworks where last_check_at is null and status in ('in_place','in_storage','on_loan')").pluck().get();
    expect(first.counts.never).toBe(never);
    expect(first.counts.never).toBeGreaterThan(0);
  });

  it('the backlog holds the demo’s open needs with cost totals that add up', async () => {
    const res = await viewer.get('/api/checks/backlog?limit=200');
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(10);
    const { total, byPriority, bySite } = res.body.totals;
    expect(byPriority.urgent.count + byPriority.soon.count + byPriority.routine.count).toBe(total.count);
    expect(bySite.reduce((n: number, s: { estimatedCost: number }) => n + s.estimatedCost, 0)).toBe(total.estimatedCost);
    expect(total.estimatedCost).toBeGreaterThan(0);
    const ranks = res.body.items.map((i: { priority: string }) => ({ urgent: 3, soon: 2, routine: 1 })[i.priority]);
    expect([...ranks].sort((a: number, b: number) => b - a)).toEqual(ranks);
  });
});
