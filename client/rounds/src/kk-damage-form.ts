// The short damage form: grade, damage types as chips, photos from the camera, a note.
import { msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import * as icons from './icons.js';
import { DAMAGE_TYPES, damageLabel, gradeLabel, type DamageType } from './labels.js';
import type { CheckInput } from './model.js';
import { shared, tokens } from './styles.js';

export type DamageSubmit = CustomEvent<{ check: CheckInput; photos: { blob: Blob; name: string }[] }>;

/** Phone photos are large; 2048 px on the long edge is plenty for a condition photo and syncs fast. */
const MAX_EDGE = 2048;

/**
 * @event kk-damage-submit - { check, photos }
 * @event kk-cancel - the user went back
 */
@customElement('kk-damage-form')
export class KkDamageForm extends LitElement {
  static override styles = [
    tokens,
    shared,
    css`
      .grades {
        display: grid;
        grid-template-columns: repeat(4, 1fr);
        gap: 6px;
      }
      .grades button {
        flex-direction: column;
        gap: 0;
        padding: 4px 2px;
        font-size: 13px;
        min-height: 56px;
        min-width: 0;
      }
      .grades b {
        font-size: 18px;
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
      }
      .chips button {
        border-radius: 999px;
        font-weight: 500;
        font-size: 15px;
      }
      button[aria-pressed='true'] {
        background: var(--kk-brand);
        border-color: var(--kk-brand);
        color: #fff;
      }
      fieldset {
        border: none;
        padding: 0;
        margin: 12px 0 0;
      }
      legend {
        font-weight: 600;
        margin-bottom: 6px;
        padding: 0;
      }
      .notice {
        background: var(--kk-warning-soft);
        color: var(--kk-warning);
        border-radius: var(--kk-radius);
        padding: 8px 12px;
        margin: 8px 0;
        font-weight: 600;
        display: flex;
        gap: 8px;
        align-items: center;
      }
      .photos {
        display: flex;
        gap: 8px;
        flex-wrap: wrap;
        align-items: center;
      }
      .photos img {
        width: 64px;
        height: 64px;
        object-fit: cover;
        border-radius: 8px;
      }
      input[type='file'] {
        position: absolute;
        opacity: 0;
        width: 1px;
        height: 1px;
      }
      label.button {
        display: inline-flex;
        margin: 0;
      }
      textarea {
        min-height: 72px;
      }
      .actions {
        display: flex;
        gap: 8px;
        margin-top: 16px;
      }
      .actions > * {
        flex: 1;
      }
      .error {
        color: var(--kk-danger);
        font-weight: 600;
      }
    `,
  ];

  @state() private grade = 0;
  @state() private types = new Set<DamageType>();
  @state() private photos: { blob: Blob; name: string; url: string }[] = [];
  @state() private note = '';
  @state() private error = '';

  reset() {
    for (const p of this.photos) URL.revokeObjectURL(p.url);
    this.grade = 0;
    this.types = new Set();
    this.photos = [];
    this.note = '';
    this.error = '';
  }

  private toggle(t: DamageType) {
    const next = new Set(this.types);
    if (!next.delete(t)) next.add(t);
    this.types = next;
  }

  private async addPhotos(e: Event) {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    for (const f of files.slice(0, 5 - this.photos.length)) {
      const blob = await shrink(f);
      this.photos = [...this.photos, { blob, name: f.name || 'foto.jpg', url: URL.createObjectURL(blob) }];
    }
  }

  private submit(e: Event) {
    e.preventDefault();
    if (!this.grade) {
      this.error = msg('Choose a grade.');
      return;
    }
    const check: CheckInput = { grade: this.grade, damageTypes: [...this.types], priority: this.grade >= 3 ? 'soon' : 'routine', note: this.note.trim() || null };
    this.dispatchEvent(new CustomEvent('kk-damage-submit', { detail: { check, photos: this.photos.map(({ blob, name }) => ({ blob, name })) }, bubbles: true, composed: true }));
  }

  override render() {
    return html`<form @submit=${this.submit} novalidate>
      <fieldset>
        <legend>${msg('Condition')}</legend>
        <div class="grades">
          ${[1, 2, 3, 4].map(
            (g) => html`<button type="button" aria-pressed=${this.grade === g ? 'true' : 'false'} @click=${() => ((this.grade = g), (this.error = ''))}>
              <b>${g}</b>${gradeLabel(g)}
            </button>`,
          )}
        </div>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      </fieldset>
      <fieldset>
        <legend>${msg('Damage')}</legend>
        <div class="chips">
          ${DAMAGE_TYPES.map((t) => html`<button type="button" aria-pressed=${this.types.has(t) ? 'true' : 'false'} @click=${() => this.toggle(t)}>${damageLabel(t)}</button>`)}
        </div>
      </fieldset>
      <fieldset>
        <legend>${msg('Photos')}</legend>
        <p class="notice">${icons.alert}<span>${msg('No patient may appear in a photo.')}</span></p>
        <div class="photos">
          ${this.photos.map((p, i) => html`<img src=${p.url} alt=${msg(str`Photo ${i + 1}`)} />`)}
          ${this.photos.length < 5
            ? html`<label class="button"
                >${icons.camera}${msg('Take photo')}<input type="file" accept="image/*" capture="environment" multiple @change=${this.addPhotos}
              /></label>`
            : nothing}
        </div>
      </fieldset>
      <label for="note">${msg('Note')}</label>
      <textarea id="note" maxlength="2000" .value=${this.note} @input=${(e: Event) => (this.note = (e.target as HTMLTextAreaElement).value)}></textarea>
      <div class="actions">
        <button type="button" @click=${() => this.dispatchEvent(new Event('kk-cancel', { bubbles: true, composed: true }))}>${msg('Back')}</button>
        <button type="submit" class="primary">${msg('Save damage')}</button>
      </div>
    </form>`;
  }
}

/** Scales a photo down to MAX_EDGE as JPEG; small pictures (and anything that fails to decode) stay as they are. */
async function shrink(file: File): Promise<Blob> {
  try {
    const bmp = await createImageBitmap(file);
    const scale = Math.min(1, MAX_EDGE / Math.max(bmp.width, bmp.height));
    if (scale === 1 && file.size < 1_500_000) return file;
    const canvas = new OffscreenCanvas(Math.round(bmp.width * scale), Math.round(bmp.height * scale));
    canvas.getContext('2d')!.drawImage(bmp, 0, 0, canvas.width, canvas.height);
    return await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
  } catch {
    return file;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-damage-form': KkDamageForm;
  }
}
