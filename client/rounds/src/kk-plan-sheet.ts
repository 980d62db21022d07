// Where a work hangs: its room and, when it has a spot, a pin on the downloaded floor plan.
import { msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { FloorPlan, RoundItem } from './model.js';
import { sheet, shared, tokens } from './styles.js';

@customElement('kk-plan-sheet')
export class KkPlanSheet extends LitElement {
  static override styles = [
    tokens,
    shared,
    sheet,
    css`
      .plan {
        position: relative;
        margin-top: 12px;
        background: var(--kk-surface-sunken);
        border-radius: var(--kk-radius);
        overflow: hidden;
      }
      .plan img {
        width: 100%;
        display: block;
      }
      .pin {
        position: absolute;
        width: 22px;
        height: 22px;
        margin: -11px 0 0 -11px;
        border-radius: 50%;
        background: var(--kk-danger);
        border: 3px solid #fff;
        box-shadow: 0 0 0 2px var(--kk-danger);
      }
    `,
  ];

  @state() private item: RoundItem | null = null;
  @state() private plan: FloorPlan | null = null;
  @query('dialog') private dialog!: HTMLDialogElement;

  async open(item: RoundItem, plan: FloorPlan | null) {
    this.item = item;
    this.plan = plan;
    await this.updateComplete;
    this.dialog.showModal();
  }

  override render() {
    const item = this.item;
    const w = item?.work;
    const spot = w && w.posX != null && w.posY != null && this.plan?.url;
    return html`<dialog aria-labelledby="plan-title">
      ${item && w
        ? html`<h2 id="plan-title">${item.expectedLocation?.name ?? msg('No room')}</h2>
            <p class="muted">${item.expectedLocation?.path ?? ''}</p>
            ${this.plan?.url
              ? html`<div class="plan">
                  <img src=${this.plan.url} alt=${msg('Floor plan')} />
                  ${spot ? html`<span class="pin" style="left:${w.posX! * 100}%;top:${w.posY! * 100}%" role="img" aria-label=${w.inventoryNumber}></span>` : nothing}
                </div>`
              : html`<p>${msg('No floor plan for this floor.')}</p>`}
            ${this.plan?.url && !spot ? html`<p class="muted">${msg('The work has no spot on the plan yet.')}</p>` : nothing}`
        : nothing}
      <div class="actions"><button @click=${() => this.dialog.close()}>${msg('Close')}</button></div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-plan-sheet': KkPlanSheet;
  }
}
