// The import itself, synchronous from start to end: a dry run reads the file in a read transaction and reports
// what would happen; a commit writes every valid row inside ONE write transaction (a process killed half-way leaves
// nothing). The commit writes the dry run's own plans when it follows it in the same process and nothing in the
// catalogue has changed since; otherwise it reads and checks the file again. A large file's dry run checks its rows in
// batches, some of them on a helper thread (import.parallel.ts), and stages its new works in scratch files that the
// commit copies (import.stage.ts).
import path from 'node:path';
import type Database from 'better-sqlite3';
import { recordAudit } from '../audit/audit.js';
import { conflict, unprocessable } from '../http/errors.js';
import { searchIndexColumns, suspendSearchIndexing } from '../search/bulk-index.js';
import type { AuthUser } from '../users/auth.js';
import { readRows, type FileFacts, type ReadState } from './import.file.js';
import { evaluateBatch, readPlans, rowContext, type BatchResult, type BatchRow, type PlanChunk } from './import.batch.js';
import type { Lookups } from './import.lookups.js';
import type { ImportHelper } from './import.parallel.js';
import { evaluateRow, type Plan, type RowContext } from './import.rows.js';
import type { ImportReport, RowError } from './import.schema.js';
import { catalogueStamp } from './import.stamp.js';
import { importBatchId } from './import.undo.js';
import { artistId, atRow, bulkInserts, firstFreeId, placeAll, writeNewWorks, writeUpdate, type Pending, type PreparedNew, type Writer } from './import.write.js';
import { attachStaged, copyStaged, dropScratch, scratchDir, StageWriter, STAGE_FROM_NEW, type StagedPart, type StagePlan, type Staged } from './import.stage.js';

/** Row errors kept in a report (the counts stay exact beyond it). */
export const MAX_STORED_ERRORS = 10_000;

export type Progress = { phase: 'dry-run' | 'commit' | 'undo'; done: number; total: number; rows: number };

export type RunInput = {
  sqlite: Database.Database;
  importId: number;
  file: string;
  facts: Pick<FileFacts, 'encoding' | 'delimiter' | 'size'>;
  mapping: Record<string, string>;
  user: AuthUser;
  at: string;
  inventoryPattern: string;
  onProgress?: (p: Progress) => void;
  /** Rows the dry run counted: the commit reports progress in rows of it (bytes are read ahead in chunks). */
  expectedRows?: number;
  /** The stored file's hash: with it, a dry run keeps its plans for the commit (see Prepared). */
  fileHash?: string;
  /** A second thread for a large file's dry run and commit (see import.parallel.ts), and from which size on the dry run uses it. */
  helper?: ImportHelper | null;
  parallelFromBytes?: number;
  /** From how many new works on a dry run stages them for the commit (see import.stage.ts). */
  stageFromNew?: number;
};

/**
 * A dry run's plans, kept (the latest per connection: the import worker's, or the command line's) for the commit of
 * the same import. Valid while the catalogue stamp is the same (every write to works, artists and places is audited),
 * and for the same file, mapping, user and inventory pattern.
 *
 * Plans are kept as compact JSON text (see writePlans), a few hundred to a string: 60,000 plans as objects took
 * ~160 MB and made every garbage collection of the dry run copy them; as text they take ~30 MB that the collector
 * never walks.
 */
type Prepared = {
  importId: number; key: string; stamp: number; lookups: Lookups;
  /** The new and updated rows' plans, in file order. */
  chunks: PlanChunk[]; rows: number; unchanged: number; errorRows: number; errors: RowError[];
  /** Rows found to share an inventory number only after their plans were kept: errors, not written. */
  dropped: Set<number>;
  /** New works the dry run staged, which the commit copies (see import.stage.ts). */
  staged: Staged | null;
};
const prepared = new WeakMap<Database.Database, Prepared>();
/** Rows checked together, on this thread or the helper's. */
const ROWS_PER_BATCH = 500;
/** Files from this size on have their dry run shared with the helper thread, when there is one. */
export const PARALLEL_FROM_BYTES = 2 * 1024 * 1024;
/**
 * Plans are kept up to this much JSON (60,000 new works make ~30 MB). A larger file is read and checked again by
 * its commit, so an import's memory stays bounded whatever the file's size.
 */
const KEEP_PLANS_CHARS = 96 * 1024 * 1024;
/** New works written together (see writeNewWorks). */
const NEW_WORKS_PER_CHUNK = 500;
/** The share of a dry run's staging the helper thread takes (see stageNew). */
const HELPER_SHARE = 0.5;
/** Chunks of kept plans the helper thread prepares ahead of the one being written. */
const PREPARED_AHEAD = 2;

