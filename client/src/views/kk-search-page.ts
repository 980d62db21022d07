// / and /search: one box, results as you type, facets as chips, list or grid, load more,
// and batch editing of the selected works. The whole state lives in the URL.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import '@awesome.me/webawesome/dist/components/input/input.js';
import '@awesome.me/webawesome/dist/components/button/button.js';
import { ApiError } from '../api/client.js';
import { searchArtworks, type SearchFacets, type SearchItem, type SortName } from '../api/search.js';
import type { SessionUser } from '../api/session.js';
import { userContext } from '../context.js';
import { formatNumber } from '../i18n/format.js';
import { facetLabel } from '../i18n/labels.js';
import { navigate } from '../router.js';
import { apiParams, FACET_ORDER, queryFromState, stateFromQuery, toggleFilter, type FilterKey, type SearchState } from '../lib/search-state.js';
import { mapHref } from '../map/map-url.js';
import { pageStyles } from '../styles/shared.js';
import { roleAllows } from '../../../server/users/permissions.js';
import '../components/kk-artwork-list.js';
import type { KkArtworkList } from '../components/kk-artwork-list.js';
import '../components/kk-facet-panel.js';
import { facetValueLabel } from '../components/kk-facet-panel.js';

const DEBOUNCE_MS = 180;

/** The search's filters as a batch selection (the API wants no undefined values). */
function batchQuery(p: Record<string, unknown>): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string | string[]>;
}
const PAGE_SIZE = 50;

type Result = { items: SearchItem[]; total: number; nextCursor: string | null; facets: SearchFacets };

@localized()
@customElement('kk-search-page')
export class KkSearchPage extends LitElement {
  @property({ attribute: false }) query = new URLSearchParams();
  @consume({ context: userContext, subscribe: true }) @state() private _user: SessionUser | null = null;

  @state() private _state: SearchState = stateFromQuery(new URLSearchParams());
  @state() private _typed = '';
  @state() private _result: Result | null = null;
  @state() private _loading = false;
  @state() private _loadingMore = false;
  @state() private _error: ApiError | Error | null = null;
  @state() private _selected = new Set<number>();
  @state() private _allSelected = false;
  @query('kk-artwork-list') private _list?: KkArtworkList;
  @query('#q') private _input?: HTMLElement & { value: string; focus(): void };

