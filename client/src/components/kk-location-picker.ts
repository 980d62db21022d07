// <kk-location-picker>: choose a location by typing part of its name (search as you type over
// GET /api/locations?q=); the matches show with their path, so "Väntrum 2" in two hospitals differ.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import '@awesome.me/webawesome/dist/components/input/input.js';
import { findLocations, type LocationNode } from '../api/locations.js';
import { locationKindLabel } from '../i18n/labels.js';
import { formStyles } from '../styles/form.js';

export type LocationPickedEvent = CustomEvent<{ location: LocationNode }>;

/**
 * @event kk-location-picked - a location was chosen; detail.location
 */
@localized()
@customElement('kk-location-picker')
export class KkLocationPicker extends LitElement {
  /** The input's label. */
  @property() label = '';
  /** An error to show under the input (replaces the hint). */
  @property() error = '';
  /** The chosen location (shown as selected in the list and below it). */
  @property({ attribute: false }) value: LocationNode | null = null;
  @state() private _q = '';
  @state() private _results: LocationNode[] = [];
  @state() private _searched = false;
  private _abort?: AbortController;
  private _timer?: ReturnType<typeof setTimeout>;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._timer);
    this._abort?.abort();
  }

  private _search(e: Event): void {
    this._q = (e.target as HTMLInputElement).value;
    clearTimeout(this._timer);
    this._timer = setTimeout(async () => {
      this._abort?.abort();
      if (this._q.trim().length < 2) {
        this._results = [];
        this._searched = false;
        return;
      }
      const abort = (this._abort = new AbortController());
      try {
        this._results = (await findLocations(this._q.trim(), abort.signal)).items;
        this._searched = true;
      } catch (err) {
        if ((err as Error).name !== 'AbortError') this._results = [];
      }
    }, 200);
  }

  private _pick(l: LocationNode): void {
    this.value = l;
    this.dispatchEvent(new CustomEvent('kk-location-picked', { detail: { location: l }, bubbles: true, composed: true }));
  }

  private _onInputKey(e: KeyboardEvent): void {
    if (e.key !== 'ArrowDown' || !this._results.length) return;
    e.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('li[role=option]')?.focus();
  }

  private _onOptionKey(e: KeyboardEvent, l: LocationNode): void {
    const li = e.currentTarget as HTMLElement;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this._pick(l);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (e.key === 'ArrowDown' ? li.nextElementSibling : li.previousElementSibling) as HTMLElement | null;
      if (next) next.focus();
      else if (e.key === 'ArrowUp') this.renderRoot.querySelector<HTMLElement>('wa-input')?.focus();
    }
  }

  override render() {
    return html`
      <wa-input label=${this.label || msg('Location')} hint=${this.error || msg('Type part of a site, building or room name.')} class=${this.error ? 'invalid' : ''}
        .value=${this._q} @input=${this._search} @keydown=${this._onInputKey} autocomplete="off"></wa-input>
      ${this._results.length
        ? html`<ul class="picker" role="listbox" aria-label=${msg('Locations found')}>
            ${this._results.map(
              (l) => html`<li role="option" aria-selected=${this.value?.id === l.id ? 'true' : 'false'} tabindex="0"
                @click=${() => this._pick(l)} @keydown=${(e: KeyboardEvent) => this._onOptionKey(e, l)}>
                <span class="kind">${locationKindLabel(l.kind)}</span> ${l.pathText ?? l.name}
              </li>`,
            )}
          </ul>`
        : this._searched
          ? html`<p class="muted" role="status">${msg('No location matches.')}</p>`
          : nothing}
      ${this.value ? html`<p class="chosen">${msg('Chosen:')} <strong>${this.value.pathText ?? this.value.name}</strong></p>` : nothing}
    `;
  }

  static override styles = [
    formStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: var(--kk-space-2);
      }
      .picker {
        list-style: none;
        margin: 0;
        padding: 0;
        max-height: 220px;
        overflow: auto;
        border: 1px solid var(--kk-border);
        border-radius: var(--kk-radius);
      }
      .picker li {
        padding: 6px 10px;
        cursor: pointer;
        border-top: 1px solid var(--kk-border);
      }
      .picker li:first-child {
        border-top: 0;
      }
      .picker li[aria-selected='true'] {
        background: var(--kk-brand-soft);
      }
      .picker li:focus-visible {
        outline: 2px solid var(--kk-focus);
        outline-offset: -2px;
      }
      .kind {
        font-size: var(--kk-text-xs);
        color: var(--kk-text-muted);
        text-transform: uppercase;
      }
      .chosen {
        margin: 0;
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-location-picker': KkLocationPicker;
  }
  interface HTMLElementEventMap {
    'kk-location-picked': LocationPickedEvent;
  }
}
