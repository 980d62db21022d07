// Conservation treatments: proposed → approved → in progress → done (or rejected). Starting an
// off-site treatment moves the work to a studio (status in conservation) through a movement;
// finishing or rejecting it moves the work back; finishing resolves the need it came from.
import type Database from 'better-sqlite3';
import { recordAudit } from '../audit/audit.js';
import { recordCheck } from '../conditions/conditions.service.js';
import { conflict, forbidden, notFound, preconditionFailed, unprocessable, validationError } from '../http/errors.js';
import { moveArtworks } from '../movements/movements.service.js';
import { canSeeSite, type AuthUser } from '../users/auth.js';
import { getTreatment } from './conservation.queries.js';
import { NEXT_STATUS, TRANSITION_RULE, type CreateTreatmentBody, type TransitionBody, type TreatmentStatus, type UpdateTreatmentBody } from './conservation.schema.js';

export type TreatmentContext = { user: AuthUser; now: Date };
type SiteUser = AuthUser;
const forbiddenSite = () => forbidden('auth.site_forbidden', 'Your account is limited to other sites.');

type Current = NonNullable<ReturnType<typeof getTreatment>>;
type Work = { id: number; status: string; locationId: number | null; siteId: number | null; acquisitionDate: string | null };

const loadWork = (sqlite: Database.Database, id: number) =>
  sqlite.prepare('select id, status, location_id as locationId, site_id as siteId, acquisition_date as acquisitionDate from artworks where id = ?').get(id) as Work | undefined;

/** Only these fields may still change once a treatment is done (the invoice often comes later). */
const EDITABLE_WHEN_DONE = new Set(['workDone', 'materials', 'costActual']);

