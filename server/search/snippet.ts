// Snippets: a short window of the field that matched best, HTML-escaped, with the matched words in
// <mark>. Built here rather than with FTS5 snippet() so that user-entered text is always escaped and
// only our own <mark> tags are markup.
import { foldText, type Clause } from './fts-query.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

type Token = { text: string; start: number; end: number; folded: string };
const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;

const foldedChars = new Map<string, string>();
/** Folds a word character by character (memoised): snippets fold thousands of words per page. */
function foldWord(word: string): string {
  let out = '';
  for (const ch of word) {
    let f = foldedChars.get(ch);
    if (f === undefined) {
      f = foldText(ch);
      if (foldedChars.size < 10_000) foldedChars.set(ch, f);
    }
    out += f;
  }
  return out;
}

function tokens(s: string): Token[] {
  const out: Token[] = [];
  for (const m of s.matchAll(TOKEN)) out.push({ text: m[0], start: m.index!, end: m.index! + m[0].length, folded: foldWord(m[0]) });
  return out;
}

/** Which words of the query a token satisfies (prefix or exact, like the FTS expression). */
function matcher(clauses: Clause[]): (folded: string) => boolean {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const c of clauses)
    c.words.forEach((w, i) => {
      if (c.prefix && i === c.words.length - 1) prefixes.push(w);
      else exact.add(w);
    });
  return (f) => exact.has(f) || prefixes.some((p) => f.startsWith(p));
}

/**
 * The best field (most matched words; earlier fields win ties) cut to about `maxWords` words
 * around the first match; null when no field contains a match.
 */
export function buildSnippet(fields: (string | null | undefined)[], clauses: Clause[], maxWords = 24): string | null {
  const hit = matcher(clauses);
  const terms = clauses.flatMap((c) => c.words);
  let best: { text: string; toks: Token[]; hits: number[]; distinct: number } | null = null;
  for (const text of fields) {
    if (!text) continue;
    // Cheap pre-check on the whole folded field; only candidates are cut into tokens.
    const folded = foldWord(text);
    if (!terms.some((t) => folded.includes(t))) continue;
    const toks = tokens(text);
    const hits = toks.flatMap((t, i) => (hit(t.folded) ? [i] : []));
    const distinct = new Set(hits.map((i) => toks[i]!.folded)).size;
    if (distinct && (!best || distinct > best.distinct)) best = { text, toks, hits, distinct };
    // Every word of the query is here: no later field can do better.
    if (best && best.distinct >= terms.length) break;
  }
  if (!best) return null;
  const { text, toks, hits } = best;
  const first = Math.max(0, Math.min(hits[0]! - 4, toks.length - maxWords));
  const last = Math.min(toks.length - 1, first + maxWords - 1);
  const from = first === 0 ? 0 : toks[first]!.start;
  const to = last === toks.length - 1 ? text.length : toks[last]!.end;
  const hitSet = new Set(hits);
  let out = first > 0 ? '… ' : '';
  let pos = from;
  for (let i = first; i <= last; i++) {
    const t = toks[i]!;
    out += escapeHtml(text.slice(pos, t.start));
    out += hitSet.has(i) ? `<mark>${escapeHtml(t.text)}</mark>` : escapeHtml(t.text);
    pos = t.end;
  }
  out += escapeHtml(text.slice(pos, to));
  if (to < text.length) out += ' …';
  return out.replace(/\s+/g, ' ').trim();
}