  private _abort?: AbortController;
  private _seq = 0;
  private _debounce?: ReturnType<typeof setTimeout>;
  private _lastPushedQ: string | null = null;
  private _firstResultsMarked = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this._onGlobalKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this._onGlobalKey);
    this._abort?.abort();
    clearTimeout(this._debounce);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query')) {
      const next = stateFromQuery(this.query);
      const apiChanged = JSON.stringify(apiParams(next)) !== JSON.stringify(apiParams(this._state)) || !this._result;
      // Keep what is being typed; take the URL's text when it came from elsewhere (back/forward, a link).
      if (next.q !== this._lastPushedQ) this._typed = next.q;
      this._lastPushedQ = null;
      this._state = next;
      if (apiChanged) void this._search(false);
      document.title = `${next.q ? `${next.q} · ` : ''}${msg('Search')} · Konstkoll`;
    }
  }

  private _onGlobalKey = (e: KeyboardEvent): void => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.composedPath()[0] as HTMLElement | undefined;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    e.preventDefault();
    this._input?.focus();
  };

  private _go(next: SearchState, replace = false): void {
    navigate(`${location.pathname === '/search' ? '/search' : '/'}${queryFromState(next)}`, { replace });
  }

  private _onInput(e: Event): void {
    this._typed = (e.target as HTMLInputElement).value;
    clearTimeout(this._debounce);
    this._debounce = setTimeout(() => {
      this._lastPushedQ = this._typed;
      // Typing replaces the history entry: back goes to the previous search, not every keystroke.
      this._go({ ...this._state, q: this._typed, sort: this._typed ? this._state.sort : this._state.sort === 'relevance' ? '' : this._state.sort }, true);
    }, DEBOUNCE_MS);
  }

  private _onSearchKey(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' && this._result?.items.length) {
      e.preventDefault();
      this._list?.focusFirst();
    } else if (e.key === 'Enter') {
      // Enter searches at once (no wait for the debounce).
      clearTimeout(this._debounce);
      if (this._typed !== this._state.q) {
        this._lastPushedQ = this._typed;
        this._go({ ...this._state, q: this._typed }, true);
      } else if (this._result?.items.length) this._list?.focusFirst();
    }
  }

  private async _search(append: boolean): Promise<void> {
    const seq = ++this._seq;
    this._abort?.abort();
    const abort = (this._abort = new AbortController());
    const params = apiParams(this._state);
    if (append) this._loadingMore = true;
    else {
      this._loading = true;
      this._selected = new Set();
      this._allSelected = false;
    }
    try {
      const res = await searchArtworks(
        { ...params, limit: PAGE_SIZE, ...(append ? { cursor: this._result?.nextCursor ?? undefined } : { facets: FACET_ORDER }) },
        abort.signal,
      );
      if (seq !== this._seq) return; // a newer search has started: this answer is stale
      this._error = null;
      this._result = append && this._result
        ? { ...this._result, items: [...this._result.items, ...res.items], nextCursor: res.nextCursor }
        : { items: res.items, total: res.total, nextCursor: res.nextCursor, facets: res.facets ?? {} };
    } catch (e) {
      if ((e as Error).name === 'AbortError' || seq !== this._seq) return;
      this._error = e as Error;
    } finally {
      if (seq === this._seq) {
        this._loading = false;
        this._loadingMore = false;
      }
    }
  }

  protected override updated(): void {
    if (!this._firstResultsMarked && this._result?.items.length) {
      this._firstResultsMarked = true;
      performance.mark('kk-first-results');
    }
  }

  private _toggleFilter(key: FilterKey, value: string): void {
    this._go(toggleFilter(this._state, key, value));
  }

  private _onSelection(e: CustomEvent<{ id: number; selected: boolean }>): void {
    const next = new Set(this._selected);
    if (e.detail.selected) next.add(e.detail.id);
    else next.delete(e.detail.id);
    this._selected = next;
    this._allSelected = false;
  }

  private async _openBatch(): Promise<void> {
    await import('../components/kk-batch-dialog.js');
    const dialog = document.createElement('kk-batch-dialog');
    dialog.selection = this._allSelected ? { query: batchQuery(apiParams(this._state)) } : { ids: [...this._selected] };
    dialog.count = this._allSelected ? (this._result?.total ?? 0) : this._selected.size;
    dialog.addEventListener('kk-batch-applied', () => void this._search(false));
    this.renderRoot.appendChild(dialog);
    dialog.show();
  }

  override render() {
    const canBatch = !!this._user && roleAllows(this._user.role, 'catalogue.write');
    const s = this._state;
    const activeCount = Object.values(s.filters).reduce((n, v) => n + (v?.length ?? 0), 0);
    return html`
      <div class="search-head">
        <h1 class="visually-hidden">${msg('Search the collection')}</h1>
        <div class="box" role="search">
          <wa-input
            id="q"
            type="search"
            size="l"
            .value=${this._typed}
            label=${msg('Search the collection')}
            placeholder=${msg('Title, artist, inventory number, place …')}
            autocomplete="off"
            spellcheck="false"
            enterkeyhint="search"
            with-clear
            @input=${this._onInput}
            @wa-clear=${this._onInput}
            @keydown=${this._onSearchKey}
          >
            <svg slot="start" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><circle cx="11" cy="11" r="7" fill="none" stroke="currentColor" stroke-width="2"/><path d="M20 20l-4-4" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>
          </wa-input>
          <p class="hint muted">${msg('Press / to search, ↓ to move to the results, Enter to open.')}</p>
        </div>
      </div>
      <div class="layout">
        <aside aria-label=${msg('Filters')}>
          <details class="filters" ?open=${matchMedia('(min-width: 901px)').matches}>
            <summary><h2 class="filters-h">${msg('Filters')}${activeCount ? html` <span class="pill">${activeCount}</span>` : nothing}</h2></summary>
            <kk-facet-panel .facets=${this._result?.facets ?? {}} .filters=${s.filters} @kk-filter-toggle=${(e: CustomEvent<{ key: FilterKey; value: string }>) => this._toggleFilter(e.detail.key, e.detail.value)}></kk-facet-panel>
          </details>
        </aside>
        <section class="results" aria-labelledby="results-heading" aria-busy=${this._loading ? 'true' : 'false'}>
          ${this._toolbar(activeCount)}
          ${canBatch && (this._selected.size || this._allSelected) ? this._selectionBar() : nothing}
          ${this._body(canBatch)}
        </section>
      </div>
    `;
  }

  private _toolbar(activeCount: number) {
    const s = this._state;
    const total = this._result?.total;
    return html`<div class="toolbar">
      <h2 id="results-heading" class="count" aria-live="polite">
        ${total === undefined ? msg('Searching…') : total === 1 ? msg('1 work') : msg(str`${formatNumber(total)} works`)}
      </h2>
      <div class="active">
        ${Object.entries(s.filters).flatMap(([key, values]) =>
          (values ?? []).map(
            (v) => html`<button type="button" class="active-chip" @click=${() => this._toggleFilter(key as FilterKey, v)} aria-label=${msg(str`Remove filter ${facetLabel(key)}: ${this._valueLabel(key, v)}`)}>
              <span class="k">${facetLabel(key)}:</span> ${this._valueLabel(key, v)} <span aria-hidden="true">×</span>
            </button>`,
          ),
        )}
        ${activeCount ? html`<button type="button" class="link" @click=${() => this._go({ ...s, filters: {} })}>${msg('Clear filters')}</button>` : nothing}
      </div>
      <div class="controls">
        <a class="map-link" href=${mapHref(s)}>${msg('Show on map')}</a>
        <label class="sort"><span>${msg('Sort')}</span>
          <select @change=${(e: Event) => this._go({ ...s, sort: (e.target as HTMLSelectElement).value as SortName })}>
            ${this._sortOptions().map(([v, label]) => html`<option value=${v} ?selected=${(s.sort || (s.q ? 'relevance' : 'inventory')) === v}>${label}</option>`)}
          </select>
        </label>
        <div class="view" role="group" aria-label=${msg('Show as')}>
          <button type="button" aria-pressed=${s.view === 'list' ? 'true' : 'false'} @click=${() => this._go({ ...s, view: 'list' }, true)}>${msg('List')}</button>
          <button type="button" aria-pressed=${s.view === 'grid' ? 'true' : 'false'} @click=${() => this._go({ ...s, view: 'grid' }, true)}>${msg('Grid')}</button>
        </div>
      </div>
    </div>`;
  }

  private _valueLabel(key: string, v: string): string {
    const bucket = this._result?.facets[key as keyof SearchFacets]?.find((b) => String(b.value ?? 'none') === v);
    return facetValueLabel(key, v === 'none' ? null : v, bucket?.label);
  }

  private _sortOptions(): [SortName, string][] {
    const opts: [SortName, string][] = [
      ['inventory', msg('Inventory number')],
      ['title', msg('Title')],
      ['artist', msg('Artist')],
      ['year', msg('Oldest first')],
      ['-year', msg('Newest first')],
      ['-changed', msg('Recently changed')],
    ];
    return this._state.q ? [['relevance', msg('Best match')], ...opts] : opts;
  }

  private _selectionBar() {
    const total = this._result?.total ?? 0;
    const n = this._allSelected ? total : this._selected.size;
    return html`<div class="selection" role="region" aria-label=${msg('Selection')}>
      <strong>${msg(str`${formatNumber(n)} selected`)}</strong>
      ${!this._allSelected && total > this._selected.size
        ? html`<button type="button" class="link" @click=${() => (this._allSelected = true)}>${msg(str`Select all ${formatNumber(total)} results`)}</button>`
        : nothing}
      <button type="button" class="link" @click=${() => ((this._selected = new Set()), (this._allSelected = false))}>${msg('Clear selection')}</button>
      <wa-button size="s" variant="brand" @click=${this._openBatch}>${msg('Edit selected…')}</wa-button>
    </div>`;
  }

  private _body(canBatch: boolean) {
    if (this._error) {
      return html`<div class="state error-box" role="alert">
        <strong>${msg('The search failed')}</strong>
        ${this._error instanceof ApiError && this._error.status === 400
          ? msg('Some part of the search is not valid. Change the filters or clear them and try again.')
          : msg('Check your connection and try again. If it keeps failing, tell the system administrator.')}
        <p><wa-button size="s" @click=${() => this._search(false)}>${msg('Try again')}</wa-button></p>
      </div>`;
    }
    const r = this._result;
    if (!r) return html`<div class="state" role="status">${msg('Searching…')}</div>`;
    if (!r.items.length) {
      const hasFilters = Object.keys(this._state.filters).length > 0;
      return html`<div class="state">
        <strong>${msg('No works match')}</strong>
        ${this._state.q
          ? msg('Check the spelling, try fewer words or part of a name, or search by inventory number.')
          : msg('No works in the collection match these filters.')}
        ${hasFilters ? html`<p><button type="button" class="link" @click=${() => this._go({ ...this._state, filters: {} })}>${msg('Clear the filters')}</button></p>` : nothing}
      </div>`;
    }
    return html`
      <kk-artwork-list
        class=${this._loading ? 'stale' : ''}
        .items=${r.items}
        mode=${this._state.view}
        label=${msg('Search results')}
        ?selectable=${canBatch}
        .selected=${this._allSelected ? new Set(r.items.map((i) => i.id)) : this._selected}
        @kk-selection-changed=${this._onSelection}
        @kk-list-exit-top=${() => this._input?.focus()}
      ></kk-artwork-list>
      <div class="more">
        ${r.nextCursor
          ? html`<wa-button @click=${() => this._search(true)} ?loading=${this._loadingMore}>${msg(str`Load more (${formatNumber(r.items.length)} of ${formatNumber(r.total)} shown)`)}</wa-button>`
          : r.items.length > 10
            ? html`<span class="muted">${msg(str`All ${formatNumber(r.total)} shown`)}</span>`
            : nothing}
      </div>
    `;
  }

  static override styles = [
    pageStyles,
    css`
      .search-head {
        margin-bottom: var(--kk-space-4);
      }
      .box wa-input {
        max-width: 760px;
      }
      .box wa-input::part(label) {
        font-weight: 600;
        font-size: var(--kk-text-l);
        margin-bottom: 6px;
      }
      .box svg {
        color: var(--kk-text-muted);
      }
      .hint {
        font-size: var(--kk-text-xs);
        margin: 6px 0 0;
      }
      .layout {
        display: grid;
        grid-template-columns: 250px minmax(0, 1fr);
        gap: var(--kk-space-5);
        align-items: start;
      }
      aside {
        position: sticky;
        top: calc(var(--kk-header-h) + 16px);
        max-height: calc(100vh - var(--kk-header-h) - 32px);
        overflow: auto;
        padding-right: 4px;
      }
      .filters summary {
        font-weight: 600;
        cursor: pointer;
        margin-bottom: var(--kk-space-3);
        list-style: none;
      }
      .filters-h {
        display: inline;
        font-size: var(--kk-text-m);
        margin: 0;
      }
      .filters summary::-webkit-details-marker {
        display: none;
      }
      .pill {
        background: var(--kk-brand);
        color: #fff;
        border-radius: 999px;
        padding: 0 7px;
        font-size: var(--kk-text-xs);
      }
      @media (min-width: 901px) {
        .filters summary {
          pointer-events: none;
        }
      }
      @media (max-width: 900px) {
        .layout {
          grid-template-columns: 1fr;
          gap: var(--kk-space-3);
        }
        aside {
          position: static;
          max-height: none;
          overflow: visible;
        }
        .filters {
          background: var(--kk-surface);
          border: 1px solid var(--kk-border);
          border-radius: var(--kk-radius-lg);
          padding: 10px 14px;
        }
        .filters summary {
          margin: 0;
        }
        .filters summary::before {
          content: '▸ ';
        }
        .filters[open] summary {
          margin-bottom: var(--kk-space-3);
        }
        .filters[open] summary::before {
          content: '▾ ';
        }
        .hint {
          display: none;
        }
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--kk-space-2) var(--kk-space-4);
        margin-bottom: var(--kk-space-3);
      }
      .count {
        margin: 0;
        font-size: var(--kk-text-l);
        font-variant-numeric: tabular-nums;
      }
      .active {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        flex: 1;
        align-items: center;
      }
      .active-chip {
        font: inherit;
        font-size: var(--kk-text-s);
        border: 1px solid var(--kk-brand);
        background: var(--kk-brand-soft);
        color: var(--kk-brand-strong);
        border-radius: 999px;
        padding: 2px 10px;
        cursor: pointer;
      }
      .active-chip .k {
        opacity: 0.8;
      }
      .link {
        font: inherit;
        font-size: var(--kk-text-s);
        border: 0;
        background: none;
        color: var(--kk-link);
        text-decoration: underline;
        text-underline-offset: 2px;
        cursor: pointer;
        padding: 2px 4px;
      }
      .controls {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--kk-space-3);
        margin-left: auto;
      }
      .map-link {
        font-size: var(--kk-text-s);
        white-space: nowrap;
      }
      .sort {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        font-size: var(--kk-text-s);
        color: var(--kk-text-muted);
      }
      select {
        font: inherit;
        font-size: var(--kk-text-s);
        padding: 5px 8px;
        border: 1px solid var(--kk-border-strong);
        border-radius: var(--kk-radius);
        background: var(--kk-surface);
        color: var(--kk-text);
      }
      .view {
        display: inline-flex;
        border: 1px solid var(--kk-border-strong);
        border-radius: var(--kk-radius);
        overflow: hidden;
      }
      .view button {
        font: inherit;
        font-size: var(--kk-text-s);
        border: 0;
        background: var(--kk-surface);
        color: var(--kk-text);
        padding: 5px 10px;
        cursor: pointer;
      }
      .view button + button {
        border-left: 1px solid var(--kk-border-strong);
      }
      .view button[aria-pressed='true'] {
        background: var(--kk-text);
        color: #fff;
      }
      .selection {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--kk-space-3);
        background: var(--kk-brand-soft);
        border: 1px solid #b9cfee;
        border-radius: var(--kk-radius-lg);
        padding: 8px 12px;
        margin-bottom: var(--kk-space-3);
        position: sticky;
        top: calc(var(--kk-header-h) + 8px);
        z-index: 5;
      }
      .selection wa-button {
        margin-left: auto;
      }
      kk-artwork-list.stale {
        opacity: 0.6;
        transition: opacity 0.2s 0.15s;
      }
      .more {
        display: flex;
        justify-content: center;
        padding: var(--kk-space-4) 0;
      }
      .state.error-box {
        text-align: left;
      }
      .state.error-box strong {
        color: var(--kk-danger);
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-search-page': KkSearchPage;
  }
}
