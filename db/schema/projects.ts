// Art projects (gestaltningsprojekt): the percent-for-art budget of a building, its phases,
// the proposals/commissions with their payments and planned spots, and storage works reserved for it.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { artists } from './artists.js';
import { artworks, inList, OBJECT_TYPES } from './artworks.js';
import { locations } from './locations.js';
import { users } from './users.js';

export const PROJECT_PHASES = ['idea', 'programme', 'artist_selection', 'production', 'installation', 'completed', 'closed'] as const;
export const PREMISES_TYPES = ['care', 'other', 'mixed'] as const;
export const PROPOSAL_STATUSES = ['proposed', 'selected', 'contracted', 'in_production', 'installed', 'rejected'] as const;

export const projects = sqliteTable(
  'projects',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    description: text('description'),
    /** The building (or, before it is in the tree, the site) the art is for. */
    locationId: integer('location_id').notNull().references(() => locations.id),
    /** Denormalised site of the location, for site limits and filters. */
    siteId: integer('site_id').notNull().references(() => locations.id),
    premisesType: text('premises_type', { enum: PREMISES_TYPES }).notNull(),
    /** Care premises' share of the building in whole percent: care = 100, other = 0, mixed in between. */
    careShare: integer('care_share').notNull(),
    /** Production cost of the building, öre. */
    productionCost: integer('production_cost').notNull(),
    /** The percent-for-art budget from the production cost and care share, öre. */
    computedBudget: integer('computed_budget').notNull(),
    /** A decided budget that replaces the computed one (needs a reason and a decision reference). */
    budgetOverride: integer('budget_override'),
    overrideReason: text('override_reason'),
    overrideRef: text('override_ref'),
    phase: text('phase', { enum: PROJECT_PHASES }).notNull().default('idea'),
    phaseDate: text('phase_date').notNull(),
    startDate: text('start_date'),
    plannedEndDate: text('planned_end_date'),
    leadUserId: integer('lead_user_id').references(() => users.id),
    /** Team members outside the user accounts too (architect, art consultant): [{ name, role }]. */
    team: text('team', { mode: 'json' }).$type<{ name: string; role: string | null }[]>().notNull().default(sql`'[]'`),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('projects_site_id').on(t.siteId),
    index('projects_phase').on(t.phase),
    check('projects_phase_check', sql`${t.phase} in (${inList(PROJECT_PHASES)})`),
    check('projects_premises_check', sql`${t.premisesType} in (${inList(PREMISES_TYPES)})`),
    check('projects_care_share_check', sql`${t.careShare} between 0 and 100`),
    check('projects_money_check', sql`${t.productionCost} > 0 and ${t.computedBudget} >= 0 and (${t.budgetOverride} is null or ${t.budgetOverride} >= 0)`),
    check('projects_override_check', sql`${t.budgetOverride} is null or (length(${t.overrideReason}) > 0 and length(${t.overrideRef}) > 0)`),
  ],
);

/** Every phase a project entered, with its date (the timeline) and the note a step back needs. */
export const projectPhases = sqliteTable(
  'project_phases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id').notNull().references(() => projects.id),
    phase: text('phase', { enum: PROJECT_PHASES }).notNull(),
    fromPhase: text('from_phase', { enum: PROJECT_PHASES }),
    date: text('date').notNull(),
    note: text('note'),
    userId: integer('user_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('project_phases_project_id').on(t.projectId), check('project_phases_phase_check', sql`${t.phase} in (${inList(PROJECT_PHASES)})`)],
);

export const proposals = sqliteTable(
  'proposals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id').notNull().references(() => projects.id),
    title: text('title').notNull(),
    description: text('description'),
    objectType: text('object_type', { enum: OBJECT_TYPES }).notNull().default('installation'),
    technique: text('technique'),
    heightCm: real('height_cm'),
    widthCm: real('width_cm'),
    depthCm: real('depth_cm'),
    /** Öre. */
    estimatedCost: integer('estimated_cost'),
    contractedCost: integer('contracted_cost'),
    /** Contract date: committed money counts in this year. */
    contractedOn: text('contracted_on'),
    /** Case number (diarienummer) of the contract; becomes the artwork's acquisition reference. */
    contractRef: text('contract_ref'),
    status: text('status', { enum: PROPOSAL_STATUSES }).notNull().default('proposed'),
    statusNote: text('status_note'),
    /** Planned spot: a room (or floor) of the project's site, and fractions 0–1 of its floor plan. */
    locationId: integer('location_id').references(() => locations.id),
    posX: real('pos_x'),
    posY: real('pos_y'),
    installedOn: text('installed_on'),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('proposals_project_id').on(t.projectId),
    index('proposals_location_id').on(t.locationId),
    check('proposals_status_check', sql`${t.status} in (${inList(PROPOSAL_STATUSES)})`),
    check('proposals_object_type_check', sql`${t.objectType} in (${inList(OBJECT_TYPES)})`),
    check('proposals_money_check', sql`(${t.estimatedCost} is null or ${t.estimatedCost} >= 0) and (${t.contractedCost} is null or ${t.contractedCost} >= 0)`),
    check('proposals_pos_check', sql`(${t.posX} is null or ${t.posX} between 0 and 1) and (${t.posY} is null or ${t.posY} between 0 and 1)`),
  ],
);

/** The artists of a proposal, in order: an authority record, or a name not (yet) in the register. */
export const proposalArtists = sqliteTable(
  'proposal_artists',
  {
    proposalId: integer('proposal_id').notNull().references(() => proposals.id),
    position: integer('position').notNull(),
    artistId: integer('artist_id').references(() => artists.id),
    name: text('name'),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.position] }),
    index('proposal_artists_artist_id').on(t.artistId),
    check('proposal_artists_one_check', sql`(${t.artistId} is null) <> (${t.name} is null)`),
  ],
);

/** Payments to the artist: paid to date is their sum; the paid-per-year roll-up reads their dates. */
export const proposalPayments = sqliteTable(
  'proposal_payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    proposalId: integer('proposal_id').notNull().references(() => proposals.id),
    paidOn: text('paid_on').notNull(),
    amount: integer('amount').notNull(),
    ref: text('ref'),
    note: text('note'),
    userId: integer('user_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('proposal_payments_proposal_id').on(t.proposalId), check('proposal_payments_amount_check', sql`${t.amount} > 0`)],
);

/** The works an installed proposal became. */
export const proposalArtworks = sqliteTable(
  'proposal_artworks',
  {
    proposalId: integer('proposal_id').notNull().references(() => proposals.id),
    artworkId: integer('artwork_id').notNull().references(() => artworks.id),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.artworkId] }), uniqueIndex('proposal_artworks_artwork_id').on(t.artworkId)],
);

/**
 * A storage work reserved for a project's planned spot ("renew from storage"). The work stays
 * in_storage until it is moved; an active reservation (released_at null) is unique per work.
 */
export const projectReservations = sqliteTable(
  'project_reservations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id').notNull().references(() => projects.id),
    artworkId: integer('artwork_id').notNull().references(() => artworks.id),
    locationId: integer('location_id').references(() => locations.id),
    posX: real('pos_x'),
    posY: real('pos_y'),
    note: text('note'),
    userId: integer('user_id').references(() => users.id),
    reservedAt: text('reserved_at').notNull(),
    releasedAt: text('released_at'),
  },
  (t) => [
    index('project_reservations_project_id').on(t.projectId),
    uniqueIndex('project_reservations_artwork_id_active').on(t.artworkId).where(sql`${t.releasedAt} is null`),
  ],
);
