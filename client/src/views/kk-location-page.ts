// /sites/:id and /locations/:id — a place: its path, what is inside it (with counts) and its works.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { ApiError } from '../api/client.js';
import { getLocation, type LocationDetail } from '../api/locations.js';
import { formatNumber } from '../i18n/format.js';
import { locationKindLabel, siteTypeLabel } from '../i18n/labels.js';
import { pageStyles } from '../styles/shared.js';
import '../components/kk-location-tree.js';
import '../components/kk-location-path.js';
import '../components/kk-works-panel.js';
import { loadingState, loadFailedState, notFoundState } from '../components/load-states.js';

@localized()
@customElement('kk-location-page')
export class KkLocationPage extends LitElement {
  @property({ attribute: false }) params: { id?: string } = {};

  private _loc = new Task(this, {
    task: async ([id], { signal }) => {
      const l = await getLocation(Number(id), signal);
      document.title = `${l.name} · Konstkoll`;
      return l;
    },
    args: () => [this.params.id] as const,
  });

  override render() {
    return this._loc.render({
      pending: () => loadingState(),
      error: (e) =>
        (e as ApiError).status === 404
          ? notFoundState(msg('No such place'), '/sites', msg('All sites'))
          : (e as ApiError).status === 403
            ? html`<div class="state"><strong>${msg('Not available to you')}</strong>${msg('Your account is limited to other sites.')}</div>`
            : loadFailedState(msg('The place could not be loaded')),
      complete: (l) => this._page(l),
    });
  }

  private _page(l: LocationDetail) {
    const filter = l.kind === 'site' ? { site: [String(l.id)] } : { location: [String(l.id)] };
    return html`
      <nav class="crumbs" aria-label=${msg('Breadcrumbs')}><a href="/sites">${msg('Sites')}</a>
        ${l.pathNodes.slice(0, -1).map((n) => html` <span aria-hidden="true">/</span> <a href=${n.kind === 'site' ? `/sites/${n.id}` : `/locations/${n.id}`}>${n.name}</a>`)}
      </nav>
      <header>
        <p class="kind">${l.kind === 'site' ? siteTypeLabel(l.siteType) : locationKindLabel(l.kind)}${l.code ? html` · <span class="mono">${l.code}</span>` : nothing}</p>
        <h1>${l.name}</h1>
        <p class="muted">${[l.address, l.municipality].filter(Boolean).join(', ')}
          ${l.kind === 'floor' ? html` <a href="/floors/${l.id}">${msg('Open the floor plan')}</a>` : nothing}
        </p>
        <p class="stats">${msg(str`${formatNumber(l.worksCount)} works here and below`)}${l.worksHere && l.kind !== 'room' ? html` · ${msg(str`${formatNumber(l.worksHere)} directly in this place`)}` : nothing}</p>
      </header>
      <div class="layout">
        ${l.children.length
          ? html`<section class="card tree" aria-labelledby="inside-h">
              <h2 id="inside-h">${msg('Inside')}</h2>
              <kk-location-tree .nodes=${l.children} label=${msg('Inside')}></kk-location-tree>
            </section>`
          : nothing}
        <kk-works-panel .filter=${filter} heading=${msg('Works')}></kk-works-panel>
      </div>
    `;
  }

  static override styles = [
    pageStyles,
    css`
      .crumbs {
        font-size: var(--kk-text-s);
        color: var(--kk-text-muted);
        margin-bottom: var(--kk-space-3);
      }
      header {
        margin-bottom: var(--kk-space-5);
      }
      header p {
        margin: 0 0 4px;
      }
      .kind {
        font-size: var(--kk-text-xs);
        text-transform: uppercase;
        letter-spacing: 0.05em;
        color: var(--kk-text-muted);
      }
      .mono {
        font-family: var(--kk-font-mono);
      }
      .stats {
        font-weight: 500;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(260px, 360px) minmax(0, 1fr);
        gap: var(--kk-space-5);
        align-items: start;
      }
      .layout > kk-works-panel:only-child {
        grid-column: 1 / -1;
      }
      @media (max-width: 900px) {
        .layout {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-location-page': KkLocationPage;
  }
}
