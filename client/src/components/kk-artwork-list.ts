// <kk-artwork-list>: search results (or any list of works) as rows or a thumbnail grid.
// Used by the search page and by the site, location and artist pages (and the map's site panel).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { localized, msg, str } from '@lit/localize';
import type { SearchItem } from '../api/search.js';
import { objectTypeLabel } from '../i18n/labels.js';
import { renderSnippet, snippetText } from '../lib/snippet.js';
import './kk-status-badge.js';

export type SelectionChangedEvent = CustomEvent<{ id: number; selected: boolean }>;

/**
 * A list of works; every row is a link to the work.
 * Arrow keys move between rows (and across in grid mode), Enter opens.
 * @event kk-selection-changed - a row's checkbox was toggled; detail: { id, selected }
 * @event kk-list-exit-top - ArrowUp on the first row (the search page moves focus back to the box)
 */
@localized()
@customElement('kk-artwork-list')
export class KkArtworkList extends LitElement {
  @property({ attribute: false }) items: SearchItem[] = [];
  /** 'list' rows or a 'grid' of thumbnails. */
  @property({ reflect: true }) mode: 'list' | 'grid' = 'list';
  /** Show a checkbox per row (batch editing). */
  @property({ type: Boolean }) selectable = false;
  @property({ attribute: false }) selected: ReadonlySet<number> = new Set();
  /** Accessible name of the list. */
  @property() label = '';

  /** Focuses the first work (the search box's ArrowDown). */
  focusFirst(): void {
    this.renderRoot.querySelector<HTMLElement>('a.work')?.focus();
  }

