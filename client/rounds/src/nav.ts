// Moving between the field app's pages (/rounds/, /rounds/:id, /rounds/:id/summary) without a reload.
export const NAV_EVENT = 'kk-rounds-navigate';

export function navigate(path: string): void {
  if (path !== location.pathname) history.pushState(null, '', path);
  dispatchEvent(new Event(NAV_EVENT));
}

export type Route = { page: 'list' } | { page: 'round'; id: number } | { page: 'summary'; id: number };

export function currentRoute(): Route {
  const m = /^\/rounds\/(\d+)(\/summary)?\/?$/.exec(location.pathname);
  if (!m) return { page: 'list' };
  return m[2] ? { page: 'summary', id: Number(m[1]) } : { page: 'round', id: Number(m[1]) };
}
