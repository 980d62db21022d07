// Project writes: create, edit (If-Match), change phase. Each in one transaction with its audit row.
import type Database from 'better-sqlite3';
import { recordAudit } from '../audit/audit.js';
import { conflict, preconditionFailed, unprocessable, validationError, type FieldError } from '../http/errors.js';
import { resolveLocation } from '../locations/locations.queries.js';
import { assertSite, type AuthUser } from '../users/auth.js';
import { artBudget, careShareOf } from './projects.budget.js';
import { getProject, type ProjectRow } from './projects.queries.js';
import { PROJECT_PHASE_VALUES, type CreateProjectBody, type PhaseBody, type UpdateProjectBody } from './projects.schema.js';

export type Ctx = { sqlite: Database.Database; user: AuthUser; at: string };

const today = (at: string) => at.slice(0, 10);

/** A project is for a site or a building the user may act on. */
function checkLocation(sqlite: Database.Database, user: AuthUser, locationId: number) {
  const loc = resolveLocation(sqlite, locationId);
  if (!loc) throw unprocessable('project.unknown_location', `Location ${locationId} does not exist.`, [{ path: 'locationId', message: 'Unknown location' }]);
  if (loc.kind !== 'site' && loc.kind !== 'building')
    throw unprocessable('project.location_kind', 'A project is for a site or a building, not a floor or room.', [{ path: 'locationId', message: 'Pick a site or building' }]);
  assertSite(user, loc.siteId);
  return loc;
}

type Money = Pick<ProjectRow, 'premisesType' | 'careShare' | 'productionCost' | 'budgetOverride' | 'overrideReason' | 'overrideRef'>;

/** The percent-for-art rule: care share by premises type, and an override only with reason and decision. */
function checkMoney(m: { premisesType: ProjectRow['premisesType']; careShare: number | null | undefined; budgetOverride: number | null; overrideReason: string | null; overrideRef: string | null }): void {
  if (m.premisesType === 'mixed' && (m.careShare == null || m.careShare < 1 || m.careShare > 99))
    throw unprocessable('project.care_share', 'A mixed building needs the care premises\u2019 share, 1\u201399 %.', [{ path: 'careShare', message: 'Give the care share in whole percent (1\u201399)' }]);
  if (m.premisesType !== 'mixed' && m.careShare != null && m.careShare !== careShareOf(m.premisesType, null))
    throw validationError([{ path: 'careShare', message: `Only for mixed premises (${m.premisesType} is ${careShareOf(m.premisesType, null)} % care)` }]);
  if (m.budgetOverride != null) {
    const errors: FieldError[] = [];
    if (!m.overrideReason?.trim()) errors.push({ path: 'overrideReason', message: 'An overridden budget needs a reason' });
    if (!m.overrideRef?.trim()) errors.push({ path: 'overrideRef', message: 'An overridden budget needs the decision\u2019s case number (diarienummer)' });
    if (errors.length) throw unprocessable('project.override_needs_reason', 'A budget that differs from the percent-for-art rule needs a reason and a decision reference.', errors);
  }
}

function checkLead(sqlite: Database.Database, leadUserId: number | null | undefined): void {
  if (leadUserId != null && !sqlite.prepare('select 1 from users where id = ?').get(leadUserId))
    throw unprocessable('project.unknown_lead', `There is no user ${leadUserId}.`, [{ path: 'leadUserId', message: 'Unknown user' }]);
}

function checkDates(start: string | null | undefined, end: string | null | undefined): void {
  if (start && end && end < start) throw validationError([{ path: 'plannedEndDate', message: `Before the start date ${start}` }]);
}

