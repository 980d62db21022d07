// Shared layout of the collection reports (A4, Swedish, Helvetica like the condition report): a
// heading, tables that repeat their header on each page, a footer with the print date and page
// number, and a PDF streamed to the response as it is drawn (no whole-document buffer).
import PDFDocument from 'pdfkit';
import type { Response } from 'express';

export const A4 = { w: 595.28, h: 841.89 };
export const M = { top: 44, bottom: 50, side: 40 };
export const CONTENT_W = A4.w - 2 * M.side;
export const INK = '#1a1a1a';
export const MUTED = '#666666';
export const RULE = '#cccccc';
export const SHADE = '#f2f2f2';

export const SV = {
  status: { in_place: 'På plats', in_storage: 'I magasin', on_loan: 'Utlånad', in_conservation: 'På konservering', missing: 'Saknas', deaccessioned: 'Avregistrerad' } as Record<string, string>,
  grade: { 1: 'Gott', 2: 'Godtagbart', 3: 'Dåligt', 4: 'Oacceptabelt' } as Record<number, string>,
  objectType: {
    painting: 'Målning', print: 'Grafik', drawing: 'Teckning', photograph: 'Fotografi', sculpture: 'Skulptur', relief: 'Relief', textile: 'Textil', ceramics: 'Keramik',
    glass: 'Glas', mosaic: 'Mosaik', installation: 'Installation', digital: 'Digitalt verk', other: 'Övrigt',
  } as Record<string, string>,
};

/** Öre as "1 234 567 kr" (whole kronor; the CSV keeps the öre). */
export const kr = (ore: number | null) => (ore == null ? '–' : `${new Intl.NumberFormat('sv-SE').format(Math.round(ore / 100)).replace(/\s/g, ' ')} kr`);
export const num = (n: number) => new Intl.NumberFormat('sv-SE').format(n).replace(/\s/g, ' ');
export const dims = (h: number | null, w: number | null, d: number | null) =>
  h == null && w == null ? '–' : [h, w, d].filter((v) => v != null && v > 0).map((v) => String(Math.round(v! * 10) / 10).replace('.', ',')).join(' × ') + ' cm';
export const clip = (s: string | null | undefined, n: number) => (!s ? '' : s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

export type Doc = InstanceType<typeof PDFDocument>;

/** Starts a PDF piped into the response; the caller draws and calls doc.end(). */
export function startPdf(res: Response, o: { title: string; kicker: string; subtitle?: string; fileName: string; printedAt: Date; landscape?: boolean }): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    layout: o.landscape ? 'landscape' : 'portrait',
    margins: { top: M.top, bottom: M.bottom, left: M.side, right: M.side },
    info: { Title: o.title, Author: 'Konstkoll', CreationDate: o.printedAt },
  });
  res.type('application/pdf').set('Content-Disposition', `inline; filename="${o.fileName}"`).set('Cache-Control', 'private, no-store');
  doc.pipe(res);
  let page = 1;
  const printed = o.printedAt.toISOString().slice(0, 10);
  const footer = () => {
    // Writing inside the bottom margin must not open another page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(7.5).fillColor(MUTED).text(`Konstkoll · ${o.title} · utskriven ${printed} · sida ${page}`, M.side, doc.page.height - 30, { width: doc.page.width - 2 * M.side, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
    doc.fillColor(INK);
    doc.x = M.side;
    doc.y = M.top;
  };
  footer();
  doc.on('pageAdded', () => {
    page++;
    footer();
  });
  doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(o.kicker.toUpperCase(), M.side, M.top, { characterSpacing: 0.6 });
  doc.font('Helvetica-Bold').fontSize(18).fillColor(INK).text(o.title, { width: doc.page.width - 2 * M.side });
  if (o.subtitle) doc.font('Helvetica').fontSize(10).fillColor('#333').text(o.subtitle, { width: doc.page.width - 2 * M.side });
  doc.moveDown(0.6);
  return doc;
}

export const contentWidth = (doc: Doc) => doc.page.width - 2 * M.side;

/** Starts a new page when less than `h` points are left. Returns true if it did. */
export function ensureSpace(doc: Doc, h: number): boolean {
  if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
    doc.addPage();
    return true;
  }
  return false;
}

export function heading(doc: Doc, text: string, size = 12): void {
  ensureSpace(doc, size * 3.2);
  doc.moveDown(0.4);
  doc.font('Helvetica-Bold').fontSize(size).fillColor(INK).text(text, M.side, doc.y, { width: contentWidth(doc) });
  const y = doc.y + 2;
  doc.save().moveTo(M.side, y).lineTo(doc.page.width - M.side, y).lineWidth(0.5).strokeColor(RULE).stroke().restore();
  doc.y = y + 4;
}

export type Column = { label: string; width: number; align?: 'left' | 'right' };

/** A plain table: a shaded header (repeated after page breaks) and one line per row. */
export function table(doc: Doc, columns: Column[], rows: string[][], o: { boldLast?: boolean } = {}): void {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const scale = contentWidth(doc) / total;
  const cols = columns.map((c) => ({ ...c, width: c.width * scale }));
  const header = () => {
    const y = doc.y;
    doc.save().rect(M.side, y, contentWidth(doc), 14).fill(SHADE).restore();
    let x = M.side;
    doc.font('Helvetica-Bold').fontSize(7.5).fillColor(MUTED);
    for (const c of cols) {
      doc.text(c.label, x + 3, y + 4, { width: c.width - 6, align: c.align ?? 'left', lineBreak: false });
      x += c.width;
    }
    doc.y = y + 16;
  };
  ensureSpace(doc, 40);
  header();
  rows.forEach((row, i) => {
    const bold = o.boldLast && i === rows.length - 1;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
    const h = Math.max(...row.map((cell, j) => doc.heightOfString(cell, { width: cols[j]!.width - 6 }))) + 4;
    if (ensureSpace(doc, h)) header();
    const y = doc.y;
    let x = M.side;
    doc.fillColor(INK);
    row.forEach((cell, j) => {
      doc.text(cell, x + 3, y + 2, { width: cols[j]!.width - 6, align: cols[j]!.align ?? 'left' });
      x += cols[j]!.width;
    });
    doc.save().moveTo(M.side, y + h).lineTo(doc.page.width - M.side, y + h).lineWidth(0.3).strokeColor(RULE).stroke().restore();
    doc.y = y + h;
  });
  doc.x = M.side;
}
