// Tokens and shared styles of the field app: the desktop app's colours (client/src/styles/tokens.css,
// which also pulls in Web Awesome's theme, too heavy here), sized for a thumb: targets ≥ 48 px.
import { css } from 'lit';

export const tokens = css`
  :host {
    --kk-font: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    --kk-bg: #f6f7f9;
    --kk-surface: #ffffff;
    --kk-surface-sunken: #eef0f3;
    --kk-border: #d9dde3;
    --kk-text: #1b1f24;
    --kk-text-muted: #57606a;
    --kk-brand: #1f5fa8;
    --kk-brand-strong: #174a85;
    --kk-brand-soft: #e7eff9;
    --kk-focus: #2f7de1;
    --kk-danger: #b42318;
    --kk-danger-soft: #fdecea;
    --kk-warning: #8a5a00;
    --kk-warning-soft: #fff4da;
    --kk-success: #136c2e;
    --kk-success-soft: #e6f4ea;
    --kk-radius: 10px;
    --kk-tap: 48px;
    font-family: var(--kk-font);
    color: var(--kk-text);
  }
`;

export const shared = css`
  * {
    box-sizing: border-box;
  }
  button,
  .button {
    font: inherit;
    min-height: var(--kk-tap);
    min-width: var(--kk-tap);
    padding: 0 16px;
    border-radius: var(--kk-radius);
    border: 1px solid var(--kk-border);
    background: var(--kk-surface);
    color: var(--kk-text);
    font-weight: 600;
    font-size: 16px;
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
    text-decoration: none;
    touch-action: manipulation;
  }
  button.primary,
  .button.primary {
    background: var(--kk-brand);
    border-color: var(--kk-brand);
    color: #fff;
  }
  button.ok {
    background: var(--kk-success);
    border-color: var(--kk-success);
    color: #fff;
  }
  button.danger {
    background: var(--kk-danger);
    border-color: var(--kk-danger);
    color: #fff;
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  button:focus-visible,
  a:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--kk-focus);
    outline-offset: 2px;
  }
  input,
  select,
  textarea {
    font: inherit;
    font-size: 16px;
    min-height: var(--kk-tap);
    padding: 8px 12px;
    border: 1px solid #8c959f;
    border-radius: var(--kk-radius);
    background: #fff;
    color: var(--kk-text);
    width: 100%;
  }
  label {
    font-weight: 600;
    display: block;
    margin: 12px 0 4px;
  }
  .muted {
    color: var(--kk-text-muted);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  svg.icon {
    width: 22px;
    height: 22px;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
`;

/** A bottom sheet (native <dialog>): reachable with the thumb, Escape and the back gesture close it. */
export const sheet = css`
  dialog {
    margin: auto 0 0;
    width: 100%;
    max-width: 100%;
    max-height: 92vh;
    border: none;
    border-radius: 16px 16px 0 0;
    padding: 16px 16px calc(16px + env(safe-area-inset-bottom));
    background: var(--kk-surface);
    color: var(--kk-text);
  }
  dialog::backdrop {
    background: rgb(16 24 40 / 45%);
  }
  dialog h2 {
    margin: 0 0 4px;
    font-size: 20px;
  }
  .actions {
    display: flex;
    gap: 8px;
    margin-top: 16px;
  }
  .actions > * {
    flex: 1;
  }
`;
