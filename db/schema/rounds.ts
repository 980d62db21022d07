// Maintenance rounds: a planned walk through part of a building, its expected works (items)
// and every result the phones sent for them (kept as history; the latest by recordedAt wins).
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { artworks, inList } from './artworks.js';
import { conditionChecks } from './conditions.js';
import { locations } from './locations.js';
import { movements } from './movements.js';
import { users } from './users.js';

export const ROUND_STATUSES = ['open', 'closed'] as const;
export const ROUND_OUTCOMES = ['seen_ok', 'needs_action', 'found_elsewhere', 'found_here', 'missing', 'not_accessible'] as const;

export const rounds = sqliteTable(
  'rounds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** The site every planned location belongs to (site-limited users see only their sites' rounds). */
    siteId: integer('site_id').notNull().references(() => locations.id),
    /** The location ids the round was planned over (each with its whole subtree), as given. */
    locationIds: text('location_ids', { mode: 'json' }).$type<number[]>().notNull(),
    status: text('status', { enum: ROUND_STATUSES }).notNull().default('open'),
    dueDate: text('due_date').notNull(),
    assigneeId: integer('assignee_id').references(() => users.id),
    /** Planned with only the works whose check was due by the due date. */
    onlyDue: integer('only_due', { mode: 'boolean' }).notNull().default(false),
    createdBy: integer('created_by').references(() => users.id),
    closedAt: text('closed_at'),
    closedBy: integer('closed_by').references(() => users.id),
    /** Counts at close, frozen so the report reads the same later. */
    summary: text('summary', { mode: 'json' }).$type<Record<string, number> | null>(),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('rounds_site_id_status').on(t.siteId, t.status),
    index('rounds_assignee_id_status').on(t.assigneeId, t.status),
    index('rounds_due_date').on(t.dueDate),
    check('rounds_status_check', sql`${t.status} in (${inList(ROUND_STATUSES)})`),
  ],
);

export const roundItems = sqliteTable(
  'round_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roundId: integer('round_id').notNull().references(() => rounds.id),
    artworkId: integer('artwork_id').notNull().references(() => artworks.id),
    /** Walking order within the round. */
    seq: integer('seq').notNull(),
    /** false for a work scanned in the round's area that was not planned ("found here"). */
    expected: integer('expected', { mode: 'boolean' }).notNull().default(true),
    /** Where the work was when the round was planned (or where it was scanned). */
    expectedLocationId: integer('expected_location_id').references(() => locations.id),
    /** The effective result: latest recordedAt, ties by receipt order; null = not yet visited. */
    currentResultId: integer('current_result_id'),
    /** Denormalised outcome of the current result ('pending' when none), for counts. */
    outcome: text('outcome').notNull().default('pending'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('round_items_round_id_artwork_id').on(t.roundId, t.artworkId),
    index('round_items_round_id_seq').on(t.roundId, t.seq),
    index('round_items_artwork_id').on(t.artworkId),
    check('round_items_outcome_check', sql`${t.outcome} in ('pending', ${inList(ROUND_OUTCOMES)})`),
  ],
);

export const roundResults = sqliteTable(
  'round_results',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The client's Idempotency-Key: the same key twice is the same result. */
    idempotencyKey: text('idempotency_key').notNull(),
    /** sha256 of the canonical request, to tell a replay from a different result reusing a key. */
    requestHash: text('request_hash').notNull(),
    roundId: integer('round_id').notNull().references(() => rounds.id),
    itemId: integer('item_id').notNull().references(() => roundItems.id),
    outcome: text('outcome', { enum: ROUND_OUTCOMES }).notNull(),
    /** Client clock: when the tap happened (decides which result is effective). */
    recordedAt: text('recorded_at').notNull(),
    /** Server clock: when it arrived. */
    receivedAt: text('received_at').notNull(),
    userId: integer('user_id').references(() => users.id),
    /** found_elsewhere / found_here: where the work actually is. */
    locationId: integer('location_id').references(() => locations.id),
    reason: text('reason'),
    note: text('note'),
    /** needs_action: the check as sent (grade, damage, priority, note, photos). */
    checkInput: text('check_input', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    conditionCheckId: integer('condition_check_id').references(() => conditionChecks.id),
    movementId: integer('movement_id').references(() => movements.id),
  },
  (t) => [
    uniqueIndex('round_results_idempotency_key').on(t.idempotencyKey),
    index('round_results_item_id_recorded_at').on(t.itemId, t.recordedAt),
    index('round_results_round_id').on(t.roundId),
    check('round_results_outcome_check', sql`${t.outcome} in (${inList(ROUND_OUTCOMES)})`),
  ],
);
