// The guide's words in Swedish and English (server-rendered pages, so not @lit/localize).
export type Lang = 'sv' | 'en';

const sv = {
  title: 'Konstguiden',
  tagline: 'Konsten i vårdens miljöer – för patienter, besökare och personal.',
  sites: 'Platser med konst',
  worksCount: (n: number) => `${n} ${n === 1 ? 'verk' : 'verk'}`,
  works: 'Konstverk',
  where: 'Här finns verket',
  artist: 'Konstnär',
  year: 'År',
  technique: 'Teknik',
  back: 'Tillbaka',
  allSites: 'Alla platser',
  reportLink: 'Rapportera skada eller problem',
  reportTitle: 'Rapportera skada eller problem',
  reportIntro: 'Ser något fel ut med konstverket? Berätta för oss, så tittar en konservator på det.',
  reportKind: 'Vad är fel?',
  kinds: { damage: 'Skadat', dirty: 'Smutsigt', loose: 'Sitter löst', missing: 'Saknas', other: 'Annat' } as Record<string, string>,
  reportDescription: 'Beskriv kort',
  reportPhoto: 'Foto (valfritt)',
  reportPhotoHint: 'Fotografera bara konstverket – inga personer får synas på bilden.',
  reportContact: 'E-post eller telefon (valfritt, om du vill ha svar)',
  send: 'Skicka',
  thanks: 'Tack! Din rapport har skickats till Avdelningen för konst.',
  notInGuideTitle: 'Verket finns inte i konstguiden',
  notInGuide: 'Det här konstverket visas inte i den publika konstguiden. Personal kan logga in för att se det.',
  notFoundTitle: 'Sidan finns inte',
  signIn: 'Logga in (personal)',
  language: 'In English',
  languageHref: 'en',
  errorTitle: 'Något saknas',
  closedArea: 'Verket finns på en avdelning som inte är öppen för besökare.',
  floor: 'Våning',
  credits: 'Konstverken ägs av regionen och förvaltas av Avdelningen för konst.',
  tooMany: 'Du har skickat många rapporter på kort tid. Försök igen senare.',
};

const en: typeof sv = {
  title: 'Art guide',
  tagline: 'The art in our care environments – for patients, visitors and staff.',
  sites: 'Places with art',
  worksCount: (n: number) => `${n} ${n === 1 ? 'work' : 'works'}`,
  works: 'Artworks',
  where: 'Where to find it',
  artist: 'Artist',
  year: 'Year',
  technique: 'Technique',
  back: 'Back',
  allSites: 'All places',
  reportLink: 'Report damage or a problem',
  reportTitle: 'Report damage or a problem',
  reportIntro: 'Does something look wrong with the artwork? Tell us and a conservator will look at it.',
  reportKind: 'What is wrong?',
  kinds: { damage: 'Damaged', dirty: 'Dirty', loose: 'Loose', missing: 'Missing', other: 'Other' },
  reportDescription: 'Describe it briefly',
  reportPhoto: 'Photo (optional)',
  reportPhotoHint: 'Photograph only the artwork – no people may appear in the picture.',
  reportContact: 'Email or phone (optional, if you would like an answer)',
  send: 'Send',
  thanks: 'Thank you! Your report has been sent to the art department.',
  notInGuideTitle: 'This work is not in the art guide',
  notInGuide: 'This artwork is not shown in the public art guide. Staff can sign in to see it.',
  notFoundTitle: 'Page not found',
  signIn: 'Sign in (staff)',
  language: 'På svenska',
  languageHref: 'sv',
  errorTitle: 'Something is missing',
  closedArea: 'The work hangs in a unit that is not open to visitors.',
  floor: 'Floor',
  credits: 'The artworks belong to the region and are cared for by its art department.',
  tooMany: 'You have sent many reports in a short time. Please try again later.',
};

export const WORDS: Record<Lang, typeof sv> = { sv, en };

/** ?lang= wins, then Accept-Language, then Swedish. */
export function pickLang(query: unknown, acceptLanguage: string | undefined): Lang {
  if (query === 'en' || query === 'sv') return query;
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'sv';
}
