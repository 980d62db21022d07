// Draws QR label sheets: exact A4 label geometry, a vector QR code (crisp at any printer
// resolution) with the work's short URL, the inventory number large, artist and title.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { LABEL_LAYOUTS, type LabelLayoutName } from './labels.schema.js';

export type LabelWork = { inventoryNumber: string; title: string; artists: string[]; url: string };

const MM = 72 / 25.4;
const PAD = 3; // mm inside each label edge (printers and die-cut tolerances)

/** The short, stable URL of a work: never changes, so labels never need reprinting. */
export function workUrl(origin: string, inventoryNumber: string): string {
  // "SLL 1234" → /w/SLL1234: spaces carry no meaning (the number is matched space-insensitively) and would need %20.
  return `${origin.replace(/\/$/, '')}/w/${encodeURIComponent(inventoryNumber.replace(/\s+/g, ''))}`;
}

/** Shortens text to fit `width` at the current font, ending in an ellipsis. */
function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.widthOfString(text.slice(0, mid).trimEnd() + '…') <= width) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo).trimEnd() + '…';
}

/** Up to `maxLines` lines of `width`, the last one ellipsised if the text goes on. */
function wrap(doc: PDFKit.PDFDocument, text: string, width: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const next = line ? `${line} ${words[i]}` : words[i]!;
    if (doc.widthOfString(next) <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = words[i]!;
    if (lines.length === maxLines - 1) {
      lines.push(fit(doc, words.slice(i).join(' '), width));
      return lines;
    }
  }
  if (line) lines.push(fit(doc, line, width));
  return lines.slice(0, maxLines);
}

function drawQr(doc: PDFKit.PDFDocument, url: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2; // modules of white around the code (the label's own margin adds more)
  const cell = size / (n + quiet * 2);
  doc.save().fillColor('#000');
  // One rectangle per horizontal run of dark modules: a third of the drawing operations, no seams.
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!qr.modules.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && qr.modules.get(r, c)) c++;
      doc.rect(x + (start + quiet) * cell, y + (r + quiet) * cell, (c - start) * cell, cell);
    }
  }
  doc.fill().restore();
}

export function labelsPdf(works: LabelWork[], layoutName: LabelLayoutName, start: number): Promise<Buffer> {
  const L = LABEL_LAYOUTS[layoutName];
  const perSheet = L.cols * L.rows;
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: `QR labels (${L.name})`, Author: 'Konstkoll' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const h = L.height * MM;
  const w = L.width * MM;
  const pad = PAD * MM;
  const qrSize = h - 2 * pad + 2 * MM; // the QR's own quiet zone sits in the padding
  works.forEach((work, i) => {
    const slot = i + start - 1;
    if (slot % perSheet === 0 || i === 0) doc.addPage({ size: 'A4', margin: 0 });
    const pos = slot % perSheet;
    const x = (L.left + (pos % L.cols) * L.pitchX) * MM;
    const y = (L.top + Math.floor(pos / L.cols) * L.pitchY) * MM;

    drawQr(doc, work.url, x + pad - 1 * MM, y + pad - 1 * MM, qrSize);
    const tx = x + pad - 1 * MM + qrSize + 1 * MM;
    const tw = x + w - pad - tx;
    let ty = y + pad;
    const big = layoutName === '2x7' ? 17 : 14;
    doc.font('Helvetica-Bold').fontSize(big);
    doc.text(fit(doc, work.inventoryNumber, tw), tx, ty, { lineBreak: false });
    ty += big * 1.15;
    doc.font('Helvetica-Bold').fontSize(8);
    const artist = work.artists.length ? work.artists.join(', ') : 'Unknown artist';
    doc.text(fit(doc, artist, tw), tx, ty, { lineBreak: false });
    ty += 8 * 1.25;
    doc.font('Helvetica').fontSize(8);
    const maxLines = Math.max(1, Math.floor((y + h - pad - 7 - ty) / (8 * 1.2)));
    for (const line of wrap(doc, work.title, tw, maxLines)) {
      doc.text(line, tx, ty, { lineBreak: false });
      ty += 8 * 1.2;
    }
    doc.font('Helvetica').fontSize(5.5).fillColor('#555');
    // The printed address is the fallback for a phone without a camera: never cut it, drop the host instead.
    const address = work.url.replace(/^https?:\/\//, '');
    doc.text(doc.widthOfString(address) <= tw ? address : fit(doc, decodeURIComponent(new URL(work.url).pathname), tw), tx, y + h - pad - 5, { lineBreak: false });
    doc.fillColor('#000');
  });
  doc.end();
  return done;
}
