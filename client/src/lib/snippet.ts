// The server's search snippet is escaped text with <mark> around hits; it is turned into
// text and <mark> parts here instead of being trusted as HTML.
import { html, type TemplateResult } from 'lit';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (m) => ENTITIES[m] ?? m);

export function renderSnippet(snippet: string): TemplateResult[] {
  const parts = snippet.split(/(<mark>.*?<\/mark>)/g);
  return parts.map((p) => (p.startsWith('<mark>') ? html`<mark>${unescape(p.slice(6, -7))}</mark>` : html`${unescape(p)}`));
}

/** The snippet without its marks, as plain text. */
export const snippetText = (snippet: string): string => unescape(snippet.replace(/<\/?mark>/g, ''));
