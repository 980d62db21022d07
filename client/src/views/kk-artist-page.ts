// /artists/:id — an artist's authority record and their works.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { ApiError } from '../api/client.js';
import { getArtist, type Artist } from '../api/artists.js';
import { pageStyles } from '../styles/shared.js';
import '../components/kk-works-panel.js';
import { loadingState, loadFailedState, notFoundState } from '../components/load-states.js';

@localized()
@customElement('kk-artist-page')
export class KkArtistPage extends LitElement {
  @property({ attribute: false }) params: { id?: string } = {};

  private _artist = new Task(this, {
    task: async ([id], { signal }) => {
      const a = await getArtist(Number(id), signal);
      document.title = `${a.name} · Konstkoll`;
      return a;
    },
    args: () => [this.params.id] as const,
  });

  override render() {
    return this._artist.render({
      pending: () => loadingState(),
      error: (e) =>
        (e as ApiError).status === 404
          ? notFoundState(msg('No such artist'), '/', msg('Go to search'))
          : loadFailedState(msg('The artist could not be loaded')),
      complete: (a) => this._page(a),
    });
  }

  private _life(a: Artist): string {
    if (a.birthYear && a.deathYear) return `${a.birthYear}–${a.deathYear}`;
    if (a.birthYear) return msg(str`born ${a.birthYear}`);
    if (a.deathYear) return msg(str`died ${a.deathYear}`);
    return '';
  }

  private _page(a: Artist) {
    const ids: [string, string | null, string][] = [
      ['KulturNav', a.kulturnavId, `https://kulturnav.org/${a.kulturnavId}`],
      ['Wikidata', a.wikidataId, `https://www.wikidata.org/wiki/${a.wikidataId}`],
      ['ULAN', a.ulanId, `https://vocab.getty.edu/page/ulan/${a.ulanId}`],
    ];
    const life = this._life(a);
    return html`
      <nav class="crumbs" aria-label=${msg('Breadcrumbs')}><a href="/search">${msg('Search')}</a> <span aria-hidden="true">/</span> <span>${msg('Artist')}</span></nav>
      <header class="card">
        <h1>${a.name}</h1>
        <p class="muted">${[life, a.nationality].filter(Boolean).join(' · ')}</p>
        <dl class="fields">
          <dt>${msg('Sort name')}</dt><dd>${a.sortName}</dd>
          ${a.copyrightHolder ? html`<dt>${msg('Copyright holder')}</dt><dd>${a.copyrightHolder}</dd>` : nothing}
          ${a.copyrightRepresentation ? html`<dt>${msg('Copyright representation')}</dt><dd>${a.copyrightRepresentation}</dd>` : nothing}
          ${ids.some(([, v]) => v)
            ? html`<dt>${msg('Authority records')}</dt><dd>${ids.filter(([, v]) => v).map(([name, , href], i) => html`${i ? ' · ' : ''}<a href=${href} target="_blank" rel="noopener" data-external>${name}</a>`)}</dd>`
            : nothing}
          ${a.note ? html`<dt>${msg('Note')}</dt><dd>${a.note}</dd>` : nothing}
        </dl>
      </header>
      <kk-works-panel .filter=${{ artist: [String(a.id)] }} heading=${msg('Works')}></kk-works-panel>
    `;
  }

  static override styles = [
    pageStyles,
    css`
      .crumbs {
        font-size: var(--kk-text-s);
        color: var(--kk-text-muted);
        margin-bottom: var(--kk-space-3);
      }
      header {
        margin-bottom: var(--kk-space-5);
      }
      header p {
        margin: 0 0 var(--kk-space-3);
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-artist-page': KkArtistPage;
  }
}
