// Writes audit rows; call inside the same transaction as the change it records.
import type Database from 'better-sqlite3';

export type AuditEntry = {
  userId: number | null;
  action: string;
  entityType: string;
  entityId: number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  batchId?: string | null;
  at: string;
};

export const AUDIT_COLUMNS = ['at', 'user_id', 'action', 'entity_type', 'entity_id', 'before', 'after', 'batch_id'] as const;

/**
 * The values of an entry's audit_log row, in the order of AUDIT_COLUMNS (for writers that insert rows in bulk).
 * `diffed`: before and after hold only the fields that differ already (changedFields is skipped).
 */
export function auditValues(entry: AuditEntry, opts: { diffed?: boolean } = {}): unknown[] {
  const [before, after] = entry.before && entry.after && !opts.diffed ? changedFields(entry.before, entry.after) : [entry.before ?? null, entry.after ?? null];
  return [entry.at, entry.userId, entry.action, entry.entityType, entry.entityId, before ? JSON.stringify(before) : null, after ? JSON.stringify(after) : null, entry.batchId ?? null];
}

const statements = new WeakMap<Database.Database, Database.Statement>();

export function recordAudit(sqlite: Database.Database, entry: AuditEntry): void {
  let stmt = statements.get(sqlite);
  if (!stmt) {
    stmt = sqlite.prepare(`insert into audit_log (${AUDIT_COLUMNS.join(', ')}) values (${AUDIT_COLUMNS.map(() => '?').join(', ')})`);
    statements.set(sqlite, stmt);
  }
  stmt.run(auditValues(entry));
}

/** Keeps only the fields that differ, so an audit row reads as "title: A → B". */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): [Record<string, unknown>, Record<string, unknown>] {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'updatedAt' || key === 'version') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return [b, a];
}
