// <kk-project-proposal-dialog>: add a proposal — title, artist (from the register or a new name,
// registered when the work is installed), object type, size and estimated cost.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import '@awesome.me/webawesome/dist/components/dialog/dialog.js';
import '@awesome.me/webawesome/dist/components/input/input.js';
import '@awesome.me/webawesome/dist/components/textarea/textarea.js';
import '@awesome.me/webawesome/dist/components/button/button.js';
import { ApiError } from '../api/client.js';
import { findArtists, type Artist } from '../api/artists.js';
import { createProposal } from '../api/projects.js';
import { OBJECT_TYPES, objectTypeLabel } from '../i18n/labels.js';
import { kronorToOre } from '../lib/project-labels.js';
import { formStyles } from '../styles/form.js';

/**
 * @event kk-saved - the proposal was added; detail: { id }
 */
@localized()
@customElement('kk-project-proposal-dialog')
export class KkProjectProposalDialog extends LitElement {
  @property({ type: Number }) projectId = 0;
  @state() private _f = { title: '', description: '', objectType: 'installation', artist: '', cost: '', height: '', width: '' };
  @state() private _artist: Artist | null = null;
  @state() private _matches: Artist[] = [];
  @state() private _errors: Record<string, string> = {};
  @state() private _busy = false;
  @query('wa-dialog') private _dialog!: HTMLElement & { open: boolean };
  private _timer?: ReturnType<typeof setTimeout>;

  show(): void {
    void this.updateComplete.then(() => (this._dialog.open = true));
  }

  private _set(key: keyof KkProjectProposalDialog['_f']) {
    return (e: Event) => (this._f = { ...this._f, [key]: (e.target as HTMLInputElement).value });
  }

  private _onArtist(e: Event): void {
    this._set('artist')(e);
    this._artist = null;
    clearTimeout(this._timer);
    this._timer = setTimeout(async () => {
      const q = this._f.artist.trim();
      if (q.length < 2) return void (this._matches = []);
      try {
        this._matches = (await findArtists(q)).items.slice(0, 6);
      } catch {
        this._matches = [];
      }
    }, 200);
  }

  private async _save(): Promise<void> {
    const f = this._f;
    const cost = kronorToOre(f.cost);
    const errors: Record<string, string> = {};
    if (!f.title.trim()) errors.title = msg('Give the proposal a title.');
    if (Number.isNaN(cost)) errors.estimatedCost = msg('Give the cost in kronor, or leave it empty.');
    this._errors = errors;
    if (Object.keys(errors).length) return;
    const artists = this._artist ? [{ artistId: this._artist.id }] : f.artist.trim() ? [{ name: f.artist.trim() }] : [];
    this._busy = true;
    try {
      const p = await createProposal(this.projectId, {
        title: f.title.trim(),
        description: f.description.trim() || null,
        objectType: f.objectType as (typeof OBJECT_TYPES)[number],
        artists,
        estimatedCost: cost,
        heightCm: f.height ? Number(f.height) : null,
        widthCm: f.width ? Number(f.width) : null,
      });
      this.dispatchEvent(new CustomEvent('kk-saved', { detail: { id: p.id }, bubbles: true, composed: true }));
      this._dialog.open = false;
    } catch (err) {
      this._errors = err instanceof ApiError ? { ...err.fieldErrors, _: err.message } : { _: msg('Could not reach the server.') };
    } finally {
      this._busy = false;
    }
  }

  private _input(key: keyof KkProjectProposalDialog['_f'], name: string, label: string, hint = '', type = 'text') {
    const err = this._errors[name];
    return html`<wa-input name=${name} label=${label} type=${type} .value=${this._f[key]} @input=${this._set(key)} hint=${err ?? hint} class=${err ? 'invalid' : ''}></wa-input>`;
  }

  override render() {
    const f = this._f;
    return html`<wa-dialog label=${msg('New proposal')} @wa-after-hide=${(e: Event) => e.target === this._dialog && this.remove()}>
      <div class="form">
        ${this._input('title', 'title', msg('Title'))}
        <div>
          <wa-input name="artist" label=${msg('Artist')} .value=${f.artist} @input=${this._onArtist} autocomplete="off"
            hint=${this._artist ? msg(str`From the register: ${this._artist.name}`) : f.artist.trim() ? msg('Not chosen from the register: registered as a new artist when the work is installed.') : msg('Type a name; pick from the register if the artist is there.')}></wa-input>
          ${this._matches.length && !this._artist
            ? html`<ul class="picker" role="listbox" aria-label=${msg('Artists in the register')}>
                ${this._matches.map(
                  (a) => html`<li role="option" tabindex="0" aria-selected="false"
                    @click=${() => ((this._artist = a), (this._f = { ...this._f, artist: a.name }), (this._matches = []))}
                    @keydown=${(e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), (this._artist = a), (this._f = { ...this._f, artist: a.name }), (this._matches = []))}>
                    ${a.name} <span class="muted">${[a.birthYear, a.nationality].filter(Boolean).join(' · ')}</span>
                  </li>`,
                )}
              </ul>`
            : nothing}
        </div>
        <wa-textarea name="description" label=${msg('Description')} rows="3" .value=${f.description} @input=${this._set('description')}></wa-textarea>
        <div class="row">
          <label class="native">${msg('Object type')}
            <select name="objectType" @change=${this._set('objectType')}>
              ${OBJECT_TYPES.map((t) => html`<option value=${t} ?selected=${t === f.objectType}>${objectTypeLabel(t)}</option>`)}
            </select>
          </label>
          ${this._input('cost', 'estimatedCost', msg('Estimated cost (kr)'))}
        </div>
        <div class="row">${this._input('height', 'heightCm', msg('Height (cm)'), '', 'number')} ${this._input('width', 'widthCm', msg('Width (cm)'), '', 'number')}</div>
        ${this._errors._ ? html`<p class="error-box" role="alert">${this._errors._}</p>` : nothing}
      </div>
      <wa-button slot="footer" appearance="outlined" @click=${() => (this._dialog.open = false)}>${msg('Cancel')}</wa-button>
      <wa-button slot="footer" variant="brand" ?loading=${this._busy} @click=${this._save}>${msg('Add the proposal')}</wa-button>
    </wa-dialog>`;
  }

  static override styles = [
    formStyles,
    css`
      .row {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(160px, 1fr));
        gap: var(--kk-space-3);
        align-items: start;
      }
      .picker {
        list-style: none;
        margin: var(--kk-space-2) 0 0;
        padding: 0;
        border: 1px solid var(--kk-border);
        border-radius: var(--kk-radius);
      }
      .picker li {
        padding: 6px 10px;
        cursor: pointer;
        border-top: 1px solid var(--kk-border);
      }
      .picker li:first-child {
        border-top: 0;
      }
      .picker li:focus-visible {
        outline: 2px solid var(--kk-focus);
        outline-offset: -2px;
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-project-proposal-dialog': KkProjectProposalDialog;
  }
}
