// The public art guide: anonymous reach counts (no cookies, no addresses) and damage reports from anyone.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { artworks } from './artworks.js';
import { conditionChecks } from './conditions.js';
import { locations } from './locations.js';
import { users } from './users.js';

/** Page views of the public guide per site and day: a counter only, nothing about the visitor. */
export const guideViews = sqliteTable(
  'guide_views',
  {
    siteId: integer('site_id').notNull().references(() => locations.id),
    day: text('day').notNull(),
    views: integer('views').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.day] }), index('guide_views_day').on(t.day)],
);

export const DAMAGE_REPORT_STATUSES = ['new', 'converted', 'dismissed'] as const;

export const damageReports = sqliteTable(
  'damage_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    artworkId: integer('artwork_id').notNull().references(() => artworks.id),
    siteId: integer('site_id').references(() => locations.id),
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    /** Optional, given by the reporter so the department can answer; never shown publicly. */
    contact: text('contact'),
    photoMediaId: integer('photo_media_id'),
    status: text('status', { enum: DAMAGE_REPORT_STATUSES }).notNull().default('new'),
    handledBy: integer('handled_by').references(() => users.id),
    handledAt: text('handled_at'),
    handlingNote: text('handling_note'),
    checkId: integer('check_id').references(() => conditionChecks.id),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('damage_reports_site_id_status').on(t.siteId, t.status),
    index('damage_reports_artwork_id').on(t.artworkId),
    check('damage_reports_status_check', sql`${t.status} in ('new','converted','dismissed')`),
  ],
);
