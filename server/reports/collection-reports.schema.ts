// Query contracts of the collection reports (GET /api/reports/…). Imports nothing but zod.
import { z } from 'zod';

const id = z.coerce.number().int().positive().max(2 ** 31 - 1);

export const InventoryReportQuery = z.strictObject({
  /** A site, building, floor or room: the list covers its whole subtree. */
  location: id,
});
export const SiteReportQuery = z.strictObject({ site: id.optional() });
export const ArtistReportParams = z.strictObject({ id });
