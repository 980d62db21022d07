// Looks of the floor plan's pins (coloured by condition grade, with the grade as text so colour is
// not the only cue), the placing cross-hair, room labels and the work cards.
import { css, unsafeCSS } from 'lit';

export const GRADE_COLOURS = ['#8c959f', '#1a7f37', '#d4a72c', '#e8710a', '#b42318'] as const;

export const pinStyles = css`
  .pin {
    display: grid;
    place-items: center;
    box-sizing: border-box;
    border-radius: 50%;
    border: 2px solid #fff;
    box-shadow: 0 1px 4px rgb(0 0 0 / 45%);
    color: #fff;
    font: 700 12px/1 system-ui, sans-serif;
    cursor: pointer;
  }
  /* The grade as generated content: seen on the pin, while the accessible name says it in words. */
  .pin span::after {
    content: attr(data-g);
  }
  .pin.leaflet-marker-draggable {
    cursor: grab;
  }
  .pin:focus-visible {
    outline: 3px solid #2f7de1;
    outline-offset: 2px;
  }
  .pin.g0 { background: ${unsafeCSS(GRADE_COLOURS[0])}; }
  .pin.g1 { background: ${unsafeCSS(GRADE_COLOURS[1])}; }
  .pin.g2 { background: ${unsafeCSS(GRADE_COLOURS[2])}; color: #1b1f24; }
  .pin.g3 { background: ${unsafeCSS(GRADE_COLOURS[3])}; color: #1b1f24; }
  .pin.g4 { background: ${unsafeCSS(GRADE_COLOURS[4])}; }
  .cross span {
    display: block;
    width: 100%;
    height: 100%;
    border-radius: 50%;
    border: 2px dashed #1b2a3a;
    background:
      linear-gradient(#1b2a3a, #1b2a3a) center / 2px 100% no-repeat,
      linear-gradient(#1b2a3a, #1b2a3a) center / 100% 2px no-repeat,
      rgb(255 255 255 / 55%);
  }
  .cross:focus-visible {
    outline: 3px solid #2f7de1;
    outline-offset: 3px;
    border-radius: 50%;
  }
  .room-label {
    background: transparent;
    border: 0;
    box-shadow: none;
    color: #2d333b;
    font-weight: 600;
  }
  .room-label::before {
    display: none;
  }
  .card-tip {
    width: max-content;
    max-width: 240px;
    white-space: normal;
    font-size: 12px;
    line-height: 1.4;
  }
  .card-tip .inv,
  .popup .inv {
    font-family: var(--kk-font-mono, monospace);
  }
  .popup {
    display: flex;
    gap: 10px;
    font-size: 13px;
    line-height: 1.4;
  }
  .popup img {
    border-radius: 4px;
    object-fit: cover;
    flex: none;
  }
  .popup p {
    margin: 6px 0;
  }
  .popup button {
    font: inherit;
    padding: 3px 8px;
    border: 1px solid #b7bec8;
    border-radius: 4px;
    background: #fff;
    cursor: pointer;
  }
`;
