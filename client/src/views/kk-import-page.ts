// /import — bring a catalogue in from CSV: upload → check the column mapping (suggested from the headers) →
// dry run with every row error → commit with progress → undo while nothing has changed since.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { ApiError } from '../api/client.js';
import {
  IMPORT_FIELDS, commitImport, dryRun, errorsCsvUrl, listProfiles, undoImport, uploadImport, withProgress,
  type CommitResult, type ImportField, type ImportReport, type Mapping, type Profile, type UploadResult,
} from '../api/imports.js';
import { formatNumber } from '../i18n/format.js';
import { pageStyles } from '../styles/shared.js';

type Step = 'upload' | 'mapping' | 'report' | 'done';

/** The label of each import field, as the curator knows it. */
function fieldLabel(f: ImportField): string {
  const labels: Record<ImportField, () => string> = {
    inventoryNumber: () => msg('Inventory number'), title: () => msg('Title'), artists: () => msg('Artists'), objectType: () => msg('Object type'),
    technique: () => msg('Technique'), materials: () => msg('Materials'), heightCm: () => msg('Height (cm)'), widthCm: () => msg('Width (cm)'),
    depthCm: () => msg('Depth (cm)'), weightKg: () => msg('Weight (kg)'), datingText: () => msg('Dating'), yearFrom: () => msg('Year from'),
    yearTo: () => msg('Year to'), signed: () => msg('Signed'), inscription: () => msg('Inscription'), description: () => msg('Description'),
    acquisitionMethod: () => msg('Acquisition method'), acquisitionDate: () => msg('Acquisition date'), acquisitionPrice: () => msg('Purchase price (SEK)'),
    acquisitionSource: () => msg('Acquired from'), acquisitionRef: () => msg('Case number'), insuranceValue: () => msg('Insurance value (SEK)'),
    copyright: () => msg('Copyright'), status: () => msg('Status'), statusNote: () => msg('Status note'), deaccessionDate: () => msg('Deaccession date'),
    deaccessionRef: () => msg('Deaccession decision'), deaccessionReason: () => msg('Deaccession reason'), location: () => msg('Location (code or path)'),
    locationCode: () => msg('Location code'), mounting: () => msg('Mounting'), fixedInBuilding: () => msg('Fixed in the building'),
    antiTheftFixing: () => msg('Anti-theft fixing'), glazed: () => msg('Glazed'), cleanable: () => msg('Cleanable'), psychiatrySafe: () => msg('Suitable for psychiatric care'),
    fireClass: () => msg('Fire class'), ownershipUnclear: () => msg('Ownership unclear'), acquisitionDataMissing: () => msg('Acquisition data missing'),
    dimensionsUnknown: () => msg('Dimensions unknown'), isPublic: () => msg('Public'), publicTextSv: () => msg('Public text (Swedish)'),
    publicTextEn: () => msg('Public text (English)'), internalNote: () => msg('Internal note'), checkIntervalMonths: () => msg('Check interval (months)'),
  };
  return labels[f]();
}

