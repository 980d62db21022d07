// /projects/:id — an art project: phases, the budget view, proposals and commissions, their planned
// spots on the building's floor plans, renewal from storage, and documents.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { ApiError } from '../api/client.js';
import { getProject, type ProjectDetail, type Proposal } from '../api/projects.js';
import { formatDate, formatMoney } from '../i18n/format.js';
import { phaseLabel, premisesLabel } from '../lib/project-labels.js';
import { pageStyles } from '../styles/shared.js';
import type { KkProjectPlan } from '../components/kk-project-plan.js';
import '../components/kk-project-budget.js';
import '../components/kk-project-phase.js';
import '../components/kk-project-proposals.js';
import '../components/kk-project-plan.js';
import '../components/kk-project-renew.js';
import '../components/kk-project-files.js';
import { loadingState, loadFailedState, notFoundState } from '../components/load-states.js';

@localized()
@customElement('kk-project-page')
export class KkProjectPage extends LitElement {
  @property({ attribute: false }) params: { id?: string } = {};
  @query('kk-project-plan') private _plan?: KkProjectPlan;
  private _reload = 0;

  private _project = new Task(this, {
    task: async ([id], { signal }) => {
      const p = await getProject(Number(id), signal);
      document.title = `${p.name} · Konstkoll`;
      return p;
    },
    args: () => [this.params.id, this._reload] as const,
  });

  private _changed = (): void => {
    this._reload++;
    void this._project.run();
    this._plan?.refresh();
  };

  private async _newProposal(p: ProjectDetail): Promise<void> {
    await import('../components/kk-project-proposal-dialog.js');
    const d = document.createElement('kk-project-proposal-dialog');
    d.projectId = p.id;
    d.addEventListener('kk-saved', this._changed);
    this.shadowRoot!.append(d);
    d.show();
  }

  private async _edit(p: ProjectDetail): Promise<void> {
    await import('../components/kk-project-form-dialog.js');
    const d = document.createElement('kk-project-form-dialog');
    d.project = p;
    d.addEventListener('kk-saved', this._changed);
    this.shadowRoot!.append(d);
    d.show();
  }

  override render() {
    return this._project.render({
      pending: () => (this._project.value ? this._page(this._project.value) : loadingState()),
      error: (e) =>
        (e as ApiError).status === 404
          ? notFoundState(msg('No such project'), '/projects', msg('All projects'))
          : (e as ApiError).status === 403
            ? html`<div class="state"><strong>${msg('Not available to you')}</strong>${msg('Your account is limited to other sites.')}</div>`
            : loadFailedState(msg('The project could not be loaded')),
      complete: (p) => this._page(p),
    });
  }

  private _page(p: ProjectDetail) {
    const team = p.team.map((m) => (m.role ? `${m.name} (${m.role})` : m.name)).join(', ');
    return html`
      <nav class="crumbs" aria-label=${msg('Breadcrumbs')}><a href="/projects">${msg('Projects')}</a> <span aria-hidden="true">/</span> <span>${p.name}</span></nav>
      <header>
        <div class="title">
          <h1>${p.name}</h1>
          <span class="phase">${phaseLabel(p.phase)}</span>
        </div>
        <p class="muted">${p.locationPath} · ${premisesLabel(p.premisesType)}${p.premisesType === 'mixed' ? ` (${msg(str`${p.careShare} % care`)})` : ''} · ${msg(str`production cost ${formatMoney(p.productionCost)}`)}</p>
        ${p.startDate || p.plannedEndDate ? html`<p class="muted">${msg(str`Started ${formatDate(p.startDate)}, planned completion ${formatDate(p.plannedEndDate)}`)}</p>` : nothing}
        ${team || p.leadName ? html`<p class="muted">${[p.leadName, team].filter(Boolean).join(', ')}</p>` : nothing}
        ${p.description ? html`<p>${p.description}</p>` : nothing}
        ${p.canEdit ? html`<button type="button" class="link" @click=${() => this._edit(p)}>${msg('Edit the project')}</button>` : nothing}
      </header>
      <section class="card" aria-label=${msg('Phases')}><kk-project-phase .project=${p} @kk-changed=${this._changed}></kk-project-phase></section>
      <section class="card"><kk-project-budget .budget=${p.budget} .override=${{ reason: p.overrideReason, ref: p.overrideRef }}></kk-project-budget></section>
      <div class="grid">
        <section class="card" aria-labelledby="prop-h">
          <div class="section-head">
            <h2 id="prop-h">${msg('Proposals and commissions')}</h2>
            ${p.canEdit && p.phase !== 'closed' ? html`<button type="button" class="primary" @click=${() => this._newProposal(p)}>${msg('Add proposal')}</button>` : nothing}
          </div>
          <kk-project-proposals .proposals=${p.proposals} .projectId=${p.id} ?canEdit=${p.canEdit && p.phase !== 'closed'} @kk-changed=${this._changed}
            @kk-place-proposal=${(e: CustomEvent<{ proposal: Proposal }>) => this._plan?.place(e.detail.proposal)}></kk-project-proposals>
        </section>
        <section class="card" aria-labelledby="plan-h">
          <h2 id="plan-h">${msg('Floor plans')}</h2>
          <kk-project-plan .project=${p} @kk-changed=${this._changed}></kk-project-plan>
        </section>
      </div>
      <div class="grid">
        <section class="card" aria-labelledby="renew-h">
          <h2 id="renew-h">${msg('Renew from storage')}</h2>
          <kk-project-renew .project=${p} @kk-changed=${this._changed}></kk-project-renew>
        </section>
        <section class="card" aria-labelledby="files-h">
          <h2 id="files-h">${msg('Documents and sketches')}</h2>
          <kk-project-files .projectId=${p.id} ?canEdit=${p.canEdit}></kk-project-files>
        </section>
      </div>
    `;
  }

  static override styles = [
    pageStyles,
    css`
      .crumbs {
        font-size: var(--kk-text-s);
        color: var(--kk-text-muted);
        margin-bottom: var(--kk-space-3);
      }
      header {
        margin-bottom: var(--kk-space-4);
      }
      header p {
        margin: 0 0 var(--kk-space-1);
      }
      .title {
        display: flex;
        gap: var(--kk-space-3);
        align-items: center;
        flex-wrap: wrap;
      }
      .phase {
        padding: 2px 10px;
        border-radius: 999px;
        background: var(--kk-brand-soft);
        color: var(--kk-brand-strong);
        font-weight: 600;
        font-size: var(--kk-text-s);
      }
      .card {
        margin-bottom: var(--kk-space-4);
      }
      .grid {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1.3fr);
        gap: var(--kk-space-4);
        align-items: start;
      }
      .grid > .card {
        margin-bottom: 0;
      }
      .grid + .grid,
      .grid + .card {
        margin-top: var(--kk-space-4);
      }
      @media (max-width: 900px) {
        .grid {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .section-head {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        gap: var(--kk-space-3);
        flex-wrap: wrap;
      }
      button {
        font: inherit;
        min-height: 34px;
        padding: 4px 12px;
        border: 1px solid var(--kk-border-strong);
        border-radius: var(--kk-radius);
        background: var(--kk-surface);
        color: var(--kk-text);
        cursor: pointer;
      }
      button.primary {
        background: var(--kk-brand);
        border-color: var(--kk-brand);
        color: #fff;
      }
      button.link {
        border: 0;
        padding: 0;
        min-height: 0;
        background: none;
        color: var(--kk-link);
        text-decoration: underline;
        margin-top: var(--kk-space-2);
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-project-page': KkProjectPage;
  }
}
