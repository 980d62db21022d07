// Starts Konstkoll: config from env, migrate, seed if empty, listen, shut down gracefully.
import pino from 'pino';
import type { Server } from 'node:http';
import { migrateDatabase, openDatabase } from '../db/connection.js';
import { createApp } from './app.js';
import { checkWritable, ConfigError, loadConfig, type Config } from './config.js';
import { ensureFirstAdmin } from './users/first-start.js';
import { scheduleBackups } from './ops/ops.js';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
    checkWritable(config);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`konstkoll: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const log = pino({ level: config.logLevel, transport: process.stdout.isTTY ? { target: 'pino-pretty', options: { ignore: 'pid,hostname' } } : undefined });
  const db = openDatabase(config.dbFile);
  migrateDatabase(db);

  if (config.seed === 'demo') {
    const count = db.$client.prepare('select count(*) from artworks').pluck().get() as number;
    if (count === 0) {
      const { seedDemo } = await import('../scripts/seed-demo.js');
      const { createDemoUsers } = await import('../scripts/demo-users.js');
      log.info(`seeding the demo collection (${config.seedWorks} works)…`);
      const summary = seedDemo(db, {
        works: config.seedWorks,
        // Seeding blocks the event loop, so progress is written synchronously rather than through pino.
        onProgress: (phase, done, total) => process.stdout.write(`  seed: ${phase} ${done}/${total}\n`),
      });
      log.info(`seeded in ${summary.ms} ms`);
      await createDemoUsers(db, (line) => process.stdout.write(line + '\n'));
      (await import('../scripts/demo-images.js')).markDemoImagesPending(db);
    }
  }
  await ensureFirstAdmin(db, new Date(), (line) => process.stdout.write(line + '\n'));

  const app = createApp({ db, config, log });
  // Pictures for a freshly seeded demo are drawn in the background once the server listens (resumed after a restart).
  (await import('../scripts/demo-images.js')).scheduleDemoImages(app.locals.deps);
  const server: Server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  }).catch((err: NodeJS.ErrnoException) => {
    process.stderr.write(`konstkoll: PORT: cannot listen on ${config.port} (${err.code ?? err.message})\n`);
    process.exit(1);
  });
  log.info(`Konstkoll ${config.version} listening on http://localhost:${config.port}`);
  app.locals.deps.events.emit('started');
  const stopBackups = scheduleBackups(app.locals.deps);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: finishing requests in flight, then closing the database`);
    stopBackups();
    app.locals.deps.events.emit('stopping');
    server.close(() => {
      db.$client.close();
      log.info('stopped cleanly');
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => {
      log.warn('requests still open after 10 s; closing anyway');
      server.closeAllConnections();
    }, 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`konstkoll: failed to start: ${(err as Error).message}\n`);
  process.exit(1);
});
