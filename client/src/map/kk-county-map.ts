// <kk-county-map>: the county on a Leaflet map with the server's clusters and sites as markers.
// Without a tile server the base map is drawn from the bundled municipality borders (no request
// leaves the server); with one, its raster tiles are used with their attribution.
import { LitElement, css, html, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import leafletCss from 'leaflet/dist/leaflet.css?inline';
import type * as Leaflet from 'leaflet';
import type { Bbox, MapConfig, MapFeature } from '../api/map.js';
import { formatNumber } from '../i18n/format.js';
import { markerStyles } from './marker-styles.js';
import { loadLeaflet } from './leaflet.js';
import type { MapView } from './map-url.js';

export type { MapView };
export type MapMovedEvent = CustomEvent<{ bbox: Bbox; zoom: number; view: MapView }>;
export type SiteSelectEvent = CustomEvent<{ siteId: number }>;

/** Stockholm County, a little padded: the default extent. */
const COUNTY_BOUNDS: [[number, number], [number, number]] = [
  [58.72, 17.2],
  [60.22, 19.32],
];
const OSM_CREDIT = '© <a href="https://www.openstreetmap.org/copyright" data-external>OpenStreetMap</a> contributors';

type GeoCollection = GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, { name: string; code?: string }>;

const compact = (n: number) => (n < 10_000 ? formatNumber(n) : `${formatNumber(Math.round(n / 1000))}k`);

/**
 * The county map.
 * @event kk-map-moved - after a pan or zoom settles; detail: { bbox, zoom, view }
 * @event kk-site-select - a site marker was clicked or activated with Enter; detail: { siteId }
 */
@localized()
@customElement('kk-county-map')
export class KkCountyMap extends LitElement {
  /** Clusters and sites to draw (from GET /api/map/clusters). */
  @property({ attribute: false }) features: MapFeature[] = [];
  /** Base-map configuration; null until known (nothing is drawn before, so no tile is fetched by accident). */
  @property({ attribute: false }) config: MapConfig | null = null;
  /** Where to look first; null = the whole county. */
  @property({ attribute: false }) view: MapView | null = null;
  @property({ type: Number, attribute: 'selected-site' }) selectedSite: number | null = null;

  @query('#map') private _el!: HTMLDivElement;
  private _L?: typeof Leaflet;
  private _map?: Leaflet.Map;
  private _markers?: Leaflet.LayerGroup;
  private _labels: { marker: Leaflet.Marker; bounds: Leaflet.LatLngBounds; name: string }[] = [];
  private _resize?: ResizeObserver;
  private _base = false;

  /** Moves the map (e.g. back/forward to another view in the URL). */
  setView(v: MapView): void {
    const c = this._map?.getCenter();
    if (!this._map || !c) return;
    if (Math.abs(c.lat - v.lat) < 1e-4 && Math.abs(c.lng - v.lon) < 1e-4 && this._map.getZoom() === v.zoom) return;
    this._map.setView([v.lat, v.lon], v.zoom);
  }

  /** Focuses the map itself (arrow keys pan, +/- zoom, Tab reaches the markers). */
  override focus(): void {
    this._el?.focus();
  }

  override async firstUpdated(): Promise<void> {
    const L = (this._L = await loadLeaflet());
    if (!this.isConnected) return;
    const map = (this._map = L.map(this._el, { zoomSnap: 0.5, minZoom: 7, maxZoom: 18, maxBounds: L.latLngBounds(COUNTY_BOUNDS).pad(0.6), attributionControl: true, worldCopyJump: false }));
    map.attributionControl.setPrefix(false);
    if (this.view) map.setView([this.view.lat, this.view.lon], this.view.zoom);
    else map.fitBounds(COUNTY_BOUNDS);
    map.createPane('labels').style.zIndex = '450';
    map.getPane('labels')!.style.pointerEvents = 'none';
    this._markers = L.layerGroup().addTo(map);
    map.on('moveend', () => this._moved());
    map.on('zoomend', () => this._placeLabels());
    this._resize = new ResizeObserver(() => map.invalidateSize());
    this._resize.observe(this._el);
    await this._drawBase();
    this._drawMarkers();
    this._moved();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._resize?.disconnect();
    this._map?.remove();
    this._map = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('config')) void this._drawBase();
    if (changed.has('features') || changed.has('selectedSite')) this._drawMarkers();
  }

  private _moved(): void {
    const map = this._map;
    if (!map) return;
    const b = map.getBounds();
    const clamp = (v: number, lim: number) => Math.max(-lim, Math.min(lim, v));
    const bbox: Bbox = [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)];
    const c = map.getCenter();
    const detail = { bbox, zoom: map.getZoom(), view: { lat: c.lat, lon: c.lng, zoom: map.getZoom() } };
    this.dispatchEvent(new CustomEvent('kk-map-moved', { detail, bubbles: true, composed: true }));
  }

  /** The base map, once: tiles when configured, else the bundled borders and names. */
  private async _drawBase(): Promise<void> {
    const L = this._L;
    const map = this._map;
    if (!L || !map || !this.config || this._base) return;
    this._base = true;
    if (this.config.tileUrl) {
      L.tileLayer(this.config.tileUrl, { attribution: this.config.attribution ?? OSM_CREDIT, maxZoom: 19 }).addTo(map);
      this.toggleAttribute('tiles', true);
      return;
    }
    const munis = (await import('./geo/kommuner.json')).default as unknown as GeoCollection;
    L.geoJSON(munis, { interactive: false, style: { color: '#8f9aa6', weight: 1, fillColor: '#fbfaf6', fillOpacity: 1 } }).addTo(map);
    map.attributionControl.addAttribution(OSM_CREDIT);
    this._labels = munis.features.map((f) => {
      const name = f.properties.name.replace(/ kommun$/, '');
      const bounds = L.geoJSON(f).getBounds();
      const marker = L.marker(labelPoint(f.geometry), {
        pane: 'labels',
        interactive: false,
        keyboard: false,
        icon: L.divIcon({ className: 'muni-label', html: `<span>${escapeHtml(name)}</span>`, iconSize: [0, 0] }),
      });
      return { marker, bounds, name };
    });
    this._placeLabels();
  }

  /** A municipality's name shows only when its area is wide enough on screen to hold it. */
  private _placeLabels(): void {
    const map = this._map;
    if (!map) return;
    for (const l of this._labels) {
      const nw = map.latLngToContainerPoint(l.bounds.getNorthWest());
      const se = map.latLngToContainerPoint(l.bounds.getSouthEast());
      const fits = se.x - nw.x > l.name.length * 7.5 + 12 && se.y - nw.y > 24;
      if (fits && !map.hasLayer(l.marker)) l.marker.addTo(map);
      else if (!fits && map.hasLayer(l.marker)) l.marker.remove();
    }
  }

  private _drawMarkers(): void {
    const L = this._L;
    const group = this._markers;
    if (!L || !group || !this._map) return;
    const focused = this.shadowRoot?.activeElement as HTMLElement | null | undefined;
    const focusKey = focused?.classList.contains('kk-marker') ? focused.dataset.key : undefined;
    group.clearLayers();
    const biggest = Math.max(1, ...this.features.map((f) => f.properties.count));
    for (const f of this.features) {
      const [lon, lat] = f.geometry.coordinates;
      const p = f.properties;
      const size = Math.round(p.cluster ? 36 + 30 * Math.sqrt(p.count / biggest) : 32 + 14 * Math.sqrt(p.count / biggest));
      const pct = Math.round(p.attention * 100);
      const label = p.cluster
        ? msg(str`${formatNumber(p.count)} works at ${formatNumber(p.sites)} sites, ${pct} % need attention. Zoom in.`)
        : msg(str`${p.name}: ${formatNumber(p.count)} works, ${pct} % need attention.`);
      const selected = !p.cluster && p.siteId === this.selectedSite;
      // The number is generated content: seen on the marker, while the accessible name says it in words.
      const html = `<span class="ring" style="--a:${pct}%"><span class="n" data-n="${compact(p.count)}"></span></span>`;
      const marker = L.marker([lat, lon], {
        keyboard: true,
        title: label,
        riseOnHover: true,
        icon: L.divIcon({ className: `kk-marker ${p.cluster ? 'cluster' : 'site'}${selected ? ' selected' : ''}`, html, iconSize: [size, size] }),
      });
      const activate = () => {
        if (p.cluster) this._map!.setView([lat, lon], Math.max(p.expansionZoom, this._map!.getZoom() + 1));
        else this.dispatchEvent(new CustomEvent('kk-site-select', { detail: { siteId: p.siteId }, bubbles: true, composed: true }));
      };
      marker.on('click', activate);
      marker.addTo(group);
      const el = marker.getElement()!;
      el.dataset.key = p.cluster ? `c${lat.toFixed(5)},${lon.toFixed(5)}` : `s${p.siteId}`;
      el.setAttribute('aria-label', label);
      if (selected) el.setAttribute('aria-pressed', 'true');
      el.addEventListener('keydown', (e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        e.stopPropagation();
        activate();
      });
    }
    // Keyboard users keep their place: the same marker again if it is still there, else the map itself
    // (not the top of the page).
    if (focusKey !== undefined) {
      const again = this.renderRoot.querySelector<HTMLElement>(`.kk-marker[data-key="${focusKey}"]`);
      (again ?? this._el).focus();
    }
  }

  override render() {
    return html`<div id="map" role="region" aria-label=${msg('Map of the collection')} aria-roledescription=${msg('map')}></div>`;
  }

  static override styles = [
    unsafeCSS(leafletCss),
    markerStyles,
    css`
      :host {
        display: block;
        position: relative;
        min-height: 240px;
      }
      #map {
        position: absolute;
        inset: 0;
        background: #dfe6ec;
        font: inherit;
      }
      #map:focus-visible {
        outline: 3px solid var(--kk-focus);
        outline-offset: -3px;
      }
      .muni-label span {
        display: inline-block;
        transform: translate(-50%, -50%);
        white-space: nowrap;
        font-size: 12px;
        font-weight: 600;
        letter-spacing: 0.02em;
        color: #6b7480;
        text-shadow: 0 0 3px #fff, 0 0 3px #fff;
      }
    `,
  ];
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Where a municipality's name goes: the centroid of its largest ring (inside for the county's shapes). */
function labelPoint(g: GeoJSON.Polygon | GeoJSON.MultiPolygon): [number, number] {
  const rings = g.type === 'Polygon' ? [g.coordinates[0]!] : g.coordinates.map((p) => p[0]!);
  let best: { a: number; x: number; y: number } = { a: -1, x: 0, y: 0 };
  for (const ring of rings) {
    let a = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x0, y0] = ring[j]! as [number, number];
      const [x1, y1] = ring[i]! as [number, number];
      const f = x0 * y1 - x1 * y0;
      a += f;
      cx += (x0 + x1) * f;
      cy += (y0 + y1) * f;
    }
    if (Math.abs(a) > best.a) best = { a: Math.abs(a), x: cx / (3 * a), y: cy / (3 * a) };
  }
  return [best.y, best.x];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-county-map': KkCountyMap;
  }
}
