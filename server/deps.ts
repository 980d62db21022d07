// What every feature gets handed: no module imports a live db, logger or clock.
import type { Logger } from 'pino';
import type { Db } from '../db/connection.js';
import type { Config } from './config.js';
import type { CursorCodec } from './http/pagination.js';
import type { RouteRegistry } from './http/routes.js';

export type Clock = { now(): Date };

export type Deps = {
  db: Db;
  config: Config;
  log: Logger;
  clock: Clock;
  cursors: CursorCodec;
  routes: RouteRegistry;
  /** Called after any write that changes artworks, so in-memory indexes (map, facets) stay current. */
  events: import('node:events').EventEmitter;
  /** Named checks that return a warning (e.g. "backup overdue") or null; the health endpoint lists them. */
  healthChecks: Map<string, () => string | null>;
};

export const systemClock: Clock = { now: () => new Date() };
