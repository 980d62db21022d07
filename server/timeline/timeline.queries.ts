// One chronological list of everything that happened to a work: acquisition, checks, each
// treatment step, movements and status changes (from the audit log), newest first.
import type Database from 'better-sqlite3';

export type TimelineItem =
  | { type: 'acquisition'; at: string; method: string | null; source: string | null }
  | {
      type: 'check';
      at: string;
      checkId: number;
      grade: number;
      priority: string;
      damageTypes: string[];
      recommendedAction: string | null;
      note: string | null;
      userName: string | null;
      roundId: number | null;
      correctsCheckId: number | null;
      resolvedAt: string | null;
    }
  | {
      type: 'treatment';
      at: string;
      treatmentId: number;
      step: 'proposed' | 'approved' | 'in_progress' | 'done' | 'rejected';
      description: string;
      performer: string;
      contractorName: string | null;
      cost: number | null;
      workDone: string | null;
      reason: string | null;
    }
  | { type: 'movement'; at: string; movementId: number; from: string | null; to: string | null; fromLocationId: number | null; toLocationId: number | null; reason: string | null; userName: string | null; roundId: number | null }
  | { type: 'status'; at: string; from: string | null; to: string; note: string | null; userName: string | null; via: 'status' | 'movement' };

/** Same-moment items read in causal order when newest first: a step's status change after its movement. */
const TYPE_ORDER: Record<TimelineItem['type'], number> = { status: 4, movement: 3, treatment: 2, check: 1, acquisition: 0 };

export function artworkTimeline(sqlite: Database.Database, artworkId: number, types?: ReadonlySet<TimelineItem['type']>): TimelineItem[] {
  const want = (t: TimelineItem['type']) => !types || types.has(t);
  const items: TimelineItem[] = [];

  if (want('acquisition')) {
    const a = sqlite.prepare('select acquisition_date as at, acquisition_method as method, acquisition_source as source from artworks where id = ?').get(artworkId) as
      | { at: string | null; method: string | null; source: string | null }
      | undefined;
    if (a?.at) items.push({ type: 'acquisition', at: a.at, method: a.method, source: a.source });
  }

  if (want('check'))
    for (const c of sqlite
      .prepare(
        `select c.id as checkId, c.checked_at as at, c.grade, c.priority, c.damage_types as damageTypes, c.recommended_action as recommendedAction, c.note,
                u.name as userName, c.round_id as roundId, c.corrects_check_id as correctsCheckId, c.resolved_at as resolvedAt
           from condition_checks c left join users u on u.id = c.user_id where c.artwork_id = ?`,
      )
      .all(artworkId) as (Omit<Extract<TimelineItem, { type: 'check' }>, 'type' | 'damageTypes'> & { damageTypes: string })[])
      items.push({ type: 'check', ...c, damageTypes: JSON.parse(c.damageTypes) as string[] });

  if (want('treatment'))
    for (const t of sqlite
      .prepare(
        `select id, description, performer, contractor_name as contractorName, cost_estimate as costEstimate, cost_actual as costActual, work_done as workDone,
                rejection_reason as rejectionReason, proposed_at as proposedAt, approved_at as approvedAt, started_at as startedAt, done_at as doneAt, rejected_at as rejectedAt
           from conservation_treatments where artwork_id = ?`,
      )
      .all(artworkId) as {
      id: number;
      description: string;
      performer: string;
      contractorName: string | null;
      costEstimate: number | null;
      costActual: number | null;
      workDone: string | null;
      rejectionReason: string | null;
      proposedAt: string;
      approvedAt: string | null;
      startedAt: string | null;
      doneAt: string | null;
      rejectedAt: string | null;
    }[]) {
      const base = { type: 'treatment' as const, treatmentId: t.id, description: t.description, performer: t.performer, contractorName: t.contractorName };
      const steps: [Extract<TimelineItem, { type: 'treatment' }>['step'], string | null][] = [
        ['proposed', t.proposedAt],
        ['approved', t.approvedAt],
        ['in_progress', t.startedAt],
        ['done', t.doneAt],
        ['rejected', t.rejectedAt],
      ];
      for (const [step, at] of steps)
        if (at)
          items.push({
            ...base,
            at,
            step,
            cost: step === 'proposed' ? t.costEstimate : step === 'done' ? t.costActual : null,
            workDone: step === 'done' ? t.workDone : null,
            reason: step === 'rejected' ? t.rejectionReason : null,
          });
    }

  if (want('movement'))
    for (const m of sqlite
      .prepare(
        `select m.id as movementId, m.moved_at as at, m.from_path_text as "from", m.to_path_text as "to", m.from_location_id as fromLocationId,
                m.to_location_id as toLocationId, m.reason, u.name as userName, m.round_id as roundId
           from movements m left join users u on u.id = m.user_id where m.artwork_id = ?`,
      )
      .all(artworkId) as Omit<Extract<TimelineItem, { type: 'movement' }>, 'type'>[])
      items.push({ type: 'movement', ...m });

  if (want('status'))
    for (const a of sqlite
      .prepare(
        `select l.action, l.at, l.before, l.after, u.name as userName from audit_log l left join users u on u.id = l.user_id
          where l.entity_type = 'artwork' and l.entity_id = ? and l.action in ('status', 'move')`,
      )
      .all(artworkId) as { action: string; at: string; before: string | null; after: string | null; userName: string | null }[]) {
      const before = (a.before ? JSON.parse(a.before) : {}) as { status?: string };
      const after = (a.after ? JSON.parse(a.after) : {}) as { status?: string; statusNote?: string | null; movedAt?: string };
      if (!after.status || after.status === before.status) continue;
      items.push({
        type: 'status',
        at: a.action === 'move' ? (after.movedAt ?? a.at) : a.at,
        from: before.status ?? null,
        to: after.status,
        note: after.statusNote ?? null,
        userName: a.userName,
        via: a.action === 'move' ? 'movement' : 'status',
      });
    }

  return items.sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : TYPE_ORDER[y.type] - TYPE_ORDER[x.type]));
}
