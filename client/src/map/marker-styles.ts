// Looks of the county map's markers: a ring whose red arc is the share of works needing attention.
import { css } from 'lit';

export const markerStyles = css`
  .kk-marker {
    border-radius: 50%;
    cursor: pointer;
  }
  .kk-marker:focus-visible {
    outline: 3px solid var(--kk-focus, #2f7de1);
    outline-offset: 2px;
  }
  .kk-marker .ring {
    display: grid;
    place-items: center;
    width: 100%;
    height: 100%;
    border-radius: 50%;
    background: conic-gradient(#c0392b 0 var(--a), #2f6fb3 var(--a) 100%);
    box-shadow: 0 1px 3px rgb(0 0 0 / 35%);
  }
  .kk-marker .n {
    display: grid;
    place-items: center;
    width: calc(100% - 10px);
    height: calc(100% - 10px);
    border-radius: 50%;
    background: #fff;
    color: #1b1f24;
    font: 700 11px/1 system-ui, sans-serif;
    letter-spacing: -0.02em;
    font-variant-numeric: tabular-nums;
  }
  .kk-marker .n::after {
    content: attr(data-n);
  }
  .kk-marker.site .ring {
    border-radius: 30%;
  }
  .kk-marker.site .n {
    border-radius: 25%;
    background: #1b2a3a;
    color: #fff;
    width: calc(100% - 8px);
    height: calc(100% - 8px);
  }
  .kk-marker.site.selected .ring {
    box-shadow: 0 0 0 3px #fff, 0 0 0 6px #1b2a3a;
  }
`;
