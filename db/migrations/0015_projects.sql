CREATE TABLE `project_phases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`phase` text NOT NULL,
	`from_phase` text,
	`date` text NOT NULL,
	`note` text,
	`user_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "project_phases_phase_check" CHECK("project_phases"."phase" in ('idea','programme','artist_selection','production','installation','completed','closed'))
);
--> statement-breakpoint
CREATE INDEX `project_phases_project_id` ON `project_phases` (`project_id`);--> statement-breakpoint
CREATE TABLE `project_reservations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`artwork_id` integer NOT NULL,
	`location_id` integer,
	`pos_x` real,
	`pos_y` real,
	`note` text,
	`user_id` integer,
	`reserved_at` text NOT NULL,
	`released_at` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`artwork_id`) REFERENCES `artworks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `project_reservations_project_id` ON `project_reservations` (`project_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `project_reservations_artwork_id_active` ON `project_reservations` (`artwork_id`) WHERE "project_reservations"."released_at" is null;--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`location_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	`premises_type` text NOT NULL,
	`care_share` integer NOT NULL,
	`production_cost` integer NOT NULL,
	`computed_budget` integer NOT NULL,
	`budget_override` integer,
	`override_reason` text,
	`override_ref` text,
	`phase` text DEFAULT 'idea' NOT NULL,
	`phase_date` text NOT NULL,
	`start_date` text,
	`planned_end_date` text,
	`lead_user_id` integer,
	`team` text DEFAULT '[]' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "projects_phase_check" CHECK("projects"."phase" in ('idea','programme','artist_selection','production','installation','completed','closed')),
	CONSTRAINT "projects_premises_check" CHECK("projects"."premises_type" in ('care','other','mixed')),
	CONSTRAINT "projects_care_share_check" CHECK("projects"."care_share" between 0 and 100),
	CONSTRAINT "projects_money_check" CHECK("projects"."production_cost" > 0 and "projects"."computed_budget" >= 0 and ("projects"."budget_override" is null or "projects"."budget_override" >= 0)),
	CONSTRAINT "projects_override_check" CHECK("projects"."budget_override" is null or (length("projects"."override_reason") > 0 and length("projects"."override_ref") > 0))
);
--> statement-breakpoint
CREATE INDEX `projects_site_id` ON `projects` (`site_id`);--> statement-breakpoint
CREATE INDEX `projects_phase` ON `projects` (`phase`);--> statement-breakpoint
CREATE TABLE `proposal_artists` (
	`proposal_id` integer NOT NULL,
	`position` integer NOT NULL,
	`artist_id` integer,
	`name` text,
	PRIMARY KEY(`proposal_id`, `position`),
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`artist_id`) REFERENCES `artists`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "proposal_artists_one_check" CHECK(("proposal_artists"."artist_id" is null) <> ("proposal_artists"."name" is null))
);
--> statement-breakpoint
CREATE INDEX `proposal_artists_artist_id` ON `proposal_artists` (`artist_id`);--> statement-breakpoint
CREATE TABLE `proposal_artworks` (
	`proposal_id` integer NOT NULL,
	`artwork_id` integer NOT NULL,
	PRIMARY KEY(`proposal_id`, `artwork_id`),
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`artwork_id`) REFERENCES `artworks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `proposal_artworks_artwork_id` ON `proposal_artworks` (`artwork_id`);--> statement-breakpoint
CREATE TABLE `proposal_payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`paid_on` text NOT NULL,
	`amount` integer NOT NULL,
	`ref` text,
	`note` text,
	`user_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "proposal_payments_amount_check" CHECK("proposal_payments"."amount" > 0)
);
--> statement-breakpoint
CREATE INDEX `proposal_payments_proposal_id` ON `proposal_payments` (`proposal_id`);--> statement-breakpoint
CREATE TABLE `proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`object_type` text DEFAULT 'installation' NOT NULL,
	`technique` text,
	`height_cm` real,
	`width_cm` real,
	`depth_cm` real,
	`estimated_cost` integer,
	`contracted_cost` integer,
	`contracted_on` text,
	`contract_ref` text,
	`status` text DEFAULT 'proposed' NOT NULL,
	`status_note` text,
	`location_id` integer,
	`pos_x` real,
	`pos_y` real,
	`installed_on` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "proposals_status_check" CHECK("proposals"."status" in ('proposed','selected','contracted','in_production','installed','rejected')),
	CONSTRAINT "proposals_object_type_check" CHECK("proposals"."object_type" in ('painting','print','drawing','photograph','sculpture','relief','textile','ceramics','glass','mosaic','installation','digital','other')),
	CONSTRAINT "proposals_money_check" CHECK(("proposals"."estimated_cost" is null or "proposals"."estimated_cost" >= 0) and ("proposals"."contracted_cost" is null or "proposals"."contracted_cost" >= 0)),
	CONSTRAINT "proposals_pos_check" CHECK(("proposals"."pos_x" is null or "proposals"."pos_x" between 0 and 1) and ("proposals"."pos_y" is null or "proposals"."pos_y" between 0 and 1))
);
--> statement-breakpoint
CREATE INDEX `proposals_project_id` ON `proposals` (`project_id`);--> statement-breakpoint
CREATE INDEX `proposals_location_id` ON `proposals` (`location_id`);