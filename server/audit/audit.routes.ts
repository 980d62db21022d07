// The audit log (admin) and the change history of one record (anyone who may read).
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { secureRouter } from '../http/routes.js';
import { parse } from '../http/validate.js';
import { AuditQuery } from '../users/users.schema.js';

type AuditRow = { id: number; at: string; userId: number | null; userName: string | null; action: string; entityType: string; entityId: number | null; before: string | null; after: string | null; batchId: string | null };

const toItem = (r: AuditRow) => ({ ...r, before: r.before ? JSON.parse(r.before) : null, after: r.after ? JSON.parse(r.after) : null });

const SELECT = `select a.id, a.at, a.user_id as userId, u.name as userName, a.action, a.entity_type as entityType, a.entity_id as entityId,
  a.before, a.after, a.batch_id as batchId from audit_log a left join users u on u.id = a.user_id`;

export function auditRoutes(deps: Deps) {
  const sqlite = deps.db.$client;
  const r = secureRouter(deps.routes, '/api');

  r.get('/audit', 'audit.read', (req, res) => {
    const q = parse(AuditQuery, req.query);
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.user) (where.push('a.user_id = ?'), args.push(q.user));
    if (q.entity) (where.push('a.entity_type = ?'), args.push(q.entity));
    if (q.entityId) (where.push('a.entity_id = ?'), args.push(q.entityId));
    if (q.from) (where.push('a.at >= ?'), args.push(q.from));
    if (q.to) (where.push('a.at <= ?'), args.push(q.to));
    const total = (sqlite.prepare(`select count(*) from audit_log a ${where.length ? 'where ' + where.join(' and ') : ''}`).pluck().get(...args) as number) ?? 0;
    if (q.cursor) {
      const { id } = deps.cursors.decode(q.cursor, z.object({ id: z.number().int() }));
      where.push('a.id < ?');
      args.push(id);
    }
    const rows = sqlite
      .prepare(`${SELECT} ${where.length ? 'where ' + where.join(' and ') : ''} order by a.id desc limit ?`)
      .all(...args, q.limit + 1) as AuditRow[];
    const more = rows.length > q.limit;
    const items = rows.slice(0, q.limit).map(toItem);
    res.json({ items, total, nextCursor: more ? deps.cursors.encode({ id: items.at(-1)!.id }) : null });
  });

  const HistoryParams = z.strictObject({ entityType: z.string().regex(/^[a-z_]{1,40}$/), entityId: z.coerce.number().int().positive() });
  r.get('/history/:entityType/:entityId', 'read', (req, res) => {
    const p = parse(HistoryParams, req.params);
    const rows = sqlite.prepare(`${SELECT} where a.entity_type = ? and a.entity_id = ? order by a.id desc limit 500`).all(p.entityType, p.entityId) as AuditRow[];
    res.json({ items: rows.map(toItem), total: rows.length, nextCursor: null });
  });

  return r.router;
}
