// <kk-project-proposals>: a project's proposals and commissions — artist, costs, paid to date,
// status, planned spot — with the lead's actions: change status (a contract needs its cost),
// register a payment, place on the plan, and install (which registers the artwork).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import '@awesome.me/webawesome/dist/components/input/input.js';
import '@awesome.me/webawesome/dist/components/button/button.js';
import { ApiError } from '../api/client.js';
import { addPayment, installProposal, updateProposal, type Proposal } from '../api/projects.js';
import { formatDate, formatMoney } from '../i18n/format.js';
import { objectTypeLabel } from '../i18n/labels.js';
import { kronorToOre, NEXT_STATUSES, proposalStatusLabel } from '../lib/project-labels.js';
import { toast } from '../lib/toast.js';
import { formStyles } from '../styles/form.js';

type Mode = 'status' | 'pay' | 'install';

/**
 * @event kk-changed - a proposal changed; the page reloads the project
 * @event kk-place-proposal - the lead wants to place a proposal on the floor plan; detail: { proposal }
 */
@localized()
@customElement('kk-project-proposals')
export class KkProjectProposals extends LitElement {
  @property({ attribute: false }) proposals: Proposal[] = [];
  @property({ type: Number }) projectId = 0;
  @property({ type: Boolean }) canEdit = false;
  @state() private _open: { id: number; mode: Mode } | null = null;
  @state() private _f = { status: '', cost: '', ref: '', amount: '', paidOn: '', note: '' };
  @state() private _errors: Record<string, string> = {};
  @state() private _busy = false;

  private _toggle(p: Proposal, mode: Mode): void {
    this._errors = {};
    if (this._open?.id === p.id && this._open.mode === mode) return void (this._open = null);
    this._open = { id: p.id, mode };
    this._f = { status: NEXT_STATUSES[p.status]?.[0] ?? '', cost: p.contractedCost != null ? String(p.contractedCost / 100) : '', ref: p.contractRef ?? '', amount: '', paidOn: new Date().toISOString().slice(0, 10), note: '' };
  }

  private async _run(fn: () => Promise<unknown>, done: string): Promise<void> {
    this._busy = true;
    this._errors = {};
    try {
      await fn();
      this._open = null;
      void toast(done);
      this.dispatchEvent(new CustomEvent('kk-changed', { bubbles: true, composed: true }));
    } catch (err) {
      this._errors = err instanceof ApiError ? { ...err.fieldErrors, _: err.message } : { _: msg('Could not reach the server.') };
    } finally {
      this._busy = false;
    }
  }

  private _saveStatus(p: Proposal): Promise<void> {
    const f = this._f;
    const contracting = f.status === 'contracted' && p.status !== 'in_production';
    const cost = contracting ? kronorToOre(f.cost) : undefined;
    if (contracting && (cost === null || Number.isNaN(cost))) return Promise.resolve(void (this._errors = { contractedCost: msg('A contract needs its cost in kronor.') }));
    const body = { status: f.status as Proposal['status'], ...(contracting ? { contractedCost: cost!, contractRef: f.ref.trim() || null } : {}), ...(f.note.trim() ? { statusNote: f.note.trim() } : {}) };
    return this._run(() => updateProposal(this.projectId, p.id, body, p.version), msg(str`${p.title}: ${proposalStatusLabel(f.status)}`));
  }

  private _savePayment(p: Proposal): Promise<void> {
    const amount = kronorToOre(this._f.amount);
    if (amount === null || Number.isNaN(amount)) return Promise.resolve(void (this._errors = { amount: msg('Give the amount in kronor.') }));
    return this._run(() => addPayment(this.projectId, p.id, { amount, paidOn: this._f.paidOn, note: this._f.note.trim() || null }), msg('Payment registered'));
  }

  private _install(p: Proposal): Promise<void> {
    return this._run(() => installProposal(this.projectId, p.id, {}, p.version), msg(str`${p.title} is installed and registered in the collection`));
  }

  override render() {
    if (!this.proposals.length) return html`<p class="empty">${msg('No proposals yet.')}</p>`;
    return html`<ul class="list">${this.proposals.map((p) => this._item(p))}</ul>`;
  }

