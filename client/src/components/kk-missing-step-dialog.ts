// <kk-missing-step-dialog>: record a step of a missing work's follow-up (search the site, ask the
// unit, police report with its case number, or something else), with its date and a note.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import '@awesome.me/webawesome/dist/components/dialog/dialog.js';
import '@awesome.me/webawesome/dist/components/input/input.js';
import '@awesome.me/webawesome/dist/components/textarea/textarea.js';
import '@awesome.me/webawesome/dist/components/button/button.js';
import { ApiError } from '../api/client.js';
import { addStep, STEP_KINDS, type MissingItem } from '../api/missing.js';
import { formStyles } from '../styles/form.js';

export function stepLabel(step: string): string {
  switch (step) {
    case 'search_site': return msg('Search the site');
    case 'ask_unit': return msg('Ask the unit');
    case 'police_report': return msg('Police report');
    case 'other': return msg('Other step');
    case 'found': return msg('Found again');
    default: return step;
  }
}

/** The server's message and its field errors (problem+json), or a network failure's message. */
function problem(err: unknown): Record<string, string> {
  return err instanceof ApiError ? { ...err.fieldErrors, _: err.message } : { _: (err as Error).message };
}

/**
 * @event kk-saved - the step was recorded
 */
@localized()
@customElement('kk-missing-step-dialog')
export class KkMissingStepDialog extends LitElement {
  @property({ attribute: false }) item!: MissingItem;
  @state() private _step: (typeof STEP_KINDS)[number] = 'search_site';
  @state() private _date = '';
  @state() private _note = '';
  @state() private _reference = '';
  @state() private _errors: Record<string, string> = {};
  @state() private _busy = false;
  @query('wa-dialog') private _dialog!: HTMLElement & { open: boolean };

  show(): void {
    this._step = this.item.nextStep?.step ?? 'other';
    void this.updateComplete.then(() => (this._dialog.open = true));
  }

  private async _save(): Promise<void> {
    this._busy = true;
    try {
      await addStep(this.item.artworkId, {
        step: this._step,
        date: this._date || undefined,
        note: this._note.trim() || undefined,
        reference: this._step === 'police_report' && this._reference.trim() ? this._reference.trim() : undefined,
      });
      this.dispatchEvent(new CustomEvent('kk-saved', { bubbles: true, composed: true }));
      this._dialog.open = false;
    } catch (err) {
      this._errors = problem(err);
    } finally {
      this._busy = false;
    }
  }

  override render() {
    return html`<wa-dialog label=${msg('Record a step')} @wa-after-hide=${(e: Event) => e.target === this._dialog && this.remove()}>
      <div class="form">
        <p class="muted">${this.item.inventoryNumber} ${this.item.title}</p>
        <label class="native">
          <span>${msg('Step')}</span>
          <select .value=${this._step} @change=${(e: Event) => (this._step = (e.target as HTMLSelectElement).value as typeof this._step)}>
            ${STEP_KINDS.map((s) => html`<option value=${s} ?selected=${s === this._step}>${stepLabel(s)}</option>`)}
          </select>
        </label>
        <wa-input type="date" label=${msg('Date')} hint=${this._errors.date ?? msg('Empty: today')} class=${this._errors.date ? 'invalid' : ''} .value=${this._date} @input=${(e: Event) => (this._date = (e.target as HTMLInputElement).value)}></wa-input>
        ${this._step === 'police_report'
          ? html`<wa-input label=${msg('Police case number')} .value=${this._reference} hint=${this._errors.reference ?? ''} @input=${(e: Event) => (this._reference = (e.target as HTMLInputElement).value)}></wa-input>`
          : nothing}
        <wa-textarea label=${msg('Note')} rows="3" .value=${this._note} @input=${(e: Event) => (this._note = (e.target as HTMLTextAreaElement).value)}></wa-textarea>
        ${this._errors._ ? html`<p class="error-box" role="alert">${this._errors._}</p>` : nothing}
      </div>
      <wa-button slot="footer" appearance="outlined" @click=${() => (this._dialog.open = false)}>${msg('Cancel')}</wa-button>
      <wa-button slot="footer" variant="brand" ?loading=${this._busy} @click=${this._save}>${msg('Save')}</wa-button>
    </wa-dialog>`;
  }

  static override styles = [formStyles];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-missing-step-dialog': KkMissingStepDialog;
  }
}
