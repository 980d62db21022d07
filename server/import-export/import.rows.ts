// One CSV row → a plan (new / updated / unchanged and what exactly to write) or its errors, checked by the same
// rules as the forms: the artwork zod schemas, the inventory-number pattern, the status rules and site limits.
import type { ZodError } from 'zod';
import { CreateArtworkBody, StatusBody, UpdateArtworkBody } from '../artworks/artworks.schema.js';
import { EDITABLE_COLUMNS } from '../artworks/artworks.service.js';
import { assertInventoryPattern, inventoryKey } from '../artworks/inventory.js';
import { checkStatusChange, type Status } from '../artworks/status.js';
import { HttpError } from '../http/errors.js';
import { statusForLocation } from '../movements/movements.service.js';
import { canSeeSite, type AuthUser } from '../users/auth.js';
import { FIELDS, readCell, yearsFromDating, type ArtistName } from './import.fields.js';
import type { ExistingWork, Lookups } from './import.lookups.js';
import type { ImportField, RowError } from './import.schema.js';

export type ArtistRef = { id: number | null; key: string; name: string; role: string };
export type Target = { id: number } | { create: { code: string | null; text: string } };

export type Plan = {
  kind: 'new' | 'updated' | 'unchanged';
  row: number;
  key: string;
  inventoryNumber: string;
  existing?: ExistingWork;
  /** Editable columns to write (all given ones for a new work, only the differing ones for an update). */
  fields: Record<string, unknown>;
  artists?: ArtistRef[];
  move?: Target;
  status?: { status: Status; note: string | null; deaccessionDate: string | null; deaccessionRef: string | null; deaccessionReason: string | null };
  /** Status note / decision fields written as they are when the status itself does not change. */
  statusFields?: Record<string, string | null>;
  /** A new work without a location starts with this status. */
  initialStatus?: Status;
};

export type RowContext = {
  header: string[];
  /** [column index, field] for every mapped column. */
  mapped: [number, ImportField][];
  columnOf: Partial<Record<ImportField, string>>;
  lookups: Lookups;
  user: AuthUser;
  inventoryPattern: string;
};

const DEACCESSION_FIELDS = ['deaccessionDate', 'deaccessionRef', 'deaccessionReason'] as const;
const STATUS_COLUMNS: Record<string, string> = { statusNote: 'status_note', deaccessionDate: 'deaccession_date', deaccessionRef: 'deaccession_ref', deaccessionReason: 'deaccession_reason' };
export { STATUS_COLUMNS };

const same = (a: unknown, b: unknown) => (a === '' ? null : (a ?? null)) === (b === '' ? null : (b ?? null));

