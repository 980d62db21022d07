// <kk-status-badge>: an artwork's status, or its condition grade, as a small labelled pill.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized } from '@lit/localize';
import { gradeLabel, statusLabel } from '../i18n/labels.js';

/**
 * @cssproperty --kk-badge-bg - background colour
 */
@localized()
@customElement('kk-status-badge')
export class KkStatusBadge extends LitElement {
  /** Artwork status code (in_place …); shown when `grade` is not set. */
  @property({ reflect: true }) status = '';
  /** Condition grade 1–4; 0 = not checked. */
  @property({ type: Number, reflect: true }) grade: number | null = null;

  override render() {
    if (this.grade !== null) return html`<span class="dot" aria-hidden="true"></span>${gradeLabel(this.grade)}`;
    return html`${statusLabel(this.status)}`;
  }

  static override styles = css`
    :host {
      display: inline-flex;
      align-items: center;
      gap: 5px;
      padding: 1px 8px;
      border-radius: 999px;
      font-size: var(--kk-text-xs);
      font-weight: 600;
      line-height: 18px;
      white-space: nowrap;
      background: var(--kk-surface-sunken);
      color: var(--kk-text);
    }
    :host([status='in_place']) { background: var(--kk-success-soft); color: var(--kk-success); }
    :host([status='in_storage']) { background: #eef1f5; color: #3d4a5c; }
    :host([status='on_loan']) { background: var(--kk-brand-soft); color: var(--kk-brand-strong); }
    :host([status='in_conservation']) { background: var(--kk-warning-soft); color: var(--kk-warning); }
    :host([status='missing']) { background: var(--kk-danger-soft); color: var(--kk-danger); }
    :host([status='deaccessioned']) { background: #f1f1f1; color: #555; text-decoration: line-through; }
    :host([grade]) { background: transparent; padding: 0; font-weight: 500; }
    .dot { width: 9px; height: 9px; border-radius: 50%; background: #9aa4b1; }
    :host([grade='1']) .dot { background: var(--kk-grade-1); }
    :host([grade='2']) .dot { background: var(--kk-grade-2); }
    :host([grade='3']) .dot { background: var(--kk-grade-3); }
    :host([grade='4']) .dot { background: var(--kk-grade-4); }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-status-badge': KkStatusBadge;
  }
}
