// What each import column means: its Swedish header (the CSV export writes it), the header words that suggest it,
// and how a cell is read (decimal commas, Swedish dates and words) and written back, so export → import is a no-op.
import { IMPORT_FIELDS, type ImportField } from './import.schema.js';

/** Lower case, no parentheses or punctuation, spaces collapsed: "Höjd (cm)" → "höjd cm". */
export function normaliseHeader(h: string): string {
  return h.normalize('NFC').toLowerCase().replace(/[()[\]{}.:;,_/\\#*"'-]+/g, ' ').replace(/\s+/g, ' ').trim();
}
/** Also without diacritics, for headers that lost their åäö on the way ("Hojd", "Konstnar"). */
export function foldWord(s: string): string {
  return normaliseHeader(s).normalize('NFD').replace(/\p{Diacritic}/gu, '');
}

type Kind = 'text' | 'decimal' | 'integer' | 'money' | 'date' | 'boolean' | 'enum' | 'artists' | 'location';

type FieldDef = { label: string; kind: Kind; synonyms: string[]; words?: Record<string, string> };

const OBJECT_TYPE_WORDS = {
  painting: 'målning', print: 'grafik', drawing: 'teckning', photograph: 'fotografi', sculpture: 'skulptur', relief: 'relief', textile: 'textil',
  ceramics: 'keramik', glass: 'glas', mosaic: 'mosaik', installation: 'installation', digital: 'digitalt verk', other: 'övrigt',
};
const STATUS_WORDS = { in_place: 'på plats', in_storage: 'i magasin', on_loan: 'utlånad', in_conservation: 'på konservering', missing: 'saknas', deaccessioned: 'avregistrerad' };
const MOUNTING_WORDS = { wall: 'vägg', ceiling: 'tak', free_standing: 'fristående', outdoor: 'utomhus', integrated: 'byggnadsintegrerad' };
const ACQUISITION_WORDS = { purchase: 'inköp', commission: 'beställning', gift: 'gåva', transfer: 'överföring', unknown: 'okänt' };
export const ROLE_WORDS: Record<string, string> = { artist: 'konstnär', designer: 'formgivare', photographer: 'fotograf', after: 'efter', workshop: 'verkstad', collaborator: 'medarbetare' };

/** Extra words (Swedish and English) read as each code, besides the code itself and its Swedish word. */
const ALIASES: Record<string, Record<string, string[]>> = {
  objectType: {
    painting: ['maleri', 'oljemålning', 'akvarell'], print: ['tryck', 'litografi', 'serigrafi', 'etsning', 'träsnitt'], photograph: ['foto', 'photo', 'photography'],
    sculpture: ['skulptur', 'staty'], ceramics: ['ceramic', 'keramiskt verk'], digital: ['digital work', 'digitalt', 'video'], other: ['annat', 'övrig'],
    textile: ['textile art', 'väv', 'vävnad'], drawing: ['teckningar'], mosaic: ['mosaic'], installation: ['ljusinstallation'],
  },
  status: {
    in_place: ['in place', 'på plats', 'placerad', 'uppsatt', 'uppsatt på plats'], in_storage: ['in storage', 'magasin', 'i magasinet', 'magasinerad', 'stored'],
    on_loan: ['on loan', 'utlånat', 'lånad ut', 'deposition'], in_conservation: ['in conservation', 'konservering', 'under konservering', 'hos konservator'],
    missing: ['saknad', 'försvunnen', 'borttappad', 'stulen', 'lost', 'stolen'], deaccessioned: ['gallrad', 'avregistrerat', 'utgallrad', 'avförd', 'deaccession', 'removed'],
  },
  mounting: { free_standing: ['free standing', 'free-standing', 'golv'], integrated: ['integrated in building', 'integrerad', 'fast i byggnad'], wall: ['vägghängd'], ceiling: ['takhängd'], outdoor: ['utomhus', 'utvändig'] },
  acquisitionMethod: {
    purchase: ['köp', 'inköpt', 'köpt', 'purchased'], commission: ['beställd', 'beställningsverk', 'uppdrag', 'gestaltningsprojekt', 'commissioned'],
    gift: ['donation', 'gåva/donation', 'donerad', 'skänkt', 'donated'], transfer: ['överförd', 'överlåtelse', 'transferred'], unknown: ['okänd', 'uppgift saknas'],
  },
};

const words = (codes: Record<string, string>, field: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [code, sv] of Object.entries(codes)) {
    out[foldWord(code)] = code;
    out[foldWord(code.replace(/_/g, ' '))] = code;
    out[foldWord(sv)] = code;
    for (const a of ALIASES[field]?.[code] ?? []) out[foldWord(a)] = code;
  }
  return out;
};

export const FIELDS: Record<ImportField, FieldDef> = {
  inventoryNumber: { label: 'Inventarienummer', kind: 'text', synonyms: ['inventarienummer', 'inventarienr', 'inv nr', 'invnr', 'inv', 'inventory number', 'inventory no', 'inventory', 'accession number', 'object number', 'objektnummer', 'nummer'] },
  title: { label: 'Titel', kind: 'text', synonyms: ['titel', 'title', 'verkets titel', 'benämning', 'name of work'] },
  artists: { label: 'Konstnär', kind: 'artists', synonyms: ['konstnär', 'konstnärer', 'artist', 'artists', 'upphovsperson', 'creator', 'maker', 'formgivare'] },
  objectType: { label: 'Objekttyp', kind: 'enum', synonyms: ['objekttyp', 'typ', 'kategori', 'verkstyp', 'object type', 'type', 'category', 'classification'], words: words(OBJECT_TYPE_WORDS, 'objectType') },
  technique: { label: 'Teknik', kind: 'text', synonyms: ['teknik', 'technique', 'medium', 'teknik/material'] },
  materials: { label: 'Material', kind: 'text', synonyms: ['material', 'materials', 'materiel'] },
  heightCm: { label: 'Höjd (cm)', kind: 'decimal', synonyms: ['höjd', 'height', 'h', 'höjd cm', 'height cm'] },
  widthCm: { label: 'Bredd (cm)', kind: 'decimal', synonyms: ['bredd', 'width', 'b', 'w', 'bredd cm', 'width cm'] },
  depthCm: { label: 'Djup (cm)', kind: 'decimal', synonyms: ['djup', 'depth', 'd', 'djup cm', 'depth cm'] },
  weightKg: { label: 'Vikt (kg)', kind: 'decimal', synonyms: ['vikt', 'weight', 'vikt kg', 'weight kg'] },
  datingText: { label: 'Datering', kind: 'text', synonyms: ['datering', 'dating', 'date', 'date made', 'tillkomstår'] },
  yearFrom: { label: 'År från', kind: 'integer', synonyms: ['år från', 'year from', 'år', 'year', 'årtal', 'tillverkningsår', 'från år'] },
  yearTo: { label: 'År till', kind: 'integer', synonyms: ['år till', 'year to', 'till år'] },
  signed: { label: 'Signerad', kind: 'text', synonyms: ['signerad', 'signering', 'signatur', 'signed', 'signature'] },
  inscription: { label: 'Påskrift', kind: 'text', synonyms: ['påskrift', 'inskription', 'inscription', 'märkning'] },
  description: { label: 'Beskrivning', kind: 'text', synonyms: ['beskrivning', 'description', 'motiv', 'kommentar'] },
  acquisitionMethod: { label: 'Förvärvssätt', kind: 'enum', synonyms: ['förvärvssätt', 'förvärv', 'förvärvstyp', 'acquisition method', 'acquisition', 'how acquired'], words: words(ACQUISITION_WORDS, 'acquisitionMethod') },
  acquisitionDate: { label: 'Förvärvsdatum', kind: 'date', synonyms: ['förvärvsdatum', 'inköpsdatum', 'förvärvsår', 'inköpsår', 'acquisition date', 'date acquired', 'acquired'] },
  acquisitionPrice: { label: 'Inköpspris (kr)', kind: 'money', synonyms: ['inköpspris', 'pris', 'price', 'purchase price', 'acquisition price', 'kostnad'] },
  acquisitionSource: { label: 'Förvärvad från', kind: 'text', synonyms: ['förvärvad från', 'leverantör', 'säljare', 'givare', 'källa', 'acquisition source', 'acquired from', 'source', 'vendor', 'donor'] },
  acquisitionRef: { label: 'Diarienummer', kind: 'text', synonyms: ['diarienummer', 'diarienr', 'dnr', 'case number', 'registry number', 'beslut'] },
  insuranceValue: { label: 'Försäkringsvärde (kr)', kind: 'money', synonyms: ['försäkringsvärde', 'insurance value', 'värde', 'value'] },
  copyright: { label: 'Upphovsrätt', kind: 'text', synonyms: ['upphovsrätt', 'copyright', 'rättigheter', 'rights'] },
  status: { label: 'Status', kind: 'enum', synonyms: ['status', 'verkstatus'], words: words(STATUS_WORDS, 'status') },
  statusNote: { label: 'Statusnotering', kind: 'text', synonyms: ['statusnotering', 'statuskommentar', 'status note'] },
  deaccessionDate: { label: 'Avregistreringsdatum', kind: 'date', synonyms: ['avregistreringsdatum', 'gallringsdatum', 'deaccession date'] },
  deaccessionRef: { label: 'Avregistreringsbeslut', kind: 'text', synonyms: ['avregistreringsbeslut', 'gallringsbeslut', 'deaccession reference', 'deaccession ref'] },
  deaccessionReason: { label: 'Avregistreringsskäl', kind: 'text', synonyms: ['avregistreringsskäl', 'gallringsskäl', 'deaccession reason'] },
  location: { label: 'Placering', kind: 'location', synonyms: ['placering', 'plats', 'rum', 'lokal', 'location', 'placement', 'room', 'current location'] },
  locationCode: { label: 'Placeringskod', kind: 'text', synonyms: ['placeringskod', 'platskod', 'rumskod', 'rumsnummer', 'location code', 'room code', 'room number'] },
  mounting: { label: 'Upphängning', kind: 'enum', synonyms: ['upphängning', 'montering', 'mounting', 'installation type'], words: words(MOUNTING_WORDS, 'mounting') },
  fixedInBuilding: { label: 'Fast i byggnad', kind: 'boolean', synonyms: ['fast i byggnad', 'fixed in building', 'fast monterad'] },
  antiTheftFixing: { label: 'Stöldskyddad infästning', kind: 'boolean', synonyms: ['stöldskyddad infästning', 'stöldskydd', 'anti-theft fixing', 'anti theft'] },
  glazed: { label: 'Inglasad', kind: 'boolean', synonyms: ['inglasad', 'glas framför', 'glazed'] },
  cleanable: { label: 'Rengörbar', kind: 'boolean', synonyms: ['rengörbar', 'avtorkbar', 'cleanable'] },
  psychiatrySafe: { label: 'Lämplig för psykiatrisk vård', kind: 'boolean', synonyms: ['lämplig för psykiatrisk vård', 'psykiatrisäker', 'fit for psychiatric care', 'psychiatry safe'] },
  fireClass: { label: 'Brandklass', kind: 'text', synonyms: ['brandklass', 'fire class', 'euroclass'] },
  ownershipUnclear: { label: 'Oklart ägande', kind: 'boolean', synonyms: ['oklart ägande', 'ownership unclear'] },
  acquisitionDataMissing: { label: 'Förvärvsuppgifter saknas', kind: 'boolean', synonyms: ['förvärvsuppgifter saknas', 'acquisition data missing'] },
  dimensionsUnknown: { label: 'Mått okända', kind: 'boolean', synonyms: ['mått okända', 'dimensions unknown'] },
  isPublic: { label: 'Publik', kind: 'boolean', synonyms: ['publik', 'publicerad', 'visas publikt', 'public', 'is public', 'published'] },
  publicTextSv: { label: 'Publik text (sv)', kind: 'text', synonyms: ['publik text sv', 'publik text', 'guidetext', 'public text sv', 'public text swedish'] },
  publicTextEn: { label: 'Publik text (en)', kind: 'text', synonyms: ['publik text en', 'public text en', 'public text', 'public text english'] },
  internalNote: { label: 'Intern anteckning', kind: 'text', synonyms: ['intern anteckning', 'anteckning', 'anmärkning', 'internal note', 'note', 'notes'] },
  checkIntervalMonths: { label: 'Kontrollintervall (månader)', kind: 'integer', synonyms: ['kontrollintervall', 'kontrollintervall månader', 'check interval', 'check interval months'] },
};

const SUGGEST = new Map<string, ImportField>();
const SUGGEST_FOLDED = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) {
  for (const s of [FIELDS[field].label, ...FIELDS[field].synonyms]) {
    if (!SUGGEST.has(normaliseHeader(s))) SUGGEST.set(normaliseHeader(s), field);
    if (!SUGGEST_FOLDED.has(foldWord(s))) SUGGEST_FOLDED.set(foldWord(s), field);
  }
}

