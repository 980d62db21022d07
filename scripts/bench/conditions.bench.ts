// Conditions benchmark (issue 8): the due list (target p95 < 15 ms at 60,000 works) for the whole
// collection and the largest site, through the query functions the route calls and over HTTP;
// the never-checked list, the backlog with totals, recording a check, the timeline and the PDF.
import { backlogItems, backlogTotals } from '../../server/conditions/backlog.queries.js';
import { recordCheck } from '../../server/conditions/conditions.service.js';
import { dueCounts, dueList, neverChecked, type DueScope } from '../../server/conditions/due.queries.js';
import { addDays, localDate } from '../../server/conditions/interval-policy.js';
import { artworkTimeline } from '../../server/timeline/timeline.queries.js';
import { percentile, type BenchModule } from './harness.js';

/** p50/p95 of the CPU time one call takes (process.cpuUsage): on a shared, loaded machine wall time mostly measures the queue for a core. */
function cpuFigure(name: string, runs: number, fn: () => unknown) {
  for (let i = 0; i < 20; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    fn();
    const d = process.cpuUsage(start);
    times.push((d.user + d.system) / 1000);
  }
  times.sort((a, b) => a - b);
  const r = (n: number) => Math.round(n * 1000) / 1000;
  return { name, runs, p50_ms: r(percentile(times, 50)), p95_ms: r(percentile(times, 95)), max_ms: r(times.at(-1)!), figure: 'CPU time per call, not wall time' };
}

const module: BenchModule = async (ctx) => {
  const sqlite = ctx.db.$client;
  const today = localDate(new Date());
  const horizon = addDays(today, 90);
  const largest = sqlite
    .prepare("select site_id as siteId, count(*) as n from artworks where status in ('in_place','in_storage','on_loan') and site_id is not null group by site_id order by n desc limit 1")
    .get() as { siteId: number; n: number };
  const whole: DueScope = { siteIds: null, today, horizon };
  const site: DueScope = { siteId: largest.siteId, siteIds: null, today, horizon };
  const dueSet = dueCounts(sqlite, whole).counts;
  const ids = sqlite.prepare("select id from artworks where status = 'in_place'").pluck().all() as number[];
  const pickId = () => ids[Math.floor(ctx.random() * ids.length)]!;
  const withHistory = sqlite.prepare('select artwork_id from condition_checks group by artwork_id order by count(*) desc limit 200').pluck().all() as number[];
  const get = async (path: string) => {
    // A keep-alive socket left idle by the in-process cases may be closed by the server just as it is
    // reused (ECONNRESET): retry such a request once.
    const res = await fetch(`${ctx.baseUrl}${path}`, { headers: ctx.authHeaders }).catch(() => fetch(`${ctx.baseUrl}${path}`, { headers: ctx.authHeaders }));
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    return res.arrayBuffer();
  };
  const rollback = new Error('rollback');

  return [
    {
      name: 'conditions: due list + counts, whole collection (page of 50)',
      runs: 500,
      run: () => (dueCounts(sqlite, whole), dueList(sqlite, whole, { limit: 50 })),
    },
    {
      name: `conditions: due list + counts, largest site (${largest.n.toLocaleString('en')} works)`,
      runs: 1000,
      run: () => (dueCounts(sqlite, site), dueList(sqlite, site, { limit: 50 })),
    },
    { name: 'conditions: GET /api/checks/due (whole collection, HTTP)', runs: 300, run: () => get('/api/checks/due') },
    { name: 'conditions: GET /api/checks/due?site= (largest site, HTTP)', runs: 500, run: () => get(`/api/checks/due?site=${largest.siteId}`) },
    { name: 'conditions: never-checked list, whole collection', runs: 500, run: () => neverChecked(sqlite, whole, { limit: 50 }) },
    {
      name: 'conditions: backlog + totals, whole collection',
      runs: 200,
      run: () => (backlogTotals(sqlite, { siteIds: null }), backlogItems(sqlite, { siteIds: null }, { limit: 50 })),
    },
    { name: 'conditions: GET /api/checks/backlog (HTTP)', runs: 200, run: () => get('/api/checks/backlog') },
    {
      name: 'conditions: record a check (recordCheck, rolled back)',
      runs: 1000,
      run: () => {
        try {
          sqlite.transaction(() => {
            recordCheck(sqlite, { artworkId: pickId(), grade: 2, damageTypes: ['dust'], priority: 'routine' }, { userId: null, now: new Date() });
            throw rollback;
          })();
        } catch (err) {
          if (err !== rollback) throw err;
        }
      },
    },
    { name: 'conditions: timeline of a work with a long history', runs: 1000, run: (i) => artworkTimeline(sqlite, withHistory[i % withHistory.length]!) },
    { name: 'conditions: GET /api/artworks/:id/report.pdf (HTTP)', runs: 40, warmup: 3, run: (i) => get(`/api/artworks/${withHistory[i % withHistory.length]}/report.pdf`) },
    cpuFigure('conditions: due list + counts, whole collection — CPU time', 500, () => (dueCounts(sqlite, whole), dueList(sqlite, whole, { limit: 50 }))),
    cpuFigure('conditions: due list + counts, largest site — CPU time', 500, () => (dueCounts(sqlite, site), dueList(sqlite, site, { limit: 50 }))),
    { name: 'conditions: due set size at this scale', figure: `${dueSet.overdue.toLocaleString('en')} overdue, ${dueSet.dueSoon.toLocaleString('en')} due within 90 days, ${dueSet.never.toLocaleString('en')} never checked` },
  ];
};

export default module;
