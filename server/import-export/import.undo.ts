// Undoing a committed import as a whole, while none of its works has changed since (same idea as batch undo:
// each work's version right after the import must still be its version). Works the import created are removed
// with the movements it gave them; updated works get their previous values, artists and place back, and the
// import's own movement rows are removed (the move is undone, not answered by a new one). One transaction.
import type Database from 'better-sqlite3';
import { recordAudit } from '../audit/audit.js';
import { getArtwork } from '../artworks/artworks.queries.js';
import { EDITABLE_COLUMNS, toColumnValue } from '../artworks/artworks.service.js';
import { inventoryKey } from '../artworks/inventory.js';
import { conflict, notFound } from '../http/errors.js';
import { suspendSearchIndexing } from '../search/bulk-index.js';
import { assertSite, type AuthUser } from '../users/auth.js';

const RESTORE_COLUMNS: Record<string, string> = {
  ...EDITABLE_COLUMNS,
  inventoryNumber: 'inventory_number', locationId: 'location_id', siteId: 'site_id', posX: 'pos_x', posY: 'pos_y', status: 'status', statusNote: 'status_note',
  statusChangedAt: 'status_changed_at', deaccessionDate: 'deaccession_date', deaccessionRef: 'deaccession_ref', deaccessionReason: 'deaccession_reason',
};

export const importBatchId = (importId: number) => `import-${importId}`;

type Item = { artworkId: number; action: 'new' | 'updated'; before: string | null; versionAfter: number; version: number | null; inventoryNumber: string | null; siteId: number | null };

const isForeignKey = (e: unknown) => (e as { code?: string })?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';

export function undoImport(sqlite: Database.Database, importId: number, user: AuthUser, at: string): { removed: number; restored: number; artworkIds: number[] } {
  return sqlite.transaction(() => {
    const imp = sqlite.prepare('select state, undone_at as undoneAt from imports where id = ?').get(importId) as { state: string; undoneAt: string | null } | undefined;
    if (!imp) throw notFound('import.not_found', `No import ${importId}.`);
    if (imp.state === 'undone') throw conflict('import.already_undone', `This import was undone ${imp.undoneAt}.`);
    if (imp.state !== 'committed') throw conflict('import.not_committed', 'Only a committed import can be undone.');
    const items = sqlite
      .prepare(
        `select i.artwork_id as artworkId, i.action, i.before, i.version_after as versionAfter, a.version, a.inventory_number as inventoryNumber, a.site_id as siteId
           from import_items i left join artworks a on a.id = i.artwork_id where i.import_id = ? order by i.artwork_id`,
      )
      .all(importId) as Item[];
    const changed = items.filter((i) => i.version !== i.versionAfter);
    if (changed.length)
      throw conflict('import.records_changed', `${changed.length} of the import's works have changed since; the import can no longer be undone as a whole.`, {
        artworks: changed.slice(0, 100).map((i) => ({ id: i.artworkId, inventoryNumber: i.inventoryNumber, href: `/api/artworks/${i.artworkId}` })),
        changedCount: changed.length,
      });
    for (const i of items) assertSite(user, i.siteId);
    assertNotInUse(sqlite, items.filter((i) => i.action === 'new'));
    // Checked above; deferring the foreign keys lets a work go before its artist links, so the full-text index
    // is not rebuilt for a work that is being removed (the links' trigger finds no work any more).
    sqlite.pragma('defer_foreign_keys = ON');
    // The index entries of removed works go, and restored works are re-indexed, once at the end (see bulk-index.ts).
    const search = suspendSearchIndexing(sqlite, { writes: 'all' });
    const batchId = importBatchId(importId);
    const undoBatch = `undo-${batchId}`;
    // The import's movements, all of them at once: only works it placed have one (new works, and updated works
    // whose `before` holds their place). Per work, the delete would walk the batch's index entries every time.
    sqlite.prepare('delete from movements where batch_id = ?').run(batchId);
    const links = sqlite.prepare('delete from artwork_artists where artwork_id = ?');
    const addLink = sqlite.prepare('insert into artwork_artists (artwork_id, artist_id, role, position) values (?, ?, ?, ?)');
    const delWork = sqlite.prepare('delete from artworks where id = ?');
    let removed = 0;
    let restored = 0;
    for (const i of items) {
      const current = getArtwork(sqlite, i.artworkId);
      if (i.action === 'new') {
        delWork.run(i.artworkId);
        links.run(i.artworkId);
        recordAudit(sqlite, { at, userId: user.id, action: 'delete', entityType: 'artwork', entityId: i.artworkId, before: current, after: null, batchId: undoBatch });
        removed++;
        continue;
      }
      const before = JSON.parse(i.before ?? '{}') as Record<string, unknown>;
      const sets: string[] = [];
      const vals: unknown[] = [];
      for (const [field, value] of Object.entries(before)) {
        const col = RESTORE_COLUMNS[field];
        if (!col) continue;
        sets.push(`${col} = ?`);
        vals.push(field in EDITABLE_COLUMNS ? toColumnValue(field, value) : value);
        if (field === 'inventoryNumber') (sets.push('inventory_key = ?'), vals.push(inventoryKey(value as string)));
      }
      sqlite.prepare(`update artworks set ${[...sets, 'version = version + 1', 'updated_at = ?'].join(', ')} where id = ?`).run(...vals, at, i.artworkId);
      if (Array.isArray(before.artists)) {
        links.run(i.artworkId);
        (before.artists as { artistId: number; role: string }[]).forEach((a, n) => addLink.run(i.artworkId, a.artistId, a.role, n));
      }
      recordAudit(sqlite, { at, userId: user.id, action: 'undo', entityType: 'artwork', entityId: i.artworkId, before: current, after: getArtwork(sqlite, i.artworkId), batchId: undoBatch });
      restored++;
    }
    sqlite.pragma('defer_foreign_keys = OFF');
    search?.forget("select artwork_id from import_items where import_id = ? and action = 'new'", [importId]);
    search?.resume("id in (select artwork_id from import_items where import_id = ? and action = 'updated')", [importId], { replace: true });
    removeCreated(sqlite, importId, user, at, undoBatch);
    sqlite.prepare("update imports set state = 'undone', undone_at = ?, undone_by = ? where id = ?").run(at, user.id, importId);
    recordAudit(sqlite, { at, userId: user.id, action: 'undo', entityType: 'import', entityId: importId, before: { state: 'committed' }, after: { state: 'undone', removed, restored }, batchId: undoBatch });
    return { removed, restored, artworkIds: items.map((i) => i.artworkId) };
  })();
}

