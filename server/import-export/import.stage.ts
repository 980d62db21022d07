// Staging: a large dry run also writes its new works, as the commit will write them, into scratch SQLite files of its
// own, and the commit copies them into the catalogue with INSERT … SELECT inside its one transaction.
//
// Why: binding tens of thousands of rows from JavaScript, value by value, was most of a large commit (60,000 new
// works: ~7.5 s), and it ran on one thread while the user waited. SQLite copies the same rows from file to file in
// ~3 s, and the dry run's two threads (the import's and the helper's) share the binding, each into its own file.
//
// What makes the copy exact: every id is known at the end of the dry run. New works get the ids AUTOINCREMENT would
// give them in file order, new artists the ids the commit gives them as it creates them in order of first
// appearance; the commit checks that the catalogue stamp has not moved since (nothing was written), creates those
// artists first and checks their ids, and only then copies. Values that depend on the moment of the commit (its
// time, the user's id, the batch id) are filled in by the copy. A work the staging cannot write as the commit would
// (its place is created by the commit, its place or its status fails a rule, it has only a status note) is left to
// the commit's ordinary path, which writes or refuses it as it always did. import.stage.api.test.ts holds the two
// paths to the same catalogue, audit trail, movements, full-text index and undo record.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BulkInsert } from '../../db/bulk-insert.js';
import { stmt } from '../../db/statements.js';
import { firstPlacementChange, MOVEMENT_COLUMNS, normaliseMovedAt, placementTarget, type PlacementTarget } from '../movements/movements.service.js';
import type { SuspendedIndexing } from '../search/bulk-index.js';
import type { AuthUser } from '../users/auth.js';
import { checkStatusInput, statusFieldsOf } from '../artworks/artworks.service.js';
import { AUDIT_COLUMNS, changedFields } from '../audit/audit.js';
import { resolveLocation, type ResolvedLocation } from '../locations/locations.queries.js';
import { readPlans, writePlans, type PlanChunk } from './import.batch.js';
import type { Lookups } from './import.lookups.js';
import type { Plan } from './import.rows.js';
import { newRowParts, registeredStatus, type NewRowParts } from './import.write.js';

/** A dry run stages its new works from this many on (below it the commit's own path is fast enough). */
export const STAGE_FROM_NEW = 2000;

/** What both threads need to stage a part: the table's shape and every id given out. */
export type StagePlan = {
  /**
   * The catalogue's artworks columns, with their defaults: the scratch table has the same, without types or rules
   * (the copy applies both, as an insert would).
   */
  columns: [name: string, dflt: string | null][];
  /** The full-text index's columns, when the commit will index works itself; null: its triggers do. */
  ftsColumns: string[] | null;
  /** [row, id] of every new work to stage. */
  ids: number[];
  /** [key, id, name] of every artist the commit creates, in the order it creates them. */
  artists: (string | number)[];
};

/** A staged dry run, kept with its plans for the commit. */
export type Staged = {
  dir: string;
  /** Scratch files, in the order of their works' ids (each holds a run of ids in increasing order). */
  files: string[];
  /** The first id given out, and how many: the works staged have ids in [base, base + count). */
  base: number;
  count: number;
  /** Rows staged, and their ids. */
  idOf: Map<number, number>;
  artists: [key: string, id: number, name: string][];
  firstArtistId: number;
};

/** A staged part's outcome: the rows it left to the commit's path. */
export type StagedPart = { skipped: number[] };

/** Context of the thread that stages: its snapshot of the catalogue, its lookups, the importing user. */
export type StageEnv = { sqlite: Database.Database; lookups: Lookups; user: AuthUser };

const scratchDirs = new Set<string>();
process.on('exit', () => scratchDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const SCRATCH_PREFIX = 'konstkoll-import-';

/**
 * A new scratch directory (in the system's temporary directory, named after this process). Directories left by
 * processes that are gone (a crash, a kill) are removed first.
 */
export function scratchDir(): string {
  const tmp = os.tmpdir();
  for (const name of fs.readdirSync(tmp)) {
    const pid = name.startsWith(SCRATCH_PREFIX) ? Number(name.slice(SCRATCH_PREFIX.length).split('-')[0]) : NaN;
    if (Number.isInteger(pid) && pid > 0 && !alive(pid)) fs.rmSync(path.join(tmp, name), { recursive: true, force: true });
  }
  const dir = fs.mkdtempSync(path.join(tmp, `${SCRATCH_PREFIX}${process.pid}-`));
  scratchDirs.add(dir);
  return dir;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // there, but another user's
  }
}

