// /dashboard — the state of the collection at a glance for heads of department. Every number is a
// link to the search (or list) that produces it; one call (GET /api/dashboard) feeds the page.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { getDashboard, searchHref, type DashboardResponse, type Figure } from '../api/dashboard.js';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../i18n/format.js';
import { gradeLabel, incompleteLabel, priorityLabel, statusLabel } from '../i18n/labels.js';
import { navigate } from '../router.js';
import { pageStyles } from '../styles/shared.js';
import '../components/kk-figure-bars.js';
import '../components/kk-trend-chart.js';
import '../components/kk-guide-reach.js';

const GRADE_COLORS = ['var(--kk-grade-1)', 'var(--kk-grade-2)', 'var(--kk-grade-3)', 'var(--kk-grade-4)'];
const TREND_COLORS = ['#136c2e', '#7a6a00', '#a14f00', '#b42318'];
const SITES_SHOWN = 12;

@localized()
@customElement('kk-dashboard-page')
export class KkDashboardPage extends LitElement {
  @property({ attribute: false }) query = new URLSearchParams();

  private _data = new Task(this, {
    task: ([site], { signal }) => getDashboard(site, signal),
    args: () => [this.query.get('site') ? Number(this.query.get('site')) : undefined] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    document.title = `${msg('Dashboard')} · Konstkoll`;
  }

  override render() {
    return this._data.render({
      pending: () => html`<h1>${msg('Dashboard')}</h1><p class="state" role="status">${msg('Loading…')}</p>`,
      error: () => html`<h1>${msg('Dashboard')}</h1><div class="state error-box" role="alert"><strong>${msg('The dashboard could not be loaded')}</strong>${msg('Check your connection and try again.')}</div>`,
      complete: (d) => this._page(d),
    });
  }

  private _link(f: Figure, text?: string) {
    return html`<a href=${searchHref(f)}>${text ?? formatNumber(f.count)}</a>`;
  }

  private _page(d: DashboardResponse) {
    const share = Math.round(d.checked12m.share * 1000) / 10;
    return html`
      <header class="head">
        <div>
          <h1>${d.site ? msg(str`Dashboard: ${d.site.name}`) : msg('Dashboard')}</h1>
          <p class="muted">${msg(str`The collection on ${formatDate(d.today)}. Every number opens the list behind it.`)}</p>
        </div>
        <label class="site">
          <span>${msg('Site')}</span>
          <select @change=${(e: Event) => navigate(`/dashboard${(e.target as HTMLSelectElement).value ? `?site=${(e.target as HTMLSelectElement).value}` : ''}`)}>
            <option value="" ?selected=${!d.site}>${msg('Whole collection')}</option>
            ${d.bySite.filter((s) => s.siteId != null).map((s) => html`<option value=${s.siteId!} ?selected=${d.site?.id === s.siteId}>${s.siteName}</option>`)}
          </select>
        </label>
      </header>

      <section class="kpis" aria-label=${msg('Key figures')}>
        <article class="card kpi measure">
          <h2>${msg('Checked in the last 12 months')}</h2>
          <p class="big"><a href=${searchHref(d.checked12m.checked)}>${formatNumber(share)} %</a></p>
          <div class="meter" role="meter" aria-valuemin="0" aria-valuemax="100" aria-valuenow=${share} aria-label=${msg('Share checked, goal 100 %')}><span style="width:${share}%"></span></div>
          <p>${msg(html`${this._link(d.checked12m.checked)} of ${this._link(d.checked12m.of)} works that can be checked`)}</p>
          <p class="muted">${msg(html`${this._link(d.checked12m.notChecked)} not checked since ${formatDate(d.checked12m.since)}`)}</p>
        </article>
        <article class="card kpi">
          <h2>${msg('Checks')}</h2>
          <p class="big warn">${this._link(d.checks.overdue)}</p>
          <p>${msg('checks overdue')}</p>
          <ul class="plain">
            <li>${this._link(d.checks.due30)} ${msg('due within 30 days')}</li>
            <li>${this._link(d.checks.due90)} ${msg('due within 90 days')}</li>
            <li>${this._link(d.checks.never)} ${msg('never checked')}</li>
          </ul>
        </article>
        <article class="card kpi">
          <h2>${msg('Conservation backlog')}</h2>
          <p class="big">${this._link(d.backlog.total)}</p>
          <p>${msg(str`works need treatment, estimated ${formatMoney(d.backlog.estimatedCost)}`)}${d.backlog.unestimated ? html` <span class="muted">${msg(str`(${formatNumber(d.backlog.unestimated)} without estimate)`)}</span>` : nothing}</p>
          <ul class="plain">
            ${d.backlog.byPriority.map((p) => html`<li>${this._link(p)} ${priorityLabel(p.priority).toLowerCase()} · ${formatMoney(p.estimatedCost)}</li>`)}
          </ul>
        </article>
        <article class="card kpi">
          <h2>${msg('Missing works')}</h2>
          <p class="big ${d.missing.count ? 'warn' : ''}"><a href="/missing">${formatNumber(d.missing.count)}</a></p>
          <p>${msg('registered as missing')}</p>
          ${d.missing.policeReportDue ? html`<p><a href="/missing?overdue=true">${msg(str`${formatNumber(d.missing.policeReportDue)} due for a police report`)}</a></p>` : nothing}
        </article>
      </section>

      <div class="grid">
        <section class="card" aria-labelledby="h-status">
          <h2 id="h-status">${msg('Works by status')}</h2>
          <p class="muted">${msg(html`${this._link(d.collection)} works in the collection`)}</p>
          <kk-figure-bars label=${msg('Works by status')} .items=${d.byStatus.map((s) => ({ key: s.status, label: statusLabel(s.status), count: s.count, href: searchHref(s) }))}></kk-figure-bars>
        </section>
        <section class="card" aria-labelledby="h-sites">
          <h2 id="h-sites">${msg('Works by site')}</h2>
          <kk-figure-bars label=${msg('Works by site')} .items=${d.bySite.slice(0, SITES_SHOWN).map((s) => ({ key: String(s.siteId), label: s.siteName ?? msg('No site (on loan, missing)'), count: s.count, href: s.search ? `/search?${s.search}` : null }))}></kk-figure-bars>
          ${d.bySite.length > SITES_SHOWN ? html`<p class="muted">${msg(str`${formatNumber(d.bySite.length - SITES_SHOWN)} more sites`)} · <a href="/sites">${msg('All sites')}</a></p>` : nothing}
        </section>
        <section class="card" aria-labelledby="h-grade">
          <h2 id="h-grade">${msg('Condition')}</h2>
          <kk-figure-bars label=${msg('Works by last condition grade')} .items=${d.grades.map((g) => ({ key: String(g.grade ?? 'none'), label: g.grade ? gradeLabel(g.grade) : msg('Not checked'), count: g.count, href: searchHref(g), color: g.grade ? GRADE_COLORS[g.grade - 1] : 'var(--kk-border-strong)' }))}></kk-figure-bars>
          <h3>${msg('Trend per year')}</h3>
          <p class="muted small">${msg('Share of the checked works at each grade at the end of each year.')}</p>
          <kk-trend-chart label=${msg('Condition grade per year')} unit=" %" .years=${this._trendYears(d).map((y) => y.year)} .series=${this._trendSeries(d)}></kk-trend-chart>
        </section>
        <section class="card" aria-labelledby="h-quality">
          <h2 id="h-quality">${msg('Data quality')}</h2>
          <p class="muted">${msg(html`${this._link(d.quality.any)} works lack something in their record. Open a list to fix it.`)}</p>
          <kk-figure-bars label=${msg('Works with gaps in their record')} .items=${d.quality.items.map((q) => ({ key: q.gap, label: incompleteLabel(q.gap), count: q.count, href: searchHref(q), color: 'var(--kk-warning)' }))}></kk-figure-bars>
        </section>
        ${this._projects(d)}
        <kk-guide-reach .site=${d.site?.id}></kk-guide-reach>
        <section class="card" aria-labelledby="h-recent">
          <h2 id="h-recent">${msg('Recent changes')}</h2>
          ${d.recent.length
            ? html`<ul class="recent">
                ${d.recent.map((r) => html`<li><a href="/works/${r.artworkId}">${r.inventoryNumber} ${r.title}</a> <span class="muted">${this._change(r)} · ${r.userName ?? msg('system')} · ${formatDateTime(r.at)}</span></li>`)}
              </ul>`
            : html`<p class="muted">${msg('Nothing changed yet.')}</p>`}
          <p><a href="/search?sort=-changed">${msg('All works by last change')}</a></p>
        </section>
        <section class="card" aria-labelledby="h-more">
          <h2 id="h-more">${msg('Follow-up and reports')}</h2>
          <ul class="plain links">
            <li><a href="/missing">${msg('Missing works: follow-up')}</a></li>
            <li><a href="/plan">${msg('Yearly round plan')}</a></li>
            <li><a href="/reports">${msg('Reports: inventory lists, insurance values, condition, artists')}</a></li>
          </ul>
        </section>
      </div>
    `;
  }

  /** Years before the first check are left out (a share of nothing is not 0 %). */
  private _trendYears(d: DashboardResponse) {
    return d.gradeTrend.filter((y) => y.grades.some((n) => n > 0));
  }

  private _trendSeries(d: DashboardResponse) {
    const years = this._trendYears(d);
    const totals = years.map((y) => y.grades.reduce((a, b) => a + b, 0));
    return [1, 2, 3, 4].map((g) => ({
      label: gradeLabel(g),
      color: TREND_COLORS[g - 1]!,
      values: years.map((y, i) => Math.round((1000 * y.grades[g - 1]!) / totals[i]!) / 10),
    }));
  }

  private _change(r: DashboardResponse['recent'][number]): string {
    if (r.entity === 'condition_check') return msg('condition check');
    if (r.entity === 'treatment') return msg('conservation treatment');
    if (r.action === 'move') return msg('moved');
    if (r.action === 'status') return msg('status changed');
    if (r.action === 'create') return msg('catalogued');
    if (r.action === 'missing_step') return msg('missing follow-up');
    return msg('edited');
  }

  private _projects(d: DashboardResponse) {
    if (!d.projects.count) return nothing;
    const p = d.projects;
    return html`<section class="card" aria-labelledby="h-projects">
      <h2 id="h-projects">${msg('Art projects')}</h2>
      <p class="muted">${msg(str`${formatNumber(p.count)} open projects: budget ${formatMoney(p.budget)}, committed ${formatMoney(p.committed)}`)}</p>
      <ul class="projects">
        ${p.items.map((x) => html`<li>
          <a href="/projects/${x.id}">${x.name}</a> <span class="muted small">${x.siteName ?? ''}</span>
          <span class="money">${msg(str`Budget ${formatMoney(x.budget)}, committed ${formatMoney(x.committed)}`)}</span>
          <span class="meter" aria-hidden="true"><span style="width:${x.budget ? Math.min(100, (100 * x.committed) / x.budget) : 0}%"></span></span>
        </li>`)}
      </ul>
      <p><a href="/projects">${msg('All projects')}</a></p>
    </section>`;
  }

  static override styles = [
    pageStyles,
    css`
      .head {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: end;
        gap: var(--kk-space-3);
        margin-bottom: var(--kk-space-4);
      }
      .head p {
        margin: 0;
      }
      .site {
        display: grid;
        gap: 2px;
        font-size: var(--kk-text-s);
        color: var(--kk-text-muted);
      }
      .site select {
        font: inherit;
        font-size: var(--kk-text-m);
        padding: 6px 8px;
        border: 1px solid var(--kk-border-strong);
        border-radius: var(--kk-radius);
        background: var(--kk-surface);
        color: var(--kk-text);
        max-width: 22em;
      }
      .kpis {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(230px, 1fr));
        gap: var(--kk-space-4);
        margin-bottom: var(--kk-space-4);
      }
      .kpi h2 {
        font-size: var(--kk-text-m);
        color: var(--kk-text-muted);
        margin-bottom: var(--kk-space-1);
      }
      .kpi p {
        margin: 0 0 var(--kk-space-1);
      }
      .big {
        font-size: 34px;
        font-weight: 700;
        line-height: 1.1;
        font-variant-numeric: tabular-nums;
      }
      .big a {
        text-decoration: none;
        color: var(--kk-text);
      }
      .big a:hover {
        text-decoration: underline;
      }
      .big.warn a {
        color: var(--kk-danger);
      }
      .meter {
        display: block;
        height: 10px;
        background: var(--kk-surface-sunken);
        border-radius: 5px;
        overflow: hidden;
        margin: var(--kk-space-2) 0;
      }
      .meter > span {
        display: block;
        height: 100%;
        background: var(--kk-success);
      }
      .plain {
        list-style: none;
        padding: 0;
        margin: var(--kk-space-2) 0 0;
        display: grid;
        gap: 2px;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr));
        gap: var(--kk-space-4);
      }
      .grid section {
        min-width: 0;
      }
      h3 {
        margin-top: var(--kk-space-4);
      }
      .small {
        font-size: var(--kk-text-s);
      }
      .recent {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: var(--kk-space-2);
        font-size: var(--kk-text-m);
      }
      .recent .muted {
        display: block;
        font-size: var(--kk-text-s);
      }
      .projects {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: var(--kk-space-3);
        font-size: var(--kk-text-m);
      }
      .projects .money {
        display: block;
        font-size: var(--kk-text-s);
        font-variant-numeric: tabular-nums;
      }
      .projects .meter {
        height: 6px;
        margin: 4px 0 0;
      }
      .links li {
        padding: 2px 0;
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-dashboard-page': KkDashboardPage;
  }
}
