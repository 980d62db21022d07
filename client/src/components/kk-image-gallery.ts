// <kk-image-gallery>: a work's pictures — the dominant colour first, then the image; thumbnails to switch.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { localized, msg, str } from '@lit/localize';
import type { ImageLink } from '../api/artworks.js';

@localized()
@customElement('kk-image-gallery')
export class KkImageGallery extends LitElement {
  @property({ attribute: false }) images: ImageLink[] = [];
  /** Alternative text base: the work's title. */
  @property() alt = '';
  @state() private _index = 0;
  @state() private _loaded = new Set<number>();

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('images') && this._index >= this.images.length) this._index = 0;
  }

  override render() {
    const img = this.images[this._index];
    if (!img) return html`<div class="empty"><span>${msg('No picture yet')}</span></div>`;
    const ratio = img.width && img.height ? `${img.width} / ${img.height}` : '4 / 3';
    return html`
      <a class="main" href=${img.urls.large} target="_blank" rel="noopener" style=${styleMap({ background: img.dominantColor ?? '#e9ecef', aspectRatio: ratio })} aria-label=${msg(str`Open the large picture of ${this.alt}`)}>
        <img
          src=${img.urls.medium}
          alt=${img.caption ?? this.alt}
          class=${this._loaded.has(img.id) ? 'loaded' : ''}
          @load=${() => (this._loaded = new Set(this._loaded).add(img.id))}
        />
      </a>
      ${img.caption ? html`<p class="caption">${img.caption}</p>` : nothing}
      ${this.images.length > 1
        ? html`<ul class="thumbs" aria-label=${msg('Pictures')}>
            ${this.images.map(
              (m, i) => html`<li><button type="button" aria-pressed=${i === this._index ? 'true' : 'false'} aria-label=${msg(str`Picture ${i + 1} of ${this.images.length}`)} style=${styleMap({ background: m.dominantColor ?? '#e9ecef' })} @click=${() => (this._index = i)}>
                <img src=${m.urls.thumb} alt="" loading="lazy" />
              </button></li>`,
            )}
          </ul>`
        : nothing}
    `;
  }

  static override styles = css`
    :host {
      display: block;
    }
    .main {
      display: block;
      width: 100%;
      max-height: 520px;
      border-radius: var(--kk-radius-lg);
      overflow: hidden;
    }
    .main img {
      width: 100%;
      height: 100%;
      object-fit: contain;
      opacity: 0;
      transition: opacity 0.25s;
    }
    .main img.loaded {
      opacity: 1;
    }
    .main:focus-visible,
    button:focus-visible {
      outline: 2px solid var(--kk-focus);
      outline-offset: 2px;
    }
    .caption {
      font-size: var(--kk-text-s);
      color: var(--kk-text-muted);
      margin: 6px 0 0;
    }
    .empty {
      display: grid;
      place-items: center;
      aspect-ratio: 4 / 3;
      max-height: 40vh;
      width: 100%;
      background: repeating-linear-gradient(45deg, #eef0f3, #eef0f3 10px, #e7eaee 10px, #e7eaee 20px);
      border-radius: var(--kk-radius-lg);
      color: var(--kk-text-muted);
    }
    @media (max-width: 600px) {
      .empty {
        aspect-ratio: 3 / 1;
      }
    }
    .thumbs {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      list-style: none;
      padding: 0;
      margin: 10px 0 0;
    }
    .thumbs button {
      width: 64px;
      height: 64px;
      padding: 0;
      border: 2px solid transparent;
      border-radius: 6px;
      overflow: hidden;
      cursor: pointer;
    }
    .thumbs button[aria-pressed='true'] {
      border-color: var(--kk-brand);
    }
    .thumbs img {
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-image-gallery': KkImageGallery;
  }
}
