// Words the demo artworks are made of: titles, techniques, dimensions by object type,
// damage notes and short public texts. All Swedish, as the users see them.
import type { Rng } from './random.js';

export type ObjectTypeCode = 'painting' | 'print' | 'drawing' | 'photograph' | 'sculpture' | 'relief' | 'textile' | 'ceramics' | 'glass' | 'mosaic' | 'installation' | 'digital' | 'other';

/** Share of each object type in the hospital and care-site collection (stations are separate). */
export const OBJECT_TYPE_WEIGHTS: readonly (readonly [ObjectTypeCode, number])[] = [
  ['print', 33],
  ['painting', 24],
  ['photograph', 11],
  ['drawing', 9],
  ['textile', 5],
  ['sculpture', 5],
  ['ceramics', 3],
  ['relief', 2.5],
  ['glass', 2],
  ['installation', 1.5],
  ['mosaic', 1],
  ['digital', 1],
  ['other', 1],
];

export const TYPE_SV: Record<ObjectTypeCode, string> = {
  painting: 'målning', print: 'grafiskt blad', drawing: 'teckning', photograph: 'fotografi', sculpture: 'skulptur',
  relief: 'relief', textile: 'textil', ceramics: 'keramiskt verk', glass: 'glasverk', mosaic: 'mosaik',
  installation: 'installation', digital: 'digitalt verk', other: 'verk',
};
export const TYPE_EN: Record<ObjectTypeCode, string> = {
  painting: 'painting', print: 'print', drawing: 'drawing', photograph: 'photograph', sculpture: 'sculpture',
  relief: 'relief', textile: 'textile', ceramics: 'ceramic work', glass: 'glass work', mosaic: 'mosaic',
  installation: 'installation', digital: 'digital work', other: 'work',
};

export const TECHNIQUES: Record<ObjectTypeCode, readonly string[]> = {
  painting: ['olja på duk', 'olja på duk', 'akryl på duk', 'akryl på duk', 'olja på pannå', 'tempera på duk', 'akryl på pannå', 'äggoljetempera', 'gouache'],
  print: ['litografi', 'litografi', 'screentryck', 'screentryck', 'etsning', 'träsnitt', 'linoleumsnitt', 'kopparstick', 'torrnål', 'akvatint', 'färgträsnitt', 'giclée', 'kollografi'],
  drawing: ['akvarell', 'akvarell', 'blyerts', 'kol', 'tusch', 'pastell', 'krita', 'gouache på papper', 'penna och tusch'],
  photograph: ['fotografi, pigmentprint', 'fotografi, pigmentprint', 'fotografi, gelatinsilver', 'fotografi, C-print', 'fotografi, C-print monterad på aluminium', 'fotografi, inkjet på papper'],
  sculpture: ['brons', 'brons', 'trä', 'sten, granit', 'marmor', 'rostfritt stål', 'cortenstål', 'gips, patinerad', 'aluminium', 'keramik'],
  relief: ['trä, målat', 'gips', 'betong', 'emalj på stål', 'brons', 'aluminium, lackerat', 'keramik'],
  textile: ['vävd ullgobeläng', 'rölakan', 'applikation', 'broderi', 'tuftad matta', 'damast', 'textiltryck'],
  ceramics: ['stengods', 'stengods, glaserat', 'lergods', 'porslin', 'raku'],
  glass: ['blåst glas', 'gjutet glas', 'blyinfattat glas', 'glasfusing', 'slipat glas'],
  mosaic: ['glasmosaik', 'stenmosaik', 'kakelmosaik', 'smalti'],
  installation: ['blandteknik', 'ljusinstallation, LED', 'neon', 'plexiglas och stål', 'textil och stål'],
  digital: ['video, loop', 'digital animation, skärm', 'ljudverk', 'generativt verk, skärm'],
  other: ['blandteknik', 'collage', 'assemblage', 'papper, vikt'],
};