export function createTreatment(sqlite: Database.Database, body: CreateTreatmentBody, ctx: TreatmentContext): number {
  return sqlite.transaction(() => {
    const work = loadWork(sqlite, body.artworkId);
    if (!work) throw unprocessable('treatment.artwork_not_found', `There is no artwork ${body.artworkId}.`, [{ path: 'artworkId', message: 'No such artwork' }]);
    if (!canSeeSite(ctx.user, work.siteId)) throw forbiddenSite();
    if (work.status === 'deaccessioned') throw unprocessable('treatment.artwork_deaccessioned', 'A deaccessioned work is not treated.', [{ path: 'artworkId', message: 'The work is deaccessioned' }]);
    let priority: CreateTreatmentBody['priority'] = body.priority;
    if (body.checkId != null) {
      const check = sqlite.prepare('select artwork_id as artworkId, priority from condition_checks where id = ?').get(body.checkId) as { artworkId: number; priority: string } | undefined;
      if (!check || check.artworkId !== body.artworkId)
        throw unprocessable('treatment.check_mismatch', 'The check must be a condition check of the same work.', [{ path: 'checkId', message: 'No such check on this work' }]);
      priority ??= check.priority === 'none' ? undefined : (check.priority as CreateTreatmentBody['priority']);
    }
    assertPerformer(body.performer, body.contractorName ?? null);
    if (body.treatmentLocationId != null) assertStudio(sqlite, body.treatmentLocationId);
    const at = ctx.now.toISOString();
    const offSite = body.offSite ?? body.performer === 'contractor';
    const id = Number(
      sqlite
        .prepare(
          `insert into conservation_treatments (artwork_id, check_id, status, performer, contractor_name, off_site, treatment_location_id, description, materials,
             cost_estimate, priority, proposed_at, created_by, version, created_at, updated_at) values (?, ?, 'proposed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
        )
        .run(body.artworkId, body.checkId ?? null, body.performer, body.contractorName ?? null, offSite ? 1 : 0, body.treatmentLocationId ?? null, body.description,
          body.materials ?? null, body.costEstimate ?? null, priority ?? 'routine', at, ctx.user.id, at, at).lastInsertRowid,
    );
    recordAudit(sqlite, { at, userId: ctx.user.id, action: 'create', entityType: 'treatment', entityId: id, after: { ...body, offSite, priority: priority ?? 'routine', status: 'proposed' } });
    return id;
  })();
}

export function updateTreatment(sqlite: Database.Database, id: number, version: number, patch: UpdateTreatmentBody, ctx: TreatmentContext): void {
  sqlite.transaction(() => {
    const current = loadVisible(sqlite, id, ctx.user);
    if (current.version !== version) throw preconditionFailed('treatment.version_conflict', current);
    const keys = Object.keys(patch) as (keyof UpdateTreatmentBody)[];
    if (current.status === 'rejected') throw conflict('treatment.closed', 'A rejected treatment is closed; propose a new one.');
    if (current.status === 'done' && keys.some((k) => !EDITABLE_WHEN_DONE.has(k)))
      throw conflict('treatment.closed', 'A finished treatment only takes what was done, materials and the actual cost.');
    if (current.status === 'in_progress' && (['offSite', 'performer', 'treatmentLocationId'] as const).some((k) => k in patch))
      throw conflict('treatment.started', 'Where and by whom the work is treated cannot change once the treatment has started.');
    const next = { ...current, ...patch };
    assertPerformer(next.performer, next.contractorName);
    if (patch.treatmentLocationId != null) assertStudio(sqlite, patch.treatmentLocationId);
    const at = ctx.now.toISOString();
    sqlite
      .prepare(
        `update conservation_treatments set description = ?, performer = ?, contractor_name = ?, off_site = ?, treatment_location_id = ?, work_done = ?, materials = ?,
           cost_estimate = ?, cost_actual = ?, priority = ?, version = version + 1, updated_at = ? where id = ?`,
      )
      .run(next.description, next.performer, next.contractorName, next.offSite ? 1 : 0, next.treatmentLocationId, next.workDone, next.materials, next.costEstimate,
        next.costActual, next.priority, at, id);
    const pick = (t: Record<string, unknown>) => Object.fromEntries(keys.map((k) => [k, t[k]]));
    recordAudit(sqlite, { at, userId: ctx.user.id, action: 'update', entityType: 'treatment', entityId: id, before: pick(current), after: pick(next) });
  })();
}

/** One step of the workflow; returns the ids of works that moved or changed condition. */
export function transitionTreatment(sqlite: Database.Database, id: number, body: TransitionBody, ctx: TreatmentContext): { artworkIds: number[] } {
  return sqlite.transaction(() => {
    const t = loadVisible(sqlite, id, ctx.user);
    const from = t.status;
    const to = body.to as TreatmentStatus;
    if (!NEXT_STATUS[from].includes(to))
      throw unprocessable('treatment.invalid_transition', `${from} → ${to} is not allowed. ${TRANSITION_RULE}`, [{ path: 'to', message: `From ${from} the treatment can go to: ${NEXT_STATUS[from].join(', ') || 'nothing (it is closed)'}` }]);
    const now = ctx.now;
    const at = body.at ? normaliseAt(body.at, now) : now.toISOString();
    if (at > new Date(now.getTime() + 5 * 60_000).toISOString()) throw unprocessable('treatment.future_date', 'A step cannot be dated in the future.', [{ path: 'at', message: 'In the future' }]);
    const previous = [t.proposedAt, t.approvedAt, t.startedAt].filter((x): x is string => !!x).sort().at(-1)!;
    if (at < previous) throw unprocessable('treatment.date_order', `This step cannot be dated before the previous one (${previous}).`, [{ path: 'at', message: `Before ${previous}` }]);
    if (to === 'rejected' && !body.reason?.trim()) throw validationError([{ path: 'reason', message: 'Say why the treatment is rejected' }]);
    const doneFields = ['workDone', 'materials', 'costActual', 'conditionAfter'] as const;
    const misplaced = doneFields.filter((k) => body[k] != null && to !== 'done');
    if (misplaced.length) throw validationError(misplaced.map((k) => ({ path: k, message: 'Only when the treatment is done' })));
    if (body.returnLocationId != null && to !== 'done' && to !== 'rejected') throw validationError([{ path: 'returnLocationId', message: 'Only when the treatment ends' }]);

    const work = loadWork(sqlite, t.artworkId)!;
    const changed = new Set<number>();
    const set: Record<string, unknown> = { status: to };
    if (to === 'approved') set.approved_at = at;
    if (to === 'in_progress') {
      set.started_at = at;
      if (t.offSite) {
        if (work.status === 'missing' || work.status === 'deaccessioned')
          throw unprocessable('treatment.work_unavailable', `The work is ${work.status}; it cannot be sent for treatment.`, [{ path: 'to', message: `The work is ${work.status}` }]);
        const busy = sqlite.prepare("select id from conservation_treatments where artwork_id = ? and status = 'in_progress' and off_site = 1 and id <> ?").pluck().get(t.artworkId, id);
        if (busy) throw conflict('treatment.work_busy', `The work is already away for treatment ${busy}.`, { treatmentId: busy });
        const dest = t.treatmentLocationId ?? defaultStudio(sqlite);
        set.treatment_location_id = dest;
        set.return_location_id = work.locationId;
        move(sqlite, t.artworkId, dest, at, `Konservering (behandling ${id})`, body.note ?? null, ctx);
        changed.add(t.artworkId);
      }
    }
    if ((to === 'done' || to === 'rejected') && from === 'in_progress' && t.offSite) {
      const back = body.returnLocationId ?? t.returnLocationId;
      if (back == null) throw validationError([{ path: 'returnLocationId', message: 'The work had no location before; say where it goes back to' }]);
      move(sqlite, t.artworkId, back, at, `Åter från konservering (behandling ${id})`, body.note ?? null, ctx);
      set.return_location_id = back;
      changed.add(t.artworkId);
    }
    if (to === 'done') {
      set.done_at = at;
      if (body.workDone != null) set.work_done = body.workDone;
      if (body.materials != null) set.materials = body.materials;
      if (body.costActual != null) set.cost_actual = body.costActual;
      resolveNeeds(sqlite, t, at);
      if (body.conditionAfter) {
        recordCheck(sqlite, { artworkId: t.artworkId, checkedAt: at, grade: body.conditionAfter.grade, note: body.conditionAfter.note ?? `Efter behandling ${id}` }, { userId: ctx.user.id, now });
        changed.add(t.artworkId);
      }
    }
    if (to === 'rejected') {
      set.rejected_at = at;
      set.rejection_reason = body.reason!.trim();
    }
    const cols = Object.keys(set);
    sqlite
      .prepare(`update conservation_treatments set ${cols.map((c) => `${c} = ?`).join(', ')}, version = version + 1, updated_at = ? where id = ?`)
      .run(...cols.map((c) => set[c]), now.toISOString(), id);
    recordAudit(sqlite, { at: now.toISOString(), userId: ctx.user.id, action: 'transition', entityType: 'treatment', entityId: id, before: { status: from }, after: { ...set, note: body.note ?? null } });
    return { artworkIds: [...changed] };
  })();
}

/** The need the treatment answers leaves the backlog; so does the work's standing need if it was recorded before the treatment started. */
function resolveNeeds(sqlite: Database.Database, t: Current, at: string): void {
  if (t.checkId) sqlite.prepare('update condition_checks set resolved_at = ? where id = ? and resolved_at is null').run(at, t.checkId);
  sqlite
    .prepare("update condition_checks set resolved_at = ? where artwork_id = ? and superseded_by_id is null and resolved_at is null and priority <> 'none' and checked_at <= ?")
    .run(at, t.artworkId, t.startedAt ?? t.approvedAt ?? t.proposedAt);
}

function move(sqlite: Database.Database, artworkId: number, to: number, at: string, reason: string, note: string | null, ctx: TreatmentContext) {
  // The studio is usually another site than the work's; the user's right to the work was checked already.
  moveArtworks(sqlite, { artworkIds: [artworkId], toLocationId: to, movedAt: at, reason, note, userId: ctx.user.id }, ctx.now.toISOString());
}

function defaultStudio(sqlite: Database.Database): number {
  const id = sqlite.prepare("select id from locations where site_type = 'studio' and kind = 'site' and active = 1 order by id limit 1").pluck().get() as number | undefined;
  if (!id) throw unprocessable('treatment.no_studio', 'There is no conservation studio location; create one (site type studio) or name treatmentLocationId.', [{ path: 'treatmentLocationId', message: 'No studio' }]);
  return id;
}

function assertStudio(sqlite: Database.Database, locationId: number): void {
  const row = sqlite.prepare('select l.active, s.site_type as siteType from locations l left join locations s on s.id = l.site_id where l.id = ?').get(locationId) as { active: number; siteType: string | null } | undefined;
  if (!row || !row.active || row.siteType !== 'studio')
    throw unprocessable('treatment.location_not_studio', 'A work treated off-site goes to a conservation studio or a contractor registered as a location of site type studio.', [{ path: 'treatmentLocationId', message: 'Not an active studio location' }]);
}

function assertPerformer(performer: string, contractorName: string | null): void {
  if (performer === 'contractor' && !contractorName?.trim()) throw validationError([{ path: 'contractorName', message: 'Name the contractor' }]);
}

function loadVisible(sqlite: Database.Database, id: number, user: SiteUser): Current {
  const t = getTreatment(sqlite, id);
  if (!t) throw notFound('treatment.not_found');
  const returnSite = t.returnLocationId ? (sqlite.prepare('select site_id from locations where id = ?').pluck().get(t.returnLocationId) as number | null) : null;
  if (!canSeeSite(user, t.siteId) && !canSeeSite(user, returnSite)) throw forbiddenSite();
  return t;
}

function normaliseAt(value: string, now: Date): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value === now.toISOString().slice(0, 10) ? now.toISOString() : `${value}T12:00:00.000Z`;
  return new Date(value).toISOString();
}

export { loadVisible as loadVisibleTreatment };
