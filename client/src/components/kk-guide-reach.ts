// The art guide's reach on the dashboard: monthly page views per site and the trend against a baseline year.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { getReach, type Reach } from '../api/reach.js';
import { formatNumber } from '../i18n/format.js';
import { pageStyles } from '../styles/shared.js';

const TOP_SITES = 8;

/**
 * A dashboard card: how many people the public art guide reached in the last 12 months.
 * Counted on the server per site and day, without cookies or addresses.
 */
@localized()
@customElement('kk-guide-reach')
export class KkGuideReach extends LitElement {
  /** Limit to one site (the dashboard's site filter). */
  @property({ type: Number }) site?: number;

  private _reach = new Task(this, {
    task: ([site], { signal }) => getReach({ site, months: 12 }, signal),
    args: () => [this.site] as const,
  });

  override render() {
    return html`<section class="card" aria-labelledby="h-reach">
      <h2 id="h-reach">${msg('Art guide reach')}</h2>
      ${this._reach.render({
        pending: () => html`<p class="muted" role="status">${msg('Loading…')}</p>`,
        error: () => html`<p class="muted">${msg('The reach figures could not be loaded.')}</p>`,
        complete: (r) => this._body(r),
      })}
    </section>`;
  }

  private _body(r: Reach) {
    if (!r.months.length) return html`<p class="muted">${msg('No visits to the art guide in the last 12 months.')}</p>`;
    const bySite = new Map<number, { name: string; views: number }>();
    const byMonth = new Map<string, number>();
    for (const m of r.months) {
      const s = bySite.get(m.siteId) ?? { name: m.siteName, views: 0 };
      s.views += m.views;
      bySite.set(m.siteId, s);
      byMonth.set(m.month, (byMonth.get(m.month) ?? 0) + m.views);
    }
    const sites = [...bySite.entries()].sort((a, b) => b[1].views - a[1].views);
    const max = Math.max(...byMonth.values());
    const trend = r.totals.trend;
    return html`
      <p class="big">${formatNumber(r.totals.recent)}</p>
      <p>${msg(str`page views in the last 12 months, ${formatNumber(Math.round(r.totals.recentMonthlyAverage))} a month`)}</p>
      <p class="muted">
        ${trend === null
          ? msg(str`No figures for the baseline year ${r.baselineYear}.`)
          : msg(str`${trend >= 0 ? '+' : '−'}${formatNumber(Math.abs(Math.round(trend * 100)))} % against the monthly average of ${r.baselineYear}`)}
      </p>
      <ol class="months" aria-label=${msg('Page views per month')}>
        ${[...byMonth.entries()].map(
          ([month, views]) => html`<li title="${month}: ${formatNumber(views)}"><span class="bar" style="height:${Math.max(4, (100 * views) / max)}%"></span><span class="label">${month.slice(5)}</span><span class="visually-hidden">${formatNumber(views)}</span></li>`,
        )}
      </ol>
      <table>
        <caption class="visually-hidden">${msg('Page views per site')}</caption>
        <thead><tr><th scope="col">${msg('Site')}</th><th scope="col" class="num">${msg('Views')}</th></tr></thead>
        <tbody>
          ${sites.slice(0, TOP_SITES).map(([id, s]) => html`<tr><td><a href="/guide/${id}">${s.name}</a></td><td class="num">${formatNumber(s.views)}</td></tr>`)}
        </tbody>
      </table>
      ${sites.length > TOP_SITES ? html`<p class="muted">${msg(str`${formatNumber(sites.length - TOP_SITES)} more sites`)}</p>` : nothing}
    `;
  }

  static override styles = [
    pageStyles,
    css`
      :host { display: block; }
      h2 { margin: 0 0 var(--kk-space-2); font-size: var(--kk-text-l); }
      p { margin: 0 0 var(--kk-space-2); }
      .big { font-size: 2rem; font-weight: 700; line-height: 1.1; }
      .months { display: flex; align-items: flex-end; gap: 3px; height: 72px; list-style: none; padding: 0; margin: var(--kk-space-3) 0; }
      .months li { flex: 1; display: flex; flex-direction: column; justify-content: flex-end; align-items: center; height: 100%; }
      .bar { display: block; width: 100%; background: var(--kk-brand); border-radius: 2px 2px 0 0; }
      .label { font-size: var(--kk-text-xs); color: var(--kk-text-muted); }
      table { width: 100%; border-collapse: collapse; font-size: var(--kk-text-s); }
      th, td { text-align: left; padding: var(--kk-space-1) 0; border-bottom: 1px solid var(--kk-border); }
      .num { text-align: right; font-variant-numeric: tabular-nums; }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-guide-reach': KkGuideReach;
  }
}
