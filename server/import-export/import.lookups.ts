// What an import row is matched against, loaded once per run: artists by normalised name, locations by code
// and by "Site › Building › Floor › Room" path, and works by inventory key (prepared statements).
import type Database from 'better-sqlite3';
import { ARTWORK_COLUMNS, BOOLEAN_FIELDS, type ArtworkRecord } from '../artworks/artworks.queries.js';
import { foldText } from '../search/fts-query.js';

export type Loc = { id: number; parentId: number | null; kind: string; code: string | null; name: string; siteId: number; siteType: string | null; active: boolean; pathText: string };

/** The site that holds locations an import could not match (created on first need, found again by its code). */
export const UNPLACED_CODE = 'OPLACERAT';
export const UNPLACED_NAME = 'Oplacerat (import)';

/** Path text as matched: separators › > » or " / ", case and spacing ignored. */
export const pathKey = (text: string) =>
  text
    .split(/\s*[›>»]\s*|\s+\/\s+/)
    .map((p) => p.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(' › ');
export const codeKey = (code: string) => code.normalize('NFC').toLowerCase().replace(/\s+/g, '');

/** How artist names are matched: case, diacritics and the Nordic letters (ø, æ, ð …) folded, spaces collapsed. */
export const artistMatchKey = (name: string) => foldText(name.normalize('NFC')).replace(/\s+/g, ' ').trim();

export type ExistingWork = ArtworkRecord & { artists: { artistId: number; role: string; nameKey: string }[] };

export class Lookups {
  readonly artistByKey = new Map<string, number>();
  /** Artists' names as stored, by id (what the full-text document of a work names). */
  readonly artistNames = new Map<number, string>();
  readonly locations = new Map<number, Loc>();
  readonly byCode = new Map<string, number[]>();
  readonly byPath = new Map<string, number[]>();
  unplacedSiteId: number | null = null;
  /** Locations matched by code and path text, and artist names' match keys: a file repeats a few thousand of each. */
  private readonly matches = new Map<string, number[]>();
  private readonly artistKeys = new Map<string, string>();
  private readonly work: Database.Statement;
  private readonly workArtists: Database.Statement;
  private readonly toWork: (r: unknown[]) => ExistingWork;

  constructor(private readonly sqlite: Database.Database) {
    this.work = sqlite.prepare(`select ${ARTWORK_COLUMNS} from artworks where inventory_key = ?`).raw();
    this.workArtists = sqlite.prepare('select aa.artist_id, aa.role, ar.name from artwork_artists aa join artists ar on ar.id = aa.artist_id where aa.artwork_id = ? order by aa.position').raw();
    // Arrays from SQLite and one compiled object literal: a fraction of the cost of better-sqlite3's row objects (hot: once per row).
    const names = this.work.columns().map((c) => c.name);
    this.toWork = new Function('r', `return { ${names.map((n, i) => `${JSON.stringify(n)}: r[${i}]`).join(', ')}, artists: null };`) as (r: unknown[]) => ExistingWork;
    // Authority records first (lowest id wins a shared name); merged duplicates lead to the record they were merged into.
    const artists = (sqlite.prepare('select id, name, merged_into_id as mergedIntoId from artists order by id').all() as { id: number; name: string; mergedIntoId: number | null }[]).map(
      (a) => ({ ...a, nameKey: artistMatchKey(a.name) }),
    );
    for (const a of artists) this.artistNames.set(a.id, a.name);
    const mergedInto = new Map(artists.map((a) => [a.id, a.mergedIntoId]));
    for (const a of artists) if (!a.mergedIntoId && !this.artistByKey.has(a.nameKey)) this.artistByKey.set(a.nameKey, a.id);
    for (const a of artists) {
      if (!a.mergedIntoId || this.artistByKey.has(a.nameKey)) continue;
      let target = a.mergedIntoId;
      for (let hops = 0; mergedInto.get(target) && hops < 20; hops++) target = mergedInto.get(target)!;
      this.artistByKey.set(a.nameKey, target);
    }
    const rows = sqlite
      .prepare('select id, parent_id as parentId, path, kind, code, name, site_id as siteId, site_type as siteType, active from locations order by depth, id')
      .all() as { id: number; parentId: number | null; path: string; kind: string; code: string | null; name: string; siteId: number; siteType: string | null; active: number }[];
    for (const r of rows) {
      const parent = r.parentId ? this.locations.get(r.parentId) : undefined;
      this.addLocation({
        id: r.id, parentId: r.parentId, kind: r.kind, code: r.code, name: r.name, siteId: r.siteId ?? r.id,
        siteType: parent ? parent.siteType : r.siteType, active: Boolean(r.active), pathText: parent ? `${parent.pathText} › ${r.name}` : r.name,
      });
    }
  }

  addLocation(loc: Loc): void {
    this.matches.clear();
    this.locations.set(loc.id, loc);
    const push = (map: Map<string, number[]>, key: string) => {
      const list = map.get(key);
      if (list) list.push(loc.id);
      else map.set(key, [loc.id]);
    };
    if (loc.code) push(this.byCode, codeKey(loc.code));
    push(this.byPath, pathKey(loc.pathText));
    if (loc.kind === 'site' && loc.code === UNPLACED_CODE) this.unplacedSiteId = loc.id;
  }

  findWork(key: string): ExistingWork | undefined {
    const raw = this.work.get(key) as unknown[] | undefined;
    if (!raw) return undefined;
    const work = this.toWork(raw);
    for (const f of BOOLEAN_FIELDS) work[f] = Boolean(work[f]);
    work.artists = (this.workArtists.all(work.id) as [number, string, string][]).map(([artistId, role, name]) => ({ artistId, role, nameKey: artistMatchKey(name) }));
    return work;
  }

  /** The artist for a name: one already linked to this work with that name, else the authority record, else none. */
  artistFor(name: string, linked?: ExistingWork['artists']): { id: number | null; key: string } {
    let key = this.artistKeys.get(name);
    if (key === undefined) {
      key = artistMatchKey(name);
      if (this.artistKeys.size < 100_000) this.artistKeys.set(name, key);
    }
    const own = linked?.find((a) => a.nameKey === key);
    return { id: own?.artistId ?? this.artistByKey.get(key) ?? null, key };
  }

  /** Locations matching a code and/or path text (several are narrowed by the other field). */
  private candidates(code: string | null, text: string | null): number[] {
    let candidates: number[] | null = null;
    if (code) candidates = this.byCode.get(codeKey(code)) ?? [];
    if (text) {
      const byPath = this.byPath.get(pathKey(text)) ?? [];
      // A bare word may be a code too ("A1013") or an unplaced node's name.
      const viaCode = !text.includes('›') && !text.includes('>') ? (this.byCode.get(codeKey(text)) ?? []) : [];
      const unplaced = this.unplacedSiteId ? (this.byPath.get(pathKey(`${UNPLACED_NAME} › ${text}`)) ?? []) : [];
      const textMatches = [...new Set([...byPath, ...(byPath.length ? [] : viaCode), ...(byPath.length || viaCode.length ? [] : unplaced)])];
      candidates = candidates === null ? textMatches : candidates.length && textMatches.length ? candidates.filter((c) => textMatches.includes(c)) : candidates.length ? candidates : textMatches;
    }
    return candidates ?? [];
  }

  /**
   * The location a row names by code and/or path. Several matches are narrowed by the other field, then by the
   * work's current location; `unknown` means nothing matches (the import creates it under the unplaced site).
   */
  locationFor(code: string | null, text: string | null, currentId: number | null): { id: number } | { unknown: { code: string | null; text: string } } | { ambiguous: number; field: 'locationCode' | 'location' } {
    const memo = `${code ?? ''}\u0000${text ?? ''}`;
    let candidates = this.matches.get(memo) ?? null;
    if (!candidates) {
      candidates = this.candidates(code, text);
      if (this.matches.size < 100_000) this.matches.set(memo, candidates);
    }
    if (!candidates.length) {
      // An unknown code alone is still recognised when the import created a node for it earlier.
      if (code && this.unplacedSiteId) {
        const earlier = (this.byCode.get(codeKey(code)) ?? []).filter((id) => this.locations.get(id)?.siteId === this.unplacedSiteId);
        if (earlier.length === 1) return { id: earlier[0]! };
      }
      return { unknown: { code, text: text ?? code ?? '' } };
    }
    if (candidates.length === 1) return { id: candidates[0]! };
    if (currentId !== null && candidates.includes(currentId)) return { id: currentId };
    return { ambiguous: candidates.length, field: code && !text ? 'locationCode' : 'location' };
  }
}
