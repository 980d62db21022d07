// Links between files and records: create, change role/position/caption, unlink. Synchronous, so each
// runs inside the caller's transaction together with its audit rows.
import type Database from 'better-sqlite3';
import { recordAudit } from '../audit/audit.js';
import { forbidden, notFound, preconditionFailed, unprocessable, validationError } from '../http/errors.js';
import { assertSite, type AuthUser } from '../users/auth.js';
import { roleAllows, type Permission } from '../users/permissions.js';
import { entitySite, findLink, findLinkFor, findMedia, linkItem, linksOfEntity, type LinkRow } from './media.queries.js';
import { DOCUMENT_ROLES, ROLES_BY_ENTITY, type MediaEntityType, type MediaLinkItem, type MediaRole, type UpdateLinkBody } from './media.schema.js';

/**
 * Who may attach files to what. The upload route is registered with 'read' (every staff role) and
 * checks this per entity type, because one route serves curators, conservators and project leads.
 */
export const WRITE_PERMISSION: Record<MediaEntityType, Permission> = {
  artwork: 'catalogue.write',
  location: 'catalogue.write',
  condition_check: 'condition.write',
  treatment: 'condition.write',
  damage_report: 'condition.write',
  project: 'project.write',
  proposal: 'project.write',
};

/** Roles held by one link per record: a new one moves the old one to the fallback role. */
const UNIQUE_ROLES: Partial<Record<MediaRole, MediaRole>> = { primary: 'detail', floor_plan: 'document' };

/** 403 unless the user's role may write this kind of record and the record is on one of their sites; 422 if it does not exist. */
export function assertCanAttach(sqlite: Database.Database, user: AuthUser, entityType: MediaEntityType, entityId: number): void {
  if (!roleAllows(user.role, WRITE_PERMISSION[entityType])) throw forbidden();
  const site = entitySite(sqlite, entityType, entityId);
  if (!site) throw unprocessable('media.unknown_entity', `There is no ${entityType} ${entityId}.`, [{ path: 'entityId', message: `Unknown ${entityType}` }]);
  assertSite(user, site.siteId);
}

export function assertRoleFits(entityType: MediaEntityType, role: MediaRole, mime?: string): void {
  if (!ROLES_BY_ENTITY[entityType].includes(role))
    throw validationError([{ path: 'role', message: `A ${entityType} takes ${ROLES_BY_ENTITY[entityType].join(', ')}` }], `Role ${role} does not fit a ${entityType}.`);
  if (mime === 'application/pdf' && !DOCUMENT_ROLES.includes(role))
    throw validationError([{ path: 'role', message: `A PDF can only be a ${DOCUMENT_ROLES.join(' or ')}` }], 'A PDF can only be linked as a document or sketch.');
}

export type LinkInput = {
  mediaId: number;
  entityType: MediaEntityType;
  entityId: number;
  role: MediaRole;
  userId: number | null;
  caption?: string | null;
  at: string;
};

export type LinkResult = { link: MediaLinkItem; created: boolean; changedArtworkIds: number[] };

