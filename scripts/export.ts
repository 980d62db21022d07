// npm run export -- [--format csv|json|geojson|lido] [--semicolon] [--all] [--out file]
// The whole collection in the same formats as GET /api/exports (LIDO: public works only unless --all).
import fs from 'node:fs';
import { once } from 'node:events';
import { openDatabase } from '../db/connection.js';
import { loadConfig } from '../server/config.js';
import { EXPORT_FORMATS, type ExportFormat } from '../server/import-export/import.schema.js';
import { allWorkIds, COLLECTION_HOLDER, runExport } from '../server/import-export/export.service.js';

async function run(argv: string[]): Promise<number> {
  const get = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const format = (get('--format') ?? 'csv') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) return fail(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  const config = loadConfig();
  const db = openDatabase(config.dbFile, { readonly: true });
  const out = get('--out') ? fs.createWriteStream(get('--out')!) : process.stdout;
  const ids = allWorkIds(db.$client, format === 'lido' && !argv.includes('--all'));
  const t0 = performance.now();
  await runExport(
    config.dbFile,
    ids,
    { format, semicolon: argv.includes('--semicolon'), baseUrl: config.publicUrl ?? `http://localhost:${config.port}`, holder: COLLECTION_HOLDER, includeInternal: argv.includes('--all'), exportedAt: new Date().toISOString() },
    async (text) => {
      if (!out.write(text)) await once(out, 'drain');
    },
  );
  if (out !== process.stdout) {
    out.end();
    await once(out, 'finish');
  }
  process.stderr.write(`export: ${ids.length} works as ${format} in ${Math.round(performance.now() - t0)} ms\n`);
  db.$client.close();
  return 0;
}

function fail(msg: string): number {
  process.stderr.write(`export: ${msg}\n`);
  return 1;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`export: ${(err as Error).stack ?? err}\n`);
    process.exit(1);
  },
);
