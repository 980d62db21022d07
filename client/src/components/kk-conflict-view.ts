// <kk-conflict-view>: someone saved the record while you were editing. Their change and yours,
// side by side per field, with a choice for each — nothing is overwritten without you seeing it.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import '@awesome.me/webawesome/dist/components/button/button.js';

export type ConflictRow = {
  key: string;
  label: string;
  /** Display text of the value before either change. */
  base: string;
  theirs: string;
  mine: string;
  /** Both changed the field, to different values: the user must look. */
  clash: boolean;
  /** Who changed it: the default choice keeps each side's own change. */
  changedByMe: boolean;
};
export type Choice = 'mine' | 'theirs';
export type ConflictResolveEvent = CustomEvent<{ choices: Record<string, Choice> }>;

/**
 * @event kk-conflict-resolve - "save the merged version"; detail: { choices } per field key
 * @event kk-conflict-discard - "discard my changes" (reload their version)
 */
@localized()
@customElement('kk-conflict-view')
export class KkConflictView extends LitElement {
  @property({ attribute: false }) rows: ConflictRow[] = [];
  /** Who saved in between, and when (from the current record), if known. */
  @property() changedBy = '';
  @property({ type: Boolean }) busy = false;
  @state() private _choices: Record<string, Choice> = {};

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('rows')) this._choices = Object.fromEntries(this.rows.map((r) => [r.key, r.changedByMe ? 'mine' : 'theirs']));
  }

  private _choose(key: string, c: Choice): void {
    this._choices = { ...this._choices, [key]: c };
  }

  override render() {
    const clashes = this.rows.filter((r) => r.clash).length;
    return html`<section role="alert" aria-labelledby="conflict-h">
      <h2 id="conflict-h">${msg('Someone else saved this work while you were editing')}</h2>
      <p>
        ${this.changedBy ? html`${this.changedBy}. ` : nothing}
        ${clashes
          ? msg(str`${clashes} field(s) were changed by both of you. Choose which value to keep for each, then save the merged version.`)
          : msg('Your changes and theirs touch different fields. Check the result, then save the merged version.')}
      </p>
      <table>
        <thead>
          <tr><th scope="col">${msg('Field')}</th><th scope="col">${msg('Their version (saved)')}</th><th scope="col">${msg('Your version')}</th></tr>
        </thead>
        <tbody>
          ${this.rows.map((r) => {
            const choice = this._choices[r.key];
            return html`<tr class=${r.clash ? 'clash' : ''} data-key=${r.key}>
              <th scope="row">${r.label}${r.clash ? html`<span class="tag">${msg('both changed')}</span>` : nothing}
                <div class="base">${msg(str`was: ${r.base}`)}</div></th>
              <td class=${choice === 'theirs' ? 'chosen' : ''}>
                <label><input type="radio" name=${`c-${r.key}`} value="theirs" .checked=${choice === 'theirs'} @change=${() => this._choose(r.key, 'theirs')} />
                  <span class="value">${r.theirs}</span></label>
              </td>
              <td class=${choice === 'mine' ? 'chosen' : ''}>
                <label><input type="radio" name=${`c-${r.key}`} value="mine" .checked=${choice === 'mine'} @change=${() => this._choose(r.key, 'mine')} />
                  <span class="value">${r.mine}</span></label>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
      <div class="buttons">
        <wa-button variant="brand" ?loading=${this.busy} @click=${() => this.dispatchEvent(new CustomEvent('kk-conflict-resolve', { detail: { choices: this._choices }, bubbles: true, composed: true }))}>${msg('Save the merged version')}</wa-button>
        <wa-button appearance="outlined" @click=${() => this.dispatchEvent(new CustomEvent('kk-conflict-discard', { bubbles: true, composed: true }))}>${msg('Discard my changes')}</wa-button>
      </div>
    </section>`;
  }

  static override styles = css`
    :host {
      display: block;
      border: 1px solid #e0b252;
      background: #fffaf0;
      border-radius: var(--kk-radius-lg);
      padding: var(--kk-space-4);
    }
    h2 {
      margin: 0 0 6px;
      font-size: var(--kk-text-l);
    }
    p {
      margin: 0 0 var(--kk-space-3);
    }
    table {
      width: 100%;
      border-collapse: collapse;
      table-layout: fixed;
      background: var(--kk-surface);
      border-radius: var(--kk-radius);
    }
    th,
    td {
      text-align: left;
      vertical-align: top;
      padding: 8px;
      border-top: 1px solid var(--kk-border);
      overflow-wrap: break-word;
    }
    thead th {
      border-top: 0;
      font-size: var(--kk-text-s);
      color: var(--kk-text-muted);
      font-weight: 600;
    }
    tbody th {
      font-weight: 500;
      width: 28%;
    }
    .base {
      font-size: var(--kk-text-xs);
      color: var(--kk-text-muted);
      font-weight: 400;
    }
    .tag {
      display: inline-block;
      margin-left: 6px;
      font-size: var(--kk-text-xs);
      background: #f6d58e;
      color: #5c3d00;
      border-radius: 999px;
      padding: 0 6px;
    }
    td.chosen {
      background: var(--kk-success-soft);
    }
    label {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      cursor: pointer;
    }
    input {
      margin-top: 3px;
      accent-color: var(--kk-brand);
    }
    input:focus-visible {
      outline: 2px solid var(--kk-focus);
      outline-offset: 2px;
    }
    .value {
      white-space: pre-line;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: var(--kk-space-3);
      margin-top: var(--kk-space-4);
    }
    @media (max-width: 600px) {
      tbody th {
        width: 34%;
      }
      th,
      td {
        padding: 6px 4px;
        font-size: var(--kk-text-s);
      }
    }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-conflict-view': KkConflictView;
  }
  interface HTMLElementEventMap {
    'kk-conflict-resolve': ConflictResolveEvent;
  }
}
