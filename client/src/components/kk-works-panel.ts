// <kk-works-panel>: the works matching a fixed filter (a site's, a room's, an artist's),
// with a count, list/grid switch, "load more" and a link to the same search on the search page.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import '@awesome.me/webawesome/dist/components/button/button.js';
import { searchArtworks, type SearchItem, type SearchParams } from '../api/search.js';
import { formatNumber } from '../i18n/format.js';
import './kk-artwork-list.js';

@localized()
@customElement('kk-works-panel')
export class KkWorksPanel extends LitElement {
  /** The filter, e.g. { site: ['12'] } or { artist: ['7'] }. */
  @property({ attribute: false }) filter: SearchParams = {};
  @property() heading = '';
  @state() private _more: SearchItem[] = [];
  @state() private _cursor: string | null = null;
  @state() private _mode: 'list' | 'grid' = 'list';
  @state() private _loadingMore = false;

  private _task = new Task(this, {
    // The filter goes in as JSON: a new object with the same content must not search again.
    task: async ([filter], { signal }) => {
      const r = await searchArtworks({ ...(JSON.parse(filter) as SearchParams), sort: 'title', limit: 50 }, signal);
      this._more = [];
      this._cursor = r.nextCursor;
      return r;
    },
    args: () => [JSON.stringify(this.filter)] as const,
  });

  private async _loadMore(): Promise<void> {
    if (!this._cursor) return;
    this._loadingMore = true;
    try {
      const r = await searchArtworks({ ...this.filter, sort: 'title', limit: 50, cursor: this._cursor });
      this._more = [...this._more, ...r.items];
      this._cursor = r.nextCursor;
    } finally {
      this._loadingMore = false;
    }
  }

  private _searchHref(): string {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(this.filter)) if (v !== undefined) p.set(k, Array.isArray(v) ? v.join(',') : String(v));
    return `/search?${p.toString().replace(/%2C/gi, ',')}`;
  }

  override render() {
    return html`<section aria-labelledby="works-h">
      ${this._task.render({
        pending: () => html`<h2 id="works-h">${this.heading}</h2><p class="muted" role="status">${msg('Loading…')}</p>`,
        error: () => html`<h2 id="works-h">${this.heading}</h2><p class="error-box" role="alert">${msg('The works could not be loaded. Try again later.')}</p>`,
        complete: (r) => {
          const items = [...r.items, ...this._more];
          return html`<div class="head">
              <h2 id="works-h">${this.heading} <span class="count">${formatNumber(r.total)}</span></h2>
              <div class="tools">
                <a href=${this._searchHref()}>${msg('Open in search')}</a>
                <div class="view" role="group" aria-label=${msg('Show as')}>
                  <button type="button" aria-pressed=${this._mode === 'list' ? 'true' : 'false'} @click=${() => (this._mode = 'list')}>${msg('List')}</button>
                  <button type="button" aria-pressed=${this._mode === 'grid' ? 'true' : 'false'} @click=${() => (this._mode = 'grid')}>${msg('Grid')}</button>
                </div>
              </div>
            </div>
            ${items.length
              ? html`<kk-artwork-list .items=${items} mode=${this._mode} label=${this.heading}></kk-artwork-list>`
              : html`<p class="muted empty">${msg('No works here.')}</p>`}
            ${this._cursor
              ? html`<div class="more"><wa-button ?loading=${this._loadingMore} @click=${this._loadMore}>${msg(str`Load more (${formatNumber(items.length)} of ${formatNumber(r.total)} shown)`)}</wa-button></div>`
              : nothing}`;
        },
      })}
    </section>`;
  }

  static override styles = css`
    :host {
      display: block;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--kk-space-3);
      margin-bottom: var(--kk-space-3);
    }
    h2 {
      font-size: var(--kk-text-l);
      margin: 0;
    }
    .count {
      font-weight: 500;
      color: var(--kk-text-muted);
      font-size: var(--kk-text-m);
      margin-left: 4px;
    }
    .tools {
      display: flex;
      align-items: center;
      gap: var(--kk-space-3);
    }
    a {
      color: var(--kk-link);
      font-size: var(--kk-text-s);
    }
    a:focus-visible,
    button:focus-visible {
      outline: 2px solid var(--kk-focus);
      outline-offset: 2px;
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
      padding: 4px 10px;
      cursor: pointer;
    }
    .view button[aria-pressed='true'] {
      background: var(--kk-text);
      color: #fff;
    }
    .muted {
      color: var(--kk-text-muted);
    }
    .empty {
      padding: var(--kk-space-4);
      background: var(--kk-surface);
      border: 1px dashed var(--kk-border);
      border-radius: var(--kk-radius-lg);
    }
    .error-box {
      border: 1px solid var(--kk-danger);
      background: var(--kk-danger-soft);
      color: var(--kk-danger);
      border-radius: var(--kk-radius);
      padding: 10px 14px;
    }
    .more {
      display: flex;
      justify-content: center;
      padding: var(--kk-space-4) 0;
    }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-works-panel': KkWorksPanel;
  }
}
