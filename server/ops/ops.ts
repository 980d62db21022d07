// Operational health: disk space and backup age, and the optional nightly backup.
import fs from 'node:fs';
import path from 'node:path';
import type { Deps } from '../deps.js';
import { backup, latestBackup, pruneBackups } from './backup.js';

const MIN_FREE_BYTES = 1024 ** 3; // below 1 GiB free the health endpoint reports "degraded"
const BACKUP_OVERDUE_MS = 26 * 3600_000;

export function registerHealthChecks(deps: Deps): void {
  deps.healthChecks.set('disk', () => {
    try {
      const s = fs.statfsSync(path.dirname(deps.config.dbFile));
      const free = s.bavail * s.bsize;
      return free < MIN_FREE_BYTES ? `disk almost full: ${(free / 1024 ** 2).toFixed(0)} MB free` : null;
    } catch {
      return null;
    }
  });
  const dir = deps.config.backupDir;
  if (dir) {
    deps.healthChecks.set('backup', () => {
      const last = latestBackup(dir);
      if (!last) return 'no backup yet';
      const age = deps.clock.now().getTime() - new Date(last.manifest.createdAt).getTime();
      return age > BACKUP_OVERDUE_MS ? `backup overdue: last one ${Math.round(age / 3600_000)} h ago` : null;
    });
  }
}

/** With BACKUP_DIR set, back up once a day at 02:00 (and at start if the last one is overdue). */
export function scheduleBackups(deps: Deps): () => void {
  const dir = deps.config.backupDir;
  if (!dir) return () => {};
  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    try {
      const { folder, manifest } = await backup(deps.db, deps.config.uploadsDir, dir, deps.clock.now());
      pruneBackups(dir, deps.config.backupKeep);
      deps.log.info({ folder, ms: manifest.ms }, 'nightly backup written');
    } catch (err) {
      deps.log.error({ err }, 'nightly backup failed');
    }
    planNext();
  };
  const planNext = () => {
    const now = deps.clock.now();
    const next = new Date(now);
    next.setHours(2, 0, 0, 0);
    if (next <= now) next.setDate(next.getDate() + 1);
    timer = setTimeout(run, next.getTime() - now.getTime());
    timer.unref();
  };
  const last = latestBackup(dir);
  if (!last || deps.clock.now().getTime() - new Date(last.manifest.createdAt).getTime() > BACKUP_OVERDUE_MS) setTimeout(run, 30_000).unref();
  else planNext();
  return () => timer && clearTimeout(timer);
}
