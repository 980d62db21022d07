// <kk-project-form-dialog>: start a project or edit one — building, premises type, production cost
// (the art budget follows the percent rule as you type), a decided override with reason and case number.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import '@awesome.me/webawesome/dist/components/dialog/dialog.js';
import '@awesome.me/webawesome/dist/components/input/input.js';
import '@awesome.me/webawesome/dist/components/button/button.js';
import { ApiError, ConflictError } from '../api/client.js';
import { findLocations, type LocationNode } from '../api/locations.js';
import { createProject, updateProject, PREMISES_TYPE_VALUES, type PremisesType, type ProjectDetail } from '../api/projects.js';
import { formatMoney } from '../i18n/format.js';
import { locationKindLabel } from '../i18n/labels.js';
import { kronorToOre, premisesLabel } from '../lib/project-labels.js';
import { formStyles } from '../styles/form.js';

/** Mirrors the server's rule (server/projects/projects.budget.ts) for the preview only. */
const preview = (ore: number, share: number) => Math.round((ore * (share * 2 + (100 - share))) / 10_000);
const kr = (ore: number | null | undefined) => (ore == null ? '' : String(ore / 100).replace('.', ','));

/**
 * @event kk-saved - the project was saved; detail: { id }
 */
@localized()
@customElement('kk-project-form-dialog')
export class KkProjectFormDialog extends LitElement {
  /** The project to edit; none = a new project. */
  @property({ attribute: false }) project: ProjectDetail | null = null;
  @state() private _f = { name: '', premisesType: 'care' as PremisesType, careShare: '', cost: '', override: '', reason: '', ref: '', start: '', end: '' };
  @state() private _loc: { id: number; label: string } | null = null;
  @state() private _q = '';
  @state() private _results: LocationNode[] = [];
  @state() private _errors: Record<string, string> = {};
  @state() private _busy = false;
  @query('wa-dialog') private _dialog!: HTMLElement & { open: boolean };
  private _timer?: ReturnType<typeof setTimeout>;

  show(): void {
    const p = this.project;
    if (p) {
      this._f = { name: p.name, premisesType: p.premisesType, careShare: p.premisesType === 'mixed' ? String(p.careShare) : '', cost: kr(p.productionCost), override: kr(p.budgetOverride), reason: p.overrideReason ?? '', ref: p.overrideRef ?? '', start: p.startDate ?? '', end: p.plannedEndDate ?? '' };
      this._loc = { id: p.locationId, label: p.locationPath };
    }
    void this.updateComplete.then(() => (this._dialog.open = true));
  }

  private _set(key: keyof KkProjectFormDialog['_f']) {
    return (e: Event) => (this._f = { ...this._f, [key]: (e.target as HTMLInputElement).value });
  }

  private _search(e: Event): void {
    this._q = (e.target as HTMLInputElement).value;
    clearTimeout(this._timer);
    this._timer = setTimeout(async () => {
      if (this._q.trim().length < 2) return void (this._results = []);
      try {
        this._results = (await findLocations(this._q.trim())).items.filter((l) => l.kind === 'site' || l.kind === 'building');
      } catch {
        this._results = [];
      }
    }, 200);
  }

  private async _save(): Promise<void> {
    const f = this._f;
    const errors: Record<string, string> = {};
    const cost = kronorToOre(f.cost);
    const override = kronorToOre(f.override);
    if (!f.name.trim()) errors.name = msg('Give the project a name.');
    if (!this._loc) errors.locationId = msg('Choose the building or site.');
    if (cost === null || Number.isNaN(cost)) errors.productionCost = msg('Give the production cost in kronor.');
    if (Number.isNaN(override)) errors.budgetOverride = msg('Give the budget in kronor, or leave it empty.');
    this._errors = errors;
    if (Object.keys(errors).length) return;
    const body = {
      name: f.name.trim(),
      locationId: this._loc!.id,
      premisesType: f.premisesType,
      careShare: f.premisesType === 'mixed' ? Number(f.careShare) : null,
      productionCost: cost!,
      budgetOverride: override,
      overrideReason: override === null ? null : f.reason.trim() || null,
      overrideRef: override === null ? null : f.ref.trim() || null,
      startDate: f.start || null,
      plannedEndDate: f.end || null,
    };
    this._busy = true;
    try {
      const saved = this.project ? await updateProject(this.project.id, body, this.project.version) : await createProject(body);
      this.dispatchEvent(new CustomEvent('kk-saved', { detail: { id: saved.id }, bubbles: true, composed: true }));
      this._dialog.open = false;
    } catch (err) {
      if (err instanceof ConflictError) this._errors = { _: msg('Someone else changed the project meanwhile. Close, reload and try again.') };
      else this._errors = err instanceof ApiError ? { ...err.fieldErrors, _: err.message } : { _: msg('Could not reach the server.') };
    } finally {
      this._busy = false;
    }
  }

