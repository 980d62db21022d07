// Catalogue imports (CSV): the uploaded file with its hash, the column mapping, the dry-run report,
// what the commit wrote (so the whole import can be undone while its works are unchanged), and saved mappings.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './users.js';

export const IMPORT_STATES = ['uploaded', 'checked', 'committed', 'undone'] as const;

export const imports = sqliteTable(
  'imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fileName: text('file_name').notNull(),
    /** sha256 of the uploaded bytes, hex: the same file imported twice is recognisable. */
    fileHash: text('file_hash').notNull(),
    fileSize: integer('file_size').notNull(),
    /** Where the bytes are kept (relative to the uploads folder) until the import is committed or dropped. */
    storedPath: text('stored_path').notNull(),
    /** utf-8 | windows-1252 */
    encoding: text('encoding').notNull(),
    delimiter: text('delimiter').notNull(),
    columns: text('columns', { mode: 'json' }).$type<string[]>().notNull(),
    /** Column header → import field (or '' for an ignored column), as used by the last dry run. */
    mapping: text('mapping', { mode: 'json' }).$type<Record<string, string>>(),
    state: text('state', { enum: IMPORT_STATES }).notNull(),
    /** The last dry run's report: counts, duplicate keys and row errors. */
    report: text('report', { mode: 'json' }).$type<Record<string, unknown>>(),
    /** What the commit did: counts, skipped error rows. */
    result: text('result', { mode: 'json' }).$type<Record<string, unknown>>(),
    userId: integer('user_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
    checkedAt: text('checked_at'),
    committedAt: text('committed_at'),
    committedBy: integer('committed_by').references(() => users.id),
    undoneAt: text('undone_at'),
    undoneBy: integer('undone_by').references(() => users.id),
  },
  (t) => [
    index('imports_file_hash').on(t.fileHash),
    index('imports_created_at').on(t.createdAt),
    check('imports_state_check', sql`${t.state} in ('uploaded','checked','committed','undone')`),
  ],
);

/** One row per work the commit created or changed; undo needs `before` and an unchanged version. */
export const importItems = sqliteTable(
  'import_items',
  {
    importId: integer('import_id').notNull().references(() => imports.id),
    /** No foreign key: undoing an import deletes the works it created, and this row stays as the record of them. */
    artworkId: integer('artwork_id').notNull(),
    /** new | updated */
    action: text('action').notNull(),
    /** For updated works: the values the import replaced (fields, artists, location, status). */
    before: text('before', { mode: 'json' }).$type<Record<string, unknown>>(),
    versionAfter: integer('version_after').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.artworkId] }), index('import_items_artwork_id').on(t.artworkId), check('import_items_action_check', sql`${t.action} in ('new','updated')`)],
);

/** Artists and locations the commit had to create (undo removes them again when nothing else uses them). */
export const importCreated = sqliteTable(
  'import_created',
  {
    importId: integer('import_id').notNull().references(() => imports.id),
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.entityType, t.entityId] }), check('import_created_type_check', sql`${t.entityType} in ('artist','location')`)],
);

/** Named column mappings, so the next file from the same source maps itself. */
export const importProfiles = sqliteTable(
  'import_profiles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    mapping: text('mapping', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    userId: integer('user_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('import_profiles_name').on(t.name)],
);
