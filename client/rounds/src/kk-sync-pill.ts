// The sync state in the header: how many results and photos wait on the phone, failures (tap to
// retry) and a signed-out session (tap to sign in; nothing is lost meanwhile).
import { msg, str } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import * as icons from './icons.js';
import { allPhotos, allResults } from './store.js';
import { shared, tokens } from './styles.js';
import { sync } from './sync.js';

/**
 * @event kk-sign-in - the user tapped "sign in to sync"
 */
@customElement('kk-sync-pill')
export class KkSyncPill extends LitElement {
  static override styles = [
    tokens,
    shared,
    css`
      button {
        min-height: 40px;
        border-radius: 999px;
        padding: 0 12px;
        font-size: 14px;
        border: none;
        background: rgb(255 255 255 / 16%);
        color: #fff;
        white-space: nowrap;
      }
      button.failed,
      button.signin {
        background: #fdecea;
        color: var(--kk-danger);
      }
      svg.icon {
        width: 18px;
        height: 18px;
      }
    `,
  ];

  @state() private queued = 0;
  @state() private photos = 0;
  @state() private failed = 0;
  private onChange = () => {
    this.requestUpdate();
    void this.count();
  };

  override connectedCallback() {
    super.connectedCallback();
    sync.addEventListener('change', this.onChange);
    addEventListener('online', this.onChange);
    addEventListener('offline', this.onChange);
    void this.count();
  }
  override disconnectedCallback() {
    super.disconnectedCallback();
    sync.removeEventListener('change', this.onChange);
    removeEventListener('online', this.onChange);
    removeEventListener('offline', this.onChange);
  }

  private async count() {
    const [results, photos] = await Promise.all([allResults(), allPhotos()]);
    this.queued = results.filter((x) => x.state === 'queued').length;
    this.photos = photos.filter((x) => x.state === 'queued').length;
    this.failed = [...results, ...photos].filter((x) => x.state === 'failed').length;
  }

  private tap() {
    if (sync.phase === 'signin') this.dispatchEvent(new Event('kk-sign-in', { bubbles: true, composed: true }));
    else if (this.failed) void sync.retry();
    else void sync.flush();
  }

  override render() {
    const phase = sync.phase;
    const [cls, icon, text] =
      phase === 'signin' && this.queued + this.photos
        ? ['signin', icons.alert, msg('Sign in to sync')]
        : this.failed
          ? ['failed', icons.alert, msg(str`${this.failed} not synced`)]
          : this.queued
            ? ['queued', icons.phone, msg(str`${this.queued} on phone`)]
            : this.photos
              ? ['queued', icons.phone, msg(str`${this.photos} photos on phone`)]
              : ['synced', icons.cloud, msg('Synced')];
    return html`<button class=${cls} data-sync=${cls} @click=${this.tap} aria-live="polite">${icon}<span>${text}</span></button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-sync-pill': KkSyncPill;
  }
}
