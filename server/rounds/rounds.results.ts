// Recording round results from phones that may be offline: idempotent by key, reconciled by the
// tap's own time (recordedAt), so late and out-of-order results end in the same state.
//
// - Every result is kept; the item's effective result is the latest by recordedAt (ties: receipt order).
// - seen_ok / needs_action each record a condition check dated recordedAt (the conditions engine
//   restates the work's grade from its latest check by date, so a late older check changes nothing).
// - Location follows the effective result: found_elsewhere / found_here → where it was found;
//   seen_ok / needs_action → where it was expected. A move is made only when the result is the
//   effective one and no newer movement of the work is known (a later move by anyone wins).
// - missing changes nothing until the round is closed (see rounds.close.ts).
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { recordAudit } from '../audit/audit.js';
import { recordCheck } from '../conditions/conditions.service.js';
import { conflict, HttpError, notFound, unprocessable, validationError } from '../http/errors.js';
import { findLocation, resolveLocation } from '../locations/locations.queries.js';
import { moveArtworks } from '../movements/movements.service.js';
import { assertSite, type AuthUser } from '../users/auth.js';
import { getResult, type ResultRow, type RoundRow } from './rounds.queries.js';
import type { RoundResultInput } from './rounds.schema.js';

/** A phone's clock may run a little ahead; further in the future is refused. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export type RecordedResult = {
  /** false when this key was seen before: the stored result is returned and nothing changed. */
  created: boolean;
  result: ResultRow;
  item: { id: number; artworkId: number; outcome: string; currentResultId: number | null };
};

type ItemRow = { id: number; roundId: number; artworkId: number; expected: number; expectedLocationId: number | null };
type WorkRow = { id: number; status: string; locationId: number | null; siteId: number | null; lastMovedAt: string | null };

const OUTCOME_REASON: Record<string, string> = {
  found_elsewhere: 'Round: found elsewhere',
  found_here: 'Round: found here',
  seen_ok: 'Round: seen in its place',
  needs_action: 'Round: seen in its place',
};

/** sha256 of the result with sorted keys and the normalised time, so a replay hashes the same. */
export function requestHash(roundId: number, input: RoundResultInput, recordedAt: string): string {
  const { idempotencyKey: _k, ...rest } = input;
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])])) : v;
  return crypto.createHash('sha256').update(JSON.stringify(canonical({ ...rest, recordedAt, roundId }))).digest('hex');
}

