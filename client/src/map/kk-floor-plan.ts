// <kk-floor-plan>: a floor's plan image in Leaflet's CRS.Simple with its rooms and a pin per work,
// coloured by condition. Curators drag pins (or drop works from the list, or place them with the
// keyboard: arrows move a cross-hair, Enter drops it) and the element reports where they landed.
import { LitElement, css, html, nothing, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import leafletCss from 'leaflet/dist/leaflet.css?inline';
import type * as Leaflet from 'leaflet';
import type { FloorPlan, PlanArea, PlanWork } from '../api/map.js';
import type { PlanProposal } from '../api/projects.js';
import { gradeLabel, statusLabel } from '../i18n/labels.js';
import { loadLeaflet } from './leaflet.js';
import { pinStyles } from './pin-styles.js';

/** Media type of a work dragged from the list onto the plan. */
export const WORK_DRAG_TYPE = 'application/x-kk-work';
export type PinDropEvent = CustomEvent<{ work: PlanWork; posX: number; posY: number; roomId: number | null }>;
export type ProposalDropEvent = CustomEvent<{ proposal: PlanProposal; posX: number; posY: number; roomId: number | null }>;
type Placeable = PlanWork | PlanProposal;
/** What a cross-hair or message calls the thing being placed. */
const nameOf = (x: Placeable) => ('inventoryNumber' in x ? x.inventoryNumber : x.title);

/** Sheet size when a floor has no plan image yet: the rooms are drawn on an empty sheet. */
const BLANK = { width: 1600, height: 1000 };
const KEY_STEP = 0.01;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

/** The room whose plan area holds the spot (the smallest, if areas overlap). */
export function roomAt(rooms: FloorPlan['rooms'], x: number, y: number): number | null {
  let best: { id: number; area: number } | null = null;
  for (const r of rooms) {
    const a = r.planArea;
    if (!a || x < a.x || x > a.x + a.w || y < a.y || y > a.y + a.h) continue;
    if (!best || a.w * a.h < best.area) best = { id: r.id, area: a.w * a.h };
  }
  return best?.id ?? null;
}

/**
 * @event kk-pin-drop - a work was dropped on the plan; detail: { work, posX, posY, roomId }
 * @event kk-proposal-drop - an art-project proposal's planned spot was placed; detail: { proposal, posX, posY, roomId }
 */
@localized()
@customElement('kk-floor-plan')
export class KkFloorPlan extends LitElement {
  @property({ attribute: false }) plan: FloorPlan | null = null;
  /** Proposals whose planned-spot pins may be dragged (the project page's own); others are shown only. */
  @property({ attribute: false }) movableProposals: ReadonlySet<number> = new Set();
  @state() private _placing: Placeable | null = null;
  @query('#plan') private _el!: HTMLDivElement;

  private _L?: typeof Leaflet;
  private _map?: Leaflet.Map;
  private _layers?: Leaflet.LayerGroup;
  private _pins = new Map<number, Leaflet.Marker>();
  private _cross?: Leaflet.Marker;
  private _resize?: ResizeObserver;
  private _sheet = BLANK;

  /** Starts placing a work: a click on the plan, or arrows + Enter on the cross-hair, drops it. */
  startPlacing(work: Placeable): void {
    this._placing = work;
    const L = this._L;
    const map = this._map;
    if (!L || !map) return;
    this._cross?.remove();
    const start = work.posX != null && work.posY != null ? this._toLatLng(work.posX, work.posY) : map.getCenter();
    this._cross = L.marker(start, { keyboard: true, title: msg(str`Place ${nameOf(work)}`), icon: L.divIcon({ className: 'cross', iconSize: [34, 34], html: '<span></span>' }), zIndexOffset: 1000 }).addTo(map);
    const el = this._cross.getElement()!;
    el.setAttribute('aria-label', msg(str`Placing ${nameOf(work)} ${'inventoryNumber' in work ? work.title : ''}. Move with the arrow keys, Enter places, Escape cancels.`));
    el.addEventListener('keydown', this._onCrossKey);
    el.focus();
  }

  cancelPlacing(): void {
    this._placing = null;
    this._cross?.remove();
    this._cross = undefined;
  }

  /** Focuses a work's pin (from the list beside the plan). */
  focusPin(id: number): void {
    const pin = this._pins.get(id);
    if (!pin || !this._map) return;
    this._map.panTo(pin.getLatLng());
    pin.getElement()?.focus();
  }

  override async firstUpdated(): Promise<void> {
    this._L = await loadLeaflet();
    if (!this.isConnected) return;
    this._draw();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._resize?.disconnect();
    this._map?.remove();
    this._map = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('plan') && this._L) this._draw();
  }

  private _toLatLng(x: number, y: number): Leaflet.LatLng {
    return this._L!.latLng(this._sheet.height * (1 - y), this._sheet.width * x);
  }

  private _fromLatLng(ll: Leaflet.LatLng): { x: number; y: number } {
    return { x: clamp01(ll.lng / this._sheet.width), y: clamp01(1 - ll.lat / this._sheet.height) };
  }

  private _rect(a: PlanArea): Leaflet.LatLngBoundsExpression {
    return [
      [this._sheet.height * (1 - a.y - a.h), this._sheet.width * a.x],
      [this._sheet.height * (1 - a.y), this._sheet.width * (a.x + a.w)],
    ];
  }

  /** Builds the map once per floor, then redraws rooms and pins when the data changes. */
  private _draw(): void {
    const L = this._L!;
    const plan = this.plan;
    if (!plan) return;
    const sheet = plan.plan ? { width: plan.plan.width, height: plan.plan.height } : BLANK;
    const bounds = L.latLngBounds([0, 0], [sheet.height, sheet.width]);
    if (!this._map || this._map.options.crs !== L.CRS.Simple || this._sheet.width !== sheet.width || this._sheet.height !== sheet.height || this._el.dataset.floor !== String(plan.floor.id)) {
      this._map?.remove();
      this._sheet = sheet;
      this._el.dataset.floor = String(plan.floor.id);
      const map = (this._map = L.map(this._el, { crs: L.CRS.Simple, minZoom: -4, maxZoom: 3, zoomSnap: 0.25, attributionControl: false, maxBounds: bounds.pad(0.25) }));
      map.fitBounds(bounds);
      map.setMinZoom(map.getZoom() - 1);
      if (plan.plan) L.imageOverlay(plan.plan.url, bounds, { alt: msg(str`Floor plan of ${plan.floor.pathText}`) }).addTo(map);
      else L.rectangle(bounds, { color: '#9aa5b1', weight: 1, fillColor: '#fbfaf6', fillOpacity: 1, interactive: false }).addTo(map);
      this._layers = L.layerGroup().addTo(map);
      map.on('click', (e: Leaflet.LeafletMouseEvent) => this._placing && this._drop(this._placing, e.latlng));
      this._resize?.disconnect();
      this._resize = new ResizeObserver(() => map.invalidateSize());
      this._resize.observe(this._el);
    }
    this._drawContent(plan);
  }

  private _drawContent(plan: FloorPlan): void {
    const L = this._L!;
    const group = this._layers!;
    group.clearLayers();
    this._pins.clear();
    for (const room of plan.rooms) {
      if (!room.planArea) continue;
      const rect = L.rectangle(this._rect(room.planArea), {
        color: '#1f5fa8',
        weight: plan.plan ? 0 : 1.5,
        fillColor: '#1f5fa8',
        fillOpacity: plan.plan ? 0 : 0.04,
        interactive: false,
        className: 'room',
      });
      rect.addTo(group);
      // Plans drawn from the rooms have their names; an empty sheet needs labels.
      if (!plan.plan) rect.bindTooltip(esc(room.name), { permanent: true, direction: 'center', className: 'room-label' });
    }
    for (const w of plan.placed) {
      const label = `${w.inventoryNumber} ${w.title} — ${msg('Condition')}: ${gradeLabel(w.grade)}${w.roomName ? `, ${w.roomName}` : ''}`;
      const pin = L.marker(this._toLatLng(w.posX!, w.posY!), {
        keyboard: true,
        draggable: plan.canEdit,
        autoPan: true,
        title: label,
        riseOnHover: true,
        icon: L.divIcon({ className: `pin g${w.grade ?? 0}`, iconSize: [26, 26], html: `<span data-g="${w.grade ?? '?'}"></span>` }),
      });
      pin.bindTooltip(this._card(w), { direction: 'top', offset: [0, -14], className: 'card-tip' });
      pin.bindPopup(() => this._popup(w), { offset: [0, -8], autoPanPadding: [20, 20] });
      pin.on('dragend', () => this._drop(w, pin.getLatLng()));
      pin.addTo(group);
      pin.getElement()!.setAttribute('aria-label', label);
      pin.getElement()!.dataset.work = String(w.id);
      this._pins.set(w.id, pin);
    }
    // Planned spots of art-project proposals: diamond pins of their own colour, under the works.
    for (const p of plan.proposals ?? []) {
      const movable = this.movableProposals.has(p.id);
      const label = `${msg('Proposal')}: ${p.title} — ${p.projectName}`;
      const pin = L.marker(this._toLatLng(p.posX, p.posY), {
        keyboard: true,
        draggable: movable,
        autoPan: true,
        title: label,
        riseOnHover: true,
        zIndexOffset: -100,
        icon: L.divIcon({ className: `proposal-pin${movable ? ' own' : ''}`, iconSize: [20, 20], html: '<span></span>' }),
      });
      pin.bindTooltip(`<strong>${esc(p.title)}</strong><br>${esc(msg('Proposal'))} · ${esc(p.projectName)}`, { direction: 'top', offset: [0, -12], className: 'card-tip' });
      pin.bindPopup(() => this._proposalPopup(p), { offset: [0, -8] });
      pin.on('dragend', () => this._drop(p, pin.getLatLng()));
      pin.addTo(group);
      pin.getElement()!.setAttribute('aria-label', label);
      pin.getElement()!.dataset.proposal = String(p.id);
    }
  }

  private _proposalPopup(p: PlanProposal): HTMLElement {
    const box = document.createElement('div');
    box.className = 'popup';
    box.innerHTML = `<div><strong>${esc(p.title)}</strong><br>${esc(msg('Proposal'))} · ${esc(p.projectName)}<p><a href="/projects/${p.projectId}">${esc(msg('Open the project'))}</a></p></div>`;
    if (this.movableProposals.has(p.id)) {
      const move = document.createElement('button');
      move.type = 'button';
      move.textContent = msg('Move with the keyboard');
      move.addEventListener('click', () => {
        this._map?.closePopup();
        this.startPlacing(p);
      });
      box.querySelector('div')!.appendChild(move);
    }
    return box;
  }

  private _card(w: PlanWork): string {
    return `<strong>${esc(w.title)}</strong><br>${esc(w.artists ?? msg('Unknown artist'))}<br><span class="inv">${esc(w.inventoryNumber)}</span> · ${esc(gradeLabel(w.grade))} · ${esc(statusLabel(w.status))}${w.roomName ? `<br>${esc(w.roomName)}` : ''}`;
  }

  /** The click/Enter card: details, a link to the work and (for curators) the keyboard move. */
  private _popup(w: PlanWork): HTMLElement {
    const box = document.createElement('div');
    box.className = 'popup';
    box.innerHTML = `${w.thumbUrl ? `<img src="${esc(w.thumbUrl)}" alt="" width="72" height="72">` : ''}<div>${this._card(w)}<p><a href="/works/${w.id}">${esc(msg('Open the work'))}</a></p></div>`;
    if (this.plan?.canEdit) {
      const move = document.createElement('button');
      move.type = 'button';
      move.textContent = msg('Move with the keyboard');
      move.addEventListener('click', () => {
        this._map?.closePopup();
        this.startPlacing(w);
      });
      box.querySelector('div')!.appendChild(move);
    }
    return box;
  }

  private _onCrossKey = (e: KeyboardEvent): void => {
    const cross = this._cross;
    if (!cross || !this._placing) return;
    const step = e.shiftKey ? KEY_STEP * 5 : KEY_STEP;
    const { x, y } = this._fromLatLng(cross.getLatLng());
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (moves[e.key]) {
      const [dx, dy] = moves[e.key]!;
      cross.setLatLng(this._toLatLng(clamp01(x + dx), clamp01(y + dy)));
      const room = this.plan ? roomAt(this.plan.rooms, clamp01(x + dx), clamp01(y + dy)) : null;
      const name = this.plan?.rooms.find((r) => r.id === room)?.name;
      cross.getElement()?.setAttribute('aria-description', name ?? msg('Outside the rooms'));
    } else if (e.key === 'Enter' || e.key === ' ') this._drop(this._placing, cross.getLatLng());
    else if (e.key === 'Escape') this.cancelPlacing();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  private _drop(work: Placeable, ll: Leaflet.LatLng): void {
    const { x, y } = this._fromLatLng(ll);
    const posX = Math.round(x * 10000) / 10000;
    const posY = Math.round(y * 10000) / 10000;
    this.cancelPlacing();
    const roomId = this.plan ? roomAt(this.plan.rooms, posX, posY) : null;
    if ('inventoryNumber' in work) this.dispatchEvent(new CustomEvent('kk-pin-drop', { detail: { work, posX, posY, roomId }, bubbles: true, composed: true }));
    else this.dispatchEvent(new CustomEvent('kk-proposal-drop', { detail: { proposal: work, posX, posY, roomId }, bubbles: true, composed: true }));
  }

  private _onDragOver(e: DragEvent): void {
    if (!this.plan?.canEdit || !e.dataTransfer?.types.includes(WORK_DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
  }

  private _onDrop(e: DragEvent): void {
    const id = Number(e.dataTransfer?.getData(WORK_DRAG_TYPE));
    const work = this.plan?.unplaced.find((w) => w.id === id) ?? this.plan?.placed.find((w) => w.id === id);
    if (!work || !this._map) return;
    e.preventDefault();
    this._drop(work, this._map.mouseEventToLatLng(e));
  }

  override render() {
    return html`<div id="plan" role="region" aria-label=${this.plan ? msg(str`Floor plan of ${this.plan.floor.pathText}`) : msg('Floor plan')} @dragover=${this._onDragOver} @drop=${this._onDrop}></div>
      ${this._placing
        ? html`<div class="placing" role="status">
            ${msg(str`Placing ${nameOf(this._placing)}: click on the plan, or use the arrow keys and Enter.`)}
            <button type="button" @click=${() => this.cancelPlacing()}>${msg('Cancel')}</button>
          </div>`
        : nothing}`;
  }

  static override styles = [
    unsafeCSS(leafletCss),
    pinStyles,
    css`
      :host {
        display: block;
        position: relative;
        min-height: 300px;
      }
      #plan {
        position: absolute;
        inset: 0;
        background: #e9ecef;
      }
      /* Proposal pins (own class, so counts of .pin stay the works'): a violet diamond, apart from the condition colours. */
      .proposal-pin {
        box-sizing: border-box;
        border: 2px solid #fff;
        border-radius: 3px;
        background: #6639ba;
        box-shadow: 0 1px 4px rgb(0 0 0 / 45%);
        rotate: 45deg;
        cursor: pointer;
      }
      .proposal-pin.own {
        background: #8250df;
      }
      .proposal-pin.leaflet-marker-draggable {
        cursor: grab;
      }
      .proposal-pin:focus-visible {
        outline: 3px solid #2f7de1;
        outline-offset: 2px;
      }
      #plan:focus-visible {
        outline: 3px solid var(--kk-focus);
        outline-offset: -3px;
      }
      .placing {
        position: absolute;
        top: 10px;
        left: 50%;
        transform: translateX(-50%);
        z-index: 800;
        display: flex;
        gap: 10px;
        align-items: center;
        max-width: calc(100% - 20px);
        padding: 8px 12px;
        background: #1b2a3a;
        color: #fff;
        border-radius: var(--kk-radius);
        font-size: var(--kk-text-s);
      }
      .placing button {
        font: inherit;
        border: 1px solid #fff;
        background: transparent;
        color: #fff;
        border-radius: 4px;
        padding: 2px 8px;
        cursor: pointer;
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-floor-plan': KkFloorPlan;
  }
}