const preparedKey = (input: RunInput) =>
  JSON.stringify([input.file, input.fileHash, input.mapping, input.user.id, input.user.role, input.user.siteIds, input.inventoryPattern]);

/** Lets go of a connection's kept plans, and of their staged works' files. */
function forgetPrepared(sqlite: Database.Database): void {
  const p = prepared.get(sqlite);
  if (p?.staged) dropScratch(p.staged.dir);
  prepared.delete(sqlite);
}

/** The kept plans of this import, if they still hold; taken either way (a commit that fails leaves its lookups changed). */
function takePrepared(input: RunInput): Prepared | null {
  const p = prepared.get(input.sqlite);
  if (!p || p.importId !== input.importId) return null;
  prepared.delete(input.sqlite);
  return input.fileHash && p.key === preparedKey(input) && p.stamp === catalogueStamp(input.sqlite) ? p : null;
}

export type CommitResult = {
  new: number; updated: number; unchanged: number; skippedRows: number; errors: RowError[]; artistsCreated: number; locationsCreated: number;
  /** Every work written; and those of them that were there before (a new work has no due date to recompute). */
  artworkIds: number[]; updatedIds: number[];
};

type Pass = { header: string[]; state: ReadState; rows: Generator<{ row: number; cells: string[] }> };

function open(input: RunInput): Pass {
  const state: ReadState = { fatal: null, bytesRead: 0 };
  const rows = readRows(input.file, input.facts, state);
  const first = rows.next();
  const header = first.done ? [] : first.value.cells.map((h) => h.trim());
  return { header, state, rows };
}

const blank = (cells: string[]) => cells.every((c) => c.trim() === '');

function fatalError(pass: Pass): RowError | null {
  const f = pass.state.fatal;
  if (!f) return null;
  return { row: f.row, column: f.index !== null ? (pass.header[f.index] ?? `column ${f.index + 1}`) : null, value: null, message: f.message };
}

