// Conservation treatments: proposed → approved → in progress → done (or rejected).
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { artworks, inList } from './artworks.js';
import { conditionChecks } from './conditions.js';
import { locations } from './locations.js';
import { users } from './users.js';

export const TREATMENT_STATUSES = ['proposed', 'approved', 'in_progress', 'done', 'rejected'] as const;
export const PERFORMERS = ['in_house', 'contractor'] as const;

export const conservationTreatments = sqliteTable(
  'conservation_treatments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    artworkId: integer('artwork_id').notNull().references(() => artworks.id),
    checkId: integer('check_id').references(() => conditionChecks.id),
    status: text('status', { enum: TREATMENT_STATUSES }).notNull().default('proposed'),
    performer: text('performer', { enum: PERFORMERS }).notNull().default('in_house'),
    contractorName: text('contractor_name'),
    /** Treated away from its place (studio or contractor): starting it moves the work there. */
    offSite: integer('off_site', { mode: 'boolean' }).notNull().default(false),
    /** Where the work goes while treated off-site (a studio or contractor location); null = the conservation studio. */
    treatmentLocationId: integer('treatment_location_id').references(() => locations.id),
    /** Where the work stood before it left for treatment; it returns here unless told otherwise. */
    returnLocationId: integer('return_location_id').references(() => locations.id),
    description: text('description').notNull(),
    workDone: text('work_done'),
    materials: text('materials'),
    costEstimate: integer('cost_estimate'),
    costActual: integer('cost_actual'),
    priority: text('priority').notNull().default('routine'),
    proposedAt: text('proposed_at').notNull(),
    approvedAt: text('approved_at'),
    startedAt: text('started_at'),
    doneAt: text('done_at'),
    rejectedAt: text('rejected_at'),
    rejectionReason: text('rejection_reason'),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('conservation_treatments_artwork_id').on(t.artworkId),
    index('conservation_treatments_status').on(t.status),
    index('conservation_treatments_check_id').on(t.checkId),
    check('conservation_treatments_status_check', sql`${t.status} in (${inList(TREATMENT_STATUSES)})`),
    check('conservation_treatments_performer_check', sql`${t.performer} in (${inList(PERFORMERS)})`),
    check('conservation_treatments_cost_check', sql`(${t.costEstimate} is null or ${t.costEstimate} >= 0) and (${t.costActual} is null or ${t.costActual} >= 0)`),
  ],
);
