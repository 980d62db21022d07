// GET /api/exports: the whole collection or the current search (the same filters as GET /api/artworks), streamed
// as CSV (the import's columns), JSON, GeoJSON of sites with counts, or LIDO 1.1 XML. Site-limited users get
// their sites' works only. LIDO is for aggregators: works marked public only, unless `all=1` (catalogue.write).
import type { Response } from 'express';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { forbidden } from '../http/errors.js';
import { secureRouter } from '../http/routes.js';
import { parseQuery } from '../http/validate.js';
import { searchArtworkIds } from '../search/search.service.js';
import { searchFilterShape, SORTS } from '../search/search.schema.js';
import { installSearchEngine } from '../search/search.engine.js';
import { currentUser } from '../users/auth.js';
import { roleAllows } from '../users/permissions.js';
import { COLLECTION_HOLDER, EXPORT_TYPES, runExport } from './export.service.js';
import { ExportOptions } from './import.schema.js';

export const ExportQuery = z.strictObject({ ...searchFilterShape, ...ExportOptions.shape, sort: z.enum(SORTS).optional() });

/** Writes with backpressure; rejects when the client has gone, so the export stops reading. */
function sinkFor(res: Response) {
  let closed = false;
  res.on('close', () => (closed = true));
  return (text: string) =>
    new Promise<void>((resolve, reject) => {
      if (closed) return reject(new Error('client closed'));
      if (res.write(text)) return resolve();
      const done = () => (res.off('close', gone), resolve());
      const gone = () => (res.off('drain', done), reject(new Error('client closed')));
      res.once('drain', done);
      res.once('close', gone);
    });
}

export function exportRoutes(deps: Deps) {
  installSearchEngine(deps);
  const r = secureRouter(deps.routes, '/api/exports');
  r.get('/', 'read', { summary: 'Export the collection or the current search: csv | json | geojson | lido (streamed)', tags: ['exports'], query: ExportQuery }, async (req, res) => {
    const q = parseQuery(ExportQuery, req);
    const user = currentUser(req);
    const { format, delimiter, all, sort, ...filters } = q;
    if (format === 'lido' && all && !roleAllows(user.role, 'catalogue.write')) throw forbidden('export.lido_all', 'Only cataloguers may export works that are not public.');
    const publicOnly = format === 'lido' && !all;
    const ids = searchArtworkIds(deps, { ...filters, ...(publicOnly ? { public: true } : {}), ...(sort ? { sort } : {}) }, user, { ordered: format !== 'geojson' });
    const at = deps.clock.now();
    const { type, ext } = EXPORT_TYPES[format];
    res.status(200).attachment(`konstkoll-${at.toISOString().slice(0, 10)}.${ext}`).type(type).setHeader('X-Total-Count', String(ids.length));
    const baseUrl = deps.config.publicUrl ?? `${req.protocol}://${req.get('host')}`;
    try {
      await runExport(deps.db.$client.name, ids, { format, semicolon: delimiter === 'semicolon', baseUrl, holder: COLLECTION_HOLDER, includeInternal: publicOnly ? false : true, exportedAt: at.toISOString() }, sinkFor(res));
      res.end();
    } catch (err) {
      // Headers are out: a broken stream is all that is left to signal the failure.
      if (!res.destroyed) deps.log.error({ err }, 'export failed');
      res.destroy();
    }
  });
  return r.router;
}
