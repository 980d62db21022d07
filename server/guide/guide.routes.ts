// The public guide at /guide: server-rendered pages, anonymous reach counts, damage reports from anyone.
import crypto from 'node:crypto';
import path from 'node:path';
import express, { type Request, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { HttpError } from '../http/errors.js';
import { createRateLimiter } from '../http/rate-limit.js';
import { secureRouter } from '../http/routes.js';
import { recordAudit } from '../audit/audit.js';
import { getOrCreateSecret } from '../settings.js';
import { linkMedia, storeMedia } from '../media/media.service.js';
import { guideQueries } from './guide.queries.js';
import { inventoryKey } from '../artworks/inventory.js';
import { messagePage, reportPage, sitePage, sitesPage, workPage } from './guide.pages.js';
import { pickLang, WORDS, type Lang } from './guide.i18n.js';

export const REPORT_KINDS = ['damage', 'dirty', 'loose', 'missing', 'other'] as const;
export const REPORTS_PER_HOUR = 5;
const MIN_FILL_MS = 3000; // a person needs a few seconds to fill the form; bots post at once
const MAX_FORM_AGE_MS = 6 * 3600_000;
const MAX_PHOTO_BYTES = 15 * 1024 * 1024;

const ReportForm = z.object({
  token: z.string().max(200),
  website: z.string().max(500).optional(),
  kind: z.enum(REPORT_KINDS),
  description: z.string().trim().min(3).max(2000),
  contact: z.string().trim().max(200).optional(),
});

export function guideRoutes(deps: Deps) {
  const sqlite = deps.db.$client;
  const q = guideQueries(sqlite);
  const r = secureRouter(deps.routes, '/guide');
  const secret = getOrCreateSecret(deps.db, 'guide_form_secret');
  // Keyed by the caller's address in memory only; addresses are never written anywhere.
  const perSource = createRateLimiter({ windowMs: 3600_000, max: REPORTS_PER_HOUR, now: () => deps.clock.now().getTime() });
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 10, fieldSize: 4096 } });
  const today = () => deps.clock.now().toISOString().slice(0, 10);

  const send = (res: Response, status: number, body: string) => {
    res.status(status).type('html').setHeader('Cache-Control', status === 200 ? 'public, max-age=60' : 'no-store');
    res.send(body);
  };
  const lang = (req: Request): Lang => pickLang(req.query.lang, req.get('accept-language'));
  const formToken = (workId: number, issued: number) => `${issued}.${crypto.createHmac('sha256', secret).update(`${workId}:${issued}`).digest('base64url').slice(0, 22)}`;
  const tokenAge = (token: string, workId: number): number | null => {
    const [issued] = token.split('.');
    const n = Number(issued);
    if (!Number.isFinite(n) || formToken(workId, n) !== token) return null;
    return deps.clock.now().getTime() - n;
  };
  const notInGuide = (res: Response, l: Lang) => send(res, 404, messagePage(l, WORDS[l].notInGuideTitle, WORDS[l].notInGuide));

  r.get('/assets/guide.css', 'public', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.sendFile(path.join(import.meta.dirname, 'guide.css'));
  });

  r.get('/', 'public', (req, res) => send(res, 200, sitesPage(lang(req), q.sites())));

  r.get('/w/:inventoryNumber', 'public', (req, res) => {
    const l = lang(req);
    const work = q.work(inventoryKey(String(req.params.inventoryNumber)));
    if (!work) return notInGuide(res, l); // 404, never 403: no hint that a hidden work exists
    q.countView(work.siteId, today());
    send(res, 200, workPage(l, work, { reported: req.query.reported === '1' }));
  });

  r.get('/w/:inventoryNumber/report', 'public', (req, res) => {
    const l = lang(req);
    const work = q.work(inventoryKey(String(req.params.inventoryNumber)));
    if (!work) return notInGuide(res, l);
    res.setHeader('Cache-Control', 'no-store');
    send(res, 200, reportPage(l, work, formToken(work.id, deps.clock.now().getTime())));
  });

  r.post('/w/:inventoryNumber/report', 'public', upload.single('photo'), async (req: Request, res: Response) => {
    const l = lang(req);
    const w = WORDS[l];
    const work = q.work(inventoryKey(String(req.params.inventoryNumber)));
    if (!work) return notInGuide(res, l);
    const source = req.ip ?? 'unknown';
    const wait = perSource.retryAfter(source);
    if (wait) {
      res.setHeader('Retry-After', String(wait));
      return send(res, 429, messagePage(l, w.reportTitle, w.tooMany));
    }
    const parsed = ReportForm.safeParse(req.body ?? {});
    const state = { kind: req.body?.kind, description: req.body?.description, contact: req.body?.contact };
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => `${String(i.path[0] ?? '')}: ${i.message}`);
      return send(res, 400, reportPage(l, work, formToken(work.id, deps.clock.now().getTime()), { ...state, errors }));
    }
    const age = tokenAge(parsed.data.token, work.id);
    perSource.hit(source);
    // A filled honeypot, a forged token or an instant post: thank the sender and store nothing.
    if (parsed.data.website || age === null || age < MIN_FILL_MS || age > MAX_FORM_AGE_MS) {
      return res.redirect(303, `/guide/w/${encodeURIComponent(work.inventoryNumber)}?lang=${l}&reported=1`);
    }
    let photo: { mediaId: number } | undefined;
    if (req.file) {
      try {
        photo = await storeMedia(deps, { buffer: req.file.buffer, originalName: req.file.originalname, userId: null });
      } catch (err) {
        const status = err instanceof HttpError ? err.status : 422;
        return send(res, status >= 400 && status < 500 ? status : 422, reportPage(l, work, formToken(work.id, deps.clock.now().getTime()), { ...state, errors: [`${w.reportPhoto}: ${err instanceof HttpError ? err.detail : 'unreadable'}`] }));
      }
    }
    const at = deps.clock.now().toISOString();
    sqlite.transaction(() => {
      const id = Number(
        sqlite
          .prepare('insert into damage_reports (artwork_id, site_id, kind, description, contact, photo_media_id, created_at) values (?, ?, ?, ?, ?, ?, ?)')
          .run(work.id, work.siteId, parsed.data.kind, parsed.data.description, parsed.data.contact || null, photo?.mediaId ?? null, at).lastInsertRowid,
      );
      if (photo) linkMedia(sqlite, { mediaId: photo.mediaId, entityType: 'damage_report', entityId: id, role: 'condition', userId: null, at });
      recordAudit(sqlite, { at, userId: null, action: 'create', entityType: 'damage_report', entityId: id, after: { artworkId: work.id, kind: parsed.data.kind } });
    })();
    res.redirect(303, `/guide/w/${encodeURIComponent(work.inventoryNumber)}?lang=${l}&reported=1`);
  });

  r.get('/:site', 'public', (req, res) => {
    const l = lang(req);
    const id = Number.parseInt(String(req.params.site), 10);
    const site = Number.isFinite(id) ? q.site(id) : undefined;
    const works = site ? q.worksOfSite(site.id) : [];
    if (!site || works.length === 0) return send(res, 404, messagePage(l, WORDS[l].notFoundTitle, WORDS[l].notInGuide));
    q.countView(site.id, today());
    send(res, 200, sitePage(l, site, works));
  });

  // Form posts to the guide are urlencoded or multipart, never JSON.
  const router = express.Router();
  router.use(express.urlencoded({ extended: false, limit: '20kb' }));
  router.use(r.router);
  return router;
}
