// <kk-artwork-fields>: every catalogue field of a work, grouped the way a curator reads a record.
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { ArtworkDetail } from '../api/artworks.js';
import { formatCm, formatDate, formatMoney, formatNumber } from '../i18n/format.js';
import { acquisitionLabel, mountingLabel, objectTypeLabel } from '../i18n/labels.js';
import { pageStyles } from '../styles/shared.js';

type Row = [string, TemplateResult | string | null | undefined | false];

export function dimensionsText(w: Pick<ArtworkDetail, 'heightCm' | 'widthCm' | 'depthCm'>): string {
  const parts = [w.heightCm, w.widthCm, w.depthCm].filter((v): v is number => v !== null && v !== undefined);
  return parts.length ? `${parts.map(formatCm).join(' × ')} cm` : '';
}

@localized()
@customElement('kk-artwork-fields')
export class KkArtworkFields extends LitElement {
  @property({ attribute: false }) work!: ArtworkDetail;

  private _group(title: string, rows: Row[]) {
    const shown = rows.filter(([, v]) => v !== null && v !== undefined && v !== '' && v !== false);
    if (!shown.length) return nothing;
    return html`<section>
      <h3>${title}</h3>
      <dl class="fields">${shown.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
    </section>`;
  }

  override render() {
    const w = this.work;
    const yes = msg('Yes');
    const flags = [
      w.fixedInBuilding && msg('Fixed in the building'),
      w.antiTheftFixing && msg('Anti-theft fixing'),
      w.glazed && msg('Glazed'),
      w.cleanable && msg('Cleanable surfaces'),
      w.psychiatrySafe && msg('Suitable for psychiatric care'),
    ].filter(Boolean);
    const warnings = [
      w.ownershipUnclear && msg('Ownership unclear'),
      w.acquisitionDataMissing && msg('Acquisition data missing'),
      w.dimensionsUnknown && msg('Dimensions unknown'),
    ].filter(Boolean);
    return html`
      ${warnings.length ? html`<p class="warn" role="note">${warnings.join(' · ')}</p>` : nothing}
      ${this._group(msg('Identification'), [
        [msg('Inventory number'), html`<span class="mono">${w.inventoryNumber}</span>`],
        [msg('Title'), w.title],
        [msg('Artists'), w.artists.length ? html`${w.artists.map((a, i) => html`${i ? ', ' : ''}<a href="/artists/${a.id}">${a.name}</a>`)}` : msg('Unknown artist')],
        [msg('Object type'), objectTypeLabel(w.objectType)],
        [msg('Date'), w.datingText || (w.yearFrom ? (w.yearTo && w.yearTo !== w.yearFrom ? `${w.yearFrom}–${w.yearTo}` : String(w.yearFrom)) : null)],
      ])}
      ${this._group(msg('Object'), [
        [msg('Technique'), w.technique],
        [msg('Materials'), w.materials],
        [msg('Dimensions (h × w × d)'), dimensionsText(w)],
        [msg('Weight'), w.weightKg !== null ? `${formatNumber(w.weightKg)} kg` : null],
        [msg('Signed'), w.signed],
        [msg('Inscription'), w.inscription],
        [msg('Description'), w.description ? html`<span class="prose">${w.description}</span>` : null],
      ])}
      ${this._group(msg('Placement'), [
        [msg('Mounting'), mountingLabel(w.mounting)],
        [msg('Safety and suitability'), flags.join(', ')],
        [msg('Fire class'), w.fireClass],
      ])}
      ${this._group(msg('Acquisition'), [
        [msg('Method'), acquisitionLabel(w.acquisitionMethod)],
        [msg('Date acquired'), formatDate(w.acquisitionDate)],
        [msg('Price'), formatMoney(w.acquisitionPrice)],
        [msg('Source'), w.acquisitionSource],
        [msg('Registry number'), w.acquisitionRef],
        [msg('Insurance value'), formatMoney(w.insuranceValue)],
        [msg('Copyright'), w.copyright],
      ])}
      ${this._group(msg('Public art guide'), [
        [msg('Shown in the art guide'), w.isPublic ? yes : msg('No')],
        [msg('Text (Swedish)'), w.publicTextSv],
        [msg('Text (English)'), w.publicTextEn],
      ])}
      ${this._group(msg('Internal'), [
        [msg('Internal note'), w.internalNote],
        [msg('Registered'), formatDate(w.createdAt)],
        [msg('Last changed'), formatDate(w.updatedAt)],
      ])}
    `;
  }

  static override styles = [
    pageStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: var(--kk-space-5);
        padding: 0;
        max-width: none;
      }
      h3 {
        font-size: var(--kk-text-xs);
        text-transform: uppercase;
        letter-spacing: 0.05em;
        color: var(--kk-text-muted);
        border-bottom: 1px solid var(--kk-border);
        padding-bottom: 6px;
        margin-bottom: 10px;
      }
      .mono {
        font-family: var(--kk-font-mono);
      }
      .prose {
        white-space: pre-line;
      }
      .warn {
        margin: 0;
        padding: 8px 12px;
        border-radius: var(--kk-radius);
        background: var(--kk-warning-soft);
        color: var(--kk-warning);
        font-weight: 500;
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-artwork-fields': KkArtworkFields;
  }
}
