// /damage-reports — the conservators' triage queue: what visitors reported from the art guide,
// newest first, per site; each report becomes a condition check or is dismissed with a note.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task } from '@lit/task';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { listDamageReports, type DamageReport, type ReportStatus } from '../api/damage-reports.js';
import { errorMessage } from '../api/error-messages.js';
import { listSites } from '../api/locations.js';
import type { SessionUser } from '../api/session.js';
import { userContext } from '../context.js';
import { formatNumber } from '../i18n/format.js';
import { toast } from '../lib/toast.js';
import { navigate } from '../router.js';
import { NAV_BADGES_STALE } from '../routes.js';
import { pageStyles } from '../styles/shared.js';
import { roleAllows } from '../../../server/users/permissions.js';
import '../components/kk-damage-report-card.js';
import type { ReportHandledEvent } from '../components/kk-damage-report-card.js';

const STATUSES: ReportStatus[] = ['new', 'converted', 'dismissed'];

@localized()
@customElement('kk-damage-reports-page')
export class KkDamageReportsPage extends LitElement {
  @property({ attribute: false }) query = new URLSearchParams();
  @consume({ context: userContext, subscribe: true }) @state() private _user: SessionUser | null = null;
  /** The list as shown: handled reports leave it at once, without a reload. */
  @state() private _items: DamageReport[] = [];
  @state() private _total = 0;

  private get _status(): ReportStatus {
    const s = this.query.get('status') as ReportStatus | null;
    return s && STATUSES.includes(s) ? s : 'new';
  }
  private get _site(): number | undefined {
    const n = Number(this.query.get('site'));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  }

  private _reports = new Task(this, {
    task: async ([status, site], { signal }) => {
      const r = await listDamageReports({ status, site }, signal);
      this._items = r.items;
      this._total = r.total;
      return r;
    },
    args: () => [this._status, this._site] as const,
  });

