import pino from 'pino';
import { ConfigError, loadConfig } from './config.ts';
import { openBackend, resolveApiKey } from './bootstrap.ts';
import { buildApp } from './http/app.ts';
import { loadSamplesIfEmpty } from './samples.ts';
import { MeiliConfigError } from './storage/meili/embedded.ts';

/** Process wiring only: configuration, logging, timeouts, start-up and graceful close. */
async function main() {
  const config = loadConfig();
  const logger = pino({
    level: config.LOG_LEVEL,
    redact: { paths: ['req.headers.authorization', '*.masterKey', '*.apiKey'], censor: '[redacted]' },
  });
  const apiKey = await resolveApiKey(config, (key) => {
    if (!config.API_KEY) process.stderr.write(`polyquote: API_KEY not set; write routes use the generated key ${key} (kept in ${config.DATA_DIR}/api.key)\n`);
  });
  const backend = await openBackend(config, logger);
  const app = await buildApp({ ...config, apiKey }, backend.services, {
    loggerInstance: logger,
    connectionTimeout: 30_000,
    requestTimeout: 60_000,
    keepAliveTimeout: 10_000,
    forceCloseConnections: 'idle',
  });

  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 20_000).unref();
    await app.close().catch((error) => logger.error({ err: error }, 'closing the API failed'));
    await backend.close().catch((error) => logger.error({ err: error }, 'stopping Meilisearch failed'));
    clearTimeout(force);
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));

  try {
    if (config.LOAD_SAMPLES) await loadSamplesIfEmpty(backend.services, logger);
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    await backend.close();
    throw error;
  }
}

main().catch((error: unknown) => {
  const oneLine = error instanceof ConfigError || error instanceof MeiliConfigError;
  process.stderr.write(`polyquote: ${oneLine ? (error as Error).message : `failed to start: ${(error as Error)?.message ?? error}`}\n`);
  process.exit(1);
});
