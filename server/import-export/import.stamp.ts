import type Database from 'better-sqlite3';

/** The last audited change to the catalogue: while it stays the same, nothing a dry run read has changed. */
export const catalogueStamp = (sqlite: Database.Database) =>
  sqlite.prepare("select coalesce(max(id), 0) from audit_log where entity_type not in ('import', 'import_profile')").pluck().get() as number;
