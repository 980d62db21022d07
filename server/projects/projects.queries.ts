// Reads of art projects: a project with its budget, phases, proposals and reservations; the
// portfolio list and roll-up; proposal pins on a floor plan.
import type Database from 'better-sqlite3';
import { notFound } from '../http/errors.js';
import { resolveLocation } from '../locations/locations.queries.js';
import type { AuthUser } from '../users/auth.js';
import { budgetOf, type Payment, type ProposalMoney } from './projects.budget.js';
import type { Budget, PhaseEntry, PlanProposal, ProjectDetail, ProjectPhase, ProjectSummary, Proposal, ProposalStatus, Reservation, Rollup } from './projects.schema.js';

export type ProjectRow = {
  id: number;
  name: string;
  description: string | null;
  locationId: number;
  siteId: number;
  premisesType: ProjectSummary['premisesType'];
  careShare: number;
  productionCost: number;
  computedBudget: number;
  budgetOverride: number | null;
  overrideReason: string | null;
  overrideRef: string | null;
  phase: ProjectPhase;
  phaseDate: string;
  startDate: string | null;
  plannedEndDate: string | null;
  leadUserId: number | null;
  team: string;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type ProposalRow = Omit<Proposal, 'artists' | 'paidToDate' | 'locationPath' | 'floorId' | 'artworks'>;

export const PROJECT_COLUMNS = `id, name, description, location_id as locationId, site_id as siteId, premises_type as premisesType, care_share as careShare,
  production_cost as productionCost, computed_budget as computedBudget, budget_override as budgetOverride, override_reason as overrideReason,
  override_ref as overrideRef, phase, phase_date as phaseDate, start_date as startDate, planned_end_date as plannedEndDate, lead_user_id as leadUserId,
  team, version, created_at as createdAt, updated_at as updatedAt`;

export const PROPOSAL_COLUMNS = `id, project_id as projectId, title, description, object_type as objectType, technique, height_cm as heightCm, width_cm as widthCm,
  depth_cm as depthCm, estimated_cost as estimatedCost, contracted_cost as contractedCost, contracted_on as contractedOn, contract_ref as contractRef,
  status, status_note as statusNote, location_id as locationId, pos_x as posX, pos_y as posY, installed_on as installedOn, version,
  created_at as createdAt, updated_at as updatedAt`;

function prepare(sqlite: Database.Database) {
  return {
    project: sqlite.prepare(`select ${PROJECT_COLUMNS} from projects where id = ?`),
    proposals: sqlite.prepare(`select ${PROPOSAL_COLUMNS} from proposals where project_id = ? order by id`),
    proposal: sqlite.prepare(`select ${PROPOSAL_COLUMNS} from proposals where id = ?`),
    money: sqlite.prepare('select id, status, estimated_cost as estimatedCost, contracted_cost as contractedCost, contracted_on as contractedOn from proposals where project_id = ?'),
    payments: sqlite.prepare(
      'select y.proposal_id as proposalId, y.paid_on as paidOn, y.amount from proposal_payments y join proposals p on p.id = y.proposal_id where p.project_id = ?',
    ),
    paidOf: sqlite.prepare('select coalesce(sum(amount), 0) from proposal_payments where proposal_id = ?').pluck(),
    artistsOf: sqlite.prepare(
      `select pa.artist_id as artistId, coalesce(a.name, pa.name) as name from proposal_artists pa left join artists a on a.id = pa.artist_id
        where pa.proposal_id = ? order by pa.position`,
    ),
    artworksOf: sqlite.prepare(
      `select a.id, a.inventory_number as inventoryNumber, a.title from proposal_artworks x join artworks a on a.id = x.artwork_id
        where x.proposal_id = ? order by a.id`,
    ),
    loc: sqlite.prepare('select id, kind, parent_id as parentId from locations where id = ?'),
    phases: sqlite.prepare(
      `select h.phase, h.from_phase as fromPhase, h.date, h.note, u.name as userName from project_phases h left join users u on u.id = h.user_id
        where h.project_id = ? order by h.date, h.id`,
    ),
    counts: sqlite.prepare('select status, count(*) as n from proposals where project_id = ? group by status'),
    userName: sqlite.prepare('select name from users where id = ?').pluck(),
    reservations: sqlite.prepare(
      `select r.id, r.artwork_id as artworkId, a.inventory_number as inventoryNumber, a.title, a.status, r.location_id as locationId,
              r.pos_x as posX, r.pos_y as posY, r.note, r.reserved_at as reservedAt
         from project_reservations r join artworks a on a.id = r.artwork_id
        where r.project_id = ? and r.released_at is null order by r.id`,
    ),
    floors: sqlite.prepare(
      `select f.id, f.name, b.name as buildingName, f.floor_plan_media_id is not null as hasPlan
         from locations f join locations b on b.id = f.parent_id
        where f.kind = 'floor' and f.active = 1 and (b.id = ? or f.site_id = ?)
        order by b.name, f.code, f.name, f.id`,
    ),
    floorPins: sqlite.prepare(
      `select p.id, p.project_id as projectId, j.name as projectName, p.title, p.status, p.location_id as locationId, p.pos_x as posX, p.pos_y as posY, p.version
         from proposals p join locations l on l.id = p.location_id join projects j on j.id = p.project_id
        where (l.id = ? or l.parent_id = ?) and p.pos_x is not null and p.status not in ('rejected', 'installed')
        order by p.id`,
    ),
  };
}
const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();
export const projectStatements = (sqlite: Database.Database) => {
  let s = cache.get(sqlite);
  if (!s) cache.set(sqlite, (s = prepare(sqlite)));
  return s;
};

export function findProject(sqlite: Database.Database, id: number): ProjectRow | undefined {
  return projectStatements(sqlite).project.get(id) as ProjectRow | undefined;
}

export function getProject(sqlite: Database.Database, id: number): ProjectRow {
  const p = findProject(sqlite, id);
  if (!p) throw notFound('project.not_found', `No project with id ${id}.`);
  return p;
}

export function getProposalRow(sqlite: Database.Database, projectId: number, proposalId: number): ProposalRow {
  const p = projectStatements(sqlite).proposal.get(proposalId) as ProposalRow | undefined;
  if (!p || p.projectId !== projectId) throw notFound('proposal.not_found', `Project ${projectId} has no proposal ${proposalId}.`);
  return p;
}

/** The floor a planned spot is drawn on: the location itself if a floor, its floor if a room. */
export function floorOf(sqlite: Database.Database, locationId: number | null): number | null {
  if (locationId == null) return null;
  const l = projectStatements(sqlite).loc.get(locationId) as { id: number; kind: string; parentId: number | null } | undefined;
  return !l ? null : l.kind === 'floor' ? l.id : l.kind === 'room' ? l.parentId : null;
}

export function proposalOut(sqlite: Database.Database, row: ProposalRow): Proposal {
  const s = projectStatements(sqlite);
  return {
    ...row,
    artists: s.artistsOf.all(row.id) as Proposal['artists'],
    paidToDate: s.paidOf.get(row.id) as number,
    locationPath: row.locationId ? (resolveLocation(sqlite, row.locationId)?.pathText ?? null) : null,
    floorId: floorOf(sqlite, row.locationId),
    artworks: s.artworksOf.all(row.id) as Proposal['artworks'],
  };
}

export function projectBudget(sqlite: Database.Database, p: Pick<ProjectRow, 'id' | 'computedBudget' | 'budgetOverride'>): Budget {
  const s = projectStatements(sqlite);
  return budgetOf({ computed: p.computedBudget, override: p.budgetOverride }, s.money.all(p.id) as ProposalMoney[], s.payments.all(p.id) as Payment[]);
}

export function projectSummary(sqlite: Database.Database, p: ProjectRow): ProjectSummary {
  const s = projectStatements(sqlite);
  const counts: ProjectSummary['proposalCounts'] = {};
  for (const c of s.counts.all(p.id) as { status: ProposalStatus; n: number }[]) counts[c.status] = c.n;
  return {
    id: p.id,
    name: p.name,
    locationId: p.locationId,
    locationPath: resolveLocation(sqlite, p.locationId)?.pathText ?? '',
    siteId: p.siteId,
    premisesType: p.premisesType,
    careShare: p.careShare,
    productionCost: p.productionCost,
    phase: p.phase,
    phaseDate: p.phaseDate,
    startDate: p.startDate,
    plannedEndDate: p.plannedEndDate,
    leadUserId: p.leadUserId,
    leadName: p.leadUserId ? ((s.userName.get(p.leadUserId) as string | undefined) ?? null) : null,
    budget: projectBudget(sqlite, p),
    phases: s.phases.all(p.id) as PhaseEntry[],
    proposalCounts: counts,
    version: p.version,
  };
}

export function projectDetail(sqlite: Database.Database, p: ProjectRow, canEdit: boolean): ProjectDetail {
  const s = projectStatements(sqlite);
  const reservations = (s.reservations.all(p.id) as Omit<Reservation, 'locationPath'>[]).map((r) => ({
    ...r,
    locationPath: r.locationId ? (resolveLocation(sqlite, r.locationId)?.pathText ?? null) : null,
  }));
  return {
    ...projectSummary(sqlite, p),
    description: p.description,
    computedBudget: p.computedBudget,
    budgetOverride: p.budgetOverride,
    overrideReason: p.overrideReason,
    overrideRef: p.overrideRef,
    team: JSON.parse(p.team) as ProjectDetail['team'],
    proposals: (s.proposals.all(p.id) as ProposalRow[]).map((r) => proposalOut(sqlite, r)),
    reservations,
    floors: (s.floors.all(p.locationId, p.locationId === p.siteId ? p.siteId : -1) as (Omit<ProjectDetail['floors'][number], 'hasPlan'> & { hasPlan: number })[]).map((f) => ({
      ...f,
      hasPlan: Boolean(f.hasPlan),
    })),
    canEdit,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export type ListFilter = { q?: string; phase?: ProjectPhase; site?: number; afterId?: number; limit: number };

/** Projects the user may see, newest first (keyset on id). */
export function listProjects(sqlite: Database.Database, f: ListFilter, user: AuthUser): { rows: ProjectRow[]; total: number } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.q) (where.push("name like ? escape '\\'"), args.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (f.phase) (where.push('phase = ?'), args.push(f.phase));
  if (f.site) (where.push('site_id = ?'), args.push(f.site));
  if (user.siteIds) (where.push(`site_id in (${user.siteIds.map(() => '?').join(',') || 'null'})`), args.push(...user.siteIds));
  const cond = where.length ? `where ${where.join(' and ')}` : '';
  const total = sqlite.prepare(`select count(*) from projects ${cond}`).pluck().get(...args) as number;
  const page = f.afterId ? `${cond ? `${cond} and` : 'where'} id < ?` : cond;
  const rows = sqlite.prepare(`select ${PROJECT_COLUMNS} from projects ${page} order by id desc limit ?`).all(...args, ...(f.afterId ? [f.afterId] : []), f.limit + 1) as ProjectRow[];
  return { rows, total };
}

/** Budget use over all visible projects, and committed/paid per calendar year. */
export function rollup(sqlite: Database.Database, user: AuthUser): Rollup {
  const cond = user.siteIds ? `where site_id in (${user.siteIds.map(() => '?').join(',') || 'null'})` : '';
  const rows = sqlite.prepare(`select id, computed_budget as computedBudget, budget_override as budgetOverride from projects ${cond}`).all(...(user.siteIds ?? [])) as Pick<
    ProjectRow,
    'id' | 'computedBudget' | 'budgetOverride'
  >[];
  const years = new Map<number, { committed: bigint; paid: bigint }>();
  const totals = { budget: 0n, committed: 0n, paid: 0n, remaining: 0n, projects: rows.length, overCommitted: 0 };
  for (const r of rows) {
    const b = projectBudget(sqlite, r);
    totals.budget += BigInt(b.budget);
    totals.committed += BigInt(b.committed);
    totals.paid += BigInt(b.paid);
    totals.remaining += BigInt(b.remaining);
    if (b.overCommitted) totals.overCommitted++;
    for (const y of b.perYear) {
      const e = years.get(y.year) ?? { committed: 0n, paid: 0n };
      e.committed += BigInt(y.committed);
      e.paid += BigInt(y.paid);
      years.set(y.year, e);
    }
  }
  return {
    perYear: [...years.entries()].sort(([a], [b]) => a - b).map(([year, e]) => ({ year, committed: Number(e.committed), paid: Number(e.paid) })),
    totals: { ...totals, budget: Number(totals.budget), committed: Number(totals.committed), paid: Number(totals.paid), remaining: Number(totals.remaining) },
  };
}

/** Planned spots of open proposals on a floor (its rooms included), for the plan view. */
export function proposalPins(sqlite: Database.Database, floorId: number): PlanProposal[] {
  return projectStatements(sqlite).floorPins.all(floorId, floorId) as PlanProposal[];
}
