// npm run verify: integrity of the database, foreign keys, FTS indexes and every media file's hash.
import { openDatabase } from '../db/connection.js';
import { loadConfig } from '../server/config.js';
import { verifyDataDir } from '../server/ops/verify.js';

const config = loadConfig();
// Not read-only: FTS5's own integrity check is issued as an INSERT command (it changes nothing).
const db = openDatabase(config.dbFile);
const report = verifyDataDir(db.$client, config.uploadsDir);
for (const c of report.checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
console.log(report.ok ? `all checks passed in ${report.ms} ms` : `PROBLEMS FOUND (${report.ms} ms)`);
db.$client.close();
process.exit(report.ok ? 0 : 1);