  private _sites = new Task(this, { task: ([], { signal }) => listSites(signal), args: () => [] });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query')) document.title = `${msg('Damage reports')} · Konstkoll`;
  }

  private _go(status: ReportStatus, site: number | undefined): void {
    const p = new URLSearchParams();
    if (status !== 'new') p.set('status', status);
    if (site) p.set('site', String(site));
    navigate(`/damage-reports${p.size ? `?${p}` : ''}`, { replace: true });
  }

  private async _onHandled(e: ReportHandledEvent): Promise<void> {
    const { report, outcome } = e.detail;
    window.dispatchEvent(new CustomEvent(NAV_BADGES_STALE));
    if (outcome === 'stale') {
      void toast(msg('Someone else has already handled this report.'), { variant: 'warning' });
      void this._reports.run();
      return;
    }
    const at = this._items.findIndex((r) => r.id === report.id);
    this._items = this._items.filter((r) => r.id !== report.id);
    this._total = Math.max(0, this._total - 1);
    void toast(outcome === 'converted' ? msg(str`Condition check recorded for ${report.title}`) : msg('Report dismissed'));
    // Focus goes to the next report (or the heading), not to the top of the page.
    await this.updateComplete;
    const cards = this.renderRoot.querySelectorAll('kk-damage-report-card');
    const next = cards[Math.min(at, cards.length - 1)];
    (next?.shadowRoot?.querySelector<HTMLElement>('h2 a') ?? this.renderRoot.querySelector<HTMLElement>('h1'))?.focus();
  }

  override render() {
    const canHandle = !!this._user && roleAllows(this._user.role, 'condition.write');
    const status = this._status;
    return html`
      <h1 tabindex="-1">${msg('Damage reports')}</h1>
      <p class="muted intro">${msg('Reports from visitors of the art guide. Make each one a condition check, or dismiss it with a note.')}</p>
      <div class="bar">
        <div class="tabs" role="group" aria-label=${msg('Show reports')}>
          ${STATUSES.map(
            (s) => html`<button type="button" aria-pressed=${s === status ? 'true' : 'false'} @click=${() => this._go(s, this._site)}>${this._statusLabel(s)}</button>`,
          )}
        </div>
        <label class="site">${msg('Site')}
          <select @change=${(e: Event) => this._go(status, Number((e.target as HTMLSelectElement).value) || undefined)}>
            <option value="" ?selected=${!this._site}>${msg('All sites')}</option>
            ${(this._sites.value?.items ?? []).map((s) => html`<option value=${s.id} ?selected=${this._site === s.id}>${s.name}</option>`)}
          </select>
        </label>
      </div>
      ${this._reports.render({
        pending: () => (this._reports.value ? this._list(canHandle) : html`<p class="state" role="status">${msg('Loading…')}</p>`),
        error: (e) => html`<div class="state error-box" role="alert"><strong>${msg('The reports could not be loaded')}</strong>${errorMessage(e)}</div>`,
        complete: () => this._list(canHandle),
      })}
    `;
  }

  private _statusLabel(s: ReportStatus): string {
    switch (s) {
      // Own ids: as tab labels these are plural in Swedish ("Nya", "Avfärdade").
      case 'new': return msg('New', { id: 'damage-reports.tab.new' });
      case 'converted': return msg('Made into checks');
      case 'dismissed': return msg('Dismissed', { id: 'damage-reports.tab.dismissed' });
    }
  }

  private _list(canHandle: boolean) {
    const status = this._status;
    return html`
      <h2 class="count" aria-live="polite">
        ${status === 'new'
          ? this._total === 1 ? msg('1 new report') : msg(str`${formatNumber(this._total)} new reports`)
          : this._total === 1 ? msg('1 report') : msg(str`${formatNumber(this._total)} reports`)}
      </h2>
      ${this._items.length
        ? html`<ol class="reports">
            ${repeat(this._items, (r) => r.id, (r) => html`<li><kk-damage-report-card .report=${r} ?canHandle=${canHandle} @kk-report-handled=${this._onHandled}></kk-damage-report-card></li>`)}
          </ol>
          ${this._total > this._items.length ? html`<p class="muted">${msg(str`Showing the newest ${formatNumber(this._items.length)}.`)}</p>` : nothing}`
        : html`<div class="state"><strong>${status === 'new' ? msg('Nothing to triage') : msg('No reports')}</strong>${status === 'new' ? msg('New reports from the art guide appear here.') : nothing}</div>`}
    `;
  }

  static override styles = [
    pageStyles,
    css`
      :host {
        max-width: 960px;
      }
      .intro {
        margin: 0 0 var(--kk-space-4);
      }
      h1:focus {
        outline: none;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        justify-content: space-between;
        gap: var(--kk-space-3);
        margin-bottom: var(--kk-space-4);
      }
      .tabs {
        display: inline-flex;
        border: 1px solid var(--kk-border-strong);
        border-radius: var(--kk-radius);
        overflow: hidden;
      }
      .tabs button {
        font: inherit;
        font-size: var(--kk-text-s);
        border: 0;
        background: var(--kk-surface);
        color: var(--kk-text);
        padding: 6px 12px;
        cursor: pointer;
      }
      .tabs button + button {
        border-left: 1px solid var(--kk-border-strong);
      }
      .tabs button[aria-pressed='true'] {
        background: var(--kk-text);
        color: #fff;
      }
      .site {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        font-size: var(--kk-text-s);
        color: var(--kk-text-muted);
      }
      select {
        font: inherit;
        font-size: var(--kk-text-s);
        padding: 5px 8px;
        border: 1px solid var(--kk-border-strong);
        border-radius: var(--kk-radius);
        background: var(--kk-surface);
        color: var(--kk-text);
        max-width: 60vw;
      }
      .count {
        font-size: var(--kk-text-l);
        font-variant-numeric: tabular-nums;
      }
      .reports {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: var(--kk-space-3);
      }
      @media (max-width: 600px) {
        .tabs {
          width: 100%;
        }
        .tabs button {
          flex: 1;
          padding: 8px 6px;
        }
        .site {
          width: 100%;
        }
        .site select {
          flex: 1;
          min-width: 0;
          max-width: none;
        }
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-damage-reports-page': KkDamageReportsPage;
  }
}
