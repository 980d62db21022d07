// /api/imports: upload a CSV (multipart or text/csv body), dry run with a column mapping, commit, undo;
// progress by polling GET /api/imports/:id or the event stream; /api/import-profiles keeps named mappings.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import multer from 'multer';
import { z } from 'zod';
import type { Request, Response } from 'express';
import type { Deps } from '../deps.js';
import { badRequest } from '../http/errors.js';
import { secureRouter } from '../http/routes.js';
import { parse, parseBody, parseQuery } from '../http/validate.js';
import type { CommitResult } from './import.run.js';
import { currentUser } from '../users/auth.js';
import { saveStream, tooLarge } from './import.file.js';
import { importJobs } from './import.jobs.js';
import { CommitBody, DryRunBody, ImportIdParams, ImportListQuery, MAX_IMPORT_BYTES, ProfileBody } from './import.schema.js';
import { IMPORTS_DIR, importSummary, listProfiles, loadImport, registerUpload, reportErrors, saveProfile } from './import.service.js';

const tags = ['imports'];
const UploadQuery = z.strictObject({ fileName: z.string().trim().min(1).max(200).optional() });

export function importRoutes(deps: Deps) {
  const sqlite = deps.db.$client;
  const r = secureRouter(deps.routes, '/api');
  const jobs = importJobs(deps);
  const now = () => deps.clock.now().toISOString();
  const tmpDir = path.join(deps.config.uploadsDir, IMPORTS_DIR, 'tmp');
  const upload = multer({
    storage: multer.diskStorage({ destination: (_req, _file, cb) => (fs.mkdirSync(tmpDir, { recursive: true }), cb(null, tmpDir)), filename: (_req, _file, cb) => cb(null, `${crypto.randomUUID()}.csv`) }),
    limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5, fieldSize: 1024 },
  }).single('file');

  /** The upload on disk: a multipart `file` part, or the text/csv body itself (refused early when announced too large). */
  const receive = async (req: Request, res: Response): Promise<{ file: string; name: string }> => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) throw tooLarge(Number(req.headers['content-length']));
    const q = parseQuery(UploadQuery, req);
    if (req.is('multipart/form-data')) {
      await new Promise<void>((resolve, reject) => upload(req, res, (err: unknown) => (err ? reject(err) : resolve())));
      if (!req.file) throw badRequest('import.no_file', 'Send the CSV file in a multipart field named "file".', [{ path: 'file', message: 'Required' }]);
      return { file: req.file.path, name: q.fileName ?? req.file.originalname };
    }
    if (req.is('text/csv')) {
      fs.mkdirSync(tmpDir, { recursive: true });
      const file = path.join(tmpDir, `${crypto.randomUUID()}.csv`);
      await saveStream(req, file);
      return { file, name: q.fileName ?? 'import.csv' };
    }
    throw badRequest('import.no_file', 'Send the CSV as multipart/form-data (field "file") or as a text/csv body.', [{ path: 'file', message: 'Required' }]);
  };

  r.post('/imports', 'catalogue.write', { summary: 'Upload a CSV file: inspected (encoding, delimiter), kept, with a suggested column mapping and a sample', tags, query: UploadQuery, status: 201 }, async (req, res) => {
    const { file, name } = await receive(req, res);
    const out = await registerUpload(sqlite, deps.config.uploadsDir, file, name, currentUser(req), now());
    jobs.warm();
    res.status(201).setHeader('Location', `/api/imports/${out.id}`).json(out);
  });

  r.get('/imports', 'catalogue.write', { summary: 'Recent imports, newest first', tags, query: ImportListQuery }, (req, res) => {
    const q = parseQuery(ImportListQuery, req);
    const ids = sqlite.prepare('select id from imports order by id desc limit ?').pluck().all(q.limit) as number[];
    res.json({ items: ids.map((id) => importSummary(sqlite, id, jobs.progress.get(id) ?? null)), total: sqlite.prepare('select count(*) from imports').pluck().get(), nextCursor: null });
  });

  r.get('/imports/:id', 'catalogue.write', { summary: 'An import: state, mapping, dry-run report, commit result, progress of a running job, undoable', tags, params: ImportIdParams }, (req, res) => {
    const { id } = parse(ImportIdParams, req.params);
    res.json(importSummary(sqlite, id, jobs.progress.get(id) ?? null));
  });

  r.get('/imports/:id/events', 'catalogue.write', { summary: 'Server-sent events: progress of the running dry run or commit, then `end`', tags, params: ImportIdParams }, (req, res) => {
    const { id } = parse(ImportIdParams, req.params);
    loadImport(sqlite, id);
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const onProgress = (p: unknown) => send('progress', p);
    const onEnd = () => {
      send('end', importSummary(sqlite, id));
      res.end();
    };
    const current = jobs.progress.get(id);
    if (!current) return onEnd();
    send('progress', current);
    jobs.events.on(`progress:${id}`, onProgress);
    jobs.events.once(`end:${id}`, onEnd);
    res.on('close', () => {
      jobs.events.off(`progress:${id}`, onProgress);
      jobs.events.off(`end:${id}`, onEnd);
    });
  });

  r.get('/imports/:id/errors.csv', 'catalogue.write', { summary: 'Every row error of the last dry run as CSV (row, column, value, message)', tags, params: ImportIdParams }, (req, res) => {
    const { id } = parse(ImportIdParams, req.params);
    const cell = (v: unknown) => (v === null || v === undefined ? '' : /[",\r\n;]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
    const lines = reportErrors(sqlite, id).map((e) => [e.row, e.column, e.value, e.message].map(cell).join(';'));
    res.type('text/csv; charset=utf-8').attachment(`import-${id}-errors.csv`).send(`\ufeffrow;column;value;message\r\n${lines.join('\r\n')}\r\n`);
  });

  r.post('/imports/:id/dry-run', 'catalogue.write', { summary: 'What the import would do with this mapping: new, updated, unchanged, and every row error; nothing is written', tags, params: ImportIdParams, body: DryRunBody }, async (req, res) => {
    const { id } = parse(ImportIdParams, req.params);
    const body = parseBody(DryRunBody, req);
    loadImport(sqlite, id);
    res.json(await jobs.run('dry-run', id, currentUser(req), body));
  });

  r.post('/imports/:id/commit', 'catalogue.write', { summary: 'Write all valid rows in one transaction (rows with errors only with skipErrors), audited as one import', tags, params: ImportIdParams, body: CommitBody }, async (req, res) => {
    const { id } = parse(ImportIdParams, req.params);
    const body = parseBody(CommitBody, req);
    loadImport(sqlite, id);
    const result = (await jobs.run('commit', id, currentUser(req), body)) as CommitResult;
    // Due dates follow a work's checks and place: a new work has never been checked, so its due date stays empty
    // wherever it hangs (computeNextDue); only works that were there before are recomputed.
    if (result.updatedIds.length) deps.events.emit('artworks.changed', result.updatedIds);
    const { artworkIds, updatedIds: _updated, ...rest } = result;
    res.json({ ...rest, changedIds: artworkIds.slice(0, 100), import: importSummary(sqlite, id) });
  });

  r.post('/imports/:id/undo', 'catalogue.write', { summary: 'Undo a committed import as a whole, if none of its works has changed since (409 naming them otherwise)', tags, params: ImportIdParams }, async (req, res) => {
    const { id } = parse(ImportIdParams, req.params);
    loadImport(sqlite, id);
    // In the worker too: removing tens of thousands of works takes a while, and the server keeps answering meanwhile.
    const out = (await jobs.run('undo', id, currentUser(req), {})) as { removed: number; restored: number; artworkIds: number[] };
    if (out.artworkIds.length) deps.events.emit('artworks.changed', out.artworkIds);
    res.json({ removed: out.removed, restored: out.restored, import: importSummary(sqlite, id) });
  });

  r.get('/import-profiles', 'catalogue.write', { summary: 'Saved column mappings', tags }, (_req, res) => {
    const items = listProfiles(sqlite);
    res.json({ items, total: items.length, nextCursor: null });
  });

  r.post('/import-profiles', 'catalogue.write', { summary: 'Save a column mapping under a name (replacing one of the same name)', tags, body: ProfileBody, status: 201 }, (req, res) => {
    const body = parseBody(ProfileBody, req);
    res.status(201).json(saveProfile(sqlite, body.name, body.mapping, currentUser(req), now()));
  });

  return r.router;
}
