// The condition report of one work as an A4 PDF (Swedish, with English section subtitles):
// record summary, primary image, latest check with photos, check history, treatments, and a
// footer with the print date and page numbers.
import PDFDocument from 'pdfkit';
import { localDate } from '../conditions/interval-policy.js';
import type { ReportData, ReportImages } from './condition-report.data.js';

const SV = {
  grade: { 1: 'Gott', 2: 'Godtagbart', 3: 'Dåligt', 4: 'Oacceptabelt' } as Record<number, string>,
  gradeColor: { 1: '#2e7d32', 2: '#9e8a00', 3: '#e65100', 4: '#c62828' } as Record<number, string>,
  damage: {
    scratch: 'repa', tear: 'reva', dent: 'buckla', water_damage: 'fuktskada', mould: 'mögel', dust: 'damm', light_damage: 'ljusskada/blekning',
    loose_fixing: 'lös infästning', graffiti: 'klotter', vandalism: 'skadegörelse', other: 'annat',
  } as Record<string, string>,
  priority: { none: 'Ingen', routine: 'Rutin', soon: 'Snart', urgent: 'Brådskande' } as Record<string, string>,
  status: { in_place: 'På plats', in_storage: 'I magasin', on_loan: 'Utlånad', in_conservation: 'På konservering', missing: 'Saknas', deaccessioned: 'Avregistrerad' } as Record<string, string>,
  treatment: { proposed: 'Föreslagen', approved: 'Godkänd', in_progress: 'Pågår', done: 'Klar', rejected: 'Avslagen' } as Record<string, string>,
  objectType: {
    painting: 'Målning', print: 'Grafik', drawing: 'Teckning', photograph: 'Fotografi', sculpture: 'Skulptur', relief: 'Relief', textile: 'Textil', ceramics: 'Keramik',
    glass: 'Glas', mosaic: 'Mosaik', installation: 'Installation', digital: 'Digitalt verk', other: 'Övrigt',
  } as Record<string, string>,
  mounting: { wall: 'Vägg', ceiling: 'Tak', free_standing: 'Fristående', outdoor: 'Utomhus', integrated: 'Byggnadsintegrerad' } as Record<string, string>,
  acquisition: { purchase: 'Inköp', commission: 'Beställning', gift: 'Gåva', transfer: 'Överföring', unknown: 'Okänt' } as Record<string, string>,
  performer: { in_house: 'Egen konservator', contractor: 'Extern' } as Record<string, string>,
};

const A4 = { w: 595.28, h: 841.89 };
const M = { top: 48, bottom: 54, side: 48 };
const CONTENT_W = A4.w - 2 * M.side;
const INK = '#1a1a1a';
const MUTED = '#666666';
const RULE = '#cccccc';

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '–');
const kr = (ore: number | null) => (ore == null ? '–' : `${new Intl.NumberFormat('sv-SE').format(Math.round(ore / 100)).replace(/\s/g, ' ')} kr`);
const clip = (s: string | null, n: number) => (!s ? '' : s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);
const gradeText = (g: number | null) => (g ? `${g} · ${SV.grade[g]}` : 'Ej bedömd');

