// <kk-batch-dialog>: one change for many works (the selected ones or the whole result): pick the
// change (a field, a flag, the status, or a move to another location), see how many records it
// would change, apply it, and undo from the notice afterwards.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import '@awesome.me/webawesome/dist/components/dialog/dialog.js';
import '@awesome.me/webawesome/dist/components/input/input.js';
import '@awesome.me/webawesome/dist/components/button/button.js';
import { ApiError } from '../api/client.js';
import { errorMessage } from '../api/error-messages.js';
import type { LocationNode } from '../api/locations.js';
import { applyBatch, previewBatch, undoBatch, type BatchBody, type BatchChange, type BatchPreview } from '../api/batches.js';
import { formatNumber } from '../i18n/format.js';
import { fieldLabel } from '../i18n/field-labels.js';
import { MOUNTINGS, OBJECT_TYPES, STATUSES, mountingLabel, objectTypeLabel, statusLabel } from '../i18n/labels.js';
import { toast } from '../lib/toast.js';
import { formStyles } from '../styles/form.js';
import './kk-location-picker.js';
import type { LocationPickedEvent } from './kk-location-picker.js';

type Kind = 'status' | 'move' | 'mounting' | 'objectType' | 'flag';
const FLAGS = ['isPublic', 'antiTheftFixing', 'glazed', 'psychiatrySafe', 'cleanable', 'fixedInBuilding'] as const;

/**
 * @event kk-batch-applied - the batch was applied (or undone); the page should reload its results
 */
@localized()
@customElement('kk-batch-dialog')
export class KkBatchDialog extends LitElement {
  /** Which works: explicit ids, or the search's filters (the whole result). */
  @property({ attribute: false }) selection: BatchBody['selection'] = { ids: [] };
  /** How many works are selected (for the heading). */
  @property({ type: Number }) count = 0;
  @state() private _kind: Kind = 'status';
  @state() private _value = 'in_storage';
  @state() private _flag: (typeof FLAGS)[number] = 'isPublic';
  @state() private _note = '';
  /** A move's destination and reason. */
  @state() private _to: LocationNode | null = null;
  @state() private _reason = '';
  @state() private _reasonError = '';
  @state() private _preview: BatchPreview | null = null;
  @state() private _error = '';
  @state() private _busy = false;
  @query('wa-dialog') private _dialog!: HTMLElement & { open: boolean };

  show(): void {
    void this.updateComplete.then(() => (this._dialog.open = true));
    void this._runPreview();
  }

  private _change(): BatchChange {
    switch (this._kind) {
      case 'status':
        return { op: 'status', status: this._value as 'in_storage', note: this._note.trim() || null };
      case 'flag':
        return { op: 'flag', flag: this._flag, value: this._value === 'true' };
      case 'move':
        // The preview runs before a reason is typed; it is rolled back, so a placeholder reason is harmless.
        return { op: 'move', toLocationId: this._to?.id ?? 0, reason: this._reason.trim() || '-', note: this._note.trim() || null };
      default:
        return { op: 'set', field: this._kind, value: this._value };
    }
  }

  private _body(): BatchBody {
    return { selection: this.selection, change: this._change() };
  }

  private _seq = 0;
  private async _runPreview(): Promise<void> {
    const seq = ++this._seq;
    this._preview = null;
    this._error = '';
    if (this._kind === 'move' && !this._to) return;
    try {
      const p = await previewBatch(this._body());
      if (seq === this._seq) this._preview = p;
    } catch (e) {
      if (seq === this._seq) this._error = errorMessage(e);
    }
  }

  private _setKind(kind: Kind): void {
    this._kind = kind;
    this._value = kind === 'status' ? 'in_storage' : kind === 'mounting' ? 'wall' : kind === 'objectType' ? 'painting' : 'true';
    void this._runPreview();
  }

  private async _apply(): Promise<void> {
    if (this._kind === 'move' && !this._reason.trim()) {
      this._reasonError = msg('Say why the works are moved.');
      return;
    }
    this._busy = true;
    try {
      const batch = await applyBatch(this._body());
      this._dialog.open = false;
      this.dispatchEvent(new CustomEvent('kk-batch-applied', { bubbles: true, composed: true }));
      const applied = this;
      void toast(msg(str`${formatNumber(batch.changed)} works changed`), {
        action: {
          label: msg('Undo'),
          run: async () => {
            try {
              const undone = await undoBatch(batch.id);
              void toast(msg(str`Undone: ${formatNumber(undone.restored)} works restored`));
            } catch (e) {
              void toast(errorMessage(e), { variant: 'danger' });
            }
            applied.dispatchEvent(new CustomEvent('kk-batch-applied', { bubbles: true, composed: true }));
          },
        },
      });
    } catch (e) {
      this._error = e instanceof ApiError && e.code === 'validation' ? (Object.values(e.fieldErrors)[0] ?? errorMessage(e)) : errorMessage(e);
    } finally {
      this._busy = false;
    }
  }

