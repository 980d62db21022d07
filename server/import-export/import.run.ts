// The import itself, synchronous from start to end: a dry run reads the file in a read transaction and reports
// what would happen; a commit writes every valid row inside ONE write transaction (a process killed half-way leaves
// nothing). The commit writes the dry run's own plans when it follows it in the same process and nothing in the
// catalogue has changed since; otherwise it reads and checks the file again.
import type Database from 'better-sqlite3';
import { recordAudit } from '../audit/audit.js';
import { EDITABLE_COLUMNS } from '../artworks/artworks.service.js';
import { conflict, HttpError, unprocessable } from '../http/errors.js';
import { suspendSearchIndexing } from '../search/bulk-index.js';
import type { AuthUser } from '../users/auth.js';
import { readRows, type FileFacts, type ReadState } from './import.file.js';
import { Lookups } from './import.lookups.js';
import { evaluateRow, type Plan, type RowContext } from './import.rows.js';
import { IMPORT_FIELDS, type ImportField, type ImportReport, type RowError } from './import.schema.js';
import { importBatchId } from './import.undo.js';
import { firstFreeArtworkId, placeAll, writeNew, writeUpdate, type Pending, type Writer } from './import.write.js';

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
};

/**
 * A dry run's plans, kept (the latest per connection: the import worker's, or the command line's) for the commit of
 * the same import. Valid while the catalogue stamp is the same (every write to works, artists and places is audited),
 * and for the same file, mapping, user and inventory pattern.
 */
type Prepared = { importId: number; key: string; stamp: number; lookups: Lookups; plans: Plan[]; ordinals: number[]; rows: number; unchanged: number; errorRows: number; errors: RowError[] };
const prepared = new WeakMap<Database.Database, Prepared>();
/**
 * Plans are kept for imports up to this many new or changed rows (~2 KB each). A larger file is read and
 * checked again by its commit: keeping 60,000 plans cost ~130 MB more than the 300 MB an import may add.
 */
const KEEP_PLANS_MAX = 25_000;

const preparedKey = (input: RunInput) =>
  JSON.stringify([input.file, input.fileHash, input.mapping, input.user.id, input.user.role, input.user.siteIds, input.inventoryPattern]);

/** The kept plans of this import, if they still hold; taken either way (a commit that fails leaves its lookups changed). */
function takePrepared(input: RunInput): Prepared | null {
  const p = prepared.get(input.sqlite);
  if (!p || p.importId !== input.importId) return null;
  prepared.delete(input.sqlite);
  return input.fileHash && p.key === preparedKey(input) && p.stamp === catalogueStamp(input.sqlite) ? p : null;
}

export type CommitResult = { new: number; updated: number; unchanged: number; skippedRows: number; errors: RowError[]; artistsCreated: number; locationsCreated: number; artworkIds: number[] };

/** Checks the mapping against the header: every mapped column exists, and the inventory number is mapped. */
function context(input: RunInput, header: string[]): RowContext {
  const mapped: [number, ImportField][] = [];
  const columnOf: Partial<Record<ImportField, string>> = {};
  const errors: { path: string; message: string }[] = [];
  for (const [column, field] of Object.entries(input.mapping)) {
    if (!field) continue;
    const idx = header.indexOf(column);
    if (idx < 0) errors.push({ path: `mapping.${column}`, message: 'No such column in the file' });
    else if (!(IMPORT_FIELDS as readonly string[]).includes(field)) errors.push({ path: `mapping.${column}`, message: `Unknown field ${field}` });
    else (mapped.push([idx, field as ImportField]), (columnOf[field as ImportField] = column));
  }
  if (!columnOf.inventoryNumber) errors.push({ path: 'mapping.inventoryNumber', message: 'Required: a column with the inventory number (Inventarienummer)' });
  if (errors.length) throw unprocessable('import.mapping', 'The mapping does not fit the file.', errors);
  const editableFields = mapped.map(([, f]) => f).filter((f) => f in EDITABLE_COLUMNS);
  return { header, mapped, editableFields, columnOf, lookups: new Lookups(input.sqlite), user: input.user, inventoryPattern: input.inventoryPattern };
}

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

