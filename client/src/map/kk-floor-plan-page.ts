// /floors/:id: a floor's plan with a pin per work (coloured by condition), and beside it the works
// not yet placed, ready to drag on — or to place with a button and the keyboard. A drop inside
// another room is a movement to that room; within the same room it is a placement change.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { ApiError, ConflictError } from '../api/client.js';
import { getFloorPlan, placeWork, type FloorPlan, type PlanWork } from '../api/map.js';
import { formatNumber } from '../i18n/format.js';
import { gradeLabel } from '../i18n/labels.js';
import { pageStyles } from '../styles/shared.js';
import './kk-floor-plan.js';
import { WORK_DRAG_TYPE, type KkFloorPlan, type PinDropEvent } from './kk-floor-plan.js';
import { GRADE_COLOURS } from './pin-styles.js';

@localized()
@customElement('kk-floor-plan-page')
export class KkFloorPlanPage extends LitElement {
  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _message: { text: string; error?: boolean } | null = null;
  @state() private _busy = false;
  @query('kk-floor-plan') private _planEl?: KkFloorPlan;

  private _plan = new Task(this, {
    task: ([id], { signal }) => getFloorPlan(Number(id), signal),
    args: () => [this.params.id] as const,
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('params')) this._message = null;
  }

  protected override updated(): void {
    const p = this._plan.value;
    if (p) document.title = `${p.floor.name} · ${p.floor.buildingName} · Konstkoll`;
  }

  private async _onDrop(e: PinDropEvent): Promise<void> {
    const plan = this._plan.value;
    if (!plan || this._busy) return;
    const { work, posX, posY, roomId } = e.detail;
    // Outside every room (e.g. on a wall line): the work stays in its room, only the spot changes.
    const target = roomId ?? work.locationId ?? undefined;
    const room = plan.rooms.find((r) => r.id === target);
    this._busy = true;
    try {
      const res = await placeWork(work.id, { posX, posY, ...(target && target !== work.locationId ? { locationId: target } : {}) }, work.version);
      this._message = {
        text: res.moved
          ? msg(str`${work.inventoryNumber} moved to ${room?.name ?? plan.floor.name} (movement recorded).`)
          : msg(str`${work.inventoryNumber} placed on the plan.`),
      };
    } catch (err) {
      this._message = {
        error: true,
        text:
          err instanceof ConflictError
            ? msg('Someone else changed this work meanwhile; the plan now shows the current state.')
            : err instanceof ApiError
              ? err.message
              : msg('The change could not be saved. Check your connection and try again.'),
      };
    } finally {
      this._busy = false;
      await this._plan.run();
    }
  }

  override render() {
    return this._plan.render({
      initial: () => html`<p class="muted">${msg('Loading the floor plan…')}</p>`,
      pending: () => (this._plan.value ? this._page(this._plan.value) : html`<p class="muted" role="status">${msg('Loading the floor plan…')}</p>`),
      complete: (p) => this._page(p),
      error: (e) =>
        html`<div class="error-box" role="alert">
          ${e instanceof ApiError && e.status === 404 ? msg('There is no such floor.') : e instanceof ApiError && e.status === 403 ? msg('Your account cannot see this site.') : msg('The floor plan could not be loaded.')}
        </div>`,
    });
  }

  private _page(p: FloorPlan) {
    const total = p.placed.length + p.unplaced.length;
    return html`
      <nav class="crumbs" aria-label=${msg('Breadcrumbs')}>
        <a href="/map?selected=${p.floor.siteId}">${msg('Map')}</a> ›
        <a href="/sites/${p.floor.siteId}">${p.floor.siteName}</a> › <span>${p.floor.buildingName}</span>
      </nav>
      <div class="head">
        <h1>${p.floor.name}</h1>
        <p class="muted">${msg(str`${formatNumber(total)} works, ${formatNumber(p.placed.length)} on the plan`)}${p.plan ? nothing : html` · ${msg('No plan image yet: rooms drawn from their areas')}`}</p>
        ${this._legend()}
      </div>
      <p class="message ${this._message?.error ? 'error' : ''}" role="status" aria-live="polite">${this._message?.text ?? ''}</p>
      <div class="layout">
        <kk-floor-plan .plan=${p} @kk-pin-drop=${this._onDrop}></kk-floor-plan>
        <aside aria-labelledby="unplaced-h">
          <h2 id="unplaced-h">${msg(str`Not on the plan (${formatNumber(p.unplaced.length)})`)}</h2>
          ${p.unplaced.length
            ? html`${p.canEdit ? html`<p class="muted hint">${msg('Drag a work onto the plan, or press Place and click on the plan (or use the arrow keys and Enter).')}</p>` : nothing}
                <ul class="works">${p.unplaced.map((w) => this._item(w, p.canEdit, false))}</ul>`
            : html`<p class="muted">${msg('Every work of this floor is on the plan.')}</p>`}
          <details>
            <summary>${msg(str`On the plan (${formatNumber(p.placed.length)})`)}</summary>
            <ul class="works">${p.placed.map((w) => this._item(w, p.canEdit, true))}</ul>
          </details>
        </aside>
      </div>
    `;
  }

