// /projects — the portfolio of art projects: each with its phase, budget use and timeline, the
// totals over all projects and committed/paid per year; project leads start new projects here.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { roleAllows } from '../../../server/users/permissions.js';
import type { SessionUser } from '../api/session.js';
import { getRollup, listProjects, PROJECT_PHASE_VALUES, type ProjectSummary } from '../api/projects.js';
import { userContext } from '../context.js';
import { formatDate, formatMoney } from '../i18n/format.js';
import { phaseLabel } from '../lib/project-labels.js';
import { navigate } from '../router.js';
import { pageStyles } from '../styles/shared.js';
import { loadingState, loadFailedState } from '../components/load-states.js';

const pct = (part: number, whole: number) => (whole > 0 ? Math.max(0, Math.min(100, (part / whole) * 100)) : 0);
const time = (d: string | null) => (d ? new Date(`${d}T12:00:00Z`).getTime() : null);

@localized()
@customElement('kk-projects-page')
export class KkProjectsPage extends LitElement {
  @consume({ context: userContext, subscribe: true }) @state() private _user: SessionUser | null = null;
  @state() private _phase = '';

  private _data = new Task(this, {
    task: async ([phase], { signal }) => {
      document.title = `${msg('Projects')} · Konstkoll`;
      const [list, rollup] = await Promise.all([listProjects({ phase: phase || undefined, limit: 200 }, signal), getRollup(signal)]);
      return { list, rollup };
    },
    args: () => [this._phase] as const,
  });

  private async _new(): Promise<void> {
    await import('../components/kk-project-form-dialog.js');
    const d = document.createElement('kk-project-form-dialog');
    d.addEventListener('kk-saved', (e) => navigate(`/projects/${(e as CustomEvent<{ id: number }>).detail.id}`));
    this.shadowRoot!.append(d);
    d.show();
  }

  override render() {
    const canWrite = this._user ? roleAllows(this._user.role, 'project.write') : false;
    return html`
      <div class="head">
        <h1>${msg('Art projects')}</h1>
        ${canWrite ? html`<button type="button" class="primary" @click=${this._new}>${msg('New project')}</button>` : nothing}
      </div>
      <label class="filter">${msg('Phase')}
        <select @change=${(e: Event) => (this._phase = (e.target as HTMLSelectElement).value)}>
          <option value="">${msg('All phases')}</option>
          ${PROJECT_PHASE_VALUES.map((p) => html`<option value=${p} ?selected=${p === this._phase}>${phaseLabel(p)}</option>`)}
        </select>
      </label>
      ${this._data.render({
        pending: () => loadingState(),
        error: () => loadFailedState(msg('The projects could not be loaded')),
        complete: ({ list, rollup }) => html`
          <dl class="totals" aria-label=${msg('All projects')}>
            <div><dt>${msg('Projects')}</dt><dd>${rollup.totals.projects}</dd></div>
            <div><dt>${msg('Art budgets')}</dt><dd>${formatMoney(rollup.totals.budget)}</dd></div>
            <div><dt>${msg('Committed')}</dt><dd>${formatMoney(rollup.totals.committed)}</dd></div>
            <div><dt>${msg('Paid')}</dt><dd>${formatMoney(rollup.totals.paid)}</dd></div>
            ${rollup.totals.overCommitted ? html`<div class="bad"><dt>${msg('Over budget')}</dt><dd>${rollup.totals.overCommitted}</dd></div>` : nothing}
          </dl>
          ${list.items.length ? this._table(list.items) : html`<p class="state">${msg('No projects in this phase.')}</p>`}
          ${rollup.perYear.length
            ? html`<table class="years">
                <caption>${msg('Committed and paid per year, all projects')}</caption>
                <thead><tr><th scope="col">${msg('Year')}</th><th scope="col">${msg('Committed')}</th><th scope="col">${msg('Paid')}</th></tr></thead>
                <tbody>${rollup.perYear.map((y) => html`<tr><th scope="row">${y.year}</th><td>${formatMoney(y.committed)}</td><td>${formatMoney(y.paid)}</td></tr>`)}</tbody>
              </table>`
            : nothing}
        `,
      })}
    `;
  }

