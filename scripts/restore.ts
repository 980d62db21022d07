// npm run restore -- <backup folder or backup dir>: into an empty data directory (KONSTKOLL_DB, KONSTKOLL_UPLOADS).
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/connection.js';
import { loadConfig } from '../server/config.js';
import { latestBackup, restore } from '../server/ops/backup.js';
import { verifyDataDir } from '../server/ops/verify.js';

const arg = process.argv[2];
if (!arg) {
  process.stderr.write('restore: usage: npm run restore -- <backup folder | backup dir (newest is used)>\n');
  process.exit(1);
}
const config = loadConfig();
const started = performance.now();
const folder = fs.existsSync(path.join(arg, 'manifest.json')) ? arg : latestBackup(arg)?.folder;
if (!folder) {
  process.stderr.write(`restore: no complete backup in ${arg}\n`);
  process.exit(1);
}
try {
  const { manifest, media } = restore(folder, config.dbFile, config.uploadsDir);
  console.log(`restored ${folder} (${manifest.createdAt}, schema ${manifest.schemaVersion}) → ${config.dbFile}; ${media} media files`);
} catch (err) {
  process.stderr.write(`restore: ${(err as Error).message}\n`);
  process.exit(1);
}
const db = openDatabase(config.dbFile);
const report = verifyDataDir(db.$client, config.uploadsDir);
for (const c of report.checks) console.log(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
console.log(`restore + verify in ${Math.round(performance.now() - started)} ms`);
db.$client.close();
process.exit(report.ok ? 0 : 1);
