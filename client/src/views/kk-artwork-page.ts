// /works/:id — one work: pictures, catalogue fields, location, condition, movements, history,
// and the actions the user's role allows.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import '@awesome.me/webawesome/dist/components/button/button.js';
import '@awesome.me/webawesome/dist/components/tab-group/tab-group.js';
import '@awesome.me/webawesome/dist/components/tab/tab.js';
import '@awesome.me/webawesome/dist/components/tab-panel/tab-panel.js';
import { ApiError } from '../api/client.js';
import { getArtwork, labelUrl, reportUrl, type ArtworkDetail } from '../api/artworks.js';
import type { SessionUser } from '../api/session.js';
import { userContext } from '../context.js';
import { formatDate } from '../i18n/format.js';
import { navigate } from '../router.js';
import { pageStyles } from '../styles/shared.js';
import { roleAllows } from '../../../server/users/permissions.js';
import '../components/kk-image-gallery.js';
import '../components/kk-artwork-fields.js';
import '../components/kk-condition-panel.js';
import '../components/kk-history-list.js';
import '../components/kk-status-badge.js';
import '../components/kk-location-path.js';
import { loadingState, loadFailedState } from '../components/load-states.js';

const TABS = ['catalogue', 'condition', 'movements', 'history'] as const;
type Tab = (typeof TABS)[number];

@localized()
@customElement('kk-artwork-page')
export class KkArtworkPage extends LitElement {
  @property({ attribute: false }) params: { id?: string } = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @consume({ context: userContext, subscribe: true }) @state() private _user: SessionUser | null = null;

  private _work = new Task(this, {
    task: async ([id], { signal }) => {
      const w = await getArtwork(Number(id), signal);
      document.title = `${w.title} (${w.inventoryNumber}) · Konstkoll`;
      return w;
    },
    args: () => [this.params.id] as const,
  });

  private get _tab(): Tab {
    const t = this.query.get('tab') as Tab | null;
    return t && TABS.includes(t) ? t : 'catalogue';
  }

  private _onTab(e: CustomEvent<{ name: string }>): void {
    const name = e.detail.name as Tab;
    if (name === this._tab) return;
    navigate(`/works/${this.params.id}${name === 'catalogue' ? '' : `?tab=${name}`}`, { replace: true });
  }

  private async _open(kind: 'move' | 'check' | 'upload', w: ArtworkDetail): Promise<void> {
    let dialog: HTMLElement & { work: ArtworkDetail; show(): void };
    if (kind === 'move') {
      await import('../components/kk-move-dialog.js');
      dialog = document.createElement('kk-move-dialog');
    } else if (kind === 'check') {
      await import('../components/kk-check-dialog.js');
      dialog = document.createElement('kk-check-dialog');
    } else {
      await import('../components/kk-upload-dialog.js');
      dialog = document.createElement('kk-upload-dialog');
    }
    dialog.work = w;
    dialog.addEventListener('kk-saved', () => void this._work.run());
    this.renderRoot.appendChild(dialog);
    dialog.show();
  }

  override render() {
    return this._work.render({
      pending: () => (this._work.value ? this._page(this._work.value) : loadingState()),
      error: (e) => this._error(e),
      complete: (w) => this._page(w),
    });
  }

  private _error(e: unknown) {
    const err = e as ApiError;
    if (err.status === 404) return html`<div class="state"><strong>${msg('No such work')}</strong>${msg('It may have been removed, or the link is wrong.')} <a href="/">${msg('Go to search')}</a></div>`;
    if (err.status === 403) return html`<div class="state"><strong>${msg('Not available to you')}</strong>${msg('Your account is limited to other sites.')}</div>`;
    return loadFailedState(msg('The work could not be loaded'));
  }

  private _actions(w: ArtworkDetail) {
    const role = this._user?.role;
    const catalogue = !!role && roleAllows(role, 'catalogue.write');
    const condition = !!role && roleAllows(role, 'condition.write');
    // A deaccessioned work is no longer moved or checked (the server refuses both).
    const active = w.status !== 'deaccessioned';
    return html`<div class="actions" role="group" aria-label=${msg('Actions')}>
      ${catalogue ? html`<a class="btn primary" href="/works/${w.id}/edit">${msg('Edit')}</a>` : nothing}
      ${catalogue && active ? html`<button type="button" class="btn" @click=${() => this._open('move', w)}>${msg('Move')}</button>` : nothing}
      ${condition && active ? html`<button type="button" class="btn" @click=${() => this._open('check', w)}>${msg('Add condition check')}</button>` : nothing}
      ${catalogue ? html`<button type="button" class="btn" @click=${() => this._open('upload', w)}>${msg('Upload pictures')}</button>` : nothing}
      <a class="btn" href=${reportUrl(w.id)} target="_blank" rel="noopener">${msg('Condition report (PDF)')}</a>
      <a class="btn" href=${labelUrl([w.id])} target="_blank" rel="noopener">${msg('Print label')}</a>
    </div>`;
  }

