// Catalogue benchmark (issue 5): the artwork detail view (target p95 < 5 ms server-side) through the same
// query functions the route calls and over HTTP, plus history questions, the location tree and a batch preview.
import { artworkDetail, getArtwork } from '../../server/artworks/artworks.queries.js';
import { previewBatch } from '../../server/batches/batches.service.js';
import { subtreeCounts } from '../../server/locations/locations.queries.js';
import { contentsAt, locationAt } from '../../server/movements/movements.queries.js';
import type { AuthUser } from '../../server/users/auth.js';
import { percentile, type BenchModule } from './harness.js';

const admin: AuthUser = { id: 0, email: 'bench@konstkoll.local', name: 'Bench', role: 'admin', siteIds: null, sessionHash: '', csrfToken: '' };

const module: BenchModule = async (ctx) => {
  const sqlite = ctx.db.$client;
  const ids = sqlite.prepare('select id from artworks').pluck().all() as number[];
  const pickId = () => ids[Math.floor(ctx.random() * ids.length)]!;
  const sites = sqlite.prepare("select path from locations where kind = 'site'").pluck().all() as string[];
  const rooms = sqlite.prepare("select path from locations where kind = 'room' limit 2000").pluck().all() as string[];
  const dates = ['2015-06-01', '2019-01-15', '2022-09-30', new Date().toISOString().slice(0, 10)];
  const userId = sqlite.prepare('select id from users order by id limit 1').pluck().get() as number;
  const user = { ...admin, id: userId };
  const inPlace = sqlite.prepare("select id from artworks where status = 'in_place' limit 1000").pluck().all() as number[];

  const serverMs: number[] = [];
  let calls = 0;
  const at = (p: number) => percentile([...serverMs].sort((a, b) => a - b), p);
  return [
    { name: 'catalogue: artwork detail (query functions)', runs: 3000, run: () => artworkDetail(sqlite, getArtwork(sqlite, pickId())) },
    {
      name: 'catalogue: GET /api/artworks/:id over HTTP (incl. client)',
      runs: 1000,
      run: async () => {
        const res = await fetch(`${ctx.baseUrl}/api/artworks/${pickId()}`, { headers: ctx.authHeaders });
        if (res.status !== 200) throw new Error(`detail answered ${res.status}`);
        const timing = /app;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '');
        if (timing && ++calls > 20) serverMs.push(Number(timing[1])); // the first 20 are the warm-up
        await res.arrayBuffer();
      },
    },
    // The server's own time for the same requests (Server-Timing: request in → response head out, all middleware
    // included); a figure read after the HTTP case has run, so the getters see its samples.
    {
      name: 'catalogue: GET /api/artworks/:id server-side (Server-Timing)',
      get figure() {
        return `server-side over ${serverMs.length} requests`;
      },
      get runs() {
        return serverMs.length;
      },
      get p50_ms() {
        return at(50);
      },
      get p95_ms() {
        return at(95);
      },
      get max_ms() {
        return at(100);
      },
    },
    { name: 'catalogue: where was work X on date D', runs: 2000, run: () => locationAt(sqlite, pickId(), dates[Math.floor(ctx.random() * dates.length)]!) },
    { name: 'catalogue: what hung in room R on date D', runs: 1000, run: () => contentsAt(sqlite, rooms[Math.floor(ctx.random() * rooms.length)]!, dates[Math.floor(ctx.random() * dates.length)]!) },
    { name: 'catalogue: what was at site S on date D (whole site)', runs: 50, warmup: 3, run: () => contentsAt(sqlite, sites[Math.floor(ctx.random() * sites.length)]!, dates[1]!) },
    { name: 'catalogue: location tree work counts (all nodes)', runs: 50, warmup: 3, run: () => subtreeCounts(sqlite) },
    {
      name: 'catalogue: batch preview, 1,000 works (flag, rolled back)',
      runs: 10,
      warmup: 1,
      run: (i: number) => previewBatch(sqlite, inPlace, { op: 'flag', flag: i % 2 ? 'glazed' : 'cleanable', value: true }, user, new Date().toISOString()),
    },
  ];
};

export default module;
