import { describe, expect, it } from 'vitest';
import { apiParams, queryFromState, stateFromQuery, toggleFilter } from './search-state.js';

describe('search state in the URL', () => {
  it('a bookmarked URL gives back the same search', () => {
    const url = '?q=carl+larsson&status=in_place,missing&grade=4&sort=-year&view=grid';
    const s = stateFromQuery(new URLSearchParams(url));
    expect(s).toEqual({ q: 'carl larsson', filters: { status: ['in_place', 'missing'], grade: ['4'] }, sort: '-year', view: 'grid' });
    expect(queryFromState(s)).toBe(url);
  });

  it('repeated parameters and commas both count, duplicates once', () => {
    const s = stateFromQuery(new URLSearchParams('type=painting&type=print,painting'));
    expect(s.filters.type).toEqual(['painting', 'print']);
  });

  it('toggling a facet value adds it, toggling again removes the filter entirely', () => {
    const s0 = stateFromQuery(new URLSearchParams(''));
    const s1 = toggleFilter(s0, 'status', 'missing');
    expect(queryFromState(s1)).toBe('?status=missing');
    expect(queryFromState(toggleFilter(s1, 'status', 'missing'))).toBe('');
  });

  it('the list/grid choice stays out of the API call; blank text is no query', () => {
    const s = stateFromQuery(new URLSearchParams('q=%20%20&view=grid&site=12'));
    expect(apiParams(s)).toEqual({ q: undefined, site: ['12'], sort: undefined });
  });
});
