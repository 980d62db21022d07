// Signing in again inside the field app (a session ends after some hours; the queue waits meanwhile).
import { msg } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { ApiError } from '../../src/api/client.js';
import { signIn } from '../../src/api/session.js';
import { sheet, shared, tokens } from './styles.js';

/**
 * @event kk-signed-in - the session is open again
 */
@customElement('kk-sign-in-sheet')
export class KkSignInSheet extends LitElement {
  static override styles = [tokens, shared, sheet];

  @state() private error = '';
  @state() private busy = false;
  @query('dialog') private dialog!: HTMLDialogElement;

  open() {
    this.error = '';
    if (!this.dialog.open) this.dialog.showModal();
  }

  private async submit(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const value = (n: string) => (form.elements.namedItem(n) as HTMLInputElement).value;
    this.busy = true;
    try {
      await signIn(value('email'), value('password'));
      this.dialog.close();
      this.dispatchEvent(new Event('kk-signed-in', { bubbles: true, composed: true }));
    } catch (err) {
      this.error = err instanceof ApiError && err.status === 401 ? msg('Wrong e-mail or password.') : msg('Could not sign in. Check the network.');
    }
    this.busy = false;
  }

  override render() {
    return html`<dialog aria-labelledby="signin-title">
      <h2 id="signin-title">${msg('Sign in to sync')}</h2>
      <p>${msg('Your results are kept on the phone until you sign in.')}</p>
      <form @submit=${this.submit}>
        <label for="email">${msg('E-mail')}</label>
        <input id="email" name="email" type="email" autocomplete="username" required />
        <label for="password">${msg('Password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button type="button" @click=${() => this.dialog.close()}>${msg('Later')}</button>
          <button class="primary" type="submit" ?disabled=${this.busy}>${msg('Sign in')}</button>
        </div>
      </form>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-sign-in-sheet': KkSignInSheet;
  }
}
