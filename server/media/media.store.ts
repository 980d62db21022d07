// Where media live on disk: paths are pure functions of the sha256, files arrive in a temp folder
// inside uploads/ (same filesystem) and are renamed into place atomically.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { StorageEngine } from 'multer';
import type { MediaSize } from './media.schema.js';

export const TMP_DIR_NAME = '.tmp';

const fanOut = (root: string, sha256: string) => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4));

/** `uploads/ab/cd/<hash>.<ext>` — the original, byte for byte. */
export const originalPath = (root: string, sha256: string, ext: string) => path.join(fanOut(root, sha256), `${sha256}.${ext}`);
/** `uploads/ab/cd/<hash>/` — the derivatives of one original. */
export const derivativeDir = (root: string, sha256: string) => path.join(fanOut(root, sha256), sha256);
export const derivativePath = (root: string, sha256: string, size: MediaSize) => path.join(derivativeDir(root, sha256), `${size}.webp`);
export const tmpDir = (root: string) => path.join(root, TMP_DIR_NAME);

export function newTmpPath(root: string, suffix = ''): string {
  return path.join(tmpDir(root), `${Date.now()}-${crypto.randomBytes(8).toString('hex')}${suffix}`);
}

export type StoredUpload = { path: string; size: number; sha256: string };

/** Copies a stream into a new temp file, hashing while it streams; the temp file is removed on any error. */
export async function streamToTmp(root: string, input: NodeJS.ReadableStream): Promise<StoredUpload> {
  fs.mkdirSync(tmpDir(root), { recursive: true });
  const file = newTmpPath(root);
  const hash = crypto.createHash('sha256');
  let size = 0;
  const hashing = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      size += chunk.length;
      cb(null, chunk);
    },
  });
  try {
    await pipeline(input, hashing, fs.createWriteStream(file, { flags: 'wx' }));
  } catch (err) {
    await fs.promises.rm(file, { force: true });
    throw err;
  }
  return { path: file, size, sha256: hash.digest('hex') };
}

/** A multer storage engine that writes each file into uploads/.tmp while hashing it. */
export function hashingStorage(root: string): StorageEngine {
  return {
    _handleFile(_req, file, cb) {
      streamToTmp(root, file.stream).then(
        (stored) => cb(null, stored as Partial<Express.Multer.File>),
        (err: Error) => cb(err),
      );
    },
    _removeFile(_req, file, cb) {
      if (!file.path) return cb(null);
      fs.rm(file.path, { force: true }, (err) => cb(err));
    },
  };
}

/** Moves a temp file or folder into place. Returns false when the target already existed (same hash = same content). */
export async function placeAtomically(from: string, to: string): Promise<boolean> {
  await fs.promises.mkdir(path.dirname(to), { recursive: true });
  if (fs.existsSync(to)) {
    await fs.promises.rm(from, { recursive: true, force: true });
    return false;
  }
  try {
    await fs.promises.rename(from, to);
    return true;
  } catch (err) {
    // A concurrent upload of the same file won the race for a folder: keep theirs.
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') {
      await fs.promises.rm(from, { recursive: true, force: true });
      return false;
    }
    throw err;
  }
}

export async function removeQuietly(...paths: string[]): Promise<void> {
  await Promise.all(paths.map((p) => fs.promises.rm(p, { recursive: true, force: true }).catch(() => undefined)));
}

/** Removes temp files left by a crash (older than `olderThanMs`); returns what was removed. */
export function sweepTmp(root: string, olderThanMs: number, now = Date.now(), apply = true): string[] {
  const dir = tmpDir(root);
  if (!fs.existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (!stat || now - stat.mtimeMs < olderThanMs) continue;
    if (apply) fs.rmSync(full, { recursive: true, force: true });
    removed.push(full);
  }
  return removed;
}

/** Keeps only the last path segment and printable characters of a client's file name. */
export function safeFileName(name: string | undefined | null): string | null {
  if (!name) return null;
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').replace(/^\.+/, '').trim().slice(0, 200);
  return clean || null;
}
