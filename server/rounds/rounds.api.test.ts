import { PDFParse } from 'pdf-parse';
import { parse as parseCsv } from 'csv-parse/sync';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import { ago, busiest, countRows, key } from './rounds.test-helpers.js';

let t: TestApp;
let cons: Client;
let admin: Client;
let viewer: Client;
let sqlite: import('better-sqlite3').Database;
const DUE = '2026-12-31';

beforeAll(async () => {
  t = await startTestApp({ works: 2000 });
  sqlite = t.db.$client;
  cons = await t.as('conservator');
  admin = await t.as('admin');
  viewer = await t.as('viewer');
});
afterAll(() => t.close());

const expectedCount = (path: string) =>
  countRows(sqlite, `select count(*) from artworks a join locations l on l.id = a.location_id where l.path >= ? and l.path < ? and a.status in ('in_place','in_storage')`, path, path.slice(0, -1) + '0');

async function plan(c: Client, body: Record<string, unknown>) {
  const res = await c.post('/api/rounds', { dueDate: DUE, ...body });
  if (res.status !== 201) throw new Error(`plan failed ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

describe('planning a round', () => {
  it('lists every expected work of a floor once, room by room in code order, with a work summary', async () => {
    const floor = busiest(sqlite, 'floor', { min: 6 })[0]!;
    const round = await plan(cons, { locationIds: [floor.id] });
    expect(round.status).toBe('open');
    expect(round.assigneeId).toBe(cons.userId);
    expect(round.items).toHaveLength(expectedCount(floor.path));
    expect(new Set(round.items.map((i: any) => i.work.id)).size).toBe(round.items.length);
    expect(round.summary).toMatchObject({ total: round.items.length, notVisited: round.items.length, seenOk: 0, missing: 0 });
    const first = round.items[0];
    expect(first).toMatchObject({ seq: 1, expected: true, outcome: 'pending', current: null, history: [] });
    expect(first.work).toEqual(expect.objectContaining({ inventoryNumber: expect.stringMatching(/^SLL/), title: expect.any(String), artists: expect.any(Array) }));
    expect(first.expectedLocation.path).toContain(' › ');

    // Rooms are walked one after the other (never revisited), in natural code order.
    const roomSeq = round.items.map((i: any) => i.expectedLocation.id).filter((id: number, k: number, a: number[]) => k === 0 || a[k - 1] !== id);
    expect(new Set(roomSeq).size).toBe(roomSeq.length);
    const codes = roomSeq.map((id: number) => sqlite.prepare('select coalesce(code, name) from locations where id = ?').pluck().get(id) as string);
    const collator = new Intl.Collator('sv', { numeric: true, sensitivity: 'base' });
    expect(codes).toEqual([...codes].sort(collator.compare));
    // Within a room, placed works come top band first (a serpentine over the floor plan).
    for (const room of roomSeq) {
      const area = JSON.parse((sqlite.prepare('select plan_area from locations where id = ?').pluck().get(room) as string | null) ?? '{"y":0,"h":1}');
      const ys = round.items.filter((i: any) => i.expectedLocation.id === room && i.work.posY != null).map((i: any) => i.work.posY as number);
      const bands = ys.map((y: number) => Math.max(0, Math.min(2, Math.floor(((y - area.y) / area.h) * 3))));
      expect(bands).toEqual([...bands].sort((a, b) => a - b));
    }
  });

  it('with onlyDue takes only the works due by the due date (or never checked)', async () => {
    const site = busiest(sqlite, 'site', { siteType: 'hospital', min: 50 })[0]!;
    const all = await plan(cons, { locationIds: [site.id] });
    const due = await plan(cons, { locationIds: [site.id], onlyDue: true, dueDate: '2027-06-30' });
    expect(due.onlyDue).toBe(true);
    expect(due.items.length).toBeGreaterThan(0);
    expect(due.items.length).toBeLessThan(all.items.length);
    for (const i of due.items) expect(i.work.nextCheckDue === null || i.work.nextCheckDue <= '2027-06-30').toBe(true);
    const dueInDb = all.items.filter((i: any) => i.work.nextCheckDue === null || i.work.nextCheckDue <= '2027-06-30').length;
    expect(due.items).toHaveLength(dueInDb);
  });

  it('a round over an empty subtree is 422 round.empty', async () => {
    const floor = busiest(sqlite, 'floor')[0]!;
    const curator = await t.as('curator');
    const room = await curator.post('/api/locations', { kind: 'room', name: 'Tomt förråd', parentId: floor.id });
    expect(room.status).toBe(201);
    const res = await cons.post('/api/rounds', { locationIds: [room.body.id], dueDate: DUE });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'round.empty', errors: [{ path: 'locationIds' }] });
    expect(countRows(sqlite, 'select count(*) from rounds where location_ids = ?', JSON.stringify([room.body.id]))).toBe(0);
  });

  it.each([
    ['no due date', { locationIds: [1] }, 'dueDate'],
    ['a malformed due date', { locationIds: [1], dueDate: '31/12/2026' }, 'dueDate'],
    ['no locations', { locationIds: [], dueDate: DUE }, 'locationIds'],
    ['a location id that is not a number', { locationIds: ['x'], dueDate: DUE }, 'locationIds.0'],
    ['an unknown field', { locationIds: [1], dueDate: DUE, priority: 'high' }, 'priority'],
  ])('refuses %s with 400 naming the field', async (_n, body, field) => {
    const res = await cons.post('/api/rounds', body);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(res.body.errors.map((e: any) => e.path)).toContain(field);
  });

  it('refuses unknown locations, several sites and an assignee who cannot record (422)', async () => {
    const [a, b] = busiest(sqlite, 'site', { min: 1 });
    const unknown = await cons.post('/api/rounds', { locationIds: [a!.id, 99_999_999], dueDate: DUE });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'round.unknown_location', errors: [{ path: 'locationIds.1' }] });
    const mixed = await cons.post('/api/rounds', { locationIds: [a!.id, b!.id], dueDate: DUE });
    expect(mixed.status).toBe(422);
    expect(mixed.body.code).toBe('round.mixed_sites');
    const badAssignee = await cons.post('/api/rounds', { locationIds: [a!.id], dueDate: DUE, assigneeId: viewer.userId });
    expect(badAssignee.status).toBe(422);
    expect(badAssignee.body).toMatchObject({ code: 'round.assignee_role', errors: [{ path: 'assigneeId' }] });
  });

  it('a viewer can read rounds but not plan one (403)', async () => {
    const floor = busiest(sqlite, 'floor')[0]!;
    expect((await viewer.post('/api/rounds', { locationIds: [floor.id], dueDate: DUE })).status).toBe(403);
    expect((await viewer.get('/api/rounds')).status).toBe(200);
  });
});

describe("the hospital's local art contact", () => {
  it('runs rounds at her hospital and cannot see or touch another site', async () => {
    const [home, other] = busiest(sqlite, 'site', { siteType: 'hospital', min: 5 });
    const local = await t.as('conservator', { siteIds: [home!.siteId] });
    const mine = await plan(local, { locationIds: [home!.id] });
    const item = mine.items[0];
    const ok = await local.post(`/api/rounds/${mine.id}/results`, { idempotencyKey: key(), itemId: item.id, outcome: 'seen_ok', recordedAt: ago(1) });
    expect(ok.status).toBe(201);

    const elsewhere = await local.post('/api/rounds', { locationIds: [other!.id], dueDate: DUE });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.code).toBe('auth.site_forbidden');
    const theirs = await plan(admin, { locationIds: [other!.id] });
    expect((await local.get(`/api/rounds/${theirs.id}`)).status).toBe(403);
    expect((await local.get(`/api/rounds/${theirs.id}/report.csv`)).status).toBe(403);
    const post = await local.post(`/api/rounds/${theirs.id}/results`, { idempotencyKey: key(), itemId: theirs.items[0].id, outcome: 'seen_ok', recordedAt: ago(1) });
    expect(post.status).toBe(403);
    const list = await local.get('/api/rounds?limit=200');
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((r: any) => r.siteId === home!.siteId)).toBe(true);
  });
});

describe('recording results', () => {
  let round: any;
  let other: any;
  beforeAll(async () => {
    const floors = busiest(sqlite, 'floor', { min: 12 });
    round = await plan(cons, { locationIds: [floors[0]!.id], name: 'Höstrond plan 3' });
    other = await plan(cons, { locationIds: [floors[1]!.id] });
  });
  const post = (body: unknown, headers?: Record<string, string>, c = cons) => c.post(`/api/rounds/${round.id}/results`, body, headers);
  const checksOf = (artworkId: number) => countRows(sqlite, 'select count(*) from condition_checks where artwork_id = ?', artworkId);

  it('"seen, OK" is one tap: a grade-1 check dated when the tap happened, linked to the round', async () => {
    const item = round.items[0];
    const before = checksOf(item.work.id);
    const recordedAt = ago(7);
    const res = await post({ idempotencyKey: key(), itemId: item.id, outcome: 'seen_ok', recordedAt });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ replayed: false, item: { id: item.id, outcome: 'seen_ok' }, result: { outcome: 'seen_ok', recordedAt } });
    const check = sqlite.prepare('select grade, checked_at as checkedAt, round_id as roundId, user_id as userId from condition_checks where id = ?').get(res.body.result.conditionCheckId);
    expect(check).toEqual({ grade: 1, checkedAt: recordedAt, roundId: round.id, userId: cons.userId });
    expect(checksOf(item.work.id)).toBe(before + 1);
    expect(sqlite.prepare('select last_grade from artworks where id = ?').pluck().get(item.work.id)).toBe(1);
  });

  it('the same result sent twice is one result; the second answer is the first result', async () => {
    const item = round.items[1];
    const body = { idempotencyKey: key(), itemId: item.id, outcome: 'seen_ok', recordedAt: ago(6) };
    const first = await post(body);
    const checks = checksOf(item.work.id);
    const second = await post(body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.replayed).toBe(true);
    expect(second.body.result).toEqual(first.body.result);
    expect(checksOf(item.work.id)).toBe(checks);
    expect(countRows(sqlite, 'select count(*) from round_results where item_id = ?', item.id)).toBe(1);
    // The Idempotency-Key header works for a single result too.
    const { idempotencyKey: _k, ...noKey } = { ...body, recordedAt: ago(5) };
    const k = key();
    expect((await post(noKey, { 'idempotency-key': k })).status).toBe(201);
    expect((await post(noKey, { 'idempotency-key': k })).status).toBe(200);
  });

  it('reusing a key for a different result is 409 round.idempotency_mismatch, and nothing changes', async () => {
    const item = round.items[2];
    const k = key();
    expect((await post({ idempotencyKey: k, itemId: item.id, outcome: 'seen_ok', recordedAt: ago(6) })).status).toBe(201);
    const res = await post({ idempotencyKey: k, itemId: item.id, outcome: 'missing', recordedAt: ago(6) });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'round.idempotency_mismatch', errors: [{ path: 'idempotencyKey' }] });
    expect(sqlite.prepare('select outcome from round_items where id = ?').pluck().get(item.id)).toBe('seen_ok');
  });

  it('"needs action" records the condition check with damage, grade and priority', async () => {
    const item = round.items[3];
    const res = await post({
      idempotencyKey: key(),
      itemId: item.id,
      outcome: 'needs_action',
      recordedAt: ago(4),
      check: { grade: 3, damageTypes: ['scratch', 'loose_fixing'], damageLocation: 'nedre vänstra hörnet', priority: 'soon', note: 'Ramen lös' },
    });
    expect(res.status).toBe(201);
    const check = sqlite.prepare('select grade, damage_types as d, damage_location as loc, priority, note from condition_checks where id = ?').get(res.body.result.conditionCheckId);
    expect(check).toEqual({ grade: 3, d: '["scratch","loose_fixing"]', loc: 'nedre vänstra hörnet', priority: 'soon', note: 'Ramen lös' });
    expect(sqlite.prepare('select last_grade from artworks where id = ?').pluck().get(item.work.id)).toBe(3);

    // The phone then uploads the damage photos to the check the result created; the round shows them.
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#a05030' } }).png().toBuffer();
    const form = new FormData();
    form.set('entityType', 'condition_check');
    form.set('entityId', String(res.body.result.conditionCheckId));
    form.set('role', 'condition');
    form.append('files', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'skada.png');
    expect((await cons.post('/api/media', form)).status).toBe(201);
    const results = await cons.get(`/api/rounds/${round.id}/results`);
    const withPhoto = results.body.items.find((r: any) => r.id === res.body.result.id);
    expect(withPhoto.photos).toEqual([expect.objectContaining({ thumbnailUrl: expect.stringMatching(/^\/media\/[0-9a-f]{64}\/thumb\.webp$/) })]);
  });

  it('"found elsewhere" moves the work through a movement that names the round', async () => {
    const item = round.items[4];
    const dest = busiest(sqlite, 'room').find((r) => r.siteId === round.siteId && r.id !== item.expectedLocation.id)!;
    const recordedAt = ago(4);
    const res = await post({ idempotencyKey: key(), itemId: item.id, outcome: 'found_elsewhere', locationId: dest.id, recordedAt, note: 'Stod i korridoren' });
    expect(res.status).toBe(201);
    const m = sqlite.prepare('select artwork_id as a, to_location_id as t, round_id as r, moved_at as at from movements where id = ?').get(res.body.result.movementId);
    expect(m).toEqual({ a: item.work.id, t: dest.id, r: round.id, at: recordedAt });
    expect(sqlite.prepare('select location_id from artworks where id = ?').pluck().get(item.work.id)).toBe(dest.id);
  });

  it('"found here": a work scanned in the area that was not expected is added to the round and moved here', async () => {
    const room = round.items[0].expectedLocation.id;
    // Prefer a work of the same site (it wandered from another ward); any work will do.
    const stranger = sqlite
      .prepare(`select id from artworks where status = 'in_place' and id not in (select artwork_id from round_items where round_id = ?) order by site_id = ? desc, id limit 1`)
      .pluck()
      .get(round.id, round.siteId) as number;
    const res = await post({ idempotencyKey: key(), outcome: 'found_here', artworkId: stranger, locationId: room, recordedAt: ago(3) });
    expect(res.status).toBe(201);
    expect(res.body.result.movementId).toBeTruthy();
    expect(sqlite.prepare('select location_id from artworks where id = ?').pluck().get(stranger)).toBe(room);
    const detail = await cons.get(`/api/rounds/${round.id}`);
    const added = detail.body.items.find((i: any) => i.work.id === stranger);
    expect(added).toMatchObject({ expected: false, outcome: 'found_here', seq: detail.body.items.length });
    // Scanning it again attaches to the same item.
    expect((await post({ idempotencyKey: key(), outcome: 'found_here', artworkId: stranger, locationId: room, recordedAt: ago(2) })).status).toBe(201);
    expect(countRows(sqlite, 'select count(*) from round_items where round_id = ? and artwork_id = ?', round.id, stranger)).toBe(1);
    const outside = busiest(sqlite, 'room').find((r) => r.siteId !== round.siteId)!;
    const res2 = await post({ idempotencyKey: key(), outcome: 'found_here', artworkId: stranger, locationId: outside.id, recordedAt: ago(1) });
    expect(res2.status).toBe(422);
    expect(res2.body).toMatchObject({ code: 'round.location_outside', errors: [{ path: 'locationId' }] });
  });

  it('two phones disagree: the later tap wins even when it arrives first; both stay visible in the history', async () => {
    const item = round.items[5];
    const later = await post({ idempotencyKey: key(), itemId: item.id, outcome: 'seen_ok', recordedAt: ago(2) }, undefined, cons);
    const otherPhone = await t.as('conservator');
    const earlier = await post({ idempotencyKey: key(), itemId: item.id, outcome: 'missing', recordedAt: ago(20) }, undefined, otherPhone);
    expect(later.status).toBe(201);
    expect(earlier.status).toBe(201);
    expect(earlier.body.item).toMatchObject({ outcome: 'seen_ok', currentResultId: later.body.result.id });
    const detail = (await cons.get(`/api/rounds/${round.id}`)).body;
    const view = detail.items.find((i: any) => i.id === item.id);
    expect(view.current.id).toBe(later.body.result.id);
    expect(view.history.map((h: any) => [h.outcome, h.userId])).toEqual([
      ['missing', otherPhone.userId],
      ['seen_ok', cons.userId],
    ]);
    // A still later tap from the second phone takes over.
    const latest = await post({ idempotencyKey: key(), itemId: item.id, outcome: 'not_accessible', reason: 'Patientrum, upptaget', recordedAt: ago(1) }, undefined, otherPhone);
    expect(latest.body.item.outcome).toBe('not_accessible');
  });

  it('an item of another round is 404 round.item_not_found', async () => {
    const res = await post({ idempotencyKey: key(), itemId: other.items[0].id, outcome: 'seen_ok', recordedAt: ago(1) });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('round.item_not_found');
    expect((await post({ idempotencyKey: key(), itemId: 2_000_000_000, outcome: 'seen_ok', recordedAt: ago(1) })).status).toBe(404);
    expect(countRows(sqlite, 'select count(*) from round_results where item_id = ?', other.items[0].id)).toBe(0);
  });

  it('a result for a deaccessioned work is 422 round.work_deaccessioned', async () => {
    const item = round.items[6];
    const work = await admin.get(`/api/artworks/${item.work.id}`);
    const deacc = await admin.post(
      `/api/artworks/${item.work.id}/status`,
      { status: 'deaccessioned', deaccessionDate: '2026-11-02', deaccessionRef: 'Dnr 2026/123', deaccessionReason: 'Förstörd i vattenskada' },
      { 'if-match': `"${work.body.version}"` },
    );
    expect(deacc.status).toBe(200);
    const res = await post({ idempotencyKey: key(), itemId: item.id, outcome: 'seen_ok', recordedAt: ago(1) });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'round.work_deaccessioned', errors: [{ path: 'itemId' }] });
    expect(countRows(sqlite, 'select count(*) from round_results where item_id = ?', item.id)).toBe(0);
  });

  it.each([
    ['no idempotency key', { outcome: 'seen_ok', recordedAt: '2026-11-01T10:00:00Z' }, 'idempotencyKey'],
    ['an unknown outcome', { idempotencyKey: 'k-12345678', outcome: 'stolen', recordedAt: '2026-11-01T10:00:00Z' }, 'outcome'],
    ['needs_action without a check', { idempotencyKey: 'k-12345678', outcome: 'needs_action', recordedAt: '2026-11-01T10:00:00Z' }, 'check'],
    ['a grade of 5', { idempotencyKey: 'k-12345678', outcome: 'needs_action', recordedAt: '2026-11-01T10:00:00Z', check: { grade: 5 } }, 'check.grade'],
    ['not_accessible without a reason', { idempotencyKey: 'k-12345678', outcome: 'not_accessible', recordedAt: '2026-11-01T10:00:00Z' }, 'reason'],
    ['found_elsewhere without a location', { idempotencyKey: 'k-12345678', outcome: 'found_elsewhere', recordedAt: '2026-11-01T10:00:00Z' }, 'locationId'],
    ['found_here without work or item', { idempotencyKey: 'k-12345678', outcome: 'found_here', locationId: 1, recordedAt: '2026-11-01T10:00:00Z' }, 'artworkId'],
    ['a time without offset', { idempotencyKey: 'k-12345678', outcome: 'seen_ok', recordedAt: '2026-11-01 10:00' }, 'recordedAt'],
    ['an unknown field', { idempotencyKey: 'k-12345678', outcome: 'seen_ok', recordedAt: '2026-11-01T10:00:00Z', grade: 1 }, 'grade'],
  ])('refuses %s with 400 naming the field', async (_n, body, field) => {
    const res = await post(body.outcome === 'found_here' ? body : { itemId: round.items[0].id, ...body });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => e.path).join(' ')).toContain(field);
  });

  it('a tap dated in the future is 422 naming recordedAt', async () => {
    const res = await post({ idempotencyKey: key(), itemId: round.items[0].id, outcome: 'seen_ok', recordedAt: new Date(Date.now() + 3600_000).toISOString() });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'round.recorded_in_future', errors: [{ path: 'recordedAt' }] });
  });

  it('a batch answers each result on its own: 207 when some were refused', async () => {
    const okKey = key();
    const res = await post([
      { idempotencyKey: okKey, itemId: round.items[7].id, outcome: 'seen_ok', recordedAt: ago(3) },
      { idempotencyKey: key(), itemId: other.items[0].id, outcome: 'seen_ok', recordedAt: ago(3) },
    ]);
    expect(res.status).toBe(207);
    expect(res.body.results.map((r: any) => [r.idempotencyKey === okKey, r.status, r.problem?.code ?? null])).toEqual([
      [true, 201, null],
      [false, 404, 'round.item_not_found'],
    ]);
    const malformed = await post([{ idempotencyKey: key(), itemId: round.items[8].id, outcome: 'seen_ok', recordedAt: ago(3) }, { outcome: 'seen_ok' }]);
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].path).toMatch(/^1\./);
    expect(countRows(sqlite, 'select count(*) from round_results where item_id = ?', round.items[8].id)).toBe(0);
  });
});

describe('closing a round', () => {
  let round: any;
  const post = (body: unknown) => cons.post(`/api/rounds/${round.id}/results`, body);
  const status = (id: number) => sqlite.prepare('select status from artworks where id = ?').pluck().get(id);

  beforeAll(async () => {
    const floor = busiest(sqlite, 'floor', { min: 8 })[2]!;
    round = await plan(cons, { locationIds: [floor.id], name: 'Vinterrond' });
  });

  it('previews the summary without changing anything, then confirmed marks the missing and schedules rechecks', async () => {
    const [seen, damaged, missing, foundAgain, blocked] = round.items;
    const results = [
      { idempotencyKey: key(), itemId: seen.id, outcome: 'seen_ok', recordedAt: ago(30) },
      { idempotencyKey: key(), itemId: damaged.id, outcome: 'needs_action', recordedAt: ago(29), check: { grade: 2, damageTypes: ['dust'] } },
      { idempotencyKey: key(), itemId: missing.id, outcome: 'missing', recordedAt: ago(28), note: 'Tom krok på väggen' },
      { idempotencyKey: key(), itemId: foundAgain.id, outcome: 'missing', recordedAt: ago(27) },
      { idempotencyKey: key(), itemId: foundAgain.id, outcome: 'seen_ok', recordedAt: ago(5) },
      { idempotencyKey: key(), itemId: blocked.id, outcome: 'not_accessible', reason: 'Isoleringsrum', recordedAt: ago(26) },
    ];
    const batch = await post(results);
    expect(batch.status).toBe(200);
    const dueBefore = sqlite.prepare('select next_check_due from artworks where id = ?').pluck().get(blocked.work.id) as string | null;

    const preview = await cons.post(`/api/rounds/${round.id}/close`, {});
    expect(preview.status).toBe(200);
    expect(preview.body.preview).toBe(true);
    expect(preview.body.summary).toEqual({
      total: round.items.length,
      expected: round.items.length,
      seenOk: 2,
      needsAction: 1,
      missing: 1,
      foundElsewhere: 0,
      foundHere: 0,
      notAccessible: 1,
      notVisited: round.items.length - 5,
    });
    expect(preview.body.toMarkMissing.map((m: any) => m.artworkId)).toEqual([missing.work.id]);
    expect(preview.body.toRecheck.map((m: any) => m.artworkId)).toEqual([blocked.work.id]);
    expect(status(missing.work.id)).not.toBe('missing');
    expect((await cons.get(`/api/rounds/${round.id}`)).body.status).toBe('open');

    const closed = await cons.post(`/api/rounds/${round.id}/close`, { confirm: true });
    expect(closed.status).toBe(200);
    expect(closed.body.round).toMatchObject({ status: 'closed', closedBy: cons.userId, summary: preview.body.summary });
    expect(status(missing.work.id)).toBe('missing');
    expect(sqlite.prepare('select status_note from artworks where id = ?').pluck().get(missing.work.id)).toContain(`"Vinterrond" (#${round.id})`);
    expect(status(foundAgain.work.id)).not.toBe('missing');
    const audit = sqlite.prepare(`select action, batch_id as b from audit_log where entity_type = 'artwork' and entity_id = ? order by id desc limit 1`).get(missing.work.id);
    expect(audit).toEqual({ action: 'status', b: `round-${round.id}-close` });
    const recheckBy = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const due = sqlite.prepare('select next_check_due from artworks where id = ?').pluck().get(blocked.work.id) as string;
    expect(due).toBe(dueBefore && dueBefore < recheckBy ? dueBefore : recheckBy);
  });

  it('a closed round refuses new results (409) and a second close, but answers a replay', async () => {
    const replayKey = (sqlite.prepare('select idempotency_key from round_results where round_id = ? limit 1').pluck().get(round.id)) as string;
    const replay = sqlite.prepare('select item_id as itemId, outcome, recorded_at as recordedAt, reason, note, check_input as c from round_results where idempotency_key = ?').get(replayKey) as any;
    const body: any = { idempotencyKey: replayKey, itemId: replay.itemId, outcome: replay.outcome, recordedAt: replay.recordedAt };
    if (replay.reason) body.reason = replay.reason;
    if (replay.note) body.note = replay.note;
    if (replay.c) body.check = JSON.parse(replay.c);
    expect((await post(body)).status).toBe(200);
    const res = await post({ idempotencyKey: key(), itemId: round.items[9 % round.items.length].id, outcome: 'seen_ok', recordedAt: ago(1) });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('round.closed');
    const again = await cons.post(`/api/rounds/${round.id}/close`, { confirm: true });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('round.closed');
  });

  it('reports the round as CSV and PDF', async () => {
    const csv = await viewer.get(`/api/rounds/${round.id}/report.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(round.items.length);
    expect(rows[0]).toMatchObject({ seq: '1', inventory_number: round.items[0].work.inventoryNumber, outcome: 'seen_ok', grade: '1' });
    expect(rows[4]).toMatchObject({ outcome: 'not_accessible', reason: 'Isoleringsrum' });
    expect(rows.filter((r) => r.outcome === 'pending')).toHaveLength(round.items.length - 5);

    const pdf = await fetch(`${t.baseUrl}/api/rounds/${round.id}/report.pdf`, { headers: { cookie: viewer.cookie } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const buf = new Uint8Array(await pdf.arrayBuffer());
    const parser = new PDFParse({ data: buf });
    const { text } = await parser.getText();
    await parser.destroy();
    expect(text).toContain('Round report: Vinterrond');
    expect(text).toMatch(/Missing\s+1/);
    expect(text).toMatch(/Not yet visited\s+\d+/);
    expect(text).toContain(round.items[2].work.inventoryNumber);
    expect(text).toContain('Isoleringsrum');
  });

  it('lists my open rounds by due date', async () => {
    const mine = await cons.get('/api/rounds?mine=1&status=open');
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((r: any) => r.assigneeId === cons.userId && r.status === 'open')).toBe(true);
    expect(mine.body.items.find((r: any) => r.id === round.id)).toBeUndefined();
    const closed = await cons.get('/api/rounds?status=closed');
    expect(closed.body.items.map((r: any) => r.id)).toContain(round.id);
    const page1 = await cons.get('/api/rounds?limit=1');
    expect(page1.body.nextCursor).toBeTruthy();
    const page2 = await cons.get(`/api/rounds?limit=1&cursor=${encodeURIComponent(page1.body.nextCursor)}`);
    expect(page2.body.items[0].id).not.toBe(page1.body.items[0].id);
  });
});
