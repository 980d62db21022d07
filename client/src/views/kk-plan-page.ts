// /plan — the yearly round plan: given round hours per month and works checked per hour, which sites
// to walk in which month so that every work is checked by its due month; what does not fit is shown.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { getYearPlan, type YearPlan } from '../api/dashboard.js';
import { formatDate, formatNumber } from '../i18n/format.js';
import { intlLocale } from '../i18n/locale.js';
import { navigate } from '../router.js';
import { pageStyles } from '../styles/shared.js';

const VISITS_SHOWN = 6;

@localized()
@customElement('kk-plan-page')
export class KkPlanPage extends LitElement {
  @property({ attribute: false }) query = new URLSearchParams();

  private get _params() {
    const n = (k: string, d: number) => (Number(this.query.get(k)) > 0 ? Number(this.query.get(k)) : d);
    return { year: n('year', new Date().getFullYear() + 1), hoursPerMonth: n('hours', 80), worksPerHour: n('rate', 12) };
  }

  private _plan = new Task(this, {
    task: ([year, hoursPerMonth, worksPerHour], { signal }) => getYearPlan({ year, hoursPerMonth, worksPerHour }, signal),
    args: () => [this._params.year, this._params.hoursPerMonth, this._params.worksPerHour] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    document.title = `${msg('Yearly round plan')} · Konstkoll`;
  }

  private _submit(e: SubmitEvent): void {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    navigate(`/plan?year=${f.get('year')}&hours=${f.get('hours')}&rate=${f.get('rate')}`, { replace: true });
  }

  override render() {
    const p = this._params;
    return html`
      <h1>${msg('Yearly round plan')}</h1>
      <p class="muted">${msg('Which sites to walk in which month so that every work is checked by the month its check falls due. Overdue and never-checked works come first.')}</p>
      <form class="card inputs" @submit=${this._submit}>
        <label>${msg('Year')} <input name="year" type="number" min="2000" max="2100" .value=${String(p.year)} required /></label>
        <label>${msg('Round hours per month')} <input name="hours" type="number" min="1" step="any" .value=${String(p.hoursPerMonth)} required /></label>
        <label>${msg('Works checked per hour')} <input name="rate" type="number" min="0.1" step="any" .value=${String(p.worksPerHour)} required /></label>
        <button type="submit">${msg('Plan')}</button>
      </form>
      ${this._plan.render({
        pending: () => html`<p class="state" role="status">${msg('Planning…')}</p>`,
        error: (e) => html`<div class="state error-box" role="alert"><strong>${msg('No plan')}</strong>${(e as Error).message}</div>`,
        complete: (plan) => this._table(plan),
      })}
    `;
  }

  private _table(plan: YearPlan) {
    const month = new Intl.DateTimeFormat(intlLocale(), { month: 'long' });
    return html`
      <p class="summary">
        ${msg(str`${formatNumber(plan.dueWorks)} works to check in ${plan.year}; ${formatNumber(plan.capacityPerMonth)} checks a month.`)}
        ${plan.shortfall.works
          ? html`<strong class="warn">${msg(str`${formatNumber(plan.shortfall.works)} works do not fit: ${formatNumber(plan.shortfall.hours)} more round hours are needed.`)}</strong>`
          : html`<strong class="ok">${msg('Every due work fits.')}</strong>`}
        ${plan.late ? html`<span class="warn">${msg(str`${formatNumber(plan.late)} are checked after their due month.`)}</span>` : nothing}
      </p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">${msg(str`Round plan ${plan.year}`)}</caption>
          <thead>
            <tr><th scope="col">${msg('Month')}</th><th scope="col" class="num">${msg('Works')}</th><th scope="col" class="num">${msg('Hours')}</th><th scope="col">${msg('Sites to walk')}</th></tr>
          </thead>
          <tbody>
            ${plan.months.map(
              (m) => html`<tr>
                <th scope="row">${month.format(new Date(Date.UTC(plan.year, m.month - 1, 15)))}</th>
                <td class="num">${formatNumber(m.planned)}<span class="bar" aria-hidden="true"><span style="width:${m.capacity ? (100 * m.planned) / m.capacity : 0}%"></span></span></td>
                <td class="num">${formatNumber(m.hours)}</td>
                <td>
                  ${m.visits.length
                    ? html`<ul class="visits">
                        ${m.visits.slice(0, VISITS_SHOWN).map((v) => html`<li>${v.siteName ?? msg('No site')} <span class="muted">${formatNumber(v.works)}${v.late ? html` · <span class="warn">${msg(str`${v.late} late`)}</span>` : nothing}${v.earliestDue ? html` · ${msg(str`due from ${formatDate(v.earliestDue)}`)}` : nothing}</span></li>`)}
                        ${m.visits.length > VISITS_SHOWN ? html`<li class="muted">${msg(str`and ${m.visits.length - VISITS_SHOWN} more sites`)}</li>` : nothing}
                      </ul>`
                    : html`<span class="muted">–</span>`}
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${plan.shortfall.bySite.length
        ? html`<section class="card short" aria-labelledby="h-short">
            <h2 id="h-short">${msg('Not planned for lack of hours')}</h2>
            <ul>${plan.shortfall.bySite.slice(0, 12).map((s) => html`<li>${s.siteName ?? msg('No site')}: ${formatNumber(s.works)}</li>`)}</ul>
          </section>`
        : nothing}
    `;
  }

  static override styles = [
    pageStyles,
    css`
      .inputs {
        display: flex;
        flex-wrap: wrap;
        gap: var(--kk-space-3);
        align-items: end;
        margin: var(--kk-space-4) 0;
      }
      .inputs label {
        display: grid;
        gap: 4px;
        font-size: var(--kk-text-s);
        color: var(--kk-text-muted);
      }
      input {
        font: inherit;
        font-size: var(--kk-text-m);
        width: 9em;
        padding: 6px 8px;
        border: 1px solid var(--kk-border-strong);
        border-radius: var(--kk-radius);
      }
      button {
        font: inherit;
        padding: 7px 16px;
        border-radius: var(--kk-radius);
        border: 0;
        background: var(--kk-brand);
        color: #fff;
        font-weight: 600;
        cursor: pointer;
      }
      .summary strong,
      .summary span {
        margin-left: 4px;
      }
      .warn {
        color: var(--kk-danger);
      }
      .ok {
        color: var(--kk-success);
      }
      .table-wrap {
        overflow-x: auto;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: var(--kk-text-m);
        background: var(--kk-surface);
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        padding: 8px 10px;
        border-bottom: 1px solid var(--kk-border);
      }
      thead th {
        font-size: var(--kk-text-s);
        color: var(--kk-text-muted);
        font-weight: 600;
      }
      tbody th {
        text-transform: capitalize;
        font-weight: 600;
      }
      .num {
        text-align: right;
        white-space: nowrap;
        font-variant-numeric: tabular-nums;
      }
      .bar {
        display: block;
        height: 4px;
        margin-top: 4px;
        background: var(--kk-surface-sunken);
        border-radius: 2px;
        overflow: hidden;
        min-width: 60px;
      }
      .bar > span {
        display: block;
        height: 100%;
        background: var(--kk-brand);
      }
      .visits {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 2px;
      }
      .short {
        margin-top: var(--kk-space-4);
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-plan-page': KkPlanPage;
  }
}
