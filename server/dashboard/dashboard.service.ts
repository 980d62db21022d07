// GET /api/dashboard: the state of the collection at a glance. Every work count is made by the
// search itself (countArtworks over its in-memory columns) with the very filters the figure's link
// carries, so a number and the list behind it cannot disagree. Only the backlog's costs, the grade
// trend, the missing follow-up and the recent changes come from SQL.
//
// The figures are kept per user scope until anything is written: every write adds an audit row in
// its own transaction, artwork writes bump the search index's generation, and writes from another
// process change SQLite's data_version. Reading those three is the whole cost of a repeated call.
import type Database from 'better-sqlite3';
import type { Deps } from '../deps.js';
import type { AuthUser } from '../users/auth.js';
import { backlogTotals, NEED_PRIORITIES } from '../conditions/backlog.queries.js';
import { CHECKABLE_STATUSES } from '../conditions/due.queries.js';
import { addMonths, localDate } from '../conditions/interval-policy.js';
import { followedWorks, missingCounts } from '../missing/missing.queries.js';
import { searchEngine } from '../search/search.engine.js';
import { countArtworks } from '../search/search.service.js';
import { INCOMPLETE_FIELDS, SEARCH_STATUSES, type SearchFilters } from '../search/search.schema.js';
import type { DashboardResponse, Figure } from './dashboard.schema.js';
import { gradeTrend } from './dashboard.trend.js';

/** The collection: every work not deaccessioned. */
export const COLLECTION_STATUSES = SEARCH_STATUSES.filter((s) => s !== 'deaccessioned');
/** Query-string order of the filters, so links read the same everywhere. */
const KEY_ORDER = ['site', 'status', 'grade', 'due', 'checkedSince', 'notCheckedSince', 'need', 'incomplete', 'hasImage'] as const;

/** "status=in_place,in_storage&due=overdue": the filters as the search's query string (commas unescaped). */
export function searchQuery(f: SearchFilters): string {
  const parts: string[] = [];
  const rec = f as Record<string, unknown>;
  for (const k of KEY_ORDER) {
    const v = rec[k];
    if (v === undefined) continue;
    const text = Array.isArray(v) ? v.map(String).join(',') : String(v);
    parts.push(`${k}=${encodeURIComponent(text).replace(/%2C/gi, ',')}`);
  }
  return parts.join('&');
}

type Cached = { version: string; body: DashboardResponse };
const caches = new WeakMap<Deps, { entries: Map<string, Cached>; version: () => string }>();
const MAX_SCOPES = 64;

function cacheOf(deps: Deps) {
  let c = caches.get(deps);
  if (!c) {
    const sqlite = deps.db.$client;
    const maxAudit = sqlite.prepare('select coalesce(max(id), 0) from audit_log').pluck();
    const dataVersion = sqlite.prepare('pragma data_version').pluck();
    const version = () => `${searchEngine(deps).cols.generation}:${maxAudit.get()}:${dataVersion.get()}:${localDate(deps.clock.now())}`;
    caches.set(deps, (c = { entries: new Map(), version }));
  }
  return c;
}

export function dashboard(deps: Deps, user: AuthUser, site: { id: number; name: string } | null): DashboardResponse {
  const t0 = performance.now();
  const cache = cacheOf(deps);
  const version = cache.version();
  const key = `${user.siteIds?.join(',') ?? '*'}|${site?.id ?? ''}`;
  const hit = cache.entries.get(key);
  if (hit && hit.version === version) return { ...hit.body, timing: { ...hit.body.timing, ms: Math.round((performance.now() - t0) * 100) / 100, cache: 'hit' } };
  const body = compute(deps, user, site);
  body.timing.ms = Math.round((performance.now() - t0) * 10) / 10;
  cache.entries.delete(key);
  cache.entries.set(key, { version, body });
  if (cache.entries.size > MAX_SCOPES) cache.entries.delete(cache.entries.keys().next().value!);
  return body;
}

