// User text → a safe FTS5 MATCH expression. User text is never passed through as FTS syntax:
// it is cut into words (letters and digits only) and every word or quoted phrase is re-emitted
// as a double-quoted FTS string, so `"`, `*`, `(`, `NEAR`, `-`, `:` are just text.

/** At most this many words/phrases take part; a pasted paragraph should not become a 500-way AND. */
export const MAX_CLAUSES = 24;

/**
 * Folds like the index does: lower-case, diacritics removed (unicode61 remove_diacritics 2), plus the
 * Nordic letters that Unicode does not decompose (ø, æ …), which the index folds in SQL the same way.
 */
export function foldText(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[øæœłðþß]/g, (c) => FOLD_EXTRA[c] ?? c);
}
const FOLD_EXTRA: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', ð: 'd', þ: 'th', ß: 'ss' };

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** The words of a text as the tokenizer sees them (folded). */
export function words(s: string): string[] {
  return (foldText(s).match(WORD) ?? []).filter(Boolean);
}

/** One AND-ed part of the query: a single word or a phrase; `prefix` = its last word may be incomplete. */
export type Clause = { words: string[]; prefix: boolean };

export type ParsedQuery = { clauses: Clause[]; truncated: boolean };

/**
 * Bare words match as prefixes ("lowenstr" finds "Löwenströmska" while typing); a phrase in
 * closed quotes matches exactly; an unclosed quote is a phrase still being typed (prefix on its last word).
 */
export function parseUserQuery(q: string): ParsedQuery {
  const clauses: Clause[] = [];
  const parts = q.split('"');
  parts.forEach((part, i) => {
    const quoted = i % 2 === 1;
    const closed = quoted && i < parts.length - 1;
    const ws = words(part);
    if (!ws.length) return;
    if (quoted) clauses.push({ words: ws, prefix: !closed });
    else for (const w of ws) clauses.push({ words: [w], prefix: true });
  });
  const unique = dedupe(clauses);
  return { clauses: unique.slice(0, MAX_CLAUSES), truncated: unique.length > MAX_CLAUSES };
}

function dedupe(clauses: Clause[]): Clause[] {
  const seen = new Set<string>();
  return clauses.filter((c) => {
    const key = `${c.prefix ? 1 : 0}:${c.words.join(' ')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The MATCH expression, optionally limited to some columns; null when the text has no words. */
export function toFtsMatch(parsed: ParsedQuery, columns?: readonly string[]): string | null {
  if (!parsed.clauses.length) return null;
  const body = parsed.clauses.map((c) => quote(c.words.join(' ')) + (c.prefix ? '*' : '')).join(' AND ');
  return columns?.length ? `{${columns.join(' ')}} : (${body})` : body;
}

/** True when the whole query is one prefix of at most `n` characters ("s", "st"): such queries match most of the collection. */
export function isShortPrefix(parsed: ParsedQuery, n = 2): boolean {
  return parsed.clauses.length === 1 && parsed.clauses[0]!.prefix && parsed.clauses[0]!.words.length === 1 && parsed.clauses[0]!.words[0]!.length <= n;
}
