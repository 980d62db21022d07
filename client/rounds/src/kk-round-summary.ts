// The end of a round on the phone: counts per outcome, the works that need attention, what still
// waits on the phone, and closing the round (for those allowed, once everything is synced).
import { msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, NetworkError } from '../../src/api/client.js';
import { closeRound, type ClosePreview } from './api.js';
import * as icons from './icons.js';
import { outcomeLabel } from './labels.js';
import { countOutcomes, itemState, type QueuedResult, type RoundOutcome, type StoredRound } from './model.js';
import { navigate } from './nav.js';
import { refreshRound } from './offline.js';
import { getRound, putRound, resultsOf } from './store.js';
import { shared, tokens } from './styles.js';
import { sync } from './sync.js';

const ORDER: (RoundOutcome | 'pending')[] = ['seen_ok', 'needs_action', 'found_elsewhere', 'found_here', 'missing', 'not_accessible', 'pending'];

@customElement('kk-round-summary')
export class KkRoundSummary extends LitElement {
  static override styles = [
    tokens,
    shared,
    css`
      :host {
        display: block;
        padding: 0 0 32px;
      }
      header {
        background: var(--kk-brand-strong);
        color: #fff;
        padding: 4px 8px 12px;
        display: flex;
        align-items: center;
        gap: 4px;
      }
      header button {
        background: none;
        border: none;
        color: #fff;
        padding: 0;
      }
      h1 {
        font-size: 18px;
        margin: 0;
        flex: 1;
      }
      section {
        background: var(--kk-surface);
        margin: 12px;
        border-radius: var(--kk-radius);
        padding: 12px 16px;
        border: 1px solid var(--kk-border);
      }
      h2 {
        font-size: 16px;
        margin: 0 0 8px;
      }
      dl {
        display: grid;
        grid-template-columns: 1fr auto;
        margin: 0;
        row-gap: 6px;
        font-size: 16px;
      }
      dd {
        margin: 0;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
        text-align: right;
      }
      ul {
        padding-left: 18px;
        margin: 0;
      }
      li {
        margin: 4px 0;
      }
      .close {
        width: 100%;
        margin-top: 8px;
        min-height: 56px;
      }
      .note {
        margin: 8px 0 0;
      }
      [role='alert'] {
        color: var(--kk-danger);
        font-weight: 600;
      }
    `,
  ];

  @property({ type: Number }) roundId = 0;
  @property({ type: Boolean }) canClose = false;
  @state() private round: StoredRound | null = null;
  @state() private local: QueuedResult[] = [];
  @state() private preview: ClosePreview | null = null;
  @state() private busy = false;
  @state() private error = '';
  private onSync = () => void resultsOf(this.roundId).then((l) => (this.local = l));

  override connectedCallback() {
    super.connectedCallback();
    sync.addEventListener('change', this.onSync);
    void Promise.all([getRound(this.roundId), resultsOf(this.roundId)]).then(([r, l]) => ((this.round = r ?? null), (this.local = l)));
  }
  override disconnectedCallback() {
    super.disconnectedCallback();
    sync.removeEventListener('change', this.onSync);
  }

  private async close(confirm: boolean) {
    this.busy = true;
    this.error = '';
    try {
      await sync.flush();
      const answer = await closeRound(this.roundId, confirm);
      if (!confirm) this.preview = answer;
      else {
        this.preview = null;
        this.round = (await refreshRound(this.roundId)) ?? this.round;
      }
    } catch (e) {
      this.error = e instanceof NetworkError ? msg('No network: the round can be closed when you are online.') : e instanceof ApiError ? e.message : String(e);
      if (e instanceof ApiError && e.code === 'round.closed' && this.round) await putRound({ ...this.round, detail: { ...this.round.detail, status: 'closed' } });
    }
    this.busy = false;
  }

  override render() {
    const r = this.round;
    if (!r) return html`<p role="status">${msg('Opening…')}</p>`;
    const byItem = new Map<number, QueuedResult[]>();
    for (const q of this.local) if (q.itemId) byItem.set(q.itemId, [...(byItem.get(q.itemId) ?? []), q]);
    const states = r.detail.items.map((i) => ({ item: i, state: itemState(i, byItem.get(i.id)) }));
    const counts = countOutcomes(states.map((s) => s.state));
    const waiting = this.local.filter((q) => q.state !== 'synced');
    const attention = states.filter((s) => ['needs_action', 'missing', 'not_accessible', 'found_elsewhere'].includes(s.state.outcome));
    return html`<header>
        <button @click=${() => navigate(`/rounds/${this.roundId}`)} aria-label=${msg('Back to the round')}>${icons.back}</button>
        <h1>${msg('Summary')}: ${r.detail.name}</h1>
      </header>
      <main>
        <section aria-labelledby="counts">
          <h2 id="counts">${msg(str`${r.detail.items.length - counts.pending} of ${r.detail.items.length} works checked`)}</h2>
          <dl>${ORDER.filter((o) => counts[o]).map((o) => html`<dt>${outcomeLabel(o)}</dt><dd data-count=${o}>${counts[o]}</dd>`)}</dl>
        </section>
        ${attention.length
          ? html`<section aria-labelledby="attention">
              <h2 id="attention">${msg('Needs attention')}</h2>
              <ul>
                ${attention.map((s) => html`<li><b>${s.item.work.inventoryNumber}</b> ${s.item.work.title} – ${outcomeLabel(s.state.outcome)}</li>`)}
              </ul>
            </section>`
          : nothing}
        <section aria-labelledby="sync-h">
          <h2 id="sync-h">${msg('Sync')}</h2>
          <p class="note" data-waiting=${waiting.length}>
            ${waiting.length ? msg(str`${waiting.length} results are still on the phone.`) : msg('Every result is on the server.')}
          </p>
        </section>
        ${this.renderClose(r, waiting.length)}
      </main>`;
  }

  private renderClose(r: StoredRound, waiting: number) {
    if (r.detail.status === 'closed') return html`<section><p class="note">${msg('The round is closed.')}</p></section>`;
    if (!this.canClose) return html`<section><p class="note">${msg('Your role cannot close rounds.')}</p></section>`;
    const p = this.preview;
    return html`<section aria-labelledby="close-h">
      <h2 id="close-h">${msg('Close the round')}</h2>
      ${p
        ? html`<p class="note">
              ${msg(str`${p.toMarkMissing.length} works will be registered as missing; ${p.toRecheck.length} get a new check within 30 days.`)}
            </p>
            <button class="danger close" data-action="confirm-close" ?disabled=${this.busy} @click=${() => this.close(true)}>${msg('Close the round now')}</button>`
        : html`<button class="primary close" data-action="close" ?disabled=${this.busy || waiting > 0} @click=${() => this.close(false)}>${msg('Close the round…')}</button>
            ${waiting ? html`<p class="note">${msg('Sync every result first.')}</p>` : nothing}`}
      ${this.error ? html`<p class="note" role="alert">${this.error}</p>` : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-round-summary': KkRoundSummary;
  }
}
