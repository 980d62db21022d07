import { describe, expect, it } from 'vitest';
import { changesOf, parseValue, toDraft, validate } from './artwork-form.js';

describe('the artwork form validates with the server schema', () => {
  const base = toDraft({ title: 'Gatan', objectType: 'painting', yearFrom: 1906, yearTo: 1910, insuranceValue: 4_600_000, heightCm: 123, glazed: false });

  it('only changed fields are sent; kronor become öre and a decimal comma is accepted', () => {
    const draft = { ...base, title: 'Gatan II', insuranceValue: '50 000', heightCm: '123,5' };
    expect(changesOf(draft, base)).toEqual({ title: 'Gatan II', insuranceValue: 5_000_000, heightCm: 123.5 });
  });

  it('an emptied optional field is sent as null, an unchanged form as nothing', () => {
    expect(changesOf({ ...base, yearTo: '' }, base)).toEqual({ yearTo: null });
    expect(changesOf({ ...base }, base)).toEqual({});
  });

  it.each([
    [{ title: '' }, 'title', 'Required'],
    [{ heightCm: 'abc' }, 'heightCm', 'Enter a number'],
    [{ heightCm: -3 }, 'heightCm', 'Height must be more than 0'],
    [{ yearFrom: 1990, yearTo: 1980 }, 'yearTo', 'Year to (1980) is before year from (1990)'],
    [{ acquisitionDate: '2024-13-40' }, 'acquisitionDate', 'Enter a date as YYYY-MM-DD'],
    [{ fireClass: 'Z9' }, 'fireClass', 'A Euroclass such as A1, A2-s1,d0 or B-s2,d1'],
  ])('%j is refused at %s', (body, key, message) => {
    expect(validate(body)).toMatchObject({ [key]: message });
  });

  it('a valid body has no errors', () => {
    expect(validate({ title: 'Ny titel', yearFrom: 1950, yearTo: 1955, fireClass: 'B-s1,d0' })).toEqual({});
    expect(parseValue('yearFrom', ' 1950 ')).toBe(1950);
  });
});
