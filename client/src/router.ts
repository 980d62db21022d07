// A small history-API router: the URL is the state. Links are real <a href>s; a click on one
// is turned into pushState here, so back/forward and reload all land on the same view.
import { ROUTES, type RouteDef } from './routes.js';

export type Match = { route: RouteDef; params: Record<string, string>; query: URLSearchParams; path: string };

const compiled = ROUTES.map((route) => {
  const names: string[] = [];
  const source = route.path.replace(/:([a-zA-Z]+)/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, names, re: new RegExp(`^${source}/?$`) };
});

export function matchPath(pathname: string, search = ''): Match | null {
  for (const c of compiled) {
    const m = c.re.exec(pathname);
    if (!m) continue;
    const params: Record<string, string> = {};
    c.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1]!)));
    return { route: c.route, params, query: new URLSearchParams(search), path: pathname };
  }
  return null;
}

export const ROUTE_CHANGED = 'kk-route-changed';

/** Asked before leaving a page (e.g. a form with unsaved changes); return false to stay. */
type LeaveGuard = () => boolean;
let leaveGuard: LeaveGuard | null = null;
export function setLeaveGuard(guard: LeaveGuard | null): void {
  leaveGuard = guard;
}

/** Goes to an app URL. `replace` for state tweaks that shouldn't add a history entry (typing). */
export function navigate(url: string, opts: { replace?: boolean } = {}): void {
  const target = new URL(url, location.href);
  const same = target.pathname === location.pathname;
  if (!same && leaveGuard && !leaveGuard()) return;
  if (!same) leaveGuard = null;
  if (opts.replace) history.replaceState(null, '', target.pathname + target.search + target.hash);
  else history.pushState(null, '', target.pathname + target.search + target.hash);
  window.dispatchEvent(new Event(ROUTE_CHANGED));
  if (!same) window.scrollTo(0, 0);
}

/** Handles clicks on same-origin <a href> anywhere (also inside shadow roots). */
export function installLinkInterception(): void {
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement && n.hasAttribute('href'));
    if (!a || a.target || a.hasAttribute('download') || a.dataset.external !== undefined) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || /^\/(api|media|guide|w)\//.test(url.pathname)) return;
    if (!matchPath(url.pathname)) return;
    e.preventDefault();
    navigate(url.href);
  });
  let last = location.pathname + location.search;
  window.addEventListener('popstate', () => {
    const now = location.pathname + location.search;
    if (leaveGuard && now.split('?')[0] !== last.split('?')[0] && !leaveGuard()) {
      history.pushState(null, '', last);
      return;
    }
    last = now;
    window.dispatchEvent(new Event(ROUTE_CHANGED));
  });
  window.addEventListener(ROUTE_CHANGED, () => (last = location.pathname + location.search));
}
