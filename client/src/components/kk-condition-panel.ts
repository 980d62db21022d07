// <kk-condition-panel>: a work's condition — the latest grade, next check, open treatments and
// everything that happened to it as one timeline (checks, treatment steps, moves, status changes).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { ArtworkDetail } from '../api/artworks.js';
import { formatDate, formatMoney } from '../i18n/format.js';
import { priorityLabel, treatmentStatusLabel } from '../i18n/labels.js';
import { pageStyles, timelineStyles } from '../styles/shared.js';
import './kk-status-badge.js';
import './kk-timeline.js';

@localized()
@customElement('kk-condition-panel')
export class KkConditionPanel extends LitElement {
  @property({ attribute: false }) work!: ArtworkDetail;

  override render() {
    const w = this.work;
    const overdue = w.nextCheckDue && w.nextCheckDue < new Date().toISOString().slice(0, 10);
    return html`
      <div class="summary">
        <div><span class="k">${msg('Condition')}</span><kk-status-badge .grade=${w.lastGrade ?? 0}></kk-status-badge></div>
        <div><span class="k">${msg('Last checked')}</span>${w.lastCheckAt ? formatDate(w.lastCheckAt) : msg('Never')}</div>
        <div class=${overdue ? 'overdue' : ''}><span class="k">${msg('Next check due')}</span>${w.nextCheckDue ? formatDate(w.nextCheckDue) : '–'}${overdue ? html` <strong>(${msg('overdue')})</strong>` : nothing}</div>
      </div>
      ${w.openTreatments.length
        ? html`<section>
            <h3>${msg('Open conservation treatments')}</h3>
            <ol class="timeline">
              ${w.openTreatments.map(
                (t) => html`<li class="treatment">
                  <div class="when">${formatDate(t.startedAt ?? t.approvedAt ?? t.proposedAt)}</div>
                  <div><strong>${treatmentStatusLabel(t.status)}</strong> · ${t.description ?? ''}
                    <div class="muted">${[t.contractorName, t.priority ? priorityLabel(t.priority) : '', t.costEstimate ? msg(str`estimate ${formatMoney(t.costEstimate)}`) : ''].filter(Boolean).join(' · ')}</div>
                  </div>
                </li>`,
              )}
            </ol>
          </section>`
        : nothing}
      <section>
        <h3>${msg('History')}</h3>
        <kk-timeline artworkId=${w.id} refreshKey=${`${w.version}:${w.lastCheckAt ?? ''}`}></kk-timeline>
      </section>
    `;
  }

  static override styles = [
    pageStyles,
    timelineStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: var(--kk-space-5);
        padding: 0;
        max-width: none;
      }
      .summary {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
        gap: var(--kk-space-3);
      }
      .summary > div {
        background: var(--kk-surface-sunken);
        border-radius: var(--kk-radius);
        padding: 10px 12px;
        display: flex;
        flex-direction: column;
        gap: 2px;
      }
      .summary .k {
        font-size: var(--kk-text-xs);
        color: var(--kk-text-muted);
      }
      .overdue {
        color: var(--kk-danger);
      }
      .timeline li.treatment::before {
        border-color: var(--kk-warning);
      }
      .timeline li.superseded .when {
        text-decoration: line-through;
      }
      .when {
        color: var(--kk-text-muted);
        font-size: var(--kk-text-s);
        font-variant-numeric: tabular-nums;
      }
      .small {
        font-size: var(--kk-text-xs);
      }
      @media (max-width: 600px) {
        .timeline li {
          grid-template-columns: 1fr;
          gap: 2px;
        }
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-condition-panel': KkConditionPanel;
  }
}
