// Closing a round: a preview of the summary, then (confirmed) missing works become status missing
// with the round as the reason, and works that could not be reached get a recheck within 30 days.
import type Database from 'better-sqlite3';
import { getArtwork } from '../artworks/artworks.queries.js';
import { applyStatus } from '../artworks/artworks.service.js';
import type { Status } from '../artworks/status.js';
import { recordAudit } from '../audit/audit.js';
import { conflict } from '../http/errors.js';
import type { AuthUser } from '../users/auth.js';
import { summarize, type RoundRow, type RoundSummary } from './rounds.queries.js';

/** Works that could not be reached are due again this many days after the round is closed. */
export const RECHECK_DAYS = 30;

type Candidate = { itemId: number; artworkId: number; inventoryNumber: string; title: string; status: Status; recordedAt: string; reason: string | null; nextCheckDue: string | null; lastMovedAt: string | null; lastCheckAt: string | null; siteType: string | null; locationId: number | null };

export type ClosePlan = {
  summary: RoundSummary;
  /** Works whose effective result is missing and that nothing has seen or moved since. */
  toMarkMissing: { itemId: number; artworkId: number; inventoryNumber: string; title: string }[];
  /** Effective result missing, but the work was moved or checked after that tap (or is already missing). */
  missingSkipped: { itemId: number; artworkId: number; inventoryNumber: string; why: string }[];
  toRecheck: { itemId: number; artworkId: number; inventoryNumber: string; title: string; reason: string | null; nextCheckDue: string }[];
};

function candidates(sqlite: Database.Database, roundId: number, outcome: 'missing' | 'not_accessible'): Candidate[] {
  return sqlite
    .prepare(
      `select i.id as itemId, a.id as artworkId, a.inventory_number as inventoryNumber, a.title, a.status, x.recorded_at as recordedAt, x.reason,
              a.next_check_due as nextCheckDue, a.last_check_at as lastCheckAt, a.location_id as locationId, s.site_type as siteType,
              (select max(moved_at) from movements m where m.artwork_id = a.id) as lastMovedAt
         from round_items i join round_results x on x.id = i.current_result_id join artworks a on a.id = i.artwork_id
         left join locations s on s.id = a.site_id
        where i.round_id = ? and i.outcome = ? order by i.seq`,
    )
    .all(roundId, outcome) as Candidate[];
}

export function closePlan(sqlite: Database.Database, round: RoundRow, now: Date): ClosePlan {
  const recheckBy = addDays(now, RECHECK_DAYS);
  const toMarkMissing: ClosePlan['toMarkMissing'] = [];
  const missingSkipped: ClosePlan['missingSkipped'] = [];
  for (const c of candidates(sqlite, round.id, 'missing')) {
    const why =
      c.status === 'missing' ? 'already registered as missing'
      : c.status === 'deaccessioned' ? 'deaccessioned'
      : c.lastMovedAt && c.lastMovedAt > c.recordedAt ? `moved ${c.lastMovedAt.slice(0, 10)}, after it was missed`
      : c.lastCheckAt && c.lastCheckAt > c.recordedAt ? `checked ${c.lastCheckAt.slice(0, 10)}, after it was missed`
      : null;
    if (why) missingSkipped.push({ itemId: c.itemId, artworkId: c.artworkId, inventoryNumber: c.inventoryNumber, why });
    else toMarkMissing.push({ itemId: c.itemId, artworkId: c.artworkId, inventoryNumber: c.inventoryNumber, title: c.title });
  }
  const toRecheck = candidates(sqlite, round.id, 'not_accessible')
    .filter((c) => c.status !== 'deaccessioned')
    .map((c) => ({
      itemId: c.itemId,
      artworkId: c.artworkId,
      inventoryNumber: c.inventoryNumber,
      title: c.title,
      reason: c.reason,
      nextCheckDue: c.nextCheckDue && c.nextCheckDue < recheckBy ? c.nextCheckDue : recheckBy,
    }));
  return { summary: summarize(sqlite, round.id), toMarkMissing, missingSkipped, toRecheck };
}

export function closeRound(sqlite: Database.Database, round: RoundRow, user: AuthUser, now: Date): ClosePlan {
  return sqlite.transaction(() => {
    const fresh = sqlite.prepare('select status from rounds where id = ?').pluck().get(round.id);
    if (fresh === 'closed') throw conflict('round.closed', 'The round is already closed.');
    const plan = closePlan(sqlite, round, now);
    const at = now.toISOString();
    const note = `Not found on round "${round.name}" (#${round.id}), closed ${at.slice(0, 10)}.`;
    // One batch id for everything the close changes, so the audit log shows (and can undo) it together.
    const batchId = `round-${round.id}-close`;
    for (const m of plan.toMarkMissing) applyStatus(sqlite, getArtwork(sqlite, m.artworkId), { status: 'missing', note }, user, at, batchId);
    // Denormalised due date only (as the conditions engine keeps it): the next check restates it.
    const setDue = sqlite.prepare('update artworks set next_check_due = ? where id = ?');
    for (const r of plan.toRecheck) {
      const before = sqlite.prepare('select next_check_due from artworks where id = ?').pluck().get(r.artworkId) as string | null;
      if (before === r.nextCheckDue) continue;
      setDue.run(r.nextCheckDue, r.artworkId);
      recordAudit(sqlite, { at, userId: user.id, action: 'schedule_recheck', entityType: 'artwork', entityId: r.artworkId, batchId, before: { nextCheckDue: before }, after: { nextCheckDue: r.nextCheckDue, roundId: round.id, reason: r.reason } });
    }
    sqlite
      .prepare(`update rounds set status = 'closed', closed_at = ?, closed_by = ?, summary = ?, version = version + 1, updated_at = ? where id = ?`)
      .run(at, user.id, JSON.stringify(plan.summary), at, round.id);
    recordAudit(sqlite, {
      at,
      userId: user.id,
      action: 'close',
      entityType: 'round',
      entityId: round.id,
      batchId,
      before: { status: 'open' },
      after: { status: 'closed', summary: plan.summary, markedMissing: plan.toMarkMissing.map((m) => m.artworkId), recheck: plan.toRecheck.map((r) => r.artworkId) },
    });
    return plan;
  })();
}

const addDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000).toISOString().slice(0, 10);