  private _table(items: ProjectSummary[]) {
    // One time axis for every project's timeline: from the earliest start to the latest planned end.
    const starts = items.map((p) => time(p.startDate ?? p.phases[0]?.date ?? null)).filter((t): t is number => t !== null);
    const ends = items.map((p) => time(p.plannedEndDate)).filter((t): t is number => t !== null);
    const lo = Math.min(...starts, Date.now());
    const hi = Math.max(...ends, Date.now());
    const x = (t: number) => pct(t - lo, hi - lo);
    const from = new Date(lo).getUTCFullYear();
    const to = new Date(hi).getUTCFullYear();
    return html`<div class="cols" aria-hidden="true"><span>${msg('Project')}</span><span>${msg('Phase')}</span><span>${msg('Budget use')}</span><span class="axis"><span>${from}</span><span>${to}</span></span></div>
      <ul class="projects">
      ${items.map((p) => {
        const b = p.budget;
        // Over budget, the bar's scale is the commitments, so the overrun shows past the budget's end.
        const scale = Math.max(b.budget, b.committed);
        const start = time(p.startDate ?? p.phases[0]?.date ?? null) ?? lo;
        const end = time(p.plannedEndDate) ?? hi;
        return html`<li>
          <div class="name">
            <a href="/projects/${p.id}">${p.name}</a>
            <span class="muted">${p.locationPath}</span>
          </div>
          <div class="phase"><span class="badge">${phaseLabel(p.phase)}</span><span class="muted">${msg(str`since ${formatDate(p.phaseDate)}`)}</span></div>
          <div class="use">
            <div class="bar" role="img" aria-label=${msg(str`Committed ${formatMoney(b.committed)} of ${formatMoney(b.budget)}, paid ${formatMoney(b.paid)}`)}>
              <span class="committed" style="width:${pct(b.committed, scale)}%"></span>
              <span class="paid" style="width:${pct(b.paid, scale)}%"></span>
              ${b.overCommitted ? html`<span class="over" style="left:${pct(b.budget, scale)}%;width:${pct(b.committed - b.budget, scale)}%"></span>` : nothing}
            </div>
            <span class=${b.overCommitted ? 'bad' : 'muted'}>${b.overCommitted ? msg(str`${formatMoney(b.committed)} committed of ${formatMoney(b.budget)} — over budget`) : msg(str`${formatMoney(b.committed)} committed of ${formatMoney(b.budget)}`)}</span>
          </div>
          <div class="timeline" aria-label=${msg(str`${formatDate(p.startDate)} – ${formatDate(p.plannedEndDate)}`)} role="img">
            <span class="span" style="left:${x(start)}%;width:${Math.max(1, x(end) - x(start))}%"></span>
            ${p.phases.map((h) => html`<span class="tick" title=${`${phaseLabel(h.phase)} ${formatDate(h.date)}`} style="left:${x(time(h.date) ?? start)}%"></span>`)}
            <span class="today" style="left:${x(Date.now())}%"></span>
          </div>
        </li>`;
      })}
    </ul>`;
  }

