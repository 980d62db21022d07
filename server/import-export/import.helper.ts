// The dry run's helper thread: checks batches of rows that the import's thread has read (see import.parallel.ts),
// on a read-only connection of its own, in a read transaction whose catalogue stamp must match the dry run's.
import { workerData, type MessagePort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { catalogueStamp } from './import.stamp.js';
import { evaluateBatch, rowContext } from './import.batch.js';
import type { RowContext } from './import.rows.js';
import { HELPER_DONE, HELPER_READY, type HelperReply, type HelperRequest } from './import.parallel.js';

const { port, shared } = workerData as { port: MessagePort; shared: SharedArrayBuffer };
const state = new Int32Array(shared);
const connections = new Map<string, Database.Database>();
let session = 0;
let sqlite: Database.Database | null = null;
let ctx: RowContext | null = null;

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
  if (sqlite?.inTransaction) sqlite.exec('commit');
  sqlite = null;
  ctx = null;
}

port.on('message', (m: HelperRequest) => {
  try {
    if (m.type === 'begin') {
      end();
      session = m.session;
      sqlite = connection(m.dbFile);
      sqlite.exec('begin');
      const stamp = catalogueStamp(sqlite);
      if (stamp !== m.stamp) {
        // The catalogue changed between the two snapshots: the import's thread checks these rows itself.
        end();
        reply({ type: 'stale', session });
      } else ctx = rowContext(sqlite, m, m.header);
    } else if (m.type === 'batch') {
      if (m.session !== session || !ctx) reply({ type: 'stale', session: m.session });
      else {
        reply({ type: 'result', session, result: evaluateBatch(ctx, m.index, m.rows, m.keep) });
      }
    } else if (m.type === 'end') {
      if (m.session === session) end();
    }
  } catch (e) {
    end();
    reply({ type: 'failed', session: 'session' in m ? m.session : session, message: (e as Error).message ?? String(e) });
  } finally {
    if (m.type === 'batch') handled();
  }
});

Atomics.store(state, HELPER_READY, 1);
Atomics.notify(state, HELPER_READY);
