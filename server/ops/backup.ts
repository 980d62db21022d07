// Online backups: a consistent copy of the database (SQLite backup API) while the server runs,
// plus the media files that are new since the last backup, with a manifest.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../../db/connection.js';

export type BackupManifest = {
  format: 1;
  createdAt: string;
  schemaVersion: string;
  database: { file: string; bytes: number; sha256: string };
  counts: Record<string, number>;
  media: { total: number; copied: number; bytes: number; files: { path: string; sha256: string }[] };
  ms: number;
};

const COUNTED_TABLES = ['artworks', 'artists', 'locations', 'movements', 'condition_checks', 'conservation_treatments', 'media', 'media_links', 'users', 'audit_log'];

export function schemaVersion(sqlite: Database.Database): string {
  try {
    const row = sqlite.prepare('select hash, created_at as createdAt from __drizzle_migrations order by created_at desc limit 1').get() as { hash: string; createdAt: number } | undefined;
    const count = sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get() as number;
    return row ? `${count}:${row.hash.slice(0, 12)}` : '0';
  } catch {
    return '0';
  }
}

export function tableCounts(sqlite: Database.Database): Record<string, number> {
  const existing = new Set(sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[]);
  const counts: Record<string, number> = {};
  for (const t of COUNTED_TABLES) if (existing.has(t)) counts[t] = sqlite.prepare(`select count(*) from "${t}"`).pluck().get() as number;
  return counts;
}

export const sha256File = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The same hash, read in chunks between which the event loop runs (a 120 MB file blocks ~0.3 s otherwise). */
export async function sha256FileAsync(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** tableCounts one table per event-loop turn, for the server's own backups. */
export async function tableCountsAsync(sqlite: Database.Database): Promise<Record<string, number>> {
  const existing = new Set(sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[]);
  const counts: Record<string, number> = {};
  for (const t of COUNTED_TABLES) {
    if (!existing.has(t)) continue;
    counts[t] = sqlite.prepare(`select count(*) from "${t}"`).pluck().get() as number;
    await new Promise((r) => setImmediate(r));
  }
  return counts;
}

/** Where an original lives in a media store: ab/cd/<hash>.<ext> (the same layout as uploads/). */
export const mediaRelPath = (sha256: string, ext: string) => path.join(sha256.slice(0, 2), sha256.slice(2, 4), `${sha256}.${ext}`);

/**
 * Writes <dir>/<timestamp>/konstkoll.sqlite + manifest.json, and copies originals into the
 * shared <dir>/media/ store, skipping files already there (so each backup adds only what is new).
 * Runs in small steps so the server keeps answering while it copies.
 */
export async function backup(db: Db, uploadsDir: string, dir: string, now = new Date()): Promise<{ folder: string; manifest: BackupManifest }> {
  const started = performance.now();
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const folder = path.join(dir, stamp);
  const partial = `${folder}.partial`;
  fs.mkdirSync(partial, { recursive: true });
  const dbFile = path.join(partial, 'konstkoll.sqlite');
  try {
    // Step-wise online backup: 500 pages (2 MB) a step, yielding to the event loop in between, so
    // searches wait at most a few milliseconds for a step (measured in npm run bench, module ops).
    await db.$client.backup(dbFile, { progress: () => 500 });
    const snapshot = new Database(dbFile, { readonly: true });
    const counts = await tableCountsAsync(snapshot);
    const version = schemaVersion(snapshot);
    const rows = snapshot.prepare('select sha256, ext from media').all() as { sha256: string; ext: string }[];
    snapshot.close();

    const store = path.join(dir, 'media');
    let copied = 0;
    let bytes = 0;
    const files: { path: string; sha256: string }[] = [];
    for (const row of rows) {
      const rel = mediaRelPath(row.sha256, row.ext);
      files.push({ path: rel, sha256: row.sha256 });
      const target = path.join(store, rel);
      if (fs.existsSync(target)) continue;
      const source = path.join(uploadsDir, rel);
      if (!fs.existsSync(source)) continue; // reported by verify, not fatal for a backup
      fs.mkdirSync(path.dirname(target), { recursive: true });
      // Copied off the event loop (originals run to tens of MB; a synchronous copy would stall requests).
      await fs.promises.copyFile(source, `${target}.tmp`);
      fs.renameSync(`${target}.tmp`, target);
      copied++;
      bytes += fs.statSync(target).size;
    }
    const manifest: BackupManifest = {
      format: 1,
      createdAt: now.toISOString(),
      schemaVersion: version,
      database: { file: 'konstkoll.sqlite', bytes: fs.statSync(dbFile).size, sha256: await sha256FileAsync(dbFile) },
      counts,
      media: { total: rows.length, copied, bytes, files },
      ms: Math.round(performance.now() - started),
    };
    fs.writeFileSync(path.join(partial, 'manifest.json'), JSON.stringify(manifest, null, 2));
    fs.renameSync(partial, folder); // a backup folder without .partial is always complete
    return { folder, manifest };
  } catch (err) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw err;
  }
}

/** The newest complete backup folder in dir, if any. */
export function latestBackup(dir: string): { folder: string; manifest: BackupManifest } | undefined {
  if (!fs.existsSync(dir)) return undefined;
  const folders = fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}-\d{2}-\d{2}T/.test(f) && !f.endsWith('.partial') && fs.existsSync(path.join(dir, f, 'manifest.json')))
    .sort();
  const last = folders.at(-1);
  if (!last) return undefined;
  return { folder: path.join(dir, last), manifest: JSON.parse(fs.readFileSync(path.join(dir, last, 'manifest.json'), 'utf8')) as BackupManifest };
}

/** Keeps the newest `keep` backups; the shared media store is kept (content-addressed, small deltas). */
export function pruneBackups(dir: string, keep: number): string[] {
  const folders = fs.readdirSync(dir).filter((f) => /^\d{4}-\d{2}-\d{2}T/.test(f) && !f.endsWith('.partial')).sort();
  const removed = folders.slice(0, Math.max(0, folders.length - keep));
  for (const f of removed) fs.rmSync(path.join(dir, f), { recursive: true, force: true });
  return removed;
}

/** Restores a backup folder into an empty data directory: the database file and the media it refers to. */
export function restore(backupFolder: string, dbFile: string, uploadsDir: string): { manifest: BackupManifest; media: number } {
  const manifestPath = path.join(backupFolder, 'manifest.json');
  if (!fs.existsSync(manifestPath)) throw new Error(`${backupFolder} has no manifest.json: not a complete backup`);
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as BackupManifest;
  if (fs.existsSync(dbFile)) throw new Error(`${dbFile} exists: restore only into an empty data directory`);
  const source = path.join(backupFolder, manifest.database.file);
  if (sha256File(source) !== manifest.database.sha256) throw new Error('the backup database does not match its manifest hash');
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  fs.copyFileSync(source, `${dbFile}.restoring`);
  fs.renameSync(`${dbFile}.restoring`, dbFile);
  const store = path.join(path.dirname(backupFolder), 'media');
  let media = 0;
  for (const f of manifest.media.files) {
    const from = path.join(store, f.path);
    const to = path.join(uploadsDir, f.path);
    if (!fs.existsSync(from) || fs.existsSync(to)) continue;
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    media++;
  }
  return { manifest, media };
}
