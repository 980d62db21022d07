// Every change of an artwork's location. Location paths are snapshotted as text at the time
// of the move, so renaming or moving a room later never rewrites history.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { artworks } from './artworks.js';
import { locations } from './locations.js';
import { users } from './users.js';

export const movements = sqliteTable(
  'movements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    artworkId: integer('artwork_id').notNull().references(() => artworks.id),
    fromLocationId: integer('from_location_id').references(() => locations.id),
    toLocationId: integer('to_location_id').references(() => locations.id),
    /** "Site › Building › Floor › Room" as it was named on the day of the move. */
    fromPathText: text('from_path_text'),
    toPathText: text('to_path_text'),
    movedAt: text('moved_at').notNull(),
    reason: text('reason'),
    note: text('note'),
    userId: integer('user_id').references(() => users.id),
    /** Moves made together (a ward emptied at once) share a batch id. */
    batchId: text('batch_id'),
    roundId: integer('round_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('movements_artwork_id_moved_at').on(t.artworkId, t.movedAt),
    index('movements_to_location_id_moved_at').on(t.toLocationId, t.movedAt),
    index('movements_from_location_id').on(t.fromLocationId),
    index('movements_batch_id').on(t.batchId),
  ],
);
