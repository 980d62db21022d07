import { describe, expect, it } from 'vitest';
import { formatCell, parseDate, parseDecimal, readCell, suggestMapping, yearsFromDating } from './import.fields.js';
import { sniffDelimiter } from './import.file.js';
import { pathKey } from './import.lookups.js';
import { IMPORT_FIELDS } from './import.schema.js';

describe('reading cells as Swedish and English spreadsheets write them', () => {
  it.each([
    ['81,5', 81.5], ['12 500,00', 12500], ['12\u00a0500,50', 12500.5], ['1.234,5', 1234.5], ['1,234.5', 1234.5], ['45.5', 45.5], ['40 cm', 40], ['7 kr', 7], ['', null], ['1.000.000', 1000000],
  ])('%j is the number %j', (raw, value) => expect(parseDecimal(raw)).toBe(value));

  it.each(['ca 40', '40x50', '--', '4,5,6a'])('%j is not a number', (raw) => expect(parseDecimal(raw)).toBeUndefined());

  it.each([
    ['1988-03-12', '1988-03-12'], ['12/03/1988', '1988-03-12'], ['1.6.1961', '1961-06-01'], ['5.11.1970', '1970-11-05'], ['1995', '1995-01-01'], ['2002-05', '2002-05-01'], ['', null],
  ])('the date %j is %j', (raw, value) => expect(parseDate(raw)).toBe(value));

  it.each(['31/02/2001', '2001-13-01', 'våren 1990', '03/12/88'])('%j is not a date', (raw) => expect(parseDate(raw)).toBeUndefined());

  it('reads money in kronor as öre, yes/no words, and Swedish or English words for codes', () => {
    expect(readCell('acquisitionPrice', '12 500,50')).toEqual({ ok: true, value: 1_250_050 });
    expect(readCell('glazed', 'Ja')).toEqual({ ok: true, value: true });
    expect(readCell('glazed', 'x')).toEqual({ ok: true, value: true });
    expect(readCell('glazed', '')).toEqual({ ok: true, value: false });
    expect(readCell('glazed', 'kanske')).toMatchObject({ ok: false });
    expect(readCell('status', 'I magasin')).toEqual({ ok: true, value: 'in_storage' });
    expect(readCell('status', 'Gallrad')).toEqual({ ok: true, value: 'deaccessioned' });
    expect(readCell('status', 'on loan')).toEqual({ ok: true, value: 'on_loan' });
    expect(readCell('objectType', 'Målning')).toEqual({ ok: true, value: 'painting' });
    expect(readCell('acquisitionMethod', 'Gåva')).toEqual({ ok: true, value: 'gift' });
    expect(readCell('artists', 'Anna Berg; Olle Ek (formgivare); Bo Ek (Ung)')).toEqual({
      ok: true,
      value: [{ name: 'Anna Berg', role: 'artist' }, { name: 'Olle Ek', role: 'designer' }, { name: 'Bo Ek (Ung)', role: 'artist' }],
    });
    expect(readCell('title', "'=1+1")).toEqual({ ok: true, value: '=1+1' });
    expect(readCell('title', "'Tis")).toEqual({ ok: true, value: "'Tis" });
  });

  it('writes every field back so that it reads the same', () => {
    const values: [string, unknown][] = [['heightCm', 12.25], ['acquisitionPrice', 123_456], ['acquisitionPrice', 100_000], ['glazed', false], ['status', 'in_conservation'], ['mounting', 'free_standing'], ['yearFrom', 1960]];
    for (const comma of [false, true])
      for (const [field, value] of values) expect(readCell(field as never, formatCell(field as never, value, { decimalComma: comma }))).toEqual({ ok: true, value });
  });

  it('finds years in a dating text', () => {
    expect(yearsFromDating('1994–1995')).toEqual({ yearFrom: 1994, yearTo: 1995 });
    expect(yearsFromDating('1965-70')).toEqual({ yearFrom: 1965, yearTo: 1970 });
    expect(yearsFromDating('ca 1960')).toEqual({ yearFrom: 1960, yearTo: 1960 });
    expect(yearsFromDating('1960-talet')).toEqual({ yearFrom: 1960, yearTo: 1969 });
    expect(yearsFromDating('odaterad')).toBeNull();
  });
});

describe('the file itself', () => {
  it('suggests the mapping from Swedish, English and mangled headers, each field once', () => {
    expect(suggestMapping(['Inv. nr', 'Title', 'Konstnar', 'HÖJD (CM)', 'width', 'Plats', 'Rum', 'Okänd kolumn'])).toEqual({
      'Inv. nr': 'inventoryNumber', Title: 'title', Konstnar: 'artists', 'HÖJD (CM)': 'heightCm', width: 'widthCm', Plats: 'location', Rum: '', 'Okänd kolumn': '',
    });
  });

  it('maps the export header onto every field', () => {
    const labels = ['Inventarienummer', 'Titel', 'Konstnär', 'Objekttyp', 'Teknik', 'Material', 'Höjd (cm)', 'Bredd (cm)', 'Djup (cm)', 'Vikt (kg)', 'Datering', 'År från', 'År till', 'Signerad', 'Påskrift', 'Beskrivning', 'Förvärvssätt', 'Förvärvsdatum', 'Inköpspris (kr)', 'Förvärvad från', 'Diarienummer', 'Försäkringsvärde (kr)', 'Upphovsrätt', 'Status', 'Statusnotering', 'Avregistreringsdatum', 'Avregistreringsbeslut', 'Avregistreringsskäl', 'Placering', 'Placeringskod', 'Upphängning', 'Fast i byggnad', 'Stöldskyddad infästning', 'Inglasad', 'Rengörbar', 'Lämplig för psykiatrisk vård', 'Brandklass', 'Oklart ägande', 'Förvärvsuppgifter saknas', 'Mått okända', 'Publik', 'Publik text (sv)', 'Publik text (en)', 'Intern anteckning', 'Kontrollintervall (månader)'];
    expect(Object.values(suggestMapping(labels))).toEqual([...IMPORT_FIELDS]);
  });

  it.each([
    ['a,b,c\n1;2,3', ','], ['a;b;c\n', ';'], ['a\tb\tc', '\t'], ['"a;b",c,d', ','], ['\ufeffInv.nr;Titel', ';'],
  ])('the delimiter of %j is %j', (text, d) => expect(sniffDelimiter(text)).toBe(d));

  it('matches location paths with any separator, case and spacing', () => {
    expect(pathKey('Norrtälje sjukhus › Hus A ›  Plan 2 › Väntrum')).toBe(pathKey('norrtälje sjukhus > hus a > plan 2 > väntrum'));
    expect(pathKey('A / B')).toBe('a › b');
  });
});