  private _field(key: string, label: string, value: string, on: (e: Event) => void, hint = '', type = 'text') {
    const err = this._errors[key];
    return html`<wa-input label=${label} type=${type} .value=${value} @input=${on} hint=${err ?? hint} class=${err ? 'invalid' : ''} name=${key}></wa-input>`;
  }

  override render() {
    const f = this._f;
    const share = f.premisesType === 'care' ? 100 : f.premisesType === 'other' ? 0 : Number(f.careShare) || 0;
    const cost = kronorToOre(f.cost);
    const budget = cost && !Number.isNaN(cost) ? preview(cost, share) : null;
    return html`<wa-dialog label=${this.project ? msg('Edit the project') : msg('New art project')} @wa-after-hide=${(e: Event) => e.target === this._dialog && this.remove()}>
      <div class="form">
        ${this._field('name', msg('Name'), f.name, this._set('name'))}
        <div>
          <wa-input label=${msg('Building or site')} .value=${this._q} @input=${this._search} autocomplete="off" name="location"
            hint=${this._errors.locationId ?? (this._loc ? msg(str`Chosen: ${this._loc.label}`) : msg('Type part of a hospital or building name.'))} class=${this._errors.locationId ? 'invalid' : ''}></wa-input>
          ${this._results.length
            ? html`<ul class="picker" role="listbox" aria-label=${msg('Places found')}>
                ${this._results.map(
                  (l) => html`<li role="option" tabindex="0" aria-selected=${this._loc?.id === l.id ? 'true' : 'false'}
                    @click=${() => ((this._loc = { id: l.id, label: l.pathText ?? l.name }), (this._results = []))}
                    @keydown=${(e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), (this._loc = { id: l.id, label: l.pathText ?? l.name }), (this._results = []))}>
                    <span class="kind">${locationKindLabel(l.kind)}</span> ${l.pathText ?? l.name}
                  </li>`,
                )}
              </ul>`
            : nothing}
        </div>
        <div class="row">
          <label class="native">${msg('Premises')}
            <select name="premisesType" .value=${f.premisesType} @change=${this._set('premisesType')}>
              ${PREMISES_TYPE_VALUES.map((p) => html`<option value=${p} ?selected=${p === f.premisesType}>${premisesLabel(p)}</option>`)}
            </select>
          </label>
          ${f.premisesType === 'mixed' ? this._field('careShare', msg('Care share (%)'), f.careShare, this._set('careShare'), msg('Whole percent, 1–99'), 'number') : nothing}
        </div>
        ${this._field('productionCost', msg('Production cost (kr)'), f.cost, this._set('cost'), budget !== null ? msg(str`Art budget by the percent rule: ${formatMoney(budget)}`) : '')}
        <details ?open=${Boolean(f.override)}>
          <summary>${msg('A decided budget instead of the percent rule')}</summary>
          <div class="form inner">
            ${this._field('budgetOverride', msg('Decided art budget (kr)'), f.override, this._set('override'))}
            ${this._field('overrideReason', msg('Reason'), f.reason, this._set('reason'))}
            ${this._field('overrideRef', msg('Decision case number (diarienummer)'), f.ref, this._set('ref'))}
          </div>
        </details>
        <div class="row">
          ${this._field('startDate', msg('Start'), f.start, this._set('start'), '', 'date')}
          ${this._field('plannedEndDate', msg('Planned completion'), f.end, this._set('end'), '', 'date')}
        </div>
        ${this._errors._ ? html`<p class="error-box" role="alert">${this._errors._}</p>` : nothing}
      </div>
      <wa-button slot="footer" appearance="outlined" @click=${() => (this._dialog.open = false)}>${msg('Cancel')}</wa-button>
      <wa-button slot="footer" variant="brand" ?loading=${this._busy} @click=${this._save}>${this.project ? msg('Save') : msg('Create the project')}</wa-button>
    </wa-dialog>`;
  }

  static override styles = [
    formStyles,
    css`
      .row {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(180px, 1fr));
        gap: var(--kk-space-3);
        align-items: start;
      }
      .inner {
        margin-top: var(--kk-space-3);
      }
      summary {
        cursor: pointer;
        font-weight: 500;
      }
      .picker {
        list-style: none;
        margin: var(--kk-space-2) 0 0;
        padding: 0;
        max-height: 200px;
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
      .picker li:focus-visible {
        outline: 2px solid var(--kk-focus);
        outline-offset: -2px;
      }
      .kind {
        font-size: var(--kk-text-xs);
        color: var(--kk-text-muted);
        text-transform: uppercase;
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-project-form-dialog': KkProjectFormDialog;
  }
}
