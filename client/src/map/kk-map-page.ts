// /map: the whole (filtered) collection on the county map. The filters are the search page's, in
// the same URL parameters, so "show as list" and "show on map" carry them both ways; the view
// (`at=lat,lon,zoom`) and the open site (`selected`) are in the URL too, so reload and back work.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import '@awesome.me/webawesome/dist/components/input/input.js';
import { getClusters, getMapConfig, type Bbox, type ClustersResponse, type MapConfig } from '../api/map.js';
import { searchArtworks, type SearchFacets } from '../api/search.js';
import { formatNumber } from '../i18n/format.js';
import { facetLabel } from '../i18n/labels.js';
import { apiParams, FACET_ORDER, stateFromQuery, toggleFilter, type FilterKey, type SearchState } from '../lib/search-state.js';
import { navigate } from '../router.js';
import { facetValueLabel } from '../components/kk-facet-panel.js';
import '../components/kk-facet-panel.js';
import './kk-county-map.js';
import type { KkCountyMap, MapMovedEvent, SiteSelectEvent } from './kk-county-map.js';
import { listHref, mapHref, parseView, type MapView } from './map-url.js';
import './kk-site-panel.js';
import { mapPageStyles } from './map-page-styles.js';

const DEBOUNCE_MS = 300;

@localized()
@customElement('kk-map-page')
export class KkMapPage extends LitElement {
  @property({ attribute: false }) query = new URLSearchParams();

  @state() private _state: SearchState = stateFromQuery(new URLSearchParams());
  @state() private _typed = '';
  @state() private _view: MapView | null = null;
  @state() private _selected: number | null = null;
  @state() private _config: MapConfig | null = null;
  @state() private _clusters: ClustersResponse | null = null;
  @state() private _facets: SearchFacets = {};
  @state() private _searchTotal: number | null = null;
  @state() private _filtersOpen = false;
  @state() private _error: Error | null = null;
  @query('kk-county-map') private _map?: KkCountyMap;