@localized()
@customElement('kk-import-page')
export class KkImportPage extends LitElement {
  @state() private _step: Step = 'upload';
  @state() private _upload: UploadResult | null = null;
  @state() private _mapping: Mapping = {};
  @state() private _profiles: Profile[] = [];
  @state() private _profileName = '';
  @state() private _report: ImportReport | null = null;
  @state() private _result: CommitResult | null = null;
  @state() private _skipErrors = false;
  @state() private _busy: string | null = null;
  @state() private _progress: number | null = null;
  @state() private _rows = 0;
  @state() private _error: string | null = null;
  @state() private _undone: { removed: number; restored: number } | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    document.title = `${msg('Import')} · Konstkoll`;
    listProfiles().then((p) => (this._profiles = p), () => undefined);
  }

  private async _act<T>(label: string, fn: () => Promise<T>): Promise<T | undefined> {
    this._busy = label;
    this._error = null;
    try {
      return await fn();
    } catch (e) {
      this._error = e instanceof ApiError ? [e.message, ...(e.problem.errors ?? []).slice(0, 10).map((x) => `${x.path}: ${x.message}`)].join(' — ') : msg('Something went wrong; check your connection and try again.');
      return undefined;
    } finally {
      this._busy = null;
      this._progress = null;
    }
  }

  private async _onFile(e: Event): Promise<void> {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const up = await this._act(msg('Uploading…'), () => uploadImport(file, (loaded, total) => (this._progress = total ? loaded / total : null)));
    if (!up) return;
    this._upload = up;
    this._mapping = { ...up.suggestedMapping };
    this._profileName = up.suggestedProfile ?? '';
    this._step = 'mapping';
  }

  private _setField(column: string, field: string): void {
    const next: Mapping = { ...this._mapping };
    // A field comes from one column: choosing it here frees it elsewhere.
    if (field) for (const c of Object.keys(next)) if (next[c] === field) next[c] = '';
    next[column] = field as ImportField | '';
    this._mapping = next;
  }

  private _applyProfile(name: string): void {
    const p = this._profiles.find((x) => x.name === name);
    if (!p || !this._upload) return;
    this._mapping = Object.fromEntries(this._upload.columns.map((c) => [c, p.mapping[c] ?? ''])) as Mapping;
    this._profileName = p.name;
  }

  private async _dryRun(): Promise<void> {
    const id = this._upload!.id;
    const report = await this._act(msg('Checking every row…'), () => withProgress(id, () => dryRun(id, this._mapping, this._profileName.trim() || undefined), (f, rows) => ((this._progress = f), (this._rows = rows))));
    if (!report) return;
    this._report = report;
    this._skipErrors = false;
    this._step = 'report';
  }

  private async _commit(): Promise<void> {
    const id = this._upload!.id;
    const result = await this._act(msg('Importing…'), () => withProgress(id, () => commitImport(id, this._skipErrors), (f, rows) => ((this._progress = f), (this._rows = rows))));
    if (!result) return;
    this._result = result;
    this._step = 'done';
  }

  private async _undo(): Promise<void> {
    if (!confirm(msg('Undo the whole import? Works it created are removed and changed works get their previous values back.'))) return;
    const out = await this._act(msg('Undoing…'), () => undoImport(this._upload!.id));
    if (out) this._undone = { removed: out.removed, restored: out.restored };
  }

  private _restart(): void {
    Object.assign(this, { _step: 'upload', _upload: null, _report: null, _result: null, _undone: null, _error: null, _mapping: {} });
  }

  override render() {
    const steps: [Step, string][] = [['upload', msg('File')], ['mapping', msg('Columns')], ['report', msg('Dry run')], ['done', msg('Imported')]];
    return html`
      <h1>${msg('Import')}</h1>
      <p class="muted">${msg('Bring works in from a CSV file (UTF-8 or Swedish Excel, comma, semicolon or tab). Nothing is written until you have seen the dry run; works are matched by inventory number, so importing the same file twice changes nothing.')}</p>
      <ol class="steps">${steps.map(([s, label]) => html`<li aria-current=${s === this._step ? 'step' : 'false'}>${label}</li>`)}</ol>
      ${this._error ? html`<div class="error-box" role="alert">${this._error}</div>` : nothing}
      ${this._busy
        ? html`<div class="busy" role="status">
            ${this._busy}
            <progress max="1" .value=${this._progress ?? undefined} aria-label=${this._busy}></progress>
            ${this._rows ? html`<span class="muted">${msg(str`${formatNumber(this._rows)} rows`)}</span>` : nothing}
          </div>`
        : nothing}
      ${this._step === 'upload' ? this._uploadStep() : this._step === 'mapping' ? this._mappingStep() : this._step === 'report' ? this._reportStep() : this._doneStep()}
    `;
  }

  private _uploadStep() {
    return html`<label class="file card">
      <span>${msg('Choose a CSV file')}</span>
      <input type="file" accept=".csv,.txt,text/csv" ?disabled=${!!this._busy} @change=${this._onFile} />
    </label>`;
  }

  private _mappingStep() {
    const up = this._upload!;
    const enc = up.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252';
    const sep = up.delimiter === '\t' ? msg('tab') : up.delimiter;
    return html`
      <p>${msg(str`${up.fileName}: ${enc}, separated by ${sep}, ${up.columns.length} columns.`)}</p>
      ${up.previousImports.length ? html`<p class="warn" role="note">${msg('This exact file has been imported before; a second import changes nothing.')}</p>` : nothing}
      <div class="row">
        ${this._profiles.length
          ? html`<label>${msg('Saved mapping')}
              <select @change=${(e: Event) => this._applyProfile((e.target as HTMLSelectElement).value)}>
                <option value="">—</option>
                ${this._profiles.map((p) => html`<option value=${p.name} ?selected=${p.name === this._profileName}>${p.name}</option>`)}
              </select></label>`
          : nothing}
        <label>${msg('Save this mapping as')}
          <input .value=${this._profileName} maxlength="100" @input=${(e: Event) => (this._profileName = (e.target as HTMLInputElement).value)} /></label>
      </div>
      <table>
        <caption class="visually-hidden">${msg('Columns of the file and what they are imported as')}</caption>
        <thead><tr><th scope="col">${msg('Column')}</th><th scope="col">${msg('First values')}</th><th scope="col">${msg('Imported as')}</th></tr></thead>
        <tbody>
          ${up.columns.map(
            (c, i) => html`<tr>
              <th scope="row">${c}</th>
              <td class="sample">${up.sample.slice(0, 3).map((r) => r[i]).filter(Boolean).join(' · ')}</td>
              <td><select aria-label=${msg(str`Import column ${c} as`)} @change=${(e: Event) => this._setField(c, (e.target as HTMLSelectElement).value)}>
                <option value="" ?selected=${!this._mapping[c]}>${msg('(ignore)')}</option>
                ${IMPORT_FIELDS.map((f) => html`<option value=${f} ?selected=${this._mapping[c] === f}>${fieldLabel(f)}</option>`)}
              </select></td>
            </tr>`,
          )}
        </tbody>
      </table>
      <div class="actions">
        <button type="button" class="primary" ?disabled=${!!this._busy || !Object.values(this._mapping).includes('inventoryNumber')} @click=${this._dryRun}>${msg('Dry run')}</button>
        <button type="button" @click=${this._restart}>${msg('Another file')}</button>
      </div>
    `;
  }

  private _counts(r: { new: number; updated: number; unchanged: number }) {
    return html`<ul class="counts">
      <li><strong>${formatNumber(r.new)}</strong> ${msg('new')}</li>
      <li><strong>${formatNumber(r.updated)}</strong> ${msg('updated')}</li>
      <li><strong>${formatNumber(r.unchanged)}</strong> ${msg('unchanged')}</li>
    </ul>`;
  }

  private _reportStep() {
    const r = this._report!;
    const canCommit = !r.fatal && (r.errorCount === 0 || this._skipErrors) && r.new + r.updated > 0;
    return html`
      <h2>${msg(str`Dry run: ${formatNumber(r.rows)} rows`)}</h2>
      ${this._counts(r)}
      ${r.artistsToCreate || r.locationsToCreate
        ? html`<p>${msg(str`New authority records: ${formatNumber(r.artistsToCreate)} artists; ${formatNumber(r.locationsToCreate)} unknown places go under “Oplacerat (import)”.`)}</p>`
        : nothing}
      ${r.errorCount
        ? html`<h3>${msg(str`${formatNumber(r.errorCount)} errors in ${formatNumber(r.errorRows)} rows`)}</h3>
            ${r.fatal ? html`<p class="error-box" role="alert">${msg('The file is broken at the row below; fix it and upload it again.')}</p>` : nothing}
            <table class="errors">
              <thead><tr><th scope="col">${msg('Row')}</th><th scope="col">${msg('Column')}</th><th scope="col">${msg('Value')}</th><th scope="col">${msg('Problem')}</th></tr></thead>
              <tbody>${r.errors.slice(0, 200).map((e) => html`<tr><td>${e.row}</td><td>${e.column ?? '—'}</td><td>${e.value ?? ''}</td><td>${e.message}</td></tr>`)}</tbody>
            </table>
            <p><a href=${errorsCsvUrl(this._upload!.id)} download>${msg('Download every error as CSV')}</a></p>
            ${r.fatal
              ? nothing
              : html`<label class="check"><input type="checkbox" .checked=${this._skipErrors} @change=${(e: Event) => (this._skipErrors = (e.target as HTMLInputElement).checked)} />
                  ${msg('Import the valid rows and skip the rows with errors')}</label>`}`
        : html`<p>${msg('No errors.')}</p>`}
      <div class="actions">
        <button type="button" class="primary" ?disabled=${!canCommit || !!this._busy} @click=${this._commit}>${msg('Import now')}</button>
        <button type="button" ?disabled=${!!this._busy} @click=${() => (this._step = 'mapping')}>${msg('Change the mapping')}</button>
      </div>
    `;
  }

  private _doneStep() {
    const r = this._result!;
    return html`
      <h2>${msg('Imported')}</h2>
      ${this._counts(r)}
      ${r.skippedRows ? html`<p>${msg(str`${formatNumber(r.skippedRows)} rows with errors were skipped.`)}</p>` : nothing}
      ${this._undone
        ? html`<p role="status">${msg(str`Undone: ${formatNumber(this._undone.removed)} works removed, ${formatNumber(this._undone.restored)} restored.`)}</p>`
        : html`<p class="muted">${msg('The import can be undone as a whole while none of its works has been changed since.')}</p>
            <button type="button" ?disabled=${!!this._busy || r.new + r.updated === 0} @click=${this._undo}>${msg('Undo the import')}</button>`}
      <div class="actions"><button type="button" @click=${this._restart}>${msg('Import another file')}</button></div>
    `;
  }

  static override styles = [
    pageStyles,
    css`
      .steps { display: flex; gap: var(--kk-space-3); list-style: none; padding: 0; margin: var(--kk-space-3) 0; counter-reset: step; }
      .steps li { counter-increment: step; color: var(--kk-text-muted); }
      .steps li::before { content: counter(step) '. '; }
      .steps li[aria-current='step'] { color: var(--kk-text); font-weight: 600; }
      .file { display: flex; flex-direction: column; gap: var(--kk-space-2); max-width: 32rem; }
      .busy { display: flex; align-items: center; gap: var(--kk-space-3); margin: var(--kk-space-3) 0; }
      progress { flex: 1; max-width: 24rem; }
      .row, .actions { display: flex; flex-wrap: wrap; gap: var(--kk-space-3); margin: var(--kk-space-3) 0; align-items: end; }
      label { display: flex; flex-direction: column; gap: var(--kk-space-1); }
      label.check { flex-direction: row; align-items: center; }
      table { border-collapse: collapse; width: 100%; margin: var(--kk-space-3) 0; }
      th, td { text-align: left; padding: var(--kk-space-1) var(--kk-space-2); border-bottom: 1px solid var(--kk-border); vertical-align: top; }
      td.sample { color: var(--kk-text-muted); max-width: 24rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      .counts { display: flex; gap: var(--kk-space-5); list-style: none; padding: 0; }
      .counts strong { font-size: var(--kk-text-xl); display: block; }
      .warn { border-left: 3px solid var(--kk-warning, #b26b00); padding-left: var(--kk-space-3); }
      button.primary { font-weight: 600; }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-import-page': KkImportPage;
  }
}
