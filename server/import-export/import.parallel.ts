// A second thread for a large import.
// - Dry run: reading the file stays on the import's thread (a CSV cannot be split safely without reading it: a quoted
//   value may hold line breaks); it hands batches of rows to the helper while the helper keeps up, checks the rest
//   itself, and collects the helper's outcomes.
// - End of a large dry run: the helper stages half of its new works in a scratch file of its own (import.stage.ts).
// - Commit, when nothing was staged: the helper reads the next chunks of kept plans and builds their new works' rows
//   (values, audit entry, full-text document) while the import's thread writes the current one.
// Everything stays synchronous on the import's side (receiveMessageOnPort and Atomics.wait), inside its one
// transaction. Whatever goes wrong on the helper's side (it is still starting, it failed, its snapshot differs), the
// import's thread does that part itself: the helper only ever makes an import faster, never different.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { AuthUser } from '../users/auth.js';
import type { BatchResult, BatchRow, PlanChunk } from './import.batch.js';
import type { Plan } from './import.rows.js';
import type { StagedPart, StagePlan } from './import.stage.js';
import type { PreparedNew } from './import.write.js';

/** Slots of the shared counters. */
export const HELPER_READY = 0;
export const HELPER_DONE = 1;

export type HelperRequest =
  | { type: 'begin'; session: number; dbFile: string; stamp: number; header: string[]; mapping: Record<string, string>; user: AuthUser; inventoryPattern: string }
  | { type: 'batch'; session: number; index: number; rows: BatchRow[]; keep: boolean }
  | { type: 'end'; session: number }
  | { type: 'commit-begin'; session: number; dbFile: string; stamp: number; user: AuthUser; at: string; withDoc: boolean }
  | { type: 'prepare'; session: number; index: number; chunk: PlanChunk }
  /** A part's staging: the first message names its file and plan, the last one asks for its outcome. */
  | { type: 'stage'; session: number; start?: { file: string; plan: StagePlan }; chunk?: { index: number; plans: PlanChunk }; last?: boolean };

/** A chunk of kept plans read on the helper, with its new works' rows built (null: to be built on the import's thread). */
export type PreparedChunk = { plans: Plan[]; prepared: (PreparedNew | null)[] };

export type HelperReply =
  | { type: 'result'; session: number; result: BatchResult }
  | ({ type: 'prepared'; session: number; index: number } & PreparedChunk)
  | ({ type: 'staged'; session: number } & StagedPart)
  | { type: 'stage-kept'; session: number; index: number; chunk: PlanChunk }
  | { type: 'stale'; session: number }
  | { type: 'failed'; session: number; message: string };

/**
 * The helper's heap: its young generation (where a batch's short-lived objects live) and the rest. Kept small: with
 * 24 + 96 MB a 60,000-row dry run added ~60 MB more to the server's memory for 0.4 s less time.
 */
const HELPER_YOUNG_MB = 16;
const HELPER_OLD_MB = 48;
/** Batches waiting at the helper, at most: past that the import's thread checks the next batch itself. */
const MAX_BACKLOG = 2;
/** How long the import's thread waits for a helper that has stopped answering before it checks the rows itself. */
const PATIENCE_MS = 10_000;

export class ImportHelper {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly state: Int32Array;
  private session = 0;
  private sent = 0;
  private broken = false;
  /** Rows handed over in this session and not yet answered, by batch index (checked here if the helper cannot). */
  private readonly waiting = new Map<number, BatchRow[]>();
  /** Outcomes of this session's batches that have arrived and are not yet collected. */
  private arrived: BatchResult[] = [];
  private stale = false;
  /** A commit's chunks handed over and not yet answered, and those answered and not yet taken. */
  private readonly expected = new Set<number>();
  private readonly ready = new Map<number, PreparedChunk>();
  /** A staged part handed over: undefined while none is, null until it is answered, then its outcome. */
  private staged: StagedPart | null | undefined;
  /** What the commit still reads of the part's chunks, by their index in the part. */
  private stageKept = new Map<number, PlanChunk>();

  constructor() {
    const shared = new SharedArrayBuffer(8);
    this.state = new Int32Array(shared);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const entry = new URL(import.meta.url.endsWith('.ts') ? './import.helper.ts' : './import.helper.js', import.meta.url).href;
    // Its heap is bounded (an import may add at most 300 MB to the server): past the bound V8 ends the thread, and
    // the import's thread checks the rows it had handed over itself.
    this.worker = new Worker(new URL('./import.worker-boot.mjs', import.meta.url), {
      workerData: { entry, port: port2, shared },
      transferList: [port2],
      resourceLimits: { maxYoungGenerationSizeMb: HELPER_YOUNG_MB, maxOldGenerationSizeMb: HELPER_OLD_MB },
    });
    this.worker.unref();
    this.port.unref();
    this.worker.on('error', () => (this.broken = true));
    this.worker.on('exit', () => (this.broken = true));
  }

  /** Starts a dry run's session: the helper opens its snapshot and checks that it sees the same catalogue. */
  begin(params: Omit<Extract<HelperRequest, { type: 'begin' }>, 'type' | 'session'>): void {
    this.session++;
    this.waiting.clear();
    this.arrived = [];
    this.stale = false;
    this.port.postMessage({ type: 'begin', session: this.session, ...params } satisfies HelperRequest);
  }

  /** Whether the next batch should go to the helper: it has started, works, and has little waiting. */
  wants(): boolean {
    return !this.broken && !this.stale && Atomics.load(this.state, HELPER_READY) === 1 && this.sent - Atomics.load(this.state, HELPER_DONE) < MAX_BACKLOG;
  }

