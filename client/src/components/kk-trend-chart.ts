// <kk-trend-chart>: a small line chart over years (uPlot, loaded on first use with its CSS inside the
// shadow root), with the same numbers as a table for screen readers and for reading exact values.
import { LitElement, css, html, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type uPlot from 'uplot';
import { formatNumber } from '../i18n/format.js';

export type TrendSeries = { label: string; color: string; values: number[] };

/**
 * @cssproperty --kk-trend-height - plot height (default 220px)
 */
@localized()
@customElement('kk-trend-chart')
export class KkTrendChart extends LitElement {
  /** The x values (years). */
  @property({ attribute: false }) years: number[] = [];
  @property({ attribute: false }) series: TrendSeries[] = [];
  /** Unit shown after the values in the table and the axis, e.g. " %". */
  @property() unit = '';
  /** Accessible name of the chart. */
  @property() label = '';
  @state() private _css = '';
  @query('.plot') private _plotEl!: HTMLDivElement;
  private _plot: uPlot | null = null;
  private _resize = new ResizeObserver(() => this._plot?.setSize({ width: this._width(), height: this._height() }));

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._resize.disconnect();
    this._plot?.destroy();
    this._plot = null;
  }

  override async firstUpdated(): Promise<void> {
    const [{ default: UPlot }, style] = await Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css?inline')]);
    this._css = style.default;
    await this.updateComplete;
    this._draw(UPlot);
    this._resize.observe(this);
  }

  override updated(changed: PropertyValues): void {
    if ((changed.has('series') || changed.has('years')) && this._plot) this._plot.setData([this.years, ...this.series.map((s) => s.values)]);
  }

  private _width = () => Math.max(240, this.getBoundingClientRect().width);
  private _height = () => parseInt(getComputedStyle(this).getPropertyValue('--kk-trend-height')) || 220;

  private _draw(UPlot: typeof uPlot): void {
    const unit = this.unit;
    this._plot = new UPlot(
      {
        width: this._width(),
        height: this._height(),
        legend: { show: true, live: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: false } },
        axes: [
          { values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) ? String(t) : '')), stroke: '#57606a', grid: { stroke: '#eef0f3' } },
          { values: (_u, ticks) => ticks.map((t) => `${formatNumber(t)}${unit}`), stroke: '#57606a', grid: { stroke: '#eef0f3' }, size: 56 },
        ],
        series: [{ label: msg('Year') }, ...this.series.map((s) => ({ label: s.label, stroke: s.color, width: 2, points: { size: 5, fill: s.color }, value: (_u: uPlot, v: number | null) => (v == null ? '–' : `${formatNumber(v)}${unit}`) }))],
      },
      [this.years, ...this.series.map((s) => s.values)],
      this._plotEl,
    );
  }

  override render() {
    return html`<style>
        ${unsafeCSS(this._css)}
      </style>
      <figure>
        <div class="plot" aria-hidden="true"></div>
        <details>
          <summary>${msg('Show as table')}</summary>
          <table>
            <caption class="visually-hidden">${this.label}</caption>
            <thead><tr><th scope="col">${msg('Year')}</th>${this.series.map((s) => html`<th scope="col">${s.label}</th>`)}</tr></thead>
            <tbody>
              ${this.years.map((y, i) => html`<tr><th scope="row">${y}</th>${this.series.map((s) => html`<td>${formatNumber(s.values[i] ?? 0)}${this.unit}</td>`)}</tr>`)}
            </tbody>
          </table>
        </details>
      </figure>`;
  }

  static override styles = css`
    :host {
      display: block;
      min-width: 0;
    }
    figure {
      margin: 0;
    }
    .plot {
      min-height: var(--kk-trend-height, 220px);
    }
    summary {
      cursor: pointer;
      color: var(--kk-link);
      font-size: var(--kk-text-s);
      margin-top: var(--kk-space-2);
    }
    table {
      border-collapse: collapse;
      font-size: var(--kk-text-s);
      margin-top: var(--kk-space-2);
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding: 2px 10px 2px 0;
      text-align: right;
    }
    th[scope='row'],
    thead th:first-child {
      text-align: left;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-trend-chart': KkTrendChart;
  }
}
