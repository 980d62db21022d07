// <kk-damage-report-card>: one report from the public in the triage queue — the work, the site,
// what the visitor wrote (as text: it is public input), their photo and contact — with the two
// ways out: a condition check (short form) or a dismissal (with a note).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import '@awesome.me/webawesome/dist/components/button/button.js';
import '@awesome.me/webawesome/dist/components/textarea/textarea.js';
import { convertReport, dismissReport, type DamageReport, type ReportKind } from '../api/damage-reports.js';
import { errorMessage } from '../api/error-messages.js';
import { formatDateTime } from '../i18n/format.js';
import { DAMAGE_TYPES, PRIORITIES, damageLabel, gradeLabel, priorityLabel } from '../i18n/labels.js';
import { formStyles } from '../styles/form.js';

export type ReportHandledEvent = CustomEvent<{ report: DamageReport; outcome: 'converted' | 'dismissed' | 'stale' }>;

export function reportKindLabel(k: string): string {
  switch (k) {
    case 'damage': return msg('Damaged');
    case 'dirty': return msg('Dirty');
    case 'loose': return msg('Loose');
    case 'missing': return msg('Missing');
    case 'other': return msg('Other');
    default: return k;
  }
}

/** The damage types a report of this kind most likely means (pre-chosen, easy to change). */
const SUGGESTED: Record<ReportKind, string[]> = { damage: [], dirty: ['dust'], loose: ['loose_fixing'], missing: [], other: [] };

/**
 * @event kk-report-handled - the report was converted or dismissed (or someone else had already handled it)
 */
@localized()
@customElement('kk-damage-report-card')
export class KkDamageReportCard extends LitElement {
  @property({ attribute: false }) report!: DamageReport;
  /** The user may handle reports (condition.write). */
  @property({ type: Boolean }) canHandle = false;
  @state() private _mode: 'view' | 'convert' | 'dismiss' = 'view';
  @state() private _grade = 0;
  @state() private _damage = new Set<string>();
  @state() private _priority: (typeof PRIORITIES)[number] = 'routine';
  @state() private _note = '';
  @state() private _errors: Record<string, string> = {};
  @state() private _busy = false;

