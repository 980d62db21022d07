// What the collection reports read: the works of a location subtree (grouped by building › floor ›
// room), insurance and condition totals per site, and every work of an artist.
import type Database from 'better-sqlite3';
import { CHECKABLE_STATUSES } from '../conditions/due.queries.js';

export type WorkRow = {
  id: number;
  inventoryNumber: string;
  title: string;
  artists: string;
  objectType: string;
  technique: string | null;
  datingText: string | null;
  heightCm: number | null;
  widthCm: number | null;
  depthCm: number | null;
  status: string;
  lastGrade: number | null;
  lastCheckAt: string | null;
  nextCheckDue: string | null;
  insuranceValue: number | null;
  locationId: number | null;
  siteName: string | null;
  sha256: string | null;
};

const WORK_COLS = `a.id, a.inventory_number as inventoryNumber, a.title,
  coalesce((select group_concat(ar.name, ', ' order by aa.position, aa.artist_id) from artwork_artists aa join artists ar on ar.id = aa.artist_id where aa.artwork_id = a.id), '') as artists,
  a.object_type as objectType, a.technique, a.dating_text as datingText, a.height_cm as heightCm, a.width_cm as widthCm, a.depth_cm as depthCm,
  a.status, a.last_grade as lastGrade, a.last_check_at as lastCheckAt, a.next_check_due as nextCheckDue, a.insurance_value as insuranceValue,
  a.location_id as locationId, (select name from locations where id = a.site_id) as siteName,
  (select m.sha256 from media m where m.id = coalesce(a.primary_media_id,
     (select ml.media_id from media_links ml where ml.entity_type = 'artwork' and ml.entity_id = a.id and ml.role = 'primary' order by ml.position, ml.id limit 1))) as sha256`;

type Loc = { id: number; parentId: number | null; path: string; depth: number; kind: string; name: string; siteId: number | null };
export type Group = { key: string; building: string | null; floor: string | null; room: string | null; works: WorkRow[] };

const collator = new Intl.Collator('sv', { numeric: true });

/** The location and its whole subtree; null when there is no such location. */
export function subtree(sqlite: Database.Database, locationId: number): { root: Loc; nodes: Map<number, Loc> } | null {
  const root = sqlite.prepare('select id, parent_id as parentId, path, depth, kind, name, site_id as siteId from locations where id = ?').get(locationId) as Loc | undefined;
  if (!root) return null;
  const nodes = sqlite
    .prepare('select id, parent_id as parentId, path, depth, kind, name, site_id as siteId from locations where path >= ? and path < ?')
    .all(root.path, root.path.slice(0, -1) + '0') as Loc[];
  return { root, nodes: new Map(nodes.map((n) => [n.id, n])) };
}

/** Full path text of a location ("Site › Building › Floor › Room"). */
export function pathText(sqlite: Database.Database, loc: Loc): string {
  const ids = loc.path.split('/').filter(Boolean).map(Number);
  const names = new Map((sqlite.prepare('select id, name from locations where id in (select value from json_each(?))').all(JSON.stringify(ids)) as { id: number; name: string }[]).map((r) => [r.id, r.name]));
  return ids.map((id) => names.get(id) ?? '').join(' › ');
}

