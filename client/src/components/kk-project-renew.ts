// <kk-project-renew>: renew from storage — for a planned spot, works in storage that fit it (size,
// type, the environment's suitability, good or fair condition, not shown there lately); one click
// reserves a work for the project. Lists the project's reservations with a release button.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { ApiError } from '../api/client.js';
import { getSuggestions, releaseReservation, reserveWork, type ProjectDetail, type SuggestionsResponse } from '../api/projects.js';
import { formatCm, formatDate } from '../i18n/format.js';
import { gradeLabel, OBJECT_TYPES, objectTypeLabel, statusLabel } from '../i18n/labels.js';
import { toast } from '../lib/toast.js';

const FLAG_LABELS = (): Record<string, string> => ({
  psychiatrySafe: msg('suitable for psychiatric care'),
  cleanable: msg('cleanable'),
  antiTheftFixing: msg('anti-theft fixing'),
  glazed: msg('glazed'),
  fixedInBuilding: msg('fixed in the building'),
});

/**
 * @event kk-changed - a reservation was made or released
 */
@localized()
@customElement('kk-project-renew')
export class KkProjectRenew extends LitElement {
  @property({ attribute: false }) project!: ProjectDetail;
  @state() private _spot = '';
  @state() private _type = '';
  @state() private _maxWidth = '';
  @state() private _result: SuggestionsResponse | null = null;
  @state() private _error = '';
  @state() private _busy = false;

  private _spots() {
    return this.project.proposals.filter((p) => p.locationId && p.status !== 'rejected' && p.status !== 'installed');
  }

  private async _find(): Promise<void> {
    const spot = this._spots().find((p) => String(p.id) === (this._spot || String(this._spots()[0]?.id)));
    if (!spot) return;
    this._busy = true;
    this._error = '';
    try {
      this._result = await getSuggestions(this.project.id, { locationId: spot.locationId!, type: this._type || undefined, maxWidthCm: this._maxWidth || undefined, limit: 12 });
    } catch (err) {
      this._error = err instanceof ApiError ? err.message : msg('Could not reach the server.');
    } finally {
      this._busy = false;
    }
  }

  private async _reserve(artworkId: number): Promise<void> {
    const spot = this._spots().find((p) => String(p.id) === (this._spot || String(this._spots()[0]?.id)));
    try {
      await reserveWork(this.project.id, { artworkId, locationId: spot?.locationId ?? null, posX: spot?.posX ?? null, posY: spot?.posY ?? null });
      void toast(msg('Reserved for the project'));
      if (this._result) this._result = { ...this._result, items: this._result.items.filter((i) => i.id !== artworkId) };
      this.dispatchEvent(new CustomEvent('kk-changed', { bubbles: true, composed: true }));
    } catch (err) {
      this._error = err instanceof ApiError ? err.message : msg('Could not reach the server.');
    }
  }

  private async _release(id: number): Promise<void> {
    try {
      await releaseReservation(this.project.id, id);
      this.dispatchEvent(new CustomEvent('kk-changed', { bubbles: true, composed: true }));
    } catch (err) {
      this._error = err instanceof ApiError ? err.message : msg('Could not reach the server.');
    }
  }

