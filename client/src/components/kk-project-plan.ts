// <kk-project-plan>: the building's floor plans with the works already there and the project's
// proposals as pins of their own colour; the lead places or drags a proposal to its planned spot.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { ApiError } from '../api/client.js';
import { getFloorPlan } from '../api/map.js';
import { updateProposal, type PlanProposal, type ProjectDetail, type Proposal } from '../api/projects.js';
import { toast } from '../lib/toast.js';
import type { KkFloorPlan, ProposalDropEvent } from '../map/kk-floor-plan.js';
import '../map/kk-floor-plan.js';

/**
 * @event kk-changed - a proposal's planned spot changed
 */
@localized()
@customElement('kk-project-plan')
export class KkProjectPlan extends LitElement {
  @property({ attribute: false }) project!: ProjectDetail;
  @state() private _floorId: number | null = null;
  @state() private _reload = 0;
  @state() private _error = '';
  @query('kk-floor-plan') private _plan?: KkFloorPlan;
  /** A proposal waiting for its floor's plan to load before placing starts. */
  private _pending: Proposal | null = null;

  private _task = new Task(this, {
    task: async ([floorId], { signal }) => (floorId ? getFloorPlan(floorId, signal) : null),
    args: () => [this._floorId ?? this._defaultFloor(), this._reload] as const,
    onComplete: () => void this.updateComplete.then(() => this._startPending()),
  });

  /** The floor of the first placed proposal, else the first floor with a plan image. */
  private _defaultFloor(): number | null {
    const p = this.project;
    if (!p) return null;
    return p.proposals.find((x) => x.floorId)?.floorId ?? p.floors.find((f) => f.hasPlan)?.id ?? p.floors[0]?.id ?? null;
  }

  /** Reload the plan (after the project changed). */
  refresh(): void {
    this._reload++;
  }

  /** Starts placing a proposal (on its own floor if it has one, else the floor shown). */
  place(p: Proposal): void {
    this._pending = p;
    const current = this._floorId ?? this._defaultFloor();
    if (p.floorId && p.floorId !== current) this._floorId = p.floorId;
    else this._startPending();
    this.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  private _startPending(): void {
    const p = this._pending;
    if (!p || !this._plan || this._task.status !== TaskStatus.COMPLETE) return;
    this._pending = null;
    // An unplaced proposal starts at the plan's centre: the cross-hair starts there when the spot is missing.
    const pin = { id: p.id, projectId: p.projectId, projectName: this.project.name, title: p.title, status: p.status, locationId: p.locationId, posX: p.posX, posY: p.posY, version: p.version };
    this._plan.startPlacing(pin as PlanProposal);
  }

  private async _onDrop(e: ProposalDropEvent): Promise<void> {
    const { proposal, posX, posY, roomId } = e.detail;
    const current = this.project.proposals.find((p) => p.id === proposal.id);
    const floorId = this._floorId ?? this._defaultFloor();
    if (!current || !floorId) return;
    this._error = '';
    try {
      await updateProposal(this.project.id, current.id, { locationId: roomId ?? floorId, posX, posY }, current.version);
      void toast(msg(str`${current.title} placed on the plan`));
      this.dispatchEvent(new CustomEvent('kk-changed', { bubbles: true, composed: true }));
    } catch (err) {
      this._error = err instanceof ApiError ? err.message : msg('Could not reach the server.');
    }
    this.refresh();
  }

  override render() {
    const p = this.project;
    if (!p.floors.length) return html`<p class="muted">${msg('The building has no floors in the location register yet.')}</p>`;
    const floorId = this._floorId ?? this._defaultFloor();
    const own = new Set(p.canEdit ? p.proposals.map((x) => x.id) : []);
    return html`
      <label class="native">${msg('Floor')}
        <select name="floor" @change=${(e: Event) => (this._floorId = Number((e.target as HTMLSelectElement).value))}>
          ${p.floors.map((f) => html`<option value=${f.id} ?selected=${f.id === floorId}>${f.buildingName} › ${f.name}${f.hasPlan ? '' : ` (${msg('no plan image')})`}</option>`)}
        </select>
      </label>
      <p class="key"><span class="diamond" aria-hidden="true"></span>${msg('Proposals (planned spots)')} <span class="dot" aria-hidden="true"></span>${msg('Works in place, by condition')}
        ${floorId ? html` · <a href="/floors/${floorId}">${msg('Open the full floor plan')}</a>` : nothing}</p>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${this._task.render({
        pending: () => html`<div class="plan loading" role="status">${msg('Loading the plan…')}</div>`,
        error: () => html`<p class="error" role="alert">${msg('The floor plan could not be loaded.')}</p>`,
        complete: (plan) => (plan ? html`<kk-floor-plan class="plan" .plan=${plan} .movableProposals=${own} @kk-proposal-drop=${this._onDrop}></kk-floor-plan>` : nothing),
      })}
    `;
  }

  static override styles = css`
    :host {
      display: block;
    }
    label.native {
      display: flex;
      flex-direction: column;
      gap: 4px;
      font-weight: 500;
      max-width: 420px;
    }
    select {
      font: inherit;
      height: 36px;
      padding: 0 8px;
      border: 1px solid var(--kk-border-strong);
      border-radius: var(--kk-radius);
      background: var(--kk-surface);
      color: var(--kk-text);
    }
    .plan {
      display: block;
      height: min(60vh, 520px);
      min-height: 320px;
      margin-top: var(--kk-space-3);
      border: 1px solid var(--kk-border);
      border-radius: var(--kk-radius);
      overflow: hidden;
    }
    .loading {
      display: grid;
      place-items: center;
      color: var(--kk-text-muted);
    }
    .key {
      font-size: var(--kk-text-s);
      color: var(--kk-text-muted);
      margin: var(--kk-space-2) 0 0;
    }
    .diamond,
    .dot {
      display: inline-block;
      width: 10px;
      height: 10px;
      margin: 0 6px 0 0;
      vertical-align: -1px;
    }
    .diamond {
      background: #8250df;
      rotate: 45deg;
    }
    .dot {
      margin-left: 14px;
      border-radius: 50%;
      background: #1a7f37;
    }
    .error {
      color: var(--kk-danger);
    }
    .muted {
      color: var(--kk-text-muted);
    }
    a {
      color: var(--kk-link);
    }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-project-plan': KkProjectPlan;
  }
}
