-- A counter that moves whenever something a signed-in session depends on changes: a session ended
-- or changed, a user changed (role, disabled, name …) or removed, a user's sites changed. The server
-- keeps sessions it has looked up in memory and drops them all when the counter moves, so a request
-- costs one read of this row instead of two queries, and no change is ever missed (triggers see
-- every writer: routes, the CLI, another process). Logins insert sessions and need no bump.
CREATE TABLE auth_epoch (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n INTEGER NOT NULL
);
--> statement-breakpoint
INSERT INTO auth_epoch (id, n) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER sessions_auth_epoch_ad AFTER DELETE ON sessions BEGIN UPDATE auth_epoch SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER sessions_auth_epoch_au AFTER UPDATE ON sessions BEGIN UPDATE auth_epoch SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER users_auth_epoch_au AFTER UPDATE ON users BEGIN UPDATE auth_epoch SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER users_auth_epoch_ad AFTER DELETE ON users BEGIN UPDATE auth_epoch SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER user_sites_auth_epoch_ai AFTER INSERT ON user_sites BEGIN UPDATE auth_epoch SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER user_sites_auth_epoch_au AFTER UPDATE ON user_sites BEGIN UPDATE auth_epoch SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER user_sites_auth_epoch_ad AFTER DELETE ON user_sites BEGIN UPDATE auth_epoch SET n = n + 1 WHERE id = 1; END;