/** A mapping suggested from the header names (Swedish or English); each field is used once, first column wins. */
export function suggestMapping(columns: string[]): Record<string, ImportField | ''> {
  const used = new Set<ImportField>();
  const out: Record<string, ImportField | ''> = {};
  for (const col of columns) {
    const field = SUGGEST.get(normaliseHeader(col)) ?? SUGGEST_FOLDED.get(foldWord(col));
    if (field && !used.has(field)) {
      used.add(field);
      out[col] = field;
    } else out[col] = '';
  }
  return out;
}

export type CellResult = { ok: true; value: unknown } | { ok: false; message: string };
const ok = (value: unknown): CellResult => ({ ok: true, value });
const fail = (message: string): CellResult => ({ ok: false, message });

const PLAIN_NUMBER = /^-?\d{1,15}(\.\d{1,15})?$/;

/** "12 500,50", "1.234,5", "45.5", "40 cm" → number; null when the cell is empty. */
export function parseDecimal(raw: string): number | null | undefined {
  // Most cells are plain ("45", "45.5"): read at once.
  if (PLAIN_NUMBER.test(raw)) return Number(raw);
  let s = raw.replace(/[\s\u00a0\u202f]+/g, '').replace(/(cm|kg|kr|sek|:-|mm)$/i, '');
  if (!s) return null;
  if (s.includes(',') && s.includes('.')) s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  else if (s.includes(',')) s = (s.match(/,/g)!.length > 1 ? s.replace(/,/g, '') : s.replace(',', '.'));
  else if ((s.match(/\./g)?.length ?? 0) > 1) s = s.replace(/\./g, '');
  s = s.replace(/^\u2212/, '-');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(s)) return undefined;
  return Number(s);
}

