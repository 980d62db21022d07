DROP INDEX `artworks_location_id`;--> statement-breakpoint
CREATE INDEX `artworks_location_id_status` ON `artworks` (`location_id`,`status`);