export function dropScratch(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  scratchDirs.delete(dir);
}

/** Placeholder of the commit's time in staged rows (the copy puts the time in). */
const LATER = '';
/** Columns of a new work that hold the commit's time. */
const TIME_COLUMNS = new Set(['created_at', 'updated_at', 'status_changed_at']);

/**
 * Writes the new works that `plan` gives ids to into a scratch file, a chunk of kept plans at a time; finish()
 * returns the rows it could not stage (left to the commit's ordinary path).
 */
export class StageWriter {
  private readonly db: Database.Database;
  private readonly idOf = new Map<number, number>();
  private readonly newArtists = new Map<string, number>();
  private readonly skipped: number[] = [];
  private readonly inserts = new Map<string, Database.Statement>();
  private readonly targets = new Map<number, PlacementTarget | null>();
  /** First placements' audit texts, one per place and status before (a few thousand for 60,000 works). */
  private readonly changes = new Map<string, number>();
  private readonly bulk: Record<'links' | 'created' | 'moves' | 'items' | 'statuses', BulkInsert> & { fts: BulkInsert | null };
  /** Places of staged works with a status, as the status rules read them. */
  private readonly places = new Map<number, ResolvedLocation | undefined>();

  constructor(
    file: string,
    private readonly plan: StagePlan,
    private readonly env: StageEnv,
  ) {
    for (let i = 0; i < plan.ids.length; i += 2) this.idOf.set(plan.ids[i]!, plan.ids[i + 1]!);
    for (let i = 0; i < plan.artists.length; i += 3) {
      this.newArtists.set(plan.artists[i] as string, plan.artists[i + 1] as number);
      // Full-text documents name artists by these ids (the commit's lookups learn them as it creates the artists).
      env.lookups.artistNames.set(plan.artists[i + 1] as number, plan.artists[i + 2] as string);
    }
    const db = (this.db = new Database(file));
    try {
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      db.pragma('cache_size = -4096');
      // The catalogue's rules of each value, not its references (places and artists are in the catalogue).
      db.pragma('foreign_keys = OFF');
      db.exec(`create table artworks (${plan.columns.map(([c, d]) => `"${c}"${d === null ? '' : ` default ${d}`}`).join(', ')})`);
      db.exec(`create table links (artwork_id integer, artist_id integer, role text, position integer);
        create table created (artwork_id integer primary key, after text);
        create table moves (artwork_id integer primary key, change integer);
        create table changes (id integer primary key, to_id integer, to_path text, before text, after_head text);
        create table items (artwork_id integer primary key, version_after integer);
        create table statuses (artwork_id integer primary key, before text, after text);
        ${plan.ftsColumns ? `create table fts (id integer primary key, ${plan.ftsColumns.map((c) => `"${c}"`).join(', ')});` : ''}`);
      this.bulk = {
        links: new BulkInsert(db, 'links', ['artwork_id', 'artist_id', 'role', 'position']),
        created: new BulkInsert(db, 'created', ['artwork_id', 'after']),
        moves: new BulkInsert(db, 'moves', ['artwork_id', 'change']),
        items: new BulkInsert(db, 'items', ['artwork_id', 'version_after']),
        statuses: new BulkInsert(db, 'statuses', ['artwork_id', 'before', 'after']),
        fts: plan.ftsColumns ? new BulkInsert(db, 'fts', ['id', ...plan.ftsColumns.map((c) => `"${c}"`)]) : null,
      };
      db.exec('begin');
    } catch (e) {
      db.close();
      throw e;
    }
  }

  private target(id: number): PlacementTarget | null {
    let t = this.targets.get(id);
    if (t === undefined) {
      try {
        t = placementTarget(this.env.sqlite, id, this.env.user);
      } catch {
        t = null; // the commit's path reports it, naming the row
      }
      this.targets.set(id, t);
    }
    return t;
  }