export function evaluateRow(ctx: RowContext, row: number, cells: string[]): { plan: Plan } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const err = (field: ImportField | null, message: string, value?: string | null) => {
    const column = field ? (ctx.columnOf[field] ?? null) : null;
    const idx = column === null ? -1 : ctx.header.indexOf(column);
    errors.push({ row, column, value: value !== undefined ? value : idx >= 0 ? (cells[idx] ?? null) : null, message });
  };
  if (cells.length !== ctx.header.length) {
    const extra = cells.length > ctx.header.length;
    errors.push({
      row,
      column: extra ? `column ${ctx.header.length + 1}` : (ctx.header[cells.length] ?? null),
      value: extra ? (cells[ctx.header.length] ?? null) : null,
      message: `The row has ${cells.length} values but the header has ${ctx.header.length} columns${extra ? ' (an unquoted delimiter inside a value?)' : ''}.`,
    });
    return { errors };
  }

  const v: Partial<Record<ImportField, unknown>> = {};
  // The plain artwork columns among them, in the mapping's order.
  const editable: Record<string, unknown> = {};
  for (const [i, field] of ctx.mapped) {
    const r = readCell(field, cells[i]!);
    if (r.ok) {
      v[field] = r.value;
      if (field in EDITABLE_COLUMNS) editable[field] = r.value;
    } else err(field, r.message);
  }
  if (errors.length) return { errors };
  const has = (f: ImportField) => f in v;

  const parsedNumber = typeof v.inventoryNumber === 'string' ? v.inventoryNumber.replace(/\s+/g, ' ') : '';
  const key = inventoryKey(parsedNumber);
  if (!parsedNumber || !key) {
    err('inventoryNumber', 'Required: every row needs an inventory number');
    return { errors };
  }
  const existing = ctx.lookups.findWork(key);

  // Years from a dating text ("1965–70") when the file has no year columns.
  if (!has('yearFrom') && !has('yearTo') && has('datingText') && !existing) {
    const y = yearsFromDating(v.datingText as string | null);
    if (y) Object.assign(v, y);
  }

  if (has('yearFrom') && !ctx.columnOf.yearFrom) (editable.yearFrom = v.yearFrom, (editable.yearTo = v.yearTo));
  const zodErrors = (e: ZodError) => {
    for (const issue of e.issues) {
      const field = String(issue.path[0] ?? '') as ImportField;
      if (ctx.columnOf[field] !== undefined) err(field, issue.message);
      else err(null, `${FIELDS[field]?.label ?? field} is required for a new work: map a column to it`, null);
    }
  };
  const plan: Plan = { kind: 'unchanged', row, key, inventoryNumber: parsedNumber, fields: {} };

  if (!existing) {
    const parsed = CreateArtworkBody.safeParse({ inventoryNumber: parsedNumber, ...editable });
    if (!parsed.success) zodErrors(parsed.error);
    else {
      const data = parsed.data as Record<string, unknown>;
      for (const k in data) if (k in EDITABLE_COLUMNS) plan.fields[k] = data[k];
    }
    try {
      assertInventoryPattern(parsedNumber, ctx.inventoryPattern);
    } catch (e) {
      if (e instanceof HttpError) err('inventoryNumber', `Does not match the collection's pattern ${ctx.inventoryPattern}`);
      else throw e;
    }
    plan.kind = 'new';
  } else {
    plan.existing = existing;
    plan.kind = 'updated';
    // Only what differs from the record is checked and written: a stored value already passed the rules.
    const changed: Record<string, unknown> = {};
    // The inventory number is the identity: "sll-1001" finds SLL 1001 and leaves its spelling as it is.
    for (const f in editable) if (!same(editable[f], existing[f])) changed[f] = editable[f];
    for (const _ in changed) {
      const parsed = UpdateArtworkBody.safeParse(changed);
      if (!parsed.success) zodErrors(parsed.error);
      else {
        for (const [f, value] of Object.entries(parsed.data)) if (!same(value, existing[f])) plan.fields[f] = value ?? null;
        const yFrom = 'yearFrom' in parsed.data ? parsed.data.yearFrom : (existing.yearFrom as number | null);
        const yTo = 'yearTo' in parsed.data ? parsed.data.yearTo : (existing.yearTo as number | null);
        if (yFrom != null && yTo != null && yTo < yFrom) err(has('yearTo') ? 'yearTo' : 'yearFrom', `Year to (${yTo}) is before year from (${yFrom})`);
      }
      break;
    }
  }

  if (has('artists')) {
    const names = v.artists as ArtistName[];
    const refs = names.map((a) => ({ ...ctx.lookups.artistFor(a.name, existing?.artists), name: a.name, role: a.role }));
    const keys = refs.map((r) => r.id ?? r.key);
    if (new Set(keys).size !== keys.length) err('artists', 'An artist is listed twice');
    const current = existing?.artists ?? [];
    const differs = refs.length !== current.length || refs.some((r, i) => r.id !== current[i]!.artistId || r.role !== current[i]!.role);
    if (differs && (refs.length || existing)) plan.artists = refs;
  }

  if (has('statusNote') && typeof v.statusNote === 'string' && v.statusNote.length > 2000) err('statusNote', 'At most 2000 characters');
  planPlacement(ctx, plan, v, existing, err);

  if (errors.length) return { errors };
  if (plan.kind === 'updated' && !Object.keys(plan.fields).length && !plan.artists && !plan.move && !plan.status && !plan.statusFields) plan.kind = 'unchanged';
  return { plan };
}

