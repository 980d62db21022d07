// The round report: a CSV of every item with its effective result, and a printable A4 PDF
// (summary first, then the items in walking order).
import PDFDocument from 'pdfkit';
import { stringify } from 'csv-stringify/sync';
import type { RoundItemView, RoundSummary } from './rounds.queries.js';

export type ReportRound = {
  id: number;
  name: string;
  status: string;
  dueDate: string;
  sitePath: string | null;
  locations: { id: number; path: string | null }[];
  assigneeName: string | null;
  createdAt: string;
  closedAt: string | null;
  summary: RoundSummary;
  items: RoundItemView[];
};

const OUTCOME_LABEL: Record<string, string> = {
  pending: 'Not visited',
  seen_ok: 'Seen, OK',
  needs_action: 'Needs action',
  found_elsewhere: 'Found elsewhere',
  found_here: 'Found here',
  missing: 'Missing',
  not_accessible: 'Not accessible',
};

export const SUMMARY_ROWS: [keyof RoundSummary, string][] = [
  ['total', 'Works on the round'],
  ['seenOk', 'Seen, OK'],
  ['needsAction', 'Needs action (damaged)'],
  ['missing', 'Missing'],
  ['foundElsewhere', 'Found elsewhere'],
  ['foundHere', 'Found here (not expected)'],
  ['notAccessible', 'Not accessible'],
  ['notVisited', 'Not yet visited'],
];

function detailOf(item: RoundItemView): string {
  const c = item.current;
  if (!c) return '';
  const parts: string[] = [];
  if (c.outcome === 'needs_action' && c.check) {
    const k = c.check as { grade?: number; damageTypes?: string[]; priority?: string; damageLocation?: string | null; note?: string | null };
    parts.push(`Grade ${k.grade}`);
    if (k.damageTypes?.length) parts.push(k.damageTypes.join(', ').replace(/_/g, ' '));
    if (k.damageLocation) parts.push(k.damageLocation);
    if (k.priority && k.priority !== 'none') parts.push(`priority ${k.priority}`);
    if (k.note) parts.push(k.note);
  }
  if (c.locationPath && (c.outcome === 'found_elsewhere' || c.outcome === 'found_here')) parts.push(`at ${c.locationPath}`);
  if (c.reason) parts.push(c.reason);
  if (c.note) parts.push(c.note);
  if (item.history.length > 1) parts.push(`${item.history.length} results`);
  return parts.join('; ');
}

const stamp = (iso: string | null | undefined) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

export function roundReportCsv(round: ReportRound): string {
  const rows = round.items.map((i) => ({
    seq: i.seq,
    inventory_number: i.work.inventoryNumber,
    title: i.work.title,
    artists: i.work.artists.join('; '),
    expected_location: i.expectedLocation?.path ?? '',
    expected: i.expected ? 'yes' : 'no',
    outcome: i.outcome,
    recorded_at: i.current?.recordedAt ?? '',
    recorded_by: i.current?.userName ?? '',
    found_at: i.current?.locationPath ?? '',
    grade: (i.current?.check as { grade?: number } | null)?.grade ?? (i.outcome === 'seen_ok' ? 1 : ''),
    reason: i.current?.reason ?? '',
    note: i.current?.note ?? '',
    condition_check_id: i.current?.conditionCheckId ?? '',
    results: i.history.length,
  }));
  // BOM so that Excel opens UTF-8 (å, ä, ö) correctly.
  return '\uFEFF' + stringify(rows, { header: true, columns: Object.keys(rows[0] ?? { seq: 0 }) });
}

const MM = 72 / 25.4;

export function roundReportPdf(round: ReportRound, generatedAt: Date): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 15 * MM, info: { Title: `Round report: ${round.name}`, Author: 'Konstkoll' }, bufferPages: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('Helvetica-Bold').fontSize(16).text(`Round report: ${round.name}`, { width });
  doc.moveDown(0.3).font('Helvetica').fontSize(9).fillColor('#333');
  const meta = [
    ['Round', `#${round.id} (${round.status})`],
    ['Site', round.sitePath ?? ''],
    ['Locations', round.locations.map((l) => l.path ?? `#${l.id}`).join('; ')],
    ['Assignee', round.assigneeName ?? '—'],
    ['Due', round.dueDate],
    ['Planned', stamp(round.createdAt)],
    ['Closed', round.closedAt ? stamp(round.closedAt) : 'not yet'],
  ];
  for (const [k, v] of meta) doc.font('Helvetica-Bold').text(`${k}: `, { continued: true }).font('Helvetica').text(v!);
  doc.moveDown(0.6);

  doc.fillColor('#000').font('Helvetica-Bold').fontSize(11).text('Summary');
  doc.font('Helvetica').fontSize(9);
  for (const [key, label] of SUMMARY_ROWS) {
    const y = doc.y;
    doc.text(label, left, y, { width: 60 * MM });
    doc.text(String(round.summary[key]), left + 60 * MM, y, { width: 15 * MM, align: 'right' });
  }
  doc.moveDown(0.8);

  const cols = [
    { title: '#', w: 8 * MM },
    { title: 'Inv. no', w: 20 * MM },
    { title: 'Work', w: 48 * MM },
    { title: 'Location', w: 38 * MM },
    { title: 'Result', w: 24 * MM },
    { title: 'Details', w: width - 138 * MM },
  ];
  const header = () => {
    doc.font('Helvetica-Bold').fontSize(8);
    let x = left;
    const y = doc.y;
    for (const c of cols) (doc.text(c.title, x, y, { width: c.w - 2 }), (x += c.w));
    doc.moveTo(left, doc.y + 1).lineTo(left + width, doc.y + 1).lineWidth(0.5).stroke();
    doc.y += 3;
    doc.font('Helvetica').fontSize(8);
  };
  header();
  const bottom = doc.page.height - doc.page.margins.bottom;
  for (const item of round.items) {
    const cells = [
      String(item.seq),
      item.work.inventoryNumber,
      `${item.work.title}${item.work.artists.length ? ` — ${item.work.artists.join(', ')}` : ''}`,
      item.expectedLocation?.path.split(' › ').slice(1).join(' › ') ?? '',
      `${OUTCOME_LABEL[item.outcome] ?? item.outcome}${item.expected ? '' : ' *'}`,
      detailOf(item),
    ];
    const h = Math.max(...cells.map((t, i) => doc.heightOfString(t, { width: cols[i]!.w - 2 }))) + 3;
    if (doc.y + h > bottom) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    let x = left;
    doc.fillColor(item.outcome === 'missing' ? '#b00020' : item.outcome === 'needs_action' ? '#8a5a00' : '#000');
    cells.forEach((t, i) => {
      doc.text(t, x, y, { width: cols[i]!.w - 2 });
      x += cols[i]!.w;
    });
    doc.fillColor('#000');
    doc.y = y + h;
  }
  doc.moveDown(0.5).fontSize(7).fillColor('#555').text('* found in the round\u2019s area without being planned', left);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin; without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc.fontSize(7).fillColor('#777').text(`Konstkoll · ${round.name} · generated ${stamp(generatedAt.toISOString())} UTC · page ${i + 1} of ${range.count}`, left, doc.page.height - 10 * MM, {
      width,
      align: 'center',
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}
