// Artworks and their (ordered) artists.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { artists } from './artists.js';
import { locations } from './locations.js';

export const OBJECT_TYPES = ['painting', 'print', 'drawing', 'photograph', 'sculpture', 'relief', 'textile', 'ceramics', 'glass', 'mosaic', 'installation', 'digital', 'other'] as const;
export const ARTWORK_STATUSES = ['in_place', 'in_storage', 'on_loan', 'in_conservation', 'missing', 'deaccessioned'] as const;
export const MOUNTINGS = ['wall', 'ceiling', 'free_standing', 'outdoor', 'integrated'] as const;
export const ACQUISITION_METHODS = ['purchase', 'commission', 'gift', 'transfer', 'unknown'] as const;
export const ARTIST_ROLES = ['artist', 'designer', 'photographer', 'after', 'workshop', 'collaborator'] as const;

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));

export const artworks = sqliteTable(
  'artworks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    inventoryNumber: text('inventory_number').notNull(),
    /** Inventory number lower-cased with spaces, dashes and dots removed: "SLL 1234" = "sll1234". */
    inventoryKey: text('inventory_key').notNull(),
    title: text('title').notNull(),
    objectType: text('object_type', { enum: OBJECT_TYPES }).notNull(),
    technique: text('technique'),
    materials: text('materials'),
    heightCm: real('height_cm'),
    widthCm: real('width_cm'),
    depthCm: real('depth_cm'),
    weightKg: real('weight_kg'),
    datingText: text('dating_text'),
    yearFrom: integer('year_from'),
    yearTo: integer('year_to'),
    signed: text('signed'),
    inscription: text('inscription'),
    description: text('description'),
    acquisitionMethod: text('acquisition_method', { enum: ACQUISITION_METHODS }),
    acquisitionDate: text('acquisition_date'),
    /** Money is integer öre everywhere. */
    acquisitionPrice: integer('acquisition_price'),
    acquisitionSource: text('acquisition_source'),
    /** Case/registry number (diarienummer) of the acquisition decision. */
    acquisitionRef: text('acquisition_ref'),
    projectId: integer('project_id'),
    insuranceValue: integer('insurance_value'),
    copyright: text('copyright'),
    status: text('status', { enum: ARTWORK_STATUSES }).notNull(),
    statusNote: text('status_note'),
    statusChangedAt: text('status_changed_at'),
    deaccessionDate: text('deaccession_date'),
    deaccessionRef: text('deaccession_ref'),
    deaccessionReason: text('deaccession_reason'),
    locationId: integer('location_id').references(() => locations.id),
    /** Denormalised site of the current location, for fast filters, facets and the map. */
    siteId: integer('site_id').references(() => locations.id),
    /** Spot on the floor plan, as fractions 0–1 of the plan image. */
    posX: real('pos_x'),
    posY: real('pos_y'),
    mounting: text('mounting', { enum: MOUNTINGS }),
    fixedInBuilding: integer('fixed_in_building', { mode: 'boolean' }).notNull().default(false),
    antiTheftFixing: integer('anti_theft_fixing', { mode: 'boolean' }).notNull().default(false),
    glazed: integer('glazed', { mode: 'boolean' }).notNull().default(false),
    /** Surfaces can be cleaned to infection-control standards. */
    cleanable: integer('cleanable', { mode: 'boolean' }).notNull().default(false),
    /** Fit for psychiatric care: no ligature points, safe fixing. */
    psychiatrySafe: integer('psychiatry_safe', { mode: 'boolean' }).notNull().default(false),
    fireClass: text('fire_class'),
    ownershipUnclear: integer('ownership_unclear', { mode: 'boolean' }).notNull().default(false),
    acquisitionDataMissing: integer('acquisition_data_missing', { mode: 'boolean' }).notNull().default(false),
    dimensionsUnknown: integer('dimensions_unknown', { mode: 'boolean' }).notNull().default(false),
    isPublic: integer('is_public', { mode: 'boolean' }).notNull().default(false),
    publicTextSv: text('public_text_sv'),
    publicTextEn: text('public_text_en'),
    internalNote: text('internal_note'),
    lastGrade: integer('last_grade'),
    lastCheckAt: text('last_check_at'),
    nextCheckDue: text('next_check_due'),
    /** Per-work override of the check interval in months. */
    checkIntervalMonths: integer('check_interval_months'),
    primaryMediaId: integer('primary_media_id'),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('artworks_inventory_key').on(t.inventoryKey),
    // Covering (location, status): work counts per location read the index only.
    index('artworks_location_id_status').on(t.locationId, t.status),
    index('artworks_site_id').on(t.siteId),
    index('artworks_status').on(t.status),
    index('artworks_next_check_due').on(t.nextCheckDue),
    index('artworks_updated_at').on(t.updatedAt),
    index('artworks_project_id').on(t.projectId),
    check('artworks_object_type_check', sql`${t.objectType} in (${inList(OBJECT_TYPES)})`),
    check('artworks_status_check', sql`${t.status} in (${inList(ARTWORK_STATUSES)})`),
    check('artworks_mounting_check', sql`${t.mounting} is null or ${t.mounting} in (${inList(MOUNTINGS)})`),
    check('artworks_acquisition_method_check', sql`${t.acquisitionMethod} is null or ${t.acquisitionMethod} in (${inList(ACQUISITION_METHODS)})`),
    check('artworks_dimensions_check', sql`(${t.heightCm} is null or ${t.heightCm} > 0) and (${t.widthCm} is null or ${t.widthCm} > 0) and (${t.depthCm} is null or ${t.depthCm} >= 0) and (${t.weightKg} is null or ${t.weightKg} >= 0)`),
    check('artworks_years_check', sql`${t.yearFrom} is null or ${t.yearTo} is null or ${t.yearTo} >= ${t.yearFrom}`),
    check('artworks_grade_check', sql`${t.lastGrade} is null or ${t.lastGrade} between 1 and 4`),
    check('artworks_pos_check', sql`(${t.posX} is null or ${t.posX} between 0 and 1) and (${t.posY} is null or ${t.posY} between 0 and 1)`),
    check('artworks_money_check', sql`(${t.acquisitionPrice} is null or ${t.acquisitionPrice} >= 0) and (${t.insuranceValue} is null or ${t.insuranceValue} >= 0)`),
    check('artworks_inventory_check', sql`length(${t.inventoryKey}) > 0`),
  ],
);

export const artworkArtists = sqliteTable(
  'artwork_artists',
  {
    artworkId: integer('artwork_id').notNull().references(() => artworks.id),
    artistId: integer('artist_id').notNull().references(() => artists.id),
    role: text('role', { enum: ARTIST_ROLES }).notNull().default('artist'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.artworkId, t.artistId] }),
    index('artwork_artists_artist_id').on(t.artistId),
    check('artwork_artists_role_check', sql`${t.role} in (${inList(ARTIST_ROLES)})`),
  ],
);

export { inList };
