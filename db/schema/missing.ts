// The follow-up of missing works: each step taken (search the site, ask the unit, police report …)
// with its date and note, and the finding again. Steps are never deleted: a work missing twice has
// two episodes, told apart by the day it went missing (missing_since).
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { artworks, inList } from './artworks.js';
import { movements } from './movements.js';
import { users } from './users.js';

export const MISSING_STEPS = ['search_site', 'ask_unit', 'police_report', 'other', 'found'] as const;

export const missingSteps = sqliteTable(
  'missing_steps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    artworkId: integer('artwork_id').notNull().references(() => artworks.id),
    /** artworks.status_changed_at when the work went missing: the episode this step belongs to. */
    missingSince: text('missing_since').notNull(),
    step: text('step', { enum: MISSING_STEPS }).notNull(),
    /** 'YYYY-MM-DD' the step was taken. */
    date: text('date').notNull(),
    note: text('note'),
    /** The police case number, when step = police_report. */
    reference: text('reference'),
    /** step = found: the movement that brought the work back. */
    movementId: integer('movement_id').references(() => movements.id),
    userId: integer('user_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('missing_steps_artwork_id_missing_since').on(t.artworkId, t.missingSince),
    check('missing_steps_step_check', sql`${t.step} in (${inList(MISSING_STEPS)})`),
  ],
);
