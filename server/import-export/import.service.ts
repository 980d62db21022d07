// The import's steps around the engine: register an uploaded file (inspect, keep, suggest a mapping), run the
// dry run and the commit against the stored file, read an import back, and keep named mapping profiles.
// The same functions serve the API (in a worker thread) and `npm run import`.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { recordAudit } from '../audit/audit.js';
import { conflict, notFound, unprocessable } from '../http/errors.js';
import type { AuthUser } from '../users/auth.js';
import { suggestMapping } from './import.fields.js';
import { inspectFile, readRows, type FileFacts } from './import.file.js';
import { commit, dryRun, type CommitResult, type Progress } from './import.run.js';
import { catalogueStamp } from './import.stamp.js';
import type { ImportHelper } from './import.parallel.js';
import type { ImportReport, ImportSummary } from './import.schema.js';

export const IMPORTS_DIR = 'imports';

type ImportRow = {
  id: number; fileName: string; fileHash: string; fileSize: number; storedPath: string; encoding: 'utf-8' | 'windows-1252'; delimiter: ',' | ';' | '\t';
  columns: string; mapping: string | null; state: ImportSummary['state']; report: string | null; result: string | null; createdAt: string;
  committedAt: string | null; undoneAt: string | null; userId: number | null;
};

export function loadImport(sqlite: Database.Database, id: number): ImportRow {
  const row = sqlite
    .prepare(
      `select id, file_name as fileName, file_hash as fileHash, file_size as fileSize, stored_path as storedPath, encoding, delimiter, columns, mapping, state,
              report, result, created_at as createdAt, committed_at as committedAt, undone_at as undoneAt, user_id as userId from imports where id = ?`,
    )
    .get(id) as ImportRow | undefined;
  if (!row) throw notFound('import.not_found', `No import ${id}.`);
  return row;
}

