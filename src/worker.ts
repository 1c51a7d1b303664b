import pino from 'pino';
import { ConfigError, loadConfig } from './config.ts';
import { openBackend } from './bootstrap.ts';
import { ingestRunner } from './queue/runner.ts';
import { MeiliConfigError } from './storage/meili/embedded/errors.ts';

const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * `npm run worker`: applies ingestion jobs from the shared queue of QUEUE_URL. Run as many as you like: the queue
 * hands out one job at a time across all of them. Stopped, it finishes the articles under way and leaves the rest of
 * its job to be retried from the last checkpoint.
 */
async function main() {
  const stopRequest = new AbortController();
  for (const signal of STOP_SIGNALS) process.on(signal, () => stopRequest.abort(signal));
  const config = loadConfig();
  if (!config.QUEUE_URL) throw new ConfigError('QUEUE_URL is not set: without it, `npm start` applies the jobs itself and no worker is needed');
  const logger = pino({ level: config.LOG_LEVEL, redact: { paths: ['*.masterKey', '*.apiKey'], censor: '[redacted]' } });
  // Jobs are only worth taking with the one store every API node writes to.
  const backend = await openBackend(config, logger, { shareRunning: true });
  const { jobs, ingest } = backend.services;
  const consumer = await jobs.consume(ingestRunner(ingest));
  logger.info('worker consuming ingestion jobs');
  const stop = async () => {
    logger.info({ signal: stopRequest.signal.reason }, 'worker stopping');
    const force = setTimeout(() => process.exit(1), 20_000).unref();
    await consumer.stop().catch((error) => logger.error({ err: error }, 'stopping the consumer failed'));
    await backend.close().catch((error) => logger.error({ err: error }, 'closing the backend failed'));
    clearTimeout(force);
    process.exit(0);
  };
  if (stopRequest.signal.aborted) return stop();
  stopRequest.signal.addEventListener('abort', () => void stop(), { once: true });
}

main().catch((error: unknown) => {
  const oneLine = error instanceof ConfigError || error instanceof MeiliConfigError;
  process.stderr.write(`polyquote worker: ${oneLine ? (error as Error).message : `failed to start: ${(error as Error)?.message ?? error}`}\n`);
  process.exit(1);
});
