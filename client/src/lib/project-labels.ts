// UI names of the art projects' coded values (phase, premises type, proposal status), and money
// typed in kronor turned into exact öre.
import { msg } from '@lit/localize';

export function phaseLabel(p: string): string {
  switch (p) {
    case 'idea': return msg('Idea');
    case 'programme': return msg('Programme');
    case 'artist_selection': return msg('Artist selection');
    case 'production': return msg('Production');
    case 'installation': return msg('Installation');
    case 'completed': return msg('Completed');
    case 'closed': return msg('Closed');
    default: return p;
  }
}

export function premisesLabel(p: string): string {
  switch (p) {
    case 'care': return msg('Care premises (2 %)');
    case 'other': return msg('Other premises (1 %)');
    case 'mixed': return msg('Mixed building');
    default: return p;
  }
}

export function proposalStatusLabel(s: string): string {
  switch (s) {
    case 'proposed': return msg('Proposed');
    case 'selected': return msg('Selected');
    case 'contracted': return msg('Contracted');
    case 'in_production': return msg('In production');
    case 'installed': return msg('Installed');
    case 'rejected': return msg('Rejected');
    default: return s;
  }
}

/** Status moves the server allows (installed only through the install step). */
export const NEXT_STATUSES: Record<string, readonly string[]> = {
  proposed: ['selected', 'rejected'],
  selected: ['proposed', 'contracted', 'rejected'],
  contracted: ['in_production', 'rejected'],
  in_production: ['contracted', 'rejected'],
  rejected: ['proposed'],
  installed: [],
};

/**
 * "1 250 000", "1250000,50" or "1.250.000 kr" → öre, from the digits (never through a float, so
 * 0,10 + 0,20 stays 30 öre). Returns null for an empty field, NaN for text that is not an amount.
 */
export function kronorToOre(input: string): number | null {
  const s = input.replace(/\s|\u00a0|kr|sek/gi, '');
  if (!s) return null;
  const m = /^(-?)([\d.]*?)(?:[,.](\d{1,2}))?$/.exec(s);
  if (!m || !m[2]) return Number.NaN;
  const whole = m[2].replace(/\./g, '');
  if (!/^\d+$/.test(whole)) return Number.NaN;
  const ore = BigInt(whole) * 100n + BigInt((m[3] ?? '').padEnd(2, '0') || '0');
  return Number(m[1] ? -ore : ore);
}
