// The few line icons the field app uses (24 × 24, stroke), inline so they work offline.
import { svg } from 'lit';

const icon = (d: ReturnType<typeof svg>) => svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true">${d}</svg>`;

export const check = icon(svg`<path d="M5 12.5l4.5 4.5L19 7.5"/>`);
export const more = icon(svg`<circle cx="5" cy="12" r="1.5"/><circle cx="12" cy="12" r="1.5"/><circle cx="19" cy="12" r="1.5"/>`);
export const back = icon(svg`<path d="M15 5l-7 7 7 7"/>`);
export const scan = icon(svg`<path d="M4 8V5a1 1 0 011-1h3M16 4h3a1 1 0 011 1v3M20 16v3a1 1 0 01-1 1h-3M8 20H5a1 1 0 01-1-1v-3M7 12h10"/>`);
export const keyboard = icon(svg`<rect x="3" y="6" width="18" height="12" rx="2"/><path d="M7 10h.01M11 10h.01M15 10h.01M7 14h10"/>`);
export const undo = icon(svg`<path d="M9 14L4 9l5-5"/><path d="M4 9h10a6 6 0 010 12h-3"/>`);
export const cloud = icon(svg`<path d="M7 18a5 5 0 01-.5-9.97A6 6 0 0118 9a4.5 4.5 0 01-.5 9H7z"/>`);
export const phone = icon(svg`<rect x="7" y="3" width="10" height="18" rx="2"/><path d="M11 18h2"/>`);
export const alert = icon(svg`<path d="M12 8v5M12 16.5h.01"/><circle cx="12" cy="12" r="9"/>`);
export const camera = icon(svg`<path d="M4 8h3l2-3h6l2 3h3v11H4z"/><circle cx="12" cy="13" r="3.5"/>`);
export const pin = icon(svg`<path d="M12 21s-6-5.5-6-11a6 6 0 0112 0c0 5.5-6 11-6 11z"/><circle cx="12" cy="10" r="2"/>`);
export const list = icon(svg`<path d="M8 6h12M8 12h12M8 18h12M4 6h.01M4 12h.01M4 18h.01"/>`);
