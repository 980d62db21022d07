// Storing files and attaching them to records. Other features call storeMedia/linkMedia for files they
// produce or receive (round photos, the public damage report form, floor plans, project sketches).
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type Database from 'better-sqlite3';
import { recordAudit } from '../audit/audit.js';
import type { Deps } from '../deps.js';
import { HttpError } from '../http/errors.js';
import type { AuthUser } from '../users/auth.js';
import { assertCanAttach, assertRoleFits, insertLink, type LinkInput, type LinkResult } from './media.links.js';
import { makeDerivatives, sniff, unsupportedType } from './media.pipeline.js';
import { findMediaBySha, type MediaRow } from './media.queries.js';
import { createJobQueue, type JobQueue } from './media.queue.js';
import { DOCUMENT_ROLES, MEDIA_LIMITS, type MediaLinkItem, type UploadFields } from './media.schema.js';
import { derivativeDir, derivativePath, newTmpPath, originalPath, placeAtomically, removeQuietly, safeFileName, streamToTmp, sweepTmp, tmpDir } from './media.store.js';

export { isPublicMedia } from './media.queries.js';

/** Two images at a time: on 2 cores that keeps the event loop responsive while a batch of 20 runs. */
export const MEDIA_JOB_CONCURRENCY = 2;

export type MediaContext = { root: string; queue: JobQueue };
const contexts = new WeakMap<object, MediaContext>();

/** The media store of one app (keyed by its config): uploads folder and the bounded derivative queue. */
export function mediaContext(deps: Pick<Deps, 'config'>): MediaContext {
  let ctx = contexts.get(deps.config);
  if (!ctx) {
    const root = deps.config.uploadsDir;
    fs.mkdirSync(tmpDir(root), { recursive: true });
    // Leftovers of a crash; anything younger may belong to an upload in flight.
    sweepTmp(root, 60 * 60 * 1000);
    ctx = { root, queue: createJobQueue(MEDIA_JOB_CONCURRENCY) };
    contexts.set(deps.config, ctx);
  }
  return ctx;
}

/** A file that arrived in uploads/.tmp, hashed on the way in. */
export type Incoming = { tmpPath: string; sha256: string; bytes: number; originalName: string | null };

type Prepared = Incoming & {
  mime: string;
  ext: string;
  width: number | null;
  height: number | null;
  dominantColor: string | null;
  tmpDerivatives: string | null;
  /** The file is already stored (same hash): nothing to write. */
  reuse: boolean;
};

const pdfNotAllowed = () => unsupportedType('A PDF can only be attached as a document or sketch; pictures must be JPEG, PNG, WebP, TIFF or HEIC.');

function filesPresent(root: string, m: MediaRow): boolean {
  return fs.existsSync(originalPath(root, m.sha256, m.ext)) && (!m.mime.startsWith('image/') || fs.existsSync(derivativePath(root, m.sha256, 'large')));
}

/** Checks the bytes and makes the derivatives in temp space; nothing is in place yet. */
async function prepare(sqlite: Database.Database, ctx: MediaContext, inc: Incoming, allowPdf: boolean): Promise<Prepared> {
  const known = findMediaBySha(sqlite, inc.sha256);
  if (known && filesPresent(ctx.root, known)) {
    if (known.mime === 'application/pdf' && !allowPdf) throw pdfNotAllowed();
    const { mime, ext, width, height, dominantColor } = known;
    return { ...inc, mime, ext, width, height, dominantColor, tmpDerivatives: null, reuse: true };
  }
  const sniffed = await sniff(inc.tmpPath);
  if (sniffed.kind === 'pdf') {
    if (!allowPdf) throw pdfNotAllowed();
    return { ...inc, mime: sniffed.mime, ext: sniffed.ext, width: null, height: null, dominantColor: null, tmpDerivatives: null, reuse: false };
  }
  const out = newTmpPath(ctx.root, '.d');
  try {
    const { dominantColor } = await ctx.queue.run(() => makeDerivatives(inc.tmpPath, out));
    return { ...inc, mime: sniffed.mime, ext: sniffed.ext, width: sniffed.width, height: sniffed.height, dominantColor, tmpDerivatives: out, reuse: false };
  } catch (err) {
    await removeQuietly(out);
    throw err;
  }
}

