// The due list: works whose next check is overdue or due soon, sorted by risk, with counts,
// and the works never checked. Hot path (target p95 < 15 ms at 60,000 works): one indexed
// range over next_check_due, the risk computed in SQL, counts from covering indexes.
import type Database from 'better-sqlite3';

/** Works that can be checked where they stand; those in conservation, missing or deaccessioned are followed elsewhere. */
export const CHECKABLE_STATUSES = ['in_place', 'in_storage', 'on_loan'] as const;
const STATUS_SQL = `a.status in (${CHECKABLE_STATUSES.map((s) => `'${s}'`).join(',')})`;

/**
 * Risk, 0–100 (higher first):
 *   last grade          4 → 60, 3 → 30, 2 → 10, 1 → 0
 *   overdue             up to 30, growing linearly over two years overdue
 *   exposed environment 10 when the work's interval is a year or less (psychiatry, emergency,
 *                       children's and public areas, outdoor, or a short per-work interval)
 */
const RISK_SQL = `(case a.last_grade when 4 then 60 when 3 then 30 when 2 then 10 else 0 end)
  + cast(min(max(julianday(:today) - julianday(a.next_check_due), 0), 730) * 30 / 730 as integer)
  + (case when julianday(a.next_check_due) - julianday(substr(a.last_check_at, 1, 10)) <= 366 then 10 else 0 end)`;

export type DueItem = {
  artworkId: number;
  inventoryNumber: string;
  title: string;
  status: string;
  siteId: number | null;
  siteName: string | null;
  locationId: number | null;
  locationName: string | null;
  lastGrade: number | null;
  lastCheckAt: string | null;
  nextCheckDue: string | null;
  overdueDays: number;
  risk: number;
};

export type DueCursor = { risk: number; due: string; id: number };
export type NeverCursor = { key: string; id: number };

export type DueScope = { siteId?: number; siteIds: number[] | null; today: string; horizon: string };

function scopeSql(scope: DueScope): { where: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = { today: scope.today, horizon: scope.horizon };
  let where = STATUS_SQL;
  if (scope.siteId) (where += ' and a.site_id = :site'), (params.site = scope.siteId);
  if (scope.siteIds) (where += ' and a.site_id in (select value from json_each(:sites))'), (params.sites = JSON.stringify(scope.siteIds));
  return { where, params };
}

const ITEM_COLS = `a.id as artworkId, a.inventory_number as inventoryNumber, a.title, a.status, a.site_id as siteId, s.name as siteName,
  a.location_id as locationId, l.name as locationName, a.last_grade as lastGrade, a.last_check_at as lastCheckAt, a.next_check_due as nextCheckDue`;

export function dueList(sqlite: Database.Database, scope: DueScope, page: { limit: number; after?: DueCursor }) {
  const { where, params } = scopeSql(scope);
  const keyset = page.after ? 'where (risk < :kRisk or (risk = :kRisk and (due > :kDue or (due = :kDue and id > :kId))))' : '';
  const rows = sqlite
    .prepare(
      `with d as (select a.id, a.next_check_due as due, ${RISK_SQL} as risk from artworks a
                   where a.next_check_due <= :horizon and ${where})
       select ${ITEM_COLS}, d.risk, cast(max(julianday(:today) - julianday(d.due), 0) as integer) as overdueDays
         from (select * from d ${keyset} order by risk desc, due, id limit :limit) d
         join artworks a on a.id = d.id left join locations s on s.id = a.site_id left join locations l on l.id = a.location_id
        order by d.risk desc, d.due, d.id`,
    )
    .all({ ...params, limit: page.limit + 1, ...(page.after ? { kRisk: page.after.risk, kDue: page.after.due, kId: page.after.id } : {}) }) as DueItem[];
  const more = rows.length > page.limit;
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items, next: more && last ? ({ risk: last.risk, due: last.nextCheckDue!, id: last.artworkId } satisfies DueCursor) : null };
}

/** Never-checked works, the longest-held first (they have waited longest for a first check). */
export function neverChecked(sqlite: Database.Database, scope: DueScope, page: { limit: number; after?: NeverCursor }) {
  const { where, params } = scopeSql(scope);
  const key = `coalesce(a.acquisition_date, '')`;
  const keyset = page.after ? `and (${key} > :kKey or (${key} = :kKey and a.id > :kId))` : '';
  const rows = sqlite
    .prepare(
      `select ${ITEM_COLS}, ${key} as sortKey, 0 as overdueDays, 0 as risk from artworks a
         left join locations s on s.id = a.site_id left join locations l on l.id = a.location_id
        where a.last_check_at is null and ${where} ${keyset} order by ${key}, a.id limit :limit`,
    )
    .all({ ...params, limit: page.limit + 1, ...(page.after ? { kKey: page.after.key, kId: page.after.id } : {}) }) as (DueItem & { sortKey: string })[];
  const more = rows.length > page.limit;
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items: items.map(({ sortKey: _s, ...i }) => i), next: more && last ? ({ key: last.sortKey, id: last.artworkId } satisfies NeverCursor) : null };
}

export type DueCounts = { overdue: number; dueSoon: number; never: number };

/** Counts for the scope, and per site (for the overview across sites). Two indexed group-bys, not one OR scan. */
export function dueCounts(sqlite: Database.Database, scope: DueScope): { counts: DueCounts; sites: (DueCounts & { siteId: number | null; siteName: string | null })[] } {
  const { where, params } = scopeSql(scope);
  const due = sqlite
    .prepare(
      `select a.site_id as siteId, sum(a.next_check_due < :today) as overdue, sum(a.next_check_due >= :today) as dueSoon
         from artworks a where a.next_check_due <= :horizon and ${where} group by a.site_id`,
    )
    .all(params) as { siteId: number | null; overdue: number; dueSoon: number }[];
  const never = sqlite
    .prepare(`select a.site_id as siteId, count(*) as never from artworks a where a.last_check_at is null and ${where} group by a.site_id`)
    .all(params) as { siteId: number | null; never: number }[];
  const bySite = new Map<number | null, DueCounts>();
  for (const r of due) bySite.set(r.siteId, { overdue: r.overdue, dueSoon: r.dueSoon, never: 0 });
  for (const r of never) bySite.set(r.siteId, { ...(bySite.get(r.siteId) ?? { overdue: 0, dueSoon: 0 }), never: r.never });
  const names = siteNames(sqlite, [...bySite.keys()].filter((k): k is number => k != null));
  const sites = [...bySite].map(([siteId, c]) => ({ siteId, siteName: siteId == null ? null : (names.get(siteId) ?? null), ...c }));
  sites.sort((x, y) => y.overdue - x.overdue || y.never - x.never || (x.siteName ?? '').localeCompare(y.siteName ?? '', 'sv'));
  const counts = sites.reduce((t, r) => ({ overdue: t.overdue + r.overdue, dueSoon: t.dueSoon + r.dueSoon, never: t.never + r.never }), { overdue: 0, dueSoon: 0, never: 0 });
  return { counts, sites };
}

function siteNames(sqlite: Database.Database, ids: number[]): Map<number, string> {
  const rows = sqlite.prepare('select id, name from locations where id in (select value from json_each(?))').all(JSON.stringify(ids)) as { id: number; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}
