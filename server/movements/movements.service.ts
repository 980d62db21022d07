// The one way a work's current location changes: a movement row (with path snapshots), the work's new
// location/site/status, and audit rows, all in the caller's transaction. Rounds, treatments, floor plans,
// projects and batch edits call moveArtworks; pin drags inside the same room call setPlacement.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { AUDIT_COLUMNS, auditValues, recordAudit } from '../audit/audit.js';
import { BulkInsert } from '../../db/bulk-insert.js';
import { notFound, preconditionFailed, unprocessable } from '../http/errors.js';
import { assertSite, type AuthUser } from '../users/auth.js';
import { statusRuleError } from '../artworks/status.js';
import { resolveLocation, type ResolvedLocation } from '../locations/locations.queries.js';

export type MoveInput = {
  artworkIds: number[];
  toLocationId: number;
  /** ISO date or timestamp; a plain date is stored as noon UTC that day (now, if it is today). */
  movedAt?: string;
  reason: string;
  note?: string | null;
  userId: number | null;
  batchId?: string | null;
  roundId?: number | null;
  posX?: number | null;
  posY?: number | null;
  /** The found-again flow: lets works registered as missing be moved (and leave `missing`). */
  foundAgain?: boolean;
  /** When given, the user's site limits apply to every work and to the destination. */
  user?: AuthUser;
};

export type MoveResult = {
  batchId: string | null;
  movedIds: number[];
  /** Already at the destination (and no new floor-plan spot): nothing written. */
  skippedIds: number[];
  movementIds: number[];
  toPathText: string;
  statusChanges: { id: number; from: string; to: string }[];
};

type WorkRow = { id: number; status: string; locationId: number | null; siteId: number | null; posX: number | null; posY: number | null; version: number; lastMovedAt: string | null };

/** The status a work gets from where it is put: studio → in conservation, storage → in storage, else in place. */
export function statusForLocation(loc: Pick<ResolvedLocation, 'siteType'>): 'in_conservation' | 'in_storage' | 'in_place' {
  if (loc.siteType === 'studio') return 'in_conservation';
  if (loc.siteType === 'storage') return 'in_storage';
  return 'in_place';
}

export const MOVEMENT_COLUMNS = ['artwork_id', 'from_location_id', 'to_location_id', 'from_path_text', 'to_path_text', 'moved_at', 'reason', 'note', 'user_id', 'batch_id', 'round_id', 'created_at'];

function prepare(sqlite: Database.Database) {
  return {
    work: sqlite.prepare(
      `select a.id, a.status, a.location_id as locationId, a.site_id as siteId, a.pos_x as posX, a.pos_y as posY, a.version,
              (select max(moved_at) from movements m where m.artwork_id = a.id) as lastMovedAt
         from artworks a where a.id = ?`,
    ),
    insertMovement: sqlite.prepare(`insert into movements (${MOVEMENT_COLUMNS.join(', ')}) values (${MOVEMENT_COLUMNS.map(() => '?').join(', ')})`),
    updateWork: sqlite.prepare(
      `update artworks set location_id = ?, site_id = ?, pos_x = ?, pos_y = ?, status = ?,
              status_changed_at = case when status = ? then status_changed_at else ? end,
              status_note = case when status = ? then status_note else null end,
              version = version + 1, updated_at = ? where id = ?`,
    ),
    placement: sqlite.prepare('update artworks set pos_x = ?, pos_y = ?, version = version + 1, updated_at = ? where id = ?'),
  };
}
const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();
const stmts = (sqlite: Database.Database) => {
  let s = cache.get(sqlite);
  if (!s) cache.set(sqlite, (s = prepare(sqlite)));
  return s;
};

/** Normalises the moment of a move to an ISO timestamp so that movements order correctly. */
export function normaliseMovedAt(input: string | undefined, now: Date): string {
  if (!input) return now.toISOString();
  if (/^\d{4}-\d{2}-\d{2}$/.test(input)) return input === now.toISOString().slice(0, 10) ? now.toISOString() : `${input}T12:00:00.000Z`;
  return new Date(input).toISOString();
}

