// An export run: which works (the caller's search, limited to the sites they may see; LIDO only public works
// unless asked otherwise), then the chosen format streamed chunk by chunk.
import type Database from 'better-sqlite3';
import { closeExportConnection, exportWorks, openExportConnection, placeIndex } from './export.rows.js';
import { writeCsv, writeGeojson, writeJson, writeLido, type Sink } from './export.formats.js';
import type { ExportFormat } from './import.schema.js';

export const EXPORT_TYPES: Record<ExportFormat, { type: string; ext: string }> = {
  csv: { type: 'text/csv; charset=utf-8', ext: 'csv' },
  json: { type: 'application/json; charset=utf-8', ext: 'json' },
  geojson: { type: 'application/geo+json; charset=utf-8', ext: 'geojson' },
  lido: { type: 'application/xml; charset=utf-8', ext: 'xml' },
};

/** Named as the holder of the collection in LIDO records. */
export const COLLECTION_HOLDER = 'Region Stockholm';

export type ExportRun = { format: ExportFormat; semicolon: boolean; baseUrl: string; holder: string; includeInternal: boolean; exportedAt: string };

/** Streams the works of `ids` (in that order) from a connection of the export's own on the database file. */
export async function runExport(dbFile: string, ids: number[], run: ExportRun, sink: Sink): Promise<void> {
  const conn = openExportConnection(dbFile);
  try {
    const places = placeIndex(conn);
    const works = () => exportWorks(conn, ids, places);
    if (run.format === 'csv') return await writeCsv(sink, works(), { semicolon: run.semicolon });
    if (run.format === 'json') return await writeJson(sink, works(), { exportedAt: run.exportedAt, count: ids.length, baseUrl: run.baseUrl });
    if (run.format === 'geojson') return await writeGeojson(sink, conn, ids, places);
    return await writeLido(sink, works(), { baseUrl: run.baseUrl, holder: run.holder, includeInternal: run.includeInternal });
  } finally {
    closeExportConnection(conn);
  }
}

/** Every work id in inventory-number order (the command line's "whole collection"); `publicOnly` for LIDO. */
export function allWorkIds(sqlite: Database.Database, publicOnly: boolean): number[] {
  return sqlite.prepare(`select id from artworks ${publicOnly ? 'where is_public = 1' : ''} order by inventory_key`).pluck().all() as number[];
}