/** Works the import created that other records point at since (a check, a round, a treatment) cannot simply go. */
function assertNotInUse(sqlite: Database.Database, created: Item[]): void {
  if (!created.length) return;
  const refs = sqlite
    .prepare(`select m.name as tbl, f."from" as col from sqlite_master m join pragma_foreign_key_list(m.name) f where m.type = 'table' and f."table" = 'artworks'`)
    .all() as { tbl: string; col: string }[];
  const own = new Set(['movements', 'artwork_artists', 'artworks']);
  const ids = JSON.stringify(created.map((i) => i.artworkId));
  const used = new Set<number>();
  for (const r of refs.filter((r) => !own.has(r.tbl)))
    for (const id of sqlite.prepare(`select distinct "${r.col}" from "${r.tbl}" where "${r.col}" in (select value from json_each(?))`).pluck().all(ids) as number[]) used.add(id);
  if (!used.size) return;
  const works = created.filter((i) => used.has(i.artworkId));
  throw conflict('import.records_in_use', `${works.length} of the works the import created have records of their own since (checks, rounds, treatments); the import can no longer be undone as a whole.`, {
    artworks: works.slice(0, 100).map((i) => ({ id: i.artworkId, inventoryNumber: i.inventoryNumber, href: `/api/artworks/${i.artworkId}` })),
    changedCount: works.length,
  });
}

/** Artists and locations the import created go again when nothing uses them any more (deepest locations first). */
function removeCreated(sqlite: Database.Database, importId: number, user: AuthUser, at: string, batchId: string): void {
  const created = sqlite
    .prepare(
      `select c.entity_type as type, c.entity_id as id from import_created c left join locations l on c.entity_type = 'location' and l.id = c.entity_id
        where c.import_id = ? order by c.entity_type, l.depth desc, c.entity_id desc`,
    )
    .all(importId) as { type: 'artist' | 'location'; id: number }[];
  const artistUsed = sqlite.prepare('select 1 from artwork_artists where artist_id = ? limit 1').pluck();
  const locationUsed = sqlite.prepare(
    `select 1 where exists (select 1 from artworks where location_id = @id) or exists (select 1 from locations where parent_id = @id)
        or exists (select 1 from movements where to_location_id = @id or from_location_id = @id)`,
  ).pluck();
  for (const c of created) {
    if (c.type === 'artist' ? artistUsed.get(c.id) : locationUsed.get({ id: c.id })) continue;
    const table = c.type === 'artist' ? 'artists' : 'locations';
    const row = sqlite.prepare(`select * from ${table} where id = ?`).get(c.id) as Record<string, unknown> | undefined;
    if (!row) continue;
    try {
      sqlite.transaction(() => sqlite.prepare(`delete from ${table} where id = ?`).run(c.id))();
      recordAudit(sqlite, { at, userId: user.id, action: 'delete', entityType: c.type, entityId: c.id, before: row, after: null, batchId });
    } catch (e) {
      if (!isForeignKey(e)) throw e;
    }
  }
}
