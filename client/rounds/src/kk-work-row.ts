// One work of a round: thumbnail, inventory number, title, spot, and the one-tap "Seen, OK".
import { msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import * as icons from './icons.js';
import { outcomeLabel, syncLabel } from './labels.js';
import type { ItemState, RoundItem } from './model.js';
import { shared, tokens } from './styles.js';

export type RowAction = 'seen_ok' | 'more' | 'spot' | 'retry';
export type RowActionEvent = CustomEvent<{ item: RoundItem; action: RowAction }>;

/**
 * @event kk-row-action - a button of the row was tapped: { item, action }
 */
@customElement('kk-work-row')
export class KkWorkRow extends LitElement {
  static override styles = [
    tokens,
    shared,
    css`
      :host {
        display: block;
        content-visibility: auto;
        contain-intrinsic-size: auto 88px;
      }
      .row {
        display: grid;
        grid-template-columns: 64px 1fr auto;
        gap: 12px;
        align-items: center;
        padding: 12px;
        background: var(--kk-surface);
        border-bottom: 1px solid var(--kk-border);
      }
      :host([highlight]) .row {
        background: var(--kk-brand-soft);
        box-shadow: inset 4px 0 0 var(--kk-brand);
      }
      .thumb {
        width: 64px;
        height: 64px;
        border-radius: 8px;
        object-fit: cover;
        background: var(--kk-surface-sunken);
        display: block;
      }
      .text {
        min-width: 0;
      }
      .inv {
        font-weight: 700;
        font-variant-numeric: tabular-nums;
        font-size: 15px;
      }
      .title {
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        font-size: 15px;
      }
      .spot {
        min-height: 32px;
        min-width: 0;
        padding: 0;
        border: none;
        background: none;
        font-weight: 400;
        font-size: 14px;
        color: var(--kk-text-muted);
        justify-content: flex-start;
        max-width: 100%;
      }
      .spot span {
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .spot svg {
        width: 16px;
        height: 16px;
      }
      .buttons {
        display: flex;
        gap: 6px;
      }
      .seen {
        min-width: 96px;
        padding: 0 12px;
      }
      .more {
        padding: 0;
        width: var(--kk-tap);
      }
      .state {
        display: inline-flex;
        align-items: center;
        gap: 4px;
        font-weight: 700;
        font-size: 14px;
        padding: 2px 8px;
        border-radius: 999px;
        background: var(--kk-success-soft);
        color: var(--kk-success);
        margin-top: 2px;
      }
      .state.warn {
        background: var(--kk-warning-soft);
        color: var(--kk-warning);
      }
      .state.bad {
        background: var(--kk-danger-soft);
        color: var(--kk-danger);
      }
      .sync {
        min-height: 32px;
        min-width: 32px;
        padding: 0 6px;
        border: none;
        background: none;
        color: var(--kk-text-muted);
      }
      .sync.failed {
        color: var(--kk-danger);
      }
      .sync svg {
        width: 18px;
        height: 18px;
      }
    `,
  ];

  @property({ attribute: false }) item!: RoundItem;
  @property({ attribute: false }) state!: ItemState;
  @property({ type: Boolean, reflect: true }) highlight = false;

  private fire(action: RowAction) {
    this.dispatchEvent(new CustomEvent('kk-row-action', { detail: { item: this.item, action }, bubbles: true, composed: true }));
  }

  override willUpdate() {
    this.dataset.outcome = this.state.outcome;
    this.dataset.sync = this.state.sync ?? 'none';
  }

  override render() {
    const { work } = this.item;
    const s = this.state;
    const done = s.outcome !== 'pending';
    const tone = s.outcome === 'seen_ok' || s.outcome === 'found_here' ? '' : s.outcome === 'missing' ? 'bad' : 'warn';
    const room = this.item.expectedLocation?.name ?? msg('No room');
    return html`<div class="row">
      ${work.thumbnailUrl ? html`<img class="thumb" src=${work.thumbnailUrl} alt="" loading="lazy" width="64" height="64" />` : html`<div class="thumb"></div>`}
      <div class="text">
        <div class="inv">${work.inventoryNumber}</div>
        <div class="title">${work.title}</div>
        ${done
          ? html`<span class="state ${tone}">${s.outcome === 'seen_ok' ? icons.check : nothing}${outcomeLabel(s.outcome)}${s.grade && s.outcome === 'needs_action' ? ` · ${s.grade}` : ''}</span
              >${s.sync ? this.renderSync(s.sync) : nothing}`
          : html`<button class="spot" @click=${() => this.fire('spot')}>
              ${icons.pin}<span>${room}</span><span class="visually-hidden">${msg(': show on the floor plan')}</span>
            </button>`}
      </div>
      <div class="buttons">
        ${done
          ? nothing
          : html`<button class="ok seen" data-action="seen_ok" @click=${() => this.fire('seen_ok')}>
              ${icons.check}${msg('OK')}<span class="visually-hidden">${msg(str`: seen, ${work.inventoryNumber}`)}</span>
            </button>`}
        <button class="more" data-action="more" @click=${() => this.fire('more')} aria-label=${msg(str`Other outcome for ${work.inventoryNumber}`)}>${icons.more}</button>
      </div>
    </div>`;
  }

  private renderSync(sync: NonNullable<ItemState['sync']>) {
    const icon = sync === 'synced' ? icons.cloud : sync === 'failed' ? icons.alert : icons.phone;
    return sync === 'failed'
      ? html`<button class="sync failed" @click=${() => this.fire('retry')} title=${syncLabel(sync)} aria-label=${syncLabel(sync)}>${icon}</button>`
      : html`<span class="sync" role="img" title=${syncLabel(sync)} aria-label=${syncLabel(sync)}>${icon}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-work-row': KkWorkRow;
  }
}