/** [height min, height max, width min, width max, depth min, depth max] in cm. */
export const DIMENSIONS: Record<ObjectTypeCode, readonly [number, number, number, number, number, number]> = {
  painting: [30, 180, 30, 220, 2, 5],
  print: [25, 90, 20, 75, 0, 0],
  drawing: [20, 70, 18, 60, 0, 0],
  photograph: [30, 150, 30, 180, 0, 0],
  sculpture: [25, 260, 15, 140, 15, 140],
  relief: [40, 300, 40, 500, 3, 25],
  textile: [60, 300, 60, 450, 0, 2],
  ceramics: [20, 120, 20, 200, 5, 40],
  glass: [20, 200, 20, 150, 1, 40],
  mosaic: [100, 400, 100, 1200, 1, 4],
  installation: [100, 500, 100, 1500, 10, 300],
  digital: [40, 120, 70, 200, 5, 10],
  other: [20, 120, 20, 120, 1, 20],
};

const SINGLE = [
  'Sommarljus', 'Vinterdag', 'Vårbrytning', 'Höstlöv', 'Skärgård', 'Midsommar', 'Morgon', 'Kväll', 'Skymning', 'Gryning',
  'Stilla vatten', 'Strandkant', 'Molnstudie', 'Ljusspel', 'Rörelse', 'Vila', 'Möte', 'Samtal', 'Väntan', 'Återkomst',
  'Trädgården', 'Fjärden', 'Klippor', 'Björkar', 'Granskog', 'Ängen', 'Blomsterfält', 'Sjöbodar', 'Fyren', 'Horisont',
  'Balans', 'Rytm', 'Dialog', 'Tyngdlöst', 'Genomskinligt', 'Andetag', 'Eko', 'Tidvatten', 'Vågor', 'Vindar',
  'Fåglar i flykt', 'Tranor', 'Måsar', 'Koltrast', 'Hägrar', 'Ekorren', 'Hästar', 'Kor i hagen', 'Räven', 'Fiskar',
  'Stadsbild', 'Gatan', 'Torget', 'Bron', 'Tåget', 'Hamnen', 'Taken', 'Fönstret', 'Trappan', 'Rummet',
  'Mor och barn', 'Badande', 'Dansare', 'Musikanter', 'Lekande barn', 'Kvinna vid fönster', 'Läsande flicka', 'Pojke med drake',
  'Utan titel', 'Utan titel', 'Utan titel', 'Komposition', 'Komposition', 'Figur', 'Huvud', 'Torso', 'Form', 'Rum för tanken',
];
const COLOURS = ['blått', 'rött', 'gult', 'grönt', 'grått', 'vitt', 'svart', 'ockra', 'rosa', 'violett', 'blått och gult', 'rött och svart'];
const PLACES = ['Mälaren', 'Saltsjön', 'Riddarfjärden', 'Djurgården', 'Södermalm', 'Gamla stan', 'Skansen', 'Utö', 'Sandhamn', 'Möja', 'Norrtälje', 'Vaxholm', 'Ornö', 'Roslagen', 'Söderön', 'Lidingö', 'Tyresta', 'Björkö', 'Gotland', 'Öland', 'Lappland', 'Kullaberg', 'Bohuslän', 'Värmland', 'Toscana', 'Provence', 'Bretagne', 'Kreta', 'Lofoten', 'Åland'];
const SEASONS = ['Vår', 'Sommar', 'Höst', 'Vinter', 'Morgon', 'Kväll', 'Natt', 'Dimma', 'Regn', 'Snö'];
const THINGS = ['äpplen', 'citroner', 'blommor', 'tulpaner', 'snäckor', 'flaskor', 'kanna', 'fisk', 'bok', 'lampa'];
const SERIES = ['Rörelse', 'Variation', 'Fragment', 'Serie', 'Studie', 'Rytm', 'Landskap', 'Rum', 'Linjer', 'Fält'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XII', 'XV'];

export function makeTitle(rng: Rng, type: ObjectTypeCode): string {
  const r = rng.next();
  if (type === 'sculpture' && r < 0.3) return rng.pick(['Figur', 'Torso', 'Stående', 'Sittande kvinna', 'Huvud', 'Form', 'Spiral', 'Portal', 'Fågel', 'Stenen', 'Vågen', 'Par', 'Källan']);
  if (type === 'textile' && r < 0.3) return rng.pick(['Ängsblommor', 'Rutor', 'Vävnad i blått', 'Landskapsvävnad', 'Strandmönster', 'Linnévävnad', 'Rölakan']);
  if (r < 0.52) return rng.pick(SINGLE);
  if (r < 0.62) return `Komposition i ${rng.pick(COLOURS)}`;
  if (r < 0.7) return `Utsikt mot ${rng.pick(PLACES)}`;
  if (r < 0.78) return `${rng.pick(SEASONS)} på ${rng.pick(PLACES)}`;
  if (r < 0.84) return `Stilleben med ${rng.pick(THINGS)}`;
  if (r < 0.92) return `${rng.pick(SERIES)} ${rng.pick(ROMAN)}`;
  if (r < 0.96) return `Landskap, ${rng.pick(PLACES)}`;
  return `${rng.pick(SINGLE)} (${rng.pick(COLOURS)})`;
}

export const ACQUISITION_SOURCES = [
  'Direkt från konstnären', 'Direkt från konstnären', 'Direkt från konstnären', 'Konstnärscentrum Öst', 'Grafiska sällskapet',
  'Konstfrämjandet', 'Galleri Ljusgården', 'Galleri Norrsken', 'Konsthandel Söder', 'Galleri Mälarstrand', 'Konstmässa',
  'Examensutställning, Konstfack', 'Examensutställning, Kungl. Konsthögskolan', 'Dödsbo', 'Auktion',
];

export const DEACCESSION_REASONS = [
  'Förstörd vid vattenskada', 'Stulen, ej återfunnen', 'Gallrad efter inventering: i för dåligt skick för att visas',
  'Överförd till annan huvudman', 'Byggnaden riven', 'Förkommen vid flytt, eftersökt utan resultat', 'Gallrad: dubblett i samlingen',
];

export const LOAN_NOTES = ['Utlånad för utställning', 'Utlånad till länsmuseum', 'Utlånad för retrospektiv utställning', 'Deponerad hos kommunen'];

export const MOVE_REASONS = ['Ombyggnad', 'Verksamheten flyttar', 'Byte av konst', 'Ny placering efter önskemål', 'Renovering av lokal', 'Inventering: hittad på annan plats'];

export const DAMAGE_LOCATIONS = ['nedre högra hörnet', 'nedre vänstra hörnet', 'övre kanten', 'mitten', 'ramens överkant', 'glaset', 'baksidan', 'sockeln', 'infästningen', 'ytan, hela'];

export interface DamageProfile {
  damages: readonly string[];
  actions: readonly string[];
}

export function damageProfile(type: ObjectTypeCode, outdoor: boolean): DamageProfile {
  if (outdoor) return { damages: ['graffiti', 'vandalism', 'dent', 'dust', 'other'], actions: ['Klotterborttagning', 'Rengöring och vaxning', 'Lagning av skada', 'Ny ytbehandling'] };
  switch (type) {
    case 'print':
    case 'drawing':
    case 'photograph':
      return { damages: ['light_damage', 'water_damage', 'mould', 'tear', 'dust', 'loose_fixing', 'scratch'], actions: ['Byt glas', 'Ny passepartout', 'Pappersrestaurering', 'Byte av ram', 'Fästa om', 'Flytta från direkt solljus'] };
    case 'painting':
      return { damages: ['scratch', 'tear', 'dust', 'loose_fixing', 'water_damage', 'light_damage', 'dent'], actions: ['Rengöring', 'Konservering av duk', 'Retusch', 'Fästa om', 'Byte av ram', 'Sträckning av duk'] };
    case 'textile':
      return { damages: ['dust', 'light_damage', 'tear', 'mould', 'loose_fixing'], actions: ['Dammsugning', 'Textilkonservering', 'Ny upphängningsanordning', 'Flytta från direkt solljus'] };
    case 'sculpture':
    case 'relief':
    case 'mosaic':
    case 'installation':
    case 'ceramics':
    case 'glass':
      return { damages: ['dust', 'scratch', 'dent', 'loose_fixing', 'graffiti', 'vandalism', 'other'], actions: ['Rengöring', 'Fästa om', 'Klotterborttagning', 'Lagning av skada', 'Limning', 'Ny ytbehandling'] };
    default:
      return { damages: ['dust', 'loose_fixing', 'other'], actions: ['Rengöring', 'Fästa om', 'Teknisk översyn'] };
  }
}

export const CHECK_NOTES = ['Hänger nära dörr, risk för stötar.', 'Direkt solljus på eftermiddagen.', 'Fuktig lokal.', 'Personalen rapporterar att verket flyttats.', 'Svårt att komma åt, stående möbel framför.', 'Bra placering.'];

export const CONTRACTORS = ['Konservatorsateljén Norr AB', 'Stockholms Målerikonservering', 'Pappersateljén i Solna', 'Skulpturkonservering Syd', 'Textilkonservatorerna HB', 'Ram & Glas Konservering'];

export const TREATMENT_MATERIALS = ['Störlim, japanpapper', 'Vetestärkelseklister', 'Paraloid B-72', 'Mikrokristallint vax', 'UV-skyddande glas', 'Syrafri kartong', 'Polyesterlina'];

/** A short public text pair for the art guide; it never names the exact room. */
export function publicTexts(rng: Rng, w: { title: string; artist: string | null; year: number | null; type: ObjectTypeCode; technique: string | null; siteName: string }): { sv: string; en: string } {
  const themes: [string, string][] = [
    ['Verket hämtar sitt ljus och sina färger från den svenska sommaren.', 'The work takes its light and colours from the Swedish summer.'],
    ['Konstnären återkommer ofta till vatten och skärgård.', 'The artist often returns to water and the archipelago.'],
    ['Formerna är enkla och ger en känsla av lugn.', 'Its simple forms give a sense of calm.'],
    ['Verket valdes för att skapa en välkomnande miljö för patienter och besökare.', 'The work was chosen to make patients and visitors feel welcome.'],
    ['Färgerna skiftar med dagsljuset och tiden på dygnet.', 'Its colours change with the daylight and the time of day.'],
    ['Motivet leker med rytm och upprepning.', 'The motif plays with rhythm and repetition.'],
    ['Verket berättar om människor och möten.', 'The work tells of people and encounters.'],
  ];
  const [themeSv, themeEn] = rng.pick(themes);
  const by = w.artist ? ` av ${w.artist}` : '';
  const byEn = w.artist ? ` by ${w.artist}` : '';
  const yr = w.year ? ` från ${w.year}` : '';
  const yrEn = w.year ? ` from ${w.year}` : '';
  const tech = w.technique ? ` (${w.technique})` : '';
  return {
    sv: `${w.title} är ${indefSv(TYPE_SV[w.type])}${by}${yr}${tech} på ${w.siteName}. ${themeSv}`,
    en: `${w.title} is ${indefEn(TYPE_EN[w.type])}${byEn}${yrEn} at ${w.siteName}. ${themeEn}`,
  };
}

function indefSv(noun: string): string {
  return /^(grafiskt|keramiskt|glasverk|digitalt|fotografi|verk)/.test(noun) ? `ett ${noun}` : `en ${noun}`;
}
function indefEn(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