export function moveArtworks(sqlite: Database.Database, input: MoveInput, at: string): MoveResult {
  return sqlite.transaction((): MoveResult => {
    const s = stmts(sqlite);
    const dest = destination(sqlite, input.toLocationId, input.user);
    const now = new Date(at);
    let movedAt = normaliseMovedAt(input.movedAt, now);
    if (movedAt > new Date(now.getTime() + 5 * 60_000).toISOString())
      throw unprocessable('movement.in_future', 'A move cannot be registered in the future.', [{ path: 'movedAt', message: 'In the future' }]);
    const single = input.artworkIds.length === 1;
    if (!single && (input.posX != null || input.posY != null))
      throw unprocessable('movement.position_single', 'A floor-plan spot can only be given when moving one work.', [{ path: 'posX', message: 'Only for one work' }]);

    const ids = [...new Set(input.artworkIds)];
    const works: WorkRow[] = [];
    const unknown: number[] = [];
    for (const id of ids) {
      const w = s.work.get(id) as WorkRow | undefined;
      if (w) works.push(w);
      else unknown.push(id);
    }
    if (unknown.length)
      throw unprocessable('movement.unknown_artwork', `No work with id ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ' …' : ''}.`, [{ path: 'artworkIds', message: `Unknown: ${unknown.slice(0, 20).join(', ')}` }]);
    for (const w of works) {
      if (input.user) assertSite(input.user, w.siteId);
      if (w.status === 'deaccessioned')
        throw statusRuleError('deaccessioned_not_movable', 'artworkIds', `Work ${w.id}: `);
      if (w.status === 'missing' && !input.foundAgain)
        throw statusRuleError('missing_needs_found_again', 'foundAgain', `Work ${w.id}: `);
      if (w.lastMovedAt && movedAt < w.lastMovedAt) {
        // Same day as the last move: keep the order by sharing its timestamp (ties break by id).
        if (movedAt.slice(0, 10) === w.lastMovedAt.slice(0, 10) && input.movedAt?.length === 10) movedAt = w.lastMovedAt;
        else
          throw unprocessable('movement.before_last', `Work ${w.id} was last moved ${w.lastMovedAt}; a move cannot be dated before that.`, [{ path: 'movedAt', message: `Before the last move of work ${w.id}` }]);
      }
    }

    const batchId = input.batchId ?? (works.length > 1 ? crypto.randomUUID() : null);
    const fromCache = new Map<number, ResolvedLocation | undefined>();
    const from = (id: number | null) => {
      if (id == null) return undefined;
      if (!fromCache.has(id)) fromCache.set(id, resolveLocation(sqlite, id));
      return fromCache.get(id);
    };
    const status = statusForLocation(dest);
    const result: MoveResult = { batchId, movedIds: [], skippedIds: [], movementIds: [], toPathText: dest.pathText, statusChanges: [] };
    for (const w of works) {
      const posX = input.posX ?? null;
      const posY = input.posY ?? null;
      if (w.locationId === dest.id && w.status !== 'missing' && (input.posX === undefined || (posX === w.posX && posY === w.posY))) {
        result.skippedIds.push(w.id);
        continue;
      }
      const f = from(w.locationId);
      const info = s.insertMovement.run(w.id, w.locationId, dest.id, f?.pathText ?? null, dest.pathText, movedAt, input.reason, input.note ?? null, input.userId, batchId, input.roundId ?? null, at);
      s.updateWork.run(dest.id, dest.siteId, posX, posY, status, status, at, status, at, w.id);
      if (status !== w.status) result.statusChanges.push({ id: w.id, from: w.status, to: status });
      recordAudit(sqlite, {
        at,
        userId: input.userId,
        action: 'move',
        entityType: 'artwork',
        entityId: w.id,
        batchId,
        before: { locationId: w.locationId, location: f?.pathText ?? null, siteId: w.siteId, status: w.status, posX: w.posX, posY: w.posY },
        after: { locationId: dest.id, location: dest.pathText, siteId: dest.siteId, status, posX, posY, reason: input.reason, movedAt },
      });
      result.movedIds.push(w.id);
      result.movementIds.push(Number(info.lastInsertRowid));
    }
    return result;
  })();
}

/** Where works being registered go: the destination as moveArtworks checks and records it, and the status it gives. */
export type PlacementTarget = { id: number; siteId: number; pathText: string; status: ReturnType<typeof statusForLocation> };

/** Where works may be moved: the location exists, is active and is within the user's sites. */
function destination(sqlite: Database.Database, toLocationId: number, user?: AuthUser): ResolvedLocation {
  const dest = resolveLocation(sqlite, toLocationId);
  if (!dest) throw unprocessable('movement.unknown_location', `Location ${toLocationId} does not exist.`, [{ path: 'toLocationId', message: 'Unknown location' }]);
  if (!dest.active) throw unprocessable('movement.location_inactive', `${dest.pathText} is deactivated.`, [{ path: 'toLocationId', message: 'Inactive location' }]);
  if (user) assertSite(user, dest.siteId);
  return dest;
}

