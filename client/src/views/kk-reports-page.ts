// /reports — the collection reports as PDF and CSV: an inventory list of a location (grouped by
// building › floor › room, with thumbnails), insurance values and condition by site, and every work
// of an artist. The server streams them; here they are plain links.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { LocationNode } from '../api/locations.js';
import { findArtists, type Artist } from '../api/artists.js';
import { artistReportUrl, conditionReportUrl, insuranceReportUrl, inventoryReportUrl } from '../api/reports.js';
import { pageStyles } from '../styles/shared.js';
import { loadLocationPicker, type PickedEvent } from '../components/picker-loader.js';

@localized()
@customElement('kk-reports-page')
export class KkReportsPage extends LitElement {
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _location: LocationNode | null = null;
  @state() private _artistQ = '';
  @state() private _artists: Artist[] = [];
  @state() private _artist: Artist | null = null;
  private _timer?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    document.title = `${msg('Reports')} · Konstkoll`;
    void loadLocationPicker();
  }

  private _findArtist(e: Event): void {
    this._artistQ = (e.target as HTMLInputElement).value;
    clearTimeout(this._timer);
    this._timer = setTimeout(async () => {
      this._artists = this._artistQ.trim().length >= 2 ? (await findArtists(this._artistQ.trim())).items : [];
    }, 200);
  }

  private _links(pdf: string, csv: string, name: string) {
    return html`<p class="links">
      <a class="button" href=${pdf} target="_blank" rel="noopener" aria-label=${`${name}, PDF`}>PDF</a>
      <a class="button" href=${csv} download aria-label=${`${name}, CSV`}>CSV</a>
    </p>`;
  }

  override render() {
    return html`
      <h1>${msg('Reports')}</h1>
      <p class="muted">${msg('PDF for printing and reading, CSV for spreadsheets. Large lists take a few seconds.')}</p>
      <div class="grid">
        <section class="card" aria-labelledby="r-inv">
          <h2 id="r-inv">${msg('Inventory list')}</h2>
          <p class="muted">${msg('Every work of a site, building, floor or room, grouped by building, floor and room, with pictures.')}</p>
          <kk-location-picker label=${msg('Location')} .value=${this._location} @kk-location-picked=${(e: PickedEvent) => (this._location = e.detail.location)}></kk-location-picker>
          ${this._location ? this._links(inventoryReportUrl(this._location.id, 'pdf'), inventoryReportUrl(this._location.id, 'csv'), msg('Inventory list')) : nothing}
        </section>
        <section class="card" aria-labelledby="r-ins">
          <h2 id="r-ins">${msg('Insurance values')}</h2>
          <p class="muted">${msg('Sum of the insurance values per site, with the works that have none.')}</p>
          ${this._links(insuranceReportUrl('pdf'), insuranceReportUrl('csv'), msg('Insurance values'))}
        </section>
        <section class="card" aria-labelledby="r-cond">
          <h2 id="r-cond">${msg('Condition by site')}</h2>
          <p class="muted">${msg('Works per condition grade, never checked, overdue, and checked in the last 12 months.')}</p>
          ${this._links(conditionReportUrl('pdf'), conditionReportUrl('csv'), msg('Condition by site'))}
        </section>
        <section class="card" aria-labelledby="r-art">
          <h2 id="r-art">${msg('Works of an artist')}</h2>
          <label class="native">
            <span>${msg('Artist')}</span>
            <input type="search" .value=${this._artistQ} @input=${this._findArtist} autocomplete="off" />
          </label>
          ${this._artists.length
            ? html`<ul class="choices" aria-label=${msg('Matching artists')}>
                ${this._artists.map((a) => html`<li><button type="button" aria-pressed=${this._artist?.id === a.id ? 'true' : 'false'} @click=${() => (this._artist = a)}>${a.name}</button></li>`)}
              </ul>`
            : nothing}
          ${this._artist ? html`<p>${this._artist.name}</p>${this._links(artistReportUrl(this._artist.id, 'pdf'), artistReportUrl(this._artist.id, 'csv'), this._artist.name)}` : nothing}
        </section>
      </div>
    `;
  }

  static override styles = [
    pageStyles,
    css`
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 340px), 1fr));
        gap: var(--kk-space-4);
        margin-top: var(--kk-space-4);
      }
      .grid p {
        margin: 0 0 var(--kk-space-3);
      }
      .links {
        display: flex;
        gap: var(--kk-space-2);
        margin-top: var(--kk-space-3) !important;
      }
      .button {
        display: inline-block;
        padding: 6px 14px;
        border-radius: var(--kk-radius);
        background: var(--kk-brand);
        color: #fff;
        text-decoration: none;
        font-weight: 600;
      }
      label.native {
        display: grid;
        gap: 4px;
        font-weight: 500;
      }
      input {
        font: inherit;
        padding: 6px 8px;
        border: 1px solid var(--kk-border-strong);
        border-radius: var(--kk-radius);
      }
      .choices {
        list-style: none;
        padding: 0;
        margin: var(--kk-space-2) 0;
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
      }
      .choices button {
        font: inherit;
        padding: 4px 10px;
        border: 1px solid var(--kk-border-strong);
        border-radius: 999px;
        background: var(--kk-surface);
        cursor: pointer;
      }
      .choices button[aria-pressed='true'] {
        background: var(--kk-brand-soft);
        border-color: var(--kk-brand);
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-reports-page': KkReportsPage;
  }
}
