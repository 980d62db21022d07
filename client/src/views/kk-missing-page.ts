// /missing — the follow-up of missing works: how long each has been gone, where it was last seen,
// the steps taken and the next one due; record a step, or register the work as found again.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { listMissing, type MissingItem, type MissingListResponse } from '../api/missing.js';
import { formatDate, formatNumber } from '../i18n/format.js';
import { navigate } from '../router.js';
import { pageStyles } from '../styles/shared.js';
import { roleAllows } from '../../../server/users/permissions.js';
import { ContextConsumer } from '@lit/context';
import { userContext } from '../context.js';
import { stepLabel } from '../components/kk-missing-step-dialog.js';
import '../components/kk-missing-found-dialog.js';
import { loadingState, loadFailedState } from '../components/load-states.js';

@localized()
@customElement('kk-missing-page')
export class KkMissingPage extends LitElement {
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _more: MissingItem[] = [];
  @state() private _cursor: string | null = null;
  private _user = new ContextConsumer(this, { context: userContext, subscribe: true });

  private _list = new Task(this, {
    task: async ([overdue], { signal }) => {
      const r = await listMissing({ overdue: overdue || undefined }, signal);
      this._more = [];
      this._cursor = r.nextCursor;
      return r;
    },
    args: () => [this.query.get('overdue') === 'true'] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    document.title = `${msg('Missing works')} · Konstkoll`;
  }

  private async _loadMore(): Promise<void> {
    const r = await listMissing({ overdue: this.query.get('overdue') === 'true' || undefined, cursor: this._cursor });
    this._more = [...this._more, ...r.items];
    this._cursor = r.nextCursor;
  }

  private _open(kind: 'step' | 'found', item: MissingItem): void {
    const dialog = document.createElement(kind === 'step' ? 'kk-missing-step-dialog' : 'kk-missing-found-dialog');
    dialog.item = item;
    dialog.addEventListener('kk-saved', () => this._list.run());
    this.renderRoot.appendChild(dialog);
    dialog.show();
  }

  override render() {
    const overdueOnly = this.query.get('overdue') === 'true';
    return html`
      <h1>${msg('Missing works')}</h1>
      <p class="muted">${msg('Works registered as missing, longest gone first. Record each step of the search; when a work turns up, register it as found: it is moved back and its history kept.')}</p>
      <div class="filters" role="group" aria-label=${msg('Show')}>
        <button type="button" aria-pressed=${overdueOnly ? 'false' : 'true'} @click=${() => navigate('/missing')}>${msg('All')}</button>
        <button type="button" aria-pressed=${overdueOnly ? 'true' : 'false'} @click=${() => navigate('/missing?overdue=true')}>${msg('Next step overdue')}</button>
      </div>
      ${this._list.render({
        pending: () => loadingState(),
        error: () => loadFailedState(msg('The list could not be loaded')),
        complete: (r) => this._body(r),
      })}
    `;
  }

  private _body(r: MissingListResponse) {
    const items = [...r.items, ...this._more];
    if (!items.length) return html`<div class="state"><strong>${msg('No missing works')}</strong>${msg('Nothing to follow up here.')}</div>`;
    const user = this._user.value;
    const canWrite = !!user && roleAllows(user.role, 'condition.write');
    return html`<p class="summary">${msg(str`${formatNumber(r.total)} works · ${formatNumber(r.counts.overdue)} with the next step overdue · police report after ${r.policeReportWeeks} weeks`)}</p>
      <ul class="items">
        ${items.map((i) => this._item(i, canWrite))}
      </ul>
      ${this._cursor ? html`<button type="button" class="more" @click=${this._loadMore}>${msg('Show more')}</button>` : nothing}`;
  }

  private _item(i: MissingItem, canWrite: boolean) {
    const seen = i.lastSeen;
    const seenText = !seen
      ? msg('Never seen since it was registered')
      : seen.kind === 'round'
        ? msg(str`On round “${seen.roundName ?? ''}”, ${formatDate(seen.at)}`)
        : seen.kind === 'check'
          ? msg(str`At a condition check, ${formatDate(seen.at)}`)
          : msg(str`When moved, ${formatDate(seen.at)}`);
    return html`<li class="card item" data-artwork=${i.artworkId}>
      <div class="main">
        <h2><a href="/works/${i.artworkId}">${i.inventoryNumber}</a> <span class="title">${i.title}</span></h2>
        <p class="muted">${i.artists}</p>
        <dl>
          <dt>${msg('Missing since')}</dt>
          <dd>${formatDate(i.missingSince)} <strong>${msg(str`(${formatNumber(i.daysMissing)} days)`)}</strong></dd>
          <dt>${msg('Registered at')}</dt>
          <dd>${i.locationText ?? i.siteName ?? '–'}</dd>
          <dt>${msg('Last seen')}</dt>
          <dd>${seenText}${seen?.place ? html`<br /><span class="muted">${seen.place}</span>` : nothing}</dd>
        </dl>
      </div>
      <div class="follow">
        <ol class="steps" aria-label=${msg('Steps taken')}>
          ${i.steps.map((s) => html`<li><strong>${stepLabel(s.step)}</strong> ${formatDate(s.date)}${s.reference ? html` · ${s.reference}` : nothing}${s.note ? html`<br /><span class="muted">${s.note}</span>` : nothing}</li>`)}
        </ol>
        ${i.nextStep
          ? html`<p class="next ${i.nextStep.overdue ? 'overdue' : ''}">${i.nextStep.overdue
              ? msg(str`Next: ${stepLabel(i.nextStep.step)}, overdue since ${formatDate(i.nextStep.due)}`)
              : msg(str`Next: ${stepLabel(i.nextStep.step)} by ${formatDate(i.nextStep.due)}`)}</p>`
          : html`<p class="next">${msg('All planned steps taken.')}</p>`}
        ${canWrite
          ? html`<div class="actions">
              <button type="button" @click=${() => this._open('step', i)}>${msg('Record a step')}</button>
              <button type="button" class="primary" @click=${() => this._open('found', i)}>${msg('Found again')}</button>
            </div>`
          : nothing}
      </div>
    </li>`;
  }

  static override styles = [
    pageStyles,
    css`
      .filters {
        display: flex;
        gap: var(--kk-space-2);
        margin: var(--kk-space-3) 0;
      }
      button {
        font: inherit;
        font-size: var(--kk-text-m);
        padding: 6px 12px;
        border-radius: var(--kk-radius);
        border: 1px solid var(--kk-border-strong);
        background: var(--kk-surface);
        color: var(--kk-text);
        cursor: pointer;
      }
      button[aria-pressed='true'],
      button.primary {
        background: var(--kk-brand);
        border-color: var(--kk-brand);
        color: #fff;
      }
      .items {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: var(--kk-space-3);
      }
      .item {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        gap: var(--kk-space-4);
      }
      @media (max-width: 720px) {
        .item {
          grid-template-columns: 1fr;
        }
      }
      .item h2 {
        font-size: var(--kk-text-l);
        margin: 0;
      }
      .title {
        font-style: italic;
        font-weight: normal;
      }
      .item p {
        margin: 2px 0 var(--kk-space-2);
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 2px var(--kk-space-3);
        margin: 0;
        font-size: var(--kk-text-m);
      }
      dt {
        color: var(--kk-text-muted);
      }
      dd {
        margin: 0;
      }
      .steps {
        margin: 0 0 var(--kk-space-2);
        padding-left: 1.2em;
        font-size: var(--kk-text-m);
        display: grid;
        gap: 4px;
      }
      .next {
        font-size: var(--kk-text-m);
      }
      .next.overdue {
        color: var(--kk-danger);
        font-weight: 600;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--kk-space-2);
      }
      .more {
        margin-top: var(--kk-space-3);
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-missing-page': KkMissingPage;
  }
}
