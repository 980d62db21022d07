// Styles every page shares (inside shadow roots, which don't inherit global CSS rules).
import { css } from 'lit';

export const pageStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    max-width: var(--kk-content-max);
    margin: 0 auto;
    padding: var(--kk-space-5) var(--kk-space-5) var(--kk-space-6);
  }
  @media (max-width: 600px) {
    :host {
      padding: var(--kk-space-4) var(--kk-space-3) var(--kk-space-5);
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h1 {
    font-size: var(--kk-text-xxl);
    font-weight: 650;
    margin: 0 0 var(--kk-space-2);
    line-height: 1.2;
    letter-spacing: -0.01em;
  }
  h2 {
    font-size: var(--kk-text-l);
    font-weight: 600;
    margin: 0 0 var(--kk-space-3);
  }
  h3 {
    font-size: var(--kk-text-m);
    font-weight: 600;
    margin: 0 0 var(--kk-space-2);
  }
  a {
    color: var(--kk-link);
    text-underline-offset: 2px;
  }
  a:focus-visible,
  button:focus-visible,
  [tabindex]:focus-visible {
    outline: 2px solid var(--kk-focus);
    outline-offset: 2px;
    border-radius: 3px;
  }
  .muted {
    color: var(--kk-text-muted);
  }
  .card {
    background: var(--kk-surface);
    border: 1px solid var(--kk-border);
    border-radius: var(--kk-radius-lg);
    padding: var(--kk-space-4);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .state {
    text-align: center;
    padding: var(--kk-space-6) var(--kk-space-4);
    color: var(--kk-text-muted);
  }
  .state strong {
    display: block;
    color: var(--kk-text);
    font-size: var(--kk-text-l);
    margin-bottom: var(--kk-space-2);
  }
  .error-box {
    border: 1px solid var(--kk-danger);
    background: var(--kk-danger-soft);
    color: var(--kk-danger);
    border-radius: var(--kk-radius);
    padding: var(--kk-space-3) var(--kk-space-4);
  }
  dl.fields {
    display: grid;
    grid-template-columns: minmax(120px, 200px) 1fr;
    gap: var(--kk-space-2) var(--kk-space-4);
    margin: 0;
  }
  dl.fields dt {
    color: var(--kk-text-muted);
  }
  dl.fields dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  @media (max-width: 600px) {
    dl.fields {
      grid-template-columns: 1fr;
      gap: 0;
    }
    dl.fields dd {
      margin-bottom: var(--kk-space-2);
    }
  }
`;

/** A vertical timeline: an <ol class="timeline"> of dated entries with a dot each (condition panel, work timeline). */
export const timelineStyles = css`
      .timeline {
        list-style: none;
        margin: 0;
        padding: 0;
        border-left: 2px solid var(--kk-border);
      }
      .timeline li {
        display: grid;
        grid-template-columns: 110px 1fr;
        gap: var(--kk-space-3);
        padding: 6px 0 12px 14px;
        position: relative;
      }
      .timeline li::before {
        content: '';
        position: absolute;
        left: -6px;
        top: 10px;
        width: 10px;
        height: 10px;
        border-radius: 50%;
        background: var(--kk-surface);
        border: 2px solid var(--kk-border-strong);
      }
`;
