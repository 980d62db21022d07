// Reads for media: the records media hang on (and their sites), links, and who may see a file.
import type Database from 'better-sqlite3';
import { canSeeSite, type AuthUser } from '../users/auth.js';
import type { MediaEntityType, MediaLinkItem, MediaRole } from './media.schema.js';

export type MediaRow = {
  id: number;
  sha256: string;
  mime: string;
  ext: string;
  bytes: number;
  width: number | null;
  height: number | null;
  dominantColor: string | null;
  originalName: string | null;
  state: string;
  createdAt: string;
};

export type LinkRow = {
  id: number;
  mediaId: number;
  entityType: MediaEntityType;
  entityId: number;
  role: MediaRole;
  position: number;
  caption: string | null;
  version: number;
  createdAt: string;
};

const MEDIA_COLUMNS = `m.id, m.sha256, m.mime, m.ext, m.bytes, m.width, m.height, m.dominant_color as dominantColor,
  m.original_name as originalName, m.state, m.created_at as createdAt`;
const LINK_COLUMNS = `l.id, l.media_id as mediaId, l.entity_type as entityType, l.entity_id as entityId, l.role, l.position,
  l.caption, l.version, l.created_at as createdAt`;

export const findMediaBySha = (sqlite: Database.Database, sha256: string) =>
  sqlite.prepare(`select ${MEDIA_COLUMNS} from media m where m.sha256 = ?`).get(sha256) as MediaRow | undefined;

export const findMedia = (sqlite: Database.Database, id: number) =>
  sqlite.prepare(`select ${MEDIA_COLUMNS} from media m where m.id = ?`).get(id) as MediaRow | undefined;

export const findLink = (sqlite: Database.Database, id: number) =>
  sqlite.prepare(`select ${LINK_COLUMNS} from media_links l where l.id = ?`).get(id) as LinkRow | undefined;

export const findLinkFor = (sqlite: Database.Database, mediaId: number, entityType: MediaEntityType, entityId: number) =>
  sqlite.prepare(`select ${LINK_COLUMNS} from media_links l where l.media_id = ? and l.entity_type = ? and l.entity_id = ?`).get(mediaId, entityType, entityId) as
    | LinkRow
    | undefined;

export const linksOfEntity = (sqlite: Database.Database, entityType: MediaEntityType, entityId: number) =>
  sqlite.prepare(`select ${LINK_COLUMNS} from media_links l where l.entity_type = ? and l.entity_id = ? order by l.position, l.id`).all(entityType, entityId) as LinkRow[];

export function mediaUrls(m: Pick<MediaRow, 'sha256' | 'mime'>): MediaLinkItem['urls'] {
  const base = `/media/${m.sha256}`;
  const image = m.mime.startsWith('image/');
  return { thumb: image ? `${base}/thumb.webp` : null, medium: image ? `${base}/medium.webp` : null, large: image ? `${base}/large.webp` : null, original: `${base}/original` };
}

export function linkItems(sqlite: Database.Database, where: string, ...params: unknown[]): MediaLinkItem[] {
  const rows = sqlite
    .prepare(
      `select ${LINK_COLUMNS}, m.sha256, m.mime, m.bytes, m.width, m.height, m.dominant_color as dominantColor, m.original_name as originalName
         from media_links l join media m on m.id = l.media_id where ${where} order by l.position, l.id`,
    )
    .all(...params) as (LinkRow & MediaRow)[];
  return rows.map((r) => ({
    id: r.id,
    mediaId: r.mediaId,
    entityType: r.entityType,
    entityId: r.entityId,
    role: r.role,
    position: r.position,
    caption: r.caption,
    version: r.version,
    sha256: r.sha256,
    mime: r.mime,
    bytes: r.bytes,
    width: r.width,
    height: r.height,
    dominantColor: r.dominantColor,
    originalName: r.originalName,
    createdAt: r.createdAt,
    urls: mediaUrls(r),
  }));
}

export const linkItem = (sqlite: Database.Database, linkId: number) => linkItems(sqlite, 'l.id = ?', linkId)[0];

/** The record's existence and its site (null when the record has none, e.g. an unplaced work). */
export type EntitySite = { siteId: number | null };

const tableExists = (sqlite: Database.Database, name: string) =>
  !!sqlite.prepare(`select 1 from sqlite_master where type = 'table' and name = ?`).get(name);
