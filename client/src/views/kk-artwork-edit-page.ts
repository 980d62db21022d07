// /works/:id/edit — the catalogue form: validated as you type with the server's own schema,
// server errors at their field, a warning before unsaved changes are lost, and on a 412 the
// conflict view (their change next to yours) instead of an overwrite.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import '@awesome.me/webawesome/dist/components/button/button.js';
import { ApiError, ConflictError } from '../api/client.js';
import { errorMessage, fieldErrorsOf } from '../api/error-messages.js';
import { getArtwork, updateArtwork, type ArtworkDetail, type ArtworkRecord } from '../api/artworks.js';
import { fieldLabel } from '../i18n/field-labels.js';
import { ACQUISITION_METHODS, MOUNTINGS, OBJECT_TYPES, acquisitionLabel, artistRoleLabel, mountingLabel, objectTypeLabel } from '../i18n/labels.js';
import { formatDateTime } from '../i18n/format.js';
import { changesOf, EDITABLE_KEYS, FORM_GROUPS, parseValue, toDraft, validate, type Draft, type EditableKey } from '../lib/artwork-form.js';
import { navigate, setLeaveGuard } from '../router.js';
import { toast } from '../lib/toast.js';
import { pageStyles } from '../styles/shared.js';
import '../components/kk-field.js';
import '../components/kk-conflict-view.js';
import type { Choice, ConflictRow } from '../components/kk-conflict-view.js';
import '../components/kk-artist-editor.js';
import type { ArtistsChangeEvent, EditorArtist } from '../components/kk-artist-editor.js';

const toEditorArtists = (w: ArtworkDetail): EditorArtist[] => w.artists.map((a) => ({ id: a.id, name: a.name, role: a.role, birthYear: a.birthYear, deathYear: a.deathYear }));
const artistsKey = (list: EditorArtist[]) => JSON.stringify(list.map((a) => [a.id, a.role]));
const showArtists = (list: EditorArtist[]) => (list.length ? list.map((a) => (a.role === 'artist' ? a.name : `${a.name} (${artistRoleLabel(a.role)})`)).join(', ') : '–');

@localized()
@customElement('kk-artwork-edit-page')
export class KkArtworkEditPage extends LitElement {
  @property({ attribute: false }) params: { id?: string } = {};

