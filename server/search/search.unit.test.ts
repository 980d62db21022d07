import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ACQUISITION_METHODS, ARTWORK_STATUSES, OBJECT_TYPES } from '../../db/schema/artworks.js';
import { foldText, MAX_CLAUSES, parseUserQuery, toFtsMatch } from './fts-query.js';
import { SEARCH_ACQUISITION_METHODS, SEARCH_OBJECT_TYPES, SEARCH_STATUSES } from './search.schema.js';
import { buildSnippet, escapeHtml } from './snippet.js';
import { sortKey } from './sort-keys.js';

// A real FTS5 table with the production tokenizer: every expression we build must parse.
const sqlite = new Database(':memory:');
sqlite.exec(`create virtual table t using fts5(title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
  insert into t (rowid, title, body) values
    (1, 'Den blå dörren', 'Olja på duk av Göran Löwenströmska'),
    (2, 'Dörren är blå', 'NEAR the door: "quoted" (parens) - dash * star'),
    (3, 'x', 'AND OR NOT near title body');`);
const run = (q: string) => {
  const expr = toFtsMatch(parseUserQuery(q));
  return expr === null ? null : (sqlite.prepare('select rowid from t where t match ? order by rowid').pluck().all(expr) as number[]);
};

describe('FTS query sanitiser', () => {
  it.each([
    '"', '""', '"""', '"blå', 'blå"', '*', '**', 'a*b*', '(', ')', '(a OR b)', 'NEAR', 'NEAR(a b, 2)', 'a NEAR/2 b', '-', '-dörr', 'dörr-',
    ':', 'title:blå', '{title body}: x', '^blå', 'AND', 'OR', 'NOT', 'a AND', 'OR b', '+blå', "'", '\\', '%', '_', '\u0000', '😀', '\u200b',
    'a'.repeat(1000), 'ab '.repeat(333), 'ß', 'İ', 'ﬁ',
  ])('%j never produces an FTS syntax error', (q) => {
    expect(() => run(q)).not.toThrow();
  });

  it('treats operators and punctuation as plain words', () => {
    expect(run('NEAR')).toEqual([2, 3]);
    expect(run('AND OR NOT')).toEqual([3]);
    expect(run('"quoted" (parens) - dash * star')).toEqual([2]);
    expect(run('title:blå')).toEqual([]); // "title" is a word to look for, not a column filter
  });

  it('folds diacritics and matches prefixes while typing', () => {
    expect(run('lowenstromska')).toEqual([1]);
    expect(run('LÖWENSTR')).toEqual([1]);
    expect(run('goran')).toEqual([1]);
    expect(run('dor')).toEqual([1, 2]);
  });

  it('matches a quoted phrase in order, and an unclosed one as a phrase being typed', () => {
    expect(run('"blå dörren"')).toEqual([1]);
    expect(run('"dörren är"')).toEqual([2]);
    expect(run('"blå dörr"')).toEqual([]);
    expect(run('"blå dörr')).toEqual([1]);
  });

  it('returns null for text without words, and caps the number of words', () => {
    expect(toFtsMatch(parseUserQuery('  "" *** ((  '))).toBeNull();
    const many = parseUserQuery(Array.from({ length: 100 }, (_, i) => `w${i}`).join(' '));
    expect(many.clauses).toHaveLength(MAX_CLAUSES);
    expect(many.truncated).toBe(true);
  });

  it('folds Nordic letters the way a Swede types them without a Swedish keyboard', () => {
    expect(foldText('Göran Ölvebro Åsa Ærø Søren Straße')).toBe('goran olvebro asa aero soren strasse');
  });
});

describe('snippets', () => {
  it('marks matched words and escapes everything else', () => {
    const clauses = parseUserQuery('fonster').clauses;
    expect(buildSnippet(['<img src=x onerror=alert(1)> Fönster & "dörr"'], clauses)).toBe('&lt;img src=x onerror=alert(1)&gt; <mark>Fönster</mark> &amp; &quot;dörr&quot;');
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });

  it('cuts long texts to a window around the first match', () => {
    const text = Array.from({ length: 60 }, (_, i) => (i === 40 ? 'Kvarnhjulet' : `ord${i}`)).join(' ');
    const s = buildSnippet([text], parseUserQuery('kvarn').clauses, 10)!;
    expect(s.startsWith('… ')).toBe(true);
    expect(s.endsWith(' …')).toBe(true);
    expect(s).toContain('<mark>Kvarnhjulet</mark>');
    expect(s.split(' ').filter((w) => w.startsWith('ord')).length).toBeLessThanOrEqual(9);
  });

  it('picks the field with the most matched words', () => {
    const clauses = parseUserQuery('blå dörr').clauses;
    expect(buildSnippet(['en blå himmel', 'Den blå dörren'], clauses)).toBe('Den <mark>blå</mark> <mark>dörren</mark>');
    expect(buildSnippet(['nothing here'], clauses)).toBeNull();
  });
});

describe('sort keys', () => {
  it('order Swedish titles with å, ä, ö after z and numbers naturally', () => {
    const titles = ['Öga', 'apa', 'Åker', 'Zebra', 'Ängel', 'Émile', '"Citat"', 'Bild 10', 'Bild 9'];
    expect([...titles].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))).toEqual(['apa', 'Bild 9', 'Bild 10', '"Citat"', 'Émile', 'Zebra', 'Åker', 'Ängel', 'Öga']);
    expect(sortKey(null) > sortKey('Öga')).toBe(true);
  });
});

describe('search contracts', () => {
  it('mirror the database enums (the schema file may import nothing but zod)', () => {
    expect(SEARCH_STATUSES).toEqual(ARTWORK_STATUSES);
    expect(SEARCH_OBJECT_TYPES).toEqual(OBJECT_TYPES);
    expect(SEARCH_ACQUISITION_METHODS).toEqual(ACQUISITION_METHODS);
  });
});

describe('the search index', () => {
  it('folds ø, æ and ß like the query side, and stays in sync with renames', async () => {
    const { openDatabase, migrateDatabase } = await import('../../db/connection.js');
    const db = openDatabase(':memory:');
    migrateDatabase(db);
    const s = db.$client;
    const now = new Date().toISOString();
    s.prepare("insert into artists (id, name, sort_name, name_key, created_at, updated_at) values (1, 'Søren Kjær', 'Kjær, Søren', 'soren kjaer', ?, ?)").run(now, now);
    s.prepare("insert into artworks (id, inventory_number, inventory_key, title, object_type, status, created_at, updated_at) values (1, 'SLL 1', 'sll1', 'Ærøskøbing', 'painting', 'in_place', ?, ?)").run(now, now);
    s.prepare('insert into artwork_artists (artwork_id, artist_id) values (1, 1)').run();
    const find = (q: string) => s.prepare('select rowid from artworks_fts where artworks_fts match ?').pluck().all(toFtsMatch(parseUserQuery(q))!);
    expect(find('soren kjaer')).toEqual([1]);
    expect(find('Søren')).toEqual([1]);
    expect(find('aeroskobing')).toEqual([1]);
    s.prepare("update artists set name = 'Søren Strauß' where id = 1").run();
    expect(find('kjaer')).toEqual([]);
    expect(find('strauss')).toEqual([1]);
    s.prepare('delete from artwork_artists').run();
    expect(find('strauss')).toEqual([]);
    db.$client.close();
  });
});