export function dryRun(input: RunInput): ImportReport & { duplicates: string[]; stamp: number } {
  return input.sqlite.transaction(() => {
    const stamp = catalogueStamp(input.sqlite);
    const pass = open(input);
    const ctx = rowContext(input.sqlite, input, pass.header);
    const report: ImportReport = { rows: 0, new: 0, updated: 0, unchanged: 0, errorRows: 0, errorCount: 0, errors: [], fatal: false, artistsToCreate: 0, locationsToCreate: 0 };
    // The first MAX_STORED_ERRORS errors by row are kept (batches may come back out of order).
    const stored: RowError[] = [];
    const trimErrors = () => {
      stored.sort((a, b) => a.row - b.row);
      if (stored.length > MAX_STORED_ERRORS) stored.length = MAX_STORED_ERRORS;
    };
    const addError = (e: RowError) => {
      report.errorCount++;
      stored.push(e);
      if (stored.length >= 2 * MAX_STORED_ERRORS) trimErrors();
    };
    const kinds = new Map<number, Plan['kind']>();
    let keeping = !!input.fileHash;
    let chunks: (PlanChunk | undefined)[] = [];
    let keptChars = 0;
    const rowsOfKey = new Map<string, Seen | Seen[]>();
    const newArtists = new Set<string>();
    const artistRows: (string | number)[] = [];
    const newPlaces = new Set<string>();
    const placeRows = new Set<number>();
    const merge = (b: BatchResult) => {
      report.rows += b.rows;
      report.new += b.new;
      report.updated += b.updated;
      report.unchanged += b.unchanged;
      report.errorRows += b.errorRows;
      b.errors.forEach(addError);
      for (let i = 0; i < b.keys.length; i += 3) remember(rowsOfKey, b.keys[i] as string, b.keys[i + 1] as number, b.keys[i + 2] as string);
      for (let i = 0; i < b.kinds.length; i += 2) kinds.set(b.kinds[i] as number, b.kinds[i + 1] as Plan['kind']);
      for (let i = 0; i < b.artists.length; i += 3) (newArtists.add(b.artists[i + 1] as string), artistRows.push(...b.artists.slice(i, i + 3)));
      b.places.forEach((p) => newPlaces.add(p));
      b.placeRows.forEach((r) => placeRows.add(r));
      if (b.plans && keeping) {
        chunks[b.index] = b.plans;
        if ((keptChars += b.plans.text.length) > KEEP_PLANS_CHARS) (keeping = false), (chunks = []);
      }
    };
    const check = (index: number, rows: BatchRow[]) => merge(evaluateBatch(ctx, index, rows, keeping));
    const helper = input.helper && input.facts.size >= (input.parallelFromBytes ?? PARALLEL_FROM_BYTES) ? input.helper : null;
    helper?.begin({ dbFile: input.sqlite.name, stamp, header: pass.header, mapping: input.mapping, user: input.user, inventoryPattern: input.inventoryPattern });
    const collect = (got: ReturnType<ImportHelper['collect']>) => {
      got.results.forEach(merge);
      for (const [index, rows] of got.unchecked) check(index, rows);
    };
    let batch: BatchRow[] = [];
    let batches = 0;
    const flush = () => {
      if (!batch.length) return;
      const index = batches++;
      if (helper?.wants()) helper.send(index, batch, keeping);
      else check(index, batch);
      batch = [];
      if (helper) collect(helper.collect());
    };
    let n = 0;
    try {
      for (const { row, cells } of pass.rows) {
        if (pass.state.fatal && row >= pass.state.fatal.row) break;
        if (blank(cells)) continue;
        batch.push([row, cells]);
        if (batch.length === ROWS_PER_BATCH) flush();
        if (++n % 200 === 0) input.onProgress?.({ phase: 'dry-run', done: pass.state.bytesRead, total: input.facts.size, rows: n });
      }
      flush();
      if (helper) collect(helper.finish());
    } catch (e) {
      helper?.end();
      throw e;
    }
    // Duplicates are known only at the end: every row with a shared inventory number is an error.
    const duplicates: string[] = [];
    const droppedRows: number[] = [];
    for (const [key, seen] of rowsOfKey) {
      if (!Array.isArray(seen[0])) continue;
      const all = (seen as Seen[]).sort((a, b) => a[0] - b[0]);
      duplicates.push(key);
      const rows = all.map(([r]) => r).join(', ');
      for (const [row, value] of all) {
        const kind = kinds.get(row);
        if (kind) (report[kind]--, kinds.delete(row), report.errorRows++, droppedRows.push(row));
        addError({ row, column: ctx.columnOf.inventoryNumber!, value, message: `The same inventory number is on rows ${rows}; each work may appear once.` });
      }
    }
    const fatal = fatalError(pass);
    if (fatal) (addError(fatal), (report.fatal = true));
    trimErrors();
    report.errors = stored;
    report.artistsToCreate = newArtists.size;
    report.locationsToCreate = newPlaces.size;
    forgetPrepared(input.sqlite);
    if (keeping && !fatal) {
      let kept = chunks.filter((c): c is PlanChunk => c !== undefined);
      let staged: Staged | null = null;
      try {
        const done = stageNew(input, ctx, kept, kinds, artistRows, placeRows, helper);
        if (done) ({ staged, keep: kept } = done);
      } catch {
        // Staging only ever makes the commit faster (a full disk, say, must not fail the dry run): the commit then
        // writes every kept plan itself.
        staged = null;
      } finally {
        helper?.end();
      }
      prepared.set(input.sqlite, {
        importId: input.importId, key: preparedKey(input), stamp, lookups: ctx.lookups, chunks: kept,
        rows: n, unchanged: report.unchanged, errorRows: report.errorRows, errors: report.errors, dropped: new Set(droppedRows), staged,
      });
    } else helper?.end();
    input.onProgress?.({ phase: 'dry-run', done: input.facts.size, total: input.facts.size, rows: n });
    return { ...report, duplicates, stamp };
  })();
}

/**
 * Stages a dry run's new works for its commit (see import.stage.ts), when there are enough of them: every id given
 * out, the first half of the kept chunks written on the helper thread (or here, when it cannot), the rest here.
 * Returns what was staged and the plans the commit still reads; null when nothing is staged.
 */