/** The destination of a first placement, with moveArtworks' checks. */
export function placementTarget(sqlite: Database.Database, toLocationId: number, user?: AuthUser): PlacementTarget {
  const dest = destination(sqlite, toLocationId, user);
  return { id: dest.id, siteId: dest.siteId, pathText: dest.pathText, status: statusForLocation(dest) };
}

export type FirstPlacement = { artworkId: number; to: PlacementTarget; /** The status the work was registered with, before its placement. */ fromStatus: string };

/**
 * First placements of works a bulk registration (an import) inserted already at their place, with location, site and
 * status from placementTarget and the move counted in their version. Writes what moveArtworks writes when it moves a
 * just-registered, unplaced work: a movement row from nowhere and a 'move' audit row, in the caller's transaction,
 * without re-reading each work (thousands of them at once).
 */
export function recordFirstPlacements(sqlite: Database.Database, works: FirstPlacement[], meta: { reason: string; userId: number | null; batchId: string | null; note?: string | null }, at: string): void {
  const movedAt = normaliseMovedAt(undefined, new Date(at));
  // Rows go in a few dozen per statement (an import places tens of thousands of works at once).
  const movements = new BulkInsert(sqlite, 'movements', MOVEMENT_COLUMNS);
  const audit = new BulkInsert(sqlite, 'audit_log', AUDIT_COLUMNS);
  for (const w of works) {
    movements.push(w.artworkId, null, w.to.id, null, w.to.pathText, movedAt, meta.reason, meta.note ?? null, meta.userId, meta.batchId, null, at);
    const { before, after } = firstPlacementChange(w, meta.reason, movedAt);
    audit.push(...auditValues({ at, userId: meta.userId, action: 'move', entityType: 'artwork', entityId: w.artworkId, batchId: meta.batchId, before, after }, { diffed: true }));
  }
  movements.flush();
  audit.flush();
}

/**
 * What the 'move' audit row of a first placement keeps: the fields moveArtworks' row keeps for such a move (what
 * changed), in its order; movedAt comes last.
 */
export function firstPlacementChange(w: Omit<FirstPlacement, 'artworkId'>, reason: string, movedAt: string): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const before: Record<string, unknown> = { locationId: null, location: null, siteId: null };
  const after: Record<string, unknown> = { locationId: w.to.id, location: w.to.pathText, siteId: w.to.siteId };
  if (w.to.status !== w.fromStatus) (before.status = w.fromStatus), (after.status = w.to.status);
  before.reason = null;
  before.movedAt = null;
  after.reason = reason;
  after.movedAt = movedAt;
  return { before, after };
}

export type PlacementInput = { artworkId: number; posX: number | null; posY: number | null; userId: number | null; expectedVersion?: number; user?: AuthUser };

/** Sets a work's spot on the floor plan of the room it is in: audited, versioned, no movement row. */
export function setPlacement(sqlite: Database.Database, input: PlacementInput, at: string): { version: number } {
  return sqlite.transaction(() => {
    const w = stmts(sqlite).work.get(input.artworkId) as WorkRow | undefined;
    if (!w) throw notFound('artwork.not_found', `No work with id ${input.artworkId}.`);
    if (input.user) assertSite(input.user, w.siteId);
    if (input.expectedVersion !== undefined && input.expectedVersion !== w.version) throw preconditionFailed('artwork.version_conflict', w);
    if (w.locationId == null) throw unprocessable('artwork.no_location', 'The work has no location to place it in.', [{ path: 'locationId', message: 'No location' }]);
    const ok = (v: number | null) => v === null || (Number.isFinite(v) && v >= 0 && v <= 1);
    if (!ok(input.posX) || !ok(input.posY)) throw unprocessable('artwork.bad_position', 'A spot is given as fractions 0–1 of the floor plan.', [{ path: 'posX', message: 'Between 0 and 1' }]);
    stmts(sqlite).placement.run(input.posX, input.posY, at, w.id);
    recordAudit(sqlite, { at, userId: input.userId, action: 'placement', entityType: 'artwork', entityId: w.id, before: { posX: w.posX, posY: w.posY }, after: { posX: input.posX, posY: input.posY } });
    return { version: w.version + 1 };
  })();
}
