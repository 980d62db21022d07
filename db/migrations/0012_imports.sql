CREATE TABLE `import_created` (
	`import_id` integer NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer NOT NULL,
	PRIMARY KEY(`import_id`, `entity_type`, `entity_id`),
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "import_created_type_check" CHECK("import_created"."entity_type" in ('artist','location'))
);
--> statement-breakpoint
CREATE TABLE `import_items` (
	`import_id` integer NOT NULL,
	`artwork_id` integer NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`version_after` integer NOT NULL,
	PRIMARY KEY(`import_id`, `artwork_id`),
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`artwork_id`) REFERENCES `artworks`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "import_items_action_check" CHECK("import_items"."action" in ('new','updated'))
);
--> statement-breakpoint
CREATE INDEX `import_items_artwork_id` ON `import_items` (`artwork_id`);--> statement-breakpoint
CREATE TABLE `import_profiles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`mapping` text NOT NULL,
	`user_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_profiles_name` ON `import_profiles` (`name`);--> statement-breakpoint
CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`file_hash` text NOT NULL,
	`file_size` integer NOT NULL,
	`stored_path` text NOT NULL,
	`encoding` text NOT NULL,
	`delimiter` text NOT NULL,
	`columns` text NOT NULL,
	`mapping` text,
	`state` text NOT NULL,
	`report` text,
	`result` text,
	`user_id` integer,
	`created_at` text NOT NULL,
	`checked_at` text,
	`committed_at` text,
	`committed_by` integer,
	`undone_at` text,
	`undone_by` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`committed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`undone_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "imports_state_check" CHECK("imports"."state" in ('uploaded','checked','committed','undone'))
);
--> statement-breakpoint
CREATE INDEX `imports_file_hash` ON `imports` (`file_hash`);--> statement-breakpoint
CREATE INDEX `imports_created_at` ON `imports` (`created_at`);
