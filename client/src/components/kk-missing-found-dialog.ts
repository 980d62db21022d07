// <kk-missing-found-dialog>: a missing work turned up — where it was found (it is moved there; its
// status follows the place), when, and a note. The follow-up's steps stay in its history.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import '@awesome.me/webawesome/dist/components/dialog/dialog.js';
import '@awesome.me/webawesome/dist/components/input/input.js';
import '@awesome.me/webawesome/dist/components/button/button.js';
import { ApiError } from '../api/client.js';
import type { LocationNode } from '../api/locations.js';
import { markFound, type MissingItem } from '../api/missing.js';
import { loadLocationPicker, type PickedEvent } from './picker-loader.js';
import { formStyles } from '../styles/form.js';

/** The server's message and its field errors (problem+json), or a network failure's message. */
function problem(err: unknown): Record<string, string> {
  return err instanceof ApiError ? { ...err.fieldErrors, _: err.message } : { _: (err as Error).message };
}

/**
 * @event kk-saved - the work was registered as found and moved
 */
@localized()
@customElement('kk-missing-found-dialog')
export class KkMissingFoundDialog extends LitElement {
  @property({ attribute: false }) item!: MissingItem;
  @state() private _to: LocationNode | null = null;
  @state() private _date = '';
  @state() private _note = '';
  @state() private _errors: Record<string, string> = {};
  @state() private _busy = false;
  @query('wa-dialog') private _dialog!: HTMLElement & { open: boolean };

  show(): void {
    void loadLocationPicker();
    void this.updateComplete.then(() => (this._dialog.open = true));
  }

  private async _save(): Promise<void> {
    if (!this._to) {
      this._errors = { locationId: msg('Choose where the work was found.') };
      return;
    }
    this._busy = true;
    try {
      await markFound(this.item.artworkId, { locationId: this._to.id, date: this._date || undefined, note: this._note.trim() || undefined });
      this.dispatchEvent(new CustomEvent('kk-saved', { bubbles: true, composed: true }));
      this._dialog.open = false;
    } catch (err) {
      this._errors = problem(err);
    } finally {
      this._busy = false;
    }
  }

  override render() {
    return html`<wa-dialog label=${msg('Found again')} @wa-after-hide=${(e: Event) => e.target === this._dialog && this.remove()}>
      <div class="form">
        <p class="muted">${this.item.inventoryNumber} ${this.item.title} · ${msg('Registered at')} ${this.item.locationText ?? '–'}</p>
        <kk-location-picker label=${msg('Found at')} error=${this._errors.locationId ?? ''} .value=${this._to} @kk-location-picked=${(e: PickedEvent) => (this._to = e.detail.location)}></kk-location-picker>
        <wa-input type="date" label=${msg('Date')} hint=${this._errors.date ?? msg('Empty: today')} .value=${this._date} @input=${(e: Event) => (this._date = (e.target as HTMLInputElement).value)}></wa-input>
        <wa-input label=${msg('Note')} .value=${this._note} @input=${(e: Event) => (this._note = (e.target as HTMLInputElement).value)}></wa-input>
        ${this._errors._ ? html`<p class="error-box" role="alert">${this._errors._}</p>` : nothing}
      </div>
      <wa-button slot="footer" appearance="outlined" @click=${() => (this._dialog.open = false)}>${msg('Cancel')}</wa-button>
      <wa-button slot="footer" variant="brand" ?loading=${this._busy} @click=${this._save}>${msg('Register as found')}</wa-button>
    </wa-dialog>`;
  }

  static override styles = [formStyles];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-missing-found-dialog': KkMissingFoundDialog;
  }
}