/** The last audited change to the catalogue: while it stays the same, nothing a dry run read has changed. */
export const catalogueStamp = (sqlite: Database.Database) =>
  sqlite.prepare("select coalesce(max(id), 0) from audit_log where entity_type not in ('import', 'import_profile')").pluck().get() as number;

export function dryRun(input: RunInput): ImportReport & { duplicates: string[]; stamp: number } {
  return input.sqlite.transaction(() => {
    const stamp = catalogueStamp(input.sqlite);
    const pass = open(input);
    const ctx = context(input, pass.header);
    const report: ImportReport = { rows: 0, new: 0, updated: 0, unchanged: 0, errorRows: 0, errorCount: 0, errors: [], fatal: false, artistsToCreate: 0, locationsToCreate: 0 };
    const addError = (e: RowError) => {
      report.errorCount++;
      if (report.errors.length < MAX_STORED_ERRORS) report.errors.push(e);
    };
    const kinds = new Map<number, Plan['kind']>();
    let keeping = !!input.fileHash;
    const plans: Plan[] = [];
    const ordinals: number[] = [];
    const rowsOfKey = new Map<string, Seen | Seen[]>();
    const newArtists = new Set<string>();
    const newPlaces = new Set<string>();
    let n = 0;
    for (const { row, cells } of pass.rows) {
      if (pass.state.fatal && row >= pass.state.fatal.row) break;
      if (blank(cells)) continue;
      report.rows++;
      const out = evaluateRow(ctx, row, cells);
      if ('errors' in out) {
        report.errorRows++;
        out.errors.forEach(addError);
        const key = inventoryKeyOf(ctx, cells);
        if (key) remember(rowsOfKey, key, row, cells[ctx.header.indexOf(ctx.columnOf.inventoryNumber!)]!);
      } else {
        const p = out.plan;
        report[p.kind]++;
        kinds.set(row, p.kind);
        remember(rowsOfKey, p.key, row, p.inventoryNumber);
        if (p.kind !== 'unchanged' && keeping) {
          plans.push(p);
          ordinals.push(n + 1);
          if (plans.length > KEEP_PLANS_MAX) (keeping = false), (plans.length = 0), (ordinals.length = 0);
        }
        for (const a of p.artists ?? []) if (a.id === null) newArtists.add(a.key);
        if (p.move && 'create' in p.move) newPlaces.add(`${p.move.create.code ?? ''}|${p.move.create.text}`);
      }
      if (++n % 200 === 0) input.onProgress?.({ phase: 'dry-run', done: pass.state.bytesRead, total: input.facts.size, rows: n });
    }
    // Duplicates are known only at the end: every row with a shared inventory number is an error.
    const duplicates: string[] = [];
    for (const [key, seen] of rowsOfKey) {
      if (!Array.isArray(seen[0])) continue;
      const all = seen as Seen[];
      duplicates.push(key);
      const rows = all.map(([r]) => r).join(', ');
      for (const [row, value] of all) {
        const kind = kinds.get(row);
        if (kind) (report[kind]--, kinds.delete(row), report.errorRows++);
        addError({ row, column: ctx.columnOf.inventoryNumber!, value, message: `The same inventory number is on rows ${rows}; each work may appear once.` });
      }
    }
    const fatal = fatalError(pass);
    if (fatal) (addError(fatal), (report.fatal = true));
    report.errors.sort((a, b) => a.row - b.row);
    report.artistsToCreate = newArtists.size;
    report.locationsToCreate = newPlaces.size;
    prepared.delete(input.sqlite);
    if (keeping && !fatal) {
      // Rows found to share an inventory number are errors: their plans are not written.
      const keep = duplicates.length ? plans.map((p) => kinds.has(p.row)) : null;
      prepared.set(input.sqlite, {
        importId: input.importId, key: preparedKey(input), stamp, lookups: ctx.lookups,
        plans: keep ? plans.filter((_, i) => keep[i]) : plans, ordinals: keep ? ordinals.filter((_, i) => keep[i]) : ordinals,
        rows: n, unchanged: report.unchanged, errorRows: report.errorRows, errors: report.errors,
      });
    }
    input.onProgress?.({ phase: 'dry-run', done: input.facts.size, total: input.facts.size, rows: n });
    return { ...report, duplicates, stamp };
  })();
}

