// What the public guide may show: works marked public that hang in place, and only public fields.
import type Database from 'better-sqlite3';

export type GuideSite = { id: number; name: string; municipality: string | null; siteType: string | null; works: number; sha256: string | null };
export type GuideWork = {
  id: number;
  siteId: number;
  inventoryNumber: string;
  title: string;
  artists: string | null;
  datingText: string | null;
  yearFrom: number | null;
  technique: string | null;
  objectType: string;
  publicTextSv: string | null;
  publicTextEn: string | null;
  sha256: string | null;
  width: number | null;
  height: number | null;
  dominantColor: string | null;
  siteName: string;
  buildingName: string | null;
  floorName: string | null;
  roomName: string | null;
  /** The room or one of its parents is a closed unit: the exact room is never shown. */
  closed: boolean;
};

type WorkRow = Omit<GuideWork, 'buildingName' | 'floorName' | 'roomName' | 'closed'> & { locationPath: string };

const PUBLIC = `a.is_public = 1 and a.status = 'in_place'`;

const WORK_COLS = `a.id, a.site_id as siteId, a.inventory_number as inventoryNumber, a.title, a.dating_text as datingText, a.year_from as yearFrom,
  a.technique, a.object_type as objectType, a.public_text_sv as publicTextSv, a.public_text_en as publicTextEn,
  m.sha256, m.width, m.height, m.dominant_color as dominantColor,
  (select group_concat(name, ', ') from (select ar.name from artwork_artists aa join artists ar on ar.id = aa.artist_id where aa.artwork_id = a.id order by aa.position)) as artists,
  s.name as siteName, l.path as locationPath`;

const FROM = `from artworks a join locations l on l.id = a.location_id join locations s on s.id = a.site_id left join media m on m.id = a.primary_media_id`;

const collator = new Intl.Collator('sv');

export function guideQueries(sqlite: Database.Database) {
  const sites = sqlite.prepare(
    `select s.id, s.name, s.municipality, s.site_type as siteType, count(*) as works,
       (select m.sha256 from artworks b join media m on m.id = b.primary_media_id where b.site_id = s.id and b.is_public = 1 and b.status = 'in_place' order by b.id limit 1) as sha256
     from artworks a join locations s on s.id = a.site_id where ${PUBLIC} group by s.id order by s.name`,
  );
  const site = sqlite.prepare(`select id, name, municipality, site_type as siteType from locations where id = ? and kind = 'site'`);
  const worksOfSite = sqlite.prepare(`select ${WORK_COLS} ${FROM} where a.site_id = ? and ${PUBLIC} order by l.path, a.title limit 500`);
  const work = sqlite.prepare(`select ${WORK_COLS} ${FROM} where a.inventory_key = ? and ${PUBLIC}`);
  const node = sqlite.prepare('select name, kind, closed_unit as closed from locations where id = ?');
  // Building, floor and room names from the materialised path; a closed unit anywhere above hides the room.
  const place = (row: WorkRow): GuideWork => {
    const { locationPath, ...rest } = row;
    const out: GuideWork = { ...rest, buildingName: null, floorName: null, roomName: null, closed: false };
    for (const id of locationPath.split('/').filter(Boolean).map(Number)) {
      const n = node.get(id) as { name: string; kind: string; closed: number } | undefined;
      if (!n) continue;
      if (n.closed) out.closed = true;
      if (n.kind === 'building') out.buildingName = n.name;
      if (n.kind === 'floor') out.floorName = n.name;
      if (n.kind === 'room') out.roomName = n.name;
    }
    if (out.closed) out.roomName = null;
    return out;
  };
  const countView = sqlite.prepare(`insert into guide_views (site_id, day, views) values (?, ?, 1) on conflict(site_id, day) do update set views = views + 1`);
  return {
    sites: () => (sites.all() as GuideSite[]).sort((a, b) => collator.compare(a.name, b.name)),
    site: (id: number) => site.get(id) as Omit<GuideSite, 'works' | 'sha256'> | undefined,
    worksOfSite: (id: number) => (worksOfSite.all(id) as WorkRow[]).map(place),
    work: (inventoryKey: string) => {
      const row = work.get(inventoryKey) as WorkRow | undefined;
      return row ? place(row) : undefined;
    },
    /** Counts one page view for the site today: no cookie, no address, nothing about the visitor. */
    countView: (siteId: number, day: string) => countView.run(siteId, day),
  };
}

