// Reads of the location tree: rows, materialised paths, "Site › Building › Floor › Room" texts, work counts.
import type Database from 'better-sqlite3';
import { notFound } from '../http/errors.js';

export type LocationRow = {
  id: number;
  parentId: number | null;
  path: string;
  depth: number;
  siteId: number | null;
  kind: 'site' | 'building' | 'floor' | 'room';
  siteType: string | null;
  code: string | null;
  name: string;
  municipality: string | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  coordPrecision: string | null;
  floorPlanMediaId: number | null;
  planArea: { x: number; y: number; w: number; h: number } | null;
  envTags: string[];
  checkIntervalMonths: number | null;
  closedUnit: boolean;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type PathNode = { id: number; name: string; kind: string };
export type ResolvedLocation = { id: number; path: PathNode[]; pathText: string; siteId: number; siteType: string | null; active: boolean; kind: string };

export const LOCATION_COLUMNS = `id, parent_id as parentId, path, depth, site_id as siteId, kind, site_type as siteType, code, name, municipality, address,
  lat, lon, coord_precision as coordPrecision, floor_plan_media_id as floorPlanMediaId, plan_area as planArea, env_tags as envTags,
  check_interval_months as checkIntervalMonths, closed_unit as closedUnit, active, version, created_at as createdAt, updated_at as updatedAt`;

type Raw = Omit<LocationRow, 'planArea' | 'envTags' | 'closedUnit' | 'active'> & { planArea: string | null; envTags: string; closedUnit: number; active: number };

export const toLocation = (r: Raw): LocationRow => ({
  ...r,
  planArea: r.planArea ? JSON.parse(r.planArea) : null,
  envTags: JSON.parse(r.envTags || '[]'),
  closedUnit: Boolean(r.closedUnit),
  active: Boolean(r.active),
});

/** Path prefix → [lo, hi) range on the unique path index: every descendant's path sorts inside it. */
export const subtreeRange = (path: string): [string, string] => [path, path.slice(0, -1) + '0'];

function prepare(sqlite: Database.Database) {
  return {
    byId: sqlite.prepare(`select ${LOCATION_COLUMNS} from locations where id = ?`),
    brief: sqlite.prepare('select id, name, kind, site_type as siteType, active from locations where id = ?'),
    pathOf: sqlite.prepare('select path from locations where id = ?').pluck(),
    children: sqlite.prepare(`select ${LOCATION_COLUMNS} from locations where parent_id = ? order by name, id`),
    subtreeIds: sqlite.prepare('select id, path from locations where path >= ? and path < ?'),
    countsInSubtree: sqlite.prepare(
      `select a.location_id as id, count(*) as n from artworks a
        where a.location_id in (select id from locations where path >= ? and path < ?) and a.status != 'deaccessioned' group by a.location_id`,
    ),
    countsAll: sqlite.prepare(`select location_id as id, count(*) as n from artworks where location_id is not null and status != 'deaccessioned' group by location_id`),
  };
}

const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();
export function locationStatements(sqlite: Database.Database) {
  let s = cache.get(sqlite);
  if (!s) cache.set(sqlite, (s = prepare(sqlite)));
  return s;
}

export function findLocation(sqlite: Database.Database, id: number): LocationRow | undefined {
  const raw = locationStatements(sqlite).byId.get(id) as Raw | undefined;
  return raw && toLocation(raw);
}

export function getLocation(sqlite: Database.Database, id: number): LocationRow {
  const row = findLocation(sqlite, id);
  if (!row) throw notFound('location.not_found', `Location ${id} does not exist.`);
  return row;
}

/** The node's ancestors (site first) with names as they are now, and the joined text. */
export function resolveLocation(sqlite: Database.Database, id: number): ResolvedLocation | undefined {
  const s = locationStatements(sqlite);
  const path = s.pathOf.get(id) as string | undefined;
  if (!path) return undefined;
  const nodes: PathNode[] = [];
  let siteType: string | null = null;
  let active = true;
  let kind = 'site';
  for (const part of path.split('/')) {
    if (!part) continue;
    const n = s.brief.get(Number(part)) as { id: number; name: string; kind: string; siteType: string | null; active: number } | undefined;
    if (!n) continue;
    if (n.kind === 'site') siteType = n.siteType;
    nodes.push({ id: n.id, name: n.name, kind: n.kind });
    active = Boolean(n.active);
    kind = n.kind;
  }
  return { id, path: nodes, pathText: nodes.map((n) => n.name).join(' › '), siteId: nodes[0]?.id ?? id, siteType, active, kind };
}

/** Works (not deaccessioned) per node, including every node below it. */
export function subtreeCounts(sqlite: Database.Database, rootPath?: string): Map<number, number> {
  const s = locationStatements(sqlite);
  const [lo, hi] = rootPath ? subtreeRange(rootPath) : ['/', '0'];
  const nodes = s.subtreeIds.all(lo, hi) as { id: number; path: string }[];
  const direct = (rootPath ? s.countsInSubtree.all(lo, hi) : s.countsAll.all()) as { id: number; n: number }[];
  const pathOf = new Map(nodes.map((n) => [n.id, n.path]));
  const totals = new Map<number, number>(nodes.map((n) => [n.id, 0]));
  for (const { id, n } of direct) {
    const p = pathOf.get(id);
    if (!p) continue;
    for (const part of p.split('/')) {
      const anc = Number(part);
      if (part && totals.has(anc)) totals.set(anc, totals.get(anc)! + n);
    }
  }
  return totals;
}
