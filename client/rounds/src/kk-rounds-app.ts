// The field app's shell: which page, who is signed in, the sync engine and the sign-in sheet.
import { LitElement, css, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { NetworkError } from '../../src/api/client.js';
import { loadSession, type SessionUser } from '../../src/api/session.js';
import { roleAllows } from '../../../server/users/permissions.js';
import './kk-round-list.js';
import './kk-round-page.js';
import './kk-round-summary.js';
import './kk-sign-in-sheet.js';
import './kk-sync-pill.js';
import type { KkSignInSheet } from './kk-sign-in-sheet.js';
import { currentRoute, NAV_EVENT, type Route } from './nav.js';
import { tokens } from './styles.js';
import { sync } from './sync.js';

@customElement('kk-rounds-app')
export class KkRoundsApp extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--kk-bg);
      }
    `,
  ];

  @state() private route: Route = currentRoute();
  @state() private user: SessionUser | null = null;
  @query('kk-sign-in-sheet') private signInSheet!: KkSignInSheet;
  private onNav = () => {
    this.route = currentRoute();
    scrollTo(0, 0);
  };

  override connectedCallback() {
    super.connectedCallback();
    addEventListener('popstate', this.onNav);
    addEventListener(NAV_EVENT, this.onNav);
    sync.addEventListener('change', () => sync.user && (this.user = sync.user));
    sync.start();
    void this.checkSession();
  }

  private async checkSession() {
    try {
      this.user = await loadSession();
      if (!this.user) {
        await this.updateComplete;
        this.signInSheet.open();
      }
    } catch (e) {
      // Offline: the rounds on the phone work without a session; sync asks to sign in later if needed.
      if (!(e instanceof NetworkError)) throw e;
    }
  }

  override render() {
    const r = this.route;
    const pill = html`<kk-sync-pill slot="sync" @kk-sign-in=${() => this.signInSheet.open()}></kk-sync-pill>`;
    const page =
      r.page === 'round'
        ? html`<kk-round-page .roundId=${r.id}>${pill}</kk-round-page>`
        : r.page === 'summary'
          ? html`<kk-round-summary .roundId=${r.id} ?canClose=${!!this.user && roleAllows(this.user.role, 'condition.write')}></kk-round-summary>`
          : html`<kk-round-list>${pill}</kk-round-list>`;
    return html`${page}<kk-sign-in-sheet
        @kk-signed-in=${() => {
          void this.checkSession();
          sync.schedule(0);
        }}
      ></kk-sign-in-sheet>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-rounds-app': KkRoundsApp;
  }
}
