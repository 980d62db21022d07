// The export formats, each written chunk by chunk to a sink that waits for the socket to drain (backpressure):
// CSV with exactly the import's columns (so export → import changes nothing), JSON, GeoJSON of sites with counts,
// and LIDO 1.1 XML for museum aggregators.
import type Database from 'better-sqlite3';
import { FIELDS, formatCell, swedishWord } from './import.fields.js';
import { IMPORT_FIELDS, type ImportField } from './import.schema.js';
import type { ExportWork, PlaceInfo } from './export.rows.js';

export type Sink = (text: string) => Promise<void> | void;

/** Excel runs a cell starting with = + - @ as a formula; a leading ' keeps it text (the import drops it again). */
export const FORMULA_START = /^[=+\-@\t\r]/;

function csvValue(field: ImportField, w: ExportWork, decimalComma: boolean): string {
  let value: unknown;
  if (field === 'artists') value = w.artists.map((a) => ({ name: a.name, role: a.role }));
  else if (field === 'location') value = w.location;
  else if (field === 'locationCode') value = w.locationCode;
  else value = w[field];
  const text = formatCell(field, value, { decimalComma });
  return FIELDS[field].kind === 'text' || FIELDS[field].kind === 'location' || field === 'artists' ? (FORMULA_START.test(text) ? `'${text}` : text) : text;
}

/** RFC 4180 quoting: only cells holding the delimiter, a quote or a line break are quoted. */
const csvCell = (text: string, delimiter: string) => (text.includes('"') || text.includes(delimiter) || text.includes('\n') || text.includes('\r') ? `"${text.replace(/"/g, '""')}"` : text);

/** Collects output and hands it to the sink in pieces of about 256 KB. */
function buffered(sink: Sink) {
  let buf = '';
  return {
    async add(text: string) {
      buf += text;
      if (buf.length >= 256 * 1024) {
        const out = buf;
        buf = '';
        await sink(out);
      }
    },
    async flush() {
      if (buf) await sink(buf);
      buf = '';
    },
  };
}

export async function writeCsv(sink: Sink, works: Iterable<ExportWork>, opts: { semicolon: boolean }): Promise<void> {
  const delimiter = opts.semicolon ? ';' : ',';
  const out = buffered(sink);
  // BOM: Excel then reads the file as UTF-8 (åäö intact).
  await out.add('\ufeff' + IMPORT_FIELDS.map((f) => csvCell(FIELDS[f].label, delimiter)).join(delimiter) + '\r\n');
  for (const w of works) await out.add(IMPORT_FIELDS.map((f) => csvCell(csvValue(f, w, opts.semicolon), delimiter)).join(delimiter) + '\r\n');
  await out.flush();
}

export async function writeJson(sink: Sink, works: Iterable<ExportWork>, meta: { exportedAt: string; count: number; baseUrl: string }): Promise<void> {
  const out = buffered(sink);
  await out.add(`{"exportedAt":${JSON.stringify(meta.exportedAt)},"count":${meta.count},"items":[`);
  let first = true;
  for (const w of works) {
    const { primarySha, ...rest } = w;
    await out.add((first ? '' : ',') + JSON.stringify({ ...rest, primaryImage: primarySha ? `${meta.baseUrl}/media/${primarySha}/large.webp` : null }));
    first = false;
  }
  await out.add(']}');
  await out.flush();
}

