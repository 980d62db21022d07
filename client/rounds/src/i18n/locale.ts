// The field app's language: its own small catalogue (client/rounds/xliff/sv.xlf), so the phone never
// loads the desktop app's strings. Same stored choice as the desktop app (kk.locale).
import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: () => import('./generated/sv.js'),
});

export function preferredLocale(): 'sv' | 'en' {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem('kk.locale');
  } catch {
    // Storage may be blocked; the browser language decides.
  }
  if (stored === 'sv' || stored === 'en') return stored;
  const langs = navigator.languages?.length ? navigator.languages : [navigator.language];
  return langs.some((l) => /^sv\b/i.test(l)) ? 'sv' : 'en';
}

export async function startLocale(): Promise<void> {
  const locale = preferredLocale();
  document.documentElement.lang = locale;
  await setLocale(locale);
}

export const intlLocale = () => (getLocale() === 'sv' ? 'sv-SE' : 'en-GB');