export function createProject(ctx: Ctx, body: CreateProjectBody): number {
  const { sqlite, user, at } = ctx;
  return sqlite.transaction(() => {
    const loc = checkLocation(sqlite, user, body.locationId);
    const override = body.budgetOverride ?? null;
    checkMoney({ premisesType: body.premisesType, careShare: body.careShare, budgetOverride: override, overrideReason: body.overrideReason ?? null, overrideRef: body.overrideRef ?? null });
    checkLead(sqlite, body.leadUserId);
    checkDates(body.startDate, body.plannedEndDate);
    const phaseDate = body.phaseDate ?? today(at);
    if (phaseDate > today(at)) throw unprocessable('project.phase_in_future', 'A phase is entered on a day that has come.', [{ path: 'phaseDate', message: 'In the future' }]);
    const share = careShareOf(body.premisesType, body.careShare);
    const id = Number(
      sqlite
        .prepare(
          `insert into projects (name, description, location_id, site_id, premises_type, care_share, production_cost, computed_budget, budget_override,
             override_reason, override_ref, phase, phase_date, start_date, planned_end_date, lead_user_id, team, created_at, updated_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          body.name, body.description ?? null, body.locationId, loc.siteId, body.premisesType, share, body.productionCost, artBudget(body.productionCost, share), override,
          override != null ? body.overrideReason!.trim() : null, override != null ? body.overrideRef!.trim() : null, body.phase ?? 'idea', phaseDate,
          body.startDate ?? null, body.plannedEndDate ?? null, body.leadUserId ?? null, JSON.stringify(body.team ?? []), at, at,
        ).lastInsertRowid,
    );
    sqlite.prepare('insert into project_phases (project_id, phase, from_phase, date, note, user_id, created_at) values (?, ?, null, ?, null, ?, ?)').run(id, body.phase ?? 'idea', phaseDate, user.id, at);
    recordAudit(sqlite, { at, userId: user.id, action: 'create', entityType: 'project', entityId: id, after: getProject(sqlite, id) });
    return id;
  })();
}

const COLUMNS: Record<string, string> = {
  name: 'name', description: 'description', startDate: 'start_date', plannedEndDate: 'planned_end_date', leadUserId: 'lead_user_id',
};

export function updateProject(ctx: Ctx, id: number, expected: number, body: UpdateProjectBody): ProjectRow {
  const { sqlite, user, at } = ctx;
  return sqlite.transaction(() => {
    const before = getProject(sqlite, id);
    assertSite(user, before.siteId);
    if (before.version !== expected) throw preconditionFailed('project.version_conflict', before);
    const sets: string[] = [];
    const vals: unknown[] = [];
    const set = (col: string, v: unknown) => (sets.push(`${col} = ?`), vals.push(v));
    if (body.locationId !== undefined && body.locationId !== before.locationId) {
      const loc = checkLocation(sqlite, user, body.locationId);
      set('location_id', body.locationId);
      set('site_id', loc.siteId);
    }
    const premisesType = body.premisesType ?? before.premisesType;
    // Changing the premises type resets the share unless a new one comes along.
    const shareIn = body.careShare !== undefined ? body.careShare : premisesType === before.premisesType ? before.careShare : null;
    const m: Money = {
      premisesType,
      careShare: premisesType === 'mixed' ? (shareIn ?? -1) : careShareOf(premisesType, null),
      productionCost: body.productionCost ?? before.productionCost,
      budgetOverride: body.budgetOverride !== undefined ? body.budgetOverride : before.budgetOverride,
      overrideReason: body.overrideReason !== undefined ? (body.overrideReason ?? null) : before.overrideReason,
      overrideRef: body.overrideRef !== undefined ? (body.overrideRef ?? null) : before.overrideRef,
    };
    checkMoney({ ...m, careShare: premisesType === 'mixed' ? shareIn : body.careShare });
    if (m.budgetOverride == null) m.overrideReason = m.overrideRef = null;
    set('premises_type', m.premisesType);
    set('care_share', m.careShare);
    set('production_cost', m.productionCost);
    set('computed_budget', artBudget(m.productionCost, m.careShare));
    set('budget_override', m.budgetOverride);
    set('override_reason', m.overrideReason?.trim() ?? null);
    set('override_ref', m.overrideRef?.trim() ?? null);
    checkLead(sqlite, body.leadUserId);
    checkDates(body.startDate !== undefined ? body.startDate : before.startDate, body.plannedEndDate !== undefined ? body.plannedEndDate : before.plannedEndDate);
    for (const [field, col] of Object.entries(COLUMNS)) {
      const v = (body as Record<string, unknown>)[field];
      if (v !== undefined) set(col, v ?? null);
    }
    if (body.team !== undefined) set('team', JSON.stringify(body.team));
    sqlite.prepare(`update projects set ${[...sets, 'version = version + 1', 'updated_at = ?'].join(', ')} where id = ?`).run(...vals, at, id);
    const after = getProject(sqlite, id);
    recordAudit(sqlite, { at, userId: user.id, action: 'update', entityType: 'project', entityId: id, before, after });
    return after;
  })();
}

/** Forward moves are free (phases may be skipped); a step back needs a note. Both keep the history. */
export function changePhase(ctx: Ctx, id: number, expected: number, body: PhaseBody): ProjectRow {
  const { sqlite, user, at } = ctx;
  return sqlite.transaction(() => {
    const before = getProject(sqlite, id);
    assertSite(user, before.siteId);
    if (before.version !== expected) throw preconditionFailed('project.version_conflict', before);
    if (body.phase === before.phase) throw unprocessable('project.phase_unchanged', `The project is already in ${body.phase}.`, [{ path: 'phase', message: 'Same phase' }]);
    const back = PROJECT_PHASE_VALUES.indexOf(body.phase) < PROJECT_PHASE_VALUES.indexOf(before.phase);
    if (back && !body.note?.trim())
      throw unprocessable('project.phase_backwards', `Going back from ${before.phase} to ${body.phase} needs a note saying why.`, [{ path: 'note', message: 'A step back needs a note' }]);
    const date = body.date ?? today(at);
    if (date > today(at)) throw unprocessable('project.phase_in_future', 'A phase is entered on a day that has come.', [{ path: 'date', message: 'In the future' }]);
    if (date < before.phaseDate)
      throw unprocessable('project.phase_date_order', `The current phase began ${before.phaseDate}; the next cannot begin before it.`, [{ path: 'date', message: `Before ${before.phaseDate}` }]);
    sqlite.prepare('update projects set phase = ?, phase_date = ?, version = version + 1, updated_at = ? where id = ?').run(body.phase, date, at, id);
    sqlite
      .prepare('insert into project_phases (project_id, phase, from_phase, date, note, user_id, created_at) values (?, ?, ?, ?, ?, ?, ?)')
      .run(id, body.phase, before.phase, date, body.note?.trim() || null, user.id, at);
    const after = getProject(sqlite, id);
    recordAudit(sqlite, { at, userId: user.id, action: 'phase', entityType: 'project', entityId: id, before: { phase: before.phase, phaseDate: before.phaseDate }, after: { phase: after.phase, phaseDate: after.phaseDate, note: body.note ?? null } });
    return after;
  })();
}

/** A closed project takes no new proposals, payments or reservations. */
export function assertOpen(p: ProjectRow): void {
  if (p.phase === 'closed') throw conflict('project.closed', `Project ${p.name} is closed; reopen it (a phase step back with a note) to change it.`);
}
