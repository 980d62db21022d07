// Writes to the location tree: create, rename/edit, move a subtree, deactivate. Each in one transaction with its audit rows.
import type Database from 'better-sqlite3';
import { recordAudit } from '../audit/audit.js';
import { conflict, forbidden, unprocessable } from '../http/errors.js';
import { preconditionFailed } from '../http/errors.js';
import { assertSite, type AuthUser } from '../users/auth.js';
import { findLocation, getLocation, subtreeCounts, subtreeRange, type LocationRow } from './locations.queries.js';
import { PARENT_KIND, type CreateLocationBody, type UpdateLocationBody } from './locations.schema.js';

const json = (v: unknown) => (v === undefined ? undefined : v === null ? null : JSON.stringify(v));

function checkParent(sqlite: Database.Database, kind: LocationRow['kind'], parentId: number | null | undefined, user: AuthUser, field = 'parentId'): LocationRow | null {
  const wanted = PARENT_KIND[kind];
  if (wanted === null) {
    if (parentId != null) throw unprocessable('location.kind_rule', 'A site is the root of its tree and has no parent.', [{ path: field, message: 'A site has no parent' }]);
    if (user.siteIds !== null) throw forbidden('auth.site_forbidden', 'Your account is limited to existing sites; it cannot create new ones.');
    return null;
  }
  if (parentId == null) throw unprocessable('location.kind_rule', `A ${kind} must be placed under a ${wanted}.`, [{ path: field, message: `Required: the ${wanted} this ${kind} belongs to` }]);
  const parent = findLocation(sqlite, parentId);
  if (!parent) throw unprocessable('location.unknown_parent', `Location ${parentId} does not exist.`, [{ path: field, message: 'Unknown location' }]);
  assertSite(user, parent.siteId);
  if (parent.kind !== wanted)
    throw unprocessable('location.kind_rule', `A ${kind} can only be placed under a ${wanted}, not under a ${parent.kind}.`, [{ path: field, message: `Must be a ${wanted}` }]);
  if (!parent.active) throw unprocessable('location.parent_inactive', 'The parent location is deactivated.', [{ path: field, message: 'Inactive location' }]);
  return parent;
}

export function createLocation(sqlite: Database.Database, body: CreateLocationBody, user: AuthUser, at: string): LocationRow {
  const id = sqlite.transaction(() => {
    const parent = checkParent(sqlite, body.kind, body.parentId, user);
    if (body.kind !== 'site' && body.siteType) throw unprocessable('location.kind_rule', 'Only a site has a site type.', [{ path: 'siteType', message: 'Only for sites' }]);
    const info = sqlite
      .prepare(
        `insert into locations (parent_id, path, depth, site_id, kind, site_type, code, name, municipality, address, lat, lon, coord_precision,
           plan_area, env_tags, check_interval_months, closed_unit, active, version, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?)`,
      )
      .run(
        parent?.id ?? null,
        `/new-${process.hrtime.bigint()}/`,
        parent ? parent.depth + 1 : 0,
        parent?.siteId ?? null,
        body.kind,
        body.kind === 'site' ? (body.siteType ?? 'other') : null,
        body.code ?? null,
        body.name,
        body.municipality ?? null,
        body.address ?? null,
        body.lat ?? null,
        body.lon ?? null,
        body.coordPrecision ?? null,
        json(body.planArea) ?? null,
        JSON.stringify(body.envTags ?? []),
        body.checkIntervalMonths ?? null,
        body.closedUnit ? 1 : 0,
        at,
        at,
      );
    const id = Number(info.lastInsertRowid);
    sqlite.prepare('update locations set path = ?, site_id = coalesce(site_id, ?) where id = ?').run(`${parent?.path ?? '/'}${id}/`, id, id);
    const row = getLocation(sqlite, id);
    recordAudit(sqlite, { at, userId: user.id, action: 'create', entityType: 'location', entityId: id, after: row });
    return id;
  })();
  return getLocation(sqlite, id);
}

export type UpdateResult = { location: LocationRow; movedArtworkIds: number[] };