/** Sites with how many of the exported works each holds (and by status), as [lon, lat] points. */
export async function writeGeojson(sink: Sink, sqlite: Database.Database, ids: number[], places: Map<number, PlaceInfo>): Promise<void> {
  const counts = new Map<number, { total: number; byStatus: Record<string, number> }>();
  let unplaced = 0;
  const stmt = sqlite.prepare('select site_id as siteId, status, count(*) as n from artworks where id in (select value from json_each(?)) group by site_id, status');
  for (let i = 0; i < ids.length; i += 5000) {
    for (const r of stmt.all(JSON.stringify(ids.slice(i, i + 5000))) as { siteId: number | null; status: string; n: number }[]) {
      if (r.siteId === null) {
        unplaced += r.n;
        continue;
      }
      const c = counts.get(r.siteId) ?? { total: 0, byStatus: {} };
      c.total += r.n;
      c.byStatus[r.status] = (c.byStatus[r.status] ?? 0) + r.n;
      counts.set(r.siteId, c);
    }
  }
  const features: string[] = [];
  let withoutCoordinates = 0;
  for (const [siteId, c] of [...counts].sort((a, b) => a[0] - b[0])) {
    const site = places.get(siteId);
    if (!site || site.lat == null || site.lon == null) {
      withoutCoordinates += c.total;
      continue;
    }
    features.push(
      JSON.stringify({
        type: 'Feature',
        id: siteId,
        geometry: { type: 'Point', coordinates: [site.lon, site.lat] },
        properties: { id: siteId, name: site.name, siteType: site.siteType, municipality: site.municipality, count: c.total, byStatus: c.byStatus },
      }),
    );
  }
  await sink(`{"type":"FeatureCollection","features":[${features.join(',')}],"worksWithoutSite":${unplaced},"worksAtSitesWithoutCoordinates":${withoutCoordinates}}`);
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Escapes text for XML and drops characters XML 1.0 cannot carry at all. */
export const xml = (v: unknown) =>
  String(v)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

const el = (name: string, value: unknown, attrs = '') => (value === null || value === undefined || value === '' ? '' : `<lido:${name}${attrs}>${xml(value)}</lido:${name}>`);
const ROLE_EN: Record<string, string> = { artist: 'artist', designer: 'designer', photographer: 'photographer', after: 'after', workshop: 'workshop', collaborator: 'collaborator' };

export type LidoOptions = { baseUrl: string; holder: string; includeInternal: boolean };

export const LIDO_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?>\n<lido:lidoWrap xmlns:lido="http://www.lido-schema.org" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
  'xsi:schemaLocation="http://www.lido-schema.org http://lido-schema.org/schema/v1.1/lido-v1.1.xsd">\n';

export async function writeLido(sink: Sink, works: Iterable<ExportWork>, opts: LidoOptions): Promise<void> {
  const out = buffered(sink);
  await out.add(LIDO_OPEN);
  for (const w of works) await out.add(lidoRecord(w, opts));
  await out.add('</lido:lidoWrap>\n');
  await out.flush();
}

function lidoRecord(w: ExportWork, opts: LidoOptions): string {
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const dims = (['heightCm', 'widthCm', 'depthCm'] as const).map((f) => num(w[f]));
  const display = dims.filter((d) => d !== null).join(' × ');
  const measurements = (['height', 'width', 'depth'] as const)
    .map((type, i) => (dims[i] === null ? '' : `<lido:measurementsSet><lido:measurementType>${type}</lido:measurementType><lido:measurementUnit>cm</lido:measurementUnit><lido:measurementValue>${dims[i]}</lido:measurementValue></lido:measurementsSet>`))
    .join('');
  const actors = w.artists
    .map(
      (a) =>
        `<lido:eventActor><lido:actorInRole><lido:actor lido:type="person"><lido:actorID lido:type="local" lido:source="Konstkoll">konstkoll-artist-${a.id}</lido:actorID>` +
        `<lido:nameActorSet><lido:appellationValue lido:pref="preferred">${xml(a.name)}</lido:appellationValue></lido:nameActorSet>` +
        (a.birthYear || a.deathYear ? `<lido:vitalDatesActor>${el('earliestDate', a.birthYear)}${el('latestDate', a.deathYear)}</lido:vitalDatesActor>` : '') +
        `</lido:actor><lido:roleActor><lido:term xml:lang="en">${xml(ROLE_EN[a.role] ?? a.role)}</lido:term></lido:roleActor></lido:actorInRole></lido:eventActor>`,
    )
    .join('');
  const yearFrom = num(w.yearFrom);
  const yearTo = num(w.yearTo) ?? yearFrom;
  const production =
    `<lido:eventSet><lido:event><lido:eventType><lido:term xml:lang="en">Production</lido:term><lido:term xml:lang="sv">Tillverkning</lido:term></lido:eventType>${actors}` +
    (w.datingText || yearFrom
      ? `<lido:eventDate>${el('displayDate', w.datingText ?? yearFrom)}${yearFrom ? `<lido:date><lido:earliestDate>${yearFrom}</lido:earliestDate><lido:latestDate>${yearTo}</lido:latestDate></lido:date>` : ''}</lido:eventDate>`
      : '') +
    (w.technique || w.materials ? `<lido:eventMaterialsTech>${el('displayMaterialsTech', [w.technique, w.materials].filter(Boolean).join(', '))}</lido:eventMaterialsTech>` : '') +
    '</lido:event></lido:eventSet>';
  const acquisition =
    w.acquisitionMethod || w.acquisitionDate
      ? `<lido:eventSet><lido:event><lido:eventType><lido:term xml:lang="en">Acquisition</lido:term><lido:term xml:lang="sv">Förvärv</lido:term></lido:eventType>` +
        (w.acquisitionDate ? `<lido:eventDate><lido:displayDate>${xml(w.acquisitionDate)}</lido:displayDate><lido:date><lido:earliestDate>${xml(w.acquisitionDate)}</lido:earliestDate><lido:latestDate>${xml(w.acquisitionDate)}</lido:latestDate></lido:date></lido:eventDate>` : '') +
        (w.acquisitionMethod ? `<lido:eventMethod><lido:term xml:lang="en">${xml(w.acquisitionMethod)}</lido:term><lido:term xml:lang="sv">${xml(swedishWord('acquisitionMethod', w.acquisitionMethod as string))}</lido:term></lido:eventMethod>` : '') +
        '</lido:event></lido:eventSet>'
      : '';
  const descriptions = [
    el('descriptiveNoteValue', w.publicTextSv, ' xml:lang="sv"'),
    el('descriptiveNoteValue', w.publicTextEn, ' xml:lang="en"'),
    opts.includeInternal ? el('descriptiveNoteValue', w.description, ' xml:lang="sv"') : '',
  ].join('');
  const link = `${opts.baseUrl}/w/${encodeURIComponent(w.inventoryNumber)}`;
  return (
    '<lido:lido>' +
    `<lido:lidoRecID lido:type="local" lido:source="Konstkoll">konstkoll-artwork-${w.id}</lido:lidoRecID>` +
    '<lido:category><lido:conceptID lido:type="URI">http://www.cidoc-crm.org/cidoc-crm/E22_Human-Made_Object</lido:conceptID><lido:term xml:lang="en">Human-made object</lido:term></lido:category>' +
    '<lido:descriptiveMetadata xml:lang="sv">' +
    `<lido:objectClassificationWrap><lido:objectWorkTypeWrap><lido:objectWorkType><lido:term xml:lang="sv">${xml(swedishWord('objectType', w.objectType as string))}</lido:term><lido:term xml:lang="en">${xml(w.objectType)}</lido:term></lido:objectWorkType></lido:objectWorkTypeWrap></lido:objectClassificationWrap>` +
    '<lido:objectIdentificationWrap>' +
    `<lido:titleWrap><lido:titleSet><lido:appellationValue lido:pref="preferred" xml:lang="sv">${xml(w.title)}</lido:appellationValue></lido:titleSet></lido:titleWrap>` +
    (w.inscription || w.signed ? `<lido:inscriptionsWrap>${w.signed ? `<lido:inscriptions lido:type="signature">${el('inscriptionTranscription', w.signed)}</lido:inscriptions>` : ''}${w.inscription ? `<lido:inscriptions>${el('inscriptionTranscription', w.inscription)}</lido:inscriptions>` : ''}</lido:inscriptionsWrap>` : '') +
    `<lido:repositoryWrap><lido:repositorySet lido:type="current"><lido:repositoryName><lido:legalBodyName><lido:appellationValue>${xml(opts.holder)}</lido:appellationValue></lido:legalBodyName></lido:repositoryName>` +
    `<lido:workID lido:type="inventory number">${xml(w.inventoryNumber)}</lido:workID>` +
    // The site only: the public never learns the exact room.
    (w.siteName ? `<lido:repositoryLocation><lido:namePlaceSet><lido:appellationValue>${xml(w.siteName)}</lido:appellationValue></lido:namePlaceSet></lido:repositoryLocation>` : '') +
    '</lido:repositorySet></lido:repositoryWrap>' +
    (descriptions ? `<lido:objectDescriptionWrap><lido:objectDescriptionSet>${descriptions}</lido:objectDescriptionSet></lido:objectDescriptionWrap>` : '') +
    (display ? `<lido:objectMeasurementsWrap><lido:objectMeasurementsSet><lido:displayObjectMeasurements>${xml(display)} cm</lido:displayObjectMeasurements><lido:objectMeasurements>${measurements}</lido:objectMeasurements></lido:objectMeasurementsSet></lido:objectMeasurementsWrap>` : '') +
    '</lido:objectIdentificationWrap>' +
    `<lido:eventWrap>${production}${acquisition}</lido:eventWrap>` +
    '</lido:descriptiveMetadata>' +
    '<lido:administrativeMetadata xml:lang="sv">' +
    (w.copyright ? `<lido:rightsWorkWrap><lido:rightsWorkSet>${el('creditLine', w.copyright)}</lido:rightsWorkSet></lido:rightsWorkWrap>` : '') +
    `<lido:recordWrap><lido:recordID lido:type="local">${w.id}</lido:recordID><lido:recordType><lido:term xml:lang="en">item</lido:term></lido:recordType>` +
    `<lido:recordSource><lido:legalBodyName><lido:appellationValue>${xml(opts.holder)}</lido:appellationValue></lido:legalBodyName></lido:recordSource>` +
    `<lido:recordInfoSet><lido:recordInfoLink>${xml(link)}</lido:recordInfoLink><lido:recordMetadataDate>${xml(w.updatedAt)}</lido:recordMetadataDate></lido:recordInfoSet></lido:recordWrap>` +
    (w.primarySha
      ? `<lido:resourceWrap><lido:resourceSet><lido:resourceRepresentation lido:type="image_master"><lido:linkResource>${xml(`${opts.baseUrl}/media/${w.primarySha}/large.webp`)}</lido:linkResource></lido:resourceRepresentation></lido:resourceSet></lido:resourceWrap>`
      : '') +
    '</lido:administrativeMetadata>' +
    '</lido:lido>\n'
  );
}
