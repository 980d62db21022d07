// Decides a file's type from its bytes and makes the WebP derivatives with one sharp pipeline
// (Immich's style: failOn 'error', EXIF orientation, no enlargement, a pixel limit against bombs).
import fs from 'node:fs';
import path from 'node:path';
import sharp, { type Metadata } from 'sharp';
import { HttpError, unprocessable } from '../http/errors.js';
import { MEDIA_LIMITS, MEDIA_SIZES, type MediaSize } from './media.schema.js';

// Few libvips threads per image: the job queue runs two images at once on a 2-core machine,
// and the event loop must keep a core's share for requests.
sharp.concurrency(1);
// Every original is read once; libvips' operation cache would only hold memory.
sharp.cache(false);

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'tiff' | 'heif';
export type Sniffed =
  | { kind: 'image'; format: ImageFormat; mime: string; ext: string; width: number; height: number }
  | { kind: 'pdf'; mime: 'application/pdf'; ext: 'pdf' };

const IMAGE_TYPES: Record<ImageFormat, { mime: string; ext: string }> = {
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  png: { mime: 'image/png', ext: 'png' },
  webp: { mime: 'image/webp', ext: 'webp' },
  tiff: { mime: 'image/tiff', ext: 'tif' },
  heif: { mime: 'image/heif', ext: 'heic' },
};

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']);

/** The format the first bytes announce, or null; never the name or the client's claim. */
export function magicFormat(head: Buffer): ImageFormat | 'pdf' | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  const t = head.toString('latin1', 0, 4);
  if (t === 'II*\0' || t === 'MM\0*' || t === 'II+\0' || t === 'MM\0+') return 'tiff';
  if (head.toString('latin1', 4, 8) === 'ftyp' && HEIF_BRANDS.has(head.toString('latin1', 8, 12))) return 'heif';
  if (head.toString('latin1', 0, 5) === '%PDF-') return 'pdf';
  return null;
}

export const unsupportedType = (detail = 'Send a JPEG, PNG, WebP, TIFF or HEIC picture, or a PDF document.') =>
  new HttpError(415, 'media.unsupported_type', 'Unsupported media type', detail);
export const corrupt = (detail = 'The picture is truncated or damaged and cannot be read.') => unprocessable('media.corrupt', detail);
export const tooManyPixels = (w: number, h: number) =>
  unprocessable('media.too_many_pixels', `The picture is ${w} × ${h} pixels; at most ${MEDIA_LIMITS.maxPixels / 1e6} megapixels are accepted.`);

async function readHead(file: string, bytes: number): Promise<Buffer> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fd.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fd.close();
  }
}

async function readTail(file: string, bytes: number): Promise<Buffer> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const { size } = await fd.stat();
    const len = Math.min(bytes, size);
    const buf = Buffer.alloc(len);
    await fd.read(buf, 0, len, size - len);
    return buf;
  } finally {
    await fd.close();
  }
}

/** Reads the header only (cheap): the type, and the pixel count checked before anything is decoded. */
export async function sniff(file: string): Promise<Sniffed> {
  const magic = magicFormat(await readHead(file, 32));
  if (!magic) throw unsupportedType();
  if (magic === 'pdf') {
    // A PDF ends with %%EOF (possibly followed by whitespace); a cut-off one does not.
    if (!(await readTail(file, 1024)).toString('latin1').includes('%%EOF')) throw corrupt('The PDF is truncated or damaged.');
    return { kind: 'pdf', mime: 'application/pdf', ext: 'pdf' };
  }
  if (!sharp.format[magic]?.input.file) throw unsupportedType(`This server cannot read ${magic.toUpperCase()} pictures; send a JPEG or PNG.`);
  let meta: Metadata;
  try {
    meta = await sharp(file, { limitInputPixels: false }).metadata();
  } catch {
    throw corrupt();
  }
  if (meta.format !== magic && !(magic === 'heif' && meta.format === 'heif')) throw corrupt();
  const { width, height } = meta;
  if (!width || !height) throw corrupt();
  if (width * height > MEDIA_LIMITS.maxPixels) throw tooManyPixels(width, height);
  // Recorded as shown, i.e. after the EXIF orientation is applied.
  const shown = meta.autoOrient ?? { width, height };
  return { kind: 'image', format: magic, ...IMAGE_TYPES[magic], width: shown.width, height: shown.height };
}

export type Derived = { dominantColor: string };

/**
 * Decodes the original once (shrink-on-load straight to the largest size, EXIF orientation applied)
 * into an uncompressed VIPS file beside the outputs, then writes every size in parallel from it.
 * The intermediate stays out of the JS heap: an 8 MB Buffer per photo made V8 collect a large heap
 * often enough to stall the event loop during batches. Outputs carry no metadata at all.
 */
export async function makeDerivatives(file: string, outDir: string): Promise<Derived> {
  await fs.promises.mkdir(outDir, { recursive: true });
  const decoded = path.join(outDir, 'decoded.v');
  try {
    try {
      await sharp(file, { failOn: 'error', limitInputPixels: MEDIA_LIMITS.maxPixels })
        .autoOrient()
        .resize(MEDIA_SIZES.large, MEDIA_SIZES.large, { fit: 'inside', withoutEnlargement: true })
        .toColourspace('srgb')
        .toFile(decoded);
    } catch (err) {
      throw decodeError(err);
    }
    const pixels = sharp(decoded);
    await Promise.all(
      (Object.entries(MEDIA_SIZES) as [MediaSize, number][]).map(([size, px]) =>
        pixels
          .clone()
          .resize(px, px, { fit: 'inside', withoutEnlargement: true })
          // effort 2 for the big one: a third of the encode time of the default, barely larger files.
          .webp({ quality: size === 'thumb' ? 75 : 80, effort: size === 'large' ? 2 : 4 })
          .toFile(path.join(outDir, `${size}.webp`)),
      ),
    );
  } catch (err) {
    await fs.promises.rm(outDir, { recursive: true, force: true });
    throw err;
  } finally {
    await fs.promises.rm(decoded, { force: true });
  }
  const { dominant } = await sharp(path.join(outDir, 'thumb.webp')).stats();
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  return { dominantColor: `#${hex(dominant.r)}${hex(dominant.g)}${hex(dominant.b)}` };
}

function decodeError(err: unknown): HttpError {
  const message = (err as Error)?.message ?? '';
  if (/pixel limit/i.test(message)) return unprocessable('media.too_many_pixels', `The picture has more than ${MEDIA_LIMITS.maxPixels / 1e6} megapixels.`);
  // Prebuilt libvips reads AVIF but not HEVC-coded HEIC.
  if (/compression format has not been built in|unsupported codec|no decoder/i.test(message))
    return unsupportedType('This server cannot decode this HEIC picture (HEVC); export it as JPEG and upload again.');
  return corrupt();
}
