// <kk-timeline>: everything that happened to a work in one chronological list (GET
// /api/artworks/:id/timeline) — condition checks, each treatment step, movements, status changes
// and the acquisition — newest first, with a filter per kind.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { artworkTimeline, type TimelineItem, type TimelineType } from '../api/artworks.js';
import { errorMessage } from '../api/error-messages.js';
import { formatDate, formatMoney, formatNumber } from '../i18n/format.js';
import { acquisitionLabel, damageLabel, priorityLabel, statusLabel, treatmentStatusLabel } from '../i18n/labels.js';
import { pageStyles, timelineStyles } from '../styles/shared.js';
import './kk-status-badge.js';

const TYPES: readonly TimelineType[] = ['check', 'treatment', 'movement', 'status', 'acquisition'];

function typeLabel(t: TimelineType): string {
  switch (t) {
    case 'check': return msg('Condition checks');
    case 'treatment': return msg('Treatments');
    case 'movement': return msg('Movements');
    case 'status': return msg('Status changes');
    case 'acquisition': return msg('Acquisition');
  }
}

type Of<T extends TimelineType> = Extract<TimelineItem, { type: T }>;

@localized()
@customElement('kk-timeline')
export class KkTimeline extends LitElement {
  @property({ type: Number }) artworkId = 0;
  /** Changes when the work changes (a new check, a move): the list reloads. */
  @property() refreshKey = '';
  /** The kinds shown; empty = all. */
  @state() private _shown = new Set<TimelineType>();

  private _task = new Task(this, {
    task: ([id], { signal }) => artworkTimeline(id as number, signal),
    args: () => [this.artworkId, this.refreshKey] as const,
  });

  private _toggle(t: TimelineType | null): void {
    if (t === null) return void (this._shown = new Set());
    const next = new Set(this._shown);
    if (next.has(t)) next.delete(t);
    else next.add(t);
    // Every kind chosen is the same as "all".
    this._shown = next.size === TYPES.length ? new Set() : next;
  }

  override render() {
    return this._task.render({
      pending: () => (this._task.value ? this._list(this._task.value.items) : html`<p class="muted" role="status">${msg('Loading…')}</p>`),
      error: (e) => html`<p class="error-box" role="alert">${msg('The history could not be loaded.')} ${errorMessage(e)}</p>`,
      complete: (r) => this._list(r.items),
    });
  }

  private _list(items: TimelineItem[]) {
    const counts = new Map<TimelineType, number>();
    for (const i of items) counts.set(i.type, (counts.get(i.type) ?? 0) + 1);
    const all = this._shown.size === 0;
    const shown = all ? items : items.filter((i) => this._shown.has(i.type));
    // A check that a later check corrects is shown struck through.
    const corrected = new Set(items.flatMap((i) => (i.type === 'check' && i.correctsCheckId ? [i.correctsCheckId] : [])));
    return html`
      <div class="filters" role="group" aria-label=${msg('Show in the history')}>
        <button type="button" aria-pressed=${all ? 'true' : 'false'} @click=${() => this._toggle(null)}>${msg('All')} <span class="n">${formatNumber(items.length)}</span></button>
        ${TYPES.filter((t) => counts.has(t)).map(
          (t) => html`<button type="button" data-type=${t} aria-pressed=${this._shown.has(t) ? 'true' : 'false'} @click=${() => this._toggle(t)}>${typeLabel(t)} <span class="n">${formatNumber(counts.get(t)!)}</span></button>`,
        )}
      </div>
      ${shown.length
        ? html`<ol class="timeline">
            ${shown.map((i) => html`<li class=${i.type} data-type=${i.type}><div class="when">${formatDate(i.at)}</div><div>${this._item(i, corrected)}</div></li>`)}
          </ol>`
        : html`<p class="muted">${items.length ? msg('Nothing of this kind.') : msg('Nothing recorded yet.')}</p>`}
    `;
  }

  private _item(i: TimelineItem, corrected: Set<number>) {
    switch (i.type) {
      case 'check': return this._check(i, corrected.has(i.checkId));
      case 'treatment': return this._treatment(i);
      case 'movement': return this._movement(i);
      case 'status': return this._status(i);
      case 'acquisition':
        return html`<span class="kind">${msg('Acquisition')}</span>${i.method ? html`<div>${acquisitionLabel(i.method)}</div>` : nothing}${i.source ? html`<div class="muted">${i.source}</div>` : nothing}`;
    }
  }

