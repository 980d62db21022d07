// <kk-project-phase>: the project's phases as steps with the day each was entered, and (for the
// lead) moving to another phase — forward freely, back only with a note saying why.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { ApiError, ConflictError } from '../api/client.js';
import { changePhase, PROJECT_PHASE_VALUES, type ProjectDetail } from '../api/projects.js';
import { formatDate } from '../i18n/format.js';
import { phaseLabel } from '../lib/project-labels.js';

/**
 * @event kk-changed - the phase changed
 */
@localized()
@customElement('kk-project-phase')
export class KkProjectPhase extends LitElement {
  @property({ attribute: false }) project!: ProjectDetail;
  @state() private _open = false;
  @state() private _phase = '';
  @state() private _date = '';
  @state() private _note = '';
  @state() private _errors: Record<string, string> = {};

  private _back(): boolean {
    return PROJECT_PHASE_VALUES.indexOf(this._phase as never) < PROJECT_PHASE_VALUES.indexOf(this.project.phase);
  }

  private async _save(): Promise<void> {
    if (this._back() && !this._note.trim()) return void (this._errors = { note: msg('Going back needs a note saying why.') });
    try {
      await changePhase(this.project.id, { phase: this._phase as ProjectDetail['phase'], ...(this._date ? { date: this._date } : {}), ...(this._note.trim() ? { note: this._note.trim() } : {}) }, this.project.version);
      this._open = false;
      this.dispatchEvent(new CustomEvent('kk-changed', { bubbles: true, composed: true }));
    } catch (err) {
      if (err instanceof ConflictError) this._errors = { _: msg('Someone else changed the project meanwhile; reload the page.') };
      else this._errors = err instanceof ApiError ? { ...err.fieldErrors, _: err.message } : { _: msg('Could not reach the server.') };
    }
  }

  override render() {
    const p = this.project;
    const current = PROJECT_PHASE_VALUES.indexOf(p.phase);
    // The latest day each phase was entered (a phase entered twice after a step back shows the last).
    const entered = new Map(p.phases.map((h) => [h.phase, h.date]));
    return html`
      <ol class="steps" aria-label=${msg('Phases')}>
        ${PROJECT_PHASE_VALUES.map((ph, i) => html`<li class=${i < current ? 'done' : i === current ? 'now' : ''} aria-current=${i === current ? 'step' : 'false'}>
          <span class="name">${phaseLabel(ph)}</span>
          ${i <= current && entered.get(ph) ? html`<span class="date">${formatDate(entered.get(ph))}</span>` : nothing}
        </li>`)}
      </ol>
      ${p.canEdit
        ? this._open
          ? html`<div class="change">
              <label>${msg('Phase')}
                <select name="phase" @change=${(e: Event) => (this._phase = (e.target as HTMLSelectElement).value)}>
                  ${PROJECT_PHASE_VALUES.filter((ph) => ph !== p.phase).map((ph) => html`<option value=${ph} ?selected=${ph === this._phase}>${phaseLabel(ph)}</option>`)}
                </select>
              </label>
              <label>${msg('From')}<input type="date" name="date" .value=${this._date} @input=${(e: Event) => (this._date = (e.target as HTMLInputElement).value)} /></label>
              <label class="grow">${this._back() ? msg('Why back? (required)') : msg('Note')}
                <input name="note" .value=${this._note} @input=${(e: Event) => (this._note = (e.target as HTMLInputElement).value)} aria-invalid=${this._errors.note ? 'true' : 'false'} />
                ${this._errors.note ? html`<span class="err">${this._errors.note}</span>` : nothing}
              </label>
              <button type="button" class="primary" @click=${this._save}>${msg('Save')}</button>
              <button type="button" @click=${() => (this._open = false)}>${msg('Cancel')}</button>
              ${this._errors._ ? html`<p class="err" role="alert">${this._errors._}</p>` : nothing}
            </div>`
          : html`<button type="button" @click=${() => {
              this._open = true;
              this._errors = {};
              this._note = '';
              this._date = new Date().toISOString().slice(0, 10);
              this._phase = PROJECT_PHASE_VALUES[Math.min(current + 1, PROJECT_PHASE_VALUES.length - 1)]!;
            }}>${msg('Change phase')}</button>`
        : nothing}
      ${p.phases.some((h) => h.note)
        ? html`<ul class="notes">${p.phases.filter((h) => h.note).map((h) => html`<li>${msg(str`${formatDate(h.date)}, ${phaseLabel(h.phase)}: ${h.note}`)}</li>`)}</ul>`
        : nothing}
    `;
  }

  static override styles = css`
    :host {
      display: block;
      font-size: var(--kk-text-s);
    }
    .steps {
      display: flex;
      list-style: none;
      margin: 0 0 var(--kk-space-3);
      padding: 0;
      flex-wrap: wrap;
      gap: 4px;
    }
    .steps li {
      flex: 1 0 88px;
      display: flex;
      flex-direction: column;
      padding: 6px 8px;
      border-top: 4px solid var(--kk-border);
      color: var(--kk-text-muted);
    }
    .steps li.done {
      border-top-color: #7fa7d9;
      color: var(--kk-text);
    }
    .steps li.now {
      border-top-color: var(--kk-brand);
      color: var(--kk-text);
      font-weight: 650;
    }
    .date {
      font-weight: 400;
      font-size: var(--kk-text-xs);
      color: var(--kk-text-muted);
    }
    .change {
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
    }
    .grow {
      flex: 1 1 220px;
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
    }
    input[aria-invalid='true'] {
      border-color: var(--kk-danger);
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
    button:focus-visible {
      outline: 2px solid var(--kk-focus);
      outline-offset: 2px;
    }
    .err {
      color: var(--kk-danger);
      font-weight: 500;
      margin: 0;
    }
    .notes {
      margin: var(--kk-space-2) 0 0;
      padding-left: 1.2em;
      color: var(--kk-text-muted);
    }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-project-phase': KkProjectPhase;
  }
}
