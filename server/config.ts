// The only place that reads process.env: configuration parsed once, with working defaults.
import { z } from 'zod';
import fs from 'node:fs';
import path from 'node:path';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  KONSTKOLL_DB: z.string().min(1).default('db/konstkoll.sqlite'),
  KONSTKOLL_UPLOADS: z.string().min(1).default('uploads'),
  KONSTKOLL_SEED: z.enum(['demo', 'none']).default('demo'),
  KONSTKOLL_SEED_WORKS: z.coerce.number().int().min(0).max(2_000_000).default(60_000),
  /** How many demo works get generated pictures after the first seed (0 = none). */
  KONSTKOLL_DEMO_IMAGES: z.coerce.number().int().min(0).max(100_000).default(400),
  TILE_URL: z.string().url().optional(),
  TILE_ATTRIBUTION: z.string().optional(),
  /** The public origin (e.g. https://konst.example.se) for links printed on QR labels; unset → the request's own. */
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 90).default(12),
  INVENTORY_PATTERN: z.string().default('^[A-ZÅÄÖ]{2,5} ?\\d{1,7}$'),
  INVENTORY_PREFIX: z.string().default('SLL'),
  /** The year the guide's reach is compared with (default: last year). */
  GUIDE_BASELINE_YEAR: z.coerce.number().int().min(2000).max(2100).optional(),
  BACKUP_DIR: z.string().optional(),
  BACKUP_KEEP: z.coerce.number().int().min(1).default(14),
  /** Weeks after a work went missing when the follow-up asks for a police report. */
  MISSING_POLICE_REPORT_WEEKS: z.coerce.number().int().min(1).max(104).default(4),
});

export type Config = {
  port: number;
  host: string;
  dbFile: string;
  uploadsDir: string;
  seed: 'demo' | 'none';
  seedWorks: number;
  demoImages: number;
  tileUrl: string | undefined;
  tileAttribution: string | undefined;
  publicUrl: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  sessionTtlHours: number;
  inventoryPattern: string;
  inventoryPrefix: string;
  backupDir: string | undefined;
  guideBaselineYear: number | undefined;
  backupKeep: number;
  missingPoliceReportWeeks: number;
  version: string;
};

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError with one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`${name}: ${issue.message} (got ${JSON.stringify(env[name] ?? '')})`);
  }
  const e = parsed.data;
  try {
    new RegExp(e.INVENTORY_PATTERN);
  } catch {
    throw new ConfigError(`INVENTORY_PATTERN: not a valid regular expression`);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dbFile: path.resolve(e.KONSTKOLL_DB),
    uploadsDir: path.resolve(e.KONSTKOLL_UPLOADS),
    seed: e.KONSTKOLL_SEED,
    seedWorks: e.KONSTKOLL_SEED_WORKS,
    demoImages: e.KONSTKOLL_DEMO_IMAGES,
    tileUrl: e.TILE_URL,
    tileAttribution: e.TILE_ATTRIBUTION,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    logLevel: e.LOG_LEVEL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    inventoryPattern: e.INVENTORY_PATTERN,
    inventoryPrefix: e.INVENTORY_PREFIX,
    backupDir: e.BACKUP_DIR ? path.resolve(e.BACKUP_DIR) : undefined,
    backupKeep: e.BACKUP_KEEP,
    guideBaselineYear: e.GUIDE_BASELINE_YEAR,
    missingPoliceReportWeeks: e.MISSING_POLICE_REPORT_WEEKS,
    version: readVersion(),
  };
}

function readVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Checks that the database's folder and the uploads folder can be written; throws ConfigError. */
export function checkWritable(config: Config): void {
  const probe = (name: string, dir: string) => {
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.accessSync(dir, fs.constants.W_OK);
    } catch (err) {
      throw new ConfigError(`${name}: cannot write to ${dir} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  };
  probe('KONSTKOLL_DB', path.dirname(config.dbFile));
  if (fs.existsSync(config.dbFile)) {
    try {
      fs.accessSync(config.dbFile, fs.constants.W_OK);
    } catch {
      throw new ConfigError(`KONSTKOLL_DB: ${config.dbFile} is not writable`);
    }
  }
  probe('KONSTKOLL_UPLOADS', config.uploadsDir);
}
