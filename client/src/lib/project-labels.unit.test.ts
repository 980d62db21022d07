import { describe, expect, it } from 'vitest';
import { kronorToOre } from './project-labels.js';

describe('kronor typed in a form become exact öre', () => {
  it.each([
    ['1 250 000', 125_000_000],
    ['1250000,50', 125_000_050],
    ['0,1', 10],
    ['0.20', 20],
    ['1.250.000 kr', 125_000_000],
    ['2 400 000 SEK', 240_000_000],
    ['', null],
    ['-5', -500],
  ])('%s → %s', (input, ore) => expect(kronorToOre(input)).toBe(ore));

  it.each(['abc', '1,234,5', '12,345'])('%s is not an amount', (input) => expect(kronorToOre(input)).toBeNaN());
});