/** Links a stored file to a record (once: linking it again returns the existing link). Call inside a transaction. */
export function insertLink(sqlite: Database.Database, input: LinkInput): LinkResult {
  const existing = findLinkFor(sqlite, input.mediaId, input.entityType, input.entityId);
  if (existing) return { link: linkItem(sqlite, existing.id)!, created: false, changedArtworkIds: [] };
  const media = findMedia(sqlite, input.mediaId);
  if (!media) throw unprocessable('media.not_found', `There is no media ${input.mediaId}.`, [{ path: 'mediaId', message: 'Unknown media' }]);
  assertRoleFits(input.entityType, input.role, media.mime);
  demoteHolder(sqlite, input, null);
  const position = sqlite.prepare('select coalesce(max(position) + 1, 0) from media_links where entity_type = ? and entity_id = ?').pluck().get(input.entityType, input.entityId) as number;
  const info = sqlite
    .prepare(
      `insert into media_links (media_id, entity_type, entity_id, role, position, caption, version, created_by, created_at)
       values (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    )
    .run(input.mediaId, input.entityType, input.entityId, input.role, position, input.caption ?? null, input.userId, input.at);
  const id = Number(info.lastInsertRowid);
  recordAudit(sqlite, {
    at: input.at,
    userId: input.userId,
    action: 'create',
    entityType: 'media_link',
    entityId: id,
    after: { mediaId: input.mediaId, sha256: media.sha256, entityType: input.entityType, entityId: input.entityId, role: input.role, position, caption: input.caption ?? null },
  });
  const changedArtworkIds = syncMirror(sqlite, input.entityType, input.entityId, input.userId, input.at);
  return { link: linkItem(sqlite, id)!, created: true, changedArtworkIds };
}

/** Loads a link for a write by this user: 404, then the same permission and site checks as attaching. */
export function linkForWrite(sqlite: Database.Database, user: AuthUser, id: number): LinkRow {
  const link = findLink(sqlite, id);
  if (!link) throw notFoundLink();
  if (!roleAllows(user.role, WRITE_PERMISSION[link.entityType])) throw forbidden();
  const site = entitySite(sqlite, link.entityType, link.entityId);
  assertSite(user, site?.siteId);
  return link;
}

const notFoundLink = () => notFound('media_link.not_found', 'No such media link.');

export function updateLink(sqlite: Database.Database, user: AuthUser, id: number, version: number, body: UpdateLinkBody, at: string): { link: MediaLinkItem; changedArtworkIds: number[] } {
  return sqlite.transaction(() => {
    const link = linkForWrite(sqlite, user, id);
    if (link.version !== version) throw preconditionFailed('media_link.version_conflict', linkItem(sqlite, id));
    const media = findMedia(sqlite, link.mediaId)!;
    const role = body.role ?? link.role;
    if (body.role) assertRoleFits(link.entityType, role, media.mime);
    if (role !== link.role) demoteHolder(sqlite, { ...link, role, userId: user.id, at }, link.id);
    const caption = body.caption === undefined ? link.caption : body.caption || null;
    sqlite.prepare('update media_links set role = ?, caption = ?, version = version + 1 where id = ?').run(role, caption, id);
    if (body.position !== undefined) moveTo(sqlite, link, body.position);
    const after = findLink(sqlite, id)!;
    recordAudit(sqlite, {
      at,
      userId: user.id,
      action: 'update',
      entityType: 'media_link',
      entityId: id,
      before: { role: link.role, position: link.position, caption: link.caption },
      after: { role: after.role, position: after.position, caption: after.caption },
    });
    const changedArtworkIds = syncMirror(sqlite, link.entityType, link.entityId, user.id, at);
    return { link: linkItem(sqlite, id)!, changedArtworkIds };
  })();
}

/** Removes the link (the file stays until `npm run media:gc`); a removed primary picture hands over to the first detail picture. */
export function deleteLink(sqlite: Database.Database, user: AuthUser, id: number, at: string): { changedArtworkIds: number[] } {
  return sqlite.transaction(() => {
    const link = linkForWrite(sqlite, user, id);
    sqlite.prepare('delete from media_links where id = ?').run(id);
    recordAudit(sqlite, {
      at,
      userId: user.id,
      action: 'delete',
      entityType: 'media_link',
      entityId: id,
      before: { mediaId: link.mediaId, entityType: link.entityType, entityId: link.entityId, role: link.role, position: link.position, caption: link.caption },
    });
    if (link.role === 'primary') {
      const heir = sqlite
        .prepare(
          `select l.id from media_links l join media m on m.id = l.media_id
            where l.entity_type = ? and l.entity_id = ? and l.role = 'detail' and m.mime like 'image/%' order by l.position, l.id limit 1`,
        )
        .pluck()
        .get(link.entityType, link.entityId) as number | undefined;
      if (heir !== undefined) {
        sqlite.prepare(`update media_links set role = 'primary', version = version + 1 where id = ?`).run(heir);
        recordAudit(sqlite, { at, userId: user.id, action: 'update', entityType: 'media_link', entityId: heir, before: { role: 'detail' }, after: { role: 'primary' } });
      }
    }
    renumber(sqlite, link.entityType, link.entityId);
    return { changedArtworkIds: syncMirror(sqlite, link.entityType, link.entityId, user.id, at) };
  })();
}

/** When `input.role` may be held by one link only, the current holder moves to the fallback role. */
function demoteHolder(sqlite: Database.Database, input: Pick<LinkInput, 'entityType' | 'entityId' | 'role' | 'userId' | 'at'>, exceptId: number | null): void {
  const fallback = UNIQUE_ROLES[input.role];
  if (!fallback || !ROLES_BY_ENTITY[input.entityType].includes(fallback)) return;
  const holders = sqlite
    .prepare('select id from media_links where entity_type = ? and entity_id = ? and role = ? and id is not ?')
    .pluck()
    .all(input.entityType, input.entityId, input.role, exceptId) as number[];
  for (const holder of holders) {
    sqlite.prepare('update media_links set role = ?, version = version + 1 where id = ?').run(fallback, holder);
    recordAudit(sqlite, { at: input.at, userId: input.userId, action: 'update', entityType: 'media_link', entityId: holder, before: { role: input.role }, after: { role: fallback } });
  }
}

function moveTo(sqlite: Database.Database, link: LinkRow, position: number): void {
  const ids = linksOfEntity(sqlite, link.entityType, link.entityId)
    .map((l) => l.id)
    .filter((i) => i !== link.id);
  ids.splice(Math.min(position, ids.length), 0, link.id);
  const set = sqlite.prepare('update media_links set position = ? where id = ? and position is not ?');
  ids.forEach((linkId, i) => set.run(i, linkId, i));
}

function renumber(sqlite: Database.Database, entityType: MediaEntityType, entityId: number): void {
  const set = sqlite.prepare('update media_links set position = ? where id = ? and position is not ?');
  linksOfEntity(sqlite, entityType, entityId).forEach((l, i) => set.run(i, l.id, i));
}

/**
 * Keeps the denormalised pointers in step with the links: artworks.primary_media_id (cards, lists,
 * the map) and locations.floor_plan_media_id. A change bumps the record's version and is audited.
 * Returns the artworks that changed, for the 'artworks.changed' event.
 */
function syncMirror(sqlite: Database.Database, entityType: MediaEntityType, entityId: number, userId: number | null, at: string): number[] {
  const mirror =
    entityType === 'artwork'
      ? { table: 'artworks', column: 'primary_media_id', field: 'primaryMediaId', role: 'primary' }
      : entityType === 'location'
        ? { table: 'locations', column: 'floor_plan_media_id', field: 'floorPlanMediaId', role: 'floor_plan' }
        : null;
  if (!mirror) return [];
  const want =
    (sqlite
      .prepare('select media_id from media_links where entity_type = ? and entity_id = ? and role = ? order by position, id limit 1')
      .pluck()
      .get(entityType, entityId, mirror.role) as number | undefined) ?? null;
  const current = sqlite.prepare(`select ${mirror.column} as v from ${mirror.table} where id = ?`).get(entityId) as { v: number | null } | undefined;
  if (!current || current.v === want) return [];
  sqlite.prepare(`update ${mirror.table} set ${mirror.column} = ?, version = version + 1, updated_at = ? where id = ?`).run(want, at, entityId);
  recordAudit(sqlite, { at, userId, action: 'update', entityType: entityType, entityId, before: { [mirror.field]: current.v }, after: { [mirror.field]: want } });
  return entityType === 'artwork' ? [entityId] : [];
}
