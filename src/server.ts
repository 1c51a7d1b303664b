import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { ConfigError, loadConfig } from './config.ts';
import { openBackend, resolveApiKey, storeIsNew } from './bootstrap.ts';
import type { JobConsumer } from './queue/types.ts';
import { loadSamplesIfEmpty, readSamples } from './samples.ts';
import { MeiliConfigError } from './storage/meili/embedded/errors.ts';
import { moment } from './shared/moment.ts';
import { startedEarly } from './shared/started-early.ts';

/** What a supervisor, a terminal or `docker stop` sends; the terminal's hang-up too. */
const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Process wiring only: configuration, logging, timeouts, start-up and graceful close. */
async function main() {
  // Listened for from the start: a signal while Meilisearch is still starting must stop it as well, not end this
  // process with the default action and leave it running. A signal sent to the whole group reaches this process
  // twice (directly, and forwarded by npm): one stop.
  const stopRequest = new AbortController();
  for (const signal of STOP_SIGNALS) process.on(signal, () => stopRequest.abort(signal));

  const config = loadConfig();
  const logger = pino({
    level: config.LOG_LEVEL,
    redact: { paths: ['req.headers.authorization', '*.masterKey', '*.apiKey'], censor: '[redacted]' },
  });
  const apiKey = await resolveApiKey(config, (key) => {
    if (!config.API_KEY) process.stderr.write(`polyquote: API_KEY not set; write routes use the generated key ${key} (kept in ${config.DATA_DIR}/api.key)\n`);
  });
  // Start-up waits on Meilisearch twice, with work to do meanwhile. While it starts and configures its indexes, the
  // samples are read, then the API's modules loaded (when the store is sure to be new: another is asked first); while
  // it indexes the samples, the API is built. None of it begins before Meilisearch is spawned, not to delay that.
  const readAhead = config.LOAD_SAMPLES && storeIsNew(config);
  const meiliStarted = moment();
  const opening = openBackend(config, logger, { onMeiliStarted: meiliStarted.reach });
  const samplesRead = readAhead ? startedEarly(meiliStarted.reached.then(() => readSamples())) : undefined;
  const loadApi = () => import('./http/app.ts');
  const apiLoaded = samplesRead ? startedEarly(samplesRead.then(loadApi, loadApi)) : undefined;
  const backend = await opening;
  let app: FastifyInstance | undefined;
  let consumer: JobConsumer | undefined;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      logger.info({ signal: stopRequest.signal.reason }, 'shutting down');
      const force = setTimeout(() => process.exit(1), 20_000).unref();
      await app?.close().catch((error) => logger.error({ err: error }, 'closing the API failed'));
      await consumer?.stop().catch((error) => logger.error({ err: error }, 'stopping the job consumer failed'));
      await backend.close().catch((error) => logger.error({ err: error }, 'stopping Meilisearch failed'));
      clearTimeout(force);
      process.exit(0);
    })());
  if (stopRequest.signal.aborted) return close();
  stopRequest.signal.addEventListener('abort', () => void close(), { once: true });

  try {
    // The API is built once the samples' writes are sent (at once when there are none to load).
    const samplesSent = moment();
    const loadingSamples = (config.LOAD_SAMPLES ? loadSamplesIfEmpty(backend.services, logger, () => samplesRead ?? readSamples(), { onSent: samplesSent.reach }) : Promise.resolve(0)).finally(samplesSent.reach);
    const building = samplesSent.reached.then(() => apiLoaded ?? loadApi()).then(({ buildApp }) =>
      buildApp({ ...config, apiKey }, backend.services, {
        loggerInstance: logger,
        connectionTimeout: 30_000,
        requestTimeout: 60_000,
        keepAliveTimeout: 10_000,
        forceCloseConnections: 'idle',
      }),
    );
    [app] = await Promise.all([building, loadingSamples]);
    // The embedded queue is applied here; a shared one (QUEUE_URL) by `npm run worker` processes.
    const { jobs, ingest } = backend.services;
    // Imported here rather than at the top: it needs the store's client, whose packages load while Meilisearch starts.
    if (!jobs.shared) consumer = await jobs.consume((await import('./queue/runner.ts')).ingestRunner(ingest));
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    // Stopped while starting: the close under way owns the exit, whatever start-up made of it.
    if (closing) return closing;
    await backend.close();
    throw error;
  }
}

main().catch((error: unknown) => {
  const oneLine = error instanceof ConfigError || error instanceof MeiliConfigError;
  process.stderr.write(`polyquote: ${oneLine ? (error as Error).message : `failed to start: ${(error as Error)?.message ?? error}`}\n`);
  process.exit(1);
});