const isRealDate = (y: number, m: number, d: number) => {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
};
const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD, DD/MM/YYYY, D.M.YYYY, YYYY-MM or YYYY (a year alone is read as 1 January) → 'YYYY-MM-DD'. */
export function parseDate(raw: string): string | null | undefined {
  const s = raw.trim();
  if (!s) return null;
  let y: number, m: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(s))) [y, m, d] = [+match[1]!, +match[2]!, +match[3]!];
  else if ((match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s))) [d, m, y] = [+match[1]!, +match[2]!, +match[3]!];
  else if ((match = /^(\d{4})-(\d{1,2})$/.exec(s))) [y, m, d] = [+match[1]!, +match[2]!, 1];
  else if ((match = /^(\d{4})$/.exec(s))) [y, m, d] = [+match[1]!, 1, 1];
  else return undefined;
  if (!isRealDate(y, m, d)) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** foldWord of an enum cell, remembered: a column holds a handful of distinct words, each costly to fold (hot: once per cell). */
const folded = new Map<string, string>();
function foldedWord(s: string): string {
  let f = folded.get(s);
  if (f === undefined) {
    f = foldWord(s);
    if (folded.size < 10_000) folded.set(s, f);
  }
  return f;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const TRUE = new Set(['ja', 'j', 'yes', 'y', 'true', 'sant', '1', 'x']);
const FALSE = new Set(['nej', 'n', 'no', 'false', 'falskt', '0', '-']);

/** Reads one cell for a field; the value is what the artwork schema then checks (its rules give the messages). */
export function readCell(field: ImportField, raw: string): CellResult {
  const def = FIELDS[field];
  const trimmed = raw.trim();
  // The export writes '=… as text so Excel does not run it; the ' is not part of the value.
  const s = trimmed.charCodeAt(0) === 0x27 && (def.kind === 'text' || def.kind === 'location' || def.kind === 'artists') && /^'[=+\-@\t\r]/.test(trimmed) ? trimmed.slice(1) : trimmed;
  switch (def.kind) {
    case 'text':
    case 'location':
      // Printable ASCII is already in NFC (most cells): normalising it is skipped.
      return ok(s === '' ? null : PRINTABLE_ASCII.test(s) ? s : s.normalize('NFC'));
    case 'decimal': {
      const n = parseDecimal(s);
      return n === undefined ? fail(`Not a number: "${s}"`) : ok(n);
    }
    case 'integer': {
      const n = parseDecimal(s);
      if (n === undefined) return fail(`Not a number: "${s}"`);
      if (n !== null && !Number.isInteger(n)) return fail(`Not a whole number: "${s}"`);
      return ok(n);
    }
    case 'money': {
      const n = parseDecimal(s);
      if (n === undefined) return fail(`Not an amount in kronor: "${s}"`);
      return ok(n === null ? null : Math.round(n * 100));
    }
    case 'date': {
      const d = parseDate(s);
      return d === undefined ? fail(`Not a date: "${s}" (use YYYY-MM-DD, DD/MM/YYYY, D.M.YYYY or YYYY)`) : ok(d);
    }
    case 'boolean': {
      const w = s.toLowerCase();
      if (w === '' || FALSE.has(w)) return ok(false);
      if (TRUE.has(w)) return ok(true);
      return fail(`Not yes/no: "${s}" (use ja/nej, yes/no, 1/0 or x)`);
    }
    case 'enum': {
      if (s === '') return ok(null);
      const code = def.words![foldedWord(s)];
      if (code) return ok(code);
      const choices = [...new Set(Object.values(def.words!))].map((c) => swedishWord(field, c)).join(', ');
      return fail(`Unknown ${def.label.toLowerCase()}: "${s}" (use one of: ${choices})`);
    }
    case 'artists':
      return readArtists(s);
  }
}

export type ArtistName = { name: string; role: string };

/** Role words (Swedish, or the code itself) → role code. */
const ROLE_OF = new Map<string, string>(Object.entries(ROLE_WORDS).flatMap(([code, sv]) => [[sv, code], [code, code]]));

/** "Anna Berg; Olle Ek (formgivare)" → names with roles; a role in parentheses is read only when it is a known role word. */
function readArtists(s: string): CellResult {
  if (!s) return ok([]);
  const out: ArtistName[] = [];
  for (const part of s.split(/\s*;\s*|\s*\n\s*/)) {
    if (!part) continue;
    const m = /^(.*?)\s*\(([^()]+)\)$/.exec(part);
    const role = m ? ROLE_OF.get(m[2]!.trim().toLowerCase()) : undefined;
    const name = (role ? m![1]! : part).trim().normalize('NFC');
    if (!name) return fail('An artist name is empty');
    if (name.length > 200) return fail('An artist name is longer than 200 characters');
    out.push({ name, role: role ?? 'artist' });
  }
  if (out.length > 30) return fail('At most 30 artists per work');
  return ok(out);
}

/** "1965", "ca 1965", "1965–1970", "1965-70", "1960-talet" → years, for files with a dating text but no year columns. */
export function yearsFromDating(text: string | null): { yearFrom: number; yearTo: number } | null {
  if (!text) return null;
  let m = /(\d{4})\s*[-–—]\s*(\d{2,4})\b/.exec(text);
  if (m) {
    const from = +m[1]!;
    const to = m[2]!.length === 2 ? Math.floor(from / 100) * 100 + +m[2]! : +m[2]!;
    return to >= from ? { yearFrom: from, yearTo: to } : null;
  }
  if ((m = /\b(\d{3})0-?tal/.exec(text))) return { yearFrom: +m[1]! * 10, yearTo: +m[1]! * 10 + 9 };
  if ((m = /\b(\d{4})\b/.exec(text))) return { yearFrom: +m[1]!, yearTo: +m[1]! };
  return null;
}

export const swedishWord = (field: ImportField, code: string): string => {
  const table: Record<string, Record<string, string>> = { objectType: OBJECT_TYPE_WORDS, status: STATUS_WORDS, mounting: MOUNTING_WORDS, acquisitionMethod: ACQUISITION_WORDS };
  return table[field]?.[code] ?? code;
};

/** A number as the import reads it back; `comma` writes a decimal comma (for ; separated files). */
function formatNumber(n: number, comma: boolean): string {
  const s = String(n);
  return comma ? s.replace('.', ',') : s;
}

/** A field's value as the CSV export writes it (the exact inverse of readCell). */
export function formatCell(field: ImportField, value: unknown, opts: { decimalComma: boolean }): string {
  if (value === null || value === undefined) return FIELDS[field].kind === 'boolean' ? 'nej' : '';
  switch (FIELDS[field].kind) {
    case 'decimal':
    case 'integer':
      return formatNumber(value as number, opts.decimalComma);
    case 'money': {
      const ore = value as number;
      const kr = ore % 100 === 0 ? String(ore / 100) : (ore / 100).toFixed(2);
      return opts.decimalComma ? kr.replace('.', ',') : kr;
    }
    case 'boolean':
      return value ? 'ja' : 'nej';
    case 'enum':
      return swedishWord(field, value as string);
    case 'artists':
      return (value as ArtistName[]).map((a) => (a.role === 'artist' ? a.name : `${a.name} (${ROLE_WORDS[a.role] ?? a.role})`)).join('; ');
    default:
      return String(value);
  }
}
