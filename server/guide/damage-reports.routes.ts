// The conservators' triage queue of public damage reports, and the guide's monthly reach.
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { conflict, notFound } from '../http/errors.js';
import { secureRouter } from '../http/routes.js';
import { parse, parseBody, requireIfMatch } from '../http/validate.js';
import { preconditionFailed } from '../http/errors.js';
import { recordAudit } from '../audit/audit.js';
import { assertSite, currentUser } from '../users/auth.js';
import { recordCheck } from '../conditions/conditions.service.js';
import { ConvertReportBody, DamageReportQuery, DismissReportBody, ReachQuery } from './guide.schema.js';

type ReportRow = {
  id: number; artworkId: number; siteId: number | null; kind: string; description: string; contact: string | null; photoMediaId: number | null;
  status: string; handledBy: number | null; handledAt: string | null; handlingNote: string | null; checkId: number | null; version: number; createdAt: string;
  inventoryNumber: string; title: string; siteName: string | null; photoSha256: string | null;
};

const SELECT = `select d.id, d.artwork_id as artworkId, d.site_id as siteId, d.kind, d.description, d.contact, d.photo_media_id as photoMediaId, d.status,
  d.handled_by as handledBy, d.handled_at as handledAt, d.handling_note as handlingNote, d.check_id as checkId, d.version, d.created_at as createdAt,
  a.inventory_number as inventoryNumber, a.title, s.name as siteName, m.sha256 as photoSha256
  from damage_reports d join artworks a on a.id = d.artwork_id left join locations s on s.id = d.site_id left join media m on m.id = d.photo_media_id`;

const toItem = (r: ReportRow) => ({ ...r, photo: r.photoSha256 ? { thumb: `/media/${r.photoSha256}/thumb.webp`, large: `/media/${r.photoSha256}/large.webp` } : null });

const IdParams = z.strictObject({ id: z.coerce.number().int().positive() });

