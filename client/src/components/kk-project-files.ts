// <kk-project-files>: a project's documents and sketches (through the media store), with upload.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { ApiError } from '../api/client.js';
import { uploadFile } from '../api/media.js';
import { listFiles } from '../api/projects.js';
import { formatBytes, formatDate } from '../i18n/format.js';

@localized()
@customElement('kk-project-files')
export class KkProjectFiles extends LitElement {
  @property({ type: Number }) projectId = 0;
  @property({ type: Boolean }) canEdit = false;
  @state() private _role: 'document' | 'sketch' = 'document';
  @state() private _progress = '';
  @state() private _error = '';
  @state() private _reload = 0;

  private _files = new Task(this, {
    task: ([id], { signal }) => listFiles('project', id, signal),
    args: () => [this.projectId, this._reload] as const,
  });

  private async _upload(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    this._error = '';
    for (const file of files) {
      try {
        await uploadFile('project', this.projectId, this._role, file, (done, total) => (this._progress = total ? msg(str`${file.name}: ${Math.round((done / total) * 100)} %`) : file.name));
      } catch (err) {
        this._error = err instanceof ApiError ? err.message : msg('The upload failed.');
      }
    }
    this._progress = '';
    input.value = '';
    this._reload++;
  }

  override render() {
    return html`
      ${this._files.render({
        pending: () => html`<p class="muted">${msg('Loading…')}</p>`,
        error: () => html`<p class="error">${msg('The files could not be loaded.')}</p>`,
        complete: (items) =>
          items.length
            ? html`<ul>
                ${items.map(
                  (f) => html`<li>
                    ${f.urls.thumb ? html`<img src=${f.urls.thumb} alt="" width="48" height="48" loading="lazy" />` : html`<span class="doc" aria-hidden="true">PDF</span>`}
                    <a href=${f.urls.original} target="_blank" rel="noopener">${f.caption ?? f.originalName ?? msg('File')}</a>
                    <span class="muted">${f.role === 'sketch' ? msg('Sketch') : msg('Document')} · ${formatBytes(f.bytes)} · ${formatDate(f.createdAt)}</span>
                  </li>`,
                )}
              </ul>`
            : html`<p class="muted">${msg('No documents or sketches yet.')}</p>`,
      })}
      ${this.canEdit
        ? html`<div class="upload">
            <label>${msg('Add as')}
              <select @change=${(e: Event) => (this._role = (e.target as HTMLSelectElement).value as 'document' | 'sketch')}>
                <option value="document">${msg('Document')}</option>
                <option value="sketch">${msg('Sketch')}</option>
              </select>
            </label>
            <label class="file">${msg('Choose files…')}<input type="file" multiple accept="image/*,application/pdf" @change=${this._upload} /></label>
            ${this._progress ? html`<span role="status">${this._progress}</span>` : nothing}
          </div>`
        : nothing}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
    `;
  }

  static override styles = css`
    :host {
      display: block;
      font-size: var(--kk-text-s);
    }
    ul {
      list-style: none;
      margin: 0 0 var(--kk-space-3);
      padding: 0;
    }
    li {
      display: flex;
      align-items: center;
      gap: var(--kk-space-3);
      flex-wrap: wrap;
      padding: var(--kk-space-2) 0;
      border-bottom: 1px solid var(--kk-border);
    }
    img,
    .doc {
      width: 48px;
      height: 48px;
      border-radius: 4px;
      object-fit: cover;
      flex: none;
    }
    .doc {
      display: grid;
      place-items: center;
      background: var(--kk-surface-sunken);
      font-weight: 700;
      font-size: var(--kk-text-xs);
    }
    .upload {
      display: flex;
      gap: var(--kk-space-3);
      align-items: end;
      flex-wrap: wrap;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 4px;
      font-weight: 500;
    }
    select {
      font: inherit;
      height: 34px;
      border: 1px solid var(--kk-border-strong);
      border-radius: var(--kk-radius);
      background: var(--kk-surface);
      color: var(--kk-text);
    }
    .file {
      display: inline-flex;
      min-height: 34px;
      justify-content: center;
      padding: 0 12px;
      border: 1px solid var(--kk-border-strong);
      border-radius: var(--kk-radius);
      cursor: pointer;
    }
    .file:focus-within {
      outline: 2px solid var(--kk-focus);
      outline-offset: 2px;
    }
    .file input {
      position: absolute;
      width: 1px;
      height: 1px;
      opacity: 0;
    }
    .muted {
      color: var(--kk-text-muted);
    }
    .error {
      color: var(--kk-danger);
    }
    a {
      color: var(--kk-link);
    }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-project-files': KkProjectFiles;
  }
}
