// Media files (content-addressed by sha256) and their links to records.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { inList } from './artworks.js';
import { users } from './users.js';

export const MEDIA_ENTITY_TYPES = ['artwork', 'condition_check', 'treatment', 'location', 'project', 'proposal', 'damage_report'] as const;
export const MEDIA_ROLES = ['primary', 'detail', 'condition', 'before', 'after', 'floor_plan', 'document', 'sketch'] as const;

export const media = sqliteTable(
  'media',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sha256: text('sha256').notNull(),
    mime: text('mime').notNull(),
    ext: text('ext').notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width'),
    height: integer('height'),
    /** "#rrggbb", shown while the image loads. */
    dominantColor: text('dominant_color'),
    originalName: text('original_name'),
    /** pending → ready (derivatives written) or failed. */
    state: text('state').notNull().default('ready'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('media_sha256').on(t.sha256), check('media_bytes_check', sql`${t.bytes} >= 0`)],
);

export const mediaLinks = sqliteTable(
  'media_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    mediaId: integer('media_id').notNull().references(() => media.id),
    entityType: text('entity_type', { enum: MEDIA_ENTITY_TYPES }).notNull(),
    entityId: integer('entity_id').notNull(),
    role: text('role', { enum: MEDIA_ROLES }).notNull(),
    position: integer('position').notNull().default(0),
    caption: text('caption'),
    /** For If-Match on PATCH (role, position, caption). */
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('media_links_entity').on(t.entityType, t.entityId),
    index('media_links_media_id').on(t.mediaId),
    /** A file is linked to a record once; uploading it again returns the existing link. */
    uniqueIndex('media_links_media_id_entity').on(t.mediaId, t.entityType, t.entityId),
    check('media_links_entity_type_check', sql`${t.entityType} in (${inList(MEDIA_ENTITY_TYPES)})`),
    check('media_links_role_check', sql`${t.role} in (${inList(MEDIA_ROLES)})`),
  ],
);
