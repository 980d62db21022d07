-- Covering indexes for the due list (GET /api/checks/due, target p95 < 15 ms at 60,000 works).
-- Per grade and per site, the due range reads in due-date order, which is risk order within a
-- grade; counts are one range per site; never-checked works read in acquisition order.
-- Hand-written (not in the drizzle schema) because the artworks table belongs to the catalogue.
CREATE INDEX `artworks_due_grade` ON `artworks` (`last_grade`, `next_check_due`, `status`, `site_id`);--> statement-breakpoint
CREATE INDEX `artworks_site_due_grade` ON `artworks` (`site_id`, `last_grade`, `next_check_due`, `status`);--> statement-breakpoint
CREATE INDEX `artworks_site_due` ON `artworks` (`site_id`, `next_check_due`, `status`);--> statement-breakpoint
CREATE INDEX `artworks_never_checked` ON `artworks` (`last_check_at`, coalesce(`acquisition_date`, ''), `status`, `site_id`);--> statement-breakpoint
CREATE INDEX `artworks_site_never_checked` ON `artworks` (`site_id`, `last_check_at`, coalesce(`acquisition_date`, ''), `status`);