  private _page(w: ArtworkDetail) {
    const dating = w.datingText || (w.yearFrom ? String(w.yearFrom) : '');
    return html`
      <nav class="crumbs" aria-label=${msg('Breadcrumbs')}><a href="/search">${msg('Search')}</a> <span aria-hidden="true">/</span> <span>${w.inventoryNumber}</span></nav>
      <header class="head">
        <div>
          <h1>${w.title}</h1>
          <p class="byline">
            ${w.artists.length ? w.artists.map((a, i) => html`${i ? ', ' : ''}<a href="/artists/${a.id}">${a.name}</a>`) : html`<span class="muted">${msg('Unknown artist')}</span>`}
            ${dating ? html`<span class="muted"> · ${dating}</span>` : nothing}
          </p>
          <p class="meta"><span class="inv">${w.inventoryNumber}</span> <kk-status-badge status=${w.status}></kk-status-badge>
            ${w.lastGrade ? html`<kk-status-badge .grade=${w.lastGrade}></kk-status-badge>` : nothing}</p>
        </div>
        ${this._actions(w)}
      </header>
      <div class="layout">
        <div class="media">
          <kk-image-gallery .images=${w.images} alt=${w.title}></kk-image-gallery>
          <section class="card where" aria-labelledby="where-h">
            <h2 id="where-h">${msg('Location')}</h2>
            ${w.location
              ? html`<kk-location-path .nodes=${w.location.path}></kk-location-path>`
              : html`<p class="muted">${msg('No location recorded')}</p>`}
            ${w.statusNote ? html`<p class="muted">${w.statusNote}</p>` : nothing}
          </section>
        </div>
        <wa-tab-group class="tabs" active=${this._tab} @wa-tab-show=${this._onTab}>
          <wa-tab slot="nav" panel="catalogue">${msg('Catalogue')}</wa-tab>
          <wa-tab slot="nav" panel="condition">${msg('Condition')}</wa-tab>
          <wa-tab slot="nav" panel="movements">${msg(str`Movements (${w.movements.length})`)}</wa-tab>
          <wa-tab slot="nav" panel="history">${msg('History')}</wa-tab>
          <wa-tab-panel name="catalogue"><kk-artwork-fields .work=${w}></kk-artwork-fields></wa-tab-panel>
          <wa-tab-panel name="condition">${this._tab === 'condition' ? html`<kk-condition-panel .work=${w}></kk-condition-panel>` : nothing}</wa-tab-panel>
          <wa-tab-panel name="movements">${this._movements(w)}</wa-tab-panel>
          <wa-tab-panel name="history">${this._tab === 'history' ? html`<kk-history-list .artworkId=${w.id}></kk-history-list>` : nothing}</wa-tab-panel>
        </wa-tab-group>
      </div>
    `;
  }

  private _movements(w: ArtworkDetail) {
    if (!w.movements.length) return html`<p class="muted">${msg('No movements recorded.')}</p>`;
    return html`<ol class="moves">
      ${w.movements.map(
        (m) => html`<li>
          <div class="when">${formatDate(m.movedAt)}</div>
          <div>
            <div>${m.fromPathText ? html`<span class="muted">${m.fromPathText}</span> → ` : nothing}${m.toPathText ?? '–'}</div>
            <div class="muted small">${m.reason}${m.note ? ` · ${m.note}` : ''}${m.userName ? ` · ${m.userName}` : ''}</div>
          </div>
        </li>`,
      )}
    </ol>`;
  }

  static override styles = [
    pageStyles,
    css`
      .crumbs {
        font-size: var(--kk-text-s);
        color: var(--kk-text-muted);
        margin-bottom: var(--kk-space-3);
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: flex-start;
        gap: var(--kk-space-4);
        margin-bottom: var(--kk-space-5);
      }
      .byline {
        margin: 0 0 6px;
        font-size: var(--kk-text-l);
      }
      .meta {
        margin: 0;
        display: flex;
        align-items: center;
        gap: 10px;
        flex-wrap: wrap;
      }
      .inv {
        font-family: var(--kk-font-mono);
        background: var(--kk-surface-sunken);
        border-radius: 4px;
        padding: 1px 6px;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        max-width: 560px;
        justify-content: flex-end;
      }
      .btn {
        display: inline-flex;
        align-items: center;
        font: inherit;
        font-size: var(--kk-text-s);
        font-weight: 500;
        color: var(--kk-text);
        background: var(--kk-surface);
        border: 1px solid var(--kk-border-strong);
        border-radius: var(--kk-radius);
        padding: 6px 12px;
        text-decoration: none;
        cursor: pointer;
        white-space: nowrap;
      }
      .btn:hover {
        background: var(--kk-surface-sunken);
      }
      .btn.primary {
        background: var(--kk-brand);
        border-color: var(--kk-brand);
        color: #fff;
      }
      .btn.primary:hover {
        background: var(--kk-brand-strong);
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(280px, 5fr) minmax(0, 7fr);
        gap: var(--kk-space-6);
        align-items: start;
      }
      .media {
        display: flex;
        flex-direction: column;
        gap: var(--kk-space-4);
      }
      .where h2 {
        font-size: var(--kk-text-m);
      }
      .tabs {
        --indicator-color: var(--kk-brand);
      }
      wa-tab-panel::part(base) {
        padding: var(--kk-space-4) 0;
      }
      .moves {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .moves li {
        display: grid;
        grid-template-columns: 110px 1fr;
        gap: var(--kk-space-3);
        padding: 8px 0;
        border-bottom: 1px solid var(--kk-border);
      }
      .when {
        color: var(--kk-text-muted);
        font-size: var(--kk-text-s);
      }
      .small {
        font-size: var(--kk-text-s);
      }
      @media (max-width: 900px) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
          gap: var(--kk-space-4);
        }
        .actions {
          justify-content: flex-start;
        }
        .moves li {
          grid-template-columns: 1fr;
          gap: 2px;
        }
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-artwork-page': KkArtworkPage;
  }
}
