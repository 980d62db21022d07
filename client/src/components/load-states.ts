// What a page shows while its data loads, when it failed, and when the record does not exist:
// one look and one set of words for every page (a Task's pending and error states).
import { html } from 'lit';
import { msg } from '@lit/localize';

export const loadingState = () => html`<p class="state" role="status">${msg('Loading…')}</p>`;

/** `what`: e.g. "The sites could not be loaded". */
export const loadFailedState = (what: string) =>
  html`<div class="state error-box" role="alert"><strong>${what}</strong>${msg('Check your connection and try again.')}</div>`;

/** A record that is not there, with a way on (e.g. back to search). */
export const notFoundState = (what: string, href: string, linkText: string) => html`<div class="state"><strong>${what}</strong><a href=${href}>${linkText}</a></div>`;
