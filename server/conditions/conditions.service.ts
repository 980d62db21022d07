// Recording and correcting condition checks. recordCheck runs inside the caller's transaction,
// so rounds and damage-report triage record checks atomically with their own writes.
import type Database from 'better-sqlite3';
import { recordAudit } from '../audit/audit.js';
import { conflict, forbidden, notFound, preconditionFailed, unprocessable, validationError, type FieldError } from '../http/errors.js';
import { CHECK_EDIT_WINDOW_HOURS, DAMAGE_TYPES, PRIORITIES, type UpdateCheckBody } from './conditions.schema.js';
import { getCheck } from './conditions.queries.js';
import { computeNextDue, effectiveIntervalMonths, locationChain, scheduledRechecks, withRecheck } from './interval-policy.js';
import { stmt } from '../../db/statements.js';

export { computeNextDue, effectiveIntervalMonths, recomputeDue, INTERVAL_POLICY } from './interval-policy.js';

export type CheckInput = {
  artworkId: number;
  /** ISO timestamp or 'YYYY-MM-DD' (read as midnight UTC); default: now. */
  checkedAt?: string | null;
  grade: number;
  damageTypes?: readonly string[];
  damageLocation?: string | null;
  recommendedAction?: string | null;
  priority?: (typeof PRIORITIES)[number];
  note?: string | null;
  roundId?: number | null;
  correctsCheckId?: number | null;
  estimatedCost?: number | null;
};

export type CheckContext = { userId: number | null; now: Date; batchId?: string | null };