/** Location and status: where the work goes, which status that gives, and whether the row's status may follow. */
function planPlacement(ctx: RowContext, plan: Plan, v: Partial<Record<ImportField, unknown>>, existing: ExistingWork | undefined, err: (f: ImportField | null, m: string, value?: string | null) => void): void {
  const { lookups, user } = ctx;
  const code = (v.locationCode as string | null | undefined) ?? null;
  const text = (v.location as string | null | undefined) ?? null;
  let target: Target | undefined;
  let targetSiteType: string | null | undefined;
  let targetSiteId: number | null = null;
  if (code || text) {
    const found = lookups.locationFor(code, text, existing?.locationId ?? null);
    if ('ambiguous' in found) return err(found.field, `${found.ambiguous} locations match; give both the code and the full path (Site › Building › Floor › Room)`);
    if ('id' in found) {
      const loc = lookups.locations.get(found.id)!;
      if (!loc.active) return err(text ? 'location' : 'locationCode', `${loc.pathText} is deactivated`);
      target = found;
      targetSiteType = loc.siteType;
      targetSiteId = loc.siteId;
    } else {
      // Unknown places go under the unplaced site, which only users who see every site may create or use.
      target = { create: found.unknown };
      targetSiteType = 'other';
      targetSiteId = lookups.unplacedSiteId;
      if (user.siteIds !== null) return err(text ? 'location' : 'locationCode', 'No such location; your account cannot create locations outside your sites');
    }
    if (targetSiteId !== null && !canSeeSite(user, targetSiteId)) return err(text ? 'location' : 'locationCode', 'Your account is limited to other sites');
  }

  const wanted = (v.status as Status | null | undefined) ?? undefined;
  const note = (v.statusNote as string | null | undefined) ?? null;
  const decision = { deaccessionDate: (v.deaccessionDate as string | null) ?? null, deaccessionRef: (v.deaccessionRef as string | null) ?? null, deaccessionReason: (v.deaccessionReason as string | null) ?? null };
  const moving = target !== undefined && ('create' in target || target.id !== existing?.locationId);
  let after: Status;
  let hasLocation: boolean;
  let siteType: string | null | undefined;
  if (!existing) {
    if (!target && !canSeeSite(user, null)) return err('location', 'A work without a location is outside every site: your account cannot register it', null);
    const startable = wanted === 'in_storage' || wanted === 'on_loan' || wanted === 'missing';
    if (!target) plan.initialStatus = startable ? wanted : 'in_storage';
    if (!target && wanted === 'missing' && !note?.trim()) return err(mappedField(ctx, 'statusNote') ? 'statusNote' : 'status', 'Registering a work as missing needs a note (where it was last seen, who noticed).');
    after = target ? statusForLocation({ siteType: targetSiteType ?? null }) : plan.initialStatus!;
    hasLocation = Boolean(target);
    siteType = targetSiteType;
  } else {
    if (!canSeeSite(user, existing.siteId)) return err('inventoryNumber', 'The work belongs to a site your account is limited from');
    const current = existing.status as Status;
    after = current;
    const currentLoc = existing.locationId ? lookups.locations.get(existing.locationId) : undefined;
    siteType = currentLoc?.siteType;
    hasLocation = Boolean(existing.locationId);
    if (moving) {
      if (current === 'deaccessioned') return err('location', 'A deaccessioned work cannot be moved.');
      if (current === 'missing' && wanted === 'missing') return err('location', 'A missing work is moved only when it is found again: change its status too.');
      after = statusForLocation({ siteType: targetSiteType ?? null });
      siteType = targetSiteType;
      hasLocation = true;
    }
  }
  if (moving) plan.move = target;

  if (wanted && wanted !== after) {
    try {
      if (wanted === 'deaccessioned') {
        const parsed = StatusBody.safeParse({ status: wanted, note, ...decision });
        if (!parsed.success) for (const i of parsed.error.issues) err(columnFor(String(i.path[0])), i.message);
      }
      checkStatusChange({ current: after, next: wanted, note, ...decision, isAdmin: user.role === 'admin', via: 'user', locationSiteType: siteType, hasLocation });
      plan.status = { status: wanted, note, ...(wanted === 'deaccessioned' ? decision : { deaccessionDate: null, deaccessionRef: null, deaccessionReason: null }) };
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      const path = ((e.extra.errors as { path: string }[] | undefined)?.[0]?.path ?? 'status') as string;
      err(columnFor(path) ?? 'status', e.detail ?? e.title);
    }
    return;
  }
  // Same status: a changed note (or decision fields of a deaccessioned work) is written as it is.
  if (!existing) {
    if (note) plan.statusFields = { statusNote: note };
    return;
  }
  const fields: Record<string, string | null> = {};
  // A move may clear the note (a new status starts without one): the row's note is written after it.
  if (mappedField(ctx, 'statusNote') && (moving ? note !== null : !same(note, existing.statusNote))) fields.statusNote = note;
  if (after === 'deaccessioned' && existing.status === 'deaccessioned')
    for (const f of DEACCESSION_FIELDS) if (mappedField(ctx, f) && !same(decision[f], existing[f])) fields[f] = decision[f];
  if (Object.keys(fields).length) plan.statusFields = fields;
}

const mappedField = (ctx: RowContext, f: ImportField) => ctx.columnOf[f] !== undefined;
const columnFor = (path: string): ImportField | null =>
  (({ status: 'status', note: 'statusNote', statusNote: 'statusNote', deaccessionDate: 'deaccessionDate', deaccessionRef: 'deaccessionRef', deaccessionReason: 'deaccessionReason' }) as Record<string, ImportField>)[path] ?? null;