  /** Batches handed to the helper since it started. */
  get handedOver(): number {
    return this.sent;
  }

  send(index: number, rows: BatchRow[], keep: boolean): void {
    this.waiting.set(index, rows);
    this.sent++;
    this.port.postMessage({ type: 'batch', session: this.session, index, rows, keep } satisfies HelperRequest);
  }

  /** Outcomes that have arrived; rows the helper could not check come back as `unchecked`, to check here. */
  collect(): { results: BatchResult[]; unchecked: [number, BatchRow[]][] } {
    this.drain();
    const results = this.arrived;
    this.arrived = [];
    return { results, unchecked: this.stale || this.broken ? this.takeWaiting() : [] };
  }

  /** Waits for every batch handed over; those the helper does not answer come back to be checked here. */
  finish(): { results: BatchResult[]; unchecked: [number, BatchRow[]][] } {
    this.wait(() => this.waiting.size === 0);
    const got = this.collect();
    return { results: got.results, unchecked: got.unchecked.concat(this.takeWaiting()) };
  }

  /** Starts a commit's session: the helper reads kept plans ahead of the commit and builds new works' rows. */
  beginCommit(params: Omit<Extract<HelperRequest, { type: 'commit-begin' }>, 'type' | 'session'>): void {
    this.session++;
    this.stale = false;
    this.expected.clear();
    this.ready.clear();
    this.port.postMessage({ type: 'commit-begin', session: this.session, ...params } satisfies HelperRequest);
  }

  /** Hands a chunk of kept plans over (nothing when the helper cannot take it: the commit reads it itself). */
  prepare(index: number, chunk: PlanChunk): void {
    if (this.broken || this.stale || Atomics.load(this.state, HELPER_READY) !== 1) return;
    this.expected.add(index);
    this.sent++;
    this.port.postMessage({ type: 'prepare', session: this.session, index, chunk } satisfies HelperRequest);
  }

  /** The chunk as the helper read it, waiting for it if need be; null when it was not handed over or cannot come. */
  take(index: number): PreparedChunk | null {
    if (!this.expected.has(index) && !this.ready.has(index)) return null;
    if (!this.wait(() => this.ready.has(index))) return null;
    const got = this.ready.get(index)!;
    this.ready.delete(index);
    return got;
  }

  /**
   * Hands part of a dry run's staging over (see import.stage.ts), in the dry run's session, before it ends; false
   * when the helper cannot take it (the dry run stages the part itself).
   */
  stage(file: string, plan: StagePlan, chunks: PlanChunk[]): boolean {
    if (this.broken || this.stale || Atomics.load(this.state, HELPER_READY) !== 1) return false;
    this.staged = null;
    this.stageKept = new Map();
    // A chunk a message: the helper reads them one by one (its heap is small), and each one answered shows it at work.
    const send = (m: Omit<Extract<HelperRequest, { type: 'stage' }>, 'type' | 'session'>) => {
      this.sent++;
      this.port.postMessage({ type: 'stage', session: this.session, ...m } satisfies HelperRequest);
    };
    send({ start: { file, plan } });
    chunks.forEach((plans, index) => send({ chunk: { index, plans } }));
    send({ last: true });
    return true;
  }

  /**
   * Waits for the part handed over: its outcome with what the commit still reads of its chunks (by index in the
   * part), or null when the helper did not stage it.
   */
  takeStaged(): (StagedPart & { kept: Map<number, PlanChunk> }) | null {
    const ok = this.staged !== undefined && this.wait(() => this.staged !== null);
    const got = ok ? { ...this.staged!, kept: this.stageKept } : null;
    this.staged = undefined;
    this.stageKept = new Map();
    return got;
  }

  /** Reads the replies that have arrived for this session. */
  private drain(): void {
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
      const reply = m.message as HelperReply;
      if (reply.session !== this.session) continue;
      if (reply.type === 'result') {
        if (this.waiting.delete(reply.result.index)) this.arrived.push(reply.result);
      } else if (reply.type === 'prepared') {
        if (this.expected.delete(reply.index)) this.ready.set(reply.index, { plans: reply.plans, prepared: reply.prepared });
      } else if (reply.type === 'staged') {
        if (this.staged === null) this.staged = { skipped: reply.skipped };
      } else if (reply.type === 'stage-kept') {
        if (this.staged === null) this.stageKept.set(reply.index, reply.chunk);
      } else if (reply.type === 'stale') this.stale = true;
      else ((this.broken = true), (this.stale = true));
    }
  }

  /**
   * Reads replies until `until()` holds; false when the helper cannot answer any more (stale, failed, or silent for
   * PATIENCE_MS). Sleeps on the shared count of handled requests in between.
   */
  private wait(until: () => boolean): boolean {
    let quietSince = Date.now();
    for (;;) {
      const done = Atomics.load(this.state, HELPER_DONE);
      this.drain();
      if (until()) return true;
      if (this.stale || this.broken) return false;
      if (Atomics.wait(this.state, HELPER_DONE, done, 50) !== 'timed-out') quietSince = Date.now();
      else if (Date.now() - quietSince > PATIENCE_MS) return !(this.broken = true);
    }
  }

  /** Ends the session (the helper closes its read transaction); what it still sends is ignored. */
  end(): void {
    this.waiting.clear();
    this.arrived = [];
    this.expected.clear();
    this.ready.clear();
    this.staged = undefined;
    this.port.postMessage({ type: 'end', session: this.session } satisfies HelperRequest);
    this.session++;
  }

  private takeWaiting(): [number, BatchRow[]][] {
    const out = [...this.waiting];
    this.waiting.clear();
    return out;
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}
