// <kk-project-budget>: a project's budget view — budget, committed, paid, remaining, a bar of the
// budget's use, a warning when commitments pass the budget, the decided override, and per year.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Budget } from '../api/projects.js';
import { formatMoney } from '../i18n/format.js';

const pct = (part: number, whole: number) => (whole > 0 ? Math.max(0, Math.min(100, (part / whole) * 100)) : part > 0 ? 100 : 0);

@localized()
@customElement('kk-project-budget')
export class KkProjectBudget extends LitElement {
  @property({ attribute: false }) budget!: Budget;
  /** Why the budget differs from the percent rule, and the decision (shown with an override). */
  @property({ attribute: false }) override: { reason: string | null; ref: string | null } | null = null;

  override render() {
    const b = this.budget;
    if (!b) return nothing;
    // The bar's scale: the budget, or the commitments when they pass it (so the overrun shows).
    const scale = Math.max(b.budget, b.committed + b.planned, 1);
    const over = b.committed - b.budget;
    return html`<section class="budget" aria-labelledby="budget-h">
      <h2 id="budget-h">${msg('Budget')}</h2>
      <dl class="figures">
        <div class="fig"><dt>${msg('Art budget')}</dt><dd data-figure="budget">${formatMoney(b.budget)}</dd></div>
        <div class="fig"><dt>${msg('Committed')}</dt><dd data-figure="committed" class=${b.overCommitted ? 'bad' : ''}>${formatMoney(b.committed)}</dd></div>
        <div class="fig"><dt>${msg('Paid')}</dt><dd data-figure="paid">${formatMoney(b.paid)}</dd></div>
        <div class="fig"><dt>${msg('Remaining')}</dt><dd data-figure="remaining" class=${b.remaining < 0 ? 'bad' : ''}>${formatMoney(b.remaining)}</dd></div>
      </dl>
      <div class="bar" role="img" aria-label=${msg(str`Paid ${formatMoney(b.paid)} and committed ${formatMoney(b.committed)} of the budget ${formatMoney(b.budget)}`)}>
        <span class="committed" style="width:${pct(b.committed, scale)}%"></span>
        <span class="paid" style="width:${pct(b.paid, scale)}%"></span>
        ${b.planned ? html`<span class="planned" style="left:${pct(b.committed, scale)}%;width:${pct(b.planned, scale)}%"></span>` : nothing}
        ${b.overCommitted ? html`<span class="over" style="left:${pct(b.budget, scale)}%;width:${pct(over, scale)}%"></span>` : nothing}
        <span class="limit" style="left:${pct(b.budget, scale)}%"></span>
      </div>
      <ul class="key" aria-hidden="true">
        <li><i class="paid"></i>${msg('Paid')}</li>
        <li><i class="committed"></i>${msg('Committed')}</li>
        ${b.planned ? html`<li><i class="planned"></i>${msg(str`Proposed, not contracted: ${formatMoney(b.planned)}`)}</li>` : nothing}
        ${b.overCommitted ? html`<li><i class="over"></i>${msg('Over budget')}</li>` : nothing}
        <li><i class="limit"></i>${msg('Budget')}</li>
      </ul>
      ${b.overCommitted
        ? html`<p class="warning" role="alert"><strong>${msg('Over budget.')}</strong> ${msg(str`Committed costs exceed the art budget by ${formatMoney(over)}.`)}</p>`
        : nothing}
      ${b.override !== null
        ? html`<p class="override">
            ${msg(str`Decided budget ${formatMoney(b.override)}; the percent rule gives ${formatMoney(b.computed)}.`)}
            ${this.override?.reason ? html`<br /><span class="muted">${this.override.reason}${this.override.ref ? html` · ${msg('Decision')} <span class="ref">${this.override.ref}</span>` : nothing}</span>` : nothing}
          </p>`
        : nothing}
      ${b.perYear.length
        ? html`<table class="years">
            <caption>${msg('Per year')}</caption>
            <thead><tr><th scope="col">${msg('Year')}</th><th scope="col">${msg('Committed')}</th><th scope="col">${msg('Paid')}</th></tr></thead>
            <tbody>
              ${b.perYear.map((y) => html`<tr><th scope="row">${y.year}</th><td>${formatMoney(y.committed)}</td><td>${formatMoney(y.paid)}</td></tr>`)}
            </tbody>
          </table>`
        : nothing}
    </section>`;
  }

