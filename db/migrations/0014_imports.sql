PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_import_items` (
	`import_id` integer NOT NULL,
	`artwork_id` integer NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`version_after` integer NOT NULL,
	PRIMARY KEY(`import_id`, `artwork_id`),
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "import_items_action_check" CHECK("__new_import_items"."action" in ('new','updated'))
);
--> statement-breakpoint
INSERT INTO `__new_import_items`("import_id", "artwork_id", "action", "before", "version_after") SELECT "import_id", "artwork_id", "action", "before", "version_after" FROM `import_items`;--> statement-breakpoint
DROP TABLE `import_items`;--> statement-breakpoint
ALTER TABLE `__new_import_items` RENAME TO `import_items`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `import_items_artwork_id` ON `import_items` (`artwork_id`);