export function updateLocation(sqlite: Database.Database, id: number, expected: number, body: UpdateLocationBody, user: AuthUser, at: string): UpdateResult {
  return sqlite.transaction((): UpdateResult => {
    const before = getLocation(sqlite, id);
    assertSite(user, before.siteId);
    if (before.version !== expected) throw preconditionFailed('location.version_conflict', before);
    if (body.siteType !== undefined && body.siteType !== null && before.kind !== 'site')
      throw unprocessable('location.kind_rule', 'Only a site has a site type.', [{ path: 'siteType', message: 'Only for sites' }]);
    if (before.kind === 'site' && body.siteType === null) throw unprocessable('location.kind_rule', 'A site needs a site type.', [{ path: 'siteType', message: 'Required for a site' }]);

    const sets: string[] = [];
    const args: unknown[] = [];
    const set = (col: string, v: unknown) => (sets.push(`${col} = ?`), args.push(v));
    if (body.name !== undefined) set('name', body.name);
    if (body.code !== undefined) set('code', body.code);
    if (body.siteType !== undefined) set('site_type', body.siteType);
    if (body.municipality !== undefined) set('municipality', body.municipality);
    if (body.address !== undefined) set('address', body.address);
    if (body.lat !== undefined) set('lat', body.lat);
    if (body.lon !== undefined) set('lon', body.lon);
    if (body.coordPrecision !== undefined) set('coord_precision', body.coordPrecision);
    if (body.planArea !== undefined) set('plan_area', json(body.planArea));
    if (body.envTags !== undefined) set('env_tags', JSON.stringify(body.envTags));
    if (body.checkIntervalMonths !== undefined) set('check_interval_months', body.checkIntervalMonths);
    if (body.closedUnit !== undefined) set('closed_unit', body.closedUnit ? 1 : 0);

    let movedArtworkIds: number[] = [];
    if (body.parentId !== undefined && body.parentId !== before.parentId) movedArtworkIds = moveSubtree(sqlite, before, body.parentId, user);
    if (body.active === false && before.active) deactivate(sqlite, before);
    if (body.active === true && !before.active) {
      const parent = before.parentId ? getLocation(sqlite, before.parentId) : null;
      if (parent && !parent.active) throw unprocessable('location.parent_inactive', 'Reactivate the parent location first.', [{ path: 'active', message: 'Parent is inactive' }]);
      set('active', 1);
    }
    sqlite.prepare(`update locations set ${[...sets, 'version = version + 1', 'updated_at = ?'].join(', ')} where id = ?`).run(...args, at, id);
    const after = getLocation(sqlite, id);
    recordAudit(sqlite, { at, userId: user.id, action: body.parentId !== undefined && body.parentId !== before.parentId ? 'move' : 'update', entityType: 'location', entityId: id, before, after });
    return { location: after, movedArtworkIds };
  })();
}

/** Re-roots a subtree: rewrites path and site of every node below, and the site of every work in it. */
function moveSubtree(sqlite: Database.Database, node: LocationRow, parentId: number, user: AuthUser): number[] {
  const parent = checkParent(sqlite, node.kind, parentId, user);
  if (!parent) return [];
  if (parent.path.startsWith(node.path)) throw unprocessable('location.cycle', 'A location cannot be moved under itself.', [{ path: 'parentId', message: 'Inside the moved subtree' }]);
  const newPath = `${parent.path}${node.id}/`;
  const [lo, hi] = subtreeRange(node.path);
  sqlite
    .prepare('update locations set path = ? || substr(path, ?), site_id = ? where path >= ? and path < ?')
    .run(newPath, node.path.length + 1, parent.siteId, lo, hi);
  sqlite.prepare('update locations set parent_id = ? where id = ?').run(parent.id, node.id);
  const [nlo, nhi] = subtreeRange(newPath);
  // The site is denormalised onto artworks for filters; it is not an edit of the work, so no version bump.
  return sqlite
    .prepare('update artworks set site_id = ? where location_id in (select id from locations where path >= ? and path < ?) returning id')
    .pluck()
    .all(parent.siteId, nlo, nhi) as number[];
}

function deactivate(sqlite: Database.Database, node: LocationRow): void {
  const remaining = subtreeCounts(sqlite, node.path).get(node.id) ?? 0;
  if (remaining > 0)
    throw conflict('location.not_empty', `${remaining} work(s) are still in this location; move them first.`, { worksCount: remaining, errors: [{ path: 'active', message: `${remaining} works remain` }] });
  const [lo, hi] = subtreeRange(node.path);
  sqlite.prepare('update locations set active = 0 where path >= ? and path < ?').run(lo, hi);
}