/** A phone's clock may run a little ahead; a check further in the future than this is refused. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

type ArtworkRow = {
  id: number;
  status: string;
  acquisitionDate: string | null;
  locationId: number | null;
  mounting: string | null;
  fixedInBuilding: number;
  checkIntervalMonths: number | null;
  lastGrade: number | null;
  lastCheckAt: string | null;
  nextCheckDue: string | null;
};

const ARTWORK_COLS = `id, status, acquisition_date as acquisitionDate, location_id as locationId, mounting, fixed_in_building as fixedInBuilding,
  check_interval_months as checkIntervalMonths, last_grade as lastGrade, last_check_at as lastCheckAt, next_check_due as nextCheckDue`;

export function loadArtworkForCheck(sqlite: Database.Database, artworkId: number): ArtworkRow | undefined {
  return stmt(sqlite, `select ${ARTWORK_COLS} from artworks where id = ?`).get(artworkId) as ArtworkRow | undefined;
}

/** Inserts a check, restates the work's current condition and writes the audit row; returns the check id. */
export function recordCheck(sqlite: Database.Database, input: CheckInput, ctx: CheckContext): number {
  return sqlite.transaction(() => {
    const work = loadArtworkForCheck(sqlite, input.artworkId);
    if (!work) throw unprocessable('condition_check.artwork_not_found', `There is no artwork ${input.artworkId}.`, [{ path: 'artworkId', message: 'No such artwork' }]);
    if (work.status === 'deaccessioned')
      throw unprocessable('condition_check.artwork_deaccessioned', 'A deaccessioned work is no longer checked.', [{ path: 'artworkId', message: 'The work is deaccessioned' }]);
    assertFields(input);

    let corrected: { id: number; artworkId: number; checkedAt: string } | undefined;
    if (input.correctsCheckId != null) {
      corrected = stmt(sqlite, 'select id, artwork_id as artworkId, checked_at as checkedAt from condition_checks where id = ?').get(input.correctsCheckId) as typeof corrected;
      if (!corrected || corrected.artworkId !== input.artworkId)
        throw unprocessable('condition_check.correction_target', 'A correction must refer to an earlier check of the same work.', [{ path: 'correctsCheckId', message: 'No such check on this work' }]);
      const newer = stmt(sqlite, 'select id from condition_checks where corrects_check_id = ?', 'pluck').get(corrected.id) as number | undefined;
      if (newer)
        throw conflict('condition_check.already_corrected', `Check ${corrected.id} has already been corrected by check ${newer}; correct that one instead.`, { correctedBy: newer });
    }
    // A correction restates the same observation, so by default it keeps the corrected check's time.
    const checkedAt = normaliseCheckedAt(input.checkedAt ?? corrected?.checkedAt ?? ctx.now.toISOString());
    assertCheckedAt(checkedAt, work, ctx.now);

    const at = ctx.now.toISOString();
    const row = {
      artworkId: input.artworkId,
      checkedAt,
      userId: ctx.userId,
      grade: input.grade,
      damageTypes: [...new Set(input.damageTypes ?? [])],
      damageLocation: input.damageLocation ?? null,
      recommendedAction: input.recommendedAction ?? null,
      priority: input.priority ?? 'none',
      note: input.note ?? null,
      roundId: input.roundId ?? null,
      correctsCheckId: input.correctsCheckId ?? null,
      estimatedCost: input.estimatedCost ?? null,
    };
    const id = Number(
      stmt(sqlite, `insert into condition_checks (artwork_id, checked_at, user_id, grade, damage_types, damage_location, recommended_action, priority, note,
             round_id, corrects_check_id, estimated_cost, version, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,)
        .run(row.artworkId, row.checkedAt, row.userId, row.grade, JSON.stringify(row.damageTypes), row.damageLocation, row.recommendedAction, row.priority, row.note,
          row.roundId, row.correctsCheckId, row.estimatedCost, at, at).lastInsertRowid,
    );
    recordAudit(sqlite, { at, userId: ctx.userId, action: row.correctsCheckId ? 'correct' : 'create', entityType: 'condition_check', entityId: id, after: row, batchId: ctx.batchId ?? null });
    restateCondition(sqlite, work);
    return id;
  })();
}

/** Edits a check within its 24-hour window, by its author or an admin, with If-Match. */
export function updateCheck(
  sqlite: Database.Database,
  checkId: number,
  patch: UpdateCheckBody,
  ctx: CheckContext & { version: number; isAdmin: boolean; assertSite: (siteId: number | null) => void },
): number {
  return sqlite.transaction(() => {
    const current = getCheck(sqlite, checkId, ctx.now);
    if (!current) throw notFound('condition_check.not_found');
    const work = loadArtworkForCheck(sqlite, current.artworkId)!;
    ctx.assertSite(stmt(sqlite, 'select site_id from artworks where id = ?', 'pluck').get(current.artworkId) as number | null);
    if (!current.editableUntil)
      throw conflict(
        'condition_check.locked',
        `A condition check cannot be edited more than ${CHECK_EDIT_WINDOW_HOURS} h after it was recorded, so the history stays true; record a new check with correctsCheckId = ${checkId} instead.`,
        { rule: 'checks are locked 24 h after creation; corrections are new checks', correctsCheckId: checkId },
      );
    if (current.userId !== ctx.userId && !ctx.isAdmin) throw forbidden('condition_check.not_author', 'Only the person who recorded the check (or an admin) may edit it.');
    if (current.version !== ctx.version) throw preconditionFailed('condition_check.version_conflict', current);
    assertFields(patch);
    const next = { ...current, ...patch };
    if (patch.checkedAt) {
      next.checkedAt = normaliseCheckedAt(patch.checkedAt);
      assertCheckedAt(next.checkedAt, work, ctx.now);
    }
    const at = ctx.now.toISOString();
    stmt(sqlite, `update condition_checks set checked_at = ?, grade = ?, damage_types = ?, damage_location = ?, recommended_action = ?, priority = ?, note = ?,
           estimated_cost = ?, version = version + 1, updated_at = ? where id = ?`,)
      .run(next.checkedAt, next.grade, JSON.stringify([...new Set(next.damageTypes)]), next.damageLocation, next.recommendedAction, next.priority, next.note, next.estimatedCost, at, checkId);
    const pick = (c: typeof current) => ({ checkedAt: c.checkedAt, grade: c.grade, damageTypes: c.damageTypes, damageLocation: c.damageLocation, recommendedAction: c.recommendedAction, priority: c.priority, note: c.note, estimatedCost: c.estimatedCost });
    recordAudit(sqlite, { at, userId: ctx.userId, action: 'update', entityType: 'condition_check', entityId: checkId, before: pick(current), after: pick(next) });
    restateCondition(sqlite, work);
    return current.artworkId;
  })();
}

/**
 * Restates the work's last grade, last check and next due date from its latest standing check
 * (by checked_at, so an older check synced late from an offline phone never overwrites a newer
 * one; a corrected check no longer stands), and marks every other check superseded.
 */
export function restateCondition(sqlite: Database.Database, work: ArtworkRow): void {
  const latest = stmt(sqlite, `select id, grade, checked_at as checkedAt from condition_checks c where c.artwork_id = ?
         and not exists (select 1 from condition_checks k where k.corrects_check_id = c.id)
       order by c.checked_at desc, c.id desc limit 1`,)
    .get(work.id) as { id: number; grade: number; checkedAt: string } | undefined;
  stmt(sqlite, 'update condition_checks set superseded_by_id = ? where artwork_id = ? and id is not ? and superseded_by_id is not ?')
    .run(latest?.id ?? null, work.id, latest?.id ?? null, latest?.id ?? null);
  if (latest) stmt(sqlite, 'update condition_checks set superseded_by_id = null where id = ? and superseded_by_id is not null').run(latest.id);
  const months = effectiveIntervalMonths({
    workIntervalMonths: work.checkIntervalMonths,
    mounting: work.mounting,
    fixedInBuilding: !!work.fixedInBuilding,
    chain: locationChain(sqlite, work.locationId),
  });
  const lastGrade = latest?.grade ?? null;
  const lastCheckAt = latest?.checkedAt ?? null;
  const nextCheckDue = withRecheck(computeNextDue(lastCheckAt, months), lastCheckAt, scheduledRechecks(sqlite, [work.id]).get(work.id));
  if (lastGrade !== work.lastGrade || lastCheckAt !== work.lastCheckAt || nextCheckDue !== work.nextCheckDue)
    stmt(sqlite, 'update artworks set last_grade = ?, last_check_at = ?, next_check_due = ? where id = ?').run(lastGrade, lastCheckAt, nextCheckDue, work.id);
}

/** The domain rules again, for callers that did not come through the HTTP schema (rounds, triage). */
function assertFields(input: Partial<CheckInput>): void {
  const errors: FieldError[] = [];
  if (input.grade !== undefined && !(Number.isInteger(input.grade) && input.grade >= 1 && input.grade <= 4))
    errors.push({ path: 'grade', message: 'Grade must be 1 (good), 2 (fair), 3 (poor) or 4 (unacceptable)' });
  (input.damageTypes ?? []).forEach((d, i) => {
    if (!(DAMAGE_TYPES as readonly string[]).includes(d)) errors.push({ path: `damageTypes.${i}`, message: `Unknown damage type "${d}"` });
  });
  if (input.priority !== undefined && !(PRIORITIES as readonly string[]).includes(input.priority)) errors.push({ path: 'priority', message: 'Priority must be none, routine, soon or urgent' });
  if (input.estimatedCost != null && !(Number.isInteger(input.estimatedCost) && input.estimatedCost >= 0))
    errors.push({ path: 'estimatedCost', message: 'A cost is a whole, non-negative number of öre' });
  if (errors.length) throw validationError(errors);
}

function normaliseCheckedAt(value: string): string {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) throw validationError([{ path: 'checkedAt', message: 'Not a date' }]);
  return new Date(ms).toISOString();
}

function assertCheckedAt(checkedAt: string, work: ArtworkRow, now: Date): void {
  if (Date.parse(checkedAt) > now.getTime() + FUTURE_TOLERANCE_MS)
    throw unprocessable('condition_check.future_date', 'A check cannot be dated in the future.', [{ path: 'checkedAt', message: 'In the future' }]);
  const acquired = work.acquisitionDate ? padDate(work.acquisitionDate) : null;
  if (acquired && checkedAt.slice(0, 10) < acquired)
    throw unprocessable('condition_check.before_acquisition', `A check cannot be dated before the work was acquired (${work.acquisitionDate}).`, [
      { path: 'checkedAt', message: `Before the acquisition date ${work.acquisitionDate}` },
    ]);
}

/** '1987' → '1987-01-01', '1987-05' → '1987-05-01': the earliest day the acquisition date allows. */
const padDate = (d: string) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d.slice(0, 10));