export async function renderConditionReport(data: ReportData, images: ReportImages, opts: { printedAt: Date }): Promise<Buffer> {
  const w = data.work;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: M.top, bottom: M.bottom, left: M.side, right: M.side },
    bufferPages: true,
    info: { Title: `Tillståndsrapport ${w.inventoryNumber} – ${w.title}`, Author: 'Konstkoll', Subject: 'Condition report', CreationDate: opts.printedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.fillColor(INK);

  // Heading
  doc.font('Helvetica').fontSize(8).fillColor(MUTED).text('KONSTKOLL · TILLSTÅNDSRAPPORT / CONDITION REPORT', M.side, M.top, { characterSpacing: 0.6 });
  doc.font('Helvetica-Bold').fontSize(22).fillColor(INK).text(w.inventoryNumber, M.side, M.top + 14);
  doc.font('Helvetica-Oblique').fontSize(14).text(w.title, { width: CONTENT_W });
  if (data.artists.length) doc.font('Helvetica').fontSize(11).fillColor('#333').text(data.artists.join(', '), { width: CONTENT_W });
  rule(doc, doc.y + 8);

  // Summary: facts on the left, the primary image on the right.
  const top = doc.y + 16;
  const imgBox = { x: M.side + CONTENT_W - 190, y: top, w: 190, h: 190 };
  const facts: [string, string][] = [
    ['Objekttyp', SV.objectType[w.objectType] ?? w.objectType],
    ['Teknik, material', [w.technique, w.materials].filter(Boolean).join(', ') || '–'],
    ['Mått (h × b × d)', dims(w)],
    ['Datering', w.datingText ?? '–'],
    ['Förvärv', [w.acquisitionMethod ? SV.acquisition[w.acquisitionMethod] : null, w.acquisitionDate].filter(Boolean).join(', ') || '–'],
    ['Status', SV.status[w.status] ?? w.status],
    ['Placering', data.locationText ?? '–'],
    ['Upphängning', [w.mounting ? SV.mounting[w.mounting] : null, w.fixedInBuilding ? 'fast i byggnaden' : null].filter(Boolean).join(', ') || '–'],
    ['Kontrollintervall', `${data.intervalMonths} månader`],
    ['Senaste kontroll', day(w.lastCheckAt)],
    ['Nästa kontroll', w.nextCheckDue ?? (w.lastCheckAt ? '–' : 'Ej kontrollerad – snarast')],
  ];
  let y = top;
  const labelW = 100;
  const valueW = imgBox.x - M.side - labelW - 16;
  y = gradeBadge(doc, M.side, y, w.lastGrade) + 10;
  for (const [label, value] of facts) {
    doc.font('Helvetica-Bold').fontSize(8).fillColor(MUTED).text(label, M.side, y + 1.5, { width: labelW });
    doc.font('Helvetica').fontSize(10).fillColor(INK).text(value, M.side + labelW, y, { width: valueW });
    y = Math.max(doc.y, y + 12) + 3;
  }
  if (images.primary) doc.image(images.primary, imgBox.x, imgBox.y, { fit: [imgBox.w, imgBox.h], align: 'right' });
  else {
    doc.save().rect(imgBox.x, imgBox.y, imgBox.w, imgBox.h).fill('#f2f2f2').restore();
    doc.font('Helvetica').fontSize(9).fillColor(MUTED).text('Ingen bild', imgBox.x, imgBox.y + imgBox.h / 2 - 5, { width: imgBox.w, align: 'center' });
  }
  doc.y = Math.max(y, imgBox.y + imgBox.h) + 14;

  // Latest check
  const latest = data.checks.find((c) => !c.corrected);
  heading(doc, 'Senaste kontroll', 'Latest check');
  if (!latest) paragraph(doc, 'Verket har inte kontrollerats ännu.');
  else {
    const rows: [string, string][] = [
      ['Datum', `${day(latest.checkedAt)}${latest.userName ? ` – ${latest.userName}` : ''}${latest.correctsCheckId ? ` (rättelse av kontroll ${latest.correctsCheckId})` : ''}`],
      ['Bedömning', gradeText(latest.grade)],
      ['Skador', latest.damageTypes.map((d) => SV.damage[d] ?? d).join(', ') || 'Inga noterade'],
      ['Var på verket', latest.damageLocation ?? '–'],
      ['Åtgärd', latest.recommendedAction ?? '–'],
      ['Prioritet', SV.priority[latest.priority] ?? latest.priority],
      ['Anteckning', latest.note ?? '–'],
    ];
    for (const [label, value] of rows) {
      ensureSpace(doc, 16);
      const ry = doc.y;
      doc.font('Helvetica-Bold').fontSize(8).fillColor(MUTED).text(label, M.side, ry + 1.5, { width: labelW });
      doc.font('Helvetica').fontSize(10).fillColor(INK).text(value, M.side + labelW, ry, { width: CONTENT_W - labelW });
      doc.y = Math.max(doc.y, ry + 12) + 3;
    }
    if (images.latest.length) {
      const size = (CONTENT_W - 3 * 8) / 4;
      const h = size * 0.75; // photos are mostly 4:3; taller ones are fitted inside
      ensureSpace(doc, h + 8);
      const py = doc.y + 4;
      images.latest.forEach((img, i) => doc.image(img, M.side + i * (size + 8), py, { fit: [size, h], align: 'center', valign: 'center' }));
      doc.y = py + h + 6;
    }
  }

  // History
  doc.y += 18;
  heading(doc, 'Kontrollhistorik', 'Check history');
  if (!data.checks.length) paragraph(doc, 'Inga kontroller.');
  else
    table(
      doc,
      [
        { title: 'Datum', width: 62 },
        { title: 'Bedömning', width: 78 },
        { title: 'Skador', width: 110 },
        { title: 'Prioritet', width: 58 },
        { title: 'Utförd av', width: 72 },
        { title: 'Anteckning', width: CONTENT_W - 380 },
      ],
      data.checks.map((c) => [
        day(c.checkedAt),
        gradeText(c.grade),
        c.damageTypes.map((d) => SV.damage[d] ?? d).join(', ') || '–',
        SV.priority[c.priority] ?? c.priority,
        c.userName ?? '–',
        clip([c.corrected ? '[Rättad]' : null, c.correctsCheckId ? `Rättar kontroll ${c.correctsCheckId}.` : null, c.note].filter(Boolean).join(' '), 160),
      ]),
    );

  // Treatments
  doc.y += 18;
  heading(doc, 'Behandlingar', 'Conservation treatments');
  if (!data.treatments.length) paragraph(doc, 'Inga behandlingar.');
  else
    table(
      doc,
      [
        { title: 'Föreslagen', width: 62 },
        { title: 'Status', width: 62 },
        { title: 'Beskrivning / utfört', width: CONTENT_W - 62 - 62 - 96 - 68 - 68 },
        { title: 'Utförare', width: 96 },
        { title: 'Kostnad (est.)', width: 68, align: 'right' },
        { title: 'Kostnad (utfall)', width: 68, align: 'right' },
      ],
      data.treatments.map((t) => [
        day(t.proposedAt),
        `${SV.treatment[t.status] ?? t.status}${t.doneAt ? ` ${day(t.doneAt)}` : ''}`,
        clip([t.description, t.workDone ? `Utfört: ${t.workDone}` : null].filter(Boolean).join(' – '), 220),
        t.performer === 'contractor' ? (t.contractorName ?? SV.performer.contractor!) : SV.performer.in_house!,
        kr(t.costEstimate),
        kr(t.costActual),
      ]),
    );

  footers(doc, `Konstkoll · Tillståndsrapport ${w.inventoryNumber}`, `Utskriven ${localDate(opts.printedAt)}`);
  doc.end();
  return finished;
}

