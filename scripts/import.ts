// npm run import -- <file.csv> [--commit] [--skip-errors] [--profile <name>] [--save-profile <name>] [--user <email>]
// Dry run (always) and, with --commit, the commit: the same functions as POST /api/imports/:id/dry-run and /commit.
// Progress goes to stderr; the report (and the first row errors) to stdout. Exit 0 = done, 2 = errors, 1 = failure.
import fs from 'node:fs';
import path from 'node:path';
import { migrateDatabase, openDatabase } from '../db/connection.js';
import { loadConfig } from '../server/config.js';
import { HttpError } from '../server/http/errors.js';
import { MAX_IMPORT_BYTES } from '../server/import-export/import.schema.js';
import { listProfiles, registerUpload, runCommit, runDryRun } from '../server/import-export/import.service.js';
import { ImportHelper } from '../server/import-export/import.parallel.js';
import { PARALLEL_FROM_BYTES, type Progress } from '../server/import-export/import.run.js';
import type { AuthUser } from '../server/users/auth.js';

const arg = (argv: string[], name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

async function run(argv: string[]): Promise<number> {
  const file = argv.find((a, i) => !a.startsWith('--') && !['--profile', '--save-profile', '--user'].includes(argv[i - 1] ?? ''));
  if (!file) return fail('usage: npm run import -- <file.csv> [--commit] [--skip-errors] [--profile <name>] [--save-profile <name>] [--user <email>]');
  if (!fs.existsSync(file)) return fail(`no such file: ${file}`);
  const size = fs.statSync(file).size;
  if (size > MAX_IMPORT_BYTES) return fail(`${file} is ${Math.round(size / 1024 / 1024)} MB; an import takes at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB (split the file)`);
  const config = loadConfig();
  const db = openDatabase(config.dbFile);
  migrateDatabase(db);
  const sqlite = db.$client;
  const email = arg(argv, '--user');
  const u = (email
    ? sqlite.prepare("select id, email, name, role from users where email = ? and disabled = 0 and role in ('admin', 'curator')").get(email)
    : sqlite.prepare("select id, email, name, role from users where role = 'admin' and disabled = 0 order by id limit 1").get()) as Omit<AuthUser, 'siteIds' | 'sessionHash' | 'csrfToken'> | undefined;
  if (!u) return fail(email ? `no curator or admin with the email ${email}` : 'no admin account: create one with `npm run user -- add <email> admin`, or pass --user <email>');
  const sites = sqlite.prepare('select site_id from user_sites where user_id = ?').pluck().all(u.id) as number[];
  const user: AuthUser = { ...u, siteIds: sites.length ? sites : null, sessionHash: '', csrfToken: '' };

  let last = -1;
  let lastLine = -10;
  const onProgress = (p: Progress) => {
    const pct = Math.floor((p.done / Math.max(1, p.total)) * 100);
    if (pct === last) return;
    last = pct;
    // Written synchronously: the commit holds the thread until it is done.
    if (process.stderr.isTTY) fs.writeSync(2, `\r${p.phase.padEnd(8)} ${String(pct).padStart(3)} %  ${p.rows.toLocaleString('sv-SE')} rows`);
    else if (Math.floor(pct / 10) !== Math.floor(lastLine / 10)) (fs.writeSync(2, `${p.phase} ${pct} % ${p.rows} rows\n`), (lastLine = pct));
  };
  // A large file's dry run and commit share work with a second thread (see server/import-export/import.parallel.ts).
  const helper = size >= PARALLEL_FROM_BYTES ? new ImportHelper() : null;
  const env = { sqlite, uploadsDir: config.uploadsDir, user, at: new Date().toISOString(), inventoryPattern: config.inventoryPattern, onProgress, helper };

  // The file is copied into uploads/imports like an upload, so the import keeps the very bytes it read.
  const tmp = path.join(config.uploadsDir, `.import-${process.pid}-${Date.now()}.csv`);
  fs.mkdirSync(config.uploadsDir, { recursive: true });
  fs.copyFileSync(file, tmp);
  const t0 = performance.now();
  const upload = await registerUpload(sqlite, config.uploadsDir, tmp, path.basename(file), user, env.at);
  const profileName = arg(argv, '--profile');
  const profile = profileName ? listProfiles(sqlite).find((p) => p.name === profileName) : undefined;
  if (profileName && !profile) return fail(`no mapping profile named ${profileName}`);
  const mapping = profile?.mapping ?? upload.suggestedMapping;
  console.log(`import ${upload.id}: ${upload.fileName} (${upload.encoding}, "${upload.delimiter === '\t' ? 'tab' : upload.delimiter}"-separated, sha256 ${upload.fileHash.slice(0, 12)}…)`);
  for (const [col, field] of Object.entries(mapping)) console.log(`  ${col.padEnd(32)} → ${field || '(ignored)'}`);
  if (upload.previousImports.length) console.log(`  note: this exact file was imported before (import ${upload.previousImports.map((p) => p.id).join(', ')})`);

  const report = runDryRun(env, upload.id, { mapping, ...(arg(argv, '--save-profile') ? { profileName: arg(argv, '--save-profile') } : {}) });
  const t1 = performance.now();
  if (process.stderr.isTTY) fs.writeSync(2, '\n');
  console.log(`dry run (${Math.round(t1 - t0)} ms): ${report.rows} rows — ${report.new} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.errorRows} with errors (${report.errorCount} errors)`);
  if (report.artistsToCreate || report.locationsToCreate) console.log(`  would create ${report.artistsToCreate} artists and ${report.locationsToCreate} locations (under "Oplacerat (import)")`);
  for (const e of report.errors.slice(0, 50)) console.log(`  row ${e.row}${e.column ? `, ${e.column}` : ''}${e.value ? ` = "${e.value}"` : ''}: ${e.message}`);
  if (report.errorCount > 50) console.log(`  … and ${report.errorCount - 50} more`);
  if (!argv.includes('--commit')) return report.errorCount ? 2 : 0;
  if (report.fatal || (report.errorCount && !argv.includes('--skip-errors'))) {
    console.log('not committed: fix the errors, or pass --skip-errors to write only the valid rows');
    return 2;
  }
  last = -1;
  lastLine = -10;
  const result = runCommit({ ...env, at: new Date().toISOString() }, upload.id, argv.includes('--skip-errors'));
  if (process.stderr.isTTY) fs.writeSync(2, '\n');
  console.log(`committed (${Math.round(performance.now() - t1)} ms): ${result.new} new, ${result.updated} updated, ${result.unchanged} unchanged, ${result.skippedRows} rows skipped; ${result.artistsCreated} artists and ${result.locationsCreated} locations created`);
  console.log(`undo with: POST /api/imports/${upload.id}/undo`);
  db.$client.close();
  return 0;
}

function fail(msg: string): number {
  process.stderr.write(`import: ${msg}\n`);
  return 1;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof HttpError) {
      process.stderr.write(`import: ${err.detail ?? err.title}\n`);
      for (const e of (err.extra.errors as { path?: string; row?: number; column?: string; message: string }[] | undefined) ?? []) process.stderr.write(`  ${e.path ?? `row ${e.row}`}: ${e.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`import: ${(err as Error).stack ?? err}\n`);
    process.exit(1);
  },
);
