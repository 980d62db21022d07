// Condition grade per year: for each of the last ten years, how many works stood at each grade at the
// end of that year (this year: today), from the history of condition checks (corrected checks left out).
// A full pass over the checks costs a few hundred milliseconds at 60,000 works, so the result is kept
// per app and recomputed in the background after changes, at most once a minute (a yearly trend may be a
// minute stale; it is never slow, and a burst of writes does not recompute it for each one).
import type Database from 'better-sqlite3';
import type { Deps } from '../deps.js';

export const TREND_YEARS = 10;

/** Per site id (0 = no site): counts[yearIndex * 4 + grade - 1]. */
type Trend = { firstYear: number; bySite: Map<number, Int32Array> };
type Entry = { key: string; trend: Trend; refreshing: boolean; at: number };

const REFRESH_MS = 60_000;

const cache = new WeakMap<Deps, Entry>();

export function computeTrend(sqlite: Database.Database, lastYear: number): Trend {
  const firstYear = lastYear - TREND_YEARS + 1;
  const bySite = new Map<number, Int32Array>();
  const rows = sqlite
    .prepare(
      `select c.artwork_id, cast(substr(c.checked_at, 1, 4) as integer), c.grade, coalesce(a.site_id, 0)
         from condition_checks c join artworks a on a.id = c.artwork_id
        where a.status <> 'deaccessioned' and not exists (select 1 from condition_checks x where x.corrects_check_id = c.id)
        order by c.artwork_id, c.checked_at, c.id`,
    )
    .raw();
  let work = -1;
  let site = 0;
  // Grade recorded per year index for the current work (last check of that year wins); 0 = none.
  const byYear = new Int8Array(TREND_YEARS);
  let before = 0;
  const flush = () => {
    if (work < 0) return;
    let counts = bySite.get(site);
    if (!counts) bySite.set(site, (counts = new Int32Array(TREND_YEARS * 4)));
    let g = before;
    for (let y = 0; y < TREND_YEARS; y++) {
      if (byYear[y]) g = byYear[y]!;
      if (g) counts[y * 4 + g - 1]!++;
    }
  };
  for (const [id, year, grade, siteId] of rows.iterate() as IterableIterator<[number, number, number, number]>) {
    if (id !== work) {
      flush();
      work = id;
      site = siteId;
      byYear.fill(0);
      before = 0;
    }
    const y = year - firstYear;
    if (y < 0) before = grade;
    else if (y < TREND_YEARS) byYear[y] = grade;
  }
  flush();
  return { firstYear, bySite };
}

/** The trend for these sites (null = all), from the cache; `key` says when the cache is out of date. */
export function gradeTrend(deps: Deps, key: string, lastYear: number, sites: readonly number[] | null): { trend: { year: number; grades: [number, number, number, number] }[]; source: 'cached' | 'computed' | 'stale' } {
  let entry = cache.get(deps);
  let source: 'cached' | 'computed' | 'stale' = 'cached';
  const fullKey = `${lastYear}:${key}`;
  if (!entry || entry.trend.firstYear !== lastYear - TREND_YEARS + 1) {
    entry = { key: fullKey, trend: computeTrend(deps.db.$client, lastYear), refreshing: false, at: Date.now() };
    cache.set(deps, entry);
    source = 'computed';
  } else if (entry.key !== fullKey) {
    source = 'stale';
    if (!entry.refreshing) {
      entry.refreshing = true;
      const e = entry;
      const timer = setTimeout(() => {
        try {
          // The key as it stands when the pass starts: later writes make it stale again.
          if (deps.db.$client.open) Object.assign(e, { key: fullKey, trend: computeTrend(deps.db.$client, lastYear), at: Date.now() });
        } finally {
          e.refreshing = false;
        }
      }, Math.max(0, e.at + REFRESH_MS - Date.now()));
      timer.unref();
    }
  }
  const { firstYear, bySite } = entry.trend;
  const sum = new Int32Array(TREND_YEARS * 4);
  for (const [site, counts] of bySite) {
    if (sites && !sites.includes(site)) continue;
    for (let i = 0; i < sum.length; i++) sum[i]! += counts[i]!;
  }
  const trend = Array.from({ length: TREND_YEARS }, (_, y) => ({ year: firstYear + y, grades: [sum[y * 4]!, sum[y * 4 + 1]!, sum[y * 4 + 2]!, sum[y * 4 + 3]!] as [number, number, number, number] }));
  return { trend, source };
}

/** Drops the cached trend (tests that write checks and read the trend at once). */
export function forgetTrend(deps: Deps): void {
  cache.delete(deps);
}
