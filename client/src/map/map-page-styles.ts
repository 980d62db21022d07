// Layout of the map page: a bar, the map filling the window, a side panel (a bottom sheet on phones).
import { css } from 'lit';
import { pageStyles } from '../styles/shared.js';

export const mapPageStyles = [
  pageStyles,
  css`
    :host {
      display: flex;
      flex-direction: column;
      max-width: none;
      padding: 0;
      height: calc(100vh - var(--kk-header-h));
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--kk-space-2) var(--kk-space-3);
      padding: var(--kk-space-3) var(--kk-space-4);
      background: var(--kk-surface);
      border-bottom: 1px solid var(--kk-border);
    }
    .bar wa-input {
      flex: 1 1 260px;
      max-width: 420px;
    }
    /* The label stays for screen readers; the placeholder says it to the eye. */
    .bar wa-input::part(label) {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .btn {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      height: 34px;
      padding: 0 14px;
      border: 1px solid var(--kk-border-strong);
      border-radius: var(--kk-radius);
      background: var(--kk-surface);
      color: var(--kk-text);
      font: inherit;
      text-decoration: none;
      cursor: pointer;
    }
    .btn[aria-expanded='true'] {
      background: var(--kk-brand-soft);
      border-color: var(--kk-brand);
    }
    .pill {
      background: var(--kk-brand);
      color: #fff;
      border-radius: 999px;
      padding: 0 7px;
      font-size: var(--kk-text-xs);
    }
    .count {
      margin: 0 0 0 auto;
      align-self: center;
      color: var(--kk-text-muted);
      font-size: var(--kk-text-s);
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      padding: 6px var(--kk-space-4);
      background: var(--kk-surface);
      border-bottom: 1px solid var(--kk-border);
    }
    .chip {
      border: 1px solid var(--kk-brand);
      background: var(--kk-brand-soft);
      color: var(--kk-brand-strong);
      border-radius: 999px;
      padding: 2px 10px;
      font: inherit;
      font-size: var(--kk-text-s);
      cursor: pointer;
    }
    .chip .k {
      color: var(--kk-text-muted);
    }
    .link {
      border: 0;
      background: none;
      color: var(--kk-link);
      text-decoration: underline;
      cursor: pointer;
      font: inherit;
      font-size: var(--kk-text-s);
    }
    .body {
      flex: 1;
      min-height: 0;
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      position: relative;
    }
    .body.with-panel {
      grid-template-columns: minmax(0, 1fr) 400px;
    }
    .map-wrap {
      position: relative;
      min-height: 0;
    }
    kk-county-map {
      position: absolute;
      inset: 0;
    }
    #panel {
      border-left: 1px solid var(--kk-border);
      overflow: auto;
      min-height: 0;
    }
    aside.filters {
      background: var(--kk-surface);
      padding: var(--kk-space-4);
    }
    .panel-head {
      display: flex;
      justify-content: space-between;
      align-items: start;
    }
    .close {
      font-size: 22px;
      line-height: 1;
      border: 1px solid var(--kk-border);
      background: var(--kk-surface);
      border-radius: var(--kk-radius);
      width: 34px;
      height: 34px;
      cursor: pointer;
    }
    .legend {
      position: absolute;
      left: 10px;
      bottom: 22px;
      z-index: 500;
      display: flex;
      align-items: center;
      gap: 8px;
      max-width: min(360px, calc(100% - 20px));
      padding: 6px 10px;
      background: rgb(255 255 255 / 92%);
      border: 1px solid var(--kk-border);
      border-radius: var(--kk-radius);
      font-size: var(--kk-text-xs);
      color: var(--kk-text-muted);
    }
    .legend .sample {
      flex: none;
      display: grid;
      place-items: center;
      width: 22px;
      height: 22px;
      border-radius: 50%;
      background: conic-gradient(#c0392b 0 var(--a), #2f6fb3 var(--a) 100%);
    }
    .legend .sample span {
      width: 14px;
      height: 14px;
      border-radius: 50%;
      background: #fff;
    }
    .map-wrap .error-box {
      position: absolute;
      top: 10px;
      left: 50%;
      transform: translateX(-50%);
      z-index: 600;
    }
    @media (max-width: 800px) {
      .bar {
        padding: var(--kk-space-2) var(--kk-space-3);
      }
      .bar wa-input {
        flex-basis: 100%;
        max-width: none;
      }
      .count {
        flex: 1 1 0;
        min-width: 0;
        margin: 0;
        font-size: var(--kk-text-xs);
      }
      .body.with-panel {
        grid-template-columns: minmax(0, 1fr);
      }
      /* On a phone the panel is a sheet over the lower half of the map. */
      #panel {
        position: absolute;
        left: 0;
        right: 0;
        bottom: 0;
        max-height: 58%;
        /* Above Leaflet's controls (800) and the legend. */
        z-index: 1000;
        border-left: 0;
        border-top: 1px solid var(--kk-border-strong);
        border-radius: 14px 14px 0 0;
        box-shadow: 0 -6px 20px rgb(0 0 0 / 18%);
      }
      .legend {
        bottom: 18px;
      }
    }
  `,
];