  private _item(p: Proposal) {
    const open = this._open?.id === p.id ? this._open.mode : null;
    const installable = p.status === 'contracted' || p.status === 'in_production';
    return html`<li class="item" data-proposal=${p.id} data-status=${p.status}>
      <div class="head">
        <h3>${p.title}</h3>
        <span class="badge s-${p.status}">${proposalStatusLabel(p.status)}</span>
      </div>
      <p class="meta">${[p.artists.map((a) => a.name).join(', ') || msg('No artist yet'), objectTypeLabel(p.objectType)].join(' · ')}</p>
      <dl class="money">
        <div><dt>${msg('Estimated')}</dt><dd>${p.estimatedCost != null ? formatMoney(p.estimatedCost) : '–'}</dd></div>
        <div><dt>${msg('Contracted')}</dt><dd>${p.contractedCost != null ? formatMoney(p.contractedCost) : '–'}</dd></div>
        <div><dt>${msg('Paid')}</dt><dd>${formatMoney(p.paidToDate)}</dd></div>
      </dl>
      <p class="spot">${p.locationPath ? html`<span aria-hidden="true" class="diamond"></span>${p.locationPath}` : html`<span class="muted">${msg('Not placed on a plan yet')}</span>`}</p>
      ${p.status === 'installed'
        ? html`<p class="works">${msg(str`Installed ${formatDate(p.installedOn)}:`)} ${p.artworks.map((w, i) => html`${i ? ', ' : ''}<a href="/works/${w.id}">${w.inventoryNumber} ${w.title}</a>`)}</p>`
        : nothing}
      ${p.statusNote ? html`<p class="muted note">${p.statusNote}</p>` : nothing}
      ${this.canEdit && p.status !== 'installed'
        ? html`<div class="actions">
            ${NEXT_STATUSES[p.status]?.length ? html`<button type="button" aria-expanded=${open === 'status'} @click=${() => this._toggle(p, 'status')}>${msg('Change status')}</button>` : nothing}
            ${p.status !== 'rejected' ? html`<button type="button" @click=${() => this.dispatchEvent(new CustomEvent('kk-place-proposal', { detail: { proposal: p }, bubbles: true, composed: true }))}>${p.locationId ? msg('Move on the plan') : msg('Place on the plan')}</button>` : nothing}
            <button type="button" aria-expanded=${open === 'pay'} @click=${() => this._toggle(p, 'pay')}>${msg('Register payment')}</button>
            ${installable ? html`<button type="button" class="primary" aria-expanded=${open === 'install'} @click=${() => this._toggle(p, 'install')}>${msg('Mark installed')}</button>` : nothing}
          </div>`
        : nothing}
      ${open ? html`<div class="panel">${this._panel(p, open)}</div>` : nothing}
    </li>`;
  }

  private _panel(p: Proposal, mode: Mode) {
    const f = this._f;
    const set = (k: keyof KkProjectProposals['_f']) => (e: Event) => (this._f = { ...this._f, [k]: (e.target as HTMLInputElement).value });
    const err = (k: string) => this._errors[k];
    const errorBox = this._errors._ ? html`<p class="error-box" role="alert">${this._errors._}</p>` : nothing;
    if (mode === 'status')
      return html`<div class="form">
        <label class="native">${msg('New status')}
          <select name="status" @change=${set('status')}>${NEXT_STATUSES[p.status]!.map((s) => html`<option value=${s} ?selected=${s === f.status}>${proposalStatusLabel(s)}</option>`)}</select>
        </label>
        ${f.status === 'contracted' && p.status !== 'in_production'
          ? html`<wa-input name="contractedCost" label=${msg('Contracted cost (kr)')} .value=${f.cost} @input=${set('cost')} hint=${err('contractedCost') ?? ''} class=${err('contractedCost') ? 'invalid' : ''}></wa-input>
              <wa-input name="contractRef" label=${msg('Contract case number')} .value=${f.ref} @input=${set('ref')}></wa-input>`
          : nothing}
        <wa-input name="statusNote" label=${msg('Note')} .value=${f.note} @input=${set('note')}></wa-input>
        ${errorBox}
        <wa-button variant="brand" size="small" ?loading=${this._busy} @click=${() => this._saveStatus(p)}>${msg('Save')}</wa-button>
      </div>`;
    if (mode === 'pay')
      return html`<div class="form">
        <div class="row">
          <wa-input name="amount" label=${msg('Amount (kr)')} .value=${f.amount} @input=${set('amount')} hint=${err('amount') ?? ''} class=${err('amount') ? 'invalid' : ''}></wa-input>
          <wa-input name="paidOn" type="date" label=${msg('Paid on')} .value=${f.paidOn} @input=${set('paidOn')} hint=${err('paidOn') ?? ''} class=${err('paidOn') ? 'invalid' : ''}></wa-input>
        </div>
        <wa-input name="note" label=${msg('Invoice or note')} .value=${f.note} @input=${set('note')}></wa-input>
        ${errorBox}
        <wa-button variant="brand" size="small" ?loading=${this._busy} @click=${() => this._savePayment(p)}>${msg('Register')}</wa-button>
      </div>`;
    return html`<div class="form">
      <p>${p.locationPath
        ? msg(str`Registers the work in the collection as a commission of this project, placed at ${p.locationPath}.`)
        : msg('Place the proposal on the floor plan first: the work is registered where it is installed.')}</p>
      ${errorBox}
      ${p.locationPath ? html`<wa-button variant="brand" size="small" ?loading=${this._busy} @click=${() => this._install(p)}>${msg('Install and register')}</wa-button>` : nothing}
    </div>`;
  }

