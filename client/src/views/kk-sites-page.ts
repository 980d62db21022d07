// /sites — every site (hospital, care centre, station, store …) with its work count, grouped by
// kind; each opens into its buildings, floors and rooms.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import '@awesome.me/webawesome/dist/components/input/input.js';
import { listSites, type LocationNode } from '../api/locations.js';
import { formatNumber } from '../i18n/format.js';
import { siteTypeLabel } from '../i18n/labels.js';
import { navigate } from '../router.js';
import { pageStyles } from '../styles/shared.js';
import '../components/kk-location-tree.js';
import { loadingState, loadFailedState } from '../components/load-states.js';

const COLLAPSED = 10;
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

@localized()
@customElement('kk-sites-page')
export class KkSitesPage extends LitElement {
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _filter = '';
  @state() private _expanded = new Set<string>();

  private _sites = new Task(this, {
    task: ([], { signal }) => listSites(signal),
    args: () => [],
  });

  override connectedCallback(): void {
    super.connectedCallback();
    document.title = `${msg('Sites')} · Konstkoll`;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('query')) this._filter = this.query.get('q') ?? '';
  }

  private _onFilter(e: Event): void {
    this._filter = (e.target as HTMLInputElement).value;
    navigate(`/sites${this._filter ? `?q=${encodeURIComponent(this._filter)}` : ''}`, { replace: true });
  }

  override render() {
    return html`
      <h1>${msg('Sites')}</h1>
      <p class="muted">${msg('Where the collection is: hospitals, care centres, metro stations and stores. Open a site to see its buildings, floors and rooms.')}</p>
      <wa-input class="filter" type="search" label=${msg('Find a site')} .value=${this._filter} @input=${this._onFilter} with-clear autocomplete="off"></wa-input>
      ${this._sites.render({
        pending: () => loadingState(),
        error: () => loadFailedState(msg('The sites could not be loaded')),
        complete: (r) => this._groups(r.items),
      })}
    `;
  }

  private _groups(sites: LocationNode[]) {
    const f = fold(this._filter.trim());
    const shown = f ? sites.filter((s) => fold(`${s.name} ${s.code ?? ''} ${s.municipality ?? ''}`).includes(f)) : sites;
    if (!shown.length) return html`<div class="state"><strong>${msg('No site matches')}</strong>${msg('Try another part of the name, or clear the box.')}</div>`;
    const groups = new Map<string, LocationNode[]>();
    for (const s of shown) groups.set(s.siteType ?? 'other', [...(groups.get(s.siteType ?? 'other') ?? []), s]);
    const total = shown.reduce((n, s) => n + s.worksCount, 0);
    return html`<p class="summary">${msg(str`${formatNumber(shown.length)} sites, ${formatNumber(total)} works`)}</p>
      <div class="groups">
        ${[...groups.entries()]
          .sort((a, b) => b[1].length - a[1].length)
          .map(([type, list]) => {
            // Long groups (99 metro stations) show the largest sites first, the rest on request.
            const open = !!f || this._expanded.has(type) || list.length <= COLLAPSED;
            const shownList = open ? list : [...list].sort((a, b) => b.worksCount - a.worksCount).slice(0, COLLAPSED);
            return html`<section class="card" aria-labelledby="g-${type}">
              <h2 id="g-${type}">${siteTypeLabel(type)} <span class="muted">${formatNumber(list.length)}</span></h2>
              <kk-location-tree .nodes=${shownList} label=${siteTypeLabel(type)}></kk-location-tree>
              ${open ? '' : html`<button type="button" class="more" @click=${() => (this._expanded = new Set(this._expanded).add(type))}>${msg(str`Show all ${formatNumber(list.length)}`)}</button>`}
            </section>`;
          })}
      </div>`;
  }

  static override styles = [
    pageStyles,
    css`
      .filter {
        max-width: 420px;
        margin: var(--kk-space-4) 0;
      }
      .summary {
        color: var(--kk-text-muted);
      }
      .groups {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(420px, 1fr));
        gap: var(--kk-space-4);
        align-items: start;
      }
      @media (max-width: 600px) {
        .groups {
          grid-template-columns: 1fr;
        }
      }
      .more {
        font: inherit;
        border: 0;
        background: none;
        color: var(--kk-link);
        text-decoration: underline;
        text-underline-offset: 2px;
        cursor: pointer;
        margin: 6px 0 0 28px;
        padding: 2px 4px;
      }
      h2 .muted {
        font-weight: 500;
        font-size: var(--kk-text-m);
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-sites-page': KkSitesPage;
  }
}
