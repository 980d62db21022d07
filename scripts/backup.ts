// npm run backup -- <dir>: online backup of the database plus new media files, with a manifest.
import { openDatabase } from '../db/connection.js';
import { loadConfig } from '../server/config.js';
import { backup, pruneBackups } from '../server/ops/backup.js';

const dir = process.argv[2] ?? loadConfig().backupDir;
if (!dir) {
  process.stderr.write('backup: usage: npm run backup -- <dir>  (or set BACKUP_DIR)\n');
  process.exit(1);
}
const config = loadConfig();
const db = openDatabase(config.dbFile);
const { folder, manifest } = await backup(db, config.uploadsDir, dir);
const removed = pruneBackups(dir, config.backupKeep);
console.log(`backup written to ${folder} in ${manifest.ms} ms`);
console.log(`  database ${(manifest.database.bytes / 1e6).toFixed(1)} MB, schema ${manifest.schemaVersion}`);
console.log(`  ${Object.entries(manifest.counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`  media: ${manifest.media.total} files, ${manifest.media.copied} new (${(manifest.media.bytes / 1e6).toFixed(1)} MB)`);
if (removed.length) console.log(`  pruned ${removed.length} old backup(s) (BACKUP_KEEP=${config.backupKeep})`);
db.$client.close();
