// The conservation backlog: open needs from condition checks, with cost totals per site and priority.
//
// A need is open when the work's standing check (the latest one not corrected, see
// restateCondition) asks for action (priority routine, soon or urgent) and no finished
// treatment has resolved it. A newer check restates the need: if it says "none", the old one
// is gone. The estimate is the open treatment's estimate, or else the check's.
import type Database from 'better-sqlite3';

export const NEED_PRIORITIES = ['urgent', 'soon', 'routine'] as const;
type NeedPriority = (typeof NEED_PRIORITIES)[number];

/** The newest open treatment that has taken the need up, if any. */
const OPEN_TREATMENT = `select t2.id from conservation_treatments t2 where t2.check_id = c.id and t2.status in ('proposed','approved','in_progress') order by t2.id desc limit 1`;

const OPEN_NEEDS = `from condition_checks c
  join artworks a on a.id = c.artwork_id
  left join conservation_treatments t on t.id = (${OPEN_TREATMENT})
  where c.priority <> 'none' and c.resolved_at is null and c.superseded_by_id is null and a.status <> 'deaccessioned'`;

export type BacklogItem = {
  checkId: number;
  artworkId: number;
  inventoryNumber: string;
  title: string;
  siteId: number | null;
  siteName: string | null;
  checkedAt: string;
  grade: number;
  priority: NeedPriority;
  damageTypes: string[];
  recommendedAction: string | null;
  estimatedCost: number | null;
  treatment: { id: number; status: string } | null;
};

export type BacklogScope = { siteId?: number; siteIds: number[] | null; priority?: NeedPriority };
export type BacklogCursor = { rank: number; at: string; id: number };

function scopeSql(scope: BacklogScope) {
  let where = '';
  const params: Record<string, unknown> = {};
  if (scope.siteId) (where += ' and a.site_id = :site'), (params.site = scope.siteId);
  if (scope.siteIds) (where += ' and a.site_id in (select value from json_each(:sites))'), (params.sites = JSON.stringify(scope.siteIds));
  if (scope.priority) (where += ' and c.priority = :priority'), (params.priority = scope.priority);
  return { where, params };
}

/**
 * Most urgent first, then the oldest need first. Each priority is one range of the open-needs
 * index in age order, so a page is the streams read one after the other, never a sort of them all.
 */
export function backlogItems(sqlite: Database.Database, scope: BacklogScope, page: { limit: number; after?: BacklogCursor }) {
  const { where, params } = scopeSql({ ...scope, priority: undefined }); // the priority filter picks the stream instead
  const rank = (p: NeedPriority) => NEED_PRIORITIES.length - NEED_PRIORITIES.indexOf(p);
  const found: { checkId: number; rank: number; at: string }[] = [];
  for (const p of NEED_PRIORITIES) {
    if (scope.priority && scope.priority !== p) continue;
    const r = rank(p);
    if (page.after && r > page.after.rank) continue;
    const keyset = page.after && r === page.after.rank ? 'and (c.checked_at > :kAt or (c.checked_at = :kAt and c.id > :kId))' : '';
    const rows = sqlite
      .prepare(
        `select c.id as checkId, c.checked_at as at from condition_checks c join artworks a on a.id = c.artwork_id
          where c.priority = :p and c.priority <> 'none' and c.resolved_at is null and c.superseded_by_id is null and a.status <> 'deaccessioned' ${where} ${keyset}
          order by c.checked_at, c.id limit :limit`,
      )
      .all({ ...params, p, limit: page.limit + 1 - found.length, ...(keyset ? { kAt: page.after!.at, kId: page.after!.id } : {}) }) as { checkId: number; at: string }[];
    found.push(...rows.map((x) => ({ ...x, rank: r })));
    if (found.length > page.limit) break;
  }
  const pageRows = found.slice(0, page.limit);
  const rows = sqlite
    .prepare(
      `select c.id as checkId, a.id as artworkId, a.inventory_number as inventoryNumber, a.title, a.site_id as siteId, s.name as siteName,
              c.checked_at as checkedAt, c.grade, c.priority, c.damage_types as damageTypes, c.recommended_action as recommendedAction,
              coalesce(t.cost_estimate, c.estimated_cost) as estimatedCost, t.id as treatmentId, t.status as treatmentStatus
         from condition_checks c join artworks a on a.id = c.artwork_id left join locations s on s.id = a.site_id
         left join conservation_treatments t on t.id = (${OPEN_TREATMENT})
        where c.id in (select value from json_each(:ids))`,
    )
    .all({ ids: JSON.stringify(pageRows.map((r) => r.checkId)) }) as (Omit<BacklogItem, 'damageTypes' | 'treatment'> & {
    damageTypes: string;
    treatmentId: number | null;
    treatmentStatus: string | null;
  })[];
  const byId = new Map(rows.map((r) => [r.checkId, r]));
  const items: BacklogItem[] = pageRows.map((p) => {
    const { damageTypes, treatmentId, treatmentStatus, ...r } = byId.get(p.checkId)!;
    return { ...r, damageTypes: JSON.parse(damageTypes) as string[], treatment: treatmentId ? { id: treatmentId, status: treatmentStatus! } : null };
  });
  const last = pageRows.at(-1);
  return { items, next: found.length > page.limit && last ? ({ rank: last.rank, at: last.at, id: last.checkId } satisfies BacklogCursor) : null };
}