const hasColumn = (sqlite: Database.Database, table: string, column: string) =>
  tableExists(sqlite, table) && (sqlite.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[]).includes(column);

/**
 * One statement per entity type giving its site. Projects, proposals and damage reports belong to
 * other features whose tables may not exist yet: their site comes from a `site_id` or via their
 * artwork/project when the columns exist, else null (visible to unrestricted users only).
 */
function siteStatements(sqlite: Database.Database): Record<MediaEntityType, Database.Statement | null> {
  const viaArtwork = (table: string) => `select a.site_id as siteId from ${table} x left join artworks a on a.id = x.artwork_id where x.id = ?`;
  const ownOrNull = (table: string) =>
    !tableExists(sqlite, table)
      ? null
      : hasColumn(sqlite, table, 'site_id') && hasColumn(sqlite, table, 'artwork_id')
        ? `select coalesce(x.site_id, a.site_id) as siteId from ${table} x left join artworks a on a.id = x.artwork_id where x.id = ?`
        : hasColumn(sqlite, table, 'site_id')
        ? `select site_id as siteId from ${table} where id = ?`
        : hasColumn(sqlite, table, 'artwork_id')
          ? viaArtwork(table)
          : `select null as siteId from ${table} where id = ?`;
  const proposal =
    tableExists(sqlite, 'proposals') && hasColumn(sqlite, 'proposals', 'project_id') && hasColumn(sqlite, 'projects', 'site_id')
      ? 'select p.site_id as siteId from proposals x left join projects p on p.id = x.project_id where x.id = ?'
      : ownOrNull('proposals');
  const sql: Record<MediaEntityType, string | null> = {
    artwork: 'select site_id as siteId from artworks where id = ?',
    condition_check: viaArtwork('condition_checks'),
    treatment: viaArtwork('conservation_treatments'),
    location: 'select site_id as siteId from locations where id = ?',
    project: ownOrNull('projects'),
    proposal,
    damage_report: ownOrNull('damage_reports'),
  };
  return Object.fromEntries(Object.entries(sql).map(([k, q]) => [k, q ? sqlite.prepare(q) : null])) as Record<MediaEntityType, Database.Statement | null>;
}

const siteCache = new WeakMap<Database.Database, Record<MediaEntityType, Database.Statement | null>>();

export function entitySite(sqlite: Database.Database, entityType: MediaEntityType, entityId: number): EntitySite | undefined {
  let stmts = siteCache.get(sqlite);
  // Rebuilt when a table that was missing has appeared since (another feature's migration).
  if (!stmts || (stmts[entityType] === null && tableExists(sqlite, TABLE_OF[entityType]))) {
    stmts = siteStatements(sqlite);
    siteCache.set(sqlite, stmts);
  }
  const stmt = stmts[entityType];
  if (!stmt) return undefined;
  return stmt.get(entityId) as EntitySite | undefined;
}

const TABLE_OF: Record<MediaEntityType, string> = {
  artwork: 'artworks',
  condition_check: 'condition_checks',
  treatment: 'conservation_treatments',
  location: 'locations',
  project: 'projects',
  proposal: 'proposals',
  damage_report: 'damage_reports',
};

/** True when the file is the primary or a detail picture of a work marked public: anyone may fetch it. */
export function isPublicMedia(sqlite: Database.Database, sha256: string): boolean {
  return !!sqlite
    .prepare(
      `select 1 from media m join media_links l on l.media_id = m.id and l.entity_type = 'artwork' and l.role in ('primary', 'detail')
         join artworks a on a.id = l.entity_id and a.is_public = 1
       where m.sha256 = ? limit 1`,
    )
    .get(sha256);
}

/** A signed-in user may fetch a file when they can see at least one record it is linked to. */
export function userCanSeeMedia(sqlite: Database.Database, user: AuthUser, mediaId: number): boolean {
  if (user.siteIds === null) return true;
  const links = sqlite.prepare('select entity_type as entityType, entity_id as entityId from media_links where media_id = ?').all(mediaId) as {
    entityType: MediaEntityType;
    entityId: number;
  }[];
  return links.some((l) => {
    const site = entitySite(sqlite, l.entityType, l.entityId);
    return site !== undefined && canSeeSite(user, site.siteId);
  });
}