export function damageReportRoutes(deps: Deps) {
  const sqlite = deps.db.$client;
  const r = secureRouter(deps.routes, '/api');
  const one = sqlite.prepare(`${SELECT} where d.id = ?`);
  const load = (id: number) => {
    const row = one.get(id) as ReportRow | undefined;
    if (!row) throw notFound('damage_report.not_found');
    return row;
  };

  r.get('/damage-reports', 'read', (req, res) => {
    const q = parse(DamageReportQuery, req.query);
    const user = currentUser(req);
    const where = ['d.status = ?'];
    const args: unknown[] = [q.status];
    if (q.site) (where.push('d.site_id = ?'), args.push(q.site));
    if (user.siteIds) (where.push(`d.site_id in (${user.siteIds.map(() => '?').join(',')})`), args.push(...user.siteIds));
    const rows = sqlite.prepare(`${SELECT} where ${where.join(' and ')} order by d.id desc limit ?`).all(...args, q.limit) as ReportRow[];
    const total = sqlite.prepare(`select count(*) from damage_reports d where ${where.join(' and ')}`).pluck().get(...args) as number;
    res.json({ items: rows.map(toItem), total, nextCursor: null });
  });

  r.get('/damage-reports/:id', 'read', (req, res) => {
    const row = load(parse(IdParams, req.params).id);
    assertSite(currentUser(req), row.siteId);
    res.setHeader('ETag', `"${row.version}"`).json(toItem(row));
  });

  // Turning a report into a condition check: the check and the report's new state in one transaction.
  r.post('/damage-reports/:id/convert', 'condition.write', (req, res) => {
    const { id } = parse(IdParams, req.params);
    const version = requireIfMatch(req);
    const body = parseBody(ConvertReportBody, req);
    const user = currentUser(req);
    const now = deps.clock.now();
    const result = sqlite.transaction(() => {
      const row = load(id);
      assertSite(user, row.siteId);
      if (row.version !== version) throw preconditionFailed('damage_report.version_conflict', toItem(row));
      if (row.status !== 'new') throw conflict('damage_report.already_handled', `This report was already ${row.status}.`);
      const note = [`Rapport från allmänheten (${row.kind}): ${row.description}`, body.note].filter(Boolean).join('\n\n');
      const checkId = recordCheck(sqlite, { artworkId: row.artworkId, grade: body.grade, damageTypes: body.damageTypes, damageLocation: body.damageLocation ?? null, priority: body.priority, recommendedAction: body.recommendedAction ?? null, note }, { userId: user.id, now });
      sqlite.prepare(`update damage_reports set status = 'converted', check_id = ?, handled_by = ?, handled_at = ?, version = version + 1 where id = ?`).run(checkId, user.id, now.toISOString(), id);
      if (row.photoMediaId) sqlite.prepare(`insert or ignore into media_links (media_id, entity_type, entity_id, role, position, version, created_by, created_at) values (?, 'condition_check', ?, 'condition', 0, 1, ?, ?)`).run(row.photoMediaId, checkId, user.id, now.toISOString());
      recordAudit(sqlite, { at: now.toISOString(), userId: user.id, action: 'convert', entityType: 'damage_report', entityId: id, before: { status: 'new' }, after: { status: 'converted', checkId } });
      return { checkId };
    })();
    deps.events.emit('artworks.changed', [load(id).artworkId]);
    res.json({ ...toItem(load(id)), checkId: result.checkId });
  });

  r.post('/damage-reports/:id/dismiss', 'condition.write', (req, res) => {
    const { id } = parse(IdParams, req.params);
    const version = requireIfMatch(req);
    const body = parseBody(DismissReportBody, req);
    const user = currentUser(req);
    const at = deps.clock.now().toISOString();
    sqlite.transaction(() => {
      const row = load(id);
      assertSite(user, row.siteId);
      if (row.version !== version) throw preconditionFailed('damage_report.version_conflict', toItem(row));
      if (row.status !== 'new') throw conflict('damage_report.already_handled', `This report was already ${row.status}.`);
      sqlite.prepare(`update damage_reports set status = 'dismissed', handling_note = ?, handled_by = ?, handled_at = ?, version = version + 1 where id = ?`).run(body.note, user.id, at, id);
      recordAudit(sqlite, { at, userId: user.id, action: 'dismiss', entityType: 'damage_report', entityId: id, before: { status: 'new' }, after: { status: 'dismissed', note: body.note } });
    })();
    res.json(toItem(load(id)));
  });

  // Monthly guide reach per site, against the same months of a baseline year.
  r.get('/guide/reach', 'read', (req, res) => {
    const q = parse(ReachQuery, req.query);
    const user = currentUser(req);
    const now = deps.clock.now();
    const baselineYear = q.baselineYear ?? deps.config.guideBaselineYear ?? now.getUTCFullYear() - 1;
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - q.months + 1, 1)).toISOString().slice(0, 7);
    const where = ['1 = 1'];
    const args: unknown[] = [];
    if (q.site) (where.push('v.site_id = ?'), args.push(q.site));
    if (user.siteIds) (where.push(`v.site_id in (${user.siteIds.map(() => '?').join(',')})`), args.push(...user.siteIds));
    const monthly = sqlite
      .prepare(`select v.site_id as siteId, s.name as siteName, substr(v.day, 1, 7) as month, sum(v.views) as views from guide_views v join locations s on s.id = v.site_id
        where ${where.join(' and ')} and (substr(v.day, 1, 7) >= ? or substr(v.day, 1, 4) = ?) group by v.site_id, month order by month, s.name`)
      .all(...args, from, String(baselineYear)) as { siteId: number; siteName: string; month: string; views: number }[];
    const months = monthly.filter((m) => m.month >= from);
    const baseline = monthly.filter((m) => m.month.startsWith(`${baselineYear}-`));
    const total = (rows: typeof monthly) => rows.reduce((s, m) => s + m.views, 0);
    const baselineMonthlyAverage = baseline.length ? total(baseline) / 12 : null;
    const recentMonthlyAverage = total(months) / q.months;
    res.json({
      baselineYear,
      months,
      totals: { recent: total(months), baseline: total(baseline), recentMonthlyAverage, baselineMonthlyAverage, trend: baselineMonthlyAverage ? recentMonthlyAverage / baselineMonthlyAverage - 1 : null },
    });
  });

  return r.router;
}
