// Links between the search and the map: the same filters in the same URL parameters, so a search
// can be shown on the map ("Show on map") and the map's filters as a list ("Show as list").
// Tiny on purpose (no Leaflet): the search page can import it.
import { queryFromState, type SearchState } from '../lib/search-state.js';

export type MapView = { lat: number; lon: number; zoom: number };

/** The map page's URL for a search state, optionally with a view (`at=lat,lon,zoom`) and an open site. */
export function mapHref(s: SearchState, view: MapView | null = null, selected: number | null = null): string {
  const p = new URLSearchParams(queryFromState({ ...s, sort: '', view: 'list' }).slice(1));
  if (view) p.set('at', `${view.lat.toFixed(4)},${view.lon.toFixed(4)},${view.zoom}`);
  if (selected) p.set('selected', String(selected));
  const q = p.toString();
  return `/map${q ? `?${q}` : ''}`;
}

/** The search page's URL for the map's filters. */
export const listHref = (s: SearchState): string => `/search${queryFromState({ ...s, sort: '', view: 'list' })}`;

export function parseView(v: string | null): MapView | null {
  const [lat, lon, zoom] = (v ?? '').split(',').map(Number);
  if (![lat, lon, zoom].every((n) => Number.isFinite(n))) return null;
  return { lat: lat!, lon: lon!, zoom: zoom! };
}
