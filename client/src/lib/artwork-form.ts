// The artwork edit form as data: which fields, how typed text becomes the PATCH body, and
// validation with the server's own zod schema (UpdateArtworkBody), so both say the same.
import { msg, str } from '@lit/localize';
import type { z } from 'zod';
import { UpdateArtworkBody } from '../../../server/artworks/artworks.schema.js';
import type { ArtworkRecord } from '../api/artworks.js';
import type { FieldKind } from '../components/kk-field.js';
import { intlLocale } from '../i18n/locale.js';

export type FieldDef = { key: EditableKey; kind: FieldKind; required?: boolean; maxlength?: number };
export type Draft = Partial<Record<EditableKey, string | boolean>>;

const TEXT = ['inventoryNumber', 'title', 'technique', 'materials', 'datingText', 'signed', 'inscription', 'description', 'acquisitionSource', 'acquisitionRef', 'copyright', 'fireClass', 'publicTextSv', 'publicTextEn', 'internalNote'] as const;
const NUMBER = ['heightCm', 'widthCm', 'depthCm', 'weightKg'] as const;
const INTEGER = ['yearFrom', 'yearTo', 'acquisitionPrice', 'insuranceValue', 'checkIntervalMonths'] as const;
const ENUM = ['objectType', 'acquisitionMethod', 'mounting'] as const;
const DATE = ['acquisitionDate'] as const;
const BOOL = ['fixedInBuilding', 'antiTheftFixing', 'glazed', 'cleanable', 'psychiatrySafe', 'ownershipUnclear', 'acquisitionDataMissing', 'dimensionsUnknown', 'isPublic'] as const;
export type EditableKey = (typeof TEXT)[number] | (typeof NUMBER)[number] | (typeof INTEGER)[number] | (typeof ENUM)[number] | (typeof DATE)[number] | (typeof BOOL)[number];
export const EDITABLE_KEYS: readonly EditableKey[] = [...TEXT, ...NUMBER, ...INTEGER, ...ENUM, ...DATE, ...BOOL];

/** Groups as a curator thinks of a record; each group is a fieldset on the page. */
export const FORM_GROUPS: { id: string; fields: FieldDef[] }[] = [
  { id: 'identification', fields: [{ key: 'inventoryNumber', kind: 'text', required: true, maxlength: 40 }, { key: 'title', kind: 'text', required: true, maxlength: 500 }, { key: 'objectType', kind: 'select', required: true }, { key: 'datingText', kind: 'text', maxlength: 100 }, { key: 'yearFrom', kind: 'number' }, { key: 'yearTo', kind: 'number' }] },
  { id: 'object', fields: [{ key: 'technique', kind: 'text' }, { key: 'materials', kind: 'text' }, { key: 'heightCm', kind: 'number' }, { key: 'widthCm', kind: 'number' }, { key: 'depthCm', kind: 'number' }, { key: 'weightKg', kind: 'number' }, { key: 'dimensionsUnknown', kind: 'bool' }, { key: 'signed', kind: 'text' }, { key: 'inscription', kind: 'textarea' }, { key: 'description', kind: 'textarea' }] },
  { id: 'placement', fields: [{ key: 'mounting', kind: 'select' }, { key: 'fixedInBuilding', kind: 'bool' }, { key: 'antiTheftFixing', kind: 'bool' }, { key: 'glazed', kind: 'bool' }, { key: 'cleanable', kind: 'bool' }, { key: 'psychiatrySafe', kind: 'bool' }, { key: 'fireClass', kind: 'text' }, { key: 'checkIntervalMonths', kind: 'number' }] },
  { id: 'acquisition', fields: [{ key: 'acquisitionMethod', kind: 'select' }, { key: 'acquisitionDate', kind: 'date' }, { key: 'acquisitionPrice', kind: 'number' }, { key: 'acquisitionSource', kind: 'text' }, { key: 'acquisitionRef', kind: 'text' }, { key: 'insuranceValue', kind: 'number' }, { key: 'copyright', kind: 'text' }, { key: 'ownershipUnclear', kind: 'bool' }, { key: 'acquisitionDataMissing', kind: 'bool' }] },
  { id: 'public', fields: [{ key: 'isPublic', kind: 'bool' }, { key: 'publicTextSv', kind: 'textarea' }, { key: 'publicTextEn', kind: 'textarea' }] },
  { id: 'internal', fields: [{ key: 'internalNote', kind: 'textarea' }] },
];

