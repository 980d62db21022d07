// Leaflet, loaded on demand (only the map pages need it). It is a CommonJS/UMD package, so the
// module namespace may hold it as `default`.
import type * as Leaflet from 'leaflet';

let loading: Promise<typeof Leaflet> | undefined;

export function loadLeaflet(): Promise<typeof Leaflet> {
  loading ??= import('leaflet').then((m) => ((m as unknown as { default?: typeof Leaflet }).default ?? m) as typeof Leaflet);
  return loading;
}