type Seen = [row: number, value: string];
function remember(map: Map<string, Seen | Seen[]>, key: string, row: number, value: string): void {
  const seen = map.get(key);
  if (seen === undefined) map.set(key, [row, value]);
  else if (Array.isArray(seen[0])) (seen as Seen[]).push([row, value]);
  else map.set(key, [seen as Seen, [row, value]]);
}

function inventoryKeyOf(ctx: RowContext, cells: string[]): string | null {
  const idx = ctx.header.indexOf(ctx.columnOf.inventoryNumber!);
  const raw = cells[idx]?.trim();
  return raw ? raw.normalize('NFC').toLowerCase().replace(/[\s\-.\u2010-\u2015]+/g, '') : null;
}

/**
 * Writes all valid rows in one transaction, with the import's audit row and its state. Rows the dry run found in
 * error (or that fail now) are skipped only with `skipErrors`; otherwise the whole commit is refused (409).
 */
export function commit(input: RunInput & { duplicates: string[]; skipErrors: boolean; fileName: string; fileHash: string }): CommitResult {
  const { sqlite } = input;
  const batchId = importBatchId(input.importId);
  return sqlite.transaction((): CommitResult => {
    const state = sqlite.prepare('select state from imports where id = ?').pluck().get(input.importId);
    if (state === 'committed' || state === 'undone') throw conflict('import.already_committed', `This import was already committed${state === 'undone' ? ' and undone' : ''}; upload the file again to import it anew.`);
    // Taken inside the write transaction: the stamp it is checked against cannot move any more.
    const kept = takePrepared(input);
    const result: CommitResult = { new: 0, updated: 0, unchanged: 0, skippedRows: 0, errors: [], artistsCreated: 0, locationsCreated: 0, artworkIds: [] };
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
      ctx = context(input, pass.header);
      lookups = ctx.lookups;
    }
    const w: Writer = { sqlite, user: input.user, at: input.at, importId: input.importId, batchId, lookups, createdArtists: 0, createdLocations: 0, nextArtworkId: firstFreeArtworkId(sqlite) };
    // New works get their artist links before the work itself (see writeNew); checked at COMMIT.
    sqlite.pragma('defer_foreign_keys = ON');
    // The full-text index and the search change logs are written once at the end for every work the import
    // wrote, instead of by triggers on each insert, link, move and status change (see bulk-index.ts).
    const search = suspendSearchIndexing(sqlite, { writes: 'all' });
    const done: Pending[] = [];
    const write = (plan: Plan) => {
      // No savepoint per row (each one flushes the full-text index): a rule broken only at write time ends the whole commit.
      try {
        done.push(plan.kind === 'new' ? writeNew(w, plan) : writeUpdate(w, plan));
      } catch (e) {
        if (e instanceof HttpError) throw new HttpError(e.status, e.code, e.title, `Row ${plan.row}: ${e.detail ?? e.title} Nothing was written.`, e.extra);
        throw e;
      }
      result[plan.kind as 'new' | 'updated']++;
    };
    let n = 0;
    if (kept) {
      const total = kept.rows;
      const plans = kept.plans;
      kept.plans = [];
      plans.forEach((plan, i) => {
        write(plan);
        // Let each plan go once written: the garbage collector reclaims them while the commit runs (memory stays flat).
        plans[i] = undefined!;
        if (i % 200 === 199) input.onProgress?.({ phase: 'commit', done: kept.ordinals[i]!, total, rows: kept.ordinals[i]! });
      });
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
    sqlite.pragma('defer_foreign_keys = OFF');
    placeAll(w, done);
    search?.resume('id in (select artwork_id from import_items where import_id = ?)', [input.importId], { replace: true });
    result.artworkIds = done.map((d) => d.id);
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