/** Works registered below a location (not deaccessioned), grouped by building › floor › room in name order. */
export function inventoryGroups(sqlite: Database.Database, locationId: number): Group[] {
  const tree = subtree(sqlite, locationId)!;
  const all = new Map((sqlite.prepare('select id, name, kind from locations where id in (select value from json_each(?))').all(JSON.stringify(tree.root.path.split('/').filter(Boolean).map(Number))) as Loc[]).map((l) => [l.id, l]));
  for (const [id, n] of tree.nodes) all.set(id, n);
  const groups = new Map<string, Group>();
  const stmt = sqlite.prepare(
    `select ${WORK_COLS} from artworks a join locations l on l.id = a.location_id
      where l.path >= ? and l.path < ? and a.status <> 'deaccessioned' order by a.inventory_key`,
  );
  for (const w of stmt.iterate(tree.root.path, tree.root.path.slice(0, -1) + '0') as IterableIterator<WorkRow>) {
    const loc = tree.nodes.get(w.locationId!)!;
    const chain = loc.path.split('/').filter(Boolean).map((id) => all.get(Number(id))!);
    const at = (kind: string) => chain.find((n) => n?.kind === kind)?.name ?? null;
    const key = `${loc.id}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, building: at('building'), floor: at('floor'), room: at('room'), works: [] }));
    g.works.push(w);
  }
  const cmp = (a: string | null, b: string | null) => (a === b ? 0 : a == null ? -1 : b == null ? 1 : collator.compare(a, b));
  return [...groups.values()].sort((a, b) => cmp(a.building, b.building) || cmp(a.floor, b.floor) || cmp(a.room, b.room));
}

export type SiteScope = { siteIds: number[] | null; site?: number };
const siteWhere = (alias: string) => `(:site is null or ${alias} = :site) and (:sites is null or ${alias} in (select value from json_each(:sites)))`;
const scopeParams = (s: SiteScope) => ({ site: s.site ?? null, sites: s.siteIds ? JSON.stringify(s.siteIds) : null });

export type InsuranceRow = { siteId: number | null; siteName: string | null; works: number; valued: number; value: number };

/** Insurance values per site of the collection (deaccessioned works left out), largest value first. */
export function insuranceBySite(sqlite: Database.Database, scope: SiteScope): InsuranceRow[] {
  return sqlite
    .prepare(
      `select a.site_id as siteId, s.name as siteName, count(*) as works, count(a.insurance_value) as valued, coalesce(sum(a.insurance_value), 0) as value
         from artworks a left join locations s on s.id = a.site_id
        where a.status <> 'deaccessioned' and ${siteWhere('a.site_id')}
        group by a.site_id order by value desc, s.name`,
    )
    .all(scopeParams(scope)) as InsuranceRow[];
}

export type ConditionRow = { siteId: number | null; siteName: string | null; works: number; g1: number; g2: number; g3: number; g4: number; never: number; overdue: number; checked12m: number };

/** Condition per site over the works that can be checked: last grade, never checked, overdue, checked in 12 months. */
export function conditionBySite(sqlite: Database.Database, scope: SiteScope, today: string, since: string): ConditionRow[] {
  return sqlite
    .prepare(
      `select a.site_id as siteId, s.name as siteName, count(*) as works,
              sum(a.last_grade = 1) as g1, sum(a.last_grade = 2) as g2, sum(a.last_grade = 3) as g3, sum(a.last_grade = 4) as g4,
              sum(a.last_check_at is null) as never, sum(a.next_check_due < :today) as overdue, sum(a.last_check_at >= :since) as checked12m
         from artworks a left join locations s on s.id = a.site_id
        where a.status in (${CHECKABLE_STATUSES.map((x) => `'${x}'`).join(',')}) and ${siteWhere('a.site_id')}
        group by a.site_id order by s.name`,
    )
    .all({ ...scopeParams(scope), today, since }) as ConditionRow[];
}

/** Every work of an artist (all statuses), oldest dating first, with its place. */
export function artistWorks(sqlite: Database.Database, artistId: number, scope: SiteScope): (WorkRow & { place: string | null })[] {
  const rows = sqlite
    .prepare(
      `select ${WORK_COLS} from artwork_artists x join artworks a on a.id = x.artwork_id
        where x.artist_id = :artist and ${siteWhere('a.site_id')}
        order by coalesce(a.year_from, 9999), a.inventory_key`,
    )
    .all({ ...scopeParams(scope), artist: artistId }) as WorkRow[];
  const paths = new Map<number, string>();
  const loc = sqlite.prepare('select id, parent_id as parentId, path, depth, kind, name, site_id as siteId from locations where id = ?');
  return rows.map((w) => {
    if (w.locationId != null && !paths.has(w.locationId)) paths.set(w.locationId, pathText(sqlite, loc.get(w.locationId) as Loc));
    return { ...w, place: w.locationId == null ? null : paths.get(w.locationId)! };
  });
}
