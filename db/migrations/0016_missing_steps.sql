CREATE TABLE `missing_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`artwork_id` integer NOT NULL,
	`missing_since` text NOT NULL,
	`step` text NOT NULL,
	`date` text NOT NULL,
	`note` text,
	`reference` text,
	`movement_id` integer,
	`user_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`artwork_id`) REFERENCES `artworks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`movement_id`) REFERENCES `movements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "missing_steps_step_check" CHECK("missing_steps"."step" in ('search_site','ask_unit','police_report','other','found'))
);
--> statement-breakpoint
CREATE INDEX `missing_steps_artwork_id_missing_since` ON `missing_steps` (`artwork_id`,`missing_since`);