  static override styles = [
    pageStyles,
    css`
      .head {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: var(--kk-space-3);
        flex-wrap: wrap;
      }
      button.primary {
        font: inherit;
        min-height: 36px;
        padding: 4px 14px;
        border: 1px solid var(--kk-brand);
        border-radius: var(--kk-radius);
        background: var(--kk-brand);
        color: #fff;
        cursor: pointer;
      }
      .filter {
        display: inline-flex;
        flex-direction: column;
        gap: 4px;
        font-weight: 500;
        margin: var(--kk-space-3) 0;
      }
      select {
        font: inherit;
        height: 34px;
        border: 1px solid var(--kk-border-strong);
        border-radius: var(--kk-radius);
        background: var(--kk-surface);
        color: var(--kk-text);
      }
      .totals {
        display: flex;
        flex-wrap: wrap;
        gap: var(--kk-space-3);
        margin: 0 0 var(--kk-space-4);
      }
      .totals div {
        padding: var(--kk-space-2) var(--kk-space-3);
        border: 1px solid var(--kk-border);
        border-radius: var(--kk-radius);
        background: var(--kk-surface);
      }
      .totals dt {
        font-size: var(--kk-text-xs);
        color: var(--kk-text-muted);
      }
      .totals dd {
        margin: 0;
        font-weight: 650;
        font-variant-numeric: tabular-nums;
      }
      .bad,
      .totals .bad dd {
        color: var(--kk-danger);
      }
      .projects {
        list-style: none;
        margin: 0 0 var(--kk-space-5);
        padding: 0;
        border-top: 1px solid var(--kk-border);
      }
      .cols {
        display: grid;
        grid-template-columns: minmax(0, 2.2fr) minmax(0, 1fr) minmax(0, 1.6fr) minmax(0, 1.6fr);
        gap: var(--kk-space-4);
        font-size: var(--kk-text-xs);
        color: var(--kk-text-muted);
        text-transform: uppercase;
        letter-spacing: 0.03em;
        padding-bottom: var(--kk-space-1);
      }
      .cols .axis {
        display: flex;
        justify-content: space-between;
      }
      @media (max-width: 900px) {
        .cols {
          display: none;
        }
      }
      .projects li {
        display: grid;
        grid-template-columns: minmax(0, 2.2fr) minmax(0, 1fr) minmax(0, 1.6fr) minmax(0, 1.6fr);
        gap: var(--kk-space-4);
        align-items: center;
        padding: var(--kk-space-3) 0;
        border-bottom: 1px solid var(--kk-border);
        font-size: var(--kk-text-s);
      }
      @media (max-width: 900px) {
        .projects li {
          grid-template-columns: minmax(0, 1fr);
          gap: var(--kk-space-2);
        }
      }
      .name,
      .phase,
      .use {
        display: flex;
        flex-direction: column;
        gap: 2px;
        min-width: 0;
      }
      .name a {
        font-weight: 600;
        font-size: var(--kk-text-m);
      }
      .badge {
        align-self: start;
        padding: 1px 8px;
        border-radius: 999px;
        background: var(--kk-brand-soft);
        color: var(--kk-brand-strong);
        font-weight: 600;
      }
      .bar {
        position: relative;
        height: 10px;
        border-radius: 5px;
        background: var(--kk-surface-sunken);
        overflow: hidden;
      }
      .bar span {
        position: absolute;
        inset: 0 auto 0 0;
      }
      .bar .committed {
        background: #7fa7d9;
      }
      .bar .over {
        background: repeating-linear-gradient(135deg, #b42318 0 5px, #e5484d 5px 10px);
      }
      .bar .paid {
        background: #1f5fa8;
      }
      .timeline {
        position: relative;
        height: 18px;
        border-bottom: 1px solid var(--kk-border);
      }
      .timeline .span {
        position: absolute;
        top: 6px;
        height: 6px;
        border-radius: 3px;
        background: #c9d6e6;
      }
      .timeline .tick {
        position: absolute;
        top: 3px;
        width: 2px;
        height: 12px;
        background: var(--kk-brand);
      }
      .timeline .today {
        position: absolute;
        top: 0;
        bottom: 0;
        width: 0;
        border-left: 2px dotted var(--kk-danger);
      }
      .years {
        border-collapse: collapse;
        font-size: var(--kk-text-s);
        font-variant-numeric: tabular-nums;
      }
      .years caption {
        text-align: left;
        font-weight: 600;
        padding-bottom: var(--kk-space-2);
      }
      .years th,
      .years td {
        padding: 4px 16px 4px 0;
        border-bottom: 1px solid var(--kk-border);
        text-align: right;
      }
      .years th[scope='row'],
      .years thead th:first-child {
        text-align: left;
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-projects-page': KkProjectsPage;
  }
}
