// Draws simple floor plans for the demo's busiest sites and stations (the server also does this in
// the background after the first demo start).
//   npx tsx scripts/demo-floorplans.ts [--sites 5] [--stations 20]
import pino from 'pino';
import { migrateDatabase, openDatabase } from '../db/connection.js';
import { createApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { generateDemoFloorPlans } from '../server/map/floorplan-render.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : undefined;
};

const config = loadConfig();
const db = openDatabase(config.dbFile);
migrateDatabase(db);
const deps = createApp({ db, config, log: pino({ level: 'warn' }) }).locals.deps;
const t0 = Date.now();
const n = await generateDemoFloorPlans(deps, {
  sites: arg('sites'),
  stations: arg('stations'),
  onProgress: (done, total) => process.stdout.write(`\rfloor plans: ${done}/${total}`),
});
process.stdout.write(`\n${n} floor plans in ${Date.now() - t0} ms\n`);
db.$client.close();
