// Search benchmark (issue 6): the service functions the routes call, on the seeded database, plus
// one HTTP load figure (autocannon, 10 connections, mixed realistic searches).
import autocannon from 'autocannon';
import { parse } from '../../server/http/validate.js';
import { ArtworkSearchQuery, SuggestQuery } from '../../server/search/search.schema.js';
import { searchArtworks } from '../../server/search/search.service.js';
import { suggest } from '../../server/search/suggest.service.js';
import type { AuthUser } from '../../server/users/auth.js';
import { searchWarming } from '../../server/search/search.engine.js';
import { performance } from 'node:perf_hooks';
import { type BenchContext, type BenchModule } from './harness.js';

const admin: AuthUser = { id: 0, email: 'bench@konstkoll.local', name: 'Bench', role: 'admin', siteIds: null, sessionHash: '', csrfToken: '' };

/** What people type into the search box: one to six letters of common words in the demo data. */
function typedPrefixes(ctx: BenchContext): string[] {
  const titles = ctx.db.$client.prepare('select title from artworks where id % 97 = 0 limit 400').pluck().all() as string[];
  const out: string[] = [];
  for (const t of titles) {
    const word = t.split(/\s+/).find((w) => w.length >= 3);
    if (word) out.push(word.slice(0, 1 + Math.floor(ctx.random() * 6)));
  }
  return out;
}

function twoWordQueries(ctx: BenchContext): string[] {
  const rows = ctx.db.$client
    .prepare("select a.title, coalesce(a.technique, '') as technique from artworks a where a.id % 89 = 0 limit 300")
    .all() as { title: string; technique: string }[];
  return rows.map((r) => {
    const w1 = r.title.split(/\s+/)[0] ?? 'blå';
    const w2 = r.technique.split(/\s+/)[0] || 'olja';
    return `${w1} ${w2.slice(0, 4)}`;
  });
}

const module: BenchModule = async (ctx) => {
  const { deps } = ctx;
  const search = (query: Record<string, unknown>) => searchArtworks(deps, parse(ArtworkSearchQuery, query), admin);
  // The warm-up the server runs after start; the benchmark measures a warmed server.
  await waitForWarmUp(ctx);
  const prefixes = typedPrefixes(ctx);
  const twoWords = twoWordQueries(ctx);
  const sites = (ctx.db.$client.prepare("select id from locations where kind = 'site' order by id").pluck().all() as number[]).slice(0, 40);
  const statuses = ['in_place', 'in_storage', 'in_conservation', 'missing'];
  const pick = <T>(a: T[], i: number) => a[i % a.length]!;
  const ids = ctx.db.$client.prepare('select id from artworks where id % 7 = 0').pluck().all() as number[];

  // Page 100 of a broad list: walk the cursors once, then measure fetching that page.
  const deepCursors: string[] = [];
  for (const query of [{}, { status: 'in_place' }, { q: 'a' }]) {
    let cursor: string | undefined;
    for (let page = 1; page < 100; page++) {
      const r = search({ ...query, limit: '50', ...(cursor ? { cursor } : {}) });
      if (!r.nextCursor) break;
      cursor = r.nextCursor;
    }
    if (cursor) deepCursors.push(JSON.stringify({ ...query, cursor }));
  }

  const detail = ctx.db.$client.prepare('select * from artworks where id = ?');
  return [
    { name: 'search: typed prefix (1–6 letters)', run: (i: number) => search({ q: pick(prefixes, i) }) },
    { name: 'search: one letter ("s")', run: () => search({ q: 's' }) },
    { name: 'search: two-word query', run: (i: number) => search({ q: pick(twoWords, i) }) },
    { name: 'search: filter only (site + status)', run: (i: number) => search({ site: String(pick(sites, i)), status: pick(statuses, i) }) },
    { name: 'search: filter only, sort by title', run: (i: number) => search({ status: pick(statuses, i), sort: 'title' }) },
    { name: 'search: prefix + facets', run: (i: number) => search({ q: pick(prefixes, i), facets: 'status,type,site,grade,decade' }) },
    { name: 'search: everything + facets', run: () => search({ facets: 'status,type,site,grade,decade' }) },
    { name: 'search: deep page (page 100)', run: (i: number) => search(JSON.parse(pick(deepCursors, i))) },
    { name: 'suggest: prefix', run: (i: number) => suggest(deps, parse(SuggestQuery, { q: pick(prefixes, i) }), admin) },
    { name: 'artwork detail (row by id)', run: (i: number) => detail.get(pick(ids, i * 13)) },
    await httpLoad(ctx, prefixes, twoWords, sites),
  ];
};
export default module;

async function waitForWarmUp(ctx: BenchContext): Promise<void> {
  const t0 = performance.now();
  while (searchWarming(ctx.deps) && performance.now() - t0 < 300_000) await new Promise((r) => setTimeout(r, 50));
  console.log(`search warm-up finished ${Math.round(performance.now() - t0)} ms after the bench started`);
}

async function httpLoad(ctx: BenchContext, prefixes: string[], twoWords: string[], sites: number[]) {
  const requests: { method: 'GET'; path: string; headers: Record<string, string> }[] = [];
  for (let i = 0; i < 400; i++) {
    const kind = i % 5;
    const p = new URLSearchParams();
    if (kind === 0) p.set('q', prefixes[i % prefixes.length]!);
    if (kind === 1) p.set('q', twoWords[i % twoWords.length]!);
    if (kind === 2) (p.set('site', String(sites[i % sites.length])), p.set('status', 'in_place'));
    if (kind === 3) (p.set('q', prefixes[(i * 7) % prefixes.length]!), p.set('facets', 'status,type,site,grade,decade'));
    const path = kind === 4 ? `/api/suggest?q=${encodeURIComponent(prefixes[(i * 3) % prefixes.length]!)}` : `/api/artworks?${p}`;
    requests.push({ method: 'GET', path, headers: ctx.authHeaders });
  }
  // The load generator runs in a worker thread, so it does not share the server's event loop.
  const elu0 = performance.eventLoopUtilization();
  const result = await autocannon({ url: ctx.baseUrl, connections: 10, duration: 10, workers: 1, requests });
  // Busy time of the server's thread per request: what the load costs the server, whatever else runs on the machine.
  const elu = performance.eventLoopUtilization(elu0);
  const busyPerRequest = elu.active / Math.max(1, result.requests.total);
  const errors = result.non2xx + result.errors + result.timeouts;
  const l = result.latency as unknown as Record<string, number>;
  return {
    name: 'HTTP mixed searches (autocannon, 10 conn, 10 s)',
    figure: `${Math.round(result.requests.average)} req/s, p99 ${l.p99} ms, ${errors} errors; server thread busy ${busyPerRequest.toFixed(2)} ms/request, ${Math.round(elu.utilization * 100)} % utilised (p95 column: autocannon's p97.5)`,
    runs: result.requests.total,
    p50_ms: l.p50!,
    p95_ms: l.p97_5!,
    max_ms: l.max!,
  };
}

