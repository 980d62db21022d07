// Garbage collection of the media store (`npm run media:gc`): files no media row refers to, media
// rows nothing refers to, and temp files left by a crash. Reports only, unless `apply`.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { recordAudit } from '../audit/audit.js';
import { derivativeDir, originalPath, sweepTmp, TMP_DIR_NAME } from './media.store.js';

export type GcReport = {
  applied: boolean;
  /** Files under uploads/ (relative) that belong to no media row. */
  orphanFiles: string[];
  /** Media rows with no link and no other reference (e.g. artworks.primary_media_id). */
  unreferencedMedia: { id: number; sha256: string; bytes: number }[];
  /** Media rows whose original is gone from disk (reported, never deleted). */
  missingOriginals: string[];
  staleTmp: string[];
  freedBytes: number;
};

export type GcOptions = { apply?: boolean; now?: Date; /** Younger things may belong to an upload in flight. */ graceMs?: number };

const LAYOUT = /^([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})(?:\.([a-z0-9]{1,5})|\/(thumb|medium|large)\.webp)$/;

/** Every column named *media_id outside media_links, found in the live schema so new features count too. */
function referenceColumns(sqlite: Database.Database): { table: string; column: string }[] {
  const tables = sqlite.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not in ('media', 'media_links')`).pluck().all() as string[];
  return tables.flatMap((table) =>
    (sqlite.prepare('select name from pragma_table_info(?)').pluck().all(table) as string[]).filter((c) => c.endsWith('media_id')).map((column) => ({ table, column })),
  );
}

function walk(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (full !== path.join(root, TMP_DIR_NAME)) visit(full);
      } else out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  if (fs.existsSync(root)) visit(root);
  return out;
}

export function collectGarbage(sqlite: Database.Database, root: string, opts: GcOptions = {}): GcReport {
  const now = opts.now ?? new Date();
  const graceMs = opts.graceMs ?? 60 * 60 * 1000;
  const cutoff = new Date(now.getTime() - graceMs).toISOString();
  const apply = opts.apply ?? false;

  const refs = referenceColumns(sqlite);
  const referenced = refs.length ? `or m.id in (${refs.map((r) => `select "${r.column}" from "${r.table}" where "${r.column}" is not null`).join(' union ')})` : '';
  const unreferencedMedia = sqlite
    .prepare(
      `select m.id, m.sha256, m.bytes from media m
        where m.created_at < ? and not (exists (select 1 from media_links l where l.media_id = m.id) ${referenced}) order by m.id`,
    )
    .all(cutoff) as GcReport['unreferencedMedia'];
  const gone = new Set(unreferencedMedia.map((m) => m.sha256));

  const rows = sqlite.prepare('select sha256, ext from media').all() as { sha256: string; ext: string }[];
  const known = new Map(rows.map((r) => [r.sha256, r.ext]));
  const orphanFiles: string[] = [];
  let freedBytes = 0;
  for (const rel of walk(root)) {
    const m = LAYOUT.exec(rel);
    if (!m) continue; // not ours (e.g. .gitkeep)
    const [, , , sha256, ext] = m;
    const ok = known.has(sha256!) && !gone.has(sha256!) && (ext === undefined || known.get(sha256!) === ext);
    if (ok) continue;
    const stat = fs.statSync(path.join(root, rel), { throwIfNoEntry: false });
    if (!stat || (!gone.has(sha256!) && now.getTime() - stat.mtimeMs < graceMs)) continue;
    orphanFiles.push(rel);
    freedBytes += stat.size;
  }
  const missingOriginals = rows.filter((r) => !gone.has(r.sha256) && !fs.existsSync(originalPath(root, r.sha256, r.ext))).map((r) => r.sha256);
  const staleTmp = sweepTmp(root, graceMs, now.getTime(), apply).map((p) => path.relative(root, p));

  if (apply) {
    const at = now.toISOString();
    sqlite.transaction(() => {
      for (const m of unreferencedMedia) {
        sqlite.prepare('delete from media where id = ?').run(m.id);
        recordAudit(sqlite, { at, userId: null, action: 'delete', entityType: 'media', entityId: m.id, before: { sha256: m.sha256, bytes: m.bytes }, after: null });
      }
    })();
    for (const rel of orphanFiles) fs.rmSync(path.join(root, rel), { force: true });
    for (const m of unreferencedMedia) removeEmptyDirs(root, derivativeDir(root, m.sha256));
    for (const rel of orphanFiles) removeEmptyDirs(root, path.dirname(path.join(root, rel)));
  }
  return { applied: apply, orphanFiles: orphanFiles.sort(), unreferencedMedia, missingOriginals, staleTmp, freedBytes };
}

/** Removes `dir` and its parents up to (not including) root while they are empty. */
function removeEmptyDirs(root: string, dir: string): void {
  let d = dir;
  while (d.startsWith(root + path.sep) && d !== root) {
    try {
      fs.rmdirSync(d);
    } catch {
      return;
    }
    d = path.dirname(d);
  }
}
