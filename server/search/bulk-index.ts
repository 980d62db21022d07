// Bulk writes of works (the demo seed, a large import) without per-row re-indexing.
//
// The full-text index (db/migrations/*_search_fts.sql) and the change logs are kept by triggers
// that fire on every insert into artworks and artwork_artists: right for single edits, but they
// triple the time of a bulk insert. Inside the caller's transaction the insert triggers are
// dropped; resume() then indexes the given works in one INSERT … SELECT from the same view the
// triggers read, writes the change logs as the triggers would, and re-creates the triggers from
// their stored SQL. Nobody else sees the gap (one transaction; a crash rolls the drop back too).
// When the index is not there, or its shape is not the one this code knows, nothing is suspended
// and the triggers simply run.
import type Database from 'better-sqlite3';

const REQUIRED = ['artworks_search_ai', 'artwork_artists_search_ai'];
/** Text-change log triggers (migration 0017); suspended too when present. */
const OPTIONAL = ['artworks_text_ai', 'artwork_artists_text_ai'];

export type SuspendedIndexing = {
  /**
   * Indexes the works that `where` selects (an SQL condition on artworks' `id`, with its parameters).
   * `replace`: some of them were indexed before (updated works), so their old entries go first.
   */
  resume: (where: string, params?: unknown[], opts?: { replace?: boolean }) => void;
};

/** Must be called inside a transaction; returns null when indexing stays per row. */
export function suspendSearchIndexing(sqlite: Database.Database): SuspendedIndexing | null {
  const has = (name: string) => (sqlite.prepare('select count(*) from sqlite_master where name = ?').pluck().get(name) as number) > 0;
  if (!sqlite.inTransaction) throw new Error('suspendSearchIndexing needs a transaction');
  if (!has('artworks_fts') || !has('artwork_search_doc')) return null;
  const ftsCols = sqlite.prepare("select name from pragma_table_info('artworks_fts')").pluck().all() as string[];
  const docCols = sqlite.prepare("select name from pragma_table_info('artwork_search_doc')").pluck().all() as string[];
  if (docCols[0] !== 'id' || ftsCols.join() !== docCols.slice(1).join()) return null;
  const names = [...REQUIRED, ...OPTIONAL];
  const triggers = sqlite.prepare(`select name, sql from sqlite_master where type = 'trigger' and name in (${names.map(() => '?').join(',')})`).all(...names) as { name: string; sql: string }[];
  if (!REQUIRED.every((n) => triggers.some((t) => t.name === n))) return null;
  for (const t of triggers) sqlite.exec(`drop trigger "${t.name}"`);
  return {
    resume(where, params = [], opts = {}) {
      const cols = ftsCols.map((c) => `"${c}"`).join(', ');
      if (opts.replace) sqlite.prepare(`delete from artworks_fts where rowid in (select id from artworks where ${where})`).run(...params);
      sqlite.prepare(`insert into artworks_fts (rowid, ${cols}) select id, ${cols} from artwork_search_doc where ${where}`).run(...params);
      if (has('search_changes')) sqlite.prepare(`insert or replace into search_changes (entity, entity_id) select 'artwork', id from artworks where ${where}`).run(...params);
      if (has('search_text_changes')) sqlite.prepare(`insert or replace into search_text_changes (artwork_id) select id from artworks where ${where}`).run(...params);
      for (const t of triggers) sqlite.exec(t.sql);
    },
  };
}