  static override styles = css`
    :host {
      display: block;
    }
    h2 {
      font-size: var(--kk-text-l);
      font-weight: 600;
      margin: 0 0 var(--kk-space-3);
    }
    .figures {
      display: grid;
      grid-template-columns: repeat(4, minmax(0, 1fr));
      gap: var(--kk-space-3);
      margin: 0 0 var(--kk-space-4);
    }
    @media (max-width: 700px) {
      .figures {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
    }
    .fig {
      padding: var(--kk-space-3);
      border: 1px solid var(--kk-border);
      border-radius: var(--kk-radius);
      background: var(--kk-surface);
      min-width: 0;
    }
    dt {
      font-size: var(--kk-text-s);
      color: var(--kk-text-muted);
    }
    dd {
      margin: 2px 0 0;
      font-size: var(--kk-text-l);
      font-weight: 650;
      font-variant-numeric: tabular-nums;
      overflow-wrap: anywhere;
    }
    dd.bad {
      color: var(--kk-danger);
    }
    .bar {
      position: relative;
      height: 18px;
      border-radius: 9px;
      background: var(--kk-surface-sunken, #eef0f3);
      border: 1px solid var(--kk-border);
      overflow: hidden;
    }
    .bar span {
      position: absolute;
      top: 0;
      bottom: 0;
      left: 0;
    }
    .committed {
      background: #7fa7d9;
    }
    .paid {
      background: #1f5fa8;
    }
    .planned {
      background: repeating-linear-gradient(45deg, #c9d6e6 0 6px, #e7edf5 6px 12px);
    }
    .over {
      background: repeating-linear-gradient(135deg, #b42318 0 5px, #e5484d 5px 10px);
    }
    .bar .limit {
      width: 3px;
      margin-left: -1px;
      background: #1b1f24;
    }
    .key {
      display: flex;
      flex-wrap: wrap;
      gap: var(--kk-space-2) var(--kk-space-4);
      list-style: none;
      padding: 0;
      margin: var(--kk-space-2) 0 var(--kk-space-3);
      font-size: var(--kk-text-s);
      color: var(--kk-text-muted);
    }
    .key i {
      display: inline-block;
      width: 12px;
      height: 12px;
      border-radius: 3px;
      margin-right: 6px;
      vertical-align: -1px;
    }
    .key i.limit {
      width: 3px;
      background: #1b1f24;
    }
    .warning {
      margin: 0 0 var(--kk-space-3);
      padding: var(--kk-space-3) var(--kk-space-4);
      border: 1px solid var(--kk-danger);
      border-left-width: 5px;
      background: var(--kk-danger-soft);
      color: var(--kk-danger);
      border-radius: var(--kk-radius);
    }
    .override {
      margin: 0 0 var(--kk-space-3);
      font-size: var(--kk-text-s);
    }
    .muted {
      color: var(--kk-text-muted);
    }
    .ref {
      font-family: var(--kk-font-mono, monospace);
    }
    .years {
      border-collapse: collapse;
      font-size: var(--kk-text-s);
      font-variant-numeric: tabular-nums;
      min-width: min(100%, 360px);
    }
    .years caption {
      text-align: left;
      font-weight: 600;
      padding-bottom: var(--kk-space-1);
    }
    .years th,
    .years td {
      padding: 4px 12px 4px 0;
      border-bottom: 1px solid var(--kk-border);
      text-align: right;
    }
    .years th[scope='row'],
    .years thead th:first-child {
      text-align: left;
    }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-project-budget': KkProjectBudget;
  }
}
