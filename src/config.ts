import { z } from 'zod';
import { booleanFlag } from './schemas/flag.ts';

const port = z.coerce.number().int().min(0).max(65535);
const commaList = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

export const DEFAULT_JOB_BODY_LIMIT_BYTES = 256 * 1024 * 1024;

/** Every setting the service reads, from the environment. */
export const ConfigSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  MEILI_URL: z.url().optional(),
  MEILI_MASTER_KEY: z.string().min(1).optional(),
  MEILI_BIN: z.string().min(1).optional(),
  MEILI_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  INDEX_PREFIX: z.string().regex(/^[a-zA-Z0-9_-]*$/, 'letters, digits, _ and - only').default(''),
  API_KEY: z.string().min(8, 'at least 8 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: commaList.default([]),
  RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(10_000),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1000).default(60_000),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
  LINK_THRESHOLD: z.coerce.number().min(0).max(1).default(0.6),
  EMBEDDER_URL: z.url().optional(),
  EMBEDDER_MODEL: z.string().default('text-embedding-3-small'),
  EMBEDDER_API_KEY: z.string().min(1).optional(),
  EMBEDDER_MIN_SIMILARITY: z.coerce.number().min(0).max(1).default(0.85),
  LOAD_SAMPLES: booleanFlag.default(true),
  INDEX_BATCH_ARTICLES: z.coerce.number().int().min(1).max(10_000).default(250),
  /** redis:// or rediss:// URL of the Redis/Valkey that ingestion jobs go through; unset: the in-process queue in DATA_DIR. */
  QUEUE_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  QUEUE_LOCK_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  /** Largest POST /ingest-jobs body: a job carries many articles at once. */
  JOB_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(DEFAULT_JOB_BODY_LIMIT_BYTES),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

/** Reads the settings; an invalid one becomes a single line naming the variable, never a stack trace. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`invalid setting ${issue.path.join('.')}: ${issue.message}`);
  }
  if (parsed.data.MEILI_URL && !parsed.data.MEILI_MASTER_KEY) {
    throw new ConfigError('MEILI_URL is set but MEILI_MASTER_KEY is not: set the key of that Meilisearch server');
  }
  return parsed.data;
}
