// Drawing the collection reports into a streamed PDF.
import type { Response } from 'express';
import type { ConditionRow, Group, InsuranceRow, WorkRow } from './collection-reports.data.js';
import { heading, kr, MUTED, num, startPdf, table, INK, type Doc } from './reports.pdf.js';
import { thumbsInOrder } from './report-thumbs.js';
import { workRow } from './work-rows.pdf.js';

type WorkOpts = { uploadsDir: string; printedAt: Date; fileName: string };

const finished = (doc: Doc, res: Response) =>
  new Promise<void>((resolve, reject) => {
    res.on('finish', resolve);
    res.on('close', resolve);
    doc.on('error', reject);
    doc.end();
  });

function summaryLine(doc: Doc, text: string): void {
  doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(text);
  doc.fillColor(INK);
}

export async function renderInventoryPdf(res: Response, title: string, groups: Group[], o: WorkOpts): Promise<void> {
  const works = groups.reduce((n, g) => n + g.works.length, 0);
  const doc = startPdf(res, { title: `Inventarielista ${title}`, kicker: 'Konstkoll · Inventarielista / Inventory list', subtitle: title, fileName: o.fileName, printedAt: o.printedAt });
  summaryLine(doc, `${num(works)} verk i ${num(groups.length)} rum och utrymmen. Avregistrerade verk ingår inte.`);
  const thumbs = thumbsInOrder(o.uploadsDir, groups.flatMap((g) => g.works.map((w) => w.sha256)));
  for (const g of groups) {
    const place = [g.building, g.floor, g.room].filter(Boolean).join(' › ') || 'Utan närmare placering';
    heading(doc, `${place} (${g.works.length})`, 10.5);
    for (const w of g.works) workRow(doc, w, (await thumbs.next()).value ?? null);
  }
  if (!works) summaryLine(doc, 'Inga verk är registrerade här.');
  await finished(doc, res);
}

export async function renderArtistPdf(res: Response, name: string, works: (WorkRow & { place: string | null })[], o: WorkOpts): Promise<void> {
  const doc = startPdf(res, { title: `Verk av ${name}`, kicker: 'Konstkoll · Konstnärsrapport / Works of an artist', fileName: o.fileName, printedAt: o.printedAt });
  const value = works.reduce((s, w) => s + (w.status === 'deaccessioned' ? 0 : (w.insuranceValue ?? 0)), 0);
  summaryLine(doc, `${num(works.length)} verk i samlingen, försäkringsvärde ${kr(value)} (avregistrerade verk ej medräknade).`);
  doc.moveDown(0.5);
  const thumbs = thumbsInOrder(o.uploadsDir, works.map((w) => w.sha256));
  for (const w of works) workRow(doc, w, (await thumbs.next()).value ?? null, w.place ?? (w.status === 'on_loan' ? 'Utlånad' : 'Ingen placering'));
  if (!works.length) summaryLine(doc, 'Inga verk av konstnären i samlingen.');
  await finished(doc, res);
}

export function renderInsurancePdf(res: Response, rows: InsuranceRow[], o: { printedAt: Date }): Promise<void> {
  const doc = startPdf(res, { title: 'Försäkringsvärden per plats', kicker: 'Konstkoll · Försäkringsvärden / Insurance values', fileName: 'forsakringsvarden.pdf', printedAt: o.printedAt });
  const total = rows.reduce((t, r) => ({ works: t.works + r.works, valued: t.valued + r.valued, value: t.value + r.value }), { works: 0, valued: 0, value: 0 });
  summaryLine(doc, `Samlingen utom avregistrerade verk. ${num(total.works - total.valued)} verk saknar försäkringsvärde.`);
  doc.moveDown(0.5);
  table(
    doc,
    [{ label: 'Plats', width: 260 }, { label: 'Verk', width: 60, align: 'right' }, { label: 'Med värde', width: 70, align: 'right' }, { label: 'Försäkringsvärde', width: 120, align: 'right' }],
    [...rows.map((r) => [r.siteName ?? 'Utan plats (utlånade m.fl.)', num(r.works), num(r.valued), kr(r.value)]), ['Totalt', num(total.works), num(total.valued), kr(total.value)]],
    { boldLast: true },
  );
  return finished(doc, res);
}

export function renderConditionPdf(res: Response, rows: ConditionRow[], o: { printedAt: Date; today: string }): Promise<void> {
  const doc = startPdf(res, { title: 'Skick per plats', kicker: 'Konstkoll · Skicksammanställning / Condition summary', subtitle: `Per ${o.today}: verk som kan kontrolleras (på plats, i magasin, utlånade).`, fileName: 'skick-per-plats.pdf', printedAt: o.printedAt, landscape: true });
  const t = rows.reduce((a, r) => ({ works: a.works + r.works, g1: a.g1 + r.g1, g2: a.g2 + r.g2, g3: a.g3 + r.g3, g4: a.g4 + r.g4, never: a.never + r.never, overdue: a.overdue + r.overdue, checked12m: a.checked12m + r.checked12m }), { works: 0, g1: 0, g2: 0, g3: 0, g4: 0, never: 0, overdue: 0, checked12m: 0 });
  const pct = (n: number, of: number) => (of ? `${Math.round((100 * n) / of)} %` : '–');
  const line = (name: string, r: typeof t) => [name, num(r.works), num(r.g1), num(r.g2), num(r.g3), num(r.g4), num(r.never), num(r.overdue), pct(r.checked12m, r.works)];
  heading(doc, 'Skick 1 Gott · 2 Godtagbart · 3 Dåligt · 4 Oacceptabelt', 9);
  table(
    doc,
    [
      { label: 'Plats', width: 220 }, { label: 'Verk', width: 55, align: 'right' }, { label: 'Skick 1', width: 55, align: 'right' }, { label: 'Skick 2', width: 55, align: 'right' },
      { label: 'Skick 3', width: 55, align: 'right' }, { label: 'Skick 4', width: 55, align: 'right' }, { label: 'Aldrig kontr.', width: 70, align: 'right' },
      { label: 'Försenade', width: 65, align: 'right' }, { label: 'Kontr. 12 mån', width: 75, align: 'right' },
    ],
    [...rows.map((r) => line(r.siteName ?? 'Utan plats', r)), line('Totalt', t)],
    { boldLast: true },
  );
  return finished(doc, res);
}