/** Renames derivatives and original into place; returns the paths this call created. */
async function place(root: string, p: Prepared): Promise<string[]> {
  const created: string[] = [];
  if (p.tmpDerivatives && (await placeAtomically(p.tmpDerivatives, derivativeDir(root, p.sha256)))) created.push(derivativeDir(root, p.sha256));
  if (!p.reuse && (await placeAtomically(p.tmpPath, originalPath(root, p.sha256, p.ext)))) created.push(originalPath(root, p.sha256, p.ext));
  return created;
}

/** Undoes `place` after a failed transaction, unless another upload's row now refers to the same file. */
async function unplace(sqlite: Database.Database, prepared: Prepared[], created: string[][]): Promise<void> {
  const orphans = prepared.flatMap((p, i) => (findMediaBySha(sqlite, p.sha256) ? [] : (created[i] ?? [])));
  await removeQuietly(...orphans);
}

function insertMediaRow(sqlite: Database.Database, p: Prepared, userId: number | null, at: string): { id: number; created: boolean } {
  const info = sqlite
    .prepare(
      `insert into media (sha256, mime, ext, bytes, width, height, dominant_color, original_name, state, created_by, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, 'ready', ?, ?) on conflict (sha256) do nothing`,
    )
    .run(p.sha256, p.mime, p.ext, p.bytes, p.width, p.height, p.dominantColor, p.originalName, userId, at);
  const id = sqlite.prepare('select id from media where sha256 = ?').pluck().get(p.sha256) as number;
  if (info.changes)
    recordAudit(sqlite, { at, userId, action: 'create', entityType: 'media', entityId: id, after: { sha256: p.sha256, mime: p.mime, bytes: p.bytes, width: p.width, height: p.height, originalName: p.originalName } });
  return { id, created: info.changes > 0 };
}

/** Runs `prepare` for every file; if any fails, cleans the others' temp output and throws one error naming each bad file. */
async function prepareAll(sqlite: Database.Database, ctx: MediaContext, files: Incoming[], allowPdf: boolean): Promise<Prepared[]> {
  const settled = await Promise.allSettled(files.map((f) => prepare(sqlite, ctx, f, allowPdf)));
  const failures = settled.flatMap((s, i) => (s.status === 'rejected' ? [{ i, err: s.reason as unknown }] : []));
  if (!failures.length) return settled.map((s) => (s as PromiseFulfilledResult<Prepared>).value);
  await removeQuietly(...settled.flatMap((s) => (s.status === 'fulfilled' && s.value.tmpDerivatives ? [s.value.tmpDerivatives] : [])));
  const first = failures[0]!.err;
  if (!(first instanceof HttpError)) throw first;
  const errors = failures.map(({ i, err }) => ({ path: `files[${i}]`, message: `${files[i]!.originalName ?? 'file'}: ${err instanceof HttpError ? err.detail : 'could not be processed'}` }));
  throw new HttpError(first.status, first.code, first.title, files.length > 1 ? `${failures.length} of ${files.length} files were refused; nothing was stored.` : first.detail, { errors }, first.headers);
}

export type AttachResult = { items: (MediaLinkItem & { created: boolean })[]; changedArtworkIds: number[] };

/**
 * The upload route's work: check the target, process every file, and only when all are good put
 * them in place and write media + links + audit in one transaction. The response waits for the
 * derivatives: decoding the whole picture is what proves it is not truncated (422 otherwise), and
 * three sizes of a 24 MP photo take well under a second.
 */