  private _check(c: Of<'check'>, isCorrected: boolean) {
    const notes = [c.userName ?? msg('Unknown'), c.roundId ? msg('on a round') : '', c.correctsCheckId ? msg('corrects an earlier check') : '', isCorrected ? msg('corrected later') : '', c.resolvedAt ? msg(str`resolved ${formatDate(c.resolvedAt)}`) : '']
      .filter(Boolean)
      .join(' · ');
    return html`<span class="kind">${msg('Condition check')}</span>
      <div class=${isCorrected ? 'superseded' : ''}>
        <kk-status-badge .grade=${c.grade}></kk-status-badge>
        ${c.damageTypes.length ? html`<span class="muted"> · ${c.damageTypes.map(damageLabel).join(', ')}</span>` : nothing}
      </div>
      ${c.recommendedAction ? html`<div>${c.recommendedAction}${c.priority !== 'none' ? html` <span class="muted">(${priorityLabel(c.priority)})</span>` : nothing}</div>` : nothing}
      ${c.note ? html`<div class="muted note">${c.note}</div>` : nothing}
      <div class="muted small">${notes}</div>`;
  }

  private _treatment(t: Of<'treatment'>) {
    const who = t.contractorName ?? (t.performer === 'in_house' ? msg('in-house') : msg('contractor'));
    return html`<span class="kind">${msg('Treatment')}</span>
      <div><strong>${treatmentStatusLabel(t.step)}</strong> · ${t.description}</div>
      ${t.workDone ? html`<div>${t.workDone}</div>` : nothing}
      ${t.reason ? html`<div class="muted">${t.reason}</div>` : nothing}
      <div class="muted small">${[who, t.cost != null ? (t.step === 'proposed' ? msg(str`estimate ${formatMoney(t.cost)}`) : formatMoney(t.cost)) : ''].filter(Boolean).join(' · ')}</div>`;
  }

  private _movement(m: Of<'movement'>) {
    return html`<span class="kind">${msg('Movement')}</span>
      <div>${m.from ? html`<span class="muted">${m.from}</span> → ` : nothing}${m.to ?? '–'}</div>
      <div class="muted small">${[m.reason, m.roundId ? msg('on a round') : '', m.userName].filter(Boolean).join(' · ')}</div>`;
  }

  private _status(s: Of<'status'>) {
    return html`<span class="kind">${msg('Status')}</span>
      <div>${s.from ? html`<kk-status-badge status=${s.from}></kk-status-badge> → ` : nothing}<kk-status-badge status=${s.to}></kk-status-badge></div>
      ${s.note ? html`<div class="muted note">${s.note}</div>` : nothing}
      <div class="muted small">${[s.via === 'movement' ? msg('with a move') : '', s.userName].filter(Boolean).join(' · ')}</div>`;
  }

  static override styles = [
    pageStyles,
    timelineStyles,
    css`
      :host {
        display: block;
        padding: 0;
        max-width: none;
      }
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        margin-bottom: var(--kk-space-3);
      }
      .filters button {
        font: inherit;
        font-size: var(--kk-text-s);
        border: 1px solid var(--kk-border-strong);
        background: var(--kk-surface);
        color: var(--kk-text);
        border-radius: 999px;
        padding: 3px 10px;
        cursor: pointer;
      }
      .filters button[aria-pressed='true'] {
        background: var(--kk-brand);
        border-color: var(--kk-brand);
        color: #fff;
      }
      .n {
        font-variant-numeric: tabular-nums;
        opacity: 0.8;
      }
      .timeline li.check::before {
        border-color: var(--kk-brand);
      }
      .timeline li.treatment::before {
        border-color: var(--kk-warning);
      }
      .timeline li.status::before {
        border-color: var(--kk-text);
      }
      .kind {
        display: block;
        font-size: var(--kk-text-xs);
        color: var(--kk-text-muted);
        text-transform: uppercase;
        letter-spacing: 0.03em;
      }
      .superseded {
        text-decoration: line-through;
      }
      .note {
        white-space: pre-line;
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
    'kk-timeline': KkTimeline;
  }
}
