// Integrity checks over the whole data directory: the database, its FTS indexes and every media file.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { mediaRelPath, sha256File } from './backup.js';

export type VerifyReport = {
  ok: boolean;
  checks: { name: string; ok: boolean; detail: string }[];
  ms: number;
};

export function verifyDataDir(sqlite: Database.Database, uploadsDir: string, opts: { hashMedia?: boolean } = {}): VerifyReport {
  const started = performance.now();
  const checks: VerifyReport['checks'] = [];
  const add = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });

  const integrity = sqlite.prepare('pragma integrity_check').pluck().all() as string[];
  add('integrity_check', integrity.length === 1 && integrity[0] === 'ok', integrity.slice(0, 5).join('; '));

  const fk = sqlite.prepare('pragma foreign_key_check').all() as { table: string; rowid: number; parent: string }[];
  add('foreign_keys', fk.length === 0, fk.length ? `${fk.length} broken references, e.g. ${fk.slice(0, 3).map((f) => `${f.table}#${f.rowid} → ${f.parent}`).join(', ')}` : 'ok');

  // Every FTS5 table: its own integrity check compares the index with its content table.
  const ftsTables = sqlite.prepare("select name from sqlite_master where type = 'table' and sql like '%using fts5%'").pluck().all() as string[];
  for (const t of ftsTables) {
    try {
      sqlite.prepare(`insert into "${t}"("${t}") values ('integrity-check')`).run();
      add(`fts:${t}`, true, 'index matches its content');
    } catch (err) {
      add(`fts:${t}`, false, (err as Error).message);
    }
  }
  if (ftsTables.length === 0) add('fts', true, 'no FTS tables');

  const rows = sqlite.prepare('select sha256, ext from media').all() as { sha256: string; ext: string }[];
  let missing = 0;
  let corrupt = 0;
  const examples: string[] = [];
  for (const row of rows) {
    const file = path.join(uploadsDir, mediaRelPath(row.sha256, row.ext));
    if (!fs.existsSync(file)) {
      missing++;
      if (examples.length < 3) examples.push(`missing ${row.sha256.slice(0, 12)}`);
      continue;
    }
    if (opts.hashMedia !== false && sha256File(file) !== row.sha256) {
      corrupt++;
      if (examples.length < 3) examples.push(`hash mismatch ${row.sha256.slice(0, 12)}`);
    }
  }
  add('media', missing === 0 && corrupt === 0, `${rows.length} files, ${missing} missing, ${corrupt} corrupt${examples.length ? ` (${examples.join(', ')})` : ''}`);

  return { ok: checks.every((c) => c.ok), checks, ms: Math.round(performance.now() - started) };
}