  private _area: { bbox: Bbox; zoom: number } | null = null;
  private _clusterAbort?: AbortController;
  private _facetAbort?: AbortController;
  private _debounce?: ReturnType<typeof setTimeout>;
  private _initialView: MapView | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('resize', this._fitHeight);
    requestAnimationFrame(this._fitHeight);
    if (!this._config) void getMapConfig().then((c) => (this._config = c), (e: Error) => (this._error = e));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('resize', this._fitHeight);
    this._clusterAbort?.abort();
    this._facetAbort?.abort();
    clearTimeout(this._debounce);
  }

  /** The map fills the window below the app's header (whose height differs on phones). */
  private _fitHeight = (): void => {
    const top = this.getBoundingClientRect().top + window.scrollY;
    this.style.height = `${Math.max(420, window.innerHeight - top)}px`;
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('query')) return;
    const next = stateFromQuery(this.query);
    const filtersChanged = JSON.stringify(apiParams(next)) !== JSON.stringify(apiParams(this._state)) || this._searchTotal === null;
    this._state = next;
    // Keep what is being typed; take the URL's text when it came from elsewhere (back, a link).
    if (this.shadowRoot?.activeElement?.id !== 'q') this._typed = next.q;
    const view = parseView(this.query.get('at'));
    if (!this._initialView) this._initialView = view;
    else if (view) this._map?.setView(view);
    this._view = view;
    const sel = Number(this.query.get('selected'));
    this._selected = Number.isInteger(sel) && sel > 0 ? sel : null;
    if (filtersChanged) {
      void this._loadFacets();
      void this._loadClusters();
    }
    document.title = `${msg('Map')} · Konstkoll`;
  }

  private _url(s: SearchState = this._state, view = this._view, selected = this._selected): string {
    return mapHref(s, view, selected);
  }

  private async _loadClusters(): Promise<void> {
    if (!this._area) return;
    this._clusterAbort?.abort();
    const abort = (this._clusterAbort = new AbortController());
    try {
      const res = await getClusters(apiParams(this._state), this._area.bbox, this._area.zoom, abort.signal);
      this._clusters = res;
      this._error = null;
    } catch (e) {
      if ((e as Error).name !== 'AbortError') this._error = e as Error;
    }
  }

  private async _loadFacets(): Promise<void> {
    this._facetAbort?.abort();
    const abort = (this._facetAbort = new AbortController());
    try {
      const res = await searchArtworks({ ...apiParams(this._state), sort: undefined, limit: 1, facets: FACET_ORDER }, abort.signal);
      this._facets = res.facets ?? {};
      this._searchTotal = res.total;
    } catch (e) {
      if ((e as Error).name !== 'AbortError') this._error = e as Error;
    }
  }

  private _onMoved(e: MapMovedEvent): void {
    this._area = { bbox: e.detail.bbox, zoom: e.detail.zoom };
    void this._loadClusters();
    const v = e.detail.view;
    this._view = v;
    // The view goes into the URL without a history entry per pan.
    navigate(this._url(this._state, v), { replace: true });
  }

  private _onSiteSelect(e: SiteSelectEvent): void {
    // Open the panel now (the URL follows) so that focus can move into it on this update.
    this._selected = e.detail.siteId;
    navigate(this._url(this._state, this._view, e.detail.siteId));
    this._filtersOpen = false;
    void this.updateComplete.then(async () => {
      const panel = this.renderRoot.querySelector('kk-site-panel');
      await panel?.updateComplete;
      panel?.focus();
    });
  }

  private _closePanel(): void {
    navigate(this._url(this._state, this._view, null));
    this._filtersOpen = false;
    this._map?.focus();
  }

  private _toggleFilter(key: FilterKey, value: string): void {
    navigate(this._url(toggleFilter(this._state, key, value)));
  }

  private _onInput(e: Event): void {
    this._typed = (e.target as HTMLInputElement).value;
    clearTimeout(this._debounce);
    this._debounce = setTimeout(() => navigate(this._url({ ...this._state, q: this._typed }), { replace: true }), DEBOUNCE_MS);
  }

  override render() {
    const s = this._state;
    const activeCount = Object.values(s.filters).reduce((n, v) => n + (v?.length ?? 0), 0) + (s.q ? 1 : 0);
    const panel = this._selected ? 'site' : this._filtersOpen ? 'filters' : null;
    return html`
      <h1 class="visually-hidden">${msg('Map of the collection')}</h1>
      <div class="bar" role="search">
        <wa-input
          id="q"
          type="search"
          size="small"
          .value=${this._typed}
          label=${msg('Search on the map')}
          placeholder=${msg('Title, artist, place …')}
          with-clear
          @input=${this._onInput}
          @wa-clear=${this._onInput}
        ></wa-input>
        <button type="button" class="btn" aria-expanded=${this._filtersOpen ? 'true' : 'false'} aria-controls="panel" @click=${() => (this._filtersOpen = !this._filtersOpen)}>
          ${msg('Filters')}${activeCount ? html` <span class="pill">${activeCount}</span>` : nothing}
        </button>
        <a class="btn" href=${listHref(s)}>${msg('Show as list')}</a>
        <p class="count" id="map-count" aria-live="polite">${this._countText()}</p>
      </div>
      ${activeCount ? this._activeChips() : nothing}
      <div class="body ${panel ? 'with-panel' : ''}">
        <div class="map-wrap">
          <kk-county-map
            .config=${this._config}
            .features=${this._clusters?.features ?? []}
            .view=${this._initialView}
            .selectedSite=${this._selected}
            @kk-map-moved=${this._onMoved}
            @kk-site-select=${this._onSiteSelect}
          ></kk-county-map>
          ${this._legend()}
          ${this._error ? html`<div class="error-box" role="alert">${msg('The map could not be loaded. Check your connection and try again.')}</div>` : nothing}
        </div>
        ${panel === 'site'
          ? html`<kk-site-panel id="panel" .siteId=${this._selected!} .filters=${s} .feature=${this._siteFeature()} @kk-panel-close=${this._closePanel}></kk-site-panel>`
          : panel === 'filters'
            ? html`<aside id="panel" class="filters" aria-label=${msg('Filters')}>
                <div class="panel-head"><h2>${msg('Filters')}</h2><button type="button" class="close" aria-label=${msg('Close')} @click=${() => (this._filtersOpen = false)}>×</button></div>
                <kk-facet-panel .facets=${this._facets} .filters=${s.filters} @kk-filter-toggle=${(e: CustomEvent<{ key: FilterKey; value: string }>) => this._toggleFilter(e.detail.key, e.detail.value)}></kk-facet-panel>
              </aside>`
            : nothing}
      </div>
    `;
  }

  private _siteFeature() {
    const f = this._clusters?.features.find((x) => !x.properties.cluster && x.properties.siteId === this._selected);
    return f && !f.properties.cluster ? f.properties : null;
  }

  private _countText() {
    const c = this._clusters;
    if (this._searchTotal === null || !c) return msg('Loading the map…');
    const unmapped = c.unmapped ? msg(str`, ${formatNumber(c.unmapped)} without a place on the map`) : '';
    return html`${msg(str`${formatNumber(this._searchTotal)} works match; ${formatNumber(c.total)} in view`)}${unmapped}`;
  }

  private _activeChips() {
    const s = this._state;
    return html`<div class="chips">
      ${s.q ? html`<button type="button" class="chip" @click=${() => navigate(this._url({ ...s, q: '' }))} aria-label=${msg(str`Remove search: ${s.q}`)}>“${s.q}” <span aria-hidden="true">×</span></button>` : nothing}
      ${Object.entries(s.filters).flatMap(([key, values]) =>
        (values ?? []).map((v) => {
          const bucket = this._facets[key as keyof SearchFacets]?.find((b) => String(b.value ?? 'none') === v);
          const label = facetValueLabel(key, v === 'none' ? null : v, bucket?.label);
          return html`<button type="button" class="chip" @click=${() => this._toggleFilter(key as FilterKey, v)} aria-label=${msg(str`Remove filter ${facetLabel(key)}: ${label}`)}>
            <span class="k">${facetLabel(key)}:</span> ${label} <span aria-hidden="true">×</span>
          </button>`;
        }),
      )}
      <button type="button" class="link" @click=${() => navigate(this._url({ ...s, q: '', filters: {} }))}>${msg('Clear filters')}</button>
    </div>`;
  }

  private _legend() {
    return html`<div class="legend" aria-hidden="true">
      <span class="sample" style="--a:30%"><span></span></span>
      <span>${msg('Red arc: share of works needing attention (poor or unacceptable, check overdue, or missing)')}</span>
    </div>`;
  }

  static override styles = mapPageStyles;
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-map-page': KkMapPage;
  }
}
