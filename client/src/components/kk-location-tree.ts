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

  private async _toggle(n: LocationNode, e: Event): Promise<void> {
    if (!(e.target as HTMLDetailsElement).open || this._children.has(n.id)) return;
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
    const link = html`<a href=${this._href(n)}>${n.name}</a>
      <span class="kind">${locationKindLabel(n.kind)}</span>
      ${n.kind === 'floor' ? html`<a class="plan" href="/floors/${n.id}">${msg('Floor plan')}</a>` : nothing}
      <span class="count" title=${msg(str`${formatNumber(n.worksCount)} works`)}>${formatNumber(n.worksCount)}</span>`;
    if (n.kind === 'room') return html`<li class="leaf">${link}</li>`;
    return html`<li>
      <details @toggle=${(e: Event) => this._toggle(n, e)}>
        <summary>${link}</summary>
        ${kids === 'loading' ? html`<p class="muted">${msg('Loading…')}</p>` : nothing}
        ${kids === 'error' ? html`<p class="muted">${msg('Could not load this part of the tree.')}</p>` : nothing}
        ${Array.isArray(kids) ? (kids.length ? html`<ul>${kids.map((k) => this._node(k))}</ul>` : html`<p class="muted">${msg('Nothing registered here.')}</p>`) : nothing}
      </details>
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
    summary,
    li.leaf {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 5px 8px;
      border-radius: var(--kk-radius);
      cursor: pointer;
    }
    li.leaf {
      padding-left: 26px;
      cursor: default;
    }
    summary::marker {
      color: var(--kk-text-muted);
    }
    summary:hover,
    li.leaf:hover {
      background: var(--kk-surface-sunken);
    }
    summary:focus-visible,
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
