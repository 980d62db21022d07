// A dry run checks its rows in batches of a few hundred, on the import's own thread or on a helper thread
// (import.helper.ts): a batch's outcome is plain data, merged in any order. Also: a row context from a mapping,
// and the compact text in which the dry run keeps its plans for the commit.
import type Database from 'better-sqlite3';
import { inventoryKey } from '../artworks/inventory.js';
import { unprocessable } from '../http/errors.js';
import type { AuthUser } from '../users/auth.js';
import { Lookups } from './import.lookups.js';
import { evaluateRow, type Plan, type RowContext } from './import.rows.js';
import { IMPORT_FIELDS, type ImportField, type RowError } from './import.schema.js';

export type BatchRow = [row: number, cells: string[]];

/** Kept plans as text: JSON of the plans, their fields as the number of their list of names and their values. */
export type PlanChunk = { text: string; lists: string[][] };

export type BatchResult = {
  index: number;
  rows: number;
  new: number;
  updated: number;
  unchanged: number;
  errorRows: number;
  errors: RowError[];
  /** Every row's inventory key, as flat triples [key, row, value as written]: duplicates are found across batches. */
  keys: (string | number)[];
  /** Rows with a plan, as flat pairs [row, kind]: a row later found to be a duplicate is taken off its count. */
  kinds: (number | Plan['kind'])[];
  /** Artists the batch would create, as flat triples [row, key, name as written], in the order the rows name them. */
  artists: (string | number)[];
  /** Keys of places the batch would create, and the rows of new works that go to such a place. */
  places: string[];
  placeRows: number[];
  /** Its new and updated plans, when they are kept. */
  plans: PlanChunk | null;
};

/** Checks the mapping against the header: every mapped column exists, and the inventory number is mapped. */
export function rowContext(sqlite: Database.Database, input: { mapping: Record<string, string>; user: AuthUser; inventoryPattern: string }, header: string[]): RowContext {
  const mapped: [number, ImportField][] = [];
  const columnOf: Partial<Record<ImportField, string>> = {};
  const errors: { path: string; message: string }[] = [];
  for (const [column, field] of Object.entries(input.mapping)) {
    if (!field) continue;
    const idx = header.indexOf(column);
    if (idx < 0) errors.push({ path: `mapping.${column}`, message: 'No such column in the file' });
    else if (!(IMPORT_FIELDS as readonly string[]).includes(field)) errors.push({ path: `mapping.${column}`, message: `Unknown field ${field}` });
    else (mapped.push([idx, field as ImportField]), (columnOf[field as ImportField] = column));
  }
  if (!columnOf.inventoryNumber) errors.push({ path: 'mapping.inventoryNumber', message: 'Required: a column with the inventory number (Inventarienummer)' });
  if (errors.length) throw unprocessable('import.mapping', 'The mapping does not fit the file.', errors);
  return { header, mapped, columnOf, lookups: new Lookups(sqlite), user: input.user, inventoryPattern: input.inventoryPattern };
}

/** The normalised inventory number of a row that has one (also of rows with errors, for the duplicate check). */
export function inventoryKeyOf(ctx: RowContext, cells: string[]): { key: string; value: string } | null {
  const value = cells[ctx.header.indexOf(ctx.columnOf.inventoryNumber!)];
  const raw = value?.trim();
  return raw ? { key: inventoryKey(raw), value: value! } : null;
}

/** Writes plans as a PlanChunk (their fields are replaced: the plans are not used again). */
export function writePlans(plans: Plan[]): PlanChunk {
  const lists: string[][] = [];
  const numbers = new Map<string, number>();
  for (const p of plans) {
    const names = Object.keys(p.fields).filter((k) => p.fields[k] !== undefined);
    const sig = names.join();
    let n = numbers.get(sig);
    if (n === undefined) (numbers.set(sig, (n = lists.length)), lists.push(names));
    (p as { fields: unknown }).fields = [n, ...names.map((k) => p.fields[k])];
  }
  return { text: JSON.stringify(plans), lists };
}

export function readPlans(chunk: PlanChunk): Plan[] {
  const plans = JSON.parse(chunk.text) as (Omit<Plan, 'fields'> & { fields: unknown })[];
  for (const p of plans) {
    const [n, ...values] = p.fields as [number, ...unknown[]];
    const fields: Record<string, unknown> = {};
    chunk.lists[n]!.forEach((name, i) => (fields[name] = values[i]));
    p.fields = fields;
  }
  return plans as Plan[];
}

/** Checks a batch of rows (none blank). `keep`: its new and updated plans come back as text. */
export function evaluateBatch(ctx: RowContext, index: number, rows: BatchRow[], keep: boolean): BatchResult {
  const out: BatchResult = { index, rows: rows.length, new: 0, updated: 0, unchanged: 0, errorRows: 0, errors: [], keys: [], kinds: [], artists: [], places: [], placeRows: [], plans: null };
  const plans: Plan[] = [];
  for (const [row, cells] of rows) {
    const r = evaluateRow(ctx, row, cells);
    if ('errors' in r) {
      out.errorRows++;
      for (const e of r.errors) out.errors.push(e);
      const k = inventoryKeyOf(ctx, cells);
      if (k) out.keys.push(k.key, row, k.value);
      continue;
    }
    const p = r.plan;
    out[p.kind]++;
    out.kinds.push(row, p.kind);
    out.keys.push(p.key, row, p.inventoryNumber);
    for (const a of p.artists ?? []) if (a.id === null) out.artists.push(row, a.key, a.name);
    if (p.move && 'create' in p.move) (out.places.push(`${p.move.create.code ?? ''}|${p.move.create.text}`), out.placeRows.push(row));
    if (keep && p.kind !== 'unchanged') plans.push(p);
  }
  if (plans.length) out.plans = writePlans(plans);
  return out;
}
