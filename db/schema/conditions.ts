// Condition checks: never edited after 24 h; a correction is a new check referring to the old one.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { artworks, inList } from './artworks.js';
import { users } from './users.js';

export const DAMAGE_TYPES = ['scratch', 'tear', 'dent', 'water_damage', 'mould', 'dust', 'light_damage', 'loose_fixing', 'graffiti', 'vandalism', 'other'] as const;
export const PRIORITIES = ['none', 'routine', 'soon', 'urgent'] as const;

export const conditionChecks = sqliteTable(
  'condition_checks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    artworkId: integer('artwork_id').notNull().references(() => artworks.id),
    checkedAt: text('checked_at').notNull(),
    userId: integer('user_id').references(() => users.id),
    grade: integer('grade').notNull(),
    damageTypes: text('damage_types', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    damageLocation: text('damage_location'),
    recommendedAction: text('recommended_action'),
    priority: text('priority', { enum: PRIORITIES }).notNull().default('none'),
    note: text('note'),
    roundId: integer('round_id'),
    correctsCheckId: integer('corrects_check_id').references((): any => conditionChecks.id),
    /** Set when a conservation treatment has taken this need over (it leaves the backlog). */
    resolvedAt: text('resolved_at'),
    /** The newer check that now states the work's condition (null = this is the current one).
     *  Kept by recordCheck so the backlog reads open needs from one partial index. */
    supersededById: integer('superseded_by_id'),
    estimatedCost: integer('estimated_cost'),
    /** Edits are allowed for 24 h only (then the check is locked); If-Match guards them. */
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('condition_checks_artwork_id_checked_at').on(t.artworkId, t.checkedAt),
    index('condition_checks_round_id').on(t.roundId),
    index('condition_checks_priority').on(t.priority),
    index('condition_checks_corrects_check_id').on(t.correctsCheckId),
    // The backlog in priority and age order, and its totals, without reading the checks themselves.
    index('condition_checks_open_needs_priority')
      .on(t.priority, t.checkedAt, t.artworkId, t.estimatedCost)
      .where(sql`${t.priority} <> 'none' and ${t.resolvedAt} is null and ${t.supersededById} is null`),
    check('condition_checks_grade_check', sql`${t.grade} between 1 and 4`),
    check('condition_checks_priority_check', sql`${t.priority} in (${inList(PRIORITIES)})`),
    check('condition_checks_cost_check', sql`${t.estimatedCost} is null or ${t.estimatedCost} >= 0`),
  ],
);