  private _valueControl() {
    const onChange = (e: Event) => ((this._value = (e.target as HTMLSelectElement).value), void this._runPreview());
    const select = (opts: readonly string[], label: (v: string) => string) =>
      html`<label class="native">${msg('New value')}<select @change=${onChange}>${opts.map((o) => html`<option value=${o} ?selected=${o === this._value}>${label(o)}</option>`)}</select></label>`;
    switch (this._kind) {
      case 'status':
        return html`${select(STATUSES.filter((s) => s !== 'deaccessioned'), statusLabel)}
          <wa-input label=${msg('Note')} .value=${this._note} @change=${(e: Event) => ((this._note = (e.target as HTMLInputElement).value), void this._runPreview())}></wa-input>`;
      case 'move':
        return html`<kk-location-picker label=${msg('Move to')} .value=${this._to} @kk-location-picked=${(e: LocationPickedEvent) => ((this._to = e.detail.location), void this._runPreview())}></kk-location-picker>
          <wa-input label=${msg('Reason')} required .value=${this._reason} hint=${this._reasonError} class=${this._reasonError ? 'invalid' : ''}
            @input=${(e: Event) => ((this._reason = (e.target as HTMLInputElement).value), (this._reasonError = ''))}></wa-input>
          <wa-input label=${msg('Note')} .value=${this._note} @input=${(e: Event) => (this._note = (e.target as HTMLInputElement).value)}></wa-input>`;
      case 'mounting':
        return select(MOUNTINGS, mountingLabel);
      case 'objectType':
        return select(OBJECT_TYPES, objectTypeLabel);
      case 'flag':
        return html`<label class="native">${msg('Property')}<select @change=${(e: Event) => ((this._flag = (e.target as HTMLSelectElement).value as (typeof FLAGS)[number]), void this._runPreview())}>
            ${FLAGS.map((f) => html`<option value=${f} ?selected=${f === this._flag}>${fieldLabel(f)}</option>`)}</select></label>
          ${select(['true', 'false'], (v) => (v === 'true' ? msg('Yes') : msg('No')))}`;
    }
  }

  override render() {
    const p = this._preview;
    return html`<wa-dialog label=${msg(str`Change ${formatNumber(this.count)} works`)} @wa-after-hide=${(e: Event) => e.target === this._dialog && this.remove()}>
      <div class="form">
        <label class="native">${msg('What to change')}
          <select @change=${(e: Event) => this._setKind((e.target as HTMLSelectElement).value as Kind)}>
            <option value="status" ?selected=${this._kind === 'status'}>${fieldLabel('status')}</option>
            <option value="move" ?selected=${this._kind === 'move'}>${msg('Location (move)')}</option>
            <option value="mounting" ?selected=${this._kind === 'mounting'}>${fieldLabel('mounting')}</option>
            <option value="objectType" ?selected=${this._kind === 'objectType'}>${fieldLabel('objectType')}</option>
            <option value="flag" ?selected=${this._kind === 'flag'}>${msg('A yes/no property')}</option>
          </select>
        </label>
        ${this._valueControl()}
        <div class="preview" role="status" aria-live="polite">
          ${p
            ? html`<strong>${msg(str`${formatNumber(p.changed)} records will change`)}</strong>
                ${p.unchanged ? html`<span class="muted">${msg(str`${formatNumber(p.unchanged)} already have this value or cannot take it`)}</span>` : nothing}`
            : this._error
              ? nothing
              : this._kind === 'move' && !this._to
                ? html`<span class="muted">${msg('Choose where the works go to see how many will move.')}</span>`
                : html`<span class="muted">${msg('Counting…')}</span>`}
        </div>
        ${this._error ? html`<p class="error-box" role="alert">${this._error}</p>` : nothing}
        <p class="muted small">${msg('The change is saved as one batch: you can undo it afterwards as long as none of the works has been edited since.')}</p>
      </div>
      <wa-button slot="footer" appearance="outlined" @click=${() => (this._dialog.open = false)}>${msg('Cancel')}</wa-button>
      <wa-button slot="footer" variant="brand" ?loading=${this._busy} ?disabled=${!p || p.changed === 0} @click=${this._apply}>${p ? msg(str`Change ${formatNumber(p.changed)} records`) : msg('Apply')}</wa-button>
    </wa-dialog>`;
  }

  static override styles = [
    formStyles,
    css`
      .preview {
        display: flex;
        flex-direction: column;
        gap: 2px;
        padding: 10px 12px;
        background: var(--kk-surface-sunken);
        border-radius: var(--kk-radius);
        min-height: 44px;
      }
      .small {
        font-size: var(--kk-text-s);
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-batch-dialog': KkBatchDialog;
  }
}
