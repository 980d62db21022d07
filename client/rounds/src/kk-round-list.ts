// My rounds: the open rounds assigned to me (from the server when online) and the rounds already on
// the phone (always, also offline), with their progress.
import { msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { NetworkError } from '../../src/api/client.js';
import { myOpenRounds } from './api.js';
import { intlLocale } from './i18n/locale.js';
import { itemState, type QueuedResult, type RoundListEntry } from './model.js';
import { navigate } from './nav.js';
import { allResults, allRounds } from './store.js';
import { shared, tokens } from './styles.js';

type Card = RoundListEntry & { onPhone: boolean };

@customElement('kk-round-list')
export class KkRoundList extends LitElement {
  static override styles = [
    tokens,
    shared,
    css`
      :host {
        display: block;
      }
      header {
        background: var(--kk-brand-strong);
        color: #fff;
        padding: 12px 16px;
        display: flex;
        align-items: center;
        gap: 8px;
      }
      h1 {
        font-size: 20px;
        margin: 0;
        flex: 1;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 12px;
        display: grid;
        gap: 12px;
      }
      a.card {
        display: block;
        padding: 16px;
        background: var(--kk-surface);
        border: 1px solid var(--kk-border);
        border-radius: var(--kk-radius);
        color: inherit;
        text-decoration: none;
        min-height: var(--kk-tap);
      }
      .name {
        font-size: 18px;
        font-weight: 700;
        margin: 0 0 2px;
      }
      .meta {
        color: var(--kk-text-muted);
        margin: 0 0 10px;
      }
      .bar {
        height: 8px;
        background: var(--kk-surface-sunken);
        border-radius: 4px;
        overflow: hidden;
      }
      .bar span {
        display: block;
        height: 100%;
        background: var(--kk-success);
      }
      .foot {
        display: flex;
        justify-content: space-between;
        margin-top: 6px;
        font-size: 14px;
        color: var(--kk-text-muted);
      }
      .phone {
        color: var(--kk-success);
        font-weight: 600;
      }
      .message {
        margin: 24px 16px;
        text-align: center;
      }
    `,
  ];

  @state() private cards: Card[] | null = null;
  @state() private offline = false;

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    const [stored, local] = await Promise.all([allRounds(), allResults()]);
    const byRound = new Map<number, QueuedResult[]>();
    for (const q of local) byRound.set(q.roundId, [...(byRound.get(q.roundId) ?? []), q]);
    const fromPhone: Card[] = stored.map((s) => {
      const mine = byRound.get(s.id) ?? [];
      const visited = s.detail.items.filter((i) => itemState(i, mine.filter((q) => q.itemId === i.id)).outcome !== 'pending').length;
      return { id: s.id, name: s.detail.name, status: s.detail.status, dueDate: s.detail.dueDate, sitePath: s.detail.sitePath, itemCount: s.detail.items.length, visitedCount: visited, onPhone: true };
    });
    this.cards = fromPhone.filter((c) => c.status === 'open');
    try {
      const { items } = await myOpenRounds();
      const phone = new Map(fromPhone.map((c) => [c.id, c]));
      this.cards = [...items.map((r) => phone.get(r.id) ?? { ...r, onPhone: false }), ...fromPhone.filter((c) => c.status === 'open' && !items.some((r) => r.id === c.id))];
      this.offline = false;
    } catch (e) {
      if (e instanceof NetworkError) this.offline = true;
    }
  }

  override render() {
    const date = (d: string) => new Intl.DateTimeFormat(intlLocale(), { day: 'numeric', month: 'short' }).format(new Date(`${d}T12:00:00`));
    return html`<header><h1>${msg('My rounds')}</h1><slot name="sync"></slot></header>
      <main>
        ${this.offline ? html`<p class="message">${msg('Offline: showing the rounds on this phone.')}</p>` : nothing}
        ${this.cards === null
          ? html`<p class="message" role="status">${msg('Loading…')}</p>`
          : this.cards.length
            ? html`<ul>
                ${this.cards.map(
                  (c) => html`<li>
                    <a class="card" href="/rounds/${c.id}" @click=${(e: Event) => (e.preventDefault(), navigate(`/rounds/${c.id}`))}>
                      <p class="name">${c.name}</p>
                      <p class="meta">${c.sitePath ?? ''} · ${msg(str`due ${date(c.dueDate)}`)}</p>
                      <div class="bar"><span style="width:${c.itemCount ? (100 * c.visitedCount) / c.itemCount : 0}%"></span></div>
                      <div class="foot">
                        <span>${msg(str`${c.visitedCount} of ${c.itemCount} checked`)}</span>
                        ${c.onPhone ? html`<span class="phone">${msg('On this phone')}</span>` : nothing}
                      </div>
                    </a>
                  </li>`,
                )}
              </ul>`
            : html`<p class="message">${msg('No open rounds are assigned to you.')}</p>`}
      </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-round-list': KkRoundList;
  }
}
