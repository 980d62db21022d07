// An import indexes its new works from the values it writes (searchDoc) instead of reading the artwork_search_doc
// view: the index must hold exactly what the view gives, token by token, for every column.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../../tests/helpers/test-app.js';
import { importAll, openNorrtalje, type Norrtalje } from '../import-export/fixtures/collection.js';

let t: TestApp;
let curator: Client;
let place: Norrtalje;
beforeAll(async () => {
  ({ t, curator, place } = await openNorrtalje());
});
afterAll(() => t.close());

const FTS_COLUMNS = 'inventory, title, artists, technique, materials, description, inscription, places';

/** Every token of the given works' documents, as the index holds them: [work, column, position, term]. */
function tokens(table: 'main.artworks_fts' | 'temp.fresh_fts', ids: number[]): string[] {
  const [schema, name] = table.split('.');
  const sqlite = t.db.$client;
  sqlite.exec(`drop table if exists temp.vocab; create virtual table temp.vocab using fts5vocab(${schema}, ${name}, 'instance')`);
  const rows = sqlite.prepare(`select doc, col, offset, term from temp.vocab where doc in (${ids.join(',')}) order by doc, col, offset`).raw().all() as unknown[][];
  sqlite.exec('drop table temp.vocab');
  return rows.map((r) => r.join(' '));
}

describe('the full-text documents of imported works', () => {
  it('hold the same tokens as the search view builds for them', async () => {
    const csv = [
      'Inventarienummer;Objekttyp;Titel;Konstnär;Teknik;Material;Beskrivning;Påskrift;Placering;Placeringskod',
      // Nordic letters the view folds in SQL (ø æ œ ł ð þ ß, upper and lower case), several artists given out of id order.
      'DOC 1;målning;Ærø i Þórsmörk;"Zoë Straße; Åsa Œlund; Søren Łukasz";Olja på duk;Lärft, ÆØ;Ljus över ðalen;"Sign. ""ÞÓR""";Norrtälje sjukhus › Hus A › Plan 2 › Dagrum;',
      // Known artist (authority record), a room found by its code only, empty text columns.
      'DOC 2;målning;Utan titel;Gösta Ängström;;;;;;NS-210',
      // A place nobody has registered: created under the unplaced site.
      'DOC 3;målning;Straßenbild;Gösta Ängström;Akvarell;;;;Gamla förrådet vid ån;',
      // No place at all.
      'DOC 4;teckning;Studie;;Blyerts;Papper;En   beskrivning  med  mellanrum;;;',
    ].join('\r\n');
    const { upload, commit } = await importAll(curator, csv);
    expect(commit.status, JSON.stringify(commit.body).slice(0, 600)).toBe(200);
    expect(commit.body).toMatchObject({ new: 4 });
    const sqlite = t.db.$client;
    const ids = sqlite.prepare('select artwork_id from import_items where import_id = ? order by artwork_id').pluck().all(upload.id) as number[];
    expect(ids).toHaveLength(4);
    expect(sqlite.prepare('select location_id from artworks where id = ?').pluck().get(ids[1])).toBe(place.waitingRoom);

    // The same works indexed afresh from the view, with the live index's tokenizer.
    sqlite.exec(`create virtual table temp.fresh_fts using fts5(${FTS_COLUMNS}, content = '', tokenize = 'unicode61 remove_diacritics 2')`);
    sqlite.prepare(`insert into temp.fresh_fts (rowid, ${FTS_COLUMNS}) select id, ${FTS_COLUMNS} from artwork_search_doc where id in (${ids.join(',')})`).run();
    const expected = tokens('temp.fresh_fts', ids);
    sqlite.exec('drop table temp.fresh_fts');
    expect(expected.length).toBeGreaterThan(40);
    expect(tokens('main.artworks_fts', ids)).toEqual(expected);

    // And the searches a user makes find them by the folded words.
    const searches: [string, string][] = [['soren', 'DOC 1'], ['aero', 'DOC 1'], ['strasse', 'DOC 1'], ['thorsmork', 'DOC 1'], ['dagrum', 'DOC 1'], ['NS-210', 'DOC 2'], ['forradet', 'DOC 3'], ['strassenbild', 'DOC 3']];
    for (const [q, inv] of searches) {
      const res = await curator.get(`/api/artworks?q=${encodeURIComponent(q)}`);
      expect(res.body.items.map((w: { inventoryNumber: string }) => w.inventoryNumber), q).toContain(inv);
    }
  });
});
