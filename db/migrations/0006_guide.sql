CREATE TABLE `damage_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`artwork_id` integer NOT NULL,
	`site_id` integer,
	`kind` text NOT NULL,
	`description` text NOT NULL,
	`contact` text,
	`photo_media_id` integer,
	`status` text DEFAULT 'new' NOT NULL,
	`handled_by` integer,
	`handled_at` text,
	`handling_note` text,
	`check_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`artwork_id`) REFERENCES `artworks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`check_id`) REFERENCES `condition_checks`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "damage_reports_status_check" CHECK("damage_reports"."status" in ('new','converted','dismissed'))
);
--> statement-breakpoint
CREATE INDEX `damage_reports_site_id_status` ON `damage_reports` (`site_id`,`status`);--> statement-breakpoint
CREATE INDEX `damage_reports_artwork_id` ON `damage_reports` (`artwork_id`);--> statement-breakpoint
CREATE TABLE `guide_views` (
	`site_id` integer NOT NULL,
	`day` text NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`site_id`, `day`),
	FOREIGN KEY (`site_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `guide_views_day` ON `guide_views` (`day`);