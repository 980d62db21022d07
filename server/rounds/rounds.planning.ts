// Planning a round: the works expected in a location subtree (or a few rooms), in walking order.
import type Database from 'better-sqlite3';
import { recordAudit } from '../audit/audit.js';
import { unprocessable, type FieldError } from '../http/errors.js';
import { findLocation, resolveLocation, type LocationRow } from '../locations/locations.queries.js';
import { assertSite, type AuthUser } from '../users/auth.js';
import { roleAllows, type Role } from '../users/permissions.js';
import type { CreateRoundBody } from './rounds.schema.js';
import { sortForWalking, subtreeNodes, type PlacedWork } from './walking-order.js';

/** Statuses of works that should physically be where the catalogue says (loans and studio stays are elsewhere). */
export const EXPECTED_STATUSES = ['in_place', 'in_storage'] as const;

/** Resolves the planned locations: all must exist, be active and belong to one site the user may act on. */
export function resolveRoundLocations(sqlite: Database.Database, locationIds: number[], user: AuthUser): { rows: LocationRow[]; siteId: number } {
  const errors: FieldError[] = [];
  const rows: LocationRow[] = [];
  locationIds.forEach((id, i) => {
    const row = findLocation(sqlite, id);
    if (!row) errors.push({ path: `locationIds.${i}`, message: `Location ${id} does not exist` });
    else if (!row.active) errors.push({ path: `locationIds.${i}`, message: `Location ${id} is deactivated` });
    else rows.push(row);
  });
  if (errors.length) throw unprocessable('round.unknown_location', 'Some planned locations cannot be walked.', errors);
  const sites = new Set(rows.map((r) => r.siteId ?? r.id));
  if (sites.size > 1)
    throw unprocessable('round.mixed_sites', 'A round walks one site; plan one round per site.', [{ path: 'locationIds', message: 'Locations from more than one site' }]);
  const siteId = [...sites][0]!;
  assertSite(user, siteId);
  return { rows, siteId };
}

/** The expected works of the subtrees, in walking order. */
export function expectedWorks(sqlite: Database.Database, rows: LocationRow[], opts: { onlyDueBy?: string } = {}): PlacedWork[] {
  const nodes = subtreeNodes(sqlite, rows.map((r) => r.path));
  const works = sqlite
    .prepare(
      `select a.id, a.location_id as locationId, a.pos_x as posX, a.pos_y as posY, a.inventory_number as inventoryNumber
         from artworks a where a.location_id in (select value from json_each(?))
          and a.status in (${EXPECTED_STATUSES.map((s) => `'${s}'`).join(',')})
          ${opts.onlyDueBy ? 'and (a.next_check_due is null or a.next_check_due <= ?)' : ''}`,
    )
    .all(JSON.stringify(nodes.map((n) => n.id)), ...(opts.onlyDueBy ? [opts.onlyDueBy] : [])) as PlacedWork[];
  return sortForWalking(works, nodes);
}

export function planRound(sqlite: Database.Database, body: CreateRoundBody, user: AuthUser, now: Date): number {
  return sqlite.transaction(() => {
    const { rows, siteId } = resolveRoundLocations(sqlite, body.locationIds, user);
    const assigneeId = body.assigneeId ?? user.id;
    if (body.assigneeId != null) assertAssignee(sqlite, body.assigneeId, siteId);
    const works = expectedWorks(sqlite, rows, body.onlyDue ? { onlyDueBy: body.dueDate } : {});
    if (!works.length)
      throw unprocessable(
        'round.empty',
        body.onlyDue ? 'No work in these locations is due for a check by the due date.' : 'There are no works to check in these locations.',
        [{ path: 'locationIds', message: 'No expected works here' }],
      );
    const at = now.toISOString();
    const name = body.name ?? defaultName(sqlite, rows);
    const roundId = Number(
      sqlite
        .prepare(
          `insert into rounds (name, site_id, location_ids, status, due_date, assignee_id, only_due, created_by, version, created_at, updated_at)
           values (?, ?, ?, 'open', ?, ?, ?, ?, 1, ?, ?)`,
        )
        .run(name, siteId, JSON.stringify(body.locationIds), body.dueDate, assigneeId, body.onlyDue ? 1 : 0, user.id, at, at).lastInsertRowid,
    );
    const insertItem = sqlite.prepare(
      `insert into round_items (round_id, artwork_id, seq, expected, expected_location_id, outcome, created_at) values (?, ?, ?, 1, ?, 'pending', ?)`,
    );
    works.forEach((w, i) => insertItem.run(roundId, w.id, i + 1, w.locationId, at));
    recordAudit(sqlite, {
      at,
      userId: user.id,
      action: 'create',
      entityType: 'round',
      entityId: roundId,
      after: { name, siteId, locationIds: body.locationIds, dueDate: body.dueDate, assigneeId, onlyDue: !!body.onlyDue, items: works.length },
    });
    return roundId;
  })();
}

function assertAssignee(sqlite: Database.Database, assigneeId: number, siteId: number): void {
  const u = sqlite.prepare('select id, disabled, role from users where id = ?').get(assigneeId) as { id: number; disabled: number; role: string } | undefined;
  if (!u || u.disabled) throw unprocessable('round.unknown_assignee', `There is no active user ${assigneeId}.`, [{ path: 'assigneeId', message: 'No such active user' }]);
  if (!roleAllows(u.role as Role, 'condition.write'))
    throw unprocessable('round.assignee_role', 'The assignee must be allowed to record condition (conservator, curator or admin).', [{ path: 'assigneeId', message: `A ${u.role} cannot record results` }]);
  const sites = sqlite.prepare('select site_id from user_sites where user_id = ?').pluck().all(assigneeId) as number[];
  if (sites.length && !sites.includes(siteId))
    throw unprocessable('round.assignee_site', "The assignee's account is limited to other sites.", [{ path: 'assigneeId', message: 'Cannot act on this site' }]);
}

function defaultName(sqlite: Database.Database, rows: LocationRow[]): string {
  const first = resolveLocation(sqlite, rows[0]!.id)?.pathText ?? rows[0]!.name;
  return rows.length > 1 ? `${first} + ${rows.length - 1}` : first;
}
