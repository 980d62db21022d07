-- Works whose indexed text changed (number, title, artists, technique, materials, description,
-- inscription or place), logged apart from search_changes (which logs every change). The search
-- keeps its cached text matches across writes that leave the text alone (a condition check, a
-- status, a due date), which are most writes. One row per work, like search_changes.
CREATE TABLE search_text_changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  artwork_id INTEGER NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX search_text_changes_artwork ON search_text_changes (artwork_id);
--> statement-breakpoint
CREATE TRIGGER artworks_text_ai AFTER INSERT ON artworks BEGIN
  INSERT OR REPLACE INTO search_text_changes (artwork_id) VALUES (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER artworks_text_ad AFTER DELETE ON artworks BEGIN
  INSERT OR REPLACE INTO search_text_changes (artwork_id) VALUES (old.id);
END;
--> statement-breakpoint
CREATE TRIGGER artworks_text_au AFTER UPDATE OF inventory_number, inventory_key, title, technique, materials, description, inscription, location_id ON artworks
  WHEN old.inventory_number IS NOT new.inventory_number OR old.inventory_key IS NOT new.inventory_key OR old.title IS NOT new.title
    OR old.technique IS NOT new.technique OR old.materials IS NOT new.materials OR old.description IS NOT new.description
    OR old.inscription IS NOT new.inscription OR old.location_id IS NOT new.location_id
BEGIN
  INSERT OR REPLACE INTO search_text_changes (artwork_id) VALUES (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER artwork_artists_text_ai AFTER INSERT ON artwork_artists BEGIN
  INSERT OR REPLACE INTO search_text_changes (artwork_id) VALUES (new.artwork_id);
END;
--> statement-breakpoint
CREATE TRIGGER artwork_artists_text_ad AFTER DELETE ON artwork_artists BEGIN
  INSERT OR REPLACE INTO search_text_changes (artwork_id) VALUES (old.artwork_id);
END;
--> statement-breakpoint
CREATE TRIGGER artwork_artists_text_au AFTER UPDATE ON artwork_artists BEGIN
  INSERT OR REPLACE INTO search_text_changes (artwork_id) VALUES (old.artwork_id);
  INSERT OR REPLACE INTO search_text_changes (artwork_id) VALUES (new.artwork_id);
END;