  private _links(): HTMLAnchorElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLAnchorElement>('a.work')];
  }

  private _onKeydown(e: KeyboardEvent): void {
    const links = this._links();
    const i = links.indexOf(this.shadowRoot!.activeElement as HTMLAnchorElement);
    if (i < 0) return;
    let perRow = 1;
    if (this.mode === 'grid' && links.length > 1) {
      const top = links[0]!.getBoundingClientRect().top;
      perRow = Math.max(1, links.filter((l) => l.getBoundingClientRect().top === top).length);
    }
    let next = i;
    if (e.key === 'ArrowDown') next = i + perRow;
    else if (e.key === 'ArrowUp') next = i - perRow;
    else if (e.key === 'ArrowRight' && this.mode === 'grid') next = i + 1;
    else if (e.key === 'ArrowLeft' && this.mode === 'grid') next = i - 1;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = links.length - 1;
    else return;
    e.preventDefault();
    if (next < 0) {
      this.dispatchEvent(new CustomEvent('kk-list-exit-top', { bubbles: true, composed: true }));
      return;
    }
    links[Math.min(next, links.length - 1)]?.focus();
  }

  private _toggle(id: number, e: Event): void {
    const selected = (e.target as HTMLInputElement).checked;
    this.dispatchEvent(new CustomEvent('kk-selection-changed', { detail: { id, selected }, bubbles: true, composed: true }));
  }

  override render() {
    return html`<ul role="list" aria-label=${this.label || nothing} @keydown=${this._onKeydown}>
      ${repeat(this.items, (w) => w.id, (w) => (this.mode === 'grid' ? this._card(w) : this._row(w)))}
    </ul>`;
  }

  private _thumb(w: SearchItem, size: 'row' | 'card') {
    const bg = { background: w.dominantColor ?? 'var(--kk-surface-sunken)' };
    return html`<span class="thumb ${size}" style=${styleMap(bg)} aria-hidden="true">
      ${w.thumb ? html`<img src=${w.thumb} alt="" loading="lazy" decoding="async" />` : html`<svg viewBox="0 0 24 24"><path d="M4 18l5-6 4 4 2-2 5 4" fill="none" stroke="currentColor" stroke-width="1.5"/></svg>`}
    </span>`;
  }

  private _dating(w: SearchItem): string {
    if (w.datingText) return w.datingText;
    if (w.yearFrom && w.yearTo && w.yearTo !== w.yearFrom) return `${w.yearFrom}–${w.yearTo}`;
    return w.yearFrom ? String(w.yearFrom) : '';
  }

  private _checkbox(w: SearchItem) {
    if (!this.selectable) return nothing;
    return html`<label class="select"><input type="checkbox" .checked=${this.selected.has(w.id)} @change=${(e: Event) => this._toggle(w.id, e)} /><span class="visually-hidden">${msg(str`Select ${w.title}`)}</span></label>`;
  }

  private _row(w: SearchItem) {
    const dating = this._dating(w);
    // Where the search hit: highlight it in place when it is the title or the artists.
    const plain = w.snippet ? snippetText(w.snippet) : '';
    const hit = !w.snippet ? null : plain === w.title ? 'title' : plain === w.artists ? 'artists' : 'other';
    return html`<li class="row ${this.selected.has(w.id) ? 'is-selected' : ''}">
      ${this._checkbox(w)}
      <a class="work" href="/works/${w.id}">
        ${this._thumb(w, 'row')}
        <span class="main">
          <span class="title">${hit === 'title' ? renderSnippet(w.snippet!) : w.title}</span>
          <span class="artists">${hit === 'artists' ? renderSnippet(w.snippet!) : w.artists || msg('Unknown artist')}</span>
          ${hit === 'other' ? html`<span class="snippet">${renderSnippet(w.snippet!)}</span>` : nothing}
        </span>
        <span class="meta">
          <span class="inv">${w.inventoryNumber}</span>
          <span class="muted">${objectTypeLabel(w.objectType)}${dating ? html` · ${dating}` : nothing}</span>
        </span>
        <span class="place">${w.locationPathText ?? w.siteName ?? html`<span class="muted">${msg('No location')}</span>`}</span>
        <span class="state">
          <kk-status-badge status=${w.status}></kk-status-badge>
          ${w.lastGrade ? html`<kk-status-badge .grade=${w.lastGrade}></kk-status-badge>` : nothing}
        </span>
      </a>
    </li>`;
  }

  private _card(w: SearchItem) {
    return html`<li class="card ${this.selected.has(w.id) ? 'is-selected' : ''}">
      <a class="work" href="/works/${w.id}">
        ${this._thumb(w, 'card')}
        <span class="title">${w.title}</span>
        <span class="artists">${w.artists || msg('Unknown artist')}</span>
        <span class="inv">${w.inventoryNumber}</span>
      </a>
      ${this._checkbox(w)}
    </li>`;
  }

  static override styles = css`
    :host {
      display: block;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    a.work {
      color: inherit;
      text-decoration: none;
    }
    a.work:focus-visible {
      outline: 2px solid var(--kk-focus);
      outline-offset: -2px;
      border-radius: var(--kk-radius);
    }
    .muted {
      color: var(--kk-text-muted);
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .thumb {
      display: grid;
      place-items: center;
      overflow: hidden;
      border-radius: 4px;
      color: #8893a0;
      flex: none;
    }
    .thumb img {
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    .thumb svg {
      width: 60%;
      height: 60%;
    }
    .thumb.row {
      width: 48px;
      height: 48px;
    }
    /* List rows */
    :host([mode='list']) ul {
      background: var(--kk-surface);
      border: 1px solid var(--kk-border);
      border-radius: var(--kk-radius-lg);
      overflow: hidden;
    }
    .row {
      display: flex;
      align-items: center;
      border-top: 1px solid var(--kk-border);
    }
    .row:first-child {
      border-top: 0;
    }
    .row:hover,
    .row.is-selected {
      background: #f3f6fa;
    }
    .row.is-selected {
      background: var(--kk-brand-soft);
    }
    .select {
      display: grid;
      place-items: center;
      padding: 0 4px 0 12px;
      align-self: stretch;
      cursor: pointer;
    }
    .select input {
      width: 16px;
      height: 16px;
      accent-color: var(--kk-brand);
      margin: 0;
    }
    .row a.work {
      flex: 1;
      min-width: 0;
      display: grid;
      grid-template-columns: 48px minmax(0, 2.2fr) minmax(0, 1.1fr) minmax(0, 1.6fr) 130px;
      gap: 14px;
      align-items: center;
      padding: 8px 14px;
    }
    .main,
    .meta {
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    .title {
      font-weight: 600;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .row .title {
      color: var(--kk-link);
    }
    .artists {
      color: var(--kk-text-muted);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .snippet {
      font-size: var(--kk-text-s);
      color: var(--kk-text-muted);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    mark {
      background: #fff0b3;
      color: inherit;
      border-radius: 2px;
    }
    .inv {
      font-family: var(--kk-font-mono);
      font-size: var(--kk-text-s);
    }
    .meta .muted {
      font-size: var(--kk-text-s);
    }
    .place {
      font-size: var(--kk-text-s);
      color: var(--kk-text-muted);
      overflow: hidden;
      display: -webkit-box;
      -webkit-line-clamp: 2;
      -webkit-box-orient: vertical;
    }
    .state {
      display: flex;
      flex-direction: column;
      align-items: flex-end;
      gap: 4px;
    }
    @media (max-width: 860px) {
      .row a.work {
        grid-template-columns: 48px minmax(0, 1fr) auto;
        grid-template-areas: 'thumb main state' 'thumb meta state';
        row-gap: 2px;
      }
      .row .thumb {
        grid-area: thumb;
      }
      .row .main {
        grid-area: main;
      }
      .row .meta {
        grid-area: meta;
        flex-direction: row;
        gap: 8px;
        flex-wrap: wrap;
      }
      .row .place {
        display: none;
      }
      .row .state {
        grid-area: state;
      }
    }
    @media (max-width: 600px) {
      .select {
        padding: 0 0 0 10px;
      }
      .row a.work {
        grid-template-columns: 44px minmax(0, 1fr);
        grid-template-areas: 'thumb main' 'thumb meta' 'thumb state';
        gap: 2px 12px;
        padding: 10px 12px;
        align-items: start;
      }
      .thumb.row {
        width: 44px;
        height: 44px;
      }
      .row .title,
      .row .artists {
        white-space: normal;
        display: -webkit-box;
        -webkit-line-clamp: 2;
        -webkit-box-orient: vertical;
      }
      .row .state {
        flex-direction: row;
        align-items: center;
        gap: 10px;
        margin-top: 4px;
      }
    }
    /* Grid of cards */
    :host([mode='grid']) ul {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
      gap: var(--kk-space-4);
    }
    @media (max-width: 600px) {
      :host([mode='grid']) ul {
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: var(--kk-space-3);
      }
    }
    .card {
      position: relative;
      background: var(--kk-surface);
      border: 1px solid var(--kk-border);
      border-radius: var(--kk-radius-lg);
      overflow: hidden;
    }
    .card.is-selected {
      border-color: var(--kk-brand);
      box-shadow: 0 0 0 1px var(--kk-brand);
    }
    .card a.work {
      display: flex;
      flex-direction: column;
      gap: 2px;
      padding-bottom: 10px;
      height: 100%;
    }
    .thumb.card {
      width: 100%;
      aspect-ratio: 4 / 3;
      border-radius: 0;
      margin-bottom: 8px;
    }
    .thumb.card img {
      object-fit: contain;
    }
    .card .title,
    .card .artists,
    .card .inv {
      padding: 0 10px;
    }
    .card .artists {
      font-size: var(--kk-text-s);
    }
    .card .inv {
      font-size: var(--kk-text-xs);
      color: var(--kk-text-muted);
    }
    .card .select {
      position: absolute;
      top: 6px;
      left: 6px;
      padding: 6px;
      background: rgb(255 255 255 / 90%);
      border-radius: 4px;
    }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-artwork-list': KkArtworkList;
  }
  interface HTMLElementEventMap {
    'kk-selection-changed': SelectionChangedEvent;
  }
}
