// Scan a label (camera) or type an inventory number; a work not on the round can be registered as
// found here, in a room of the round.
import { msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { inventoryFromCode, type Room } from './model.js';
import { frameReader } from './qr.js';
import { sheet, shared, tokens } from './styles.js';

export type ScannedEvent = CustomEvent<{ inventoryNumber: string }>;
export type FoundHereEvent = CustomEvent<{ inventoryNumber: string; locationId: number }>;

/**
 * @event kk-scanned - a label was read or a number typed: { inventoryNumber }
 * @event kk-found-here - register a work not on the list: { inventoryNumber, locationId }
 */
@customElement('kk-scan-sheet')
export class KkScanSheet extends LitElement {
  static override styles = [
    tokens,
    shared,
    sheet,
    css`
      .viewer {
        position: relative;
        background: #111;
        border-radius: var(--kk-radius);
        overflow: hidden;
        aspect-ratio: 4 / 3;
        margin-top: 8px;
      }
      video {
        width: 100%;
        height: 100%;
        object-fit: cover;
        display: block;
      }
      .frame {
        position: absolute;
        inset: 18% 25%;
        border: 3px solid rgb(255 255 255 / 85%);
        border-radius: 12px;
      }
      .status {
        min-height: 24px;
        margin: 8px 0 0;
      }
      form {
        display: flex;
        gap: 8px;
        align-items: flex-end;
      }
      form div {
        flex: 1;
      }
      .notice {
        background: var(--kk-brand-soft);
        border-radius: var(--kk-radius);
        padding: 12px;
      }
    `,
  ];

  /** Rooms a work found here may be placed in (those of the round); the first is preselected. */
  @property({ attribute: false }) rooms: Room[] = [];
  @state() private status = '';
  @state() private offer: string | null = null;
  @state() private room = 0;
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('video') private video!: HTMLVideoElement;
  private stream: MediaStream | null = null;
  private scanning = false;

  async open() {
    this.offer = null;
    this.status = '';
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    void this.startCamera();
  }

  close() {
    this.stopCamera();
    if (this.dialog.open) this.dialog.close();
  }

  /** The page found no such work on the list: offer to register it here. */
  offerFoundHere(inventoryNumber: string, roomId: number | null) {
    this.stopCamera();
    this.offer = inventoryNumber;
    this.room = roomId ?? this.rooms[0]?.id ?? 0;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.stopCamera();
  }

  private async startCamera() {
    if (!navigator.mediaDevices?.getUserMedia) {
      this.status = msg('No camera here: type the number.');
      return;
    }
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment', width: { ideal: 1280 } }, audio: false });
    } catch {
      this.status = msg('The camera is not available: type the number.');
      return;
    }
    if (!this.dialog.open) return this.stopCamera();
    this.video.srcObject = this.stream;
    await this.video.play().catch(() => {});
    this.status = msg('Point the camera at the QR code on the label.');
    const { read, native } = await frameReader();
    this.dataset.reader = native ? 'native' : 'jsqr';
    this.scanning = true;
    while (this.scanning) {
      const text = await read(this.video).catch(() => null);
      if (text && this.scanning) {
        this.found(inventoryFromCode(text));
        return;
      }
      await new Promise((r) => setTimeout(r, 120));
    }
  }

  private stopCamera() {
    this.scanning = false;
    for (const t of this.stream?.getTracks() ?? []) t.stop();
    this.stream = null;
    if (this.video) this.video.srcObject = null;
  }

  private found(inventoryNumber: string) {
    if (!inventoryNumber) return;
    this.scanning = false;
    this.dispatchEvent(new CustomEvent('kk-scanned', { detail: { inventoryNumber }, bubbles: true, composed: true }));
  }

  private typed(e: Event) {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).elements.namedItem('number') as HTMLInputElement;
    const n = inventoryFromCode(input.value);
    if (n) {
      input.value = '';
      this.found(n);
    }
  }

  override render() {
    return html`<dialog aria-labelledby="scan-title" @close=${() => this.stopCamera()}>
      <h2 id="scan-title">${msg('Scan label')}</h2>
      ${this.offer ? this.renderOffer(this.offer) : this.renderScanner()}
    </dialog>`;
  }

  private renderScanner() {
    return html`<div class="viewer"><video muted playsinline aria-label=${msg('Camera')}></video><div class="frame"></div></div>
      <p class="status" role="status">${this.status}</p>
      <form @submit=${this.typed}>
        <div>
          <label for="number">${msg('Or type the inventory number')}</label>
          <input id="number" name="number" autocomplete="off" autocapitalize="characters" enterkeyhint="go" />
        </div>
        <button class="primary" type="submit">${msg('Go')}</button>
      </form>
      <div class="actions"><button @click=${() => this.close()}>${msg('Close')}</button></div>`;
  }

  private renderOffer(n: string) {
    return html`<p class="notice">${msg(str`${n} is not on this round's list. Was it found here?`)}</p>
      <label for="room">${msg('Room')}</label>
      <select id="room" @change=${(e: Event) => (this.room = Number((e.target as HTMLSelectElement).value))}>
        ${this.rooms.map((r) => html`<option value=${r.id} ?selected=${r.id === this.room}>${r.path}</option>`)}
      </select>
      <div class="actions">
        <button @click=${() => this.open()}>${msg('Scan again')}</button>
        <button class="primary" ?disabled=${!this.room} @click=${() => this.registerHere(n)}>${msg('Found here')}</button>
      </div>
      ${this.rooms.length ? nothing : html`<p>${msg('This round has no rooms to place it in.')}</p>`}`;
  }

  private registerHere(inventoryNumber: string) {
    this.close();
    this.dispatchEvent(new CustomEvent('kk-found-here', { detail: { inventoryNumber, locationId: this.room }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-scan-sheet': KkScanSheet;
  }
}
