ALTER TABLE `condition_checks` ADD `superseded_by_id` integer;--> statement-breakpoint
CREATE INDEX `condition_checks_corrects_check_id` ON `condition_checks` (`corrects_check_id`);--> statement-breakpoint
CREATE INDEX `condition_checks_open_needs` ON `condition_checks` (`artwork_id`) WHERE "condition_checks"."priority" <> 'none' and "condition_checks"."resolved_at" is null and "condition_checks"."superseded_by_id" is null;--> statement-breakpoint
ALTER TABLE `conservation_treatments` ADD `off_site` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `conservation_treatments` ADD `treatment_location_id` integer REFERENCES locations(id);--> statement-breakpoint
ALTER TABLE `conservation_treatments` ADD `return_location_id` integer REFERENCES locations(id);--> statement-breakpoint
ALTER TABLE `conservation_treatments` ADD `rejected_at` text;--> statement-breakpoint
ALTER TABLE `conservation_treatments` ADD `rejection_reason` text;--> statement-breakpoint
CREATE INDEX `conservation_treatments_check_id` ON `conservation_treatments` (`check_id`);