  private _open(mode: 'convert' | 'dismiss'): void {
    this._mode = mode;
    this._errors = {};
    if (mode === 'convert' && !this._damage.size) this._damage = new Set(SUGGESTED[this.report.kind] ?? []);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(mode === 'convert' ? '.grades button' : 'wa-textarea')?.focus());
  }

  private _toggleDamage(d: string): void {
    const next = new Set(this._damage);
    if (next.has(d)) next.delete(d);
    else next.add(d);
    this._damage = next;
  }

  private async _submit(): Promise<void> {
    const errors: Record<string, string> = {};
    if (this._mode === 'convert' && !this._grade) errors.grade = msg('Choose a grade.');
    if (this._mode === 'dismiss' && !this._note.trim()) errors.note = msg('Say why the report is dismissed.');
    this._errors = errors;
    if (Object.keys(errors).length) return;
    this._busy = true;
    const mode = this._mode;
    try {
      const report =
        mode === 'convert'
          ? await convertReport(this.report, { grade: this._grade, damageTypes: [...this._damage], priority: this._priority, note: this._note.trim() || null })
          : await dismissReport(this.report, this._note.trim());
      this._mode = 'view';
      this.dispatchEvent(new CustomEvent('kk-report-handled', { detail: { report, outcome: mode === 'convert' ? 'converted' : 'dismissed' }, bubbles: true, composed: true }));
    } catch (err) {
      this._errors = { _: errorMessage(err) };
      const code = (err as { code?: string }).code;
      // Handled by someone else meanwhile: the queue reloads; the message stays until it does.
      if (code === 'damage_report.already_handled' || code === 'damage_report.version_conflict')
        this.dispatchEvent(new CustomEvent('kk-report-handled', { detail: { report: this.report, outcome: 'stale' }, bubbles: true, composed: true }));
    } finally {
      this._busy = false;
    }
  }

  override render() {
    const r = this.report;
    const email = r.contact && /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(r.contact) ? r.contact : null;
    return html`<article aria-labelledby="h-${r.id}">
      <div class="top">
        ${r.photo
          ? html`<a class="photo" href=${r.photo.large} target="_blank" rel="noopener"><img src=${r.photo.thumb} alt=${msg(str`Photo sent with the report on ${r.title}`)} loading="lazy" width="120" height="120" /></a>`
          : html`<div class="photo none" aria-hidden="true">${msg('No photo')}</div>`}
        <div class="body">
          <h2 id="h-${r.id}"><a href="/works/${r.artworkId}?tab=condition">${r.title}</a> <span class="inv">${r.inventoryNumber}</span></h2>
          <p class="meta">
            <span class="kind kind-${r.kind}">${reportKindLabel(r.kind)}</span>
            <span>${r.siteName ?? msg('No site')}</span>
            <span><time datetime=${r.createdAt}>${formatDateTime(r.createdAt)}</time></span>
          </p>
          <p class="description">${r.description}</p>
          <p class="contact muted">${msg('Contact:')} ${email ? html`<a href="mailto:${email}">${email}</a>` : (r.contact ?? msg('none given'))}</p>
          ${this._outcome(r)}
        </div>
      </div>
      ${r.status === 'new' && this.canHandle ? this._actions() : nothing}
    </article>`;
  }

  private _outcome(r: DamageReport) {
    if (r.status === 'converted')
      return html`<p class="outcome">${msg('Made into a condition check')} · <time datetime=${r.handledAt ?? ''}>${formatDateTime(r.handledAt)}</time> · <a href="/works/${r.artworkId}?tab=condition">${msg('See the condition history')}</a></p>`;
    if (r.status === 'dismissed')
      return html`<p class="outcome">${msg('Dismissed')} · <time datetime=${r.handledAt ?? ''}>${formatDateTime(r.handledAt)}</time>${r.handlingNote ? html` · ${r.handlingNote}` : nothing}</p>`;
    return nothing;
  }

  private _actions() {
    if (this._mode === 'view')
      return html`<div class="actions">
        <wa-button size="s" variant="brand" @click=${() => this._open('convert')}>${msg('Make a condition check')}</wa-button>
        <wa-button size="s" appearance="outlined" @click=${() => this._open('dismiss')}>${msg('Dismiss')}</wa-button>
      </div>`;
    const e = this._errors;
    return html`<div class="form handle" role="group" aria-label=${this._mode === 'convert' ? msg('Make a condition check') : msg('Dismiss the report')}>
      ${this._mode === 'convert'
        ? html`<div role="group" aria-labelledby="g-${this.report.id}">
              <span id="g-${this.report.id}" class="label">${msg('Condition')}</span>
              <div class="grades">
                ${[1, 2, 3, 4].map((g) => html`<button type="button" class="chip grade-${g}" aria-pressed=${this._grade === g ? 'true' : 'false'} @click=${() => ((this._grade = g), (this._errors = {}))}>${g} · ${gradeLabel(g)}</button>`)}
              </div>
              ${e.grade ? html`<p class="field-error" role="alert">${e.grade}</p>` : nothing}
            </div>
            <div role="group" aria-labelledby="d-${this.report.id}">
              <span id="d-${this.report.id}" class="label">${msg('Damage observed')}</span>
              <div class="chips">
                ${DAMAGE_TYPES.map((d) => html`<button type="button" class="chip" aria-pressed=${this._damage.has(d) ? 'true' : 'false'} @click=${() => this._toggleDamage(d)}>${damageLabel(d)}</button>`)}
              </div>
            </div>
            <label class="native">${msg('Priority')}
              <select @change=${(ev: Event) => (this._priority = (ev.target as HTMLSelectElement).value as (typeof PRIORITIES)[number])}>
                ${PRIORITIES.map((p) => html`<option value=${p} ?selected=${p === this._priority}>${priorityLabel(p)}</option>`)}
              </select>
            </label>
            <wa-textarea label=${msg('Note')} rows="2" .value=${this._note} @input=${(ev: Event) => (this._note = (ev.target as HTMLTextAreaElement).value)}
              hint=${msg('The visitor\'s description is added to the check.')}></wa-textarea>`
        : html`<wa-textarea label=${msg('Why is it dismissed?')} rows="2" required .value=${this._note} hint=${e.note ?? msg('For example: a duplicate, or not about the work.')} class=${e.note ? 'invalid' : ''}
            @input=${(ev: Event) => ((this._note = (ev.target as HTMLTextAreaElement).value), (this._errors = {}))}></wa-textarea>`}
      ${e._ ? html`<p class="error-box" role="alert">${e._}</p>` : nothing}
      <div class="buttons">
        <wa-button size="s" appearance="outlined" @click=${() => (this._mode = 'view')}>${msg('Cancel')}</wa-button>
        <wa-button size="s" variant="brand" ?loading=${this._busy} @click=${this._submit}>${this._mode === 'convert' ? msg('Save condition check') : msg('Dismiss report')}</wa-button>
      </div>
    </div>`;
  }

  static override styles = [
    formStyles,
    css`
      :host {
        display: block;
      }
      article {
        background: var(--kk-surface);
        border: 1px solid var(--kk-border);
        border-radius: var(--kk-radius-lg);
        padding: var(--kk-space-4);
        display: flex;
        flex-direction: column;
        gap: var(--kk-space-3);
      }
      .top {
        display: grid;
        grid-template-columns: 120px minmax(0, 1fr);
        gap: var(--kk-space-4);
      }
      .photo img,
      .photo.none {
        width: 120px;
        height: 120px;
        object-fit: cover;
        border-radius: var(--kk-radius);
        display: block;
        background: var(--kk-surface-sunken);
      }
      .photo.none {
        display: grid;
        place-items: center;
        color: var(--kk-text-muted);
        font-size: var(--kk-text-xs);
      }
      h2 {
        font-size: var(--kk-text-l);
        margin: 0 0 4px;
      }
      a {
        color: var(--kk-link);
      }
      .inv {
        font-family: var(--kk-font-mono);
        font-size: var(--kk-text-s);
        font-weight: 400;
        color: var(--kk-text-muted);
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 12px;
        margin: 0 0 8px;
        font-size: var(--kk-text-s);
        color: var(--kk-text-muted);
      }
      .kind {
        font-weight: 600;
        color: var(--kk-text);
        background: var(--kk-surface-sunken);
        border-radius: 999px;
        padding: 0 8px;
      }
      .kind-damage,
      .kind-missing {
        background: var(--kk-danger-soft);
        color: var(--kk-danger);
      }
      .description {
        margin: 0 0 8px;
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
      .contact {
        font-size: var(--kk-text-s);
        overflow-wrap: anywhere;
      }
      .outcome {
        margin: 8px 0 0;
        font-size: var(--kk-text-s);
        color: var(--kk-success);
      }
      .actions,
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: var(--kk-space-2);
        justify-content: flex-end;
      }
      label.native select {
        max-width: 320px;
      }
      .handle {
        border-top: 1px solid var(--kk-border);
        padding-top: var(--kk-space-3);
        gap: var(--kk-space-3);
      }
      .label {
        display: block;
        font-weight: 500;
        margin-bottom: 6px;
      }
      .grades,
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
      }
      .chip {
        font: inherit;
        font-size: var(--kk-text-s);
        border: 1px solid var(--kk-border-strong);
        background: var(--kk-surface);
        color: var(--kk-text);
        border-radius: 999px;
        padding: 4px 12px;
        min-height: 32px;
        cursor: pointer;
      }
      .chip[aria-pressed='true'] {
        background: var(--kk-brand);
        border-color: var(--kk-brand);
        color: #fff;
      }
      .chip:focus-visible {
        outline: 2px solid var(--kk-focus);
        outline-offset: 2px;
      }
      @media (max-width: 600px) {
        .top {
          grid-template-columns: 72px minmax(0, 1fr);
          gap: var(--kk-space-3);
        }
        .photo img,
        .photo.none {
          width: 72px;
          height: 72px;
        }
        .actions wa-button,
        .buttons wa-button {
          flex: 1;
        }
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-damage-report-card': KkDamageReportCard;
  }
  interface HTMLElementEventMap {
    'kk-report-handled': ReportHandledEvent;
  }
}