  private _item(w: PlanWork, canEdit: boolean, placed: boolean) {
    return html`<li
      class="work"
      draggable=${canEdit ? 'true' : 'false'}
      data-work=${w.id}
      @dragstart=${(e: DragEvent) => {
        e.dataTransfer?.setData(WORK_DRAG_TYPE, String(w.id));
        e.dataTransfer?.setData('text/plain', w.inventoryNumber);
      }}
    >
      <span class="dot" style="background:${GRADE_COLOURS[w.grade ?? 0]}" aria-hidden="true"></span>
      <span class="text">
        <a href="/works/${w.id}">${w.title}</a>
        <span class="muted">${w.inventoryNumber}${w.roomName ? ` · ${w.roomName}` : ''} · ${gradeLabel(w.grade)}</span>
      </span>
      ${placed
        ? html`<button type="button" class="small" @click=${() => this._planEl?.focusPin(w.id)} aria-label=${msg(str`Show ${w.inventoryNumber} on the plan`)}>${msg('Show')}</button>`
        : canEdit
          ? html`<button type="button" class="small place" @click=${() => this._planEl?.startPlacing(w)} aria-label=${msg(str`Place ${w.inventoryNumber} on the plan`)}>${msg('Place')}</button>`
          : nothing}
    </li>`;
  }

  private _legend() {
    const grades = [1, 2, 3, 4, 0];
    return html`<ul class="legend" aria-label=${msg('Pin colours')}>
      ${grades.map((g) => html`<li><span class="dot" style="background:${GRADE_COLOURS[g]}" aria-hidden="true"></span>${gradeLabel(g)}</li>`)}
    </ul>`;
  }

  static override styles = [
    pageStyles,
    css`
      :host {
        max-width: none;
      }
      .crumbs {
        font-size: var(--kk-text-s);
        margin-bottom: var(--kk-space-2);
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0 var(--kk-space-4);
      }
      .head p {
        margin: 0;
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 14px;
        list-style: none;
        padding: 0;
        margin: 0 0 0 auto;
        font-size: var(--kk-text-s);
      }
      .legend li {
        display: inline-flex;
        align-items: center;
        gap: 6px;
      }
      .dot {
        display: inline-block;
        width: 12px;
        height: 12px;
        border-radius: 50%;
        border: 1px solid rgb(0 0 0 / 25%);
        flex: none;
      }
      .message {
        min-height: 1.4em;
        margin: var(--kk-space-2) 0;
        color: var(--kk-success);
      }
      .message.error {
        color: var(--kk-danger);
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 320px;
        gap: var(--kk-space-4);
      }
      kk-floor-plan {
        height: calc(100vh - var(--kk-header-h) - 170px);
        min-height: 420px;
        border: 1px solid var(--kk-border);
        border-radius: var(--kk-radius-lg);
        overflow: hidden;
      }
      aside {
        max-height: calc(100vh - var(--kk-header-h) - 170px);
        overflow: auto;
      }
      .hint {
        font-size: var(--kk-text-s);
      }
      .works {
        list-style: none;
        padding: 0;
        margin: 0 0 var(--kk-space-3);
      }
      .work {
        display: flex;
        align-items: center;
        gap: 8px;
        padding: 7px 6px;
        border-bottom: 1px solid var(--kk-border);
        background: var(--kk-surface);
      }
      .work[draggable='true'] {
        cursor: grab;
      }
      .work .text {
        display: flex;
        flex-direction: column;
        min-width: 0;
        flex: 1;
        font-size: var(--kk-text-s);
      }
      .work .text a {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .small {
        font: inherit;
        font-size: var(--kk-text-s);
        padding: 3px 10px;
        border: 1px solid var(--kk-border-strong);
        border-radius: var(--kk-radius);
        background: var(--kk-surface);
        cursor: pointer;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        margin: var(--kk-space-2) 0;
      }
      @media (max-width: 900px) {
        .layout {
          grid-template-columns: 1fr;
        }
        /* The plans are landscape sheets: a phone shows them full width, not in a tall empty frame. */
        kk-floor-plan {
          height: auto;
          aspect-ratio: 5 / 4;
          max-height: 70vh;
          min-height: 300px;
        }
        aside {
          max-height: none;
        }
        .legend {
          margin: var(--kk-space-2) 0 0;
        }
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-floor-plan-page': KkFloorPlanPage;
  }
}
