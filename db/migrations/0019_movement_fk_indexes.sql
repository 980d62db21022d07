-- Round results and missing-work steps point at movements; without an index on that column every deleted movement
-- (an import's undo removes thousands at once) scans both tables for references.
CREATE INDEX IF NOT EXISTS `round_results_movement_id` ON `round_results` (`movement_id`);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `missing_steps_movement_id` ON `missing_steps` (`movement_id`);
