-- Full-text search over artworks (issue 6). The FTS5 table is contentless with delete support:
-- the text lives in the base tables, and triggers re-index a work whenever anything that feeds its
-- document changes (the work, its artist links, an artist's name, a location's name or code).
-- unicode61 remove_diacritics 2 makes "lowenstromska" find "Löwenströmska"; prefix indexes keep
-- typed prefixes cheap. search_changes is a bounded change log (one row per changed record) that the
-- in-memory search columns poll, so writes made by any code path (or another process) are seen.
CREATE VIEW artwork_search_doc AS
SELECT a.id AS id,
  a.inventory_number || ' ' || a.inventory_key AS inventory,
  a.title AS title,
  coalesce((SELECT group_concat(ar.name, ' ') FROM artwork_artists aa JOIN artists ar ON ar.id = aa.artist_id WHERE aa.artwork_id = a.id), '') AS artists,
  coalesce(a.technique, '') AS technique,
  coalesce(a.materials, '') AS materials,
  coalesce(a.description, '') AS description,
  coalesce(a.inscription, '') AS inscription,
  trim(coalesce(l0.name, '') || ' ' || coalesce(l1.name, '') || ' ' || coalesce(l2.name, '') || ' ' || coalesce(l3.name, '') || ' ' || coalesce(l3.code, '')) AS places
FROM artworks a
LEFT JOIN locations l3 ON l3.id = a.location_id
LEFT JOIN locations l2 ON l2.id = l3.parent_id
LEFT JOIN locations l1 ON l1.id = l2.parent_id
LEFT JOIN locations l0 ON l0.id = l1.parent_id;
--> statement-breakpoint
CREATE VIRTUAL TABLE artworks_fts USING fts5(
  inventory, title, artists, technique, materials, description, inscription, places,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);
--> statement-breakpoint
CREATE TABLE search_changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  entity TEXT NOT NULL CHECK (entity IN ('artwork', 'artist', 'location')),
  entity_id INTEGER NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX search_changes_entity ON search_changes (entity, entity_id);
--> statement-breakpoint
INSERT INTO artworks_fts (rowid, inventory, title, artists, technique, materials, description, inscription, places)
SELECT id, inventory, title, artists, technique, materials, description, inscription, places FROM artwork_search_doc;
--> statement-breakpoint
CREATE TRIGGER artworks_search_ai AFTER INSERT ON artworks BEGIN
  INSERT INTO artworks_fts (rowid, inventory, title, artists, technique, materials, description, inscription, places)
    SELECT id, inventory, title, artists, technique, materials, description, inscription, places FROM artwork_search_doc WHERE id = new.id;
  INSERT OR REPLACE INTO search_changes (entity, entity_id) VALUES ('artwork', new.id);
END;
--> statement-breakpoint
CREATE TRIGGER artworks_search_au_text AFTER UPDATE OF inventory_number, inventory_key, title, technique, materials, description, inscription, location_id ON artworks BEGIN
  DELETE FROM artworks_fts WHERE rowid = old.id;
  INSERT INTO artworks_fts (rowid, inventory, title, artists, technique, materials, description, inscription, places)
    SELECT id, inventory, title, artists, technique, materials, description, inscription, places FROM artwork_search_doc WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER artworks_search_au AFTER UPDATE ON artworks BEGIN
  INSERT OR REPLACE INTO search_changes (entity, entity_id) VALUES ('artwork', new.id);
END;
--> statement-breakpoint
CREATE TRIGGER artworks_search_ad AFTER DELETE ON artworks BEGIN
  DELETE FROM artworks_fts WHERE rowid = old.id;
  INSERT OR REPLACE INTO search_changes (entity, entity_id) VALUES ('artwork', old.id);
END;
--> statement-breakpoint
CREATE TRIGGER artwork_artists_search_ai AFTER INSERT ON artwork_artists BEGIN
  DELETE FROM artworks_fts WHERE rowid = new.artwork_id;
  INSERT INTO artworks_fts (rowid, inventory, title, artists, technique, materials, description, inscription, places)
    SELECT id, inventory, title, artists, technique, materials, description, inscription, places FROM artwork_search_doc WHERE id = new.artwork_id;
  INSERT OR REPLACE INTO search_changes (entity, entity_id) VALUES ('artwork', new.artwork_id);
END;
--> statement-breakpoint
CREATE TRIGGER artwork_artists_search_ad AFTER DELETE ON artwork_artists BEGIN
  DELETE FROM artworks_fts WHERE rowid = old.artwork_id;
  INSERT INTO artworks_fts (rowid, inventory, title, artists, technique, materials, description, inscription, places)
    SELECT id, inventory, title, artists, technique, materials, description, inscription, places FROM artwork_search_doc WHERE id = old.artwork_id;
  INSERT OR REPLACE INTO search_changes (entity, entity_id) VALUES ('artwork', old.artwork_id);
