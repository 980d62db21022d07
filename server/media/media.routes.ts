// POST /api/media (multipart), GET /api/media, PATCH|DELETE /api/media-links/:id, and the files:
// GET /media/:sha256/(thumb|medium|large).webp and /media/:sha256/original.
import type { RequestHandler, Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { forbidden, notFound, unauthorized, validationError } from '../http/errors.js';
import { secureRouter } from '../http/routes.js';
import { parse, parseBody, parseParams, parseQuery, requireIfMatch } from '../http/validate.js';
import { assertSite, currentUser } from '../users/auth.js';
import { roleAllows } from '../users/permissions.js';
import { assertCanAttach, assertRoleFits, deleteLink, updateLink, WRITE_PERMISSION } from './media.links.js';
import { entitySite, findMediaBySha, isPublicMedia, linkItems, userCanSeeMedia } from './media.queries.js';
import { FileParams, LinkParams, ListMediaQuery, MEDIA_LIMITS, MediaLinkItem, UpdateLinkBody, UploadFields, UploadResponse, type MediaSize } from './media.schema.js';
import { attachUploads, mediaContext, type Incoming } from './media.service.js';
import { derivativePath, hashingStorage, originalPath, removeQuietly, safeFileName } from './media.store.js';

const ONE_YEAR = 31_536_000;

export function mediaRoutes(deps: Deps) {
  const r = secureRouter(deps.routes, '/');
  const sqlite = deps.db.$client;
  const ctx = mediaContext(deps);
  const emitChanged = (ids: number[]) => ids.length && deps.events.emit('artworks.changed', ids);

  // The upload and link routes serve curators, conservators and project leads, so they are
  // registered with 'read' and this refuses roles that may attach to nothing (viewers) before any
  // byte is read; the exact permission per entity type is WRITE_PERMISSION.
  const mayAttachSomething: RequestHandler = (req, _res, next) => {
    const user = currentUser(req);
    if (!Object.values(WRITE_PERMISSION).some((p) => roleAllows(user.role, p))) throw forbidden();
    next();
  };

  const checked = new WeakSet<object>();
  const upload = multer({
    storage: hashingStorage(ctx.root),
    // Browsers send file names as UTF-8 ("blå rummet.jpg"), not latin1.
    defParamCharset: 'utf8',
    limits: { fileSize: MEDIA_LIMITS.maxBytes, files: MEDIA_LIMITS.maxFiles, fields: 10, fieldSize: 2000, parts: MEDIA_LIMITS.maxFiles + 10 },
    // When the text fields come before the files (as our client sends them), refuse a wrong target
    // before storing a single byte.
    fileFilter: (req, _file, cb) => {
      if (checked.has(req) || !req.body?.entityType) return cb(null, true);
      checked.add(req);
      const fields = UploadFields.safeParse({ ...req.body });
      if (!fields.success) return cb(null, true);
      try {
        assertCanAttach(sqlite, currentUser(req), fields.data.entityType, fields.data.entityId);
        assertRoleFits(fields.data.entityType, fields.data.role);
        cb(null, true);
      } catch (err) {
        cb(err as Error);
      }
    },
  }).array('files');

  /** Temp files of this request are removed however it ends (placed files were renamed away). */
  const cleanupUploads: RequestHandler = (req, res, next) => {
    const files = (req.files ?? []) as Express.Multer.File[];
    res.on('close', () => void removeQuietly(...files.map((f) => f.path)));
    next();
  };

  r.post(
    '/api/media',
    'read',
    { summary: 'Upload 1–20 files (multipart field `files`) and link them to a record with a role', tags: ['media'], response: UploadResponse, status: 201 },
    mayAttachSomething,
    upload,
    cleanupUploads,
    async (req, res) => {
      const user = currentUser(req);
      const fields = parse(UploadFields, { ...req.body });
      const files = (req.files ?? []) as (Express.Multer.File & { sha256: string })[];
      if (!files.length) throw validationError([{ path: 'files', message: `Attach 1–${MEDIA_LIMITS.maxFiles} files` }]);
      const incoming: Incoming[] = files.map((f) => ({ tmpPath: f.path, sha256: f.sha256, bytes: f.size, originalName: safeFileName(f.originalname) }));
      const result = await attachUploads(deps, user, fields, incoming);
      emitChanged(result.changedArtworkIds);
      res.status(201).json({ items: result.items });
    },
  );

  r.get('/api/media', 'read', { summary: "A record's files in order", tags: ['media'], query: ListMediaQuery, response: z.object({ items: z.array(MediaLinkItem) }) }, (req, res) => {
    const q = parseQuery(ListMediaQuery, req);
    const site = entitySite(sqlite, q.entityType, q.entityId);
    if (!site) throw notFound('media.entity_not_found', `There is no ${q.entityType} ${q.entityId}.`);
    assertSite(currentUser(req), site.siteId);
    const items = linkItems(sqlite, 'l.entity_type = ? and l.entity_id = ?', q.entityType, q.entityId);
    res.json({ items, nextCursor: null, total: items.length });
  });

  r.patch(
    '/api/media-links/:id',
    'read',
    { summary: 'Change role (e.g. make primary), position (reorder) or caption', tags: ['media'], params: LinkParams, body: UpdateLinkBody, response: MediaLinkItem, ifMatch: true },
    mayAttachSomething,
    (req, res) => {
      const { id } = parseParams(LinkParams, req);
      const version = requireIfMatch(req);
      const body = parseBody(UpdateLinkBody, req);
      const { link, changedArtworkIds } = updateLink(sqlite, currentUser(req), id, version, body, deps.clock.now().toISOString());
      emitChanged(changedArtworkIds);
      res.set('ETag', `"${link.version}"`).json(link);
    },
  );

  r.delete('/api/media-links/:id', 'read', { summary: 'Unlink a file from its record (the file goes with `npm run media:gc`)', tags: ['media'], params: LinkParams }, mayAttachSomething, (req, res) => {
    const { id } = parseParams(LinkParams, req);
    const { changedArtworkIds } = deleteLink(sqlite, currentUser(req), id, deps.clock.now().toISOString());
    emitChanged(changedArtworkIds);
    res.status(204).end();
  });

  // Registered as 'public' so that the one exception (pictures of works marked public, for the
  // guide) lives here; everyone else must be signed in and see a record the file is linked to.
  r.get('/media/:sha256/:file', 'public', { summary: 'A derivative (WebP) or the original, with immutable caching and ranges', tags: ['media'] }, async (req, res) => {
    const params = FileParams.safeParse(req.params);
    const sha256 = params.success ? params.data.sha256 : null;
    const media = sha256 ? findMediaBySha(sqlite, sha256) : undefined;
    const isPublic = !!media && isPublicMedia(sqlite, media.sha256);
    if (!isPublic) {
      if (!req.user) throw unauthorized();
      if (!media || !params.success) throw notFound('media.not_found', 'No such file.');
      if (!userCanSeeMedia(sqlite, req.user, media.id)) throw forbidden('auth.site_forbidden', 'This file belongs to records on other sites.');
    }
    if (!media || !params.success) throw notFound('media.not_found', 'No such file.');
    const file = params.data.file;
    const cache = `${isPublic ? 'public' : 'private'}, max-age=${ONE_YEAR}, immutable`;
    if (file === 'original') {
      const name = downloadName(media.originalName, media.sha256, media.ext);
      await sendStored(res, originalPath(ctx.root, media.sha256, media.ext), {
        'Content-Type': media.mime,
        ETag: `"${media.sha256}-original"`,
        'Cache-Control': cache,
        'Content-Disposition': `inline; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${rfc5987(name)}`,
      });
      return;
    }
    if (!media.mime.startsWith('image/')) throw notFound('media.no_derivative', 'Documents have no picture sizes; fetch the original.');
    const size = file.replace('.webp', '') as MediaSize;
    await sendStored(res, derivativePath(ctx.root, media.sha256, size), { 'Content-Type': 'image/webp', ETag: `"${media.sha256}-${size}"`, 'Cache-Control': cache });
  });

  return r.router;
}

/** The client's name with the real extension (a JPEG called "x.exe" downloads as "x.jpg"). */
function downloadName(originalName: string | null, sha256: string, ext: string): string {
  const base = (safeFileName(originalName) ?? sha256.slice(0, 12)).replace(/\.[^.]{1,8}$/, '');
  return `${base || sha256.slice(0, 12)}.${ext}`;
}

const rfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** sendFile with our own ETag (send answers If-None-Match → 304 and Range → 206 from it). */
function sendStored(res: Response, file: string, headers: Record<string, string>): Promise<void> {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  return new Promise((resolve, reject) => {
    res.sendFile(file, { etag: false, lastModified: false, dotfiles: 'allow', acceptRanges: true }, (err) => {
      if (!err || res.headersSent) return resolve();
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        // The row is there but the file is not: say so instead of a 500; `media:gc` reports it.
        res.removeHeader('Cache-Control');
        res.removeHeader('ETag');
        return reject(notFound('media.file_missing', 'The file is missing from the media store.'));
      }
      reject(err);
    });
  });
}
