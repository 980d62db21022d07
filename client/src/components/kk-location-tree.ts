// <kk-location-tree>: the location tree with work counts; a node's children load when it is opened.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { getLocation, type LocationNode } from '../api/locations.js';
import { formatNumber } from '../i18n/format.js';
import { locationKindLabel } from '../i18n/labels.js';

@localized()
@customElement('kk-location-tree')
export class KkLocationTree extends LitElement {
  @property({ attribute: false }) nodes: LocationNode[] = [];
  @property() label = '';
  @state() private _children = new Map<number, LocationNode[] | 'loading' | 'error'>();

  @state() private _open = new Set<number>();

  private async _toggle(n: LocationNode): Promise<void> {
    const open = new Set(this._open);
    if (open.has(n.id)) open.delete(n.id);
    else open.add(n.id);
    this._open = open;
    if (!open.has(n.id) || this._children.has(n.id)) return;
    this._children = new Map(this._children).set(n.id, 'loading');
    try {
      const d = await getLocation(n.id);
      this._children = new Map(this._children).set(n.id, d.children);
    } catch {
      this._children = new Map(this._children).set(n.id, 'error');
    }
  }

  private _href(n: LocationNode): string {
    return n.kind === 'site' ? `/sites/${n.id}` : `/locations/${n.id}`;
  }

  private _node(n: LocationNode): unknown {
    const kids = this._children.get(n.id);
    const open = this._open.has(n.id);
    // The toggle and the link are siblings (a link inside a <summary> would be nested interactive content).
    return html`<li>
      <div class="row">
        ${n.kind === 'room'
          ? html`<span class="twisty-space"></span>`
          : html`<button type="button" class="twisty" aria-expanded=${open ? 'true' : 'false'} aria-label=${msg(str`Show what is in ${n.name}`)} @click=${() => this._toggle(n)}>
              <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true"><path d="M5 3l6 5-6 5z" fill="currentColor"/></svg>
            </button>`}
        <a href=${this._href(n)}>${n.name}</a>
        ${n.kind !== 'site' ? html`<span class="kind">${locationKindLabel(n.kind)}</span>` : nothing}
        ${n.kind === 'floor' ? html`<a class="plan" href="/floors/${n.id}">${msg('Floor plan')}</a>` : nothing}
        <span class="count" title=${msg(str`${formatNumber(n.worksCount)} works`)}>${formatNumber(n.worksCount)}</span>
      </div>
      ${open
        ? html`${kids === 'loading' ? html`<p class="muted" role="status">${msg('Loading…')}</p>` : nothing}
          ${kids === 'error' ? html`<p class="muted">${msg('Could not load this part of the tree.')}</p>` : nothing}
          ${Array.isArray(kids) ? (kids.length ? html`<ul>${kids.map((k) => this._node(k))}</ul>` : html`<p class="muted">${msg('Nothing registered here.')}</p>`) : nothing}`
        : nothing}
    </li>`;
  }

  override render() {
    return html`<ul class="root" aria-label=${this.label || nothing}>${this.nodes.map((n) => this._node(n))}</ul>`;
  }

  static override styles = css`
    :host {
      display: block;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0 0 0 18px;
    }
    ul.root {
      padding: 0;
    }
    li {
      margin: 0;
    }
    .row {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 3px 8px 3px 2px;
      border-radius: var(--kk-radius);
    }
    .row:hover {
      background: var(--kk-surface-sunken);
    }
    .twisty,
    .twisty-space {
      flex: none;
      width: 24px;
      height: 24px;
    }
    .twisty {
      display: grid;
      place-items: center;
      border: 0;
      background: none;
      color: var(--kk-text-muted);
      border-radius: 4px;
      cursor: pointer;
      padding: 0;
    }
    .twisty svg {
      transition: transform 0.15s;
    }
    .twisty[aria-expanded='true'] svg {
      transform: rotate(90deg);
    }
    .twisty:focus-visible,
    a:focus-visible {
      outline: 2px solid var(--kk-focus);
      outline-offset: 1px;
    }
    a {
      color: var(--kk-link);
      text-underline-offset: 2px;
    }
    .kind {
      font-size: var(--kk-text-xs);
      color: var(--kk-text-muted);
    }
    .plan {
      font-size: var(--kk-text-s);
    }
    .count {
      margin-left: auto;
      font-size: var(--kk-text-s);
      font-variant-numeric: tabular-nums;
      background: var(--kk-surface-sunken);
      border-radius: 999px;
      padding: 0 8px;
      color: var(--kk-text-muted);
    }
    .muted {
      color: var(--kk-text-muted);
      margin: 4px 0 4px 26px;
      font-size: var(--kk-text-s);
    }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'kk-location-tree': KkLocationTree;
  }
}
