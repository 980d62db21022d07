import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.js';
import { backup, latestBackup, mediaRelPath, pruneBackups, restore, sha256File } from './backup.js';
import { verifyDataDir } from './verify.js';

let t: TestApp;
const fakeMedia = (content: string) => {
  const buf = Buffer.from(content);
  const sha = crypto.createHash('sha256').update(buf).digest('hex');
  const file = path.join(t.deps.config.uploadsDir, mediaRelPath(sha, 'jpg'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, buf);
  t.db.$client.prepare("insert into media (sha256, mime, ext, bytes, created_at) values (?, 'image/jpeg', 'jpg', ?, ?)").run(sha, buf.length, new Date().toISOString());
  return { sha, file };
};

beforeAll(async () => {
  t = await startTestApp({ works: 400 });
});
afterAll(() => t.close());

describe('backup, restore and verify', () => {
  it('backs up while the server answers, restores into an empty directory, and the copy verifies', async () => {
    const m1 = fakeMedia('first image bytes');
    const dir = path.join(t.dir, 'backups');
    const pending = backup(t.db, t.deps.config.uploadsDir, dir);
    // The server keeps answering while the backup runs.
    const health = await fetch(`${t.baseUrl}/api/health`);
    expect(health.status).toBe(200);
    const { folder, manifest } = await pending;
    expect(manifest.counts.artworks).toBe(400);
    expect(manifest.media).toMatchObject({ total: 1, copied: 1 });
    expect(fs.existsSync(path.join(dir, 'media', mediaRelPath(m1.sha, 'jpg')))).toBe(true);

    // A second backup copies only what is new.
    fakeMedia('second image bytes');
    const second = await backup(t.db, t.deps.config.uploadsDir, dir, new Date(Date.now() + 1000));
    expect(second.manifest.media).toMatchObject({ total: 2, copied: 1 });
    expect(latestBackup(dir)!.folder).toBe(second.folder);

    const target = path.join(t.dir, 'restored');
    const dbFile = path.join(target, 'konstkoll.sqlite');
    const uploads = path.join(target, 'uploads');
    const r = restore(second.folder, dbFile, uploads);
    expect(r.media).toBe(2);
    const restored = openDatabase(dbFile);
    const report = verifyDataDir(restored.$client, uploads);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(restored.$client.prepare('select count(*) from artworks').pluck().get()).toBe(400);
    restored.$client.close();

    expect(() => restore(folder, dbFile, uploads)).toThrow(/empty data directory/);
  });

  it('npm run verify on a restored data directory passes every check and exits 0', async () => {
    const dir = path.join(t.dir, 'backups-cli');
    const { folder } = await backup(t.db, t.deps.config.uploadsDir, dir);
    const target = path.join(t.dir, 'restored-cli');
    restore(folder, path.join(target, 'konstkoll.sqlite'), path.join(target, 'uploads'));
    const env = { ...process.env, KONSTKOLL_DB: path.join(target, 'konstkoll.sqlite'), KONSTKOLL_UPLOADS: path.join(target, 'uploads') };
    const out = await new Promise<{ code: number | null; text: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/verify.ts'], { env });
      let text = '';
      child.stdout.on('data', (d) => (text += d));
      child.stderr.on('data', (d) => (text += d));
      child.on('exit', (code) => resolve({ code, text }));
    });
    expect(out.text).toMatch(/ok {3}fts:artworks_fts/);
    expect(out.text).toMatch(/all checks passed/);
    expect(out.code).toBe(0);
  }, 60_000);

  it('verify finds a corrupted media file and a missing one', () => {
    const a = fakeMedia('will be corrupted');
    const b = fakeMedia('will go missing');
    fs.writeFileSync(a.file, 'tampered');
    fs.rmSync(b.file);
    const report = verifyDataDir(t.db.$client, t.deps.config.uploadsDir);
    expect(report.ok).toBe(false);
    const media = report.checks.find((c) => c.name === 'media')!;
    expect(media.ok).toBe(false);
    expect(media.detail).toMatch(/1 missing, 1 corrupt/);
    expect(report.checks.find((c) => c.name === 'integrity_check')!.ok).toBe(true);
  });

  it('a backup whose database was altered is refused at restore', async () => {
    const dir = path.join(t.dir, 'backups-tamper');
    const { folder } = await backup(t.db, t.deps.config.uploadsDir, dir);
    fs.appendFileSync(path.join(folder, 'konstkoll.sqlite'), 'junk');
    expect(() => restore(folder, path.join(t.dir, 'r2', 'db.sqlite'), path.join(t.dir, 'r2', 'uploads'))).toThrow(/manifest hash/);
    expect(sha256File(path.join(folder, 'manifest.json'))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps only the newest BACKUP_KEEP backups', async () => {
    const dir = path.join(t.dir, 'backups-prune');
    for (let i = 0; i < 4; i++) await backup(t.db, t.deps.config.uploadsDir, dir, new Date(Date.UTC(2026, 0, 1 + i)));
    const removed = pruneBackups(dir, 2);
    expect(removed).toHaveLength(2);
    expect(latestBackup(dir)!.manifest.createdAt).toBe('2026-01-04T00:00:00.000Z');
  });

  it('the health endpoint reports degraded when a backup is overdue', async () => {
    t.deps.healthChecks.set('backup-test', () => 'backup overdue: last one 50 h ago');
    const res = await fetch(`${t.baseUrl}/api/health`);
    const body = (await res.json()) as { status: string; warnings: string[] };
    t.deps.healthChecks.delete('backup-test');
    expect(body.status).toBe('degraded');
    expect(body.warnings).toContain('backup overdue: last one 50 h ago');
  });
});
