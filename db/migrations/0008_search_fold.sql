-- Search: fold the Nordic letters that Unicode does not decompose (ø, æ, œ, ł, ð, þ, ß), so that
-- "soren" finds "Søren" and "aero" finds "Ærø" like "goran" finds "Göran". The unicode61 tokenizer
-- only strips combining diacritics; the document view now folds these letters before indexing, and
-- the query side (server/search/fts-query.ts foldText) folds the same way. The triggers read this
-- view by name, so they pick up the new definition; the index is rebuilt once.
DROP VIEW artwork_search_doc;
--> statement-breakpoint
CREATE VIEW artwork_search_doc AS
SELECT a.id AS id,
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(a.inventory_number || ' ' || a.inventory_key, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ł', 'l'), 'Ł', 'l'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ß', 'ss') AS inventory,
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(a.title, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ł', 'l'), 'Ł', 'l'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ß', 'ss') AS title,
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(coalesce((SELECT group_concat(ar.name, ' ') FROM artwork_artists aa JOIN artists ar ON ar.id = aa.artist_id WHERE aa.artwork_id = a.id), ''), 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ł', 'l'), 'Ł', 'l'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ß', 'ss') AS artists,
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(coalesce(a.technique, ''), 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ł', 'l'), 'Ł', 'l'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ß', 'ss') AS technique,
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(coalesce(a.materials, ''), 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ł', 'l'), 'Ł', 'l'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ß', 'ss') AS materials,
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(coalesce(a.description, ''), 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ł', 'l'), 'Ł', 'l'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ß', 'ss') AS description,
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(coalesce(a.inscription, ''), 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ł', 'l'), 'Ł', 'l'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ß', 'ss') AS inscription,
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(trim(coalesce(l0.name, '') || ' ' || coalesce(l1.name, '') || ' ' || coalesce(l2.name, '') || ' ' || coalesce(l3.name, '') || ' ' || coalesce(l3.code, '')), 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ł', 'l'), 'Ł', 'l'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ß', 'ss') AS places
FROM artworks a
LEFT JOIN locations l3 ON l3.id = a.location_id
LEFT JOIN locations l2 ON l2.id = l3.parent_id
LEFT JOIN locations l1 ON l1.id = l2.parent_id
LEFT JOIN locations l0 ON l0.id = l1.parent_id;
--> statement-breakpoint
INSERT INTO artworks_fts (artworks_fts) VALUES ('delete-all');
--> statement-breakpoint
INSERT INTO artworks_fts (rowid, inventory, title, artists, technique, materials, description, inscription, places)
SELECT id, inventory, title, artists, technique, materials, description, inscription, places FROM artwork_search_doc;
