// GET /api/reports/{inventory,insurance,condition}.{pdf,csv} and /api/reports/artist/:id.{pdf,csv}:
// the collection reports, streamed (pdfkit and csv-stringify write into the response as they go).
// Site-limited users get only their own sites.
import type { Request, Response } from 'express';
import { stringify } from 'csv-stringify';
import type { Deps } from '../deps.js';
import { notFound, validationError } from '../http/errors.js';
import { secureRouter } from '../http/routes.js';
import { parse, parseQuery } from '../http/validate.js';
import { assertSite, currentUser, type AuthUser } from '../users/auth.js';
import { addMonths, localDate } from '../conditions/interval-policy.js';
import { ArtistReportParams, InventoryReportQuery, SiteReportQuery } from './collection-reports.schema.js';
import { artistWorks, conditionBySite, insuranceBySite, inventoryGroups, pathText, subtree, type SiteScope } from './collection-reports.data.js';
import { renderArtistPdf, renderConditionPdf, renderInsurancePdf, renderInventoryPdf } from './collection-reports.render.js';
import { SV } from './reports.pdf.js';

/** Streams rows as CSV (UTF-8 with BOM, so Excel reads å, ä and ö). */
function sendCsv(res: Response, fileName: string, columns: string[], rows: Iterable<unknown[]>): void {
  res.type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename="${fileName}"`).set('Cache-Control', 'private, no-store');
  const csv = stringify({ header: true, columns, bom: true });
  csv.pipe(res);
  for (const row of rows) csv.write(row);
  csv.end();
}

const sek = (ore: number | null) => (ore == null ? '' : (ore / 100).toFixed(2));
const slug = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'rapport';

export function collectionReportRoutes(deps: Deps) {
  const sqlite = deps.db.$client;
  const r = secureRouter(deps.routes, '/api/reports');
  const now = () => deps.clock.now();
  const isSite = sqlite.prepare("select name from locations where id = ? and kind = 'site'").pluck();

  const siteScope = (user: AuthUser, site: number | undefined): SiteScope => {
    if (site !== undefined) {
      if (!isSite.get(site)) throw validationError([{ path: 'site', message: `No site ${site}` }]);
      assertSite(user, site);
    }
    return { siteIds: user.siteIds, site };
  };
  const inventory = (user: AuthUser, location: number) => {
    const tree = subtree(sqlite, location);
    if (!tree) throw notFound('location.not_found');
    assertSite(user, tree.root.siteId ?? tree.root.id);
    return { title: pathText(sqlite, tree.root), groups: inventoryGroups(sqlite, location) };
  };

  r.get('/inventory.pdf', 'read', { summary: 'Inventory list of a location subtree, by building › floor › room, with thumbnails (PDF)', tags: ['reports'], query: InventoryReportQuery }, async (req, res) => {
    const { location } = parseQuery(InventoryReportQuery, req);
    const inv = inventory(currentUser(req), location);
    await renderInventoryPdf(res, inv.title, inv.groups, { uploadsDir: deps.config.uploadsDir, printedAt: now(), fileName: `inventarielista-${slug(inv.title)}.pdf` });
  });

  r.get('/inventory.csv', 'read', { summary: 'Inventory list of a location subtree (CSV)', tags: ['reports'], query: InventoryReportQuery }, (req, res) => {
    const { location } = parseQuery(InventoryReportQuery, req);
    const inv = inventory(currentUser(req), location);
    const rows = inv.groups.flatMap((g) =>
      g.works.map((w) => [g.building ?? '', g.floor ?? '', g.room ?? '', w.inventoryNumber, w.title, w.artists, SV.objectType[w.objectType] ?? w.objectType, w.technique ?? '', w.datingText ?? '',
        w.heightCm ?? '', w.widthCm ?? '', w.depthCm ?? '', SV.status[w.status] ?? w.status, w.lastGrade ?? '', w.lastCheckAt?.slice(0, 10) ?? '', w.nextCheckDue ?? '']),
    );
    sendCsv(res, `inventarielista-${slug(inv.title)}.csv`, ['byggnad', 'plan', 'rum', 'inventarienummer', 'titel', 'konstnär', 'objekttyp', 'teknik', 'datering', 'höjd_cm', 'bredd_cm', 'djup_cm', 'status', 'skick', 'senast_kontrollerad', 'nästa_kontroll'], rows);
  });

  r.get('/insurance.pdf', 'read', { summary: 'Insurance values by site (PDF)', tags: ['reports'], query: SiteReportQuery }, (req, res) => {
    const { site } = parseQuery(SiteReportQuery, req);
    renderInsurancePdf(res, insuranceBySite(sqlite, siteScope(currentUser(req), site)), { printedAt: now() });
  });

  r.get('/insurance.csv', 'read', { summary: 'Insurance values by site (CSV; öre and SEK)', tags: ['reports'], query: SiteReportQuery }, (req, res) => {
    const { site } = parseQuery(SiteReportQuery, req);
    const rows = insuranceBySite(sqlite, siteScope(currentUser(req), site));
    sendCsv(res, 'forsakringsvarden.csv', ['plats_id', 'plats', 'verk', 'verk_med_värde', 'försäkringsvärde_sek', 'försäkringsvärde_öre'], rows.map((x) => [x.siteId ?? '', x.siteName ?? 'Utan plats', x.works, x.valued, sek(x.value), x.value]));
  });

  const condition = (req: Request) => {
    const { site } = parseQuery(SiteReportQuery, req);
    const today = localDate(now());
    return { today, rows: conditionBySite(sqlite, siteScope(currentUser(req), site), today, addMonths(today, -12)) };
  };

  r.get('/condition.pdf', 'read', { summary: 'Condition summary by site: grades, never checked, overdue (PDF)', tags: ['reports'], query: SiteReportQuery }, (req, res) => {
    const c = condition(req);
    renderConditionPdf(res, c.rows, { printedAt: now(), today: c.today });
  });

  r.get('/condition.csv', 'read', { summary: 'Condition summary by site (CSV)', tags: ['reports'], query: SiteReportQuery }, (req, res) => {
    const { rows } = condition(req);
    sendCsv(res, 'skick-per-plats.csv', ['plats_id', 'plats', 'verk', 'skick_1', 'skick_2', 'skick_3', 'skick_4', 'aldrig_kontrollerade', 'försenade', 'kontrollerade_12_mån'],
      rows.map((x) => [x.siteId ?? '', x.siteName ?? 'Utan plats', x.works, x.g1, x.g2, x.g3, x.g4, x.never, x.overdue, x.checked12m]));
  });

  const artist = (req: Request) => {
    const { id } = parse(ArtistReportParams, req.params);
    const a = sqlite.prepare('select id, name from artists where id = ?').get(id) as { id: number; name: string } | undefined;
    if (!a) throw notFound('artist.not_found');
    return { artist: a, works: artistWorks(sqlite, id, { siteIds: currentUser(req).siteIds }) };
  };

  r.get('/artist/:id.pdf', 'read', { summary: 'All works of an artist (PDF)', tags: ['reports'], params: ArtistReportParams }, async (req, res) => {
    const a = artist(req);
    await renderArtistPdf(res, a.artist.name, a.works, { uploadsDir: deps.config.uploadsDir, printedAt: now(), fileName: `konstnar-${slug(a.artist.name)}.pdf` });
  });

  r.get('/artist/:id.csv', 'read', { summary: 'All works of an artist (CSV)', tags: ['reports'], params: ArtistReportParams }, (req, res) => {
    const a = artist(req);
    sendCsv(res, `konstnar-${slug(a.artist.name)}.csv`, ['inventarienummer', 'titel', 'konstnärer', 'datering', 'objekttyp', 'teknik', 'status', 'placering', 'skick', 'försäkringsvärde_sek'],
      a.works.map((w) => [w.inventoryNumber, w.title, w.artists, w.datingText ?? '', SV.objectType[w.objectType] ?? w.objectType, w.technique ?? '', SV.status[w.status] ?? w.status, w.place ?? '', w.lastGrade ?? '', sek(w.insuranceValue)]));
  });

  return r.router;
}
