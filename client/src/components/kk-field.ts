// <kk-field>: one labelled form field (text, long text, number, date, choice or yes/no) with its error.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@awesome.me/webawesome/dist/components/input/input.js';
import '@awesome.me/webawesome/dist/components/textarea/textarea.js';
import '@awesome.me/webawesome/dist/components/checkbox/checkbox.js';
import { formStyles } from '../styles/form.js';

export type FieldKind = 'text' | 'textarea' | 'number' | 'date' | 'select' | 'bool';
export type FieldInputEvent = CustomEvent<{ key: string; value: string | boolean }>;

/**
 * @event kk-field-input - the value changed as the user typed; detail: { key, value } (string, or boolean for yes/no)
 * @event kk-field-blur - the field lost focus; detail: { key }
 */
@customElement('kk-field')
export class KkField extends LitElement {
  /** The record field this edits (also the key in events). */
  @property({ reflect: true }) key = '';
  @property() label = '';
  @property() kind: FieldKind = 'text';
  /** Strings for text-like fields; booleans for yes/no. */
  @property({ attribute: false }) value: string | boolean = '';
  @property({ attribute: false }) options: [string, string][] = [];
  /** The validation message; empty = valid. */
  @property() error = '';
  @property() hint = '';
  @property({ type: Boolean }) required = false;
  @property({ type: Number }) maxlength?: number;

  override focus(): void {
    (this.renderRoot.querySelector('wa-input, wa-textarea, wa-checkbox, select') as HTMLElement | null)?.focus();
  }

  private _emit(value: string | boolean): void {
    this.value = value;
    this.dispatchEvent(new CustomEvent('kk-field-input', { detail: { key: this.key, value }, bubbles: true, composed: true }));
  }

  private _blur = () => this.dispatchEvent(new CustomEvent('kk-field-blur', { detail: { key: this.key }, bubbles: true, composed: true }));

  override render() {
    const cls = this.error ? 'invalid' : '';
    const hint = this.error || this.hint;
    const onInput = (e: Event) => this._emit((e.target as HTMLInputElement).value);
    switch (this.kind) {
      case 'bool':
        return html`<wa-checkbox class=${cls} .checked=${Boolean(this.value)} hint=${hint} @change=${(e: Event) => this._emit((e.target as HTMLInputElement).checked)} @blur=${this._blur}>${this.label}</wa-checkbox>`;
      case 'textarea':
        return html`<wa-textarea class=${cls} label=${this.label} hint=${hint} rows="3" resize="auto" .value=${String(this.value ?? '')} maxlength=${ifDefined(this.maxlength)} @input=${onInput} @blur=${this._blur}></wa-textarea>`;
      case 'select':
        return html`<label class="native ${cls}" for="s">${this.label}${this.required ? nothing : nothing}</label>
          <select id="s" aria-invalid=${this.error ? 'true' : 'false'} aria-describedby="h" @change=${onInput} @blur=${this._blur}>
            ${this.required ? nothing : html`<option value="" ?selected=${!this.value}>–</option>`}
            ${this.options.map(([v, l]) => html`<option value=${v} ?selected=${v === this.value}>${l}</option>`)}
          </select>
          ${hint ? html`<div id="h" class=${this.error ? 'field-error' : 'muted small'}>${hint}</div>` : nothing}`;
      default:
        return html`<wa-input
          class=${cls}
          label=${this.label}
          hint=${hint}
          type=${this.kind === 'number' ? 'text' : this.kind}
          inputmode=${ifDefined(this.kind === 'number' ? 'decimal' : undefined)}
          .value=${String(this.value ?? '')}
          ?required=${this.required}
          maxlength=${ifDefined(this.maxlength)}
          @input=${onInput}
          @blur=${this._blur}
        ></wa-input>`;
    }
  }

  static override styles = [
    formStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 4px;
      }
      select {
        width: 100%;
        min-height: 36px;
      }
      .small {
        font-size: var(--kk-text-s);
      }
      label.native {
        font-weight: 500;
      }
      select[aria-invalid='true'] {
        border-color: var(--kk-danger);
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-field': KkField;
  }
  interface HTMLElementEventMap {
    'kk-field-input': FieldInputEvent;
  }
}