function dims(w: ReportData['work']): string {
  const parts = [w.heightCm, w.widthCm, w.depthCm].map((v) => (v == null ? null : String(v).replace('.', ',')));
  return parts[0] || parts[1] ? `${parts.filter((p) => p != null).join(' × ')} cm` : '–';
}

function gradeBadge(doc: PDFKit.PDFDocument, x: number, y: number, grade: number | null): number {
  const text = grade ? `Skick: ${gradeText(grade)}` : 'Skick: ej bedömt';
  doc.font('Helvetica-Bold').fontSize(10);
  const width = doc.widthOfString(text) + 16;
  doc.save().roundedRect(x, y, width, 18, 4).fill(grade ? SV.gradeColor[grade]! : '#888888').restore();
  doc.fillColor('#ffffff').text(text, x + 8, y + 4.5, { lineBreak: false });
  doc.fillColor(INK);
  return y + 18;
}

function heading(doc: PDFKit.PDFDocument, sv: string, en: string): void {
  // Room for the heading and the first lines under it, so a heading never ends a page.
  ensureSpace(doc, 84);
  const y = doc.y;
  doc.font('Helvetica-Bold').fontSize(13).fillColor(INK).text(sv, M.side, y, { continued: true }).font('Helvetica').fontSize(9).fillColor(MUTED).text(`   ${en}`);
  rule(doc, doc.y + 2);
  doc.y += 8;
}

