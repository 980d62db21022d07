// Runs dry runs and commits in a worker thread (one per app, started on first need, unref'd) and keeps their
// progress for GET /api/imports/:id and its event stream. One job per import at a time.
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { Deps } from '../deps.js';
import { conflict, HttpError } from '../http/errors.js';
import type { AuthUser } from '../users/auth.js';
import type { Progress } from './import.run.js';
import type { JobMessage, JobRequest } from './import.worker.js';

/** The import worker's old generation, at most. */
const WORKER_OLD_MB = 512;

type Job = { importId: number; resolve: (v: unknown) => void; reject: (e: unknown) => void };

export class ImportJobs {
  readonly progress = new Map<number, Progress>();
  /** Emits `progress:<importId>` and `end:<importId>`. */
  readonly events = new EventEmitter();
  private worker: Worker | null = null;
  private readonly jobs = new Map<number, Job>();
  private seq = 0;

  constructor(private readonly deps: Deps) {
    this.events.setMaxListeners(100);
    deps.events.on('stopping', () => void this.worker?.terminate());
  }

  /** Starts the worker ahead of need (it loads the server's modules, which takes a moment). */
  warm(): void {
    this.ensureWorker();
  }

  busy(importId: number): boolean {
    return [...this.jobs.values()].some((j) => j.importId === importId);
  }

  run(mode: JobRequest['mode'], importId: number, user: AuthUser, body: JobRequest['body']): Promise<unknown> {
    if (this.busy(importId)) throw conflict('import.busy', 'A dry run or commit of this import is already running; wait for it to finish.');
    const jobId = ++this.seq;
    const worker = this.ensureWorker();
    this.progress.set(importId, { phase: mode, done: 0, total: 1, rows: 0 });
    return new Promise((resolve, reject) => {
      this.jobs.set(jobId, { importId, resolve, reject });
      const req: JobRequest = {
        jobId, mode, importId, user, body,
        dbFile: this.deps.db.$client.name,
        uploadsDir: this.deps.config.uploadsDir,
        at: this.deps.clock.now().toISOString(),
        inventoryPattern: this.deps.config.inventoryPattern,
      };
      worker.postMessage(req);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const entry = new URL(import.meta.url.endsWith('.ts') ? './import.worker.ts' : './import.worker.js', import.meta.url).href;
    // A bounded old generation: with the default (a quarter of the machine's memory) V8 let a dry run's heap grow to
    // 150 MB for 25 MB of live data before sweeping it. The bound leaves room for the largest file (200 MB: its plans
    // are kept up to 96 M characters, see import.run.ts).
    const worker = new Worker(new URL('./import.worker-boot.mjs', import.meta.url), { workerData: { entry }, resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_MB } });
    worker.unref();
    worker.on('message', (m: JobMessage) => this.onMessage(m));
    worker.on('error', (err) => this.failAll(err));
    worker.on('exit', (code) => {
      this.worker = null;
      if (this.jobs.size) this.failAll(new Error(`import worker exited with code ${code}`));
    });
    this.worker = worker;
    return worker;
  }

  private onMessage(m: JobMessage): void {
    const job = this.jobs.get(m.jobId);
    if (!job) return;
    if (m.type === 'progress') {
      this.progress.set(job.importId, m.progress);
      this.events.emit(`progress:${job.importId}`, m.progress);
      return;
    }
    this.jobs.delete(m.jobId);
    this.progress.delete(job.importId);
    this.events.emit(`end:${job.importId}`);
    if (m.type === 'done') return job.resolve(m.result);
    const e = m.error;
    if ('status' in e) job.reject(new HttpError(e.status, e.code, e.title, e.detail, e.extra));
    else {
      this.deps.log.error({ err: e }, 'import job failed');
      job.reject(new Error(e.message));
    }
  }

  private failAll(err: unknown): void {
    for (const [id, job] of this.jobs) {
      this.jobs.delete(id);
      this.progress.delete(job.importId);
      this.events.emit(`end:${job.importId}`);
      job.reject(err);
    }
  }
}

const registry = new WeakMap<Deps, ImportJobs>();
export function importJobs(deps: Deps): ImportJobs {
  let j = registry.get(deps);
  if (!j) registry.set(deps, (j = new ImportJobs(deps)));
  return j;
}
