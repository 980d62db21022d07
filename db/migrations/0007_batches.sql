CREATE TABLE `batch_items` (
	`batch_id` text NOT NULL,
	`artwork_id` integer NOT NULL,
	`before` text NOT NULL,
	`version_after` integer NOT NULL,
	PRIMARY KEY(`batch_id`, `artwork_id`),
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`artwork_id`) REFERENCES `artworks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `batch_items_artwork_id` ON `batch_items` (`artwork_id`);--> statement-breakpoint
CREATE TABLE `batches` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`change` text NOT NULL,
	`selection` text,
	`matched` integer NOT NULL,
	`changed` integer NOT NULL,
	`user_id` integer,
	`created_at` text NOT NULL,
	`undone_at` text,
	`undone_by` integer,
	`undo_of` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`undone_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `batches_created_at` ON `batches` (`created_at`);--> statement-breakpoint
CREATE INDEX `batches_user_id` ON `batches` (`user_id`);