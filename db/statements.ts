// Prepared statements cached per connection by their SQL text. Preparing costs 20–60 µs a time,
// which adds up on paths that run on every write (a condition check prepares a dozen statements).
// A statement's mode is part of the key, because pluck()/raw() change the shared statement.
import type Database from 'better-sqlite3';

type Mode = 'rows' | 'pluck' | 'raw';
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();
/** SQL built from a variable part (e.g. a column list) stays bounded; past this the cache starts over. */
const MAX_STATEMENTS = 500;

export function stmt(sqlite: Database.Database, sql: string, mode: Mode = 'rows'): Database.Statement {
  let cache = caches.get(sqlite);
  if (!cache) caches.set(sqlite, (cache = new Map()));
  const key = mode + '\u0000' + sql;
  let s = cache.get(key);
  if (!s) {
    if (cache.size >= MAX_STATEMENTS) cache.clear();
    s = sqlite.prepare(sql);
    if (mode === 'pluck') s.pluck();
    if (mode === 'raw') s.raw();
    cache.set(key, s);
  }
  return s;
}
