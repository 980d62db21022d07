// Bulk writes of works (the demo seed, a large import and its undo) without per-row re-indexing.
//
// The full-text index (db/migrations/*_search_fts.sql) and the change logs are kept by triggers
// that fire on every insert into artworks and artwork_artists: right for single edits, but they
// triple the time of a bulk insert. Inside the caller's transaction the insert triggers are
// dropped (with `writes: 'all'` the update and delete triggers too); resume() then indexes the given
// works in one INSERT … SELECT from the same view the triggers read, writes the change logs as the
// triggers would, and re-creates the triggers from their stored SQL. Nobody else sees the gap (one
// transaction; a crash rolls the drop back too). When the index is not there, or its shape is not
// the one this code knows, nothing is suspended and the triggers simply run.
import type Database from 'better-sqlite3';
import { BulkInsert } from '../../db/bulk-insert.js';

const REQUIRED = ['artworks_search_ai', 'artwork_artists_search_ai'];
/** Text-change log triggers (migration 0017); suspended too when present. */
const OPTIONAL = ['artworks_text_ai', 'artwork_artists_text_ai'];
/** Suspended with `writes: 'all'`: every other trigger of the two tables that feeds the index or the change logs. */
const UPDATES = [
  'artworks_search_au_text', 'artworks_search_au', 'artworks_search_ad', 'artworks_text_au', 'artworks_text_ad',
  'artwork_artists_search_au', 'artwork_artists_search_ad', 'artwork_artists_text_au', 'artwork_artists_text_ad',
];

export type SuspendOptions = {
  /**
   * 'inserts' (the default): only the insert triggers; updates still re-index per row.
   * 'all': updates and deletes of artworks and artwork_artists too. The caller must then name in resume()
   * every work it inserted, updated or relinked, and in forget() every work it deleted.
   */
  writes?: 'inserts' | 'all';
};

export type SuspendedIndexing = {
  /**
   * Indexes the works that `where` selects (an SQL condition on artworks' `id`, with its parameters),
   * logs them as changed, and re-creates the triggers. `replace`: some of them were indexed before
   * (updated works), so their old entries go first.
   */
  resume: (where: string, params?: unknown[], opts?: { replace?: boolean }) => void;
  /**
   * Works deleted while indexing was suspended (`select` is an SQL query of their ids, with its parameters):
   * their index entries go and they are logged as changed. Call before resume().
   */
  forget: (select: string, params?: unknown[]) => void;
  /**
   * Indexes a work whose document the caller built (searchDoc, in the index's column order) instead of reading
   * the view; resume() logs it as changed. The `where` given to resume() must not select it again.
   */
  insert: (id: number, doc: readonly string[]) => void;
  /**
   * Indexes works from a query of their ids and documents (columns: id, then the index's columns in order), and
   * logs as changed the works `ids` selects (a query of one column); as insert(), for many works in one statement.
   */
  insertSelect: (select: string, ids: string, params?: unknown[]) => void;
};

const hasObject = (sqlite: Database.Database, name: string) => (sqlite.prepare('select count(*) from sqlite_master where name = ?').pluck().get(name) as number) > 0;

/**
 * The full-text index's columns, when the index and its document view have the shape this code knows (bulk writes
 * may then index works themselves); null when indexing must stay with the triggers.
 */
export function searchIndexColumns(sqlite: Database.Database): string[] | null {
  if (!hasObject(sqlite, 'artworks_fts') || !hasObject(sqlite, 'artwork_search_doc')) return null;
  const ftsCols = sqlite.prepare("select name from pragma_table_info('artworks_fts')").pluck().all() as string[];
  const docCols = sqlite.prepare("select name from pragma_table_info('artwork_search_doc')").pluck().all() as string[];
  return docCols[0] === 'id' && ftsCols.join() === docCols.slice(1).join() ? ftsCols : null;
}

