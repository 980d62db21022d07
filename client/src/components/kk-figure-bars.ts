// <kk-figure-bars>: labelled counts with proportional bars; every count is a link to the list of
// works behind it (the dashboard's rule: each number opens the search that produces it).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { formatNumber } from '../i18n/format.js';

export type FigureBar = { key: string; label: string; count: number; href: string | null; color?: string; note?: string };

@localized()
@customElement('kk-figure-bars')
export class KkFigureBars extends LitElement {
  @property({ attribute: false }) items: FigureBar[] = [];
  /** Accessible name of the list. */
  @property() label = '';

  override render() {
    const max = Math.max(1, ...this.items.map((i) => i.count));
    return html`<ul aria-label=${this.label}>
      ${this.items.map(
        (i) => html`<li data-key=${i.key}>
          <span class="label">${i.label}${i.note ? html` <span class="note">${i.note}</span>` : nothing}</span>
          <span class="bar" aria-hidden="true"><span style="width:${(100 * i.count) / max}%;${i.color ? `background:${i.color}` : ''}"></span></span>
          ${i.href
            ? html`<a class="n" href=${i.href} aria-label=${msg(str`${i.label}: ${formatNumber(i.count)} works, show them`)}>${formatNumber(i.count)}</a>`
            : html`<span class="n">${formatNumber(i.count)}</span>`}
        </li>`,
      )}
    </ul>`;
  }

  static override styles = css`
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 6px;
    }
    li {
      display: grid;
      grid-template-columns: minmax(8em, 40%) 1fr auto;
      align-items: center;
      gap: var(--kk-space-2);
      font-size: var(--kk-text-m);
    }
    .label {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .note {
      color: var(--kk-text-muted);
      font-size: var(--kk-text-xs);
    }
    .bar {
      height: 10px;
      background: var(--kk-surface-sunken);
      border-radius: 5px;
      overflow: hidden;
    }
    .bar > span {
      display: block;
      height: 100%;
      background: var(--kk-brand);
      border-radius: 5px;
    }
    .n {
      font-variant-numeric: tabular-nums;
      text-align: right;
      min-width: 4ch;
      font-weight: 600;
    }
    a.n {
      color: var(--kk-link);
    }
    a:focus-visible {
      outline: 2px solid var(--kk-focus);
      outline-offset: 2px;
      border-radius: 3px;
    }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-figure-bars': KkFigureBars;
  }
}
