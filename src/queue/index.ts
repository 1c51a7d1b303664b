import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { LocalJobQueue } from './local.ts';
import type { JobQueue } from './types.ts';

/**
 * BullMQ on the Redis/Valkey of QUEUE_URL when it is set; otherwise the in-process queue durable in DATA_DIR. BullMQ and
 * its Redis client are loaded only then: they take most of a second to load, which a server without them need not wait.
 */
export async function openJobQueue(config: Pick<Config, 'QUEUE_URL' | 'QUEUE_LOCK_MS' | 'DATA_DIR' | 'INDEX_PREFIX'>, logger?: Logger): Promise<JobQueue> {
  if (config.QUEUE_URL) {
    const { BullJobQueue } = await import('./bullmq.ts');
    return new BullJobQueue({ url: config.QUEUE_URL, name: `${config.INDEX_PREFIX}ingest`, lockMs: config.QUEUE_LOCK_MS, logger });
  }
  return new LocalJobQueue(path.join(config.DATA_DIR, 'jobs'), logger);
}

export type { JobQueue, JobRunner, JobStatus } from './types.ts';
