// The map's logic: clusters from the in-memory index (kept current by write events), and a pin
// dropped on a floor plan turned into a placement change or a movement.
import type { Deps } from '../deps.js';
import { notFound, preconditionFailed, unprocessable } from '../http/errors.js';
import { assertSite, type AuthUser } from '../users/auth.js';
import { moveArtworks, setPlacement } from '../movements/movements.service.js';
import { buildClusterIndex, clusterFeatures, MapIndex, type WorkFilter } from './map.index.js';
import { findFloor } from './map.queries.js';
import type { ClusterParams, ClustersResponse, PlacementBody } from './map.schema.js';

export type MapService = ReturnType<typeof createMapService>;

export function createMapService(deps: Deps) {
  const sqlite = deps.db.$client;
  const index = new MapIndex(sqlite, () => deps.clock.now());

  // Built before traffic arrives; afterwards each request applies the change log (cheap), never a rebuild.
  deps.events.on('started', () => index.reload());

  function clusters(params: ClusterParams, filter: WorkFilter, user: AuthUser): ClustersResponse {
    const onlySites = user.siteIds ? new Set(user.siteIds) : null;
    let view;
    if (!filter && !onlySites) view = index.defaultView();
    else {
      // A filtered view aggregates per site first, so the cluster index holds a few hundred points.
      const agg = index.aggregate(filter, onlySites);
      view = { ...agg, index: buildClusterIndex(agg.aggs) };
    }
    const { features, total } = clusterFeatures(view.index, view.aggs, params.bbox, params.zoom);
    return { type: 'FeatureCollection', features, total, matched: view.matched, unmapped: view.unmapped };
  }

  const workRow = sqlite.prepare(
    `select a.id, a.location_id as locationId, a.site_id as siteId, a.version, a.status, l.kind, l.parent_id as parentId
       from artworks a left join locations l on l.id = a.location_id where a.id = ?`,
  );
  const locRow = sqlite.prepare('select id, kind, parent_id as parentId, site_id as siteId from locations where id = ?');
  type Loc = { id: number; kind: string; parentId: number | null; siteId: number };
  const floorOf = (l: Loc | undefined) => (!l ? null : l.kind === 'floor' ? l.id : l.kind === 'room' ? l.parentId : null);

  /**
   * A pin dropped on a floor plan. Same room (or no room given) → the spot changes (setPlacement);
   * another room or floor → a movement to it with the spot (moveArtworks). Both audited.
   */
  function place(artworkId: number, body: PlacementBody, expectedVersion: number, user: AuthUser) {
    const at = deps.clock.now().toISOString();
    const result = sqlite.transaction(() => {
      const w = workRow.get(artworkId) as { id: number; locationId: number | null; siteId: number | null; version: number; status: string; kind: string | null; parentId: number | null } | undefined;
      if (!w) throw notFound('artwork.not_found', `No work with id ${artworkId}.`);
      assertSite(user, w.siteId);
      if (w.version !== expectedVersion) throw preconditionFailed('artwork.version_conflict', w);
      const target = body.locationId ?? w.locationId;
      if (target == null) throw unprocessable('artwork.no_location', 'Say which room the work is placed in.', [{ path: 'locationId', message: 'Required: the work has no location' }]);
      if (target === w.locationId) return { ...setPlacement(sqlite, { artworkId, posX: body.posX, posY: body.posY, userId: user.id, expectedVersion, user }, at), moved: false };
      const dest = locRow.get(target) as Loc | undefined;
      if (!dest) throw unprocessable('movement.unknown_location', `Location ${target} does not exist.`, [{ path: 'locationId', message: 'Unknown location' }]);
      if (dest.kind !== 'room' && dest.kind !== 'floor') throw unprocessable('placement.not_on_a_plan', 'A spot on a plan is in a room or on a floor.', [{ path: 'locationId', message: 'Pick a room or a floor' }]);
      const currentFloor = floorOf(w.kind ? { id: w.locationId!, kind: w.kind, parentId: w.parentId, siteId: w.siteId ?? 0 } : undefined);
      const destFloor = floorOf(dest);
      if (body.posX !== null && currentFloor !== null && destFloor !== currentFloor)
        throw unprocessable('placement.other_floor', 'A spot is placed on the plan of the floor the room is on.', [{ path: 'locationId', message: 'Room on another floor' }]);
      moveArtworks(sqlite, { artworkIds: [artworkId], toLocationId: target, reason: body.reason ?? 'Placed on the floor plan', userId: user.id, posX: body.posX, posY: body.posY, user }, at);
      return { version: (workRow.get(artworkId) as { version: number }).version, moved: true };
    })();
    deps.events.emit('artworks.changed', [artworkId]);
    return result;
  }

  return { index, clusters, place, findFloor: (id: number) => findFloor(sqlite, id) };
}