  /**
   * Stages a chunk's new works. Returns what the commit still reads of it (null: nothing): its plans not staged,
   * and staged works whose status note it writes (the chunk itself when it staged none of them).
   */
  add(chunk: PlanChunk): PlanChunk | null {
    const { bulk } = this;
    const plans = readPlans(chunk);
    const left: Plan[] = [];
    for (const p of plans) {
      const id = this.idOf.get(p.row);
      if (id === undefined) {
        left.push(p);
        continue;
      }
      const to = p.move && 'id' in p.move ? this.target(p.move.id) : undefined;
      if (to === null || (p.move && !('id' in p.move))) {
        this.skipped.push(p.row);
        left.push(p);
        continue;
      }
      const links = (p.artists ?? []).map((a) => ({ artistId: a.id ?? this.newArtists.get(a.key)!, role: a.role }));
      const parts = newRowParts(p, LATER, to, links, this.env.lookups, this.plan.ftsColumns !== null);
      parts.vals[0] = id;
      // A status the file gives is set as the commit would set it after placing the work (applyStatus); a status
      // note alone (the status unchanged) is left to the commit.
      const status = p.status && !p.statusFields ? this.status(p, to, parts) : null;
      if (p.status && !status) {
        this.skipped.push(p.row); // a rule of statuses: the commit's path refuses the row, naming it
        left.push(p);
        continue;
      }
      const sig = parts.cols.join(',');
      let insert = this.inserts.get(sig);
      if (!insert) this.inserts.set(sig, (insert = this.db.prepare(`insert into artworks (${sig}) values (${parts.cols.map(() => '?').join(', ')})`)));
      try {
        insert.run(parts.vals);
      } catch {
        this.skipped.push(p.row); // the commit's path writes or refuses the row as it always did
        left.push(p);
        continue;
      }
      links.forEach((l, i) => bulk.links.push(id, l.artistId, l.role, i));
      bulk.created.push(id, parts.after);
      if (to) bulk.moves.push(id, this.change(to, registeredStatus(p)));
      if (status) bulk.statuses.push(id, ...status);
      // A status note alone is written by the commit after the copy; it writes the work's import record then.
      if (!p.statusFields) bulk.items.push(id, (to ? 2 : 1) + (status ? 1 : 0));
      else left.push({ ...p, fields: {} });
      if (bulk.fts && parts.doc) bulk.fts.push(id, ...parts.doc);
    }
    return left.length === plans.length ? chunk : left.length ? writePlans(left) : null;
  }

  /**
   * Folds the status a new work's row gives into its staged values, as applyStatus would set it once the work is
   * placed: the status, its note and decision fields, one version more. Returns the 'status' audit row's before and
   * after (the fields that change, in the record's order), or null when the change breaks a rule of statuses.
   */
  private status(p: Plan, to: PlacementTarget | undefined, parts: NewRowParts): [string, string] | null {
    const current = to?.status ?? registeredStatus(p);
    let loc = to ? this.places.get(to.id) : undefined;
    if (to && !this.places.has(to.id)) this.places.set(to.id, (loc = resolveLocation(this.env.sqlite, to.id)));
    try {
      checkStatusInput(current, p.status!, this.env.user, loc);
    } catch {
      return null;
    }
    // applyStatus's audit row keeps the fields that change (changedFields), in the record's order.
    const now: Record<string, unknown> = statusFieldsOf(p.status!);
    const was: Record<string, unknown> = { status: current, statusNote: null, deaccessionDate: null, deaccessionRef: null, deaccessionReason: null };
    const [before, after] = changedFields(was, now);
    parts.vals[3] = now.status;
    parts.vals[7] = (parts.vals[7] as number) + 1;
    parts.cols.push('status_note', 'deaccession_date', 'deaccession_ref', 'deaccession_reason');
    parts.vals.push(now.statusNote, now.deaccessionDate, now.deaccessionRef, now.deaccessionReason);
    return [JSON.stringify(before), JSON.stringify(after)];
  }

  /** The audit texts of a first placement to `to` from `fromStatus`, written once (their number). */
  private change(to: PlacementTarget, fromStatus: string): number {
    const key = `${to.id}|${fromStatus}`;
    let n = this.changes.get(key);
    if (n === undefined) {
      const change = firstPlacementChange({ to, fromStatus }, 'import', LATER);
      const after = JSON.stringify(change.after);
      // The time of the move is the commit's: the copy appends it (movedAt is the last field).
      stmt(this.db, 'insert into changes values (?, ?, ?, ?, ?)').run((n = this.changes.size), to.id, to.pathText, JSON.stringify(change.before), after.slice(0, after.length - '""}'.length));
      this.changes.set(key, n);
    }
    return n;
  }

