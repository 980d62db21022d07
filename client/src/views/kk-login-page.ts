// /login: email and password; on success the shell takes the user to where they were going.
import { LitElement, css, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import '@awesome.me/webawesome/dist/components/input/input.js';
import { ApiError, NetworkError } from '../api/client.js';
import { signIn } from '../api/session.js';
import { pageStyles } from '../styles/shared.js';

/**
 * The sign-in form.
 * @event kk-signed-in - the session is open; detail: { user }
 */
@localized()
@customElement('kk-login-page')
export class KkLoginPage extends LitElement {
  @state() private _error = '';
  @state() private _busy = false;
  @query('form') private _form!: HTMLFormElement;

  override connectedCallback(): void {
    super.connectedCallback();
    document.title = `${msg('Sign in')} · Konstkoll`;
  }

  override firstUpdated(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('wa-input')?.focus());
  }

  private async _submit(e: Event): Promise<void> {
    e.preventDefault();
    const data = new FormData(this._form);
    const email = String(this.renderRoot.querySelector<HTMLInputElement & { value: string }>('wa-input[name=email]')?.value ?? data.get('email') ?? '');
    const password = String(this.renderRoot.querySelector<HTMLInputElement & { value: string }>('wa-input[name=password]')?.value ?? '');
    if (!email || !password) {
      this._error = msg('Enter your email and password.');
      return;
    }
    this._busy = true;
    this._error = '';
    try {
      const user = await signIn(email, password);
      this.dispatchEvent(new CustomEvent('kk-signed-in', { detail: { user }, bubbles: true, composed: true }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) this._error = msg('Wrong email or password, or the account is disabled.');
      else if (err instanceof ApiError && err.status === 429) this._error = msg('Too many attempts. Wait a few minutes and try again.');
      else if (err instanceof ApiError && err.status === 400) this._error = msg('Enter a valid email address.');
      else if (err instanceof NetworkError) this._error = msg('Could not reach the server. Check your connection and try again.');
      else this._error = msg('Signing in failed. Try again.');
    } finally {
      this._busy = false;
    }
  }

  override render() {
    return html`
      <section class="card">
        <h1>${msg('Sign in to Konstkoll')}</h1>
        <p class="muted">${msg('The art collection of Region Stockholm’s care environments.')}</p>
        <form @submit=${this._submit} novalidate>
          <wa-input name="email" type="email" label=${msg('Email')} autocomplete="username" required></wa-input>
          <wa-input name="password" type="password" label=${msg('Password')} autocomplete="current-password" password-toggle required></wa-input>
          ${this._error ? html`<p class="error-box" role="alert">${this._error}</p>` : ''}
          <wa-button type="submit" variant="brand" ?loading=${this._busy}>${msg('Sign in')}</wa-button>
        </form>
      </section>
    `;
  }

  static override styles = [
    pageStyles,
    css`
      :host {
        max-width: 420px;
        padding-top: 56px;
      }
      .card {
        padding: var(--kk-space-6);
        box-shadow: var(--kk-shadow);
      }
      form {
        display: grid;
        gap: var(--kk-space-4);
        margin-top: var(--kk-space-5);
      }
      .error-box {
        margin: 0;
      }
      @media (max-width: 600px) {
        :host {
          padding-top: var(--kk-space-5);
        }
        .card {
          padding: var(--kk-space-5);
        }
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-login-page': KkLoginPage;
  }
}