  static override styles = [
    formStyles,
    css`
      :host {
        display: block;
      }
      .list {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--kk-space-3);
      }
      .item {
        border: 1px solid var(--kk-border);
        border-radius: var(--kk-radius);
        padding: var(--kk-space-3) var(--kk-space-4);
        background: var(--kk-surface);
      }
      .head {
        display: flex;
        gap: var(--kk-space-2);
        align-items: baseline;
        justify-content: space-between;
        flex-wrap: wrap;
      }
      h3 {
        margin: 0;
        font-size: var(--kk-text-m);
      }
      .meta,
      .spot,
      .works,
      .note {
        margin: 4px 0;
        font-size: var(--kk-text-s);
      }
      .muted,
      .meta {
        color: var(--kk-text-muted);
      }
      .diamond {
        display: inline-block;
        width: 9px;
        height: 9px;
        background: #8250df;
        rotate: 45deg;
        margin-right: 8px;
      }
      .badge {
        font-size: var(--kk-text-xs);
        font-weight: 600;
        padding: 2px 8px;
        border-radius: 999px;
        background: var(--kk-surface-sunken);
        white-space: nowrap;
      }
      .s-contracted,
      .s-in_production {
        background: var(--kk-brand-soft);
        color: var(--kk-brand-strong);
      }
      .s-installed {
        background: var(--kk-success-soft);
        color: var(--kk-success);
      }
      .s-rejected {
        background: var(--kk-danger-soft);
        color: var(--kk-danger);
      }
      .money {
        display: flex;
        flex-wrap: wrap;
        gap: var(--kk-space-4);
        margin: var(--kk-space-2) 0;
        font-variant-numeric: tabular-nums;
      }
      .money dt {
        font-size: var(--kk-text-xs);
        color: var(--kk-text-muted);
      }
      .money dd {
        margin: 0;
        font-weight: 600;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--kk-space-2);
        margin-top: var(--kk-space-2);
      }
      .actions button {
        font: inherit;
        font-size: var(--kk-text-s);
        padding: 4px 10px;
        border: 1px solid var(--kk-border-strong);
        border-radius: var(--kk-radius);
        background: var(--kk-surface);
        color: var(--kk-text);
        cursor: pointer;
        min-height: 32px;
      }
      .actions button.primary {
        background: var(--kk-brand);
        border-color: var(--kk-brand);
        color: #fff;
      }
      .actions button:focus-visible {
        outline: 2px solid var(--kk-focus);
        outline-offset: 2px;
      }
      .panel {
        margin-top: var(--kk-space-3);
        padding-top: var(--kk-space-3);
        border-top: 1px dashed var(--kk-border);
      }
      .panel p {
        margin: 0;
      }
      .row {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
        gap: var(--kk-space-3);
      }
      .empty {
        color: var(--kk-text-muted);
        margin: 0;
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-project-proposals': KkProjectProposals;
  }
}