function prepare(sqlite: Database.Database) {
  return {
    byKey: sqlite.prepare('select id, round_id as roundId, request_hash as requestHash from round_results where idempotency_key = ?'),
    item: sqlite.prepare('select id, round_id as roundId, artwork_id as artworkId, expected, expected_location_id as expectedLocationId from round_items where id = ?'),
    itemByWork: sqlite.prepare('select id, round_id as roundId, artwork_id as artworkId, expected, expected_location_id as expectedLocationId from round_items where round_id = ? and artwork_id = ?'),
    nextSeq: sqlite.prepare('select coalesce(max(seq), 0) + 1 from round_items where round_id = ?').pluck(),
    insertItem: sqlite.prepare(
      `insert into round_items (round_id, artwork_id, seq, expected, expected_location_id, outcome, created_at) values (?, ?, ?, 0, ?, 'pending', ?)`,
    ),
    work: sqlite.prepare(
      `select a.id, a.status, a.location_id as locationId, a.site_id as siteId,
              (select max(moved_at) from movements m where m.artwork_id = a.id) as lastMovedAt from artworks a where a.id = ?`,
    ),
    insertResult: sqlite.prepare(
      `insert into round_results (idempotency_key, request_hash, round_id, item_id, outcome, recorded_at, received_at, user_id, location_id, reason, note, check_input)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    setSideEffects: sqlite.prepare('update round_results set condition_check_id = ?, movement_id = ? where id = ?'),
    effective: sqlite.prepare('select id, outcome, recorded_at as recordedAt from round_results where item_id = ? order by recorded_at desc, id desc limit 1'),
    setEffective: sqlite.prepare('update round_items set current_result_id = ?, outcome = ? where id = ?'),
    itemState: sqlite.prepare('select id, artwork_id as artworkId, outcome, current_result_id as currentResultId from round_items where id = ?'),
  };
}
const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();
const stmts = (sqlite: Database.Database) => {
  let s = cache.get(sqlite);
  if (!s) cache.set(sqlite, (s = prepare(sqlite)));
  return s;
};

/** Records one result (in its own transaction). Throws HttpError for a refused result. */
export function recordResult(sqlite: Database.Database, round: RoundRow, input: RoundResultInput, key: string, user: AuthUser, now: Date): RecordedResult {
  const s = stmts(sqlite);
  const recordedAt = normaliseRecordedAt(input.recordedAt, now);
  const hash = requestHash(round.id, input, recordedAt);
  return sqlite.transaction((): RecordedResult => {
    // A replay is answered before any other rule, so a phone that never got the first answer is not
    // stuck even if the round was closed meanwhile.
    const seen = s.byKey.get(key) as { id: number; roundId: number; requestHash: string } | undefined;
    if (seen) {
      if (seen.roundId !== round.id || seen.requestHash !== hash)
        throw conflict('round.idempotency_mismatch', 'This Idempotency-Key was already used for a different result; generate a new key for a new result.', {
          errors: [{ path: 'idempotencyKey', message: 'Key already used with another body' }],
        });
      const result = getResult(sqlite, seen.id);
      return { created: false, result, item: s.itemState.get(result.itemId) as RecordedResult['item'] };
    }
    if (round.status === 'closed') throw conflict('round.closed', 'The round is closed; results can no longer be recorded.');

    const item = resolveItem(sqlite, round, input, user, now);
    const work = s.work.get(item.artworkId) as WorkRow;
    if (work.status === 'deaccessioned')
      throw unprocessable('round.work_deaccessioned', 'The work has been deaccessioned; it is no longer checked.', [{ path: 'itemId' in input && input.itemId ? 'itemId' : 'artworkId', message: 'Deaccessioned work' }]);
    const locationId = 'locationId' in input ? input.locationId : null;
    if (input.outcome === 'found_elsewhere') assertDestination(sqlite, locationId!, user);

    const at = now.toISOString();
    const checkInput = input.outcome === 'needs_action' ? input.check : null;
    const resultId = Number(
      s.insertResult.run(key, hash, round.id, item.id, input.outcome, recordedAt, at, user.id, locationId ?? null,
        input.outcome === 'not_accessible' ? input.reason : null, input.note ?? null, checkInput ? JSON.stringify(checkInput) : null).lastInsertRowid,
    );

    let checkId: number | null = null;
    if (input.outcome === 'seen_ok' || input.outcome === 'needs_action') {
      const c = input.outcome === 'needs_action' ? input.check : null;
      checkId = asResultField(() => recordCheck(
        sqlite,
        {
          artworkId: item.artworkId,
          checkedAt: recordedAt,
          grade: c?.grade ?? 1,
          damageTypes: c?.damageTypes ?? [],
          damageLocation: c?.damageLocation ?? null,
          recommendedAction: c?.recommendedAction ?? null,
          priority: c?.priority ?? 'none',
          note: c?.note ?? input.note ?? null,
          roundId: round.id,
        },
        { userId: user.id, now },
      ));
    }

    const effective = s.effective.get(item.id) as { id: number; outcome: string; recordedAt: string };
    s.setEffective.run(effective.id, effective.outcome, item.id);
    const movementId = effective.id === resultId ? reconcileLocation(sqlite, round, item, work, input.outcome, locationId ?? null, recordedAt, user, at) : null;
    s.setSideEffects.run(checkId, movementId, resultId);
    recordAudit(sqlite, {
      at,
      userId: user.id,
      action: 'record_result',
      entityType: 'round',
      entityId: round.id,
      after: { resultId, itemId: item.id, artworkId: item.artworkId, outcome: input.outcome, recordedAt, idempotencyKey: key, effective: effective.id === resultId },
    });
    return { created: true, result: getResult(sqlite, resultId), item: s.itemState.get(item.id) as RecordedResult['item'] };
  })();
}

/** The conditions engine names its own fields (checkedAt, grade …); say them as the result's fields. */
function asResultField<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (!(err instanceof HttpError) || !Array.isArray(err.extra.errors)) throw err;
    const rename = (p: string) => (p === 'checkedAt' ? 'recordedAt' : p === 'artworkId' ? 'itemId' : `check.${p}`);
    const errors = (err.extra.errors as { path: string; message: string }[]).map((e) => ({ ...e, path: rename(e.path) }));
    throw new HttpError(err.status, err.code, err.title, err.detail, { ...err.extra, errors }, err.headers);
  }
}

function normaliseRecordedAt(value: string, now: Date): string {
  const iso = new Date(value).toISOString();
  if (Date.parse(iso) > now.getTime() + FUTURE_TOLERANCE_MS)
    throw unprocessable('round.recorded_in_future', 'A result cannot be recorded in the future; check the phone\u2019s clock.', [{ path: 'recordedAt', message: 'In the future' }]);
  return iso;
}

/** The item the result is for: by id (must be this round's), or for found_here by work (added if it was not expected). */
function resolveItem(sqlite: Database.Database, round: RoundRow, input: RoundResultInput, user: AuthUser, now: Date): ItemRow {
  const s = stmts(sqlite);
  if (input.outcome !== 'found_here' || input.itemId) {
    const itemId = input.itemId!;
    const item = s.item.get(itemId) as ItemRow | undefined;
    if (!item || item.roundId !== round.id) throw notFound('round.item_not_found', `Item ${itemId} is not part of round ${round.id}.`);
    if (input.outcome === 'found_here') {
      if (input.artworkId && input.artworkId !== item.artworkId)
        throw unprocessable('round.item_mismatch', 'itemId and artworkId name different works.', [{ path: 'artworkId', message: 'Not the work of this item' }]);
      assertInRoundArea(sqlite, round, input.locationId);
    }
    return item;
  }
  if (!input.artworkId) throw validationError([{ path: 'artworkId', message: 'Give artworkId (the scanned work) or itemId' }]);
  const existing = s.itemByWork.get(round.id, input.artworkId) as ItemRow | undefined;
  assertInRoundArea(sqlite, round, input.locationId);
  if (existing) return existing;
  const work = s.work.get(input.artworkId) as WorkRow | undefined;
  if (!work) throw unprocessable('round.unknown_artwork', `There is no work ${input.artworkId}.`, [{ path: 'artworkId', message: 'No such work' }]);
  assertSite(user, work.siteId ?? round.siteId);
  if (work.status === 'deaccessioned')
    throw unprocessable('round.work_deaccessioned', 'The work has been deaccessioned; it is no longer checked.', [{ path: 'artworkId', message: 'Deaccessioned work' }]);
  const id = Number(s.insertItem.run(round.id, work.id, s.nextSeq.get(round.id), input.locationId, now.toISOString()).lastInsertRowid);
  return s.item.get(id) as ItemRow;
}

/** found_here means "here, in the round's area": the location must be inside one of the planned subtrees. */
function assertInRoundArea(sqlite: Database.Database, round: RoundRow, locationId: number): void {
  const loc = findLocation(sqlite, locationId);
  const roots = round.locationIds.map((id) => findLocation(sqlite, id)?.path).filter((p): p is string => !!p);
  if (!loc || !roots.some((p) => loc.path.startsWith(p)))
    throw unprocessable('round.location_outside', 'A work found here must be placed in a location the round walks; use found_elsewhere otherwise.', [
      { path: 'locationId', message: 'Not inside the round' },
    ]);
}

function assertDestination(sqlite: Database.Database, locationId: number, user: AuthUser): void {
  const loc = resolveLocation(sqlite, locationId);
  if (!loc) throw unprocessable('round.unknown_location', `Location ${locationId} does not exist.`, [{ path: 'locationId', message: 'Unknown location' }]);
  if (!loc.active) throw unprocessable('round.unknown_location', `${loc.pathText} is deactivated.`, [{ path: 'locationId', message: 'Inactive location' }]);
  assertSite(user, loc.siteId);
}

/** Moves the work to where its effective result says it is, through the one movement path; returns the movement id. */
function reconcileLocation(
  sqlite: Database.Database,
  round: RoundRow,
  item: ItemRow,
  work: WorkRow,
  outcome: RoundResultInput['outcome'],
  foundAt: number | null,
  recordedAt: string,
  user: AuthUser,
  at: string,
): number | null {
  const target = outcome === 'found_elsewhere' || outcome === 'found_here' ? foundAt : outcome === 'seen_ok' || outcome === 'needs_action' ? item.expectedLocationId : null;
  if (target == null) return null;
  if (work.locationId === target && work.status !== 'missing') return null;
  // Someone moved the work after this tap: that later move stands.
  if (work.lastMovedAt && work.lastMovedAt > recordedAt) return null;
  if (work.status !== 'in_place' && work.status !== 'in_storage' && work.status !== 'missing') return null;
  try {
    const moved = moveArtworks(
      sqlite,
      { artworkIds: [work.id], toLocationId: target, movedAt: recordedAt, reason: OUTCOME_REASON[outcome]!, userId: user.id, roundId: round.id, foundAgain: work.status === 'missing' },
      at,
    );
    return moved.movementIds[0] ?? null;
  } catch (err) {
    // A rule of the movement path (e.g. an inactive room) refuses the result as a whole, naming locationId.
    if (err instanceof HttpError && err.status === 422) throw unprocessable(err.code, err.detail ?? err.title, [{ path: 'locationId', message: err.detail ?? err.title }]);
    throw err;
  }
}
