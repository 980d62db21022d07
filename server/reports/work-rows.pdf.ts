// One line per work with its thumbnail: the body of the inventory list and the artist report.
// pdfkit's text() is the cost at thousands of rows, so every run is measured once and never wrapped.
import { clip, contentWidth, dims, ensureSpace, INK, M, MUTED, RULE, SV, type Doc } from './reports.pdf.js';
import type { WorkRow } from './collection-reports.data.js';

const ROW_H = 44;
const THUMB = 38;

export function workRow(doc: Doc, w: WorkRow, thumb: Buffer | null, extra?: string | null): void {
  ensureSpace(doc, ROW_H);
  const y = doc.y;
  const width = contentWidth(doc);
  if (thumb) doc.image(thumb, M.side, y + 3, { fit: [THUMB, THUMB], align: 'center', valign: 'center' });
  const x = M.side + THUMB + 8;
  // Texts are clipped by length to their column and drawn without a width: no line wrapper to run.
  doc.font('Helvetica-Bold').fontSize(9).fillColor(INK).text(w.inventoryNumber, x, y + 3, { lineBreak: false });
  doc.font('Helvetica-Oblique').text(clip(w.title, 70), x, y + 14, { lineBreak: false });
  const details = clip([w.artists, SV.objectType[w.objectType] ?? w.objectType, w.datingText, dims(w.heightCm, w.widthCm, w.depthCm)].filter(Boolean).join(' · '), 90);
  doc.font('Helvetica').fontSize(7.5).fillColor(MUTED).text(extra ? `${details}\n${clip(extra, 90)}` : details, x, y + 25, { lineBreak: false, lineGap: 0.5 });
  const right = M.side + width;
  const status = SV.status[w.status] ?? w.status;
  const grade = w.lastGrade ? `Skick ${w.lastGrade} · ${SV.grade[w.lastGrade]}` : 'Ej bedömd';
  const checked = w.lastCheckAt ? `Kontrollerad ${w.lastCheckAt.slice(0, 10)}` : 'Aldrig kontrollerad';
  doc.fontSize(8).fillColor(w.status === 'missing' ? '#c62828' : INK).text(status, right - doc.widthOfString(status), y + 3, { lineBreak: false });
  doc.fillColor(MUTED).fontSize(7.5).text(grade, right - doc.widthOfString(grade), y + 14, { lineBreak: false });
  doc.text(checked, right - doc.widthOfString(checked), y + 25, { lineBreak: false });
  doc.moveTo(M.side, y + ROW_H - 1).lineTo(right, y + ROW_H - 1).lineWidth(0.3).strokeColor(RULE).stroke();
  doc.x = M.side;
  doc.y = y + ROW_H;
}