/** Must be called inside a transaction; returns null when indexing stays per row. */
export function suspendSearchIndexing(sqlite: Database.Database, opts: SuspendOptions = {}): SuspendedIndexing | null {
  const has = (name: string) => hasObject(sqlite, name);
  if (!sqlite.inTransaction) throw new Error('suspendSearchIndexing needs a transaction');
  const ftsCols = searchIndexColumns(sqlite);
  if (!ftsCols) return null;
  const names = [...REQUIRED, ...OPTIONAL, ...(opts.writes === 'all' ? UPDATES : [])];
  const triggers = sqlite.prepare(`select name, sql from sqlite_master where type = 'trigger' and name in (${names.map(() => '?').join(',')})`).all(...names) as { name: string; sql: string }[];
  if (!REQUIRED.every((n) => triggers.some((t) => t.name === n))) return null;
  for (const t of triggers) sqlite.exec(`drop trigger "${t.name}"`);
  const logs = { changes: has('search_changes'), text: has('search_text_changes') };
  /** Logs the works of `ids` (a query of one column) as changed, as the triggers would. */
  const log = (ids: string, params: unknown[]) => {
    if (logs.changes) sqlite.prepare(`with w(id) as (${ids}) insert or replace into search_changes (entity, entity_id) select 'artwork', id from w`).run(...params);
    if (logs.text) sqlite.prepare(`with w(id) as (${ids}) insert or replace into search_text_changes (artwork_id) select id from w`).run(...params);
  };
  let restore: (() => void) | null = null;
  const bulkSettings = () => (restore ??= bulkFtsSettings(sqlite));
  const direct = new BulkInsert(sqlite, 'artworks_fts', ['rowid', ...ftsCols.map((c) => `"${c}"`)]);
  const directIds: number[] = [];
  const selected: [string, unknown[]][] = [];
  return {
    resume(where, params = [], ropts = {}) {
      const cols = ftsCols.map((c) => `"${c}"`).join(', ');
      if (ropts.replace) sqlite.prepare(`delete from artworks_fts where rowid in (select id from artworks where ${where})`).run(...params);
      bulkSettings();
      direct.flush();
      sqlite.prepare(`insert into artworks_fts (rowid, ${cols}) select id, ${cols} from artwork_search_doc where ${where}`).run(...params);
      restore!();
      log(`select id from artworks where ${where}`, params);
      if (directIds.length) log('select value from json_each(?)', [JSON.stringify(directIds)]);
      for (const [ids, p] of selected) log(ids, p);
      for (const t of triggers) sqlite.exec(t.sql);
    },
    forget(select, params = []) {
      sqlite.prepare(`delete from artworks_fts where rowid in (${select})`).run(...params);
      log(select, params);
    },
    insert(id, doc) {
      bulkSettings();
      direct.push(id, ...doc);
      directIds.push(id);
    },
    insertSelect(select, ids, params = []) {
      bulkSettings();
      direct.flush();
      sqlite.prepare(`insert into artworks_fts (rowid, ${ftsCols.map((c) => `"${c}"`).join(', ')}) ${select}`).run(...params);
      selected.push([ids, params]);
    },
  };
}

/**
 * FTS5 settings for one large insert, put back before the transaction ends (they are stored in the index):
 * no incremental merging of segments while the rows go in, and a 4 MB instead of 1 MB buffer before a segment is
 * written. 60,000 works index in 1.1 s instead of 1.5 s, as a handful of extra segments that later writes merge.
 */
const BULK_FTS = { automerge: 0, hashsize: 4 * 1024 * 1024 };
const FTS_DEFAULTS: Record<string, number> = { automerge: 4, hashsize: 1024 * 1024 };
function bulkFtsSettings(sqlite: Database.Database): () => void {
  // Integers inlined: bound JavaScript numbers arrive as floats, which FTS5 refuses for its settings.
  const set = (k: string, v: number) => sqlite.prepare(`insert into artworks_fts (artworks_fts, rank) values ('${k}', ${Math.trunc(v)})`).run();
  const stored = new Map(sqlite.prepare("select k, v from artworks_fts_config where k in ('automerge', 'hashsize')").raw().all() as [string, number][]);
  const changed: string[] = [];
  for (const [k, v] of Object.entries(BULK_FTS)) {
    try {
      set(k, v);
      changed.push(k);
    } catch {
      // An SQLite without this setting: index with what it has.
    }
  }
  return () => {
    for (const k of changed) set(k, Number(stored.get(k) ?? FTS_DEFAULTS[k]));
  };
}
