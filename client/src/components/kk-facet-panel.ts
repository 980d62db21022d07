// <kk-facet-panel>: the search facets as filter chips with counts; a pressed chip is an active filter.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { FacetBucket, FacetName, SearchFacets } from '../api/search.js';
import { facetLabel, gradeLabel, incompleteLabel, objectTypeLabel, priorityLabel, statusLabel } from '../i18n/labels.js';
import { formatDate, formatNumber } from '../i18n/format.js';
import { FACET_ORDER, type SearchState } from '../lib/search-state.js';

export type FilterToggleEvent = CustomEvent<{ key: FacetName; value: string }>;

const COLLAPSED = 8;

/** The label of one facet value, in the current language. */
export function facetValueLabel(facet: string, value: string | number | null, label?: string): string {
  if (facet === 'status') return statusLabel(String(value));
  if (facet === 'type') return objectTypeLabel(String(value));
  if (facet === 'grade') return value === null || value === 'none' ? msg('Not checked') : gradeLabel(Number(value));
  if (facet === 'decade') return value === null ? msg('Undated') : msg(str`${value}s`);
  if (facet === 'hasImage') return value === 'true' ? msg('With picture') : msg('Without picture');
  if (facet === 'incomplete') return incompleteLabel(String(value));
  if (facet === 'need') return priorityLabel(String(value));
  if (facet === 'checkedSince' || facet === 'notCheckedSince') return formatDate(String(value));
  return label ?? String(value ?? '–');
}

/**
 * @event kk-filter-toggle - a chip was pressed; detail: { key, value }
 */
@localized()
@customElement('kk-facet-panel')
export class KkFacetPanel extends LitElement {
  @property({ attribute: false }) facets: SearchFacets = {};
  @property({ attribute: false }) filters: SearchState['filters'] = {};
  @state() private _expanded = new Set<string>();

  private _toggle(key: FacetName, value: string): void {
    this.dispatchEvent(new CustomEvent('kk-filter-toggle', { detail: { key, value }, bubbles: true, composed: true }));
  }

  private _group(facet: FacetName, buckets: FacetBucket[]) {
    const active = (this.filters[facet] ?? []) as string[];
    const sorted = facet === 'decade' ? [...buckets].sort((a, b) => Number(a.value ?? 99999) - Number(b.value ?? 99999)) : buckets;
    const expanded = this._expanded.has(facet);
    // Active values always stay visible, even past the collapsed limit.
    const shown = expanded ? sorted : sorted.filter((b, i) => i < COLLAPSED || active.includes(String(b.value ?? 'none')));
    const headingId = `facet-${facet}`;
    return html`<section class="group" aria-labelledby=${headingId}>
      <h3 id=${headingId}>${facetLabel(facet)}</h3>
      <div class="chips">
        ${shown.map((b) => {
          const value = String(b.value ?? 'none');
          const pressed = active.includes(value);
          return html`<button type="button" class="chip" aria-pressed=${pressed ? 'true' : 'false'} data-facet=${facet} data-value=${value} @click=${() => this._toggle(facet, value)}>
            <span class="label">${facetValueLabel(facet, b.value, b.label)}</span><span class="count">${formatNumber(b.count)}</span>
          </button>`;
        })}
        ${sorted.length > COLLAPSED
          ? html`<button type="button" class="more" aria-expanded=${expanded ? 'true' : 'false'} @click=${() => this._expand(facet)}>
              ${expanded ? msg('Show fewer') : msg(str`Show all ${sorted.length}`)}
            </button>`
          : nothing}
      </div>
    </section>`;
  }

  private _expand(facet: string): void {
    const next = new Set(this._expanded);
    if (next.has(facet)) next.delete(facet);
    else next.add(facet);
    this._expanded = next;
  }

  override render() {
    const groups = FACET_ORDER.filter((f) => this.facets[f]?.length);
    if (!groups.length) return nothing;
    return html`${groups.map((f) => this._group(f, this.facets[f]!))}`;
  }

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      gap: var(--kk-space-4);
    }
    h3 {
      font-size: var(--kk-text-xs);
      text-transform: uppercase;
      letter-spacing: 0.05em;
      color: var(--kk-text-muted);
      margin: 0 0 6px;
      font-weight: 650;
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      font: inherit;
      font-size: var(--kk-text-s);
      padding: 3px 4px 3px 10px;
      border: 1px solid var(--kk-border);
      background: var(--kk-surface);
      color: var(--kk-text);
      border-radius: 999px;
      cursor: pointer;
      max-width: 100%;
    }
    .chip .label {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .chip .count {
      font-size: var(--kk-text-xs);
      background: var(--kk-surface-sunken);
      color: var(--kk-text-muted);
      padding: 0 6px;
      border-radius: 999px;
      font-variant-numeric: tabular-nums;
    }
    .chip:hover {
      border-color: var(--kk-border-strong);
    }
    .chip[aria-pressed='true'] {
      background: var(--kk-brand);
      border-color: var(--kk-brand);
      color: #fff;
    }
    .chip[aria-pressed='true'] .count {
      /* Darker, not lighter, than the chip: white 12 px digits need 4.5:1. */
      background: rgb(0 0 0 / 25%);
      color: #fff;
    }
    .chip:focus-visible,
    .more:focus-visible {
      outline: 2px solid var(--kk-focus);
      outline-offset: 2px;
    }
    .more {
      font: inherit;
      font-size: var(--kk-text-s);
      border: 0;
      background: none;
      color: var(--kk-link);
      cursor: pointer;
      padding: 3px 6px;
      text-decoration: underline;
      text-underline-offset: 2px;
    }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-facet-panel': KkFacetPanel;
  }
  interface HTMLElementEventMap {
    'kk-filter-toggle': FilterToggleEvent;
  }
}
