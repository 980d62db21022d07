// <kk-history-list>: a work's change history from the audit log — who changed what, when, before → after.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { artworkHistory, type HistoryEntry } from '../api/artworks.js';
import { formatDateTime } from '../i18n/format.js';
import { fieldLabel } from '../i18n/field-labels.js';
import { artistRoleLabel } from '../i18n/labels.js';
import { getArtist } from '../api/artists.js';
import { pageStyles } from '../styles/shared.js';

/** Keys bookkeeping changes on every write; not worth showing as a change. */
const NOISE = new Set(['version', 'updatedAt', 'createdAt', 'id', 'inventoryKey']);

export function changedFields(e: Pick<HistoryEntry, 'before' | 'after'>): { key: string; before: unknown; after: unknown }[] {
  const before = e.before ?? {};
  const after = e.after ?? {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((k) => !NOISE.has(k) && JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
    .map((k) => ({ key: k, before: before[k], after: after[k] }));
}

type ArtistLink = { name?: string; artistId?: number; role?: string };

/** The artist ids named in an entry's artist lists (the audit stores ids and roles, not names). */
export function artistIdsOf(e: Pick<HistoryEntry, 'before' | 'after'>): number[] {
  const lists = [e.before?.artists, e.after?.artists].filter(Array.isArray) as ArtistLink[][];
  return [...new Set(lists.flat().flatMap((a) => (typeof a?.artistId === 'number' ? [a.artistId] : [])))];
}

export function showValue(v: unknown, artistNames: ReadonlyMap<number, string> = new Map()): string {
  if (v === null || v === undefined || v === '') return '–';
  if (typeof v === 'boolean') return v ? msg('Yes') : msg('No');
  if (Array.isArray(v))
    return v
      .map((x) => {
        if (typeof x !== 'object' || !x) return String(x);
        const a = x as ArtistLink;
        const name = a.name ?? (a.artistId !== undefined ? (artistNames.get(a.artistId) ?? `#${a.artistId}`) : '?');
        return a.role && a.role !== 'artist' ? `${name} (${artistRoleLabel(a.role)})` : name;
      })
      .join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function actionLabel(a: string): string {
  switch (a) {
    case 'create': return msg('Registered');
    case 'update': return msg('Edited');
    case 'status': return msg('Status changed');
    case 'move': return msg('Moved');
    default: return a;
  }
}

@localized()
@customElement('kk-history-list')
export class KkHistoryList extends LitElement {
  @property({ type: Number }) artworkId = 0;
  @state() private _more: HistoryEntry[] = [];
  @state() private _cursor: string | null = null;
  /** Names of the artists the loaded entries refer to by id. */
  @state() private _artistNames = new Map<number, string>();

  private _task = new Task(this, {
    task: async ([id], { signal }) => {
      const page = await artworkHistory(id as number, undefined, signal);
      this._more = [];
      this._cursor = page.nextCursor;
      void this._nameArtists(page.items);
      return page;
    },
    args: () => [this.artworkId] as const,
  });

  private async _loadMore(): Promise<void> {
    if (!this._cursor) return;
    const page = await artworkHistory(this.artworkId, this._cursor);
    this._more = [...this._more, ...page.items];
    this._cursor = page.nextCursor;
    void this._nameArtists(page.items);
  }

  private async _nameArtists(items: HistoryEntry[]): Promise<void> {
    const missing = [...new Set(items.flatMap(artistIdsOf))].filter((id) => !this._artistNames.has(id)).slice(0, 50);
    if (!missing.length) return;
    const found = await Promise.all(missing.map((id) => getArtist(id).then((a) => [id, a.name] as const, () => null)));
    const next = new Map(this._artistNames);
    for (const f of found) if (f) next.set(f[0], f[1]);
    this._artistNames = next;
  }

  override render() {
    return this._task.render({
      pending: () => html`<p class="muted" role="status">${msg('Loading…')}</p>`,
      error: () => html`<p class="error-box" role="alert">${msg('The history could not be loaded.')}</p>`,
      complete: (page) => {
        const items = [...page.items, ...this._more];
        if (!items.length) return html`<p class="muted">${msg('No changes recorded.')}</p>`;
        return html`<ol>
            ${items.map((e) => {
              const changes = e.action === 'create' ? [] : changedFields(e);
              return html`<li>
                <div class="head"><strong>${actionLabel(e.action)}</strong> <span class="muted">${msg(str`${formatDateTime(e.at)} by ${e.userName ?? msg('the system')}`)}</span></div>
                ${changes.length
                  ? html`<table>
                      <thead><tr><th scope="col">${msg('Field')}</th><th scope="col">${msg('Before')}</th><th scope="col">${msg('After')}</th></tr></thead>
                      <tbody>${changes.map((c) => html`<tr><th scope="row">${fieldLabel(c.key)}</th><td class="before">${showValue(c.before, this._artistNames)}</td><td>${showValue(c.after, this._artistNames)}</td></tr>`)}</tbody>
                    </table>`
                  : nothing}
              </li>`;
            })}
          </ol>
          ${this._cursor ? html`<button type="button" class="more" @click=${this._loadMore}>${msg('Show older changes')}</button>` : nothing}`;
      },
    });
  }

  static override styles = [
    pageStyles,
    css`
      :host {
        display: block;
        padding: 0;
        max-width: none;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: var(--kk-space-3);
      }
      li {
        border: 1px solid var(--kk-border);
        border-radius: var(--kk-radius);
        padding: 10px 12px;
        background: var(--kk-surface);
      }
      table {
        width: 100%;
        border-collapse: collapse;
        margin-top: 8px;
        font-size: var(--kk-text-s);
        table-layout: fixed;
      }
      th,
      td {
        text-align: left;
        padding: 4px 8px 4px 0;
        vertical-align: top;
        overflow-wrap: anywhere;
      }
      thead th {
        color: var(--kk-text-muted);
        font-weight: 500;
        border-bottom: 1px solid var(--kk-border);
      }
      tbody th {
        font-weight: 500;
      }
      td.before {
        color: var(--kk-text-muted);
        text-decoration: line-through;
      }
      .more {
        margin-top: var(--kk-space-3);
        font: inherit;
        background: none;
        border: 1px solid var(--kk-border-strong);
        border-radius: var(--kk-radius);
        padding: 6px 12px;
        cursor: pointer;
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-history-list': KkHistoryList;
  }
}
