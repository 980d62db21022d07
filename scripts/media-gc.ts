// npm run media:gc [-- --apply] [--grace-hours 1]
// Lists files under uploads/ that no media row refers to and media rows nothing links to;
// deletes them only with --apply (a dry run by default).
import { migrateDatabase, openDatabase } from '../db/connection.js';
import { loadConfig } from '../server/config.js';
import { collectGarbage } from '../server/media/media.gc.js';

function run(argv: string[]): number {
  const apply = argv.includes('--apply');
  const graceIdx = argv.indexOf('--grace-hours');
  const graceHours = graceIdx >= 0 ? Number(argv[graceIdx + 1]) : 1;
  if (!Number.isFinite(graceHours) || graceHours < 0) {
    process.stderr.write('media:gc: --grace-hours needs a number ≥ 0\n');
    return 2;
  }
  const config = loadConfig();
  const db = openDatabase(config.dbFile);
  migrateDatabase(db);
  const report = collectGarbage(db.$client, config.uploadsDir, { apply, graceMs: graceHours * 3_600_000 });
  const verb = apply ? 'removed' : 'would remove';
  for (const m of report.unreferencedMedia) console.log(`media row ${m.id} (${m.sha256}) is linked to nothing`);
  for (const f of report.orphanFiles) console.log(`file ${f} belongs to no media row`);
  for (const f of report.staleTmp) console.log(`temp file ${f} is left over`);
  for (const s of report.missingOriginals) console.log(`warning: the original of ${s} is missing from ${config.uploadsDir}`);
  console.log(
    `${verb} ${report.unreferencedMedia.length} media rows, ${report.orphanFiles.length} files (${(report.freedBytes / 1024 / 1024).toFixed(1)} MB) and ${report.staleTmp.length} temp files` +
      (apply ? '' : ' — dry run; add --apply to delete'),
  );
  db.$client.close();
  return 0;
}

process.exitCode = run(process.argv.slice(2));
