// The offline phone: 100 results plus conflicting taps and 30 duplicates, shuffled, sent in batches
// (two phones at once) — the round must end in exactly the state the taps describe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import { busiest, countRows, key } from './rounds.test-helpers.js';

let t: TestApp;
let phoneA: Client;
let phoneB: Client;
let sqlite: import('better-sqlite3').Database;

beforeAll(async () => {
  t = await startTestApp({ works: 2000 });
  sqlite = t.db.$client;
  phoneA = await t.as('conservator');
  phoneB = await t.as('conservator');
});
afterAll(() => t.close());

/** Deterministic shuffling, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

type Tap = { body: Record<string, unknown>; phone: Client };
type Plan = { itemId: number; workId: number; expectedLocationId: number; effective: string; finalLocationId: number; grade: number | null; taps: Tap[] };

describe('offline replay', () => {
  it('100 results with conflicts and 30 duplicates, shuffled into batches, end in exactly the right state', async () => {
    const site = busiest(sqlite, 'site', { siteType: 'hospital', min: 100 })[0]!;
    const planned = await phoneA.post('/api/rounds', { locationIds: [site.id], dueDate: '2026-12-31', name: 'Offline replay' });
    expect(planned.status).toBe(201);
    const round = planned.body;
    const items = round.items.slice(0, 100);
    expect(items).toHaveLength(100);
    const rooms = sqlite.prepare(`select id from locations where site_id = ? and kind = 'room' and active = 1 order by id`).pluck().all(site.id) as number[];

    const T0 = Date.now() - 3 * 3600_000; // the phone was offline for the last three hours
    const at = (i: number, offsetSec: number) => new Date(T0 + i * 60_000 + offsetSec * 1000).toISOString();
    const plans: Plan[] = items.map((item: any, i: number) => {
      const p: Plan = { itemId: item.id, workId: item.work.id, expectedLocationId: item.expectedLocation.id, effective: '', finalLocationId: item.expectedLocation.id, grade: null, taps: [] };
      const tap = (outcome: string, offset: number, phone: Client, extra: Record<string, unknown> = {}) =>
        p.taps.push({ phone, body: { idempotencyKey: key(), itemId: item.id, outcome, recordedAt: at(i, offset), ...extra } });
      const dest = rooms.find((r) => r !== item.expectedLocation.id && (r + i) % 7 === 0) ?? rooms.find((r) => r !== item.expectedLocation.id)!;
      switch (i % 10) {
        case 5:
          tap('needs_action', 0, phoneA, { check: { grade: 2 + (i % 3), damageTypes: ['scratch'], priority: 'routine' } });
          p.effective = 'needs_action';
          p.grade = 2 + (i % 3);
          break;
        case 6:
          tap('found_elsewhere', 0, phoneA, { locationId: dest });
          if (i % 20 === 6) {
            // Phone B saw it back in its place later: it ends where it belongs.
            tap('seen_ok', 5, phoneB);
            p.effective = 'seen_ok';
            p.grade = 1;
          } else {
            p.effective = 'found_elsewhere';
            p.finalLocationId = dest;
          }
          break;
        case 7:
          if (i % 20 === 17) tap('seen_ok', 0, phoneB); // seen early, gone when phone A came by
          tap('missing', 5, phoneA);
          p.effective = 'missing';
          break;
        case 8:
          tap('not_accessible', 0, phoneA, { reason: 'Låst rum' });
          p.effective = 'not_accessible';
          break;
        case 9:
          tap('missing', 0, phoneB); // phone B missed it, phone A found it a little later
          tap('seen_ok', 5, phoneA);
          p.effective = 'seen_ok';
          p.grade = 1;
          break;
        default:
          tap('seen_ok', 0, phoneA);
          p.effective = 'seen_ok';
          p.grade = 1;
      }
      return p;
    });

    const random = rng(20261125);
    const unique = plans.flatMap((p) => p.taps);
    const duplicates = Array.from({ length: 30 }, () => unique[Math.floor(random() * unique.length)]!);
    const all = [...unique, ...duplicates];
    for (let i = all.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [all[i], all[j]] = [all[j]!, all[i]!];
    }
    // Each phone flushes its own queue in batches of 5–25; the two phones' batches interleave on the server.
    const batchesOf = (phone: Client) => {
      const mine = all.filter((x) => x.phone === phone).map((x) => x.body);
      const out: unknown[][] = [];
      while (mine.length) out.push(mine.splice(0, 5 + Math.floor(random() * 21)));
      return out;
    };
    const send = async (phone: Client) => {
      const statuses: number[] = [];
      for (const batch of batchesOf(phone)) {
        const res = await phone.post(`/api/rounds/${round.id}/results`, batch);
        expect(res.status).toBe(200);
        statuses.push(...res.body.results.map((r: any) => r.status));
      }
      return statuses;
    };
    const statuses = (await Promise.all([send(phoneA), send(phoneB)])).flat();
    const distinctDuplicates = duplicates.length;
    expect(statuses.filter((s) => s === 201)).toHaveLength(unique.length);
    expect(statuses.filter((s) => s === 200)).toHaveLength(distinctDuplicates);

    // Exactly one stored result per tap, one effective result per item, the right one.
    expect(countRows(sqlite, 'select count(*) from round_results where round_id = ?', round.id)).toBe(unique.length);
    const detail = (await phoneA.get(`/api/rounds/${round.id}`)).body;
    const byId = new Map(detail.items.map((i: any) => [i.id, i]));
    for (const p of plans) {
      const view: any = byId.get(p.itemId);
      expect({ item: p.itemId, outcome: view.outcome }).toEqual({ item: p.itemId, outcome: p.effective });
      expect(view.history).toHaveLength(p.taps.length);
      const latest = [...p.taps].sort((a, b) => String(b.body.recordedAt).localeCompare(String(a.body.recordedAt)))[0]!;
      expect(view.current.idempotencyKey).toBe(latest.body.idempotencyKey);
      expect({ item: p.itemId, location: sqlite.prepare('select location_id from artworks where id = ?').pluck().get(p.workId) }).toEqual({ item: p.itemId, location: p.finalLocationId });
      if (p.grade !== null) expect({ item: p.itemId, grade: view.work.lastGrade }).toEqual({ item: p.itemId, grade: p.grade });
    }
    // One condition check per "seen OK" / "needs action" tap — no duplicates from the replays.
    const checkTaps = unique.filter((x) => x.body.outcome === 'seen_ok' || x.body.outcome === 'needs_action').length;
    expect(countRows(sqlite, 'select count(*) from condition_checks where round_id = ?', round.id)).toBe(checkTaps);
    // Every work found elsewhere (and not seen back home later) has exactly one movement there, dated by the tap.
    for (const p of plans.filter((x) => x.effective === 'found_elsewhere')) {
      const moves = sqlite.prepare('select to_location_id as t, moved_at as m from movements where round_id = ? and artwork_id = ?').all(round.id, p.workId);
      expect(moves).toEqual([{ t: p.finalLocationId, m: p.taps[0]!.body.recordedAt }]);
    }
    expect(detail.summary).toMatchObject({
      seenOk: plans.filter((p) => p.effective === 'seen_ok').length,
      needsAction: 10,
      foundElsewhere: 5,
      missing: 10,
      notAccessible: 10,
      notVisited: round.items.length - 100,
    });

    // Closing marks exactly the ten missing works, whatever order their taps arrived in.
    const closed = await phoneA.post(`/api/rounds/${round.id}/close`, { confirm: true });
    expect(closed.status).toBe(200);
    const missingIds = plans.filter((p) => p.effective === 'missing').map((p) => p.workId).sort((a, b) => a - b);
    const nowMissing = sqlite
      .prepare(`select a.id from artworks a join round_items i on i.artwork_id = a.id where i.round_id = ? and a.status = 'missing' order by a.id`)
      .pluck()
      .all(round.id);
    expect(nowMissing).toEqual(missingIds);

    // The phone that never heard back replays everything after the close: all answered, nothing changes.
    const counts = () => [
      countRows(sqlite, 'select count(*) from round_results'),
      countRows(sqlite, 'select count(*) from condition_checks'),
      countRows(sqlite, 'select count(*) from movements'),
    ];
    const before = counts();
    const again = await phoneA.post(`/api/rounds/${round.id}/results`, unique.filter((x) => x.phone === phoneA).map((x) => x.body));
    expect(again.status).toBe(200);
    expect(again.body.results.every((r: any) => r.status === 200)).toBe(true);
    expect(counts()).toEqual(before);
  });
});
