// <kk-app>: the frame around every page — navigation, the signed-in user, the language
// switch — and the outlet where the current route's page (loaded on demand) is shown.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import '@awesome.me/webawesome/dist/components/button/button.js';
import '@awesome.me/webawesome/dist/components/dropdown/dropdown.js';
import '@awesome.me/webawesome/dist/components/dropdown-item/dropdown-item.js';
import { UNAUTHORIZED_EVENT } from './api/client.js';
import { loadSession, signOut, type SessionUser } from './api/session.js';
import { localeContext, userContext } from './context.js';
import { currentLocale, preferredLocale, switchLocale, type Locale } from './i18n/locale.js';
import { roleLabel } from './i18n/labels.js';
import { installLinkInterception, matchPath, navigate, ROUTE_CHANGED, type Match } from './router.js';
import { NAV_BADGES_STALE, ROUTES } from './routes.js';
import { roleAllows } from '../../server/users/permissions.js';

/** Fired by the login page once the session is open. */
export type SignedInEvent = CustomEvent<{ user: SessionUser }>;

type PageElement = HTMLElement & { params?: Record<string, string>; query?: URLSearchParams };

/**
 * The application shell.
 * @listens kk-signed-in - from the login page, with the new user
 */
@localized()
@customElement('kk-app')
export class KkApp extends LitElement {
  @provide({ context: userContext }) @state() private _user: SessionUser | null = null;
  @provide({ context: localeContext }) @state() private _locale: Locale = 'sv';
  @state() private _ready = false;
  @state() private _page: PageElement | null = null;
  @state() private _failed: 'not-found' | 'unavailable' | 'error' | null = null;
  @state() private _path = location.pathname;
  /** Nav badge counts by route path. */
  @state() private _badges: Record<string, number> = {};
  private _loadSeq = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    installLinkInterception();
    window.addEventListener(ROUTE_CHANGED, this._onRoute);
    window.addEventListener(UNAUTHORIZED_EVENT, this._onUnauthorized);
    window.addEventListener(NAV_BADGES_STALE, this._refreshBadges);
    this.addEventListener('kk-signed-in', this._onSignedIn as EventListener);
    void this._start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener(ROUTE_CHANGED, this._onRoute);
    window.removeEventListener(UNAUTHORIZED_EVENT, this._onUnauthorized);
    window.removeEventListener(NAV_BADGES_STALE, this._refreshBadges);
  }

  /** Counts for the nav entries that have a badge; refreshed on every page change. */
  private _refreshBadges = (): void => {
    const user = this._user;
    if (!user) return;
    for (const r of ROUTES)
      if (r.badge && r.nav && (!r.needs || roleAllows(user.role, r.needs)))
        r.badge.count().then((n) => (this._badges = { ...this._badges, [r.path]: n }), () => undefined);
  };

  private async _start(): Promise<void> {
    const locale = preferredLocale();
    // The session, the language and the first page load in parallel.
    const match = matchPath(location.pathname, location.search);
    const pagePreload = match?.route.load().catch(() => undefined);
    const [user] = await Promise.all([loadSession().catch(() => null), switchLocale(locale, false), pagePreload]);
    this._locale = locale;
    this._user = user;
    this._ready = true;
    await this._onRoute();
  }

  private _onRoute = async (): Promise<void> => {
    if (!this._ready) return;
    const match = matchPath(location.pathname, location.search);
    this._path = location.pathname;
    this._refreshBadges();
    if (match && !match.route.public && !this._user) {
      navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
      return;
    }
    if (match?.route.path === '/login' && this._user) {
      navigate(match.query.get('next') || '/', { replace: true });
      return;
    }
    await this._show(match);
  };

  private async _show(match: Match | null): Promise<void> {
    const seq = ++this._loadSeq;
    if (!match) {
      this._page = null;
      this._failed = 'not-found';
      return;
    }
    try {
      await match.route.load();
    } catch {
      if (seq !== this._loadSeq) return;
      this._page = null;
      this._failed = 'unavailable';
      return;
    }
    if (seq !== this._loadSeq) return;
    if (!customElements.get(match.route.tag)) {
      this._page = null;
      this._failed = 'unavailable';
      return;
    }
    // Same page, other params: keep the element (and its state), hand it the new URL.
    let page = this._page;
    if (!page || page.localName !== match.route.tag) page = document.createElement(match.route.tag) as PageElement;
    page.params = match.params;
    page.query = match.query;
    this._failed = null;
    this._page = page;
  }

  private _onUnauthorized = (): void => {
    if (!this._user) return;
    this._user = null;
    navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
  };

  private _onSignedIn = (e: SignedInEvent): void => {
    this._user = e.detail.user;
    const next = new URLSearchParams(location.search).get('next');
    navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
  };

  private async _signOut(): Promise<void> {
    try {
      await signOut();
    } finally {
      this._user = null;
      navigate('/login', { replace: true });
    }
  }

  private async _setLocale(locale: Locale): Promise<void> {
    if (locale === currentLocale()) return;
    await switchLocale(locale);
    this._locale = locale;
  }

  override render() {
    return html`
      <header>
        <div class="bar">
          <button type="button" class="skip" @click=${this._skip}>${msg('Skip to content')}</button>
          <a class="brand" href="/" aria-label=${msg('Konstkoll – start')}>
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><rect x="3" y="3" width="18" height="18" rx="3" fill="none" stroke="currentColor" stroke-width="2"/><path d="M6 17l4-5 3 3 2-2 3 4" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><circle cx="15.5" cy="8.5" r="1.6" fill="currentColor"/></svg>
            <span>Konstkoll</span>
          </a>
          ${this._user ? this._nav() : nothing}
          <div class="tools">
            ${this._languageSwitch()}
            ${this._user ? this._userMenu(this._user) : nothing}
          </div>
        </div>
      </header>
      <main id="main" tabindex="-1">${this._outlet()}</main>
    `;
  }

  private _skip(): void {
    this.renderRoot.querySelector<HTMLElement>('#main')?.focus();
  }

  private _nav() {
    const user = this._user!;
    const entries = ROUTES.filter((r) => r.nav && (!r.needs || roleAllows(user.role, r.needs)));
    const active = (p: string) => (p === '/search' ? this._path === '/' || this._path === '/search' || this._path.startsWith('/works') : this._path.startsWith(p));
    return html`<nav aria-label=${msg('Main')}>
      ${entries.map((r) => {
        const n = this._badges[r.path] ?? 0;
        return html`<a href=${r.path} aria-current=${active(r.path) ? 'page' : 'false'} aria-label=${r.badge && n ? `${r.nav!()}, ${r.badge.label(n)}` : nothing}
          >${r.nav!()}${r.badge && n ? html` <span class="badge" aria-hidden="true">${n > 99 ? '99+' : n}</span>` : nothing}</a>`;
      })}
    </nav>`;
  }

  private _languageSwitch() {
    const options: { locale: Locale; label: string; name: string }[] = [
      { locale: 'sv', label: 'SV', name: 'Svenska' },
      { locale: 'en', label: 'EN', name: 'English' },
    ];
    return html`<div class="lang" role="group" aria-label=${msg('Language')}>
      ${options.map(
        (o) => html`<button type="button" lang=${o.locale} aria-pressed=${this._locale === o.locale ? 'true' : 'false'} title=${o.name} aria-label=${`${o.label} – ${o.name}`} @click=${() => this._setLocale(o.locale)}>${o.label}</button>`,
      )}
    </div>`;
  }

  private _userMenu(user: SessionUser) {
    const initials = user.name.split(/\s+/).map((p) => p[0]).join('').slice(0, 2).toUpperCase();
    return html`<wa-dropdown placement="bottom-end" @wa-select=${(e: CustomEvent<{ item: { value: string } }>) => e.detail.item.value === 'logout' && this._signOut()}>
      <wa-button slot="trigger" appearance="plain" size="s" class="user" with-caret title=${msg(str`Signed in as ${user.name}, ${roleLabel(user.role)}`)}>
        <span class="avatar" aria-hidden="true">${initials}</span>
        <span class="who"><span class="name">${user.name}</span><span class="role">${roleLabel(user.role)}</span></span>
      </wa-button>
      <wa-dropdown-item disabled>${user.email}</wa-dropdown-item>
      <wa-dropdown-item value="logout">${msg('Sign out')}</wa-dropdown-item>
    </wa-dropdown>`;
  }

  private _outlet() {
    if (!this._ready) return html`<div class="loading" role="status">${msg('Loading…')}</div>`;
    if (this._failed === 'not-found')
      return html`<div class="message"><h1>${msg('Page not found')}</h1><p>${msg('There is no page at this address. Check the link, or start from the search.')}</p><p><a href="/">${msg('Go to search')}</a></p></div>`;
    if (this._failed === 'unavailable')
      return html`<div class="message"><h1>${msg('Not available yet')}</h1><p>${msg('This part of Konstkoll is not available in this version. Try again later, or continue from the search.')}</p><p><a href="/">${msg('Go to search')}</a></p></div>`;
    return this._page ?? nothing;
  }

  static override styles = css`
    :host {
      display: block;
      min-height: 100vh;
    }
    .skip {
      position: absolute;
      left: -9999px;
      top: 8px;
      z-index: 100;
      background: var(--kk-surface);
      padding: 8px 12px;
      border-radius: var(--kk-radius);
    }
    .skip:focus {
      left: 8px;
    }
    .skip {
      font: inherit;
      border: 0;
      color: var(--kk-link);
      cursor: pointer;
    }
    header {
      position: sticky;
      top: 0;
      z-index: 20;
      background: #12263f;
      color: #fff;
      box-shadow: 0 1px 0 rgb(0 0 0 / 20%);
    }
    .bar {
      display: flex;
      align-items: center;
      gap: var(--kk-space-4);
      min-height: var(--kk-header-h);
      max-width: calc(var(--kk-content-max) + 2 * var(--kk-space-5));
      margin: 0 auto;
      padding: 0 var(--kk-space-5);
      box-sizing: border-box;
    }
    .brand {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      color: #fff;
      text-decoration: none;
      font-weight: 700;
      font-size: 16px;
      letter-spacing: 0.01em;
    }
    nav {
      display: flex;
      gap: 2px;
      flex: 1;
      overflow-x: auto;
      scrollbar-width: none;
    }
    nav a {
      color: #d5deea;
      text-decoration: none;
      padding: 7px 12px;
      border-radius: var(--kk-radius);
      white-space: nowrap;
      font-weight: 500;
    }
    nav a:hover {
      background: rgb(255 255 255 / 8%);
      color: #fff;
    }
    .badge {
      display: inline-block;
      min-width: 18px;
      padding: 0 5px;
      border-radius: 999px;
      background: #ffd166;
      color: #12263f;
      font-size: 11px;
      font-weight: 700;
      line-height: 18px;
      text-align: center;
    }
    nav a[aria-current='page'] {
      background: rgb(255 255 255 / 14%);
      color: #fff;
    }
    a:focus-visible,
    button:focus-visible {
      outline: 2px solid #8cc2ff;
      outline-offset: 2px;
    }
    .tools {
      display: flex;
      align-items: center;
      gap: var(--kk-space-3);
      margin-left: auto;
    }
    .lang {
      display: inline-flex;
      border: 1px solid rgb(255 255 255 / 30%);
      border-radius: var(--kk-radius);
      overflow: hidden;
    }
    .lang button {
      background: transparent;
      color: #d5deea;
      border: 0;
      font: inherit;
      font-size: 12px;
      font-weight: 600;
      padding: 5px 9px;
      cursor: pointer;
    }
    .lang button[aria-pressed='true'] {
      background: #fff;
      color: #12263f;
    }
    .user::part(base) {
      color: #fff;
      padding-inline: 4px;
    }
    .avatar {
      display: inline-grid;
      place-items: center;
      width: 28px;
      height: 28px;
      border-radius: 50%;
      background: #2f5d8f;
      color: #fff;
      font-size: 12px;
      font-weight: 700;
    }
    .who {
      display: inline-flex;
      flex-direction: column;
      text-align: left;
      line-height: 1.15;
      margin-left: 8px;
    }
    .who .name {
      font-weight: 600;
      font-size: 13px;
    }
    .who .role {
      font-size: 11px;
      color: #c3cfdd;
    }
    main {
      display: block;
      outline: none;
    }
    .loading,
    .message {
      max-width: 640px;
      margin: 48px auto;
      padding: 0 var(--kk-space-4);
      color: var(--kk-text-muted);
    }
    .message h1 {
      color: var(--kk-text);
      font-size: var(--kk-text-xxl);
    }
    .message a {
      color: var(--kk-link);
    }
    @media (max-width: 720px) {
      .bar {
        flex-wrap: wrap;
        padding: 0 var(--kk-space-3);
        gap: 0 var(--kk-space-3);
      }
      nav {
        order: 3;
        flex-basis: 100%;
        padding-bottom: 6px;
      }
      /* Only the initials show on a phone; the name stays the button's accessible name. */
      .who {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
        white-space: nowrap;
      }
    }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-app': KkApp;
  }
  interface HTMLElementEventMap {
    'kk-signed-in': SignedInEvent;
  }
}
