// Reads behind the floor plans and a site's card: a floor with its rooms and works, a site's floors.
import type Database from 'better-sqlite3';
import { notFound } from '../http/errors.js';
import type { FloorPlan, PlanArea, PlanWork, SiteFloor, SiteSummary } from './map.schema.js';
import { proposalPins } from '../projects/projects.queries.js';

/** URL of a stored image in one of its derivative sizes (the media store's public path). */
export const mediaUrl = (sha256: string, size: 'thumb' | 'medium' | 'large') => `/media/${sha256}/${size}.webp`;

type FloorRow = {
  id: number;
  name: string;
  kind: string;
  siteId: number;
  version: number;
  floorPlanMediaId: number | null;
  buildingName: string;
  siteName: string;
};
type WorkRow = Omit<PlanWork, 'thumbUrl'> & { thumbSha: string | null };

function prepare(sqlite: Database.Database) {
  return {
    floor: sqlite.prepare(
      `select f.id, f.name, f.kind, f.site_id as siteId, f.version, f.floor_plan_media_id as floorPlanMediaId,
              b.name as buildingName, s.name as siteName
         from locations f join locations b on b.id = f.parent_id join locations s on s.id = f.site_id
        where f.id = ?`,
    ),
    plan: sqlite.prepare('select id, sha256, width, height, state from media where id = ?'),
    rooms: sqlite.prepare("select id, name, code, plan_area as planArea from locations where parent_id = ? and kind = 'room' and active = 1 order by code, name, id"),
    works: sqlite.prepare(
      `select a.id, a.inventory_number as inventoryNumber, a.title, a.object_type as objectType, a.status,
              a.last_grade as grade, a.next_check_due as nextCheckDue, a.location_id as locationId,
              case when l.kind = 'room' then l.name end as roomName, a.pos_x as posX, a.pos_y as posY, a.version,
              (select group_concat(name, ', ') from (select ar.name from artwork_artists aa join artists ar on ar.id = aa.artist_id
                 where aa.artwork_id = a.id order by aa.position)) as artists,
              (select m.sha256 from media m where m.id = a.primary_media_id and m.state = 'ready') as thumbSha
         from artworks a join locations l on l.id = a.location_id
        where (l.id = ? or l.parent_id = ?) and a.status != 'deaccessioned'
        order by a.inventory_key`,
    ),
    siteFloors: sqlite.prepare(
      `select f.id, f.name, b.id as buildingId, b.name as buildingName, f.floor_plan_media_id is not null as hasPlan,
              (select count(*) from artworks a join locations l on l.id = a.location_id
                where (l.id = f.id or l.parent_id = f.id) and a.status != 'deaccessioned') as works,
              (select count(*) from artworks a join locations l on l.id = a.location_id
                where (l.id = f.id or l.parent_id = f.id) and a.status != 'deaccessioned' and a.pos_x is not null) as placed
         from locations f join locations b on b.id = f.parent_id
        where f.site_id = ? and f.kind = 'floor' and f.active = 1
        order by b.name, f.code, f.name, f.id`,
    ),
    site: sqlite.prepare("select id, name, site_type as siteType, municipality from locations where id = ? and kind = 'site'"),
  };
}
const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();
const stmts = (sqlite: Database.Database) => {
  let s = cache.get(sqlite);
  if (!s) cache.set(sqlite, (s = prepare(sqlite)));
  return s;
};

/** The floor (404 unless it is a floor) with the site it belongs to, for access checks. */
export function findFloor(sqlite: Database.Database, id: number): FloorRow {
  const f = stmts(sqlite).floor.get(id) as FloorRow | undefined;
  if (!f || f.kind !== 'floor') throw notFound('floor.not_found', `No floor with id ${id}.`);
  return f;
}

export function floorPlan(sqlite: Database.Database, id: number, canEdit: boolean): FloorPlan {
  const s = stmts(sqlite);
  const f = findFloor(sqlite, id);
  const media = f.floorPlanMediaId ? (s.plan.get(f.floorPlanMediaId) as { id: number; sha256: string; width: number | null; height: number | null; state: string } | undefined) : undefined;
  const rooms = (s.rooms.all(id) as { id: number; name: string; code: string | null; planArea: string | null }[]).map((r) => ({
    ...r,
    planArea: r.planArea ? (JSON.parse(r.planArea) as PlanArea) : null,
  }));
  const placed: PlanWork[] = [];
  const unplaced: PlanWork[] = [];
  for (const { thumbSha, ...w } of s.works.all(id, id) as WorkRow[]) {
    const work: PlanWork = { ...w, thumbUrl: thumbSha ? mediaUrl(thumbSha, 'thumb') : null };
    (w.posX != null && w.posY != null ? placed : unplaced).push(work);
  }
  return {
    floor: { id: f.id, name: f.name, pathText: `${f.siteName} › ${f.buildingName} › ${f.name}`, siteId: f.siteId, siteName: f.siteName, buildingName: f.buildingName, version: f.version },
    plan:
      media && media.state === 'ready' && media.width && media.height
        ? { mediaId: media.id, url: mediaUrl(media.sha256, 'large'), width: media.width, height: media.height }
        : null,
    rooms,
    placed,
    unplaced,
    canEdit,
    proposals: proposalPins(sqlite, id),
  };
}

export function siteSummary(sqlite: Database.Database, siteId: number): SiteSummary {
  const s = stmts(sqlite);
  const site = s.site.get(siteId) as Omit<SiteSummary, 'floors'> | undefined;
  if (!site) throw notFound('site.not_found', `No site with id ${siteId}.`);
  const floors = (s.siteFloors.all(siteId) as (Omit<SiteFloor, 'hasPlan'> & { hasPlan: number })[]).map((f) => ({ ...f, hasPlan: Boolean(f.hasPlan) }));
  return { ...site, floors };
}