function stageNew(
  input: RunInput, ctx: RowContext, chunks: PlanChunk[], kinds: Map<number, Plan['kind']>, artistRows: (string | number)[], placeRows: Set<number>, helper: ImportHelper | null,
): { staged: Staged; keep: PlanChunk[] } | null {
  const { sqlite } = input;
  const rows = [...kinds].filter(([row, kind]) => kind === 'new' && !placeRows.has(row)).map(([row]) => row).sort((a, b) => a - b);
  if (!rows.length || rows.length < (input.stageFromNew ?? STAGE_FROM_NEW)) return null;
  const base = firstFreeId(sqlite, 'artworks');
  const ids: number[] = [];
  rows.forEach((row, i) => ids.push(row, base + i));
  // Artists get their ids as the commit creates them: in the order the written rows first name them.
  const firstArtistId = firstFreeId(sqlite, 'artists');
  const named: [row: number, key: string, name: string][] = [];
  for (let i = 0; i < artistRows.length; i += 3) if (kinds.has(artistRows[i] as number)) named.push([artistRows[i] as number, artistRows[i + 1] as string, artistRows[i + 2] as string]);
  named.sort((a, b) => a[0] - b[0]);
  const artists: [string, number, string][] = [];
  const seen = new Set<string>();
  for (const [, key, name] of named) if (!seen.has(key)) (seen.add(key), artists.push([key, firstArtistId + artists.length, name]));
  const plan: StagePlan = {
    columns: sqlite.prepare("select name, dflt_value from pragma_table_info('artworks') order by cid").raw().all() as [string, string | null][],
    ftsColumns: searchIndexColumns(sqlite),
    ids,
    artists: artists.flat(),
  };
  const dir = scratchDir();
  try {
    // Half each: the helper reads its chunks as messages, this thread hands them over first; the two about even out.
    const split = Math.round(chunks.length * HELPER_SHARE);
    const parts = [chunks.slice(0, split), chunks.slice(split)];
    const files = [path.join(dir, 'part-0.sqlite'), path.join(dir, 'part-1.sqlite')];
    // Each part's outcome, and what the commit still reads of its chunks (by index in the part).
    const outcomes: (StagedPart & { kept: Map<number, PlanChunk> })[] = [];
    const stageHere = (file: string, part: PlanChunk[]) => {
      const writer = new StageWriter(file, plan, { sqlite, lookups: ctx.lookups, user: input.user });
      const kept = new Map<number, PlanChunk>();
      try {
        part.forEach((c, i) => {
          const left = writer.add(c);
          if (left) kept.set(i, left);
        });
      } catch (e) {
        writer.abandon();
        throw e;
      }
      return { ...writer.finish(), kept };
    };
    const byHelper = helper?.stage(files[0]!, plan, parts[0]!) ?? false;
    if (!byHelper) outcomes[0] = stageHere(files[0]!, parts[0]!);
    outcomes[1] = stageHere(files[1]!, parts[1]!);
    if (byHelper) outcomes[0] = helper!.takeStaged() ?? stageHere((files[0] = path.join(dir, 'part-0-here.sqlite')), parts[0]!);
    const idOf = new Map<number, number>(rows.map((row, i) => [row, base + i]));
    for (const o of outcomes) for (const row of o.skipped) idOf.delete(row);
    // What the commit still reads, in file order: plans not staged, and staged works whose status note it writes.
    const keep = parts.flatMap((part, p) => part.flatMap((_, i) => outcomes[p]!.kept.get(i) ?? []));
    return { staged: { dir, files, base, count: rows.length, idOf, artists, firstArtistId }, keep };
  } catch (e) {
    dropScratch(dir);
    throw e;
  }
}

type Seen = [row: number, value: string];
function remember(map: Map<string, Seen | Seen[]>, key: string, row: number, value: string): void {
  const seen = map.get(key);
  if (seen === undefined) map.set(key, [row, value]);
  else if (Array.isArray(seen[0])) (seen as Seen[]).push([row, value]);
  else map.set(key, [seen as Seen, [row, value]]);
}

/**
 * Writes all valid rows in one transaction, with the import's audit row and its state. Rows the dry run found in
 * error (or that fail now) are skipped only with `skipErrors`; otherwise the whole commit is refused (409).
 */
export function commit(input: RunInput & { duplicates: string[]; skipErrors: boolean; fileName: string; fileHash: string }): CommitResult {
  const { sqlite } = input;
  const batchId = importBatchId(input.importId);
  // Staged works are copied from their files, attached before the transaction (SQLite attaches only outside one).
  const waiting = prepared.get(sqlite);
  const staging = waiting?.importId === input.importId ? waiting.staged : null;
  let detach: (() => void) | null = null;
  try {
    if (staging) detach = attachStaged(sqlite, staging);
  } catch {
    detach = null; // its files are gone: the commit writes those works itself
  }
  try {
    return writeAll(input, batchId, detach !== null);
  } finally {
    detach?.();
    if (staging) dropScratch(staging.dir);
  }
}