function compute(deps: Deps, user: AuthUser, site: { id: number; name: string } | null): DashboardResponse {
  const sqlite = deps.db.$client;
  const now = deps.clock.now();
  const today = localDate(now);
  const scope: SearchFilters = site ? { site: [site.id] } : {};
  const figure = (f: SearchFilters): Figure => {
    const filters = { ...scope, ...f };
    return { count: countArtworks(deps, filters, user).total, search: searchQuery(filters) };
  };

  // One pass over the collection gives status, site and grade at once (the facets).
  const collectionFilters: SearchFilters = { ...scope, status: [...COLLECTION_STATUSES] };
  const all = countArtworks(deps, collectionFilters, user, ['status', 'site', 'grade']);
  const collection = { count: all.total, search: searchQuery(collectionFilters) };
  const statusCount = new Map((all.facets.status ?? []).map((b) => [b.value, b.count]));
  const byStatus = SEARCH_STATUSES.map((status) =>
    status === 'deaccessioned' ? { status, ...figure({ status: [status] }) } : { status, count: statusCount.get(status) ?? 0, search: searchQuery({ ...scope, status: [status] }) },
  );
  const bySite = (all.facets.site ?? []).map((b) => ({
    siteId: b.value as number | null,
    siteName: b.value == null ? null : (b.label ?? null),
    count: b.count,
    // Works with no place (on loan, some missing) have no site filter to link to.
    search: b.value == null ? '' : searchQuery({ site: [b.value as number], status: [...COLLECTION_STATUSES] }),
  }));
  const gradeCount = new Map((all.facets.grade ?? []).map((b) => [b.value, b.count]));
  const grades = ([1, 2, 3, 4, null] as const).map((g) => ({
    grade: g,
    count: gradeCount.get(g) ?? 0,
    search: searchQuery({ ...collectionFilters, grade: [g ?? 'none'] }),
  }));

  const checkable: SearchFilters = { status: [...CHECKABLE_STATUSES] };
  const checks = {
    overdue: figure({ ...checkable, due: ['overdue'] }),
    due30: figure({ ...checkable, due: ['due30'] }),
    due90: figure({ ...checkable, due: ['due90'] }),
    never: figure({ ...checkable, due: ['never'] }),
  };
  const since = addMonths(today, -12);
  const of = figure(checkable);
  const checked = figure({ ...checkable, checkedSince: since });
  // Every checkable work is either checked since then or not: no third count needed.
  const notChecked = { count: of.count - checked.count, search: searchQuery({ ...scope, ...checkable, notCheckedSince: since }) };
  const checked12m = { since, checked, notChecked, of, share: of.count ? checked.count / of.count : 0 };

  const totals = backlogTotals(sqlite, { siteId: site?.id, siteIds: user.siteIds });
  // The backlog counts works with an open need (one standing check each): the search's need filter lists them.
  const backlog = {
    total: { count: totals.total.count, search: searchQuery({ ...scope, need: [...NEED_PRIORITIES] }) },
    byPriority: NEED_PRIORITIES.map((priority) => ({
      priority,
      count: totals.byPriority[priority].count,
      search: searchQuery({ ...scope, need: [priority] }),
      estimatedCost: totals.byPriority[priority].estimatedCost,
      unestimated: totals.byPriority[priority].unestimated,
    })),
    estimatedCost: totals.total.estimatedCost,
    unestimated: totals.total.unestimated,
  };

  const quality = {
    any: figure({ status: [...COLLECTION_STATUSES], incomplete: [...INCOMPLETE_FIELDS] }),
    items: INCOMPLETE_FIELDS.map((gap) => ({ gap, ...figure({ status: [...COLLECTION_STATUSES], incomplete: [gap] }) })),
  };

  const followed = followedWorks(sqlite, { siteId: site?.id, siteIds: user.siteIds, today, policeWeeks: deps.config.missingPoliceReportWeeks });
  const mc = missingCounts(followed);

  const e = searchEngine(deps);
  const trendSites = site ? [site.id] : user.siteIds;
  const { trend, source } = gradeTrend(deps, String(e.cols.generation), Number(today.slice(0, 4)), trendSites);

  return {
    today,
    site,
    collection,
    byStatus,
    bySite,
    grades,
    gradeTrend: trend,
    checks,
    checked12m,
    backlog,
    quality,
    missing: { count: mc.total, policeReportDue: mc.policeReportDue },
    projects: projectBudgets(sqlite, site ? [site.id] : user.siteIds),
    recent: recentChanges(sqlite, site ? [site.id] : user.siteIds),
    timing: { ms: 0, cache: 'miss', trend: source },
  };
}

/** Open art projects (not closed), the largest budgets first; money committed = contracted proposals. */
function projectBudgets(sqlite: Database.Database, sites: readonly number[] | null, limit = 8): DashboardResponse['projects'] {
  const rows = sqlite
    .prepare(
      `select p.id, p.name, s.name as siteName, p.phase, coalesce(p.budget_override, p.computed_budget) as budget,
              coalesce((select sum(coalesce(x.contracted_cost, 0)) from proposals x where x.project_id = p.id and x.status in ('contracted', 'in_production', 'installed')), 0) as committed
         from projects p left join locations s on s.id = p.site_id
        where p.phase <> 'closed' and (? is null or p.site_id in (select value from json_each(?)))
        order by budget desc, p.id`,
    )
    .all(sites ? 1 : null, sites ? JSON.stringify(sites) : '[]') as DashboardResponse['projects']['items'];
  return { items: rows.slice(0, limit), budget: rows.reduce((t, r) => t + r.budget, 0), committed: rows.reduce((t, r) => t + r.committed, 0), count: rows.length };
}

const ACTIONS_SKIPPED = new Set(['schedule_recheck']);

/** The latest changes to works, their condition checks and treatments (the audit log), newest first. */
function recentChanges(sqlite: Database.Database, sites: readonly number[] | null, limit = 12): DashboardResponse['recent'] {
  const rows = sqlite
    .prepare(
      `select l.at, l.action, l.entity_type as entity, a.id as artworkId, a.inventory_number as inventoryNumber, a.title, u.name as userName, l.after
         from audit_log l
         left join condition_checks c on l.entity_type = 'condition_check' and c.id = l.entity_id
         left join conservation_treatments t on l.entity_type = 'treatment' and t.id = l.entity_id
         join artworks a on a.id = case l.entity_type when 'artwork' then l.entity_id when 'condition_check' then c.artwork_id else t.artwork_id end
         left join users u on u.id = l.user_id
        where l.entity_type in ('artwork', 'condition_check', 'treatment') and l.action not in (${[...ACTIONS_SKIPPED].map((a) => `'${a}'`).join(',')})
          and (? is null or a.site_id in (select value from json_each(?)))
        order by l.id desc limit ?`,
    )
    .all(sites ? 1 : null, sites ? JSON.stringify(sites) : '[]', limit) as (Omit<DashboardResponse['recent'][number], 'fields'> & { after: string | null })[];
  return rows.map(({ after, ...r }) => ({ ...r, fields: after ? Object.keys(JSON.parse(after) as object).slice(0, 6) : [] }));
}
