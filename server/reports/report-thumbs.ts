// Thumbnails for report rows: the media store's thumb.webp turned into a small JPEG (pdfkit reads
// only JPEG and PNG), a few at a time and ahead of the rows being drawn, so a large inventory list
// streams steadily instead of waiting for every image.
import fs from 'node:fs/promises';
import sharp from 'sharp';
import { derivativePath } from '../media/media.store.js';

const PX = 96;

export async function thumbJpeg(uploadsDir: string, sha256: string): Promise<Buffer | null> {
  try {
    const input = await fs.readFile(derivativePath(uploadsDir, sha256, 'thumb'));
    return await sharp(input, { failOn: 'error' }).resize(PX, PX, { fit: 'inside', withoutEnlargement: true }).flatten({ background: '#ffffff' }).jpeg({ quality: 70 }).toBuffer();
  } catch {
    // Derivative not there (pending, removed) or unreadable: the row gets an empty frame.
    return null;
  }
}

/** Thumbnails of the given hashes in order, at most `ahead` converting at once. */
export async function* thumbsInOrder(uploadsDir: string, hashes: readonly (string | null)[], ahead = 8): AsyncGenerator<Buffer | null> {
  const pending: Promise<Buffer | null>[] = [];
  let next = 0;
  const fill = () => {
    while (pending.length < ahead && next < hashes.length) {
      const h = hashes[next++];
      pending.push(h ? thumbJpeg(uploadsDir, h) : Promise.resolve(null));
    }
  };
  fill();
  while (pending.length) {
    const b = await pending.shift()!;
    fill();
    yield b;
  }
}