END;
--> statement-breakpoint
CREATE TRIGGER artwork_artists_search_au AFTER UPDATE ON artwork_artists BEGIN
  DELETE FROM artworks_fts WHERE rowid IN (old.artwork_id, new.artwork_id);
  INSERT INTO artworks_fts (rowid, inventory, title, artists, technique, materials, description, inscription, places)
    SELECT id, inventory, title, artists, technique, materials, description, inscription, places FROM artwork_search_doc WHERE id IN (old.artwork_id, new.artwork_id);
  INSERT OR REPLACE INTO search_changes (entity, entity_id) VALUES ('artwork', old.artwork_id);
  INSERT OR REPLACE INTO search_changes (entity, entity_id) VALUES ('artwork', new.artwork_id);
END;
--> statement-breakpoint
CREATE TRIGGER artists_search_ai AFTER INSERT ON artists BEGIN
  INSERT OR REPLACE INTO search_changes (entity, entity_id) VALUES ('artist', new.id);
END;
--> statement-breakpoint
CREATE TRIGGER artists_search_ad AFTER DELETE ON artists BEGIN
  INSERT OR REPLACE INTO search_changes (entity, entity_id) VALUES ('artist', old.id);
END;
--> statement-breakpoint
CREATE TRIGGER artists_search_au AFTER UPDATE ON artists BEGIN
  INSERT OR REPLACE INTO search_changes (entity, entity_id) VALUES ('artist', new.id);
END;
--> statement-breakpoint
CREATE TRIGGER artists_search_au_name AFTER UPDATE OF name, sort_name ON artists BEGIN
  DELETE FROM artworks_fts WHERE rowid IN (SELECT artwork_id FROM artwork_artists WHERE artist_id = new.id);
  INSERT INTO artworks_fts (rowid, inventory, title, artists, technique, materials, description, inscription, places)
    SELECT id, inventory, title, artists, technique, materials, description, inscription, places FROM artwork_search_doc
    WHERE id IN (SELECT artwork_id FROM artwork_artists WHERE artist_id = new.id);
  INSERT OR REPLACE INTO search_changes (entity, entity_id) SELECT 'artwork', artwork_id FROM artwork_artists WHERE artist_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER locations_search_ai AFTER INSERT ON locations BEGIN
  INSERT OR REPLACE INTO search_changes (entity, entity_id) VALUES ('location', new.id);
END;
--> statement-breakpoint
CREATE TRIGGER locations_search_ad AFTER DELETE ON locations BEGIN
  INSERT OR REPLACE INTO search_changes (entity, entity_id) VALUES ('location', old.id);
END;
--> statement-breakpoint
CREATE TRIGGER locations_search_au AFTER UPDATE ON locations BEGIN
  INSERT OR REPLACE INTO search_changes (entity, entity_id) VALUES ('location', new.id);
END;
--> statement-breakpoint
CREATE TRIGGER locations_search_au_name AFTER UPDATE OF name, code, parent_id, path ON locations BEGIN
  DELETE FROM artworks_fts WHERE rowid IN (SELECT a.id FROM artworks a JOIN locations l ON l.id = a.location_id WHERE substr(l.path, 1, length(new.path)) = new.path);
  INSERT INTO artworks_fts (rowid, inventory, title, artists, technique, materials, description, inscription, places)
    SELECT id, inventory, title, artists, technique, materials, description, inscription, places FROM artwork_search_doc
    WHERE id IN (SELECT a.id FROM artworks a JOIN locations l ON l.id = a.location_id WHERE substr(l.path, 1, length(new.path)) = new.path);
END;
--> statement-breakpoint
CREATE TRIGGER media_links_search_ai AFTER INSERT ON media_links WHEN new.entity_type = 'artwork' BEGIN
  INSERT OR REPLACE INTO search_changes (entity, entity_id) VALUES ('artwork', new.entity_id);
END;
--> statement-breakpoint
CREATE TRIGGER media_links_search_ad AFTER DELETE ON media_links WHEN old.entity_type = 'artwork' BEGIN
  INSERT OR REPLACE INTO search_changes (entity, entity_id) VALUES ('artwork', old.entity_id);
END;
--> statement-breakpoint
CREATE TRIGGER media_links_search_au AFTER UPDATE ON media_links WHEN old.entity_type = 'artwork' OR new.entity_type = 'artwork' BEGIN
  INSERT OR REPLACE INTO search_changes (entity, entity_id) SELECT 'artwork', old.entity_id WHERE old.entity_type = 'artwork';
  INSERT OR REPLACE INTO search_changes (entity, entity_id) SELECT 'artwork', new.entity_id WHERE new.entity_type = 'artwork';
END;
