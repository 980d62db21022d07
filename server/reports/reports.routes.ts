// GET /api/artworks/:id/report.pdf — the condition report of one work.
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { notFound } from '../http/errors.js';
import { secureRouter } from '../http/routes.js';
import { parse } from '../http/validate.js';
import { assertSite, currentUser } from '../users/auth.js';
import { renderConditionReport } from './condition-report.js';
import { loadReportImages, readReportData } from './condition-report.data.js';

const IdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 31) });

export function reportRoutes(deps: Deps) {
  const sqlite = deps.db.$client;
  const r = secureRouter(deps.routes, '/api/artworks');

  r.get('/:id/report.pdf', 'read', { summary: 'Condition report (PDF, A4, Swedish)', tags: ['reports'], params: IdParams }, async (req, res) => {
    const { id } = parse(IdParams, req.params);
    const data = readReportData(sqlite, id);
    if (!data) throw notFound('artwork.not_found');
    assertSite(currentUser(req), data.work.siteId);
    const images = await loadReportImages(sqlite, deps.config.uploadsDir, data);
    const pdf = await renderConditionReport(data, images, { printedAt: deps.clock.now() });
    const name = `tillstandsrapport-${data.work.inventoryNumber.replace(/[^A-Za-z0-9]+/g, '')}.pdf`;
    res
      .type('application/pdf')
      .set('Content-Disposition', `inline; filename="${name}"`)
      .set('Cache-Control', 'private, no-store')
      .send(pdf);
  });

  return r.router;
}
