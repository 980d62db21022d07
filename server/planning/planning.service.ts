// The yearly round plan: which sites to walk in which month so that every work is checked by its due
// month, given round hours per month and works checked per hour.
//
// Each work due by the end of the year gets a deadline month (overdue and never-checked works: the
// first month planned). Months are filled earliest deadline first. A backward pass first works out
// how many works each month must take beyond its own deadlines so that the busy months later in the
// year still fit (pulling forward the earliest deadlines, works of sites already visited that month
// first); a month with room left also takes the works of the sites it visits that fall due within the
// next two months, so a site is not walked twice in a row. What the year's capacity cannot hold is
// reported as the shortfall, in works and hours.
import type Database from 'better-sqlite3';
import { CHECKABLE_STATUSES } from '../conditions/due.queries.js';
import type { PlanMonth, PlanVisit, YearPlan } from './planning.schema.js';

type Work = { id: number; siteId: number | null; due: string | null; deadline: number };
export type PlanInput = { year: number; fromMonth: number; hoursPerMonth: number; worksPerHour: number; siteIds: number[] | null; site?: number; includeWorks?: boolean };

const PULL_AHEAD_MONTHS = 2;

export function dueWorks(sqlite: Database.Database, i: Pick<PlanInput, 'year' | 'fromMonth' | 'siteIds' | 'site'>): Work[] {
  const rows = sqlite
    .prepare(
      `select a.id, a.site_id as siteId, a.next_check_due as due from artworks a
        where +a.status in (${CHECKABLE_STATUSES.map((s) => `'${s}'`).join(',')})
          and (a.next_check_due <= :end or (a.next_check_due is null and a.last_check_at is null))
          and (:site is null or a.site_id = :site) and (:sites is null or a.site_id in (select value from json_each(:sites)))`,
    )
    .all({ end: `${i.year}-12-31`, site: i.site ?? null, sites: i.siteIds ? JSON.stringify(i.siteIds) : null }) as Omit<Work, 'deadline'>[];
  const start = `${i.year}-${String(i.fromMonth).padStart(2, '0')}-01`;
  return rows.map((w) => ({ ...w, deadline: !w.due || w.due < start ? i.fromMonth : Number(w.due.slice(5, 7)) }));
}

export function planYear(sqlite: Database.Database, i: PlanInput): YearPlan {
  const works = dueWorks(sqlite, i);
  const capacity = Math.floor(i.hoursPerMonth * i.worksPerHour);
  const siteNames = new Map((sqlite.prepare("select id, name from locations where kind = 'site'").all() as { id: number; name: string }[]).map((s) => [s.id, s.name]));
  // Plain string order for ISO dates (localeCompare costs ~1 µs a call: half a second over the collection).
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const byDeadline = (a: Work, b: Work) => a.deadline - b.deadline || (a.siteId ?? 0) - (b.siteId ?? 0) || cmp(a.due ?? '', b.due ?? '') || a.id - b.id;

  // need[m]: works with deadlines m…12 that months m…12 cannot hold, so earlier months must take them.
  const load = new Array<number>(14).fill(0);
  for (const w of works) load[w.deadline]!++;
  const need = new Array<number>(14).fill(0);
  for (let m = 12; m >= i.fromMonth; m--) need[m] = Math.max(0, load[m]! + need[m + 1]! - capacity);

  let remaining = [...works].sort(byDeadline);
  const months: PlanMonth[] = [];
  let late = 0;
  for (let m = i.fromMonth; m <= 12; m++) {
    const taken: Work[] = [];
    const takenIds = new Set<number>();
    const take = (w: Work) => {
      taken.push(w);
      takenIds.add(w.id);
    };
    // Everything due by now, earliest first (what does not fit is late and stays first in line).
    for (const w of remaining) {
      if (w.deadline > m || taken.length >= capacity) break;
      take(w);
    }
    const visited = new Set(taken.map((w) => w.siteId));
    const later = remaining.filter((w) => !takenIds.has(w.id));
    // Room for the later months' overflow: earliest deadlines, sites already on this month's walk first.
    let pull = Math.min(capacity - taken.length, need[m + 1]!);
    // `later` is in deadline order: walk it one deadline at a time, visited sites first (no sort).
    for (let start = 0; pull > 0 && start < later.length; ) {
      let end = start;
      while (end < later.length && later[end]!.deadline === later[start]!.deadline) end++;
      const group = later.slice(start, end);
      const seen = new Set(visited);
      for (const w of [...group.filter((x) => seen.has(x.siteId)), ...group.filter((x) => !seen.has(x.siteId))]) {
        if (pull <= 0) break;
        take(w);
        visited.add(w.siteId);
        pull--;
      }
      start = end;
    }
    // Same walk, works due soon after: saves a second visit.
    for (const w of later) {
      if (taken.length >= capacity) break;
      if (takenIds.has(w.id) || w.deadline > m + PULL_AHEAD_MONTHS || !visited.has(w.siteId)) continue;
      take(w);
    }
    remaining = remaining.filter((w) => !takenIds.has(w.id));
    const visits = new Map<number | null, PlanVisit>();
    for (const w of taken) {
      let v = visits.get(w.siteId);
      if (!v) visits.set(w.siteId, (v = { siteId: w.siteId, siteName: w.siteId == null ? null : (siteNames.get(w.siteId) ?? null), works: 0, late: 0, early: 0, earliestDue: null, ...(i.includeWorks ? { artworkIds: [] } : {}) }));
      v.works++;
      if (w.deadline < m) v.late++;
      if (w.deadline > m) v.early++;
      if (w.due && (!v.earliestDue || w.due < v.earliestDue)) v.earliestDue = w.due;
      v.artworkIds?.push(w.id);
    }
    const monthLate = taken.filter((w) => w.deadline < m).length;
    late += monthLate;
    months.push({
      month: m,
      capacity,
      planned: taken.length,
      hours: Math.round((taken.length / i.worksPerHour) * 10) / 10,
      visits: [...visits.values()].sort((a, b) => b.works - a.works || (a.siteName ?? '').localeCompare(b.siteName ?? '', 'sv')),
    });
  }
  const shortBySite = new Map<number | null, number>();
  for (const w of remaining) shortBySite.set(w.siteId, (shortBySite.get(w.siteId) ?? 0) + 1);
  return {
    year: i.year,
    fromMonth: i.fromMonth,
    hoursPerMonth: i.hoursPerMonth,
    worksPerHour: i.worksPerHour,
    capacityPerMonth: capacity,
    dueWorks: works.length,
    planned: works.length - remaining.length,
    late,
    shortfall: {
      works: remaining.length,
      hours: Math.round((remaining.length / i.worksPerHour) * 10) / 10,
      bySite: [...shortBySite].map(([siteId, n]) => ({ siteId, siteName: siteId == null ? null : (siteNames.get(siteId) ?? null), works: n })).sort((a, b) => b.works - a.works),
    },
    months,
  };
}
