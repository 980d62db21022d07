// The outcomes other than "Seen, OK", in a bottom sheet: damage (form), missing (one tap), found
// elsewhere (pick the room), not accessible (pick or type a reason).
import { msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import './kk-damage-form.js';
import type { DamageSubmit, KkDamageForm } from './kk-damage-form.js';
import type { CheckInput, Room, RoundItem } from './model.js';
import { sheet, shared, tokens } from './styles.js';

export type OutcomeChoice =
  | { outcome: 'seen_ok' }
  | { outcome: 'missing' }
  | { outcome: 'needs_action'; check: CheckInput; photos: { blob: Blob; name: string }[] }
  | { outcome: 'found_elsewhere'; locationId: number }
  | { outcome: 'not_accessible'; reason: string };
export type OutcomeEvent = CustomEvent<{ item: RoundItem; choice: OutcomeChoice }>;

type Step = 'menu' | 'damage' | 'elsewhere' | 'blocked';

/**
 * @event kk-outcome - { item, choice }
 */
@customElement('kk-outcome-sheet')
export class KkOutcomeSheet extends LitElement {
  static override styles = [
    tokens,
    shared,
    sheet,
    css`
      .menu {
        display: grid;
        gap: 8px;
        margin-top: 12px;
      }
      .menu button {
        justify-content: flex-start;
        min-height: 56px;
        font-size: 17px;
      }
      .rooms {
        list-style: none;
        padding: 0;
        margin: 8px 0 0;
        max-height: 45vh;
        overflow: auto;
      }
      .rooms button {
        width: 100%;
        justify-content: flex-start;
        text-align: left;
        border: none;
        border-bottom: 1px solid var(--kk-border);
        border-radius: 0;
        font-weight: 400;
        flex-direction: column;
        align-items: flex-start;
        gap: 0;
        padding: 8px 4px;
      }
      .rooms small {
        color: var(--kk-text-muted);
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
      }
      .chips button {
        border-radius: 999px;
        font-weight: 500;
      }
      .sub {
        margin: 0;
        color: var(--kk-text-muted);
      }
    `,
  ];

  @property({ attribute: false }) rooms: Room[] = [];
  @state() private item: RoundItem | null = null;
  @state() private step: Step = 'menu';
  @state() private filter = '';
  @state() private reason = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('kk-damage-form') private form?: KkDamageForm;

  async open(item: RoundItem, step: Step = 'menu') {
    this.item = item;
    this.step = step;
    this.filter = '';
    this.reason = '';
    await this.updateComplete;
    this.form?.reset();
    if (!this.dialog.open) this.dialog.showModal();
  }

  close() {
    this.dialog.close();
  }

  private choose(choice: OutcomeChoice) {
    const item = this.item!;
    this.close();
    this.dispatchEvent(new CustomEvent('kk-outcome', { detail: { item, choice }, bubbles: true, composed: true }));
  }

  override render() {
    const item = this.item;
    return html`<dialog aria-labelledby="sheet-title" @close=${() => (this.step = 'menu')}>
      ${item
        ? html`<h2 id="sheet-title">${this.heading(item)}</h2>
            <p class="sub">${item.work.inventoryNumber} · ${item.work.title}</p>
            ${this.renderStep(item)}`
        : nothing}
    </dialog>`;
  }

  private heading(item: RoundItem): string {
    switch (this.step) {
      case 'damage':
        return msg('Damage');
      case 'elsewhere':
        return msg('Found elsewhere: which room?');
      case 'blocked':
        return msg('Not accessible: why?');
      default:
        return msg(str`Outcome for ${item.work.inventoryNumber}`);
    }
  }

  private renderStep(item: RoundItem) {
    if (this.step === 'damage')
      return html`<kk-damage-form
        @kk-damage-submit=${(e: DamageSubmit) => this.choose({ outcome: 'needs_action', ...e.detail })}
        @kk-cancel=${() => (this.step = 'menu')}
      ></kk-damage-form>`;
    if (this.step === 'elsewhere') {
      const f = this.filter.trim().toLowerCase();
      const rooms = this.rooms.filter((r) => r.id !== item.expectedLocation?.id && (!f || r.path.toLowerCase().includes(f))).slice(0, 100);
      return html`<label for="room-filter">${msg('Search room')}</label>
        <input id="room-filter" type="search" autocomplete="off" .value=${this.filter} @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)} />
        <ul class="rooms">
          ${rooms.map(
            (r) => html`<li>
              <button @click=${() => this.choose({ outcome: 'found_elsewhere', locationId: r.id })}><span>${r.name}</span><small>${r.path}</small></button>
            </li>`,
          )}
        </ul>
        <div class="actions"><button @click=${() => (this.step = 'menu')}>${msg('Back')}</button></div>`;
    }
    if (this.step === 'blocked') {
      const reasons = [msg('Locked'), msg('Patient care in progress'), msg('Room in use'), msg('Blocked by furniture')];
      return html`<div class="chips">${reasons.map((r) => html`<button @click=${() => this.choose({ outcome: 'not_accessible', reason: r })}>${r}</button>`)}</div>
        <label for="reason">${msg('Other reason')}</label>
        <input id="reason" maxlength="500" .value=${this.reason} @input=${(e: Event) => (this.reason = (e.target as HTMLInputElement).value)} />
        <div class="actions">
          <button @click=${() => (this.step = 'menu')}>${msg('Back')}</button>
          <button class="primary" ?disabled=${!this.reason.trim()} @click=${() => this.choose({ outcome: 'not_accessible', reason: this.reason.trim() })}>${msg('Save')}</button>
        </div>`;
    }
    return html`<div class="menu">
      <button data-outcome="seen_ok" @click=${() => this.choose({ outcome: 'seen_ok' })}>${msg('Seen, OK')}</button>
      <button data-outcome="needs_action" @click=${() => (this.step = 'damage')}>${msg('Damage…')}</button>
      <button data-outcome="missing" @click=${() => this.choose({ outcome: 'missing' })}>${msg('Missing')}</button>
      <button data-outcome="found_elsewhere" @click=${() => (this.step = 'elsewhere')}>${msg('Found elsewhere…')}</button>
      <button data-outcome="not_accessible" @click=${() => (this.step = 'blocked')}>${msg('Not accessible…')}</button>
      <button @click=${() => this.close()}>${msg('Cancel')}</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-outcome-sheet': KkOutcomeSheet;
  }
}
