// /api/locations: the site › building › floor › room tree with work counts, edits, subtree moves, contents on a date.
import type { Request } from 'express';
import type { Deps } from '../deps.js';
import { forbidden } from '../http/errors.js';
import { secureRouter } from '../http/routes.js';
import { parse, parseBody, parseQuery, requireIfMatch } from '../http/validate.js';
import { contentsAt } from '../movements/movements.queries.js';
import { assertSite, canSeeSite, currentUser } from '../users/auth.js';
import { getLocation, LOCATION_COLUMNS, resolveLocation, subtreeCounts, toLocation, type LocationRow } from './locations.queries.js';
import { ContentsAtQuery, CreateLocationBody, DetailQuery, IdParams, LocationListQuery, UpdateLocationBody } from './locations.schema.js';
import { createLocation, updateLocation } from './locations.service.js';

type Node = LocationRow & { worksCount: number; children?: Node[] };
const tags = ['locations'];

export function locationRoutes(deps: Deps) {
  const sqlite = deps.db.$client;
  const r = secureRouter(deps.routes, '/api/locations');
  const now = () => deps.clock.now().toISOString();

  const visible = (req: Request, rows: LocationRow[]) => {
    const user = currentUser(req);
    return rows.filter((l) => canSeeSite(user, l.siteId));
  };
  const withCounts = (rows: LocationRow[], counts: Map<number, number>): Node[] => rows.map((l) => ({ ...l, worksCount: counts.get(l.id) ?? 0 }));

  const detail = (id: number, req: Request, includeInactive = false) => {
    const loc = getLocation(sqlite, id);
    assertSite(currentUser(req), loc.siteId);
    const counts = subtreeCounts(sqlite, loc.path);
    const children = (sqlite.prepare(`select ${LOCATION_COLUMNS} from locations where parent_id = ? and (active = 1 or ?) order by name, id`).all(id, includeInactive ? 1 : 0) as Parameters<typeof toLocation>[0][]).map(toLocation);
    const resolved = resolveLocation(sqlite, id)!;
    const direct = sqlite.prepare("select count(*) from artworks where location_id = ? and status != 'deaccessioned'").pluck().get(id) as number;
    return { ...loc, siteType: resolved.siteType, pathNodes: resolved.path, pathText: resolved.pathText, worksCount: counts.get(id) ?? 0, worksHere: direct, children: withCounts(children, counts) };
  };

  r.get('/', 'read', { summary: 'Sites, children of a node, a nested tree, or a name search — with work counts per node (whole subtree)', tags, query: LocationListQuery }, (req, res) => {
    const q = parseQuery(LocationListQuery, req);
    const where: string[] = [];
    const args: unknown[] = [];
    if (!q.includeInactive) where.push('active = 1');
    if (q.kind) (where.push('kind = ?'), args.push(q.kind));
    if (q.site) (where.push('site_id = ?'), args.push(q.site));
    if (q.q) {
      where.push(`(name like ? escape '\\' or code like ? escape '\\')`);
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      args.push(like, like);
    }
    if (q.parent) (where.push('parent_id = ?'), args.push(q.parent));
    else if (!q.tree && !q.q && !q.kind) where.push('parent_id is null');
    const sql = `select ${LOCATION_COLUMNS} from locations ${where.length ? 'where ' + where.join(' and ') : ''} order by ${q.tree ? 'path' : 'name, id'}`;
    const rows = visible(req, (sqlite.prepare(sql).all(...args) as Parameters<typeof toLocation>[0][]).map(toLocation));
    const counts = subtreeCounts(sqlite);
    if (q.tree) {
      const nodes = new Map<number, Node>();
      const roots: Node[] = [];
      for (const n of withCounts(rows, counts)) {
        n.children = [];
        nodes.set(n.id, n);
        const parent = n.parentId ? nodes.get(n.parentId) : undefined;
        if (parent) parent.children!.push(n);
        else roots.push(n);
      }
      res.json({ items: roots, total: rows.length, nextCursor: null });
      return;
    }
    const items = withCounts(rows.slice(0, q.q ? q.limit : undefined), counts).map((n) => (q.q ? { ...n, pathText: resolveLocation(sqlite, n.id)?.pathText } : n));
    res.json({ items, total: rows.length, nextCursor: null });
  });

  r.get('/:id', 'read', { summary: 'A location with its path, children and work counts', tags, params: IdParams, query: DetailQuery }, (req, res) => {
    const { id } = parse(IdParams, req.params);
    const q = parseQuery(DetailQuery, req);
    const d = detail(id, req, q.includeInactive);
    res.setHeader('ETag', `"${d.version}"`).json(d);
  });

  r.post('/', 'catalogue.write', { summary: 'Create a site, building, floor or room', tags, body: CreateLocationBody, status: 201 }, (req, res) => {
    const body = parseBody(CreateLocationBody, req);
    const loc = createLocation(sqlite, body, currentUser(req), now());
    res.status(201).setHeader('Location', `/api/locations/${loc.id}`).setHeader('ETag', `"${loc.version}"`).json(detail(loc.id, req));
  });

  r.patch('/:id', 'catalogue.write', { summary: 'Rename, edit, move the subtree (parentId) or deactivate (active: false, only when empty)', tags, params: IdParams, body: UpdateLocationBody, ifMatch: true }, (req, res) => {
    const { id } = parse(IdParams, req.params);
    const expected = requireIfMatch(req);
    const body = parseBody(UpdateLocationBody, req);
    const result = updateLocation(sqlite, id, expected, body, currentUser(req), now());
    if (result.movedArtworkIds.length) deps.events.emit('artworks.changed', result.movedArtworkIds);
    else if (body.name !== undefined || body.lat !== undefined || body.lon !== undefined) {
      // Names and coordinates of locations show in search and on the map: let indexes refresh the works inside.
      const ids = sqlite.prepare('select id from artworks where location_id in (select id from locations where path >= ? and path < ?)').pluck().all(result.location.path, result.location.path.slice(0, -1) + '0') as number[];
      if (ids.length) deps.events.emit('artworks.changed', ids);
    }
    // A new check interval or environment changes when every work below is next due.
    if (body.checkIntervalMonths !== undefined || body.envTags !== undefined) deps.events.emit('locations.changed', { path: result.location.path });
    const d = detail(id, req);
    res.setHeader('ETag', `"${d.version}"`).json(d);
  });

  r.get('/:id/contents-at', 'read', { summary: 'What was in this location (and below) on a date, from movements', tags, params: IdParams, query: ContentsAtQuery }, (req, res) => {
    const { id } = parse(IdParams, req.params);
    const q = parseQuery(ContentsAtQuery, req);
    const loc = getLocation(sqlite, id);
    const user = currentUser(req);
    if (!canSeeSite(user, loc.siteId)) throw forbidden('auth.site_forbidden', 'Your account is limited to other sites.');
    const items = contentsAt(sqlite, loc.path, q.date);
    res.json({ location: { id, pathText: resolveLocation(sqlite, id)!.pathText }, date: q.date, items, total: items.length, nextCursor: null });
  });

  return r.router;
}
