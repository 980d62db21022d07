// GET /api/labels.pdf?location=|works=&layout=&start=: QR label sheets for a subtree (walking order) or a list of works.
import type { Request } from 'express';
import type Database from 'better-sqlite3';
import type { Deps } from '../deps.js';
import { unprocessable, validationError } from '../http/errors.js';
import { secureRouter } from '../http/routes.js';
import { parseQuery } from '../http/validate.js';
import { findLocation } from '../locations/locations.queries.js';
import { sortForWalking, subtreeNodes, type PlacedWork } from '../rounds/walking-order.js';
import { assertSite, currentUser, type AuthUser } from '../users/auth.js';
import { labelsPdf, workUrl, type LabelWork } from './labels.pdf.js';
import { LABEL_LAYOUTS, LabelsQuery, MAX_LABELS } from './labels.schema.js';

type Row = PlacedWork & { title: string; status: string; siteId: number | null; artists: string };

const COLS = `a.id, a.location_id as locationId, a.pos_x as posX, a.pos_y as posY, a.inventory_number as inventoryNumber, a.title, a.status, a.site_id as siteId,
  (select json_group_array(name) from (select ar.name from artwork_artists aa join artists ar on ar.id = aa.artist_id where aa.artwork_id = a.id order by aa.position, ar.sort_name)) as artists`;

/** Works of the request: the subtree's (not deaccessioned) in walking order, then the listed ones in the given order. */
export function labelWorks(sqlite: Database.Database, q: LabelsQuery, user: AuthUser): Row[] {
  const out: Row[] = [];
  const seen = new Set<number>();
  if (q.location !== undefined) {
    const loc = findLocation(sqlite, q.location);
    if (!loc) throw unprocessable('labels.unknown_location', `Location ${q.location} does not exist.`, [{ path: 'location', message: 'Unknown location' }]);
    assertSite(user, loc.siteId ?? loc.id);
    const nodes = subtreeNodes(sqlite, [loc.path]);
    const rows = sqlite
      .prepare(`select ${COLS} from artworks a where a.location_id in (select value from json_each(?)) and a.status <> 'deaccessioned'`)
      .all(JSON.stringify(nodes.map((n) => n.id))) as Row[];
    for (const r of sortForWalking(rows, nodes)) (seen.add(r.id), out.push(r));
  }
  if (q.works) {
    const byId = sqlite.prepare(`select ${COLS} from artworks a where a.id = ?`);
    const errors: { path: string; message: string }[] = [];
    q.works.forEach((id, i) => {
      if (seen.has(id)) return;
      const r = byId.get(id) as Row | undefined;
      if (!r) return void errors.push({ path: `works.${i}`, message: `No work ${id}` });
      if (r.status === 'deaccessioned') return void errors.push({ path: `works.${i}`, message: `Work ${r.inventoryNumber} is deaccessioned` });
      assertSite(user, r.siteId);
      seen.add(id);
      out.push(r);
    });
    if (errors.length) throw unprocessable('labels.unknown_work', 'Some works cannot get a label.', errors);
  }
  if (!out.length) throw unprocessable('labels.empty', 'There are no works to label here.', [{ path: 'location', message: 'No works' }]);
  if (out.length > MAX_LABELS) throw unprocessable('labels.too_many', `At most ${MAX_LABELS} labels per PDF; choose a smaller part.`, [{ path: 'location', message: `${out.length} works` }]);
  return out;
}

/** Where QR codes point: PUBLIC_URL when configured (behind a proxy), else this request's own origin. */
export function publicOrigin(deps: Deps, req: Request): string {
  return deps.config.publicUrl ?? `${req.protocol}://${req.get('host')}`;
}

export function labelRoutes(deps: Deps) {
  const sqlite = deps.db.$client;
  const r = secureRouter(deps.routes, '/api');

  r.get('/labels.pdf', 'read', { summary: 'QR label sheets (A4: 3x8 70×36 mm, 2x7 L7163, 3x7 L7160) for a location subtree or a list of works', tags: ['labels'], query: LabelsQuery }, async (req, res) => {
    const q = parseQuery(LabelsQuery, req);
    const layout = LABEL_LAYOUTS[q.layout];
    const perSheet = layout.cols * layout.rows;
    if (q.start > perSheet) throw validationError([{ path: 'start', message: `A ${q.layout} sheet has ${perSheet} labels` }]);
    const works = labelWorks(sqlite, q, currentUser(req));
    const origin = publicOrigin(deps, req);
    const labels: LabelWork[] = works.map((w) => ({ inventoryNumber: w.inventoryNumber, title: w.title, artists: JSON.parse(w.artists) as string[], url: workUrl(origin, w.inventoryNumber) }));
    const pdf = await labelsPdf(labels, q.layout, q.start);
    res.type('application/pdf').setHeader('Content-Disposition', `inline; filename="labels-${q.layout}.pdf"`);
    res.setHeader('X-Label-Count', String(labels.length));
    res.send(pdf);
  });

  return r.router;
}
