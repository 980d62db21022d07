// The import's worker thread: runs dry runs, commits and undos on a database connection of its own, so the server keeps
// answering (progress, other users) while a large file is read and written in one synchronous transaction.
import { parentPort } from 'node:worker_threads';
import { openDatabase, type Db } from '../../db/connection.js';
import { HttpError } from '../http/errors.js';
import type { AuthUser } from '../users/auth.js';
import { ImportHelper } from './import.parallel.js';
import { PARALLEL_FROM_BYTES, type Progress } from './import.run.js';
import { runCommit, runDryRun } from './import.service.js';
import { undoImport } from './import.undo.js';

export type JobRequest = {
  jobId: number;
  mode: 'dry-run' | 'commit' | 'undo';
  dbFile: string;
  uploadsDir: string;
  importId: number;
  user: AuthUser;
  at: string;
  inventoryPattern: string;
  body: { mapping?: Record<string, string>; profileName?: string; skipErrors?: boolean };
};

export type JobMessage =
  | { type: 'progress'; jobId: number; progress: Progress }
  | { type: 'done'; jobId: number; result: unknown }
  | { type: 'error'; jobId: number; error: { status: number; code: string; title: string; detail?: string; extra: Record<string, unknown> } | { message: string; stack?: string } };

const dbs = new Map<string, Db>();
const db = (file: string) => {
  let d = dbs.get(file);
  if (!d) {
    dbs.set(file, (d = openDatabase(file)));
    // Reads go through a bounded page cache, not a memory map of the file: the server's own connection maps the same
    // file, and the pages an import reads were counted twice in the process's memory (~50 MB for 60,000 works).
    d.$client.pragma('mmap_size = 0');
    d.$client.pragma('cache_size = -16384');
  }
  return d;
};

/** The imports' helper thread, started for the first large file's dry run and kept (see import.parallel.ts). */
let helper: ImportHelper | null = null;
const helperFor = (sqlite: Db['$client'], importId: number) => {
  const size = sqlite.prepare('select file_size from imports where id = ?').pluck().get(importId) as number | undefined;
  if (size !== undefined && size >= PARALLEL_FROM_BYTES) helper ??= new ImportHelper();
  return helper;
};

parentPort!.on('message', (job: JobRequest) => {
  let last = -1;
  const onProgress = (progress: Progress) => {
    const pct = Math.floor((progress.done / Math.max(1, progress.total)) * 100);
    if (pct === last) return;
    last = pct;
    parentPort!.postMessage({ type: 'progress', jobId: job.jobId, progress } satisfies JobMessage);
  };
  try {
    const sqlite = db(job.dbFile).$client;
    const env = { sqlite, uploadsDir: job.uploadsDir, user: job.user, at: job.at, inventoryPattern: job.inventoryPattern, onProgress, helper: job.mode === 'dry-run' ? helperFor(sqlite, job.importId) : job.mode === 'commit' ? helper : null };
    const result =
      job.mode === 'dry-run'
        ? runDryRun(env, job.importId, job.body)
        : job.mode === 'commit'
          ? runCommit(env, job.importId, job.body.skipErrors ?? false)
          : undoImport(env.sqlite, job.importId, job.user, job.at);
    parentPort!.postMessage({ type: 'done', jobId: job.jobId, result } satisfies JobMessage);
  } catch (e) {
    const error =
      e instanceof HttpError
        ? { status: e.status, code: e.code, title: e.title, detail: e.detail, extra: e.extra }
        : { message: (e as Error).message ?? String(e), stack: (e as Error).stack };
    parentPort!.postMessage({ type: 'error', jobId: job.jobId, error } satisfies JobMessage);
  }
});
