// Rounds benchmark (issue 9): planning a round over the biggest hospital (walking order of every
// expected work), reading it back over HTTP, recording a result, and a label sheet for a floor.
import { labelWorks } from '../../server/labels/labels.routes.js';
import { labelsPdf, workUrl } from '../../server/labels/labels.pdf.js';
import { findLocation } from '../../server/locations/locations.queries.js';
import { expectedWorks, planRound } from '../../server/rounds/rounds.planning.js';
import { findRound } from '../../server/rounds/rounds.queries.js';
import { recordResult } from '../../server/rounds/rounds.results.js';
import type { AuthUser } from '../../server/users/auth.js';
import type { BenchModule } from './harness.js';

/** Thrown to roll a measured write back, so runs do not pile up rounds in the bench database. */
class Rollback extends Error {}
const rolledBack = (sqlite: import('better-sqlite3').Database, fn: () => void) => {
  try {
    sqlite.transaction(() => {
      fn();
      throw new Rollback();
    })();
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
};

/** The synchronous cases before this one can hold the event loop past the keep-alive timeout, so a pooled
 *  socket may already be closed by the server: retry once on a reset connection. */
async function fetchOnce(url: string, headers: Record<string, string>): Promise<Response> {
  try {
    return await fetch(url, { headers });
  } catch (err) {
    if ((err as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw err;
    return fetch(url, { headers });
  }
}

const module: BenchModule = async (ctx) => {
  const sqlite = ctx.db.$client;
  const userId = sqlite.prepare('select id from users order by id limit 1').pluck().get() as number;
  const user: AuthUser = { id: userId, email: 'bench@konstkoll.local', name: 'Bench', role: 'admin', siteIds: null, sessionHash: '', csrfToken: '' };
  const biggest = sqlite
    .prepare(
      `select s.id, count(*) as n from artworks a join locations s on s.id = a.site_id
        where s.site_type = 'hospital' and a.status in ('in_place', 'in_storage') group by s.id order by n desc limit 1`,
    )
    .get() as { id: number; n: number };
  const site = findLocation(sqlite, biggest.id)!;
  const floor = sqlite
    .prepare(
      `select f.id, count(*) as n from artworks a join locations r on r.id = a.location_id join locations f on f.id = r.parent_id
        where f.kind = 'floor' and a.status <> 'deaccessioned' group by f.id order by n desc limit 1`,
    )
    .get() as { id: number; n: number };
  const today = new Date().toISOString().slice(0, 10);
  // One persisted round to read back and record into (results rolled back).
  const roundId = planRound(sqlite, { locationIds: [site.id], dueDate: today, name: 'Bench round' }, user, new Date());
  const round = findRound(sqlite, roundId)!;
  const itemIds = sqlite.prepare('select id from round_items where round_id = ?').pluck().all(roundId) as number[];
  let n = 0;

  return [
    { name: `rounds: walking order of the biggest hospital (${biggest.n} works)`, runs: 50, warmup: 3, run: () => expectedWorks(sqlite, [site]) },
    {
      name: `rounds: plan + write a round of ${biggest.n} works (rolled back)`,
      runs: 30,
      warmup: 3,
      run: () => rolledBack(sqlite, () => planRound(sqlite, { locationIds: [site.id], dueDate: today }, user, new Date())),
    },
    {
      name: `rounds: GET /api/rounds/:id (${biggest.n} items with history) over HTTP`,
      runs: 50,
      warmup: 3,
      run: async () => {
        const res = await fetchOnce(`${ctx.baseUrl}/api/rounds/${roundId}`, ctx.authHeaders);
        if (res.status !== 200) throw new Error(`round answered ${res.status}`);
        await res.arrayBuffer();
      },
    },
    {
      name: 'rounds: record one "seen OK" (check + reconcile, rolled back)',
      runs: 300,
      run: () =>
        rolledBack(sqlite, () =>
          recordResult(sqlite, round, { itemId: itemIds[n++ % itemIds.length]!, outcome: 'seen_ok', recordedAt: new Date(Date.now() - 60_000).toISOString() }, `bench-${n}`, user, new Date()),
        ),
    },
    {
      name: `rounds: 3x8 QR label sheet PDF for the fullest floor (${floor.n} labels)`,
      runs: 10,
      warmup: 2,
      run: async () => {
        const works = labelWorks(sqlite, { location: floor.id, layout: '3x8', start: 1 }, user);
        await labelsPdf(works.map((w) => ({ inventoryNumber: w.inventoryNumber, title: w.title, artists: JSON.parse(w.artists), url: workUrl(ctx.baseUrl, w.inventoryNumber) })), '3x8', 1);
      },
    },
  ];
};

export default module;
