CREATE TABLE `round_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`artwork_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`expected` integer DEFAULT true NOT NULL,
	`expected_location_id` integer,
	`current_result_id` integer,
	`outcome` text DEFAULT 'pending' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`artwork_id`) REFERENCES `artworks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`expected_location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "round_items_outcome_check" CHECK("round_items"."outcome" in ('pending', 'seen_ok','needs_action','found_elsewhere','found_here','missing','not_accessible'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `round_items_round_id_artwork_id` ON `round_items` (`round_id`,`artwork_id`);--> statement-breakpoint
CREATE INDEX `round_items_round_id_seq` ON `round_items` (`round_id`,`seq`);--> statement-breakpoint
CREATE INDEX `round_items_artwork_id` ON `round_items` (`artwork_id`);--> statement-breakpoint
CREATE TABLE `round_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idempotency_key` text NOT NULL,
	`request_hash` text NOT NULL,
	`round_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`outcome` text NOT NULL,
	`recorded_at` text NOT NULL,
	`received_at` text NOT NULL,
	`user_id` integer,
	`location_id` integer,
	`reason` text,
	`note` text,
	`check_input` text,
	`condition_check_id` integer,
	`movement_id` integer,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `round_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`condition_check_id`) REFERENCES `condition_checks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`movement_id`) REFERENCES `movements`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "round_results_outcome_check" CHECK("round_results"."outcome" in ('seen_ok','needs_action','found_elsewhere','found_here','missing','not_accessible'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `round_results_idempotency_key` ON `round_results` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `round_results_item_id_recorded_at` ON `round_results` (`item_id`,`recorded_at`);--> statement-breakpoint
CREATE INDEX `round_results_round_id` ON `round_results` (`round_id`);--> statement-breakpoint
CREATE TABLE `rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`site_id` integer NOT NULL,
	`location_ids` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`due_date` text NOT NULL,
	`assignee_id` integer,
	`only_due` integer DEFAULT false NOT NULL,
	`created_by` integer,
	`closed_at` text,
	`closed_by` integer,
	`summary` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "rounds_status_check" CHECK("rounds"."status" in ('open','closed'))
);
--> statement-breakpoint
CREATE INDEX `rounds_site_id_status` ON `rounds` (`site_id`,`status`);--> statement-breakpoint
CREATE INDEX `rounds_assignee_id_status` ON `rounds` (`assignee_id`,`status`);--> statement-breakpoint
CREATE INDEX `rounds_due_date` ON `rounds` (`due_date`);