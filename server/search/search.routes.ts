// GET /api/artworks (search, filters, facets, paging) and GET /api/suggest (the search box).
// Mounted before the catalogue's artworks router; it handles only `GET /` there.
import type { Deps } from '../deps.js';
import { secureRouter } from '../http/routes.js';
import { parseQuery } from '../http/validate.js';
import { currentUser } from '../users/auth.js';
import { installSearchEngine } from './search.engine.js';
import { ArtworkSearchQuery, SuggestQuery } from './search.schema.js';
import { itemsJson } from './search.items.js';
import { searchArtworks } from './search.service.js';
import { suggest } from './suggest.service.js';

export function artworkSearchRoutes(deps: Deps) {
  installSearchEngine(deps);
  const r = secureRouter(deps.routes, '/api/artworks');
  r.get('/', 'read', { summary: 'Search artworks: free text, filters, facets, keyset paging', tags: ['search'], query: ArtworkSearchQuery }, (req, res) => {
    const out = searchArtworks(deps, parseQuery(ArtworkSearchQuery, req), currentUser(req));
    // The same JSON as res.json(out), with the rows' JSON kept between requests (~0.1 ms a page saved).
    const facets = out.facets ? `,"facets":${JSON.stringify(out.facets)}` : '';
    res.type('json').send(`{"items":${itemsJson(out.items)},"nextCursor":${JSON.stringify(out.nextCursor)},"total":${out.total}${facets}}`);
  });
  return r.router;
}

export function suggestRoutes(deps: Deps) {
  installSearchEngine(deps);
  const r = secureRouter(deps.routes, '/api/suggest');
  r.get('/', 'read', { summary: 'Suggestions for the search box: artists, locations and works', tags: ['search'], query: SuggestQuery }, (req, res) => {
    res.json(suggest(deps, parseQuery(SuggestQuery, req), currentUser(req)));
  });
  return r.router;
}
