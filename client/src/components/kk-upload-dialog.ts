// <kk-upload-dialog>: add pictures to a work — drag and drop (or choose files), each with its own progress.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import '@awesome.me/webawesome/dist/components/dialog/dialog.js';
import '@awesome.me/webawesome/dist/components/progress-bar/progress-bar.js';
import '@awesome.me/webawesome/dist/components/button/button.js';
import { errorMessage } from '../api/error-messages.js';
import type { ArtworkDetail } from '../api/artworks.js';
import { uploadFile } from '../api/media.js';
import { formatBytes } from '../i18n/format.js';
import { formStyles } from '../styles/form.js';

type Item = { file: File; loaded: number; state: 'waiting' | 'uploading' | 'done' | 'failed'; error?: string };
type Role = 'primary' | 'detail' | 'condition' | 'document';

/**
 * @event kk-saved - at least one file was uploaded
 */
@localized()
@customElement('kk-upload-dialog')
export class KkUploadDialog extends LitElement {
  @property({ attribute: false }) work!: ArtworkDetail;
  @state() private _items: Item[] = [];
  @state() private _role: Role = 'detail';
  @state() private _over = false;
  @query('wa-dialog') private _dialog!: HTMLElement & { open: boolean };
  @query('input[type=file]') private _picker!: HTMLInputElement;
  private _uploaded = 0;

  show(): void {
    if (!this.work.images.length) this._role = 'primary';
    void this.updateComplete.then(() => (this._dialog.open = true));
  }

  private _add(files: FileList | null): void {
    if (!files?.length) return;
    const added: Item[] = [...files].map((file) => ({ file, loaded: 0, state: 'waiting' }));
    this._items = [...this._items, ...added];
    void this._run();
  }

  private _running = false;
  /** One file at a time, so each bar means something and a failure names its file. */
  private async _run(): Promise<void> {
    if (this._running) return;
    this._running = true;
    try {
      let next: Item | undefined;
      while ((next = this._items.find((i) => i.state === 'waiting'))) {
        const item = next;
        this._patch(item, { state: 'uploading' });
        try {
          await uploadFile('artwork', this.work.id, this._role, item.file, (loaded) => this._patch(item, { loaded }));
          this._patch(item, { state: 'done', loaded: item.file.size });
          this._uploaded++;
          // After the first primary picture, further files are details.
          if (this._role === 'primary') this._role = 'detail';
        } catch (err) {
          const message = errorMessage(err);
          this._patch(item, { state: 'failed', error: message });
        }
      }
    } finally {
      this._running = false;
    }
  }

  private _patch(item: Item, change: Partial<Item>): void {
    Object.assign(item, change);
    this._items = [...this._items];
  }

  private _drop(e: DragEvent): void {
    e.preventDefault();
    this._over = false;
    this._add(e.dataTransfer?.files ?? null);
  }

  private _close(): void {
    this._dialog.open = false;
  }

  override render() {
    return html`<wa-dialog label=${msg('Upload pictures')} @wa-hide=${(e: Event) => e.target === this._dialog && this._uploaded && this.dispatchEvent(new CustomEvent('kk-saved', { bubbles: true, composed: true }))} @wa-after-hide=${(e: Event) => e.target === this._dialog && this.remove()}>
      <div class="form">
        <label class="native">${msg('Use as')}
          <select @change=${(e: Event) => (this._role = (e.target as HTMLSelectElement).value as Role)}>
            <option value="primary" ?selected=${this._role === 'primary'}>${msg('Main picture')}</option>
            <option value="detail" ?selected=${this._role === 'detail'}>${msg('Detail')}</option>
            <option value="condition" ?selected=${this._role === 'condition'}>${msg('Condition photo')}</option>
            <option value="document" ?selected=${this._role === 'document'}>${msg('Document (PDF)')}</option>
          </select>
        </label>
        <div class="drop ${this._over ? 'over' : ''}"
          @dragover=${(e: DragEvent) => (e.preventDefault(), (this._over = true))}
          @dragleave=${() => (this._over = false)}
          @drop=${this._drop}>
          <p><strong>${msg('Drop pictures here')}</strong></p>
          <p class="muted">${msg('JPEG, PNG, WebP, TIFF or PDF, up to 50 MB each.')}</p>
          <wa-button size="s" @click=${() => this._picker.click()}>${msg('Choose files…')}</wa-button>
          <input type="file" multiple accept="image/*,application/pdf" hidden @change=${(e: Event) => this._add((e.target as HTMLInputElement).files)} />
        </div>
        ${this._items.length
          ? html`<ul class="files">
              ${this._items.map(
                (i) => html`<li>
                  <div class="name"><span>${i.file.name}</span><span class="muted">${formatBytes(i.file.size)}</span></div>
                  ${i.state === 'failed'
                    ? html`<p class="field-error" role="alert">${msg(str`Not uploaded: ${i.error ?? ''}`)}</p>`
                    : html`<wa-progress-bar value=${i.file.size ? Math.round((i.loaded / i.file.size) * 100) : 0} label=${msg(str`Upload of ${i.file.name}`)}></wa-progress-bar>
                        <span class="muted small">${i.state === 'done' ? msg('Done') : i.state === 'waiting' ? msg('Waiting') : msg('Uploading…')}</span>`}
                </li>`,
              )}
            </ul>`
          : nothing}
      </div>
      <wa-button slot="footer" variant="brand" @click=${this._close}>${msg('Close')}</wa-button>
    </wa-dialog>`;
  }

  static override styles = [
    formStyles,
    css`
      .drop {
        border: 2px dashed var(--kk-border-strong);
        border-radius: var(--kk-radius-lg);
        padding: var(--kk-space-5);
        text-align: center;
        background: var(--kk-surface-sunken);
      }
      .drop.over {
        border-color: var(--kk-brand);
        background: var(--kk-brand-soft);
      }
      .drop p {
        margin: 0 0 6px;
      }
      .files {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 10px;
      }
      .name {
        display: flex;
        justify-content: space-between;
        gap: 8px;
        margin-bottom: 4px;
        overflow-wrap: anywhere;
      }
      .small {
        font-size: var(--kk-text-xs);
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-upload-dialog': KkUploadDialog;
  }
}
