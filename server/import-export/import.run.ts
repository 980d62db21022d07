// The import itself, synchronous from start to end: a dry run reads the file in a read transaction and reports
// what would happen; a commit writes every valid row inside ONE write transaction (a process killed half-way leaves
// nothing). The commit writes the dry run's own plans when it follows it in the same process and nothing in the
// catalogue has changed since; otherwise it reads and checks the file again.
import type Database from 'better-sqlite3';
import { recordAudit } from '../audit/audit.js';
import { EDITABLE_COLUMNS } from '../artworks/artworks.service.js';
import { conflict, unprocessable } from '../http/errors.js';
import { suspendSearchIndexing } from '../search/bulk-index.js';
import type { AuthUser } from '../users/auth.js';
import { readRows, type FileFacts, type ReadState } from './import.file.js';
import { Lookups } from './import.lookups.js';
import { evaluateRow, type Plan, type RowContext } from './import.rows.js';
import { IMPORT_FIELDS, type ImportField, type ImportReport, type RowError } from './import.schema.js';
import { importBatchId } from './import.undo.js';
import { atRow, bulkInserts, firstFreeArtworkId, placeAll, writeNewWorks, writeUpdate, type Pending, type Writer } from './import.write.js';

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
 *
 * Plans are kept as JSON text, a few hundred to a string: 60,000 plans as objects took ~160 MB and made every
 * garbage collection of the dry run copy them; as text they take ~50 MB that the collector never walks.
 */
type Prepared = {
  importId: number; key: string; stamp: number; lookups: Lookups;
  /** JSON arrays of plans, in file order; `ordinals` (rows read up to each plan) runs alongside for progress. */
  chunks: string[]; text: PlanText; ordinals: number[]; rows: number; unchanged: number; errorRows: number; errors: RowError[];
  /** Rows found to share an inventory number only after their plans were kept: errors, not written. */
  dropped: Set<number>;
};
const prepared = new WeakMap<Database.Database, Prepared>();

/**
 * Kept plans as JSON without the field names: a plan's fields become the number of their list of names and their
 * values (a file's rows nearly all share one list), which halves the text and the time to read it back.
 */
class PlanText {
  private readonly lists: string[][] = [];
  private readonly numbers = new Map<string, number>();

  /** Consumes the plans (their fields are replaced). */
  write(plans: Plan[]): string {
    for (const p of plans) {
      const names = Object.keys(p.fields).filter((k) => p.fields[k] !== undefined);
      const sig = names.join();
      let n = this.numbers.get(sig);
      if (n === undefined) (this.numbers.set(sig, (n = this.lists.length)), this.lists.push(names));
      (p as { fields: unknown }).fields = [n, ...names.map((k) => p.fields[k])];
    }
    return JSON.stringify(plans);
  }

  read(text: string): Plan[] {
    const plans = JSON.parse(text) as (Omit<Plan, 'fields'> & { fields: unknown })[];
    for (const p of plans) {
      const [n, ...values] = p.fields as [number, ...unknown[]];
      const fields: Record<string, unknown> = {};
      this.lists[n]!.forEach((name, i) => (fields[name] = values[i]));
      p.fields = fields;
    }
    return plans as Plan[];
  }
}
/** Plans per kept chunk. */
const PLANS_PER_CHUNK = 500;
/**
 * Plans are kept up to this much JSON (60,000 new works make ~50 MB). A larger file is read and checked again by
 * its commit, so an import's memory stays bounded whatever the file's size.
 */
const KEEP_PLANS_CHARS = 128 * 1024 * 1024;
/** New works written together (see writeNewWorks). */
const NEW_WORKS_PER_CHUNK = 500;

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
    let chunk: Plan[] = [];
    let chunks: string[] = [];
    let keptChars = 0;
    let ordinals: number[] = [];
    const planText = new PlanText();
    const seal = () => {
      const text = planText.write(chunk);
      chunk = [];
      chunks.push(text);
      if ((keptChars += text.length) > KEEP_PLANS_CHARS) (keeping = false), (chunks = []), (ordinals = []);
    };
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
          chunk.push(p);
          ordinals.push(n + 1);
          if (chunk.length === PLANS_PER_CHUNK) seal();
        }
        for (const a of p.artists ?? []) if (a.id === null) newArtists.add(a.key);
        if (p.move && 'create' in p.move) newPlaces.add(`${p.move.create.code ?? ''}|${p.move.create.text}`);
      }
      if (++n % 200 === 0) input.onProgress?.({ phase: 'dry-run', done: pass.state.bytesRead, total: input.facts.size, rows: n });
    }
    // Duplicates are known only at the end: every row with a shared inventory number is an error.
    const duplicates: string[] = [];
    const droppedRows: number[] = [];
    for (const [key, seen] of rowsOfKey) {
      if (!Array.isArray(seen[0])) continue;
      const all = seen as Seen[];
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
    report.errors.sort((a, b) => a.row - b.row);
    report.artistsToCreate = newArtists.size;
    report.locationsToCreate = newPlaces.size;
    prepared.delete(input.sqlite);
    if (chunk.length && keeping) seal();
    if (keeping && !fatal) {
      prepared.set(input.sqlite, {
        importId: input.importId, key: preparedKey(input), stamp, lookups: ctx.lookups, chunks, text: planText, ordinals,
        rows: n, unchanged: report.unchanged, errorRows: report.errorRows, errors: report.errors, dropped: new Set(droppedRows),
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
    const w: Writer = { sqlite, user: input.user, at: input.at, importId: input.importId, batchId, lookups, createdArtists: 0, createdLocations: 0, nextArtworkId: firstFreeArtworkId(sqlite), bulk: bulkInserts(sqlite) };
    // The full-text index and the search change logs are written once at the end for every work the import
    // wrote, instead of by triggers on each insert, link, move and status change (see bulk-index.ts).
    const search = suspendSearchIndexing(sqlite, { writes: 'all' });
    const done: Pending[] = [];
    // New works are written a few hundred at a time (see writeNewWorks); an update flushes the waiting ones first.
    let news: Plan[] = [];
    const flushNew = () => {
      if (news.length) done.push(...writeNewWorks(w, news));
      news = [];
    };
    const write = (plan: Plan) => {
      // No savepoint per row (each one flushes the full-text index): a rule broken only at write time ends the whole commit.
      if (plan.kind === 'new') {
        news.push(plan);
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
      let i = 0;
      chunks.forEach((text, c) => {
        // Each chunk is parsed as it is written, and let go: the plans live only while their chunk is written.
        chunks[c] = '';
        for (const plan of kept.text.read(text)) {
          if (!kept.dropped.has(plan.row)) write(plan);
          if (i % 200 === 199) input.onProgress?.({ phase: 'commit', done: kept.ordinals[i]!, total, rows: kept.ordinals[i]! });
          i++;
        }
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
    flushNew();
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
