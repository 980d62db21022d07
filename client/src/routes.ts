// Every page of the app in one table: adding a page is one line here.
import { msg, str } from '@lit/localize';
import type { Permission } from '../../server/users/permissions.js';

// The map pages are built by the map feature in client/src/map/; a glob (instead of a plain
// import) keeps the build working while a page is not there yet: the route then shows
// "not available" instead of failing.
const mapPages = import.meta.glob('./map/kk-*-page.ts');
const optional = (file: string) => () => {
  const load = mapPages[file];
  return load ? load() : Promise.reject(new Error(`${file} is not part of this build`));
};

export type RouteDef = {
  /** Path pattern; ":name" segments become params. */
  path: string;
  /** The page element's tag; the loader must define it. */
  tag: string;
  load: () => Promise<unknown>;
  /** Shown in the main navigation (as the feature exists) with this label. */
  nav?: () => string;
  /** The permission the nav entry needs (the server enforces it anyway). */
  needs?: Permission;
  /** Pages reachable without signing in. */
  public?: boolean;
  /** A count shown on the nav entry (e.g. new reports to triage), with its spoken label. */
  badge?: { count: (signal?: AbortSignal) => Promise<number>; label: (n: number) => string };
};

/** Fired on window when a nav badge's count may have changed. */
export const NAV_BADGES_STALE = 'kk-nav-badges-stale';

export const ROUTES: RouteDef[] = [
  { path: '/', tag: 'kk-search-page', load: () => import('./views/kk-search-page.js') },
  { path: '/dashboard', tag: 'kk-dashboard-page', load: () => import('./views/kk-dashboard-page.js'), nav: () => msg('Dashboard') },
  { path: '/search', tag: 'kk-search-page', load: () => import('./views/kk-search-page.js'), nav: () => msg('Search') },
  { path: '/map', tag: 'kk-map-page', load: optional('./map/kk-map-page.ts'), nav: () => msg('Map') },
  { path: '/floors/:id', tag: 'kk-floor-plan-page', load: optional('./map/kk-floor-plan-page.ts') },
  { path: '/sites', tag: 'kk-sites-page', load: () => import('./views/kk-sites-page.js'), nav: () => msg('Sites') },
  { path: '/projects', tag: 'kk-projects-page', load: () => import('./views/kk-projects-page.js'), nav: () => msg('Projects') },
  { path: '/projects/:id', tag: 'kk-project-page', load: () => import('./views/kk-project-page.js') },
  { path: '/sites/:id', tag: 'kk-location-page', load: () => import('./views/kk-location-page.js') },
  { path: '/locations/:id', tag: 'kk-location-page', load: () => import('./views/kk-location-page.js') },
  { path: '/works/:id', tag: 'kk-artwork-page', load: () => import('./views/kk-artwork-page.js') },
  { path: '/works/:id/edit', tag: 'kk-artwork-edit-page', load: () => import('./views/kk-artwork-edit-page.js'), needs: 'catalogue.write' },
  {
    path: '/damage-reports',
    tag: 'kk-damage-reports-page',
    load: () => import('./views/kk-damage-reports-page.js'),
    nav: () => msg('Damage reports'),
    needs: 'condition.write',
    badge: { count: (signal) => import('./api/damage-reports.js').then((m) => m.countNewReports(signal)), label: (n) => msg(str`${n} new`) },
  },
  { path: '/artists/:id', tag: 'kk-artist-page', load: () => import('./views/kk-artist-page.js') },
  { path: '/missing', tag: 'kk-missing-page', load: () => import('./views/kk-missing-page.js') },
  { path: '/reports', tag: 'kk-reports-page', load: () => import('./views/kk-reports-page.js') },
  { path: '/plan', tag: 'kk-plan-page', load: () => import('./views/kk-plan-page.js') },
  { path: '/import', tag: 'kk-import-page', load: () => import('./views/kk-import-page.js'), nav: () => msg('Import'), needs: 'catalogue.write' },
  { path: '/login', tag: 'kk-login-page', load: () => import('./views/kk-login-page.js'), public: true },
];