  override render() {
    const spots = this._spots();
    const res = this._result;
    const flags = FLAG_LABELS();
    return html`
      ${this.project.reservations.length
        ? html`<h3>${msg('Reserved from storage')}</h3>
            <ul class="rows">
              ${this.project.reservations.map(
                (r) => html`<li>
                  <a href="/works/${r.artworkId}"><span class="inv">${r.inventoryNumber}</span> ${r.title}</a>
                  <span class="muted">${statusLabel(r.status)}${r.locationPath ? html` · ${msg('for')} ${r.locationPath}` : nothing}</span>
                  ${this.project.canEdit ? html`<button type="button" @click=${() => this._release(r.id)}>${msg('Release')}</button>` : nothing}
                </li>`,
              )}
            </ul>`
        : nothing}
      ${spots.length
        ? html`<div class="filters">
            <label>${msg('Planned spot')}
              <select @change=${(e: Event) => (this._spot = (e.target as HTMLSelectElement).value)}>
                ${spots.map((p) => html`<option value=${p.id}>${p.title} — ${p.locationPath}</option>`)}
              </select>
            </label>
            <label>${msg('Object type')}
              <select @change=${(e: Event) => (this._type = (e.target as HTMLSelectElement).value)}>
                <option value="">${msg('Any')}</option>
                ${OBJECT_TYPES.map((t) => html`<option value=${t}>${objectTypeLabel(t)}</option>`)}
              </select>
            </label>
            <label>${msg('Width at most (cm)')}<input type="number" min="1" .value=${this._maxWidth} @input=${(e: Event) => (this._maxWidth = (e.target as HTMLInputElement).value)} /></label>
            <button type="button" class="primary" ?disabled=${this._busy} @click=${this._find}>${msg('Suggest works from storage')}</button>
          </div>`
        : html`<p class="muted">${msg('Place a proposal on the plan to get suggestions from storage for its spot.')}</p>`}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${res
        ? html`<p class="muted criteria">
              ${msg(str`In storage, condition good or fair, not shown at this site since ${formatDate(res.criteria.notShownSince)}.`)}
              ${res.criteria.requiredFlags.length ? msg(str`The environment requires: ${res.criteria.requiredFlags.map((f) => flags[f] ?? f).join(', ')}.`) : nothing}
            </p>
            ${res.items.length
              ? html`<ul class="cards">
                  ${res.items.map(
                    (w) => html`<li>
                      ${w.thumbUrl ? html`<img src=${w.thumbUrl} alt="" width="64" height="64" loading="lazy" />` : html`<span class="ph" aria-hidden="true"></span>`}
                      <div>
                        <a href="/works/${w.id}"><span class="inv">${w.inventoryNumber}</span> ${w.title}</a>
                        <span class="muted">${[w.artists, objectTypeLabel(w.objectType), w.heightCm && w.widthCm ? `${formatCm(w.heightCm)} × ${formatCm(w.widthCm)} cm` : null, gradeLabel(w.grade)].filter(Boolean).join(' · ')}</span>
                      </div>
                      ${this.project.canEdit ? html`<button type="button" @click=${() => this._reserve(w.id)}>${msg('Reserve')}</button>` : nothing}
                    </li>`,
                  )}
                </ul>`
              : html`<p class="muted">${msg('No work in storage fits these criteria.')}</p>`}`
        : nothing}
    `;
  }

  static override styles = css`
    :host {
      display: block;
      font-size: var(--kk-text-s);
    }
    h3 {
      font-size: var(--kk-text-m);
      margin: 0 0 var(--kk-space-2);
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: var(--kk-space-3);
      align-items: end;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 4px;
      font-weight: 500;
      min-width: 0;
      max-width: 100%;
    }
    select,
    input {
      font: inherit;
      height: 34px;
      padding: 0 8px;
      border: 1px solid var(--kk-border-strong);
      border-radius: var(--kk-radius);
      background: var(--kk-surface);
      color: var(--kk-text);
      max-width: 100%;
    }
    input {
      width: 110px;
    }
    button {
      font: inherit;
      min-height: 34px;
      padding: 4px 12px;
      border: 1px solid var(--kk-border-strong);
      border-radius: var(--kk-radius);
      background: var(--kk-surface);
      color: var(--kk-text);
      cursor: pointer;
    }
    button.primary {
      background: var(--kk-brand);
      border-color: var(--kk-brand);
      color: #fff;
    }
    button:focus-visible,
    a:focus-visible {
      outline: 2px solid var(--kk-focus);
      outline-offset: 2px;
    }
    .rows,
    .cards {
      list-style: none;
      margin: 0 0 var(--kk-space-4);
      padding: 0;
      display: grid;
      gap: var(--kk-space-2);
    }
    .rows li,
    .cards li {
      display: flex;
      gap: var(--kk-space-3);
      align-items: center;
      flex-wrap: wrap;
      padding: var(--kk-space-2) 0;
      border-bottom: 1px solid var(--kk-border);
    }
    .cards li div {
      flex: 1 1 200px;
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    .cards img,
    .ph {
      width: 64px;
      height: 64px;
      border-radius: 4px;
      object-fit: cover;
      background: var(--kk-surface-sunken);
      flex: none;
    }
    .inv {
      font-family: var(--kk-font-mono, monospace);
    }
    .muted {
      color: var(--kk-text-muted);
    }
    .criteria {
      margin: var(--kk-space-3) 0;
    }
    .error {
      color: var(--kk-danger);
    }
    a {
      color: var(--kk-link);
    }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-project-renew': KkProjectRenew;
  }
}
