ALTER TABLE `media_links` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `media_links_media_id_entity` ON `media_links` (`media_id`,`entity_type`,`entity_id`);