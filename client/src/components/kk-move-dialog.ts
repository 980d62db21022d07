// <kk-move-dialog>: move a work to another location (recorded as a movement, with a reason).
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import '@awesome.me/webawesome/dist/components/dialog/dialog.js';
import '@awesome.me/webawesome/dist/components/input/input.js';
import '@awesome.me/webawesome/dist/components/button/button.js';
import { errorMessage, fieldErrorsOf } from '../api/error-messages.js';
import type { ArtworkDetail } from '../api/artworks.js';
import type { LocationNode } from '../api/locations.js';
import { moveWorks } from '../api/movements.js';
import './kk-location-picker.js';
import type { LocationPickedEvent } from './kk-location-picker.js';
import { formStyles } from '../styles/form.js';

/**
 * @event kk-saved - the work was moved
 */
@localized()
@customElement('kk-move-dialog')
export class KkMoveDialog extends LitElement {
  @property({ attribute: false }) work!: ArtworkDetail;
  @state() private _to: LocationNode | null = null;
  @state() private _reason = '';
  @state() private _note = '';
  @state() private _errors: Record<string, string> = {};
  @state() private _busy = false;
  @query('wa-dialog') private _dialog!: HTMLElement & { open: boolean };

  show(): void {
    void this.updateComplete.then(() => (this._dialog.open = true));
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
      this._errors = { ...fieldErrorsOf(err), _: errorMessage(err) };
    } finally {
      this._busy = false;
    }
  }

  override render() {
    return html`<wa-dialog label=${msg('Move the work')} @wa-after-hide=${(e: Event) => e.target === this._dialog && this.remove()}>
      <div class="form">
        <p class="muted">${msg('Now:')} ${this.work.location?.pathText ?? msg('No location')}</p>
        <kk-location-picker label=${msg('New location')} error=${this._errors.toLocationId ?? ''} .value=${this._to} @kk-location-picked=${(e: LocationPickedEvent) => (this._to = e.detail.location)}></kk-location-picker>
        <wa-input label=${msg('Reason')} required .value=${this._reason} @input=${(e: Event) => (this._reason = (e.target as HTMLInputElement).value)} hint=${this._errors.reason ?? ''} class=${this._errors.reason ? 'invalid' : ''}></wa-input>
        <wa-input label=${msg('Note')} .value=${this._note} @input=${(e: Event) => (this._note = (e.target as HTMLInputElement).value)}></wa-input>
        ${this._errors._ ? html`<p class="error-box" role="alert">${this._errors._}</p>` : nothing}
      </div>
      <wa-button slot="footer" appearance="outlined" @click=${() => (this._dialog.open = false)}>${msg('Cancel')}</wa-button>
      <wa-button slot="footer" variant="brand" ?loading=${this._busy} @click=${this._save}>${msg('Move')}</wa-button>
    </wa-dialog>`;
  }

  static override styles = [formStyles];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-move-dialog': KkMoveDialog;
  }
}
