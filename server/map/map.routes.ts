// GET /api/map/clusters, /api/map/config, /api/map/sites/:id; GET /api/floors/:id/plan;
// PUT /api/artworks/:id/placement (a pin dropped on a floor plan).
import type { Deps } from '../deps.js';
import { secureRouter } from '../http/routes.js';
import { parse, parseBody, parseParams, requireIfMatch } from '../http/validate.js';
import { assertSite, currentUser } from '../users/auth.js';
import { roleAllows } from '../users/permissions.js';
import { workFilter } from './map.filters.js';
import { floorPlan, siteSummary } from './map.queries.js';
import { ClusterParams, IdParam, PlacementBody, type MapConfig } from './map.schema.js';
import { createMapService } from './map.service.js';
import { scheduleDemoFloorPlans } from './floorplan-render.js';

export function mapRoutes(deps: Deps) {
  const r = secureRouter(deps.routes, '/api');
  const sqlite = deps.db.$client;
  const map = createMapService(deps);
  scheduleDemoFloorPlans(deps);

  r.get('/map/clusters', 'read', { summary: 'Clusters and sites of the (filtered) collection in a bbox at a zoom', tags: ['map'], query: ClusterParams }, (req, res) => {
    const user = currentUser(req);
    const { bbox, zoom, ...rest } = req.query as Record<string, unknown>;
    const params = parse(ClusterParams, { bbox, zoom });
    const filter = workFilter(deps, rest, user);
    res.set('Cache-Control', 'private, no-cache').json(map.clusters(params, filter, user));
  });

  r.get('/map/config', 'read', { summary: 'Base map: tile URL and attribution, or offline', tags: ['map'] }, (_req, res) => {
    const tileUrl = deps.config.tileUrl ?? null;
    const body: MapConfig = { tileUrl, attribution: tileUrl ? (deps.config.tileAttribution ?? '© OpenStreetMap contributors') : null };
    res.json(body);
  });

  r.get('/map/sites/:id', 'read', { summary: "A site's floors with work counts and plan status", tags: ['map'], params: IdParam }, (req, res) => {
    const { id } = parseParams(IdParam, req);
    assertSite(currentUser(req), id);
    res.json(siteSummary(sqlite, id));
  });

  r.get('/floors/:id/plan', 'read', { summary: "A floor's plan image, rooms, placed and unplaced works", tags: ['map'], params: IdParam }, (req, res) => {
    const { id } = parseParams(IdParam, req);
    const user = currentUser(req);
    assertSite(user, map.findFloor(id).siteId);
    res.json(floorPlan(sqlite, id, roleAllows(user.role, 'catalogue.write')));
  });

  r.put(
    '/artworks/:id/placement',
    'catalogue.write',
    { summary: 'Place or move a work on its floor plan (another room = a movement)', tags: ['map'], params: IdParam, body: PlacementBody, ifMatch: true },
    (req, res) => {
      const { id } = parseParams(IdParam, req);
      const version = requireIfMatch(req);
      const body = parseBody(PlacementBody, req);
      const result = map.place(id, body, version, currentUser(req));
      res.set('ETag', `"${result.version}"`).json(result);
    },
  );

  return r.router;
}
