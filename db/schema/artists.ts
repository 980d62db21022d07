// Artist authority records.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const artists = sqliteTable(
  'artists',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** "Lastname, Firstname" — what lists sort by. */
    sortName: text('sort_name').notNull(),
    /** Lower-case, diacritics folded, for matching imports and duplicates. */
    nameKey: text('name_key').notNull(),
    birthYear: integer('birth_year'),
    deathYear: integer('death_year'),
    nationality: text('nationality'),
    kulturnavId: text('kulturnav_id'),
    wikidataId: text('wikidata_id'),
    ulanId: text('ulan_id'),
    copyrightHolder: text('copyright_holder'),
    /** e.g. Bildupphovsrätt (BUS) or the artist's own representation. */
    copyrightRepresentation: text('copyright_representation'),
    note: text('note'),
    /** Set when this record was merged into another; merged records are kept for history. */
    mergedIntoId: integer('merged_into_id').references((): any => artists.id),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('artists_name_key').on(t.nameKey),
    index('artists_sort_name').on(t.sortName),
    check('artists_years_check', sql`${t.birthYear} is null or ${t.deathYear} is null or ${t.deathYear} >= ${t.birthYear}`),
  ],
);
