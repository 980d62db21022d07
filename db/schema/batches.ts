// Batch edits: one change applied to many works at once, kept with each work's previous values so the
// whole batch can be undone while none of its works has changed since.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { artworks } from './artworks.js';
import { users } from './users.js';

export const batches = sqliteTable(
  'batches',
  {
    /** A UUID; also the batch_id of the audit rows and movements the batch wrote. */
    id: text('id').primaryKey(),
    /** set | status | move | undo */
    kind: text('kind').notNull(),
    change: text('change', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** How the works were picked: { ids } or { query } (kept for the record). */
    selection: text('selection', { mode: 'json' }).$type<Record<string, unknown>>(),
    matched: integer('matched').notNull(),
    changed: integer('changed').notNull(),
    userId: integer('user_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
    undoneAt: text('undone_at'),
    undoneBy: integer('undone_by').references(() => users.id),
    /** For an undo batch: the batch it reverted. */
    undoOf: text('undo_of'),
  },
  (t) => [index('batches_created_at').on(t.createdAt), index('batches_user_id').on(t.userId)],
);

export const batchItems = sqliteTable(
  'batch_items',
  {
    batchId: text('batch_id').notNull().references(() => batches.id),
    artworkId: integer('artwork_id').notNull().references(() => artworks.id),
    /** The work's values before the batch, for the fields the batch changed. */
    before: text('before', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** The work's version right after the batch; undo requires it unchanged. */
    versionAfter: integer('version_after').notNull(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.artworkId] }), index('batch_items_artwork_id').on(t.artworkId)],
);
