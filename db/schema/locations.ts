// The location tree: site → building → floor → room, with a materialised path for subtree queries.
import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const LOCATION_KINDS = ['site', 'building', 'floor', 'room'] as const;
export const SITE_TYPES = ['hospital', 'local_hospital', 'care_centre', 'psychiatry', 'care_home', 'station', 'storage', 'studio', 'office', 'other'] as const;
export const ENVIRONMENT_TAGS = ['psychiatry', 'children', 'emergency', 'public_area', 'outdoor', 'office', 'storage'] as const;

export const locations = sqliteTable(
  'locations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    parentId: integer('parent_id').references((): any => locations.id),
    /** Materialised path of ids, e.g. "/12/140/1402/" — a subtree is every path with this prefix. */
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    /** The site (root) this node belongs to; equals id for sites. */
    siteId: integer('site_id'),
    kind: text('kind', { enum: LOCATION_KINDS }).notNull(),
    siteType: text('site_type', { enum: SITE_TYPES }),
    code: text('code'),
    name: text('name').notNull(),
    municipality: text('municipality'),
    address: text('address'),
    lat: real('lat'),
    lon: real('lon'),
    /** How precise lat/lon is: site, building, postcode centroid, nearby metro exit … */
    coordPrecision: text('coord_precision'),
    floorPlanMediaId: integer('floor_plan_media_id'),
    /** Floor-plan area of a room: x, y, w, h as fractions 0–1 of the plan image. */
    planArea: text('plan_area', { mode: 'json' }).$type<{ x: number; y: number; w: number; h: number } | null>(),
    envTags: text('env_tags', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    /** Check interval in months; null = inherit from the parent (or the policy default). */
    checkIntervalMonths: integer('check_interval_months'),
    /** Closed unit (e.g. psychiatry): the public guide never shows the exact room. */
    closedUnit: integer('closed_unit', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('locations_parent_id').on(t.parentId),
    uniqueIndex('locations_path').on(t.path),
    index('locations_site_id').on(t.siteId),
    index('locations_kind').on(t.kind),
    check('locations_kind_check', sql`${t.kind} in ('site','building','floor','room')`),
    check('locations_depth_check', sql`${t.depth} between 0 and 3`),
    check('locations_lat_check', sql`${t.lat} is null or ${t.lat} between -90 and 90`),
    check('locations_lon_check', sql`${t.lon} is null or ${t.lon} between -180 and 180`),
    check('locations_interval_check', sql`${t.checkIntervalMonths} is null or ${t.checkIntervalMonths} between 1 and 240`),
  ],
);