type Totals = { count: number; estimatedCost: number; unestimated: number };

/** Totals per priority and per site (each site also split by priority). */
export function backlogTotals(sqlite: Database.Database, scope: BacklogScope) {
  const { where, params } = scopeSql(scope);
  const rows = sqlite
    .prepare(
      `select a.site_id as siteId, c.priority, count(*) as count, coalesce(sum(coalesce(t.cost_estimate, c.estimated_cost)), 0) as estimatedCost,
              sum(coalesce(t.cost_estimate, c.estimated_cost) is null) as unestimated
         ${OPEN_NEEDS} ${where} group by a.site_id, c.priority`,
    )
    .all(params) as (Totals & { siteId: number | null; priority: NeedPriority })[];
  const add = (t: Totals, r: Totals): Totals => ({ count: t.count + r.count, estimatedCost: t.estimatedCost + r.estimatedCost, unestimated: t.unestimated + r.unestimated });
  const zero = (): Totals => ({ count: 0, estimatedCost: 0, unestimated: 0 });
  let total = zero();
  const byPriority = Object.fromEntries(NEED_PRIORITIES.map((p) => [p, zero()])) as Record<NeedPriority, Totals>;
  const sites = new Map<number | null, Totals & { byPriority: Record<NeedPriority, Totals> }>();
  for (const r of rows) {
    total = add(total, r);
    byPriority[r.priority] = add(byPriority[r.priority], r);
    const s = sites.get(r.siteId) ?? { ...zero(), byPriority: Object.fromEntries(NEED_PRIORITIES.map((p) => [p, zero()])) as Record<NeedPriority, Totals> };
    Object.assign(s, add(s, r));
    s.byPriority[r.priority] = add(s.byPriority[r.priority], r);
    sites.set(r.siteId, s);
  }
  const names = new Map(
    (sqlite.prepare('select id, name from locations where id in (select value from json_each(?))').all(JSON.stringify([...sites.keys()].filter((k) => k != null))) as { id: number; name: string }[]).map((r) => [r.id, r.name]),
  );
  const bySite = [...sites]
    .map(([siteId, s]) => ({ siteId, siteName: siteId == null ? null : (names.get(siteId) ?? null), ...s }))
    .sort((x, y) => y.byPriority.urgent.count - x.byPriority.urgent.count || y.estimatedCost - x.estimatedCost);
  return { total, byPriority, bySite };
}
