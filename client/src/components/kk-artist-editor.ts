// <kk-artist-editor>: a work's artists in the edit form — picked from the authority register by
// typing (GET /api/artists?q=), in order (the first is the main artist), each with a role; an
// artist not yet in the register can be created on the spot (POST /api/artists).
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import '@awesome.me/webawesome/dist/components/input/input.js';
import '@awesome.me/webawesome/dist/components/button/button.js';
import { createArtist, findArtists, type Artist } from '../api/artists.js';
import { errorMessage, fieldErrorsOf } from '../api/error-messages.js';
import { ARTIST_ROLES, artistRoleLabel } from '../i18n/labels.js';
import { formStyles } from '../styles/form.js';

export type EditorArtist = { id: number; name: string; role: string; birthYear: number | null; deathYear: number | null };
export type ArtistsChangeEvent = CustomEvent<{ artists: EditorArtist[] }>;

export const lifeYears = (a: { birthYear: number | null; deathYear: number | null }): string =>
  a.birthYear || a.deathYear ? `${a.birthYear ?? ''}–${a.deathYear ?? ''}` : '';

/**
 * @event kk-artists-change - the list changed (added, removed, reordered, role); detail.artists
 */
@localized()
@customElement('kk-artist-editor')
export class KkArtistEditor extends LitElement {
  @property({ attribute: false }) artists: EditorArtist[] = [];
  /** A server or validation error about the list. */
  @property() error = '';
  @state() private _q = '';
  @state() private _results: Artist[] | null = null;
  @state() private _creating: { name: string; birthYear: string; deathYear: string } | null = null;
  @state() private _createErrors: Record<string, string> = {};
  @state() private _busy = false;
  private _abort?: AbortController;
  private _timer?: ReturnType<typeof setTimeout>;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._timer);
    this._abort?.abort();
  }

  /** Where focus goes once the parent has handed back the changed list (it re-renders the rows). */
  private _focusAfter: string | null = null;

  private _emit(artists: EditorArtist[], focus?: string): void {
    this._focusAfter = focus ?? null;
    this.dispatchEvent(new CustomEvent('kk-artists-change', { detail: { artists }, bubbles: true, composed: true }));
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('artists') && this._focusAfter) {
      this.renderRoot.querySelector<HTMLElement>(this._focusAfter)?.focus();
      this._focusAfter = null;
    }
  }

  private _search(e: Event): void {
    this._q = (e.target as HTMLInputElement).value;
    clearTimeout(this._timer);
    this._timer = setTimeout(async () => {
      this._abort?.abort();
      if (this._q.trim().length < 2) return void (this._results = null);
      const abort = (this._abort = new AbortController());
      try {
        this._results = (await findArtists(this._q.trim(), abort.signal)).items;
      } catch (err) {
        if ((err as Error).name !== 'AbortError') this._results = [];
      }
    }, 200);
  }

  private _add(a: Artist | EditorArtist): void {
    const role = 'role' in a ? a.role : 'artist';
    this._q = '';
    this._results = null;
    this._emit([...this.artists, { id: a.id, name: a.name, role, birthYear: a.birthYear, deathYear: a.deathYear }], 'wa-input.search');
  }

  private _move(i: number, by: -1 | 1): void {
    const list = [...this.artists];
    const [item] = list.splice(i, 1);
    list.splice(i + by, 0, item!);
    // Keep focus on the same button of the moved artist; at the end of the list, on the other one.
    const j = i + by;
    const which = (by === -1 && j === 0) || (by === 1 && j === list.length - 1) ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down';
    this._emit(list, `li[data-id="${item!.id}"] button.${which}`);
  }

  private _remove(i: number): void {
    this._emit(this.artists.filter((_, k) => k !== i), 'wa-input.search');
  }

  private _setRole(i: number, role: string): void {
    this._emit(this.artists.map((a, k) => (k === i ? { ...a, role } : a)));
  }

  private _startCreate(): void {
    this._creating = { name: this._q.trim(), birthYear: '', deathYear: '' };
    this._createErrors = {};
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.create wa-input')?.focus());
  }

  private async _create(): Promise<void> {
    const c = this._creating!;
    const year = (v: string, key: string, errors: Record<string, string>) => {
      if (!v.trim()) return null;
      const n = Number(v.trim());
      if (!Number.isInteger(n)) errors[key] = msg('Enter a whole number');
      return n;
    };
    const errors: Record<string, string> = {};
    if (!c.name.trim()) errors.name = msg('Required');
    const birthYear = year(c.birthYear, 'birthYear', errors);
    const deathYear = year(c.deathYear, 'deathYear', errors);
    this._createErrors = errors;
    if (Object.keys(errors).length) return;
    this._busy = true;
    try {
      const a = await createArtist({ name: c.name.trim(), birthYear, deathYear });
      this._creating = null;
      this._add(a);
    } catch (err) {
      this._createErrors = { ...fieldErrorsOf(err), _: errorMessage(err) };
    } finally {
      this._busy = false;
    }
  }

  private _onInputKey(e: KeyboardEvent): void {
    if (e.key !== 'ArrowDown') return;
    const first = this.renderRoot.querySelector<HTMLElement>('[role=option]');
    if (!first) return;
    e.preventDefault();
    first.focus();
  }

  private _onOptionKey(e: KeyboardEvent, pick: () => void): void {
    const li = e.currentTarget as HTMLElement;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      pick();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (e.key === 'ArrowDown' ? li.nextElementSibling : li.previousElementSibling) as HTMLElement | null;
      if (next) next.focus();
      else if (e.key === 'ArrowUp') this.renderRoot.querySelector<HTMLElement>('wa-input.search')?.focus();
    }
  }

  override render() {
    const chosen = new Set(this.artists.map((a) => a.id));
    const results = this._results?.filter((a) => !chosen.has(a.id)) ?? null;
    return html`<fieldset>
      <legend>${msg('Artists')}</legend>
      ${this.artists.length
        ? html`<ol class="chosen">
            ${repeat(
              this.artists,
              (a) => a.id,
              (a, i) => html`<li data-id=${a.id}>
                <span class="pos" aria-hidden="true">${i + 1}</span>
                <span class="name">${a.name}${lifeYears(a) ? html` <span class="muted">(${lifeYears(a)})</span>` : nothing}</span>
                <select aria-label=${msg(str`Role of ${a.name}`)} .value=${a.role} @change=${(e: Event) => this._setRole(i, (e.target as HTMLSelectElement).value)}>
                  ${ARTIST_ROLES.map((r) => html`<option value=${r} ?selected=${r === a.role}>${artistRoleLabel(r)}</option>`)}
                </select>
                <span class="tools">
                  <button type="button" class="up" ?disabled=${i === 0} aria-label=${msg(str`Move ${a.name} up`)} @click=${() => this._move(i, -1)}>↑</button>
                  <button type="button" class="down" ?disabled=${i === this.artists.length - 1} aria-label=${msg(str`Move ${a.name} down`)} @click=${() => this._move(i, 1)}>↓</button>
                  <button type="button" class="remove" aria-label=${msg(str`Remove ${a.name}`)} @click=${() => this._remove(i)}>×</button>
                </span>
              </li>`,
            )}
          </ol>`
        : html`<p class="muted">${msg('No artist recorded: the work shows as by an unknown artist.')}</p>`}
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
      <wa-input class="search" label=${msg('Add an artist')} hint=${msg('Type part of the name; the first artist is the main one.')} .value=${this._q}
        @input=${this._search} @keydown=${this._onInputKey} autocomplete="off"></wa-input>
      ${results
        ? html`<ul class="picker" role="listbox" aria-label=${msg('Artists found')}>
            ${results.map(
              (a) => html`<li role="option" aria-selected="false" tabindex="0" @click=${() => this._add(a)} @keydown=${(e: KeyboardEvent) => this._onOptionKey(e, () => this._add(a))}>
                ${a.name}${lifeYears(a) ? html` <span class="muted">(${lifeYears(a)})</span>` : nothing}
                <span class="muted small">${a.worksCount === 1 ? msg('1 work') : msg(str`${a.worksCount} works`)}</span>
              </li>`,
            )}
            <li role="option" aria-selected="false" tabindex="0" class="new" @click=${this._startCreate} @keydown=${(e: KeyboardEvent) => this._onOptionKey(e, () => this._startCreate())}>
              ${msg(str`New artist “${this._q.trim()}”…`)}
            </li>
          </ul>`
        : nothing}
      ${this._creating ? this._createForm(this._creating) : nothing}
    </fieldset>`;
  }

  private _createForm(c: NonNullable<KkArtistEditor['_creating']>) {
    const e = this._createErrors;
    const set = (key: keyof typeof c) => (ev: Event) => (this._creating = { ...c, [key]: (ev.target as HTMLInputElement).value });
    return html`<div class="create" role="group" aria-label=${msg('New artist')}>
      <wa-input label=${msg('Name')} required .value=${c.name} @input=${set('name')} hint=${e.name ?? msg('As it should appear, e.g. "Sigrid Hjertén"')} class=${e.name ? 'invalid' : ''}></wa-input>
      <div class="years">
        <wa-input label=${msg('Born')} inputmode="numeric" .value=${c.birthYear} @input=${set('birthYear')} hint=${e.birthYear ?? ''} class=${e.birthYear ? 'invalid' : ''}></wa-input>
        <wa-input label=${msg('Died')} inputmode="numeric" .value=${c.deathYear} @input=${set('deathYear')} hint=${e.deathYear ?? ''} class=${e.deathYear ? 'invalid' : ''}></wa-input>
      </div>
      ${e._ ? html`<p class="error-box" role="alert">${e._}</p>` : nothing}
      <div class="buttons">
        <wa-button size="s" appearance="outlined" @click=${() => (this._creating = null)}>${msg('Cancel')}</wa-button>
        <wa-button size="s" variant="brand" ?loading=${this._busy} @click=${this._create}>${msg('Create and add')}</wa-button>
      </div>
    </div>`;
  }

  static override styles = [
    formStyles,
    css`
      :host {
        display: block;
      }
      fieldset {
        border: 1px solid var(--kk-border);
        border-radius: var(--kk-radius-lg);
        background: var(--kk-surface);
        padding: var(--kk-space-4) var(--kk-space-5) var(--kk-space-5);
        margin: 0;
        display: flex;
        flex-direction: column;
        gap: var(--kk-space-3);
      }
      legend {
        font-weight: 650;
        padding: 0 6px;
        margin-left: -6px;
      }
      .chosen {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 6px;
      }
      .chosen li {
        display: grid;
        grid-template-columns: 24px minmax(0, 1fr) auto auto;
        align-items: center;
        gap: var(--kk-space-2);
        padding: 6px 8px;
        border: 1px solid var(--kk-border);
        border-radius: var(--kk-radius);
      }
      .pos {
        color: var(--kk-text-muted);
        font-variant-numeric: tabular-nums;
        text-align: center;
      }
      .name {
        font-weight: 500;
        overflow-wrap: anywhere;
      }
      .tools {
        display: inline-flex;
        gap: 4px;
      }
      .tools button {
        font: inherit;
        width: 32px;
        height: 32px;
        border: 1px solid var(--kk-border-strong);
        background: var(--kk-surface);
        border-radius: var(--kk-radius);
        cursor: pointer;
        color: var(--kk-text);
      }
      .tools button:disabled {
        opacity: 0.4;
        cursor: default;
      }
      .tools button:focus-visible,
      select:focus-visible {
        outline: 2px solid var(--kk-focus);
        outline-offset: 1px;
      }
      .picker {
        list-style: none;
        margin: 0;
        padding: 0;
        max-height: 260px;
        overflow: auto;
        border: 1px solid var(--kk-border);
        border-radius: var(--kk-radius);
      }
      .picker li {
        padding: 6px 10px;
        cursor: pointer;
        border-top: 1px solid var(--kk-border);
        display: flex;
        gap: 8px;
        align-items: baseline;
        flex-wrap: wrap;
      }
      .picker li:first-child {
        border-top: 0;
      }
      .picker li:hover {
        background: var(--kk-surface-sunken);
      }
      .picker li:focus-visible {
        outline: 2px solid var(--kk-focus);
        outline-offset: -2px;
      }
      .picker .new {
        color: var(--kk-link);
        font-weight: 500;
      }
      .small {
        font-size: var(--kk-text-xs);
        margin-left: auto;
      }
      .create {
        display: flex;
        flex-direction: column;
        gap: var(--kk-space-3);
        padding: var(--kk-space-3);
        background: var(--kk-surface-sunken);
        border-radius: var(--kk-radius);
      }
      .years {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: var(--kk-space-3);
      }
      .buttons {
        display: flex;
        gap: var(--kk-space-2);
        justify-content: flex-end;
      }
      @media (max-width: 600px) {
        fieldset {
          padding: var(--kk-space-3);
        }
        .chosen li {
          grid-template-columns: 24px minmax(0, 1fr) auto;
        }
        .chosen li .name {
          grid-column: 2 / -1;
        }
        .chosen li select {
          grid-column: 2;
        }
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-artist-editor': KkArtistEditor;
  }
  interface HTMLElementEventMap {
    'kk-artists-change': ArtistsChangeEvent;
  }
}
