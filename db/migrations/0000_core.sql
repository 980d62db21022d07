CREATE TABLE `locations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`parent_id` integer,
	`path` text NOT NULL,
	`depth` integer NOT NULL,
	`site_id` integer,
	`kind` text NOT NULL,
	`site_type` text,
	`code` text,
	`name` text NOT NULL,
	`municipality` text,
	`address` text,
	`lat` real,
	`lon` real,
	`coord_precision` text,
	`floor_plan_media_id` integer,
	`plan_area` text,
	`env_tags` text DEFAULT '[]' NOT NULL,
	`check_interval_months` integer,
	`closed_unit` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "locations_kind_check" CHECK("locations"."kind" in ('site','building','floor','room')),
	CONSTRAINT "locations_depth_check" CHECK("locations"."depth" between 0 and 3),
	CONSTRAINT "locations_lat_check" CHECK("locations"."lat" is null or "locations"."lat" between -90 and 90),
	CONSTRAINT "locations_lon_check" CHECK("locations"."lon" is null or "locations"."lon" between -180 and 180),
	CONSTRAINT "locations_interval_check" CHECK("locations"."check_interval_months" is null or "locations"."check_interval_months" between 1 and 240)
);
--> statement-breakpoint
CREATE INDEX `locations_parent_id` ON `locations` (`parent_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `locations_path` ON `locations` (`path`);--> statement-breakpoint
CREATE INDEX `locations_site_id` ON `locations` (`site_id`);--> statement-breakpoint
CREATE INDEX `locations_kind` ON `locations` (`kind`);--> statement-breakpoint
CREATE TABLE `artists` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`sort_name` text NOT NULL,
	`name_key` text NOT NULL,
	`birth_year` integer,
	`death_year` integer,
	`nationality` text,
	`kulturnav_id` text,
	`wikidata_id` text,
	`ulan_id` text,
	`copyright_holder` text,
	`copyright_representation` text,
	`note` text,
	`merged_into_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`merged_into_id`) REFERENCES `artists`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "artists_years_check" CHECK("artists"."birth_year" is null or "artists"."death_year" is null or "artists"."death_year" >= "artists"."birth_year")
);
--> statement-breakpoint
CREATE INDEX `artists_name_key` ON `artists` (`name_key`);--> statement-breakpoint
CREATE INDEX `artists_sort_name` ON `artists` (`sort_name`);--> statement-breakpoint
CREATE TABLE `artwork_artists` (
	`artwork_id` integer NOT NULL,
	`artist_id` integer NOT NULL,
	`role` text DEFAULT 'artist' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`artwork_id`, `artist_id`),
	FOREIGN KEY (`artwork_id`) REFERENCES `artworks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`artist_id`) REFERENCES `artists`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "artwork_artists_role_check" CHECK("artwork_artists"."role" in ('artist','designer','photographer','after','workshop','collaborator'))
);
--> statement-breakpoint
CREATE INDEX `artwork_artists_artist_id` ON `artwork_artists` (`artist_id`);--> statement-breakpoint
CREATE TABLE `artworks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`inventory_number` text NOT NULL,
	`inventory_key` text NOT NULL,
	`title` text NOT NULL,
	`object_type` text NOT NULL,
	`technique` text,
	`materials` text,
	`height_cm` real,
	`width_cm` real,
	`depth_cm` real,
	`weight_kg` real,
	`dating_text` text,
	`year_from` integer,
	`year_to` integer,
	`signed` text,
	`inscription` text,
	`description` text,
	`acquisition_method` text,
	`acquisition_date` text,
	`acquisition_price` integer,
	`acquisition_source` text,
	`acquisition_ref` text,
	`project_id` integer,
	`insurance_value` integer,
	`copyright` text,
	`status` text NOT NULL,
	`status_note` text,
	`status_changed_at` text,
	`deaccession_date` text,
	`deaccession_ref` text,
	`deaccession_reason` text,
	`location_id` integer,
	`site_id` integer,
	`pos_x` real,
	`pos_y` real,
	`mounting` text,
	`fixed_in_building` integer DEFAULT false NOT NULL,
	`anti_theft_fixing` integer DEFAULT false NOT NULL,
	`glazed` integer DEFAULT false NOT NULL,
	`cleanable` integer DEFAULT false NOT NULL,
	`psychiatry_safe` integer DEFAULT false NOT NULL,
	`fire_class` text,
	`ownership_unclear` integer DEFAULT false NOT NULL,
	`acquisition_data_missing` integer DEFAULT false NOT NULL,
	`dimensions_unknown` integer DEFAULT false NOT NULL,
	`is_public` integer DEFAULT false NOT NULL,
	`public_text_sv` text,
	`public_text_en` text,
	`internal_note` text,
	`last_grade` integer,
	`last_check_at` text,
	`next_check_due` text,
	`check_interval_months` integer,
	`primary_media_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "artworks_object_type_check" CHECK("artworks"."object_type" in ('painting','print','drawing','photograph','sculpture','relief','textile','ceramics','glass','mosaic','installation','digital','other')),
	CONSTRAINT "artworks_status_check" CHECK("artworks"."status" in ('in_place','in_storage','on_loan','in_conservation','missing','deaccessioned')),
	CONSTRAINT "artworks_mounting_check" CHECK("artworks"."mounting" is null or "artworks"."mounting" in ('wall','ceiling','free_standing','outdoor','integrated')),
	CONSTRAINT "artworks_acquisition_method_check" CHECK("artworks"."acquisition_method" is null or "artworks"."acquisition_method" in ('purchase','commission','gift','transfer','unknown')),
	CONSTRAINT "artworks_dimensions_check" CHECK(("artworks"."height_cm" is null or "artworks"."height_cm" > 0) and ("artworks"."width_cm" is null or "artworks"."width_cm" > 0) and ("artworks"."depth_cm" is null or "artworks"."depth_cm" >= 0) and ("artworks"."weight_kg" is null or "artworks"."weight_kg" >= 0)),
	CONSTRAINT "artworks_years_check" CHECK("artworks"."year_from" is null or "artworks"."year_to" is null or "artworks"."year_to" >= "artworks"."year_from"),
	CONSTRAINT "artworks_grade_check" CHECK("artworks"."last_grade" is null or "artworks"."last_grade" between 1 and 4),
	CONSTRAINT "artworks_pos_check" CHECK(("artworks"."pos_x" is null or "artworks"."pos_x" between 0 and 1) and ("artworks"."pos_y" is null or "artworks"."pos_y" between 0 and 1)),
	CONSTRAINT "artworks_money_check" CHECK(("artworks"."acquisition_price" is null or "artworks"."acquisition_price" >= 0) and ("artworks"."insurance_value" is null or "artworks"."insurance_value" >= 0)),
	CONSTRAINT "artworks_inventory_check" CHECK(length("artworks"."inventory_key") > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `artworks_inventory_key` ON `artworks` (`inventory_key`);--> statement-breakpoint
CREATE INDEX `artworks_location_id` ON `artworks` (`location_id`);--> statement-breakpoint
CREATE INDEX `artworks_site_id` ON `artworks` (`site_id`);--> statement-breakpoint
CREATE INDEX `artworks_status` ON `artworks` (`status`);--> statement-breakpoint
CREATE INDEX `artworks_next_check_due` ON `artworks` (`next_check_due`);--> statement-breakpoint
CREATE INDEX `artworks_updated_at` ON `artworks` (`updated_at`);--> statement-breakpoint
CREATE INDEX `artworks_project_id` ON `artworks` (`project_id`);--> statement-breakpoint
CREATE TABLE `movements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`artwork_id` integer NOT NULL,
	`from_location_id` integer,
	`to_location_id` integer,
	`from_path_text` text,
	`to_path_text` text,
	`moved_at` text NOT NULL,
	`reason` text,
	`note` text,
	`user_id` integer,
	`batch_id` text,
	`round_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`artwork_id`) REFERENCES `artworks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `movements_artwork_id_moved_at` ON `movements` (`artwork_id`,`moved_at`);--> statement-breakpoint
CREATE INDEX `movements_to_location_id_moved_at` ON `movements` (`to_location_id`,`moved_at`);--> statement-breakpoint
CREATE INDEX `movements_from_location_id` ON `movements` (`from_location_id`);--> statement-breakpoint
CREATE INDEX `movements_batch_id` ON `movements` (`batch_id`);--> statement-breakpoint
CREATE TABLE `condition_checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`artwork_id` integer NOT NULL,
	`checked_at` text NOT NULL,
	`user_id` integer,
	`grade` integer NOT NULL,
	`damage_types` text DEFAULT '[]' NOT NULL,
	`damage_location` text,
	`recommended_action` text,
	`priority` text DEFAULT 'none' NOT NULL,
	`note` text,
	`round_id` integer,
	`corrects_check_id` integer,
	`resolved_at` text,
	`estimated_cost` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`artwork_id`) REFERENCES `artworks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`corrects_check_id`) REFERENCES `condition_checks`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "condition_checks_grade_check" CHECK("condition_checks"."grade" between 1 and 4),
	CONSTRAINT "condition_checks_priority_check" CHECK("condition_checks"."priority" in ('none','routine','soon','urgent')),
	CONSTRAINT "condition_checks_cost_check" CHECK("condition_checks"."estimated_cost" is null or "condition_checks"."estimated_cost" >= 0)
);
--> statement-breakpoint
CREATE INDEX `condition_checks_artwork_id_checked_at` ON `condition_checks` (`artwork_id`,`checked_at`);--> statement-breakpoint
CREATE INDEX `condition_checks_round_id` ON `condition_checks` (`round_id`);--> statement-breakpoint
CREATE INDEX `condition_checks_priority` ON `condition_checks` (`priority`);--> statement-breakpoint
CREATE TABLE `conservation_treatments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`artwork_id` integer NOT NULL,
	`check_id` integer,
	`status` text DEFAULT 'proposed' NOT NULL,
	`performer` text DEFAULT 'in_house' NOT NULL,
	`contractor_name` text,
	`description` text NOT NULL,
	`work_done` text,
	`materials` text,
	`cost_estimate` integer,
	`cost_actual` integer,
	`priority` text DEFAULT 'routine' NOT NULL,
	`proposed_at` text NOT NULL,
	`approved_at` text,
	`started_at` text,
	`done_at` text,
	`created_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`artwork_id`) REFERENCES `artworks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`check_id`) REFERENCES `condition_checks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "conservation_treatments_status_check" CHECK("conservation_treatments"."status" in ('proposed','approved','in_progress','done','rejected')),
	CONSTRAINT "conservation_treatments_performer_check" CHECK("conservation_treatments"."performer" in ('in_house','contractor')),
	CONSTRAINT "conservation_treatments_cost_check" CHECK(("conservation_treatments"."cost_estimate" is null or "conservation_treatments"."cost_estimate" >= 0) and ("conservation_treatments"."cost_actual" is null or "conservation_treatments"."cost_actual" >= 0))
);
--> statement-breakpoint
CREATE INDEX `conservation_treatments_artwork_id` ON `conservation_treatments` (`artwork_id`);--> statement-breakpoint
CREATE INDEX `conservation_treatments_status` ON `conservation_treatments` (`status`);--> statement-breakpoint
CREATE TABLE `media` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sha256` text NOT NULL,
	`mime` text NOT NULL,
	`ext` text NOT NULL,
	`bytes` integer NOT NULL,
	`width` integer,
	`height` integer,
	`dominant_color` text,
	`original_name` text,
	`state` text DEFAULT 'ready' NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "media_bytes_check" CHECK("media"."bytes" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `media_sha256` ON `media` (`sha256`);--> statement-breakpoint
CREATE TABLE `media_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`media_id` integer NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer NOT NULL,
	`role` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`caption` text,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`media_id`) REFERENCES `media`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "media_links_entity_type_check" CHECK("media_links"."entity_type" in ('artwork','condition_check','treatment','location','project','proposal','damage_report')),
	CONSTRAINT "media_links_role_check" CHECK("media_links"."role" in ('primary','detail','condition','before','after','floor_plan','document','sketch'))
);
--> statement-breakpoint
CREATE INDEX `media_links_entity` ON `media_links` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `media_links_media_id` ON `media_links` (`media_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`csrf_token` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user_id` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `user_sites` (
	`user_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `site_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "users_role_check" CHECK("users"."role" in ('admin','curator','conservator','project_lead','viewer'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer,
	`before` text,
	`after` text,
	`batch_id` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity` ON `audit_log` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_user_id_at` ON `audit_log` (`user_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_batch_id` ON `audit_log` (`batch_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