/** Registers a file that is already on disk (moved into uploads/imports/): inspected, hashed, header and sample read. */
export async function registerUpload(sqlite: Database.Database, uploadsDir: string, tmpFile: string, fileName: string, user: AuthUser, at: string) {
  let facts: FileFacts;
  try {
    facts = await inspectFile(tmpFile);
  } catch (e) {
    fs.rmSync(tmpFile, { force: true });
    throw e;
  }
  const state = { fatal: null, bytesRead: 0 };
  const rows = readRows(tmpFile, facts, state);
  const first = rows.next();
  const header = (first.done ? [] : first.value.cells).map((h: string) => h.trim());
  const sample: string[][] = [];
  for (const r of rows) {
    if (r.cells.every((c) => !c.trim())) continue;
    sample.push(r.cells);
    if (sample.length >= 5) break;
  }
  rows.return(undefined);
  const problem = headerProblem(header);
  if (problem) {
    fs.rmSync(tmpFile, { force: true });
    throw problem;
  }
  const dir = path.join(uploadsDir, IMPORTS_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const id = Number(
    sqlite
      .prepare("insert into imports (file_name, file_hash, file_size, stored_path, encoding, delimiter, columns, state, user_id, created_at) values (?, ?, ?, '', ?, ?, ?, 'uploaded', ?, ?)")
      .run(fileName, facts.hash, facts.size, facts.encoding, facts.delimiter, JSON.stringify(header), user.id, at).lastInsertRowid,
  );
  const stored = path.join(IMPORTS_DIR, `${id}-${facts.hash.slice(0, 16)}.csv`);
  fs.renameSync(tmpFile, path.join(uploadsDir, stored));
  sqlite.prepare('update imports set stored_path = ? where id = ?').run(stored, id);
  const profile = matchingProfile(sqlite, header);
  const previous = sqlite
    .prepare("select id, committed_at as committedAt from imports where file_hash = ? and state = 'committed' and id != ? order by id desc")
    .all(facts.hash, id) as { id: number; committedAt: string }[];
  return {
    id,
    fileName,
    fileHash: facts.hash,
    encoding: facts.encoding,
    delimiter: facts.delimiter,
    columns: header,
    suggestedMapping: profile?.mapping ?? suggestMapping(header),
    suggestedProfile: profile?.name ?? null,
    sample,
    previousImports: previous,
  };
}

function headerProblem(header: string[]) {
  if (!header.length || header.every((h) => !h)) return unprocessable('import.no_header', 'The file has no header row.', [{ path: 'row 1', message: 'No column names' }]);
  const seen = new Map<string, number>();
  const errors: { path: string; message: string }[] = [];
  header.forEach((h, i) => {
    if (!h) errors.push({ path: `column ${i + 1}`, message: 'Empty column name in the header (row 1)' });
    else if (seen.has(h)) errors.push({ path: `column ${i + 1}`, message: `"${h}" is also column ${seen.get(h)! + 1}` });
    seen.set(h, i);
  });
  return errors.length ? unprocessable('import.bad_header', 'The header row (row 1) has empty or repeated column names.', errors) : null;
}

type Env = { sqlite: Database.Database; uploadsDir: string; user: AuthUser; at: string; inventoryPattern: string; onProgress?: (p: Progress) => void; helper?: ImportHelper | null; parallelFromBytes?: number; stageFromNew?: number };

const runInput = (env: Env, imp: ImportRow, mapping: Record<string, string>) => ({
  sqlite: env.sqlite,
  importId: imp.id,
  file: path.join(env.uploadsDir, imp.storedPath),
  facts: { encoding: imp.encoding, delimiter: imp.delimiter, size: imp.fileSize },
  mapping,
  user: env.user,
  at: env.at,
  inventoryPattern: env.inventoryPattern,
  onProgress: env.onProgress,
  fileHash: imp.fileHash,
  helper: env.helper,
  parallelFromBytes: env.parallelFromBytes,
  stageFromNew: env.stageFromNew,
});

export type StoredReport = ImportReport & { duplicates: string[]; stamp?: number };

/** Runs the dry run with the given (or last, or suggested) mapping and keeps its report; saves the profile if named. */
export function runDryRun(env: Env, id: number, body: { mapping?: Record<string, string>; profileName?: string }): ImportReport {
  const imp = loadImport(env.sqlite, id);
  if (imp.state === 'committed' || imp.state === 'undone') throw conflict('import.already_committed', 'This import was already committed; upload the file again to check it anew.');
  const columns = JSON.parse(imp.columns) as string[];
  const mapping = body.mapping ?? (imp.mapping ? JSON.parse(imp.mapping) : suggestMapping(columns));
  const report = dryRun(runInput(env, imp, mapping));
  env.sqlite.transaction(() => {
    env.sqlite.prepare("update imports set mapping = ?, report = ?, state = 'checked', checked_at = ? where id = ?").run(JSON.stringify(mapping), JSON.stringify(report), env.at, id);
    if (body.profileName) saveProfile(env.sqlite, body.profileName, mapping, env.user, env.at);
  })();
  const { duplicates: _d, stamp: _s, ...out } = report;
  return out;
}

/** Commits after a dry run; refuses a broken file, and a report with errors unless skipErrors. */
export function runCommit(env: Env, id: number, skipErrors: boolean): CommitResult {
  const imp = loadImport(env.sqlite, id);
  if (imp.state === 'uploaded') throw conflict('import.dry_run_first', 'Run the dry run first, so you see what the import will do.');
  if (imp.state !== 'checked') throw conflict('import.already_committed', 'This import was already committed; upload the file again to import it anew.');
  const report = JSON.parse(imp.report!) as StoredReport;
  if (report.fatal) throw unprocessable('import.unreadable', 'The file is broken (see the dry run report); nothing can be committed.', report.errors.slice(0, 20).map((e) => ({ path: `row ${e.row}`, message: e.message })));
  if (report.errorCount && !skipErrors)
    throw conflict('import.has_errors', `The dry run found ${report.errorCount} errors in ${report.errorRows} rows; fix the file, or commit with skipErrors to write only the valid rows.`, { errors: report.errors.slice(0, 1000) });
  // Nothing to write, and nothing in the catalogue changed since the dry run: the file need not be read again.
  if (report.new + report.updated === 0 && !report.errorCount && report.stamp === catalogueStamp(env.sqlite))
    return recordUnchanged(env, imp, report);
  return commit({ ...runInput(env, imp, JSON.parse(imp.mapping!)), expectedRows: report.rows, duplicates: report.duplicates, skipErrors, fileName: imp.fileName, fileHash: imp.fileHash });
}

function recordUnchanged(env: Env, imp: ImportRow, report: StoredReport): CommitResult {
  const summary = { new: 0, updated: 0, unchanged: report.unchanged, skippedRows: 0, artistsCreated: 0, locationsCreated: 0 };
  env.sqlite.transaction(() => {
    env.sqlite.prepare("update imports set state = 'committed', committed_at = ?, committed_by = ?, result = ? where id = ?").run(env.at, env.user.id, JSON.stringify({ ...summary, errors: [] }), imp.id);
    recordAudit(env.sqlite, { at: env.at, userId: env.user.id, action: 'import', entityType: 'import', entityId: imp.id, after: { fileName: imp.fileName, fileHash: imp.fileHash, ...summary }, batchId: `import-${imp.id}` });
  }).immediate();
  env.onProgress?.({ phase: 'commit', done: report.rows, total: report.rows, rows: report.rows });
  return { ...summary, errors: [], artworkIds: [], updatedIds: [] };
}

export function importSummary(sqlite: Database.Database, id: number, progress: ImportSummary['progress'] = null): ImportSummary {
  const imp = loadImport(sqlite, id);
  const report = imp.report ? (JSON.parse(imp.report) as StoredReport) : null;
  const changedSince =
    imp.state === 'committed'
      ? (sqlite.prepare('select count(*) from import_items i left join artworks a on a.id = i.artwork_id where i.import_id = ? and (a.version is null or a.version != i.version_after)').pluck().get(id) as number)
      : 0;
  let out: ImportReport | null = null;
  if (report) {
    const { duplicates: _d, stamp: _s, ...rest } = report;
    out = { ...rest, errors: rest.errors.slice(0, 1000) };
  }
  return {
    id: imp.id, fileName: imp.fileName, fileHash: imp.fileHash, fileSize: imp.fileSize, encoding: imp.encoding, delimiter: imp.delimiter,
    columns: JSON.parse(imp.columns), mapping: imp.mapping ? JSON.parse(imp.mapping) : null, state: imp.state, report: out,
    result: imp.result ? JSON.parse(imp.result) : null, createdAt: imp.createdAt, committedAt: imp.committedAt, undoneAt: imp.undoneAt, progress,
    undoable: imp.state === 'committed' && changedSince === 0,
  };
}

/** Every stored row error of the last dry run (for the errors CSV). */
export function reportErrors(sqlite: Database.Database, id: number) {
  const imp = loadImport(sqlite, id);
  return imp.report ? (JSON.parse(imp.report) as StoredReport).errors : [];
}

export function saveProfile(sqlite: Database.Database, name: string, mapping: Record<string, string>, user: AuthUser, at: string) {
  return sqlite.transaction(() => {
    const before = sqlite.prepare('select id, name, mapping from import_profiles where name = ?').get(name) as { id: number; name: string; mapping: string } | undefined;
    if (before) sqlite.prepare('update import_profiles set mapping = ?, updated_at = ?, user_id = ? where id = ?').run(JSON.stringify(mapping), at, user.id, before.id);
    else sqlite.prepare('insert into import_profiles (name, mapping, user_id, created_at, updated_at) values (?, ?, ?, ?, ?)').run(name, JSON.stringify(mapping), user.id, at, at);
    const row = sqlite.prepare('select id, name, mapping, created_at as createdAt, updated_at as updatedAt from import_profiles where name = ?').get(name) as { id: number; name: string; mapping: string };
    recordAudit(sqlite, { at, userId: user.id, action: before ? 'update' : 'create', entityType: 'import_profile', entityId: row.id, before: before ? { mapping: JSON.parse(before.mapping) } : null, after: { name, mapping } });
    return { ...row, mapping: JSON.parse(row.mapping) as Record<string, string> };
  })();
}

export type Profile = { id: number; name: string; mapping: Record<string, string>; createdAt: string; updatedAt: string };

export function listProfiles(sqlite: Database.Database): Profile[] {
  return (sqlite.prepare('select id, name, mapping, created_at as createdAt, updated_at as updatedAt from import_profiles order by name').all() as (Omit<Profile, 'mapping'> & { mapping: string })[]).map((p) => ({
    ...p,
    mapping: JSON.parse(p.mapping) as Record<string, string>,
  }));
}

/** The saved profile whose mapped columns are all in this header (the one mapping the most columns). */
function matchingProfile(sqlite: Database.Database, header: string[]) {
  const cols = new Set(header);
  let best: { name: string; mapping: Record<string, string>; n: number } | null = null;
  for (const p of listProfiles(sqlite)) {
    const mapped = Object.entries(p.mapping).filter(([, f]) => f);
    if (!mapped.length || !mapped.every(([c]) => cols.has(c))) continue;
    if (!best || mapped.length > best.n) best = { name: p.name, mapping: Object.fromEntries(header.map((h) => [h, p.mapping[h] ?? ''])), n: mapped.length };
  }
  return best;
}