const isNumberKey = (k: string): k is (typeof NUMBER)[number] | (typeof INTEGER)[number] => (NUMBER as readonly string[]).includes(k) || (INTEGER as readonly string[]).includes(k);
const isBoolKey = (k: string): k is (typeof BOOL)[number] => (BOOL as readonly string[]).includes(k);

/** Money fields are whole öre in the record but typed in kronor. */
const MONEY = new Set<string>(['acquisitionPrice', 'insuranceValue']);

/** 59.5 → "59,5" in Swedish: numbers are shown the way the user types them. */
const decimal = (n: number) => new Intl.NumberFormat(intlLocale(), { useGrouping: false, maximumFractionDigits: 6 }).format(n);

/** The record's values as the form shows them (text, or booleans for yes/no). */
export function toDraft(r: Partial<ArtworkRecord>): Draft {
  const d: Draft = {};
  for (const k of EDITABLE_KEYS) {
    const v = r[k as keyof ArtworkRecord];
    if (isBoolKey(k)) d[k] = Boolean(v);
    else if (v === null || v === undefined) d[k] = '';
    else if (isNumberKey(k)) d[k] = decimal(MONEY.has(k) ? Number(v) / 100 : Number(v));
    else d[k] = String(v);
  }
  return d;
}

/** One typed value → the body's value: '' is null, numbers accept a decimal comma and spaces. */
export function parseValue(key: EditableKey, v: string | boolean | undefined): unknown {
  if (isBoolKey(key)) return Boolean(v);
  const s = typeof v === 'string' ? v.trim() : '';
  if (isNumberKey(key)) {
    if (s === '') return null;
    const n = Number(s.replace(/\s/g, '').replace(',', '.'));
    if (Number.isNaN(n)) return s; // left as text so the schema reports "expected a number"
    return MONEY.has(key) ? Math.round(n * 100) : n;
  }
  if (s === '' && key !== 'title' && key !== 'inventoryNumber' && key !== 'objectType') return null;
  return s;
}

/** The fields whose value differs from `base`, as a PATCH body. */
export function changesOf(draft: Draft, base: Draft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of EDITABLE_KEYS) {
    if (draft[k] === undefined) continue;
    if (JSON.stringify(parseValue(k, draft[k])) !== JSON.stringify(parseValue(k, base[k]))) out[k] = parseValue(k, draft[k]);
  }
  return out;
}

type Issue = z.core.$ZodIssue;

/** A zod issue in the user's language (the schema's own message where it is specific). */
export function issueMessage(i: Issue): string {
  const d = i as Issue & { minimum?: number | bigint; maximum?: number | bigint; origin?: string; expected?: string; format?: string };
  switch (i.code) {
    case 'too_small':
      if (d.origin === 'string') return Number(d.minimum) <= 1 ? msg('Required') : msg(str`At least ${Number(d.minimum)} characters`);
      return i.message && !/^Too small/.test(i.message) ? i.message : msg(str`Must be at least ${Number(d.minimum)}`);
    case 'too_big':
      if (d.origin === 'string') return msg(str`At most ${Number(d.maximum)} characters`);
      return i.message && !/^Too big/.test(i.message) ? i.message : msg(str`Must be at most ${Number(d.maximum)}`);
    case 'invalid_type':
      if (d.expected === 'number') return msg('Enter a number');
      return msg('Invalid value');
    case 'invalid_format':
      if (d.format === 'date') return msg('Enter a date as YYYY-MM-DD');
      return i.message;
    case 'invalid_value':
      return msg('Choose one of the options');
    case 'not_multiple_of':
      return msg('Enter a whole number');
    default:
      return i.message;
  }
}

/** Validates a PATCH body with the server's schema; errors keyed by field. */
export function validate(body: Record<string, unknown>): Record<string, string> {
  const r = UpdateArtworkBody.safeParse(body);
  if (r.success) return {};
  const errors: Record<string, string> = {};
  for (const i of r.error.issues) {
    const key = String(i.path[0] ?? '_');
    // Integer fields: "not an integer" arrives as invalid_type with expected int.
    errors[key] ??= (i.code === 'invalid_type' && (i as { expected?: string }).expected === 'int') ? msg('Enter a whole number') : issueMessage(i);
  }
  return errors;
}