export async function attachUploads(deps: Deps, user: AuthUser, fields: UploadFields, files: Incoming[]): Promise<AttachResult> {
  const sqlite = deps.db.$client;
  const ctx = mediaContext(deps);
  assertCanAttach(sqlite, user, fields.entityType, fields.entityId);
  assertRoleFits(fields.entityType, fields.role);
  const prepared = await prepareAll(sqlite, ctx, files, DOCUMENT_ROLES.includes(fields.role));
  const created: string[][] = [];
  try {
    for (const p of prepared) created.push(await place(ctx.root, p));
    const at = deps.clock.now().toISOString();
    const results = sqlite.transaction(() => {
      // Re-checked inside the transaction: the record may have gone while the pictures were processed.
      assertCanAttach(sqlite, user, fields.entityType, fields.entityId);
      return prepared.map((p) => {
        const { id } = insertMediaRow(sqlite, p, user.id, at);
        return insertLink(sqlite, { mediaId: id, entityType: fields.entityType, entityId: fields.entityId, role: fields.role, caption: fields.caption ?? null, userId: user.id, at });
      });
    })();
    return { items: results.map((r) => ({ ...r.link, created: r.created })), changedArtworkIds: [...new Set(results.flatMap((r) => r.changedArtworkIds))] };
  } catch (err) {
    await unplace(sqlite, prepared, created);
    throw err;
  } finally {
    await removeQuietly(...prepared.flatMap((p) => [p.tmpPath, ...(p.tmpDerivatives ? [p.tmpDerivatives] : [])]));
  }
}

export type StoreInput = ({ buffer: Buffer } | { path: string }) & {
  originalName?: string | null;
  userId: number | null;
  /** PDFs are accepted only for documents and sketches. */
  allowPdf?: boolean;
};
export type StoredMedia = { mediaId: number; sha256: string; mime: string; width: number | null; height: number | null; dominantColor: string | null; created: boolean };

/**
 * Stores one file (the caller's buffer or file is copied, never moved) with its derivatives and a
 * media row; the same bytes stored twice give the same mediaId. Link it with `linkMedia`.
 * Throws HttpError 413/415/422 for bad input, like the upload route.
 */
export async function storeMedia(deps: Deps, input: StoreInput): Promise<StoredMedia> {
  const sqlite = deps.db.$client;
  const ctx = mediaContext(deps);
  const bytes = 'buffer' in input ? input.buffer.length : (await fs.promises.stat(input.path)).size;
  if (bytes > MEDIA_LIMITS.maxBytes) throw new HttpError(413, 'media.too_large', 'Payload too large', `A file may be at most ${MEDIA_LIMITS.maxBytes / 1024 / 1024} MB.`);
  const source = 'buffer' in input ? Readable.from(input.buffer) : fs.createReadStream(input.path);
  const stored = await streamToTmp(ctx.root, source);
  const inc: Incoming = { tmpPath: stored.path, sha256: stored.sha256, bytes: stored.size, originalName: safeFileName(input.originalName) };
  let prepared: Prepared | undefined;
  let created: string[] = [];
  try {
    prepared = (await prepareAll(sqlite, ctx, [inc], input.allowPdf ?? false))[0]!;
    created = await place(ctx.root, prepared);
    const at = deps.clock.now().toISOString();
    const p = prepared;
    const row = sqlite.transaction(() => insertMediaRow(sqlite, p, input.userId, at))();
    return { mediaId: row.id, sha256: p.sha256, mime: p.mime, width: p.width, height: p.height, dominantColor: p.dominantColor, created: row.created };
  } catch (err) {
    if (prepared) await unplace(sqlite, [prepared], [created]);
    throw err;
  } finally {
    await removeQuietly(inc.tmpPath, ...(prepared?.tmpDerivatives ? [prepared.tmpDerivatives] : []));
  }
}

/**
 * Links a stored file to a record with a role, in its own transaction with the audit row (a
 * 'primary' link also sets artworks.primary_media_id). Callers check permissions themselves.
 */
export function linkMedia(sqlite: Database.Database, input: Omit<LinkInput, 'at'> & { at?: string }): LinkResult {
  return sqlite.transaction(() => insertLink(sqlite, { ...input, at: input.at ?? new Date().toISOString() }))();
}

