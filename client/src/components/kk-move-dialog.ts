// <kk-move-dialog>: move a work to another location (recorded as a movement, with a reason).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import '@awesome.me/webawesome/dist/components/dialog/dialog.js';
import '@awesome.me/webawesome/dist/components/input/input.js';
import '@awesome.me/webawesome/dist/components/button/button.js';
import { ApiError } from '../api/client.js';
import type { ArtworkDetail } from '../api/artworks.js';
import { findLocations, type LocationNode } from '../api/locations.js';
import { moveWorks } from '../api/movements.js';
import { locationKindLabel } from '../i18n/labels.js';
import { formStyles } from '../styles/form.js';

/**
 * @event kk-saved - the work was moved
 */
@localized()
@customElement('kk-move-dialog')
export class KkMoveDialog extends LitElement {
  @property({ attribute: false }) work!: ArtworkDetail;
  @state() private _q = '';
  @state() private _results: LocationNode[] = [];
  @state() private _to: LocationNode | null = null;
  @state() private _reason = '';
  @state() private _note = '';
  @state() private _errors: Record<string, string> = {};
  @state() private _busy = false;
  @query('wa-dialog') private _dialog!: HTMLElement & { open: boolean };
  private _abort?: AbortController;
  private _timer?: ReturnType<typeof setTimeout>;

  show(): void {
    void this.updateComplete.then(() => (this._dialog.open = true));
  }

  private _search(e: Event): void {
    this._q = (e.target as HTMLInputElement).value;
    clearTimeout(this._timer);
    this._timer = setTimeout(async () => {
      this._abort?.abort();
      if (this._q.trim().length < 2) return void (this._results = []);
      const abort = (this._abort = new AbortController());
      try {
        this._results = (await findLocations(this._q.trim(), abort.signal)).items;
      } catch (err) {
        if ((err as Error).name !== 'AbortError') this._results = [];
      }
    }, 200);
  }

  private async _save(): Promise<void> {
    const errors: Record<string, string> = {};
    if (!this._to) errors.toLocationId = msg('Choose where the work goes.');
    if (!this._reason.trim()) errors.reason = msg('Say why the work is moved.');
    this._errors = errors;
    if (Object.keys(errors).length) return;
    this._busy = true;
    try {
      await moveWorks({ artworkIds: [this.work.id], toLocationId: this._to!.id, reason: this._reason.trim(), note: this._note.trim() || null, foundAgain: this.work.status === 'missing' || undefined });
      this.dispatchEvent(new CustomEvent('kk-saved', { bubbles: true, composed: true }));
      this._dialog.open = false;
    } catch (err) {
      this._errors = err instanceof ApiError ? { ...err.fieldErrors, _: err.message } : { _: msg('Could not reach the server.') };
    } finally {
      this._busy = false;
    }
  }

  override render() {
    return html`<wa-dialog label=${msg('Move the work')} @wa-after-hide=${(e: Event) => e.target === this._dialog && this.remove()}>
      <div class="form">
        <p class="muted">${msg('Now:')} ${this.work.location?.pathText ?? msg('No location')}</p>
        <wa-input label=${msg('New location')} hint=${this._errors.toLocationId ?? msg('Type part of a site, building or room name.')} class=${this._errors.toLocationId ? 'invalid' : ''} .value=${this._q} @input=${this._search} autocomplete="off"></wa-input>
        ${this._results.length
          ? html`<ul class="picker" role="listbox" aria-label=${msg('Locations found')}>
              ${this._results.map(
                (l) => html`<li role="option" aria-selected=${this._to?.id === l.id ? 'true' : 'false'} tabindex="0"
                  @click=${() => (this._to = l)} @keydown=${(e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), (this._to = l))}>
                  <span class="kind">${locationKindLabel(l.kind)}</span> ${l.pathText ?? l.name}
                </li>`,
              )}
            </ul>`
          : nothing}
        ${this._to ? html`<p class="chosen">${msg('Moves to:')} <strong>${this._to.pathText ?? this._to.name}</strong></p>` : nothing}
        <wa-input label=${msg('Reason')} required .value=${this._reason} @input=${(e: Event) => (this._reason = (e.target as HTMLInputElement).value)} hint=${this._errors.reason ?? ''} class=${this._errors.reason ? 'invalid' : ''}></wa-input>
        <wa-input label=${msg('Note')} .value=${this._note} @input=${(e: Event) => (this._note = (e.target as HTMLInputElement).value)}></wa-input>
        ${this._errors._ ? html`<p class="error-box" role="alert">${this._errors._}</p>` : nothing}
      </div>
      <wa-button slot="footer" appearance="outlined" @click=${() => (this._dialog.open = false)}>${msg('Cancel')}</wa-button>
      <wa-button slot="footer" variant="brand" ?loading=${this._busy} @click=${this._save}>${msg('Move')}</wa-button>
    </wa-dialog>`;
  }

  static override styles = [
    formStyles,
    css`
      .picker {
        list-style: none;
        margin: 0;
        padding: 0;
        max-height: 220px;
        overflow: auto;
        border: 1px solid var(--kk-border);
        border-radius: var(--kk-radius);
      }
      .picker li {
        padding: 6px 10px;
        cursor: pointer;
        border-top: 1px solid var(--kk-border);
      }
      .picker li:first-child {
        border-top: 0;
      }
      .picker li[aria-selected='true'] {
        background: var(--kk-brand-soft);
      }
      .picker li:focus-visible {
        outline: 2px solid var(--kk-focus);
        outline-offset: -2px;
      }
      .kind {
        font-size: var(--kk-text-xs);
        color: var(--kk-text-muted);
        text-transform: uppercase;
      }
      .chosen {
        margin: 0;
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-move-dialog': KkMoveDialog;
  }
}