  /** Ends the part: the rows it left to the commit's path. */
  finish(): StagedPart {
    try {
      Object.values(this.bulk).forEach((b) => b?.flush());
      this.db.exec('commit');
    } finally {
      this.db.close();
    }
    return { skipped: this.skipped };
  }

  /** Gives up (the file is dropped with its directory). */
  abandon(): void {
    if (this.db.open) this.db.close();
  }
}

/** Statements a file's copy runs (its progress is reported after each). */
const STEPS = 8;

/** Copies staged works into the catalogue (attached as stage0, stage1, …), in the commit's transaction. */
export function copyStaged(
  sqlite: Database.Database,
  staged: Staged,
  meta: { at: string; userId: number; batchId: string; importId: number },
  search: SuspendedIndexing | null,
  /** Called after each table of each file with the share of the copy done (a copy of 60,000 works takes seconds). */
  onStep?: (share: number) => void,
): void {
  const cols = sqlite.prepare("select name from pragma_table_info('artworks') order by cid").pluck().all() as string[];
  const times = cols.filter((c) => TIME_COLUMNS.has(c)).map(() => meta.at);
  const select = cols.map((c) => (TIME_COLUMNS.has(c) ? '?' : `"${c}"`)).join(', ');
  const movedAt = normaliseMovedAt(undefined, new Date(meta.at));
  const audit = `insert into audit_log (${AUDIT_COLUMNS.join(', ')})`;
  staged.files.forEach((_, i) => {
    const s = `stage${i}`;
    let step = i * STEPS;
    const run = (sql: string, ...params: unknown[]) => {
      sqlite.prepare(sql).run(...params);
      onStep?.(++step / (staged.files.length * STEPS));
    };
    run(`insert into artworks (${cols.map((c) => `"${c}"`).join(', ')}) select ${select} from ${s}.artworks order by id`, ...times);
    run(`insert into artwork_artists (artwork_id, artist_id, role, position) select artwork_id, artist_id, role, position from ${s}.links`);
    run(`${audit} select ?, ?, 'create', 'artwork', artwork_id, null, after, ? from ${s}.created order by artwork_id`, meta.at, meta.userId, meta.batchId);
    const moves = `${s}.moves m join ${s}.changes c on c.id = m.change order by m.artwork_id`;
    run(`insert into movements (${MOVEMENT_COLUMNS.join(', ')}) select m.artwork_id, null, c.to_id, null, c.to_path, ?, 'import', null, ?, ?, null, ? from ${moves}`, movedAt, meta.userId, meta.batchId, meta.at);
    run(`${audit} select ?, ?, 'move', 'artwork', m.artwork_id, c.before, c.after_head || json_quote(?) || '}', ? from ${moves}`, meta.at, meta.userId, movedAt, meta.batchId);
    run(`${audit} select ?, ?, 'status', 'artwork', artwork_id, before, after, ? from ${s}.statuses order by artwork_id`, meta.at, meta.userId, meta.batchId);
    run(`insert into import_items (import_id, artwork_id, action, before, version_after) select ?, artwork_id, 'new', null, version_after from ${s}.items order by artwork_id`, meta.importId);
    if (search) search.insertSelect(`select * from ${s}.fts order by id`, `select id from ${s}.fts`);
    onStep?.(++step / (staged.files.length * STEPS));
  });
}

/** Attaches a staged dry run's files to the import's connection (outside any transaction); returns the detach. */
export function attachStaged(sqlite: Database.Database, staged: Staged): () => void {
  const attached: string[] = [];
  try {
    staged.files.forEach((f, i) => {
      sqlite.prepare('attach database ? as ?').run(f, `stage${i}`);
      attached.push(`stage${i}`);
    });
  } catch (e) {
    attached.forEach((a) => sqlite.exec(`detach database ${a}`));
    throw e;
  }
  return () => attached.forEach((a) => sqlite.exec(`detach database ${a}`));
}
