// Map clusters for the whole county at every zoom, without and with search filters: in process
// (the index query itself) and over HTTP (what the browser waits for). Targets: p95 < 5 ms without
// filters, < 50 ms with them.
import type { AuthUser } from '../../server/users/auth.js';
import { workFilter } from '../../server/map/map.filters.js';
import { MapIndex } from '../../server/map/map.index.js';
import { createMapService } from '../../server/map/map.service.js';
import type { BenchCase, BenchFigure, BenchModule } from './harness.js';

const COUNTY: [number, number, number, number] = [17.2, 58.6, 19.4, 60.3];
const ZOOMS = [8, 9, 10, 11, 12, 13, 14, 15, 16];
const FILTERS: [string, Record<string, string>][] = [
  ['status', { status: 'in_place,missing' }],
  ['type', { type: 'painting,print' }],
  ['q', { q: 'olja' }],
  ['status+type+q', { status: 'in_place', type: 'painting', q: 'landskap' }],
];

const bench: BenchModule = async (ctx) => {
  const admin: AuthUser = { id: 0, email: 'bench', name: 'Bench', role: 'admin', siteIds: null, sessionHash: '', csrfToken: '' };
  const map = createMapService(ctx.deps);

  const t0 = performance.now();
  new MapIndex(ctx.db.$client, () => new Date()).reload();
  const buildMs = performance.now() - t0;
  map.clusters({ bbox: COUNTY, zoom: 8 }, null, admin); // warm the cached default view

  const cases: (BenchCase | BenchFigure)[] = [
    { name: 'map: index build (60k works → per-site aggregate)', figure: `${buildMs.toFixed(1)} ms once at start`, p50_ms: buildMs, p95_ms: buildMs, max_ms: buildMs },
  ];
  for (const zoom of ZOOMS)
    cases.push({ name: `map: clusters, county, zoom ${zoom}, no filter (in process)`, runs: 300, run: () => map.clusters({ bbox: COUNTY, zoom }, null, admin) });
  cases.push({
    name: 'map: clusters, county, zooms 8–16, no filter (HTTP)',
    runs: 300,
    run: async (i) => {
      const res = await fetch(`${ctx.baseUrl}/api/map/clusters?bbox=${COUNTY.join(',')}&zoom=${ZOOMS[i % ZOOMS.length]}`, { headers: ctx.authHeaders });
      if (res.status !== 200) throw new Error(`clusters: ${res.status}`);
      await res.arrayBuffer();
    },
  });
  // HTTP cases run back to back: a pause longer than the server's keep-alive (5 s) between them would
  // make the client reuse a socket the server is closing (ECONNRESET), which says nothing about the map.
  for (const [label, filters] of FILTERS) {
    cases.push({
      name: `map: clusters, county, zooms 8–16, ${label} (HTTP)`,
      runs: 150,
      run: async (i) => {
        const q = new URLSearchParams({ ...filters, bbox: COUNTY.join(','), zoom: String(ZOOMS[i % ZOOMS.length]) });
        const res = await fetch(`${ctx.baseUrl}/api/map/clusters?${q}`, { headers: ctx.authHeaders });
        if (res.status !== 200) throw new Error(`clusters ${label}: ${res.status}`);
        await res.arrayBuffer();
      },
    });
  }
  for (const [label, filters] of FILTERS)
    cases.push({
      name: `map: clusters, county, zooms 8–16, ${label} (in process)`,
      runs: 150,
      run: (i) => map.clusters({ bbox: COUNTY, zoom: ZOOMS[i % ZOOMS.length]! }, workFilter(ctx.deps, filters, admin), admin),
    });
  return cases;
};

export default bench;
