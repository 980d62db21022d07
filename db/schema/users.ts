// Accounts, their site limits and server-side sessions.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const ROLES = ['admin', 'curator', 'conservator', 'project_lead', 'viewer'] as const;

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    passwordHash: text('password_hash').notNull(),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('users_email').on(t.email),
    check('users_role_check', sql`${t.role} in ('admin','curator','conservator','project_lead','viewer')`),
  ],
);

/** A user with rows here may act only on these sites' records; no rows = every site. */
export const userSites = sqliteTable(
  'user_sites',
  {
    userId: integer('user_id').notNull().references(() => users.id),
    siteId: integer('site_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.siteId] })],
);

export const sessions = sqliteTable(
  'sessions',
  {
    /** sha256 of the random session id; the id itself is only ever in the cookie. */
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_user_id').on(t.userId)],
);
