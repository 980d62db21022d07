// <kk-check-dialog>: record a condition check of a work (grade, damage, recommended action).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import '@awesome.me/webawesome/dist/components/dialog/dialog.js';
import '@awesome.me/webawesome/dist/components/radio-group/radio-group.js';
import '@awesome.me/webawesome/dist/components/radio/radio.js';
import '@awesome.me/webawesome/dist/components/checkbox/checkbox.js';
import '@awesome.me/webawesome/dist/components/textarea/textarea.js';
import '@awesome.me/webawesome/dist/components/button/button.js';
import { errorMessage, fieldErrorsOf } from '../api/error-messages.js';
import type { ArtworkDetail } from '../api/artworks.js';
import { createCheck } from '../api/conditions.js';
import { DAMAGE_TYPES, PRIORITIES, damageLabel, gradeLabel, priorityLabel } from '../i18n/labels.js';
import { formStyles } from '../styles/form.js';

/**
 * @event kk-saved - the check was recorded
 */
@localized()
@customElement('kk-check-dialog')
export class KkCheckDialog extends LitElement {
  @property({ attribute: false }) work!: ArtworkDetail;
  @state() private _grade = '';
  @state() private _damage = new Set<string>();
  @state() private _priority: (typeof PRIORITIES)[number] = 'none';
  @state() private _action = '';
  @state() private _note = '';
  @state() private _errors: Record<string, string> = {};
  @state() private _busy = false;
  @query('wa-dialog') private _dialog!: HTMLElement & { open: boolean };

  show(): void {
    void this.updateComplete.then(() => (this._dialog.open = true));
  }

  private async _save(): Promise<void> {
    if (!this._grade) {
      this._errors = { grade: msg('Choose a grade.') };
      return;
    }
    this._busy = true;
    this._errors = {};
    try {
      await createCheck({
        artworkId: this.work.id,
        grade: Number(this._grade),
        damageTypes: [...this._damage] as never,
        priority: this._priority,
        recommendedAction: this._action.trim() || null,
        note: this._note.trim() || null,
      });
      this.dispatchEvent(new CustomEvent('kk-saved', { bubbles: true, composed: true }));
      this._dialog.open = false;
    } catch (err) {
      this._errors = { ...fieldErrorsOf(err), _: errorMessage(err) };
    } finally {
      this._busy = false;
    }
  }

  private _toggleDamage(d: string, on: boolean): void {
    const next = new Set(this._damage);
    if (on) next.add(d);
    else next.delete(d);
    this._damage = next;
  }

  override render() {
    return html`<wa-dialog label=${msg('Add condition check')} @wa-after-hide=${(e: Event) => e.target === this._dialog && this.remove()}>
      <div class="form">
        <wa-radio-group label=${msg('Condition')} orientation="horizontal" .value=${this._grade} @change=${(e: Event) => (this._grade = (e.target as HTMLInputElement).value)} hint=${this._errors.grade ?? ''} class=${this._errors.grade ? 'invalid' : ''} required>
          ${[1, 2, 3, 4].map((g) => html`<wa-radio value=${g}>${g} · ${gradeLabel(g)}</wa-radio>`)}
        </wa-radio-group>
        <fieldset>
          <legend>${msg('Damage observed')}</legend>
          <div class="damage">
            ${DAMAGE_TYPES.map((d) => html`<wa-checkbox .checked=${this._damage.has(d)} @change=${(e: Event) => this._toggleDamage(d, (e.target as HTMLInputElement).checked)}>${damageLabel(d)}</wa-checkbox>`)}
          </div>
        </fieldset>
        <wa-textarea label=${msg('Recommended action')} rows="2" .value=${this._action} @input=${(e: Event) => (this._action = (e.target as HTMLTextAreaElement).value)}></wa-textarea>
        <label class="native">${msg('Priority')}
          <select @change=${(e: Event) => (this._priority = (e.target as HTMLSelectElement).value as (typeof PRIORITIES)[number])}>
            ${PRIORITIES.map((p) => html`<option value=${p} ?selected=${p === this._priority}>${priorityLabel(p)}</option>`)}
          </select>
        </label>
        <wa-textarea label=${msg('Note')} rows="2" .value=${this._note} @input=${(e: Event) => (this._note = (e.target as HTMLTextAreaElement).value)}></wa-textarea>
        ${this._errors._ ? html`<p class="error-box" role="alert">${this._errors._}</p>` : nothing}
      </div>
      <wa-button slot="footer" appearance="outlined" @click=${() => (this._dialog.open = false)}>${msg('Cancel')}</wa-button>
      <wa-button slot="footer" variant="brand" ?loading=${this._busy} @click=${this._save}>${msg('Save check')}</wa-button>
    </wa-dialog>`;
  }

  static override styles = [
    formStyles,
    css`
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
      }
      legend {
        font-weight: 500;
        margin-bottom: 6px;
      }
      .damage {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
        gap: 6px 12px;
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-check-dialog': KkCheckDialog;
  }
}
