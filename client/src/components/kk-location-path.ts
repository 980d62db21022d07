// <kk-location-path>: site › building › floor › room, each a link (sites to their page, floors to the floor plan).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { locationKindLabel } from '../i18n/labels.js';

export type PathNode = { id: number; name: string; kind: string };

@localized()
@customElement('kk-location-path')
export class KkLocationPath extends LitElement {
  @property({ attribute: false }) nodes: PathNode[] = [];

  private _href(n: PathNode): string {
    return n.kind === 'site' ? `/sites/${n.id}` : `/locations/${n.id}`;
  }

  override render() {
    return html`<ol>
      ${this.nodes.map(
        (n) => html`<li>
          <span class="kind">${locationKindLabel(n.kind)}</span>
          <a href=${this._href(n)}>${n.name}</a>
          ${n.kind === 'floor' ? html`<a class="plan" href="/floors/${n.id}">${msg('Floor plan')}</a>` : nothing}
        </li>`,
      )}
    </ol>`;
  }

  static override styles = css`
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    li {
      display: grid;
      grid-template-columns: 90px 1fr auto;
      gap: 8px;
      align-items: baseline;
    }
    .kind {
      font-size: var(--kk-text-xs);
      color: var(--kk-text-muted);
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    a {
      color: var(--kk-link);
      text-underline-offset: 2px;
    }
    a:focus-visible {
      outline: 2px solid var(--kk-focus);
      outline-offset: 2px;
    }
    .plan {
      font-size: var(--kk-text-s);
    }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-location-path': KkLocationPath;
  }
}
