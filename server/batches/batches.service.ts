// Batch edits: one change (a field, a flag, a status, a move) to thousands of works in one transaction,
// audited under one batch id, undoable while none of the works has changed since.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { recordAudit } from '../audit/audit.js';
import { conflict, notFound, unprocessable, validationError, zodToFieldErrors } from '../http/errors.js';
import { getArtwork } from '../artworks/artworks.queries.js';
import { UpdateArtworkBody } from '../artworks/artworks.schema.js';
import { statusRuleError } from '../artworks/status.js';
import { applyStatus, EDITABLE_COLUMNS, toColumnValue } from '../artworks/artworks.service.js';
import { moveArtworks } from '../movements/movements.service.js';
import { assertSite, type AuthUser } from '../users/auth.js';
import type { BatchChange } from './batches.schema.js';

export type BatchOutcome = { id: string; kind: string; matched: number; changed: number; unchanged: number; changedIds: number[] };

class Rollback extends Error {
  constructor(readonly outcome: BatchOutcome) {
    super('preview');
  }
}

/** set and flag are the same operation on a column; the value is checked by the artwork's own field rules. */
function fieldChange(change: BatchChange): { field: string; value: unknown } | null {
  if (change.op === 'flag') return { field: change.flag, value: change.value };
  if (change.op !== 'set') return null;
  const parsed = UpdateArtworkBody.safeParse({ [change.field]: change.value });
  if (!parsed.success) throw validationError(zodToFieldErrors(parsed.error).map((e) => ({ ...e, path: 'change.value' })));
  const value = (parsed.data as Record<string, unknown>)[change.field];
  if (change.field === 'objectType' && value == null) throw validationError([{ path: 'change.value', message: 'Required' }]);
  return { field: change.field, value: value ?? null };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function run(sqlite: Database.Database, ids: number[], change: BatchChange, selection: unknown, user: AuthUser, at: string): BatchOutcome {
  const id = crypto.randomUUID();
  const kind = change.op === 'flag' ? 'set' : change.op;
  const works = ids.map((w) => {
    const r = getArtwork(sqlite, w);
    assertSite(user, r.siteId);
    return r;
  });
  sqlite
    .prepare('insert into batches (id, kind, change, selection, matched, changed, user_id, created_at) values (?, ?, ?, ?, ?, 0, ?, ?)')
    .run(id, kind, JSON.stringify(change), JSON.stringify(selection), ids.length, user.id, at);
  const item = sqlite.prepare('insert into batch_items (batch_id, artwork_id, before, version_after) values (?, ?, ?, ?)');
  const versionOf = sqlite.prepare('select version from artworks where id = ?').pluck();
  const changedIds: number[] = [];

  const fc = fieldChange(change);
  if (fc) {
    if (fc.field === 'projectId' && fc.value != null) {
      const ok = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'projects'").get() && sqlite.prepare('select 1 from projects where id = ?').get(fc.value);
      if (!ok) throw unprocessable('artwork.unknown_project', `Project ${fc.value} does not exist.`, [{ path: 'change.value', message: 'Unknown project' }]);
    }
    const column = EDITABLE_COLUMNS[fc.field]!;
    const update = sqlite.prepare(`update artworks set ${column} = ?, version = version + 1, updated_at = ? where id = ?`);
    for (const w of works) {
      if (same(w[fc.field], fc.value)) continue;
      update.run(toColumnValue(fc.field, fc.value), at, w.id);
      recordAudit(sqlite, { at, userId: user.id, action: 'update', entityType: 'artwork', entityId: w.id, before: { [fc.field]: w[fc.field] }, after: { [fc.field]: fc.value }, batchId: id });
      item.run(id, w.id, JSON.stringify({ [fc.field]: w[fc.field] ?? null }), w.version + 1);
      changedIds.push(w.id);
    }
  } else if (change.op === 'status') {
    for (const w of works) {
      if (w.status === change.status) continue;
      applyStatus(sqlite, w, change, user, at, id);
      const before = { status: w.status, statusNote: w.statusNote, statusChangedAt: w.statusChangedAt, deaccessionDate: w.deaccessionDate, deaccessionRef: w.deaccessionRef, deaccessionReason: w.deaccessionReason };
      item.run(id, w.id, JSON.stringify(before), versionOf.get(w.id));
      changedIds.push(w.id);
    }
  } else if (change.op === 'move') {
    const result = moveArtworks(
      sqlite,
      { artworkIds: ids, toLocationId: change.toLocationId, reason: change.reason, note: change.note ?? null, movedAt: change.movedAt, foundAgain: change.foundAgain, userId: user.id, batchId: id, user },
      at,
    );
    const byId = new Map(works.map((w) => [w.id, w]));
    for (const movedId of result.movedIds) {
      const w = byId.get(movedId)!;
      item.run(id, w.id, JSON.stringify({ locationId: w.locationId, posX: w.posX, posY: w.posY, status: w.status, statusNote: w.statusNote }), versionOf.get(w.id));
      changedIds.push(w.id);
    }
  }
  sqlite.prepare('update batches set changed = ? where id = ?').run(changedIds.length, id);
  return { id, kind, matched: ids.length, changed: changedIds.length, unchanged: ids.length - changedIds.length, changedIds };
}

export function applyBatch(sqlite: Database.Database, ids: number[], change: BatchChange, selection: unknown, user: AuthUser, at: string): BatchOutcome {
  return sqlite.transaction(() => run(sqlite, ids, change, selection, user, at))();
}

/** Runs the batch exactly as it would apply, then rolls it back: the counts (and any rule it breaks) are real. */
export function previewBatch(sqlite: Database.Database, ids: number[], change: BatchChange, user: AuthUser, at: string): BatchOutcome {
  try {
    sqlite.transaction(() => {
      throw new Rollback(run(sqlite, ids, change, null, user, at));
    })();
  } catch (err) {
    if (err instanceof Rollback) return err.outcome;
    throw err;
  }
  throw new Error('unreachable');
}

type BatchRow = { id: string; kind: string; change: string; selection: string | null; matched: number; changed: number; userId: number | null; userName: string | null; createdAt: string; undoneAt: string | null; undoneBy: number | null; undoOf: string | null };

export function getBatch(sqlite: Database.Database, id: string) {
  const row = sqlite
    .prepare(
      `select b.id, b.kind, b.change, b.selection, b.matched, b.changed, b.user_id as userId, u.name as userName, b.created_at as createdAt,
              b.undone_at as undoneAt, b.undone_by as undoneBy, b.undo_of as undoOf
         from batches b left join users u on u.id = b.user_id where b.id = ?`,
    )
    .get(id) as BatchRow | undefined;
  if (!row) throw notFound('batch.not_found', `No batch ${id}.`);
  const changedSince = sqlite
    .prepare('select count(*) from batch_items i join artworks a on a.id = i.artwork_id where i.batch_id = ? and a.version != i.version_after')
    .pluck()
    .get(id) as number;
  return { ...row, change: JSON.parse(row.change), selection: row.selection ? JSON.parse(row.selection) : null, changedSince, undoable: !row.undoneAt && row.kind !== 'undo' && changedSince === 0 };
}

/** Restores every work's previous values, if none of them has changed since the batch. */
export function undoBatch(sqlite: Database.Database, batchId: string, user: AuthUser, at: string): BatchOutcome {
  return sqlite.transaction((): BatchOutcome => {
    const batch = getBatch(sqlite, batchId);
    if (batch.kind === 'undo') throw unprocessable('batch.undo_of_undo', 'An undo cannot itself be undone; make the change again as a new batch.');
    if (batch.undoneAt) throw conflict('batch.already_undone', `This batch was undone ${batch.undoneAt}.`);
    // Undoing a deaccession is leaving `deaccessioned`: the same rule as one work at a time.
    if (batch.kind === 'status' && (batch.change as { status?: string }).status === 'deaccessioned' && user.role !== 'admin') throw statusRuleError('leave_deaccessioned_admin_only');
    const items = sqlite
      .prepare(
        `select i.artwork_id as artworkId, i.before, i.version_after as versionAfter, a.version, a.inventory_number as inventoryNumber, a.site_id as siteId
           from batch_items i join artworks a on a.id = i.artwork_id where i.batch_id = ?`,
      )
      .all(batchId) as { artworkId: number; before: string; versionAfter: number; version: number; inventoryNumber: string; siteId: number | null }[];
    const changed = items.filter((i) => i.version !== i.versionAfter);
    if (changed.length)
      throw conflict('batch.records_changed', `${changed.length} of the batch's works have changed since; the batch can no longer be undone as a whole.`, {
        artworks: changed.slice(0, 100).map((i) => ({ id: i.artworkId, inventoryNumber: i.inventoryNumber, href: `/api/artworks/${i.artworkId}` })),
        changedCount: changed.length,
      });
    for (const i of items) assertSite(user, i.siteId);
    const undoId = crypto.randomUUID();
    sqlite
      .prepare("insert into batches (id, kind, change, selection, matched, changed, user_id, created_at, undo_of) values (?, 'undo', ?, ?, ?, ?, ?, ?, ?)")
      .run(undoId, JSON.stringify({ op: 'undo', batchId }), JSON.stringify({ batchId }), items.length, items.length, user.id, at, batchId);
    const item = sqlite.prepare('insert into batch_items (batch_id, artwork_id, before, version_after) values (?, ?, ?, ?)');
    const versionOf = sqlite.prepare('select version from artworks where id = ?').pluck();

    if (batch.kind === 'move') {
      const groups = new Map<number, { artworkId: number; before: Record<string, unknown> }[]>();
      for (const i of items) {
        const before = JSON.parse(i.before) as { locationId: number | null };
        if (before.locationId == null)
          throw conflict('batch.not_undoable', `Work ${i.inventoryNumber} had no location before the batch; it cannot be moved back to nowhere.`, { artworks: [{ id: i.artworkId, href: `/api/artworks/${i.artworkId}` }] });
        const g = groups.get(before.locationId) ?? [];
        g.push({ artworkId: i.artworkId, before });
        groups.set(before.locationId, g);
      }
      const restore = sqlite.prepare('update artworks set pos_x = ?, pos_y = ?, status = ?, status_note = ? where id = ?');
      for (const [locationId, g] of groups) {
        moveArtworks(sqlite, { artworkIds: g.map((x) => x.artworkId), toLocationId: locationId, reason: `Undo of batch ${batchId}`, userId: user.id, batchId: undoId, foundAgain: true }, at);
        // Back where they were, with the spot and status they had (e.g. on loan), not just what the room implies.
        for (const x of g) restore.run(x.before.posX ?? null, x.before.posY ?? null, x.before.status, x.before.statusNote ?? null, x.artworkId);
      }
    } else {
      for (const i of items) {
        const before = JSON.parse(i.before) as Record<string, unknown>;
        const current = getArtwork(sqlite, i.artworkId);
        const sets: string[] = [];
        const vals: unknown[] = [];
        for (const [field, value] of Object.entries(before)) {
          const column = field === 'status' ? 'status' : field === 'statusNote' ? 'status_note' : field === 'statusChangedAt' ? 'status_changed_at' : field === 'deaccessionDate' ? 'deaccession_date' : field === 'deaccessionRef' ? 'deaccession_ref' : field === 'deaccessionReason' ? 'deaccession_reason' : EDITABLE_COLUMNS[field];
          if (!column) continue;
          sets.push(`${column} = ?`);
          vals.push(toColumnValue(field, value));
        }
        sqlite.prepare(`update artworks set ${[...sets, 'version = version + 1', 'updated_at = ?'].join(', ')} where id = ?`).run(...vals, at, i.artworkId);
        recordAudit(sqlite, { at, userId: user.id, action: 'undo', entityType: 'artwork', entityId: i.artworkId, before: current, after: getArtwork(sqlite, i.artworkId), batchId: undoId });
      }
    }
    for (const i of items) item.run(undoId, i.artworkId, JSON.stringify({}), versionOf.get(i.artworkId));
    sqlite.prepare('update batches set undone_at = ?, undone_by = ? where id = ?').run(at, user.id, batchId);
    return { id: undoId, kind: 'undo', matched: items.length, changed: items.length, unchanged: 0, changedIds: items.map((i) => i.artworkId) };
  })();
}