function writeAll(input: RunInput & { duplicates: string[]; skipErrors: boolean; fileName: string; fileHash: string }, batchId: string, attached: boolean): CommitResult {
  const { sqlite } = input;
  return sqlite.transaction((): CommitResult => {
    const state = sqlite.prepare('select state from imports where id = ?').pluck().get(input.importId);
    if (state === 'committed' || state === 'undone') throw conflict('import.already_committed', `This import was already committed${state === 'undone' ? ' and undone' : ''}; upload the file again to import it anew.`);
    // Taken inside the write transaction: the stamp it is checked against cannot move any more.
    let kept = takePrepared(input);
    // Staged works are copied when their files are attached and every id given out for them is still free (the
    // stamp says nothing was written since). Otherwise the kept plans are not whole (they lack the staged works):
    // the file is read and checked again.
    if (kept?.staged && !(attached && kept.staged.base === firstFreeId(sqlite, 'artworks') && kept.staged.firstArtistId === firstFreeId(sqlite, 'artists'))) kept = null;
    const result: CommitResult = { new: 0, updated: 0, unchanged: 0, skippedRows: 0, errors: [], artistsCreated: 0, locationsCreated: 0, artworkIds: [], updatedIds: [] };
    const hasErrors = () =>
      conflict('import.has_errors', 'Some rows have errors; fix the file, or commit with skipErrors to write only the valid rows.', { errors: result.errors.slice(0, 1000) });
    let pass: Pass | null = null;
    let ctx: RowContext | null = null;
    let lookups: Lookups;
    if (kept) {
      lookups = kept.lookups;
      result.unchanged = kept.unchanged;
      result.skippedRows = kept.errorRows;
      result.errors = kept.errors.slice(0, MAX_STORED_ERRORS);
      if (kept.errorRows && !input.skipErrors) throw hasErrors();
    } else {
      pass = open(input);
      ctx = rowContext(sqlite, input, pass.header);
      lookups = ctx.lookups;
    }
    const w: Writer = { sqlite, user: input.user, at: input.at, importId: input.importId, batchId, lookups, createdArtists: 0, createdLocations: 0, nextArtworkId: firstFreeId(sqlite, 'artworks'), bulk: bulkInserts(sqlite), search: null };
    // The full-text index and the search change logs are written once at the end for every work the import
    // wrote, instead of by triggers on each insert, link, move and status change (see bulk-index.ts).
    const search = suspendSearchIndexing(sqlite, { writes: 'all' });
    // New works are indexed from the values written (searchDoc); updated ones from the view below.
    w.search = search;
    const staged = kept?.staged ?? null;
    /** Rows the copy of staged works has reported done: what is written after it does not show less. */
    let copiedRows = 0;
    if (staged) {
      for (const [key, id, name] of staged.artists) {
        const got = artistId(w, { id: null, key, name, role: 'artist' });
        if (got !== id) throw new Error(`Staged import: the artist ${name} got id ${got} instead of ${id}.`);
      }
      // Its progress in rows of the file: the copy is most of the commit's time.
      const share = staged.idOf.size / Math.max(1, kept!.rows);
      copyStaged(sqlite, staged, { at: input.at, userId: input.user.id, batchId, importId: input.importId }, search, (done) => {
        copiedRows = Math.round(kept!.rows * share * done * 0.95);
        input.onProgress?.({ phase: 'commit', done: copiedRows, total: kept!.rows, rows: copiedRows });
      });
      w.nextArtworkId = staged.base + staged.count;
      result.new += staged.idOf.size;
    }
    const done: Pending[] = [];
    // New works are written a few hundred at a time (see writeNewWorks); an update flushes the waiting ones first.
    let news: Plan[] = [];
    let ready: (PreparedNew | null)[] = [];
    const flushNew = () => {
      if (news.length) done.push(...writeNewWorks(w, news, ready));
      news = [];
      ready = [];
    };
    const write = (plan: Plan, prepared: PreparedNew | null = null) => {
      // No savepoint per row (each one flushes the full-text index): a rule broken only at write time ends the whole commit.
      if (plan.kind === 'new') {
        news.push(plan);
        ready.push(prepared);
        if (news.length === NEW_WORKS_PER_CHUNK) flushNew();
      } else {
        flushNew();
        done.push(atRow(plan, () => writeUpdate(w, plan)));
      }
      result[plan.kind as 'new' | 'updated']++;
    };
    let n = 0;
    if (kept) {
      const total = kept.rows;
      const chunks = kept.chunks;
      kept.chunks = [];
      // The helper thread, when there is one, reads the next chunks and builds their new works' rows while this
      // thread writes (see import.parallel.ts); a chunk it does not answer is read here.
      const helper = input.helper && chunks.length > 1 && !staged ? input.helper : null;
      helper?.beginCommit({ dbFile: sqlite.name, stamp: kept.stamp, user: input.user, at: input.at, withDoc: search !== null });
      for (let c = 0; c < Math.min(PREPARED_AHEAD, chunks.length); c++) helper?.prepare(c, chunks[c]!);
      let i = 0;
      try {
        chunks.forEach((chunk, c) => {
          if (helper && c + PREPARED_AHEAD < chunks.length) helper.prepare(c + PREPARED_AHEAD, chunks[c + PREPARED_AHEAD]!);
          const got = helper?.take(c) ?? null;
          // Each chunk is let go once read: the plans live only while their chunk is written.
          delete chunks[c];
          const plans = got?.plans ?? readPlans(chunk);
          for (const [k, plan] of plans.entries()) {
            if (kept.dropped.has(plan.row)) continue;
            const copied = staged?.idOf.get(plan.row);
            if (copied !== undefined) {
              // Written by the copy (and counted there), with its status; a status note alone is written like any new
              // work's (placeAll).
              if (plan.statusFields) done.push({ id: copied, kind: 'new', move: undefined, status: undefined, statusFields: plan.statusFields, before: null });
            } else write(plan, got?.prepared[k] ?? null);
            const upTo = Math.max(copiedRows, Math.min(total, plan.row - 1));
            if (++i % 200 === 0) input.onProgress?.({ phase: 'commit', done: upTo, total, rows: upTo });
          }
        });
      } finally {
        // Also when a row fails: the helper ends its read transaction (an open one holds the WAL back).
        helper?.end();
      }
      n = total;
    } else {
      const dup = new Set(input.duplicates);
      const refuse = (e: RowError) => {
        result.skippedRows++;
        if (result.errors.length < MAX_STORED_ERRORS) result.errors.push(e);
        if (!input.skipErrors) throw hasErrors();
      };
      for (const { row, cells } of pass!.rows) {
        if (pass!.state.fatal && row >= pass!.state.fatal.row) break;
        if (blank(cells)) continue;
        const out = evaluateRow(ctx!, row, cells);
        if ('errors' in out) {
          result.skippedRows++;
          for (const e of out.errors) if (result.errors.length < MAX_STORED_ERRORS) result.errors.push(e);
          if (!input.skipErrors) throw hasErrors();
        } else if (dup.has(out.plan.key)) {
          refuse({ row, column: ctx!.columnOf.inventoryNumber!, value: out.plan.inventoryNumber, message: 'The same inventory number is on several rows; each work may appear once.' });
        } else if (out.plan.kind === 'unchanged') result.unchanged++;
        else write(out.plan);
        if (++n % 200 === 0) input.onProgress?.({ phase: 'commit', done: n, total: input.expectedRows ?? n, rows: n });
      }
      const fatal = fatalError(pass!);
      if (fatal) throw unprocessable('import.unreadable', 'The file is broken (see the row named); nothing was written.', [{ path: `row ${fatal.row}`, message: fatal.message }]);
    }
    flushNew();
    placeAll(w, done);
    search?.resume("id in (select artwork_id from import_items where import_id = ? and action = 'updated')", [input.importId], { replace: true });
    result.artworkIds = [...new Set([...(staged?.idOf.values() ?? []), ...done.map((d) => d.id)])];
    result.updatedIds = done.filter((d) => d.kind === 'updated').map((d) => d.id);
    result.artistsCreated = w.createdArtists;
    result.locationsCreated = w.createdLocations;
    const summary = { new: result.new, updated: result.updated, unchanged: result.unchanged, skippedRows: result.skippedRows, artistsCreated: result.artistsCreated, locationsCreated: result.locationsCreated };
    sqlite
      .prepare("update imports set state = 'committed', committed_at = ?, committed_by = ?, result = ? where id = ?")
      .run(input.at, input.user.id, JSON.stringify({ ...summary, errors: result.errors.slice(0, MAX_STORED_ERRORS) }), input.importId);
    recordAudit(sqlite, { at: input.at, userId: input.user.id, action: 'import', entityType: 'import', entityId: input.importId, after: { fileName: input.fileName, fileHash: input.fileHash, ...summary }, batchId });
    input.onProgress?.({ phase: 'commit', done: n, total: n, rows: n });
    return result;
  }).immediate();
}