  @state() private _work: ArtworkDetail | null = null;
  @state() private _loadError: ApiError | Error | null = null;
  /** The values of the version being edited, and its version number (If-Match). */
  @state() private _base: Draft = {};
  @state() private _version = 0;
  @state() private _draft: Draft = {};
  /** The artists (ordered, with role) as loaded, and as edited: sent only when they differ. */
  @state() private _baseArtists: EditorArtist[] = [];
  @state() private _artists: EditorArtist[] = [];
  @state() private _touched = new Set<string>();
  @state() private _serverErrors: Record<string, string> = {};
  @state() private _saving = false;
  @state() private _conflict: { current: ArtworkRecord; rows: ConflictRow[]; theirArtists: EditorArtist[] } | null = null;
  @state() private _submitted = false;
  private _loadedId = '';

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this._beforeUnload);
    setLeaveGuard(() => !this._dirty || confirm(msg('You have unsaved changes. Leave without saving?')));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this._beforeUnload);
    setLeaveGuard(null);
  }

  private _beforeUnload = (e: BeforeUnloadEvent): void => {
    if (this._dirty) e.preventDefault();
  };

  private get _dirty(): boolean {
    return Object.keys(this._changes()).length > 0;
  }

  /** The PATCH body: changed fields, and the whole artist list when it changed. */
  private _changes(): Record<string, unknown> {
    const changes = changesOf(this._draft, this._base);
    if (artistsKey(this._artists) !== artistsKey(this._baseArtists)) changes.artists = this._artists.map((a) => ({ artistId: a.id, role: a.role }));
    return changes;
  }

  override willUpdate(): void {
    if (this.params.id && this.params.id !== this._loadedId) {
      this._loadedId = this.params.id;
      void this._load();
    }
  }

  private async _load(): Promise<void> {
    try {
      const w = await getArtwork(Number(this.params.id));
      this._work = w;
      this._base = toDraft(w);
      this._draft = { ...this._base };
      this._baseArtists = toEditorArtists(w);
      this._artists = this._baseArtists;
      this._version = w.version;
      this._conflict = null;
      this._touched = new Set();
      document.title = `${msg('Edit')}: ${w.title} · Konstkoll`;
    } catch (e) {
      this._loadError = e as Error;
    }
  }

  private get _clientErrors(): Record<string, string> {
    return validate(this._changes());
  }

  private _onInput(e: CustomEvent<{ key: string; value: string | boolean }>): void {
    const key = e.detail.key as EditableKey;
    this._draft = { ...this._draft, [key]: e.detail.value };
    this._touched = new Set(this._touched).add(key);
    if (this._serverErrors[key]) {
      const { [key]: _gone, ...rest } = this._serverErrors;
      this._serverErrors = rest;
    }
  }

  private _onArtists(e: ArtistsChangeEvent): void {
    this._artists = e.detail.artists;
    this._touched = new Set(this._touched).add('artists');
    const { artists: _gone, ...rest } = this._serverErrors;
    this._serverErrors = Object.fromEntries(Object.entries(rest).filter(([k]) => !k.startsWith('artists.')));
  }

  private async _save(e?: Event): Promise<void> {
    e?.preventDefault();
    this._submitted = true;
    const changes = this._changes();
    const errors = validate(changes);
    if (Object.keys(errors).length) {
      await this.updateComplete;
      const first = Object.keys(errors)[0]!;
      this.renderRoot.querySelector<HTMLElement>(first.startsWith('artists') ? 'kk-artist-editor' : `kk-field[key="${first}"]`)?.focus();
      return;
    }
    if (!Object.keys(changes).length) {
      navigate(`/works/${this.params.id}`);
      return;
    }
    this._saving = true;
    try {
      await updateArtwork(Number(this.params.id), this._version, changes);
      this._base = { ...this._draft };
      this._baseArtists = this._artists;
      setLeaveGuard(null);
      void toast(msg('Saved'));
      navigate(`/works/${this.params.id}`);
    } catch (err) {
      if (err instanceof ConflictError) await this._showConflict(err.current as ArtworkRecord);
      else if (err instanceof ApiError) {
        const fields = fieldErrorsOf(err);
        this._serverErrors = { ...fields, ...(Object.keys(fields).length ? {} : { _: errorMessage(err) }) };
      } else this._serverErrors = { _: msg('Could not reach the server. Your changes are still here; try again.') };
    } finally {
      this._saving = false;
    }
  }

  private async _showConflict(current: ArtworkRecord): Promise<void> {
    const theirs = toDraft(current);
    const rows: ConflictRow[] = [];
    // The 412 body is the bare record; their artist list comes with the detail view.
    const theirArtists = toEditorArtists(await getArtwork(current.id).catch(() => ({ artists: [] }) as unknown as ArtworkDetail));
    const mineChanged = artistsKey(this._artists) !== artistsKey(this._baseArtists);
    const theirsChanged = artistsKey(theirArtists) !== artistsKey(this._baseArtists);
    if ((mineChanged || theirsChanged) && artistsKey(this._artists) !== artistsKey(theirArtists))
      rows.push({ key: 'artists', label: fieldLabel('artists'), base: showArtists(this._baseArtists), theirs: showArtists(theirArtists), mine: showArtists(this._artists), clash: mineChanged && theirsChanged, changedByMe: mineChanged });
    for (const k of EDITABLE_KEYS) {
      const base = parseValue(k, this._base[k]);
      const mine = parseValue(k, this._draft[k]);
      const their = parseValue(k, theirs[k]);
      const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
      const mineChanged = !same(mine, base);
      const theirsChanged = !same(their, base);
      if (!mineChanged && !theirsChanged) continue;
      if (same(mine, their)) continue;
      rows.push({ key: k, label: this._label(k), base: this._show(k, this._base[k]), theirs: this._show(k, theirs[k]), mine: this._show(k, this._draft[k]), clash: mineChanged && theirsChanged, changedByMe: mineChanged });
    }
    this._conflict = { current, rows, theirArtists };
    void this.updateComplete.then(() => this.renderRoot.querySelector('kk-conflict-view')?.scrollIntoView({ block: 'start' }));
  }

  private _show(k: EditableKey, v: string | boolean | undefined): string {
    if (typeof v === 'boolean') return v ? msg('Yes') : msg('No');
    if (!v) return '–';
    if (k === 'objectType') return objectTypeLabel(v);
    if (k === 'mounting') return mountingLabel(v);
    if (k === 'acquisitionMethod') return acquisitionLabel(v);
    return v;
  }

  private async _merge(e: CustomEvent<{ choices: Record<string, Choice> }>): Promise<void> {
    const current = this._conflict!.current;
    const theirs = toDraft(current);
    const merged: Draft = { ...theirs };
    const theirArtists = this._conflict!.theirArtists;
    const artists = e.detail.choices.artists === 'mine' ? this._artists : theirArtists;
    for (const row of this._conflict!.rows) {
      if (row.key === 'artists') continue;
      const k = row.key as EditableKey;
      merged[k] = e.detail.choices[k] === 'mine' ? this._draft[k] : theirs[k];
    }
    // From now on "their" version is the base: save the merge against it.
    this._base = theirs;
    this._version = current.version;
    this._draft = merged;
    this._baseArtists = theirArtists;
    this._artists = artists;
    this._conflict = null;
    await this._save();
  }

  private _discard(): void {
    this._draft = { ...this._base };
    void this._load();
  }

  private _label(k: EditableKey): string {
    if (k === 'acquisitionPrice') return msg('Price (kr)');
    if (k === 'insuranceValue') return msg('Insurance value (kr)');
    return fieldLabel(k);
  }

  private _options(k: EditableKey): [string, string][] {
    if (k === 'objectType') return OBJECT_TYPES.map((t) => [t, objectTypeLabel(t)]);
    if (k === 'mounting') return MOUNTINGS.map((t) => [t, mountingLabel(t)]);
    if (k === 'acquisitionMethod') return ACQUISITION_METHODS.map((t) => [t, acquisitionLabel(t)]);
    return [];
  }

  private _groupTitle(id: string): string {
    switch (id) {
      case 'identification': return msg('Identification');
      case 'object': return msg('Object');
      case 'placement': return msg('Placement and safety');
      case 'acquisition': return msg('Acquisition');
      case 'public': return msg('Public art guide');
      default: return msg('Internal');
    }
  }

  override render() {
    if (this._loadError) {
      const status = (this._loadError as ApiError).status;
      return html`<div class="state"><strong>${status === 404 ? msg('No such work') : msg('The work could not be loaded')}</strong><a href="/">${msg('Go to search')}</a></div>`;
    }
    const w = this._work;
    if (!w) return html`<p class="state" role="status">${msg('Loading…')}</p>`;
    const clientErrors = this._clientErrors;
    const errorOf = (k: string) => this._serverErrors[k] ?? (this._submitted || this._touched.has(k) ? clientErrors[k] : undefined) ?? '';
    const errorCount = Object.keys({ ...clientErrors, ...this._serverErrors }).filter((k) => k !== '_').length;
    const dirty = this._dirty;
    return html`
      <nav class="crumbs" aria-label=${msg('Breadcrumbs')}><a href="/search">${msg('Search')}</a> <span aria-hidden="true">/</span> <a href="/works/${w.id}">${w.inventoryNumber}</a> <span aria-hidden="true">/</span> <span>${msg('Edit')}</span></nav>
      <h1>${msg(str`Edit ${w.title}`)}</h1>
      <p class="muted">${msg(str`Version ${this._version}, last changed ${formatDateTime(w.updatedAt)}.`)}</p>
      ${this._conflict
        ? html`<kk-conflict-view .rows=${this._conflict.rows} changedBy=${msg(str`Saved version ${this._conflict.current.version}, ${formatDateTime(this._conflict.current.updatedAt)}`)} ?busy=${this._saving} @kk-conflict-resolve=${this._merge} @kk-conflict-discard=${this._discard}></kk-conflict-view>`
        : nothing}
      <form @submit=${this._save} @kk-field-input=${this._onInput} novalidate>
        <kk-artist-editor .artists=${this._artists} error=${errorOf('artists') || Object.entries(this._serverErrors).find(([k]) => k.startsWith('artists.'))?.[1] || ''}
          @kk-artists-change=${this._onArtists}></kk-artist-editor>
        ${FORM_GROUPS.map(
          (g) => html`<fieldset>
            <legend>${this._groupTitle(g.id)}</legend>
            <div class="grid">
              ${g.fields.map(
                (f) => html`<kk-field
                  class=${f.kind === 'textarea' ? 'wide' : ''}
                  key=${f.key}
                  kind=${f.kind}
                  label=${this._label(f.key)}
                  .value=${this._draft[f.key] ?? ''}
                  .options=${this._options(f.key)}
                  error=${errorOf(f.key)}
                  ?required=${!!f.required}
                  maxlength=${f.maxlength ?? nothing}
                ></kk-field>`,
              )}
            </div>
          </fieldset>`,
        )}
        <div class="bar" role="region" aria-label=${msg('Save')}>
          ${this._serverErrors._ ? html`<p class="error-box" role="alert">${this._serverErrors._}</p>` : nothing}
          <span class="status" aria-live="polite">
            ${this._submitted && errorCount ? msg(str`${errorCount} field(s) need attention`) : dirty ? msg('Unsaved changes') : msg('No changes')}
          </span>
          <a class="cancel" href="/works/${w.id}">${msg('Cancel')}</a>
          <wa-button type="submit" variant="brand" ?loading=${this._saving} ?disabled=${!!this._conflict}>${msg('Save')}</wa-button>
        </div>
      </form>
    `;
  }

  static override styles = [
    pageStyles,
    css`
      :host {
        max-width: 1040px;
      }
      .crumbs {
        font-size: var(--kk-text-s);
        color: var(--kk-text-muted);
        margin-bottom: var(--kk-space-3);
      }
      kk-conflict-view {
        margin: var(--kk-space-4) 0;
        scroll-margin-top: calc(var(--kk-header-h) + 56px);
      }
      form {
        display: flex;
        flex-direction: column;
        gap: var(--kk-space-4);
        margin-top: var(--kk-space-4);
      }
      fieldset {
        border: 1px solid var(--kk-border);
        border-radius: var(--kk-radius-lg);
        background: var(--kk-surface);
        padding: var(--kk-space-4) var(--kk-space-5) var(--kk-space-5);
        margin: 0;
      }
      legend {
        font-weight: 650;
        padding: 0 6px;
        margin-left: -6px;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
        gap: var(--kk-space-4);
        align-items: start;
      }
      kk-field.wide {
        grid-column: 1 / -1;
      }
      .bar {
        position: sticky;
        bottom: 0;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--kk-space-3);
        padding: var(--kk-space-3) var(--kk-space-4);
        background: var(--kk-surface);
        border: 1px solid var(--kk-border);
        border-radius: var(--kk-radius-lg);
        box-shadow: 0 -2px 8px rgb(16 24 40 / 6%);
      }
      .bar .error-box {
        flex-basis: 100%;
        margin: 0;
      }
      .status {
        color: var(--kk-text-muted);
        margin-right: auto;
      }
      .cancel {
        padding: 6px 10px;
      }
      @media (max-width: 600px) {
        fieldset {
          padding: var(--kk-space-3);
        }
        .grid {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-artwork-edit-page': KkArtworkEditPage;
  }
}
