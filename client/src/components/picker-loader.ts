// Loads the web client's <kk-location-picker> through a glob (as routes.ts does for the map pages),
// so the dialogs that use it build even in a tree where the picker has not landed yet.
import type { LocationNode } from '../api/locations.js';

const pickers = import.meta.glob('./kk-location-picker.ts');

export type PickedEvent = CustomEvent<{ location: LocationNode }>;

export function loadLocationPicker(): Promise<unknown> {
  const load = pickers['./kk-location-picker.ts'];
  return load ? load() : Promise.resolve();
}
