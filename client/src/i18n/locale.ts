// The UI language: Swedish or English, from the browser by default, the user's choice remembered.
import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';

export type Locale = 'en' | 'sv';
export const LOCALES: readonly Locale[] = ['sv', 'en'];
const STORAGE_KEY = 'kk.locale';

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  // Swedish is the only target language; English is the source and needs no module.
  loadLocale: () => import('./generated/sv.js'),
});

/** The stored choice, else sv for any Swedish browser language, else English. */
export function preferredLocale(): Locale {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage may be blocked; fall back to the browser language.
  }
  if (stored === 'sv' || stored === 'en') return stored;
  const langs = navigator.languages?.length ? navigator.languages : [navigator.language];
  return langs.some((l) => /^sv\b/i.test(l)) ? 'sv' : 'en';
}

/** Switches the whole UI; `remember` stores the choice for the next visit. */
export async function switchLocale(locale: Locale, remember = true): Promise<void> {
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Not fatal: the choice just isn't remembered.
    }
  }
  document.documentElement.lang = locale;
  if (locale === 'sv') void import('@awesome.me/webawesome/dist/translations/sv.js');
  await setLocale(locale);
}

export const currentLocale = (): Locale => getLocale() as Locale;

/** BCP 47 tag for Intl formatting. */
export const intlLocale = (): string => (currentLocale() === 'sv' ? 'sv-SE' : 'en-GB');