function paragraph(doc: PDFKit.PDFDocument, text: string): void {
  doc.font('Helvetica').fontSize(10).fillColor(INK).text(text, M.side, doc.y, { width: CONTENT_W });
}

function rule(doc: PDFKit.PDFDocument, y: number): void {
  doc.save().moveTo(M.side, y).lineTo(M.side + CONTENT_W, y).lineWidth(0.6).strokeColor(RULE).stroke().restore();
  doc.y = y;
}

/** Starts a new page when fewer than `needed` points remain above the footer. */
function ensureSpace(doc: PDFKit.PDFDocument, needed: number): boolean {
  if (doc.y + needed <= A4.h - M.bottom - 6) return false;
  doc.addPage();
  doc.y = M.top;
  return true;
}

type Column = { title: string; width: number; align?: 'left' | 'right' };

function table(doc: PDFKit.PDFDocument, cols: Column[], rows: string[][]): void {
  const pad = 4;
  const size = 8.5;
  const header = () => {
    const y = doc.y;
    doc.save().rect(M.side, y, CONTENT_W, 16).fill('#eeeeee').restore();
    let x = M.side;
    doc.font('Helvetica-Bold').fontSize(8).fillColor('#333');
    for (const c of cols) {
      doc.text(c.title, x + pad, y + 4.5, { width: c.width - 2 * pad, align: c.align ?? 'left', lineBreak: false, ellipsis: true });
      x += c.width;
    }
    doc.y = y + 16;
  };
  const heightOf = (row: string[]) => {
    doc.font('Helvetica').fontSize(size);
    return Math.max(...row.map((cell, j) => doc.heightOfString(cell || ' ', { width: cols[j]!.width - 2 * pad }))) + 2 * pad;
  };
  // Never leave a header alone at the foot of a page.
  ensureSpace(doc, 16 + heightOf(rows[0] ?? ['']));
  header();
  rows.forEach((row, i) => {
    const h = heightOf(row);
    if (ensureSpace(doc, h)) header();
    const y = doc.y;
    if (i % 2 === 1) doc.save().rect(M.side, y, CONTENT_W, h).fill('#f8f8f8').restore();
    let x = M.side;
    doc.fillColor(INK).font('Helvetica').fontSize(size);
    row.forEach((cell, j) => {
      doc.text(cell, x + pad, y + pad, { width: cols[j]!.width - 2 * pad, align: cols[j]!.align ?? 'left' });
      x += cols[j]!.width;
    });
    doc.save().moveTo(M.side, y + h).lineTo(M.side + CONTENT_W, y + h).lineWidth(0.3).strokeColor('#dddddd').stroke().restore();
    doc.y = y + h;
  });
}

function footers(doc: PDFKit.PDFDocument, left: string, middle: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would make pdfkit add a page: lift the margin while drawing.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = A4.h - 34;
    doc.save().moveTo(M.side, y - 6).lineTo(M.side + CONTENT_W, y - 6).lineWidth(0.4).strokeColor(RULE).stroke().restore();
    doc.font('Helvetica').fontSize(7.5).fillColor(MUTED);
    doc.text(left, M.side, y, { width: CONTENT_W / 2, lineBreak: false });
    doc.text(middle, M.side + CONTENT_W / 2 - 60, y, { width: 120, align: 'center', lineBreak: false });
    doc.text(`Sida ${i - range.start + 1} av ${range.count}`, M.side + CONTENT_W - 120, y, { width: 120, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
