// The import's helper thread (see import.parallel.ts): checks batches of rows that the import's thread has read, and
// builds new works' rows from kept plans ahead of the commit, on a read-only connection of its own, in a read
// transaction whose catalogue stamp must match the import's.
import { workerData, type MessagePort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { placementTarget, type PlacementTarget } from '../movements/movements.service.js';
import type { AuthUser } from '../users/auth.js';
import { evaluateBatch, readPlans, rowContext, type PlanChunk } from './import.batch.js';
import { Lookups } from './import.lookups.js';
import type { RowContext } from './import.rows.js';
import { catalogueStamp } from './import.stamp.js';
import { HELPER_DONE, HELPER_READY, type HelperReply, type HelperRequest, type PreparedChunk } from './import.parallel.js';
import { StageWriter } from './import.stage.js';
import { newRowParts, type PreparedNew } from './import.write.js';

const { port, shared } = workerData as { port: MessagePort; shared: SharedArrayBuffer };
const state = new Int32Array(shared);
const connections = new Map<string, Database.Database>();
let session = 0;
let sqlite: Database.Database | null = null;
let ctx: RowContext | null = null;
/** A part of a dry run's staging being written. */
let stager: StageWriter | null = null;
/** A commit's session: what its new works' rows are built from. */
let commit: { lookups: Lookups; user: AuthUser; at: string; withDoc: boolean; targets: Map<number, PlacementTarget | null> } | null = null;

const reply = (m: HelperReply) => port.postMessage(m);
/** One more request handled (whatever its outcome): the import's thread waits on this count. */
const handled = () => {
  Atomics.add(state, HELPER_DONE, 1);
  Atomics.notify(state, HELPER_DONE);
};

function connection(file: string): Database.Database {
  let c = connections.get(file);
  if (!c) {
    c = new Database(file, { readonly: true, fileMustExist: true });
    // Lookups by key and a few thousand places and artists: a small page cache is enough.
    c.pragma('cache_size = -8192');
    connections.set(file, c);
  }
  return c;
}

function end(): void {
  stager?.abandon();
  stager = null;
  if (sqlite?.inTransaction) sqlite.exec('commit');
  sqlite = null;
  ctx = null;
  commit = null;
}

/**
 * Starts a session on its own snapshot. Its catalogue must be the one the import's thread sees; when it is not, the
 * import's thread does the work itself (it is told 'stale').
 */
function open(m: { session: number; dbFile: string; stamp: number }): boolean {
  end();
  session = m.session;
  sqlite = connection(m.dbFile);
  sqlite.exec('begin');
  if (catalogueStamp(sqlite) === m.stamp) return true;
  end();
  reply({ type: 'stale', session });
  return false;
}

/**
 * A chunk of kept plans read, and the rows of its new works built as the commit would build them. A work whose
 * artists or place the commit creates first is left to the commit (null), as is one whose place fails its checks
 * (the commit reports that, naming the row).
 */
function prepareChunk(c: NonNullable<typeof commit>, chunk: PlanChunk): PreparedChunk {
  const plans = readPlans(chunk);
  const prepared = plans.map((plan): PreparedNew | null => {
    if (plan.kind !== 'new' || plan.artists?.some((a) => a.id === null) || (plan.move && !('id' in plan.move))) return null;
    let to: PlacementTarget | null | undefined;
    if (plan.move && 'id' in plan.move) {
      const id = plan.move.id;
      to = c.targets.get(id);
      if (to === undefined) {
        try {
          to = placementTarget(sqlite!, id, c.user);
        } catch {
          to = null;
        }
        c.targets.set(id, to);
      }
      if (to === null) return null;
    }
    const links = (plan.artists ?? []).map((a) => ({ artistId: a.id!, role: a.role }));
    const parts = newRowParts(plan, c.at, to ?? undefined, links, c.lookups, c.withDoc);
    // The commit needs the plan's fields no more: they are in the row.
    plan.fields = {};
    return { parts, links, toId: to?.id ?? null };
  });
  return { plans, prepared };
}

port.on('message', (m: HelperRequest) => {
  try {
    if (m.type === 'begin') {
      if (open(m)) ctx = rowContext(sqlite!, m, m.header);
    } else if (m.type === 'batch') {
      if (m.session !== session || !ctx) reply({ type: 'stale', session: m.session });
      else reply({ type: 'result', session, result: evaluateBatch(ctx, m.index, m.rows, m.keep) });
    } else if (m.type === 'commit-begin') {
      if (open(m)) commit = { lookups: new Lookups(sqlite!), user: m.user, at: m.at, withDoc: m.withDoc, targets: new Map() };
    } else if (m.type === 'prepare') {
      if (m.session !== session || !commit) reply({ type: 'stale', session: m.session });
      else reply({ type: 'prepared', session, index: m.index, ...prepareChunk(commit, m.chunk) });
    } else if (m.type === 'stage') {
      if (m.session !== session || !ctx) reply({ type: 'stale', session: m.session });
      else {
        if (m.start) (stager?.abandon(), (stager = new StageWriter(m.start.file, m.start.plan, { sqlite: sqlite!, lookups: ctx.lookups, user: ctx.user })));
        // What the commit still reads of a chunk goes back at once: the helper's heap is small.
        if (m.chunk) {
          const kept = stager!.add(m.chunk.plans);
          if (kept) reply({ type: 'stage-kept', session, index: m.chunk.index, chunk: kept });
        }
        if (m.last) {
          const done = stager!.finish();
          stager = null;
          reply({ type: 'staged', session, ...done });
        }
      }
    } else if (m.type === 'end') {
      if (m.session === session) end();
    }
  } catch (e) {
    end();
    reply({ type: 'failed', session: 'session' in m ? m.session : session, message: (e as Error).message ?? String(e) });
  } finally {
    if (m.type === 'batch' || m.type === 'prepare' || m.type === 'stage') handled();
  }
});

Atomics.store(state, HELPER_READY, 1);
Atomics.notify(state, HELPER_READY);
