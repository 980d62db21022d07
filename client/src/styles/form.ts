// Styles of forms and dialogs (edit page, move/check/upload/batch dialogs).
import { css } from 'lit';

export const formStyles = css`
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .form {
    display: flex;
    flex-direction: column;
    gap: var(--kk-space-4);
  }
  .muted {
    color: var(--kk-text-muted);
    margin: 0;
  }
  .error-box {
    border: 1px solid var(--kk-danger);
    background: var(--kk-danger-soft);
    color: var(--kk-danger);
    border-radius: var(--kk-radius);
    padding: var(--kk-space-3) var(--kk-space-4);
    margin: 0;
  }
  .invalid::part(hint),
  .invalid [slot='hint'],
  .field-error {
    color: var(--kk-danger);
    font-weight: 500;
  }
  .invalid::part(input),
  .invalid::part(base),
  .invalid::part(textarea) {
    border-color: var(--kk-danger);
  }
  wa-dialog {
    --width: min(560px, 100vw - 24px);
  }
  label.native {
    display: flex;
    flex-direction: column;
    gap: 4px;
    font-weight: 500;
  }
  /* Native selects, dressed like Web Awesome's inputs next to them. */
  select {
    font: inherit;
    font-weight: 400;
    height: var(--wa-form-control-height, 36px);
    padding: 0 8px 0 10px;
    border: var(--wa-form-control-border-width, 1px) solid var(--wa-form-control-border-color, var(--kk-border-strong));
    border-radius: var(--wa-form-control-border-radius, var(--kk-radius));
    background: var(--kk-surface);
    color: var(--kk-text);
  }
  label.native {
    font-weight: 500;
  }
`;
