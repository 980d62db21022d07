// <kk-site-panel>: the side panel of a site on the map — its counts, checks due, floors (with links
// to their plans) and its works matching the current filters, in the search's list component.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { getSiteSummary, type SiteProperties, type SiteSummary } from '../api/map.js';
import { searchArtworks } from '../api/search.js';
import { formatNumber } from '../i18n/format.js';
import { statusLabel, STATUSES } from '../i18n/labels.js';
import { apiParams, queryFromState, type SearchState } from '../lib/search-state.js';
import { pageStyles } from '../styles/shared.js';
import '../components/kk-artwork-list.js';
import '../components/kk-status-badge.js';
import { siteTypeLabel } from './map-labels.js';

const WORKS_SHOWN = 20;

/**
 * @event kk-panel-close - the close button was pressed
 */
@localized()
@customElement('kk-site-panel')
export class KkSitePanel extends LitElement {
  @property({ type: Number }) siteId = 0;
  /** The map's current search state: the works listed are the ones the map counts. */
  @property({ attribute: false }) filters: SearchState = { q: '', filters: {}, sort: '', view: 'list' };
  /** The site's marker properties when it is on screen (counts by status, attention). */
  @property({ attribute: false }) feature: SiteProperties | null = null;

  private _summary = new Task(this, {
    task: ([id], { signal }) => getSiteSummary(id, signal),
    args: () => [this.siteId] as const,
  });

  private _works = new Task(this, {
    task: ([id, state], { signal }) => searchArtworks({ ...apiParams(state), sort: undefined, site: [String(id)], limit: WORKS_SHOWN }, signal),
    args: () => [this.siteId, this.filters] as const,
  });

  /** Moves focus to the panel's heading (after a site was chosen with the keyboard). */
  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private _searchHref(extra: Partial<SearchState['filters']>): string {
    const s = this.filters;
    return `/search${queryFromState({ ...s, sort: '', view: 'list', filters: { ...s.filters, site: [String(this.siteId)], ...extra } })}`;
  }

  override render() {
    const summary = this._summary.value;
    return html`<aside aria-labelledby="site-name">
      <div class="panel-head">
        <h2 id="site-name" tabindex="-1">${summary?.name ?? this.feature?.name ?? msg('Site')}</h2>
        <button type="button" class="close" aria-label=${msg('Close')} @click=${() => this.dispatchEvent(new CustomEvent('kk-panel-close', { bubbles: true, composed: true }))}>×</button>
      </div>
      ${summary ? html`<p class="muted meta">${[siteTypeLabel(summary.siteType), summary.municipality].filter(Boolean).join(' · ')}</p>` : nothing}
      ${this._counts()}
      ${this._summary.render({
        pending: () => html`<p class="muted">${msg('Loading…')}</p>`,
        complete: (s) => this._floors(s),
        error: () => html`<p class="error-box" role="alert">${msg('The site could not be loaded.')}</p>`,
      })}
      <section aria-labelledby="works-h">
        <h3 id="works-h">${msg('Works')}</h3>
        ${this._works.render({
          pending: () => html`<p class="muted">${msg('Loading…')}</p>`,
          complete: (r) =>
            r.items.length
              ? html`<kk-artwork-list .items=${r.items} mode="grid" label=${msg('Works at this site')}></kk-artwork-list>
                  <p><a href=${this._searchHref({})}>${r.total > r.items.length ? msg(str`Show all ${formatNumber(r.total)} in the list`) : msg('Show in the list')}</a></p>`
              : html`<p class="muted">${msg('No works here match the filters.')}</p>`,
          error: () => html`<p class="error-box" role="alert">${msg('The works could not be loaded.')}</p>`,
        })}
      </section>
    </aside>`;
  }

  private _counts() {
    const f = this.feature;
    if (!f) return nothing;
    return html`<section class="counts" aria-label=${msg('Counts')}>
      <p class="big">${f.count === 1 ? msg('1 work') : msg(str`${formatNumber(f.count)} works`)}</p>
      <ul class="statuses">
        ${STATUSES.filter((s) => f.byStatus[s]).map((s) => html`<li><kk-status-badge status=${s}></kk-status-badge> ${formatNumber(f.byStatus[s]!)}</li>`)}
      </ul>
      <p>
        ${msg(str`${Math.round(f.attention * 100)} % need attention`)}
        ${f.worstGrade ? html` · ${msg('worst condition')} <kk-status-badge .grade=${f.worstGrade}></kk-status-badge>` : nothing}
      </p>
      <p>
        ${f.dueSoon
          ? html`<a href=${this._searchHref({ due: ['overdue', 'due30'] })}>${msg(str`${formatNumber(f.dueSoon)} checks due within 30 days`)}</a>`
          : msg('No checks due within 30 days')}
      </p>
    </section>`;
  }

  private _floors(s: SiteSummary) {
    if (!s.floors.length) return html`<p class="muted">${msg('No floors registered.')}</p>`;
    return html`<section aria-labelledby="floors-h">
      <h3 id="floors-h">${msg('Floors')}</h3>
      <ul class="floors">
        ${s.floors.map(
          (f) => html`<li>
            <a href="/floors/${f.id}">${f.buildingName} · ${f.name}</a>
            <span class="muted">${msg(str`${formatNumber(f.works)} works, ${formatNumber(f.placed)} placed`)}${f.hasPlan ? nothing : html` · ${msg('no plan')}`}</span>
          </li>`,
        )}
      </ul>
      <p><a href="/sites/${s.id}">${msg('Site page')}</a></p>
    </section>`;
  }

  static override styles = [
    pageStyles,
    css`
      :host {
        display: block;
        max-width: none;
        margin: 0;
        padding: var(--kk-space-4);
        overflow: auto;
        background: var(--kk-surface);
      }
      .panel-head {
        display: flex;
        align-items: start;
        justify-content: space-between;
        gap: var(--kk-space-2);
      }
      h2 {
        margin: 0;
        outline: none;
      }
      .close {
        font-size: 22px;
        line-height: 1;
        border: 1px solid var(--kk-border);
        background: var(--kk-surface);
        border-radius: var(--kk-radius);
        width: 34px;
        height: 34px;
        cursor: pointer;
        flex: none;
      }
      .meta {
        margin: 2px 0 var(--kk-space-3);
      }
      .counts .big {
        font-size: var(--kk-text-l);
        font-weight: 650;
        margin: 0 0 var(--kk-space-2);
      }
      .counts p {
        margin: 0 0 var(--kk-space-2);
      }
      .statuses {
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: 6px 12px;
        padding: 0;
        margin: 0 0 var(--kk-space-2);
      }
      .floors {
        list-style: none;
        padding: 0;
        margin: 0 0 var(--kk-space-2);
        max-height: 220px;
        overflow: auto;
      }
      .floors li {
        display: flex;
        flex-direction: column;
        padding: 5px 0;
        border-bottom: 1px solid var(--kk-border);
        font-size: var(--kk-text-s);
      }
      section {
        margin-top: var(--kk-space-4);
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-site-panel': KkSitePanel;
  }
}
