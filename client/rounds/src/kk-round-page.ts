// A round on the phone: the works in walking order with the next one on top, one tap for "Seen, OK",
// the other outcomes in a sheet, scanning, undo of the last tap, and the sync state.
import { msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import * as icons from './icons.js';
import './kk-outcome-sheet.js';
import './kk-plan-sheet.js';
import './kk-scan-sheet.js';
import './kk-work-row.js';
import type { KkOutcomeSheet, OutcomeChoice, OutcomeEvent } from './kk-outcome-sheet.js';
import type { KkPlanSheet } from './kk-plan-sheet.js';
import type { FoundHereEvent, KkScanSheet, ScannedEvent } from './kk-scan-sheet.js';
import type { RowActionEvent } from './kk-work-row.js';
import { outcomeLabel } from './labels.js';
import { inventoryKey, itemState, type ItemState, type QueuedResult, type Room, type RoundItem, type StoredRound } from './model.js';
import { downloadRound, refreshRound } from './offline.js';
import { dropResult, getRound, queueResult, resultsOf } from './store.js';
import { shared, tokens } from './styles.js';
import { sync, UNDO_WINDOW_MS } from './sync.js';
import { navigate } from './nav.js';

@customElement('kk-round-page')
export class KkRoundPage extends LitElement {
  static override styles = [
    tokens,
    shared,
    css`
      :host {
        display: block;
        padding-bottom: 150px;
      }
      header {
        position: sticky;
        top: 0;
        z-index: 2;
        background: var(--kk-brand-strong);
        color: #fff;
        padding: 4px 8px 10px;
      }
      .top {
        display: flex;
        align-items: center;
        gap: 4px;
      }
      .top button {
        background: none;
        border: none;
        color: #fff;
        padding: 0;
      }
      h1 {
        font-size: 18px;
        margin: 0;
        flex: 1;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .progress {
        display: flex;
        align-items: center;
        gap: 10px;
        padding: 0 8px;
        font-variant-numeric: tabular-nums;
        font-weight: 600;
      }
      progress {
        flex: 1;
        height: 10px;
        appearance: none;
        border: none;
        border-radius: 5px;
        background: rgb(255 255 255 / 25%);
        overflow: hidden;
      }
      progress::-webkit-progress-bar {
        background: rgb(255 255 255 / 25%);
      }
      progress::-webkit-progress-value {
        background: #8fd19e;
      }
      progress::-moz-progress-bar {
        background: #8fd19e;
      }
      h2 {
        font-size: 15px;
        margin: 0;
        padding: 16px 12px 6px;
        color: var(--kk-text-muted);
        text-transform: uppercase;
        letter-spacing: 0.03em;
      }
      .bottom {
        position: fixed;
        left: 0;
        right: 0;
        bottom: 0;
        z-index: 3;
        background: var(--kk-surface);
        border-top: 1px solid var(--kk-border);
        padding: 8px 12px calc(8px + env(safe-area-inset-bottom));
      }
      .bar {
        display: flex;
        gap: 8px;
      }
      .bar .primary {
        flex: 1;
        min-height: 56px;
        font-size: 18px;
      }
      .toast {
        display: flex;
        align-items: center;
        gap: 8px;
        margin-bottom: 8px;
        padding: 4px 4px 4px 12px;
        background: #1b1f24;
        color: #fff;
        border-radius: var(--kk-radius);
      }
      .toast span {
        flex: 1;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .toast button {
        background: none;
        color: #9cc3ff;
        border: none;
      }
      .message {
        padding: 24px 16px;
        text-align: center;
      }
      .extra {
        padding: 12px;
        background: var(--kk-surface);
        border-bottom: 1px solid var(--kk-border);
      }
    `,
  ];

  @property({ type: Number }) roundId = 0;
  @state() private round: StoredRound | null = null;
  @state() private local: QueuedResult[] = [];
  @state() private highlight = 0;
  @state() private last: QueuedResult | null = null;
  @state() private loading = '';
  @state() private error = '';
  @query('kk-outcome-sheet') private outcomeSheet!: KkOutcomeSheet;
  @query('kk-scan-sheet') private scanSheet!: KkScanSheet;
  @query('kk-plan-sheet') private planSheet!: KkPlanSheet;
  private lastRoomId: number | null = null;
  private onSync = () => void this.reloadLocal(true);

  override connectedCallback() {
    super.connectedCallback();
    sync.addEventListener('change', this.onSync);
    void this.load();
  }
  override disconnectedCallback() {
    super.disconnectedCallback();
    sync.removeEventListener('change', this.onSync);
  }

  private async load() {
    const [stored, local] = await Promise.all([getRound(this.roundId), resultsOf(this.roundId)]);
    this.local = local;
    if (stored) {
      this.round = stored;
      if (navigator.onLine) void refreshRound(this.roundId).then((r) => r && (this.round = r)).catch(() => {});
      return;
    }
    this.loading = msg('Downloading the round…');
    try {
      this.round = await downloadRound(this.roundId, (done, total) => (this.loading = msg(str`Downloading pictures ${done} / ${total}…`)));
    } catch {
      this.error = msg('The round could not be downloaded. Connect to the network and try again.');
    }
    this.loading = '';
  }

  private refreshing = false;
  private async reloadLocal(fromSync = false) {
    const before = this.local.filter((q) => q.state === 'synced').length;
    this.local = await resultsOf(this.roundId);
    // Results the server now holds (and items it added for works found here): fetch its view once.
    if (fromSync && !this.refreshing && this.local.filter((q) => q.state === 'synced').length > before) {
      this.refreshing = true;
      setTimeout(() => {
        void refreshRound(this.roundId)
          .then((r) => r && (this.round = r))
          .catch(() => {})
          .finally(() => (this.refreshing = false));
      }, 1000);
    }
  }

  /** Writes the tap to IndexedDB, shows it at once, and lets the sync send it after the undo window. */
  private record(item: RoundItem | null, choice: OutcomeChoice | { outcome: 'found_here'; locationId: number }, extra: Partial<QueuedResult> = {}) {
    const { photos, ...rest } = { photos: [] as { blob: Blob; name: string }[], ...choice };
    const q = {
      key: crypto.randomUUID(),
      roundId: this.roundId,
      itemId: item?.id ?? null,
      body: { ...rest, ...(item ? { itemId: item.id } : {}), recordedAt: new Date().toISOString() },
      state: 'queued',
      photoCount: photos.length,
      ...extra,
    } as QueuedResult;
    const saved = queueResult(q, photos.map((p) => ({ resultKey: q.key, roundId: this.roundId, blob: p.blob, name: p.name, state: 'queued' })));
    this.local = [...this.local, q];
    this.last = q;
    if (item?.expectedLocation) this.lastRoomId = item.expectedLocation.id;
    saved.then(
      () => (sync.changed(), sync.schedule(UNDO_WINDOW_MS + 100)),
      () => (this.error = msg('The result could not be saved on the phone.')),
    );
  }

  private async undo() {
    const q = this.last;
    if (!q) return;
    this.last = null;
    const fresh = (await resultsOf(this.roundId)).find((r) => r.key === q.key);
    if (fresh && fresh.state !== 'queued') {
      this.error = msg('Already synced: choose the right outcome on the work instead.');
      return;
    }
    await dropResult(q.key);
    sync.changed();
    this.local = this.local.filter((r) => r.key !== q.key);
    if (q.itemId) this.jumpTo(q.itemId);
  }

  private onRow(e: RowActionEvent) {
    const { item, action } = e.detail;
    if (action === 'seen_ok') this.record(item, { outcome: 'seen_ok' });
    else if (action === 'more') void this.outcomeSheet.open(item);
    else if (action === 'retry') void sync.retry();
    else if (action === 'spot') void this.planSheet.open(item, this.round?.floors.find((f) => f.floorId === item.expectedLocation?.floorId) ?? null);
  }

  private onScanned(e: ScannedEvent) {
    const key = inventoryKey(e.detail.inventoryNumber);
    const item = this.round?.detail.items.find((i) => inventoryKey(i.work.inventoryNumber) === key);
    if (item) {
      // A label read tells where the phone is: a work found here next goes to this room.
      if (item.expectedLocation) this.lastRoomId = item.expectedLocation.id;
      this.scanSheet.close();
      this.jumpTo(item.id);
    } else this.scanSheet.offerFoundHere(e.detail.inventoryNumber, this.lastRoomId ?? this.round?.detail.items[0]?.expectedLocation?.id ?? null);
  }

  private async jumpTo(itemId: number) {
    this.highlight = itemId;
    await this.updateComplete;
    const row = this.renderRoot.querySelector<HTMLElement>(`#item-${itemId}`);
    row?.scrollIntoView({ block: 'center' });
    row?.shadowRoot?.querySelector<HTMLButtonElement>('button.seen, button.more')?.focus();
  }

  /** The rooms of the round (a work found here must stay inside the round's area). */
  private roundRooms(): Room[] {
    const seen = new Map<number, Room>();
    for (const i of this.round?.detail.items ?? []) {
      const l = i.expectedLocation;
      if (l && !seen.has(l.id)) seen.set(l.id, { id: l.id, name: l.name, path: l.path.split(' › ').slice(1).join(' › '), floorId: l.floorId });
    }
    return [...seen.values()];
  }

  override render() {
    if (!this.round)
      return html`<div class="message" role=${this.error ? 'alert' : 'status'}>${this.error || this.loading || msg('Opening…')}</div>
        ${this.error ? html`<div class="message"><button @click=${() => navigate('/rounds/')}>${msg('Back to my rounds')}</button></div>` : nothing}`;
    const d = this.round.detail;
    const byItem = new Map<number, QueuedResult[]>();
    for (const q of this.local) if (q.itemId) byItem.set(q.itemId, [...(byItem.get(q.itemId) ?? []), q]);
    const states = new Map<number, ItemState>(d.items.map((i) => [i.id, itemState(i, byItem.get(i.id))]));
    const todo = d.items.filter((i) => states.get(i.id)!.outcome === 'pending');
    const done = d.items.filter((i) => states.get(i.id)!.outcome !== 'pending');
    const known = new Set(d.items.flatMap((i) => i.history.map((h) => h.idempotencyKey)));
    const extras = this.local.filter((q) => !q.itemId && !known.has(q.key));
    const visited = done.length;
    const total = d.items.length;
    const row = (i: RoundItem) =>
      html`<kk-work-row id="item-${i.id}" .item=${i} .state=${states.get(i.id)!} ?highlight=${this.highlight === i.id}></kk-work-row>`;
    const lastState = this.last && (this.local.find((q) => q.key === this.last!.key)?.state ?? 'queued');
    const lastItem = this.last?.itemId ? d.items.find((i) => i.id === this.last!.itemId) : null;
    return html`<header>
        <div class="top">
          <button @click=${() => navigate('/rounds/')} aria-label=${msg('My rounds')}>${icons.back}</button>
          <h1>${d.name}</h1>
          <slot name="sync"></slot>
        </div>
        <div class="progress">
          <progress max=${total} .value=${visited} aria-label=${msg('Progress')}></progress>
          <span>${visited} / ${total}</span>
        </div>
      </header>
      ${this.error ? html`<p class="message" role="alert">${this.error}</p>` : nothing}
      ${d.status === 'closed' ? html`<p class="message">${msg('This round is closed.')}</p>` : nothing}
      <main @kk-row-action=${this.onRow}>
        ${todo.length ? html`<h2>${msg(str`To check (${todo.length})`)}</h2>` : html`<p class="message">${msg('Every work has a result.')}</p>`}
        <div role="list" aria-label=${msg('To check')}>${repeat(todo, (i) => i.id, (i) => html`<div role="listitem">${row(i)}</div>`)}</div>
        ${done.length || extras.length ? html`<h2>${msg(str`Done (${done.length + extras.length})`)}</h2>` : nothing}
        <div role="list" aria-label=${msg('Done')}>
          ${extras.map((q) => html`<div role="listitem" class="extra"><b>${q.inventoryNumber}</b> · ${outcomeLabel('found_here')}</div>`)}
          ${repeat(done, (i) => i.id, (i) => html`<div role="listitem">${row(i)}</div>`)}
        </div>
      </main>
      <div class="bottom">
        ${this.last && lastState === 'queued'
          ? html`<div class="toast" role="status">
              <span>${outcomeLabel(this.last.body.outcome)}: ${lastItem?.work.inventoryNumber ?? this.last.inventoryNumber ?? ''}</span>
              <button data-action="undo" @click=${this.undo}>${icons.undo}${msg('Undo')}</button>
            </div>`
          : nothing}
        <div class="bar">
          <button class="primary" data-action="scan" ?disabled=${d.status === 'closed'} @click=${() => this.scanSheet.open()}>${icons.scan}${msg('Scan')}</button>
          <button data-action="summary" @click=${() => navigate(`/rounds/${this.roundId}/summary`)}>${icons.list}${msg('Summary')}</button>
        </div>
      </div>
      <kk-outcome-sheet
        .rooms=${this.round.rooms}
        @kk-outcome=${(e: OutcomeEvent) => this.record(e.detail.item, e.detail.choice)}
      ></kk-outcome-sheet>
      <kk-scan-sheet
        .rooms=${this.roundRooms()}
        @kk-scanned=${this.onScanned}
        @kk-found-here=${(e: FoundHereEvent) => this.record(null, { outcome: 'found_here', locationId: e.detail.locationId }, { inventoryNumber: e.detail.inventoryNumber })}
      ></kk-scan-sheet>
      <kk-plan-sheet></kk-plan-sheet>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-round-page': KkRoundPage;
  }
}
