/**
 * The files of the embedded Meilisearch in `DATA_DIR`:
 *   master.key   the master key (generated once, mode 0600, reused on every start)
 *   meili/       the database (`--db-path`)
 *   dumps/ snapshots/
 *   meili.log    Meilisearch's own stdout/stderr (kept out of ours)
 *   meili.json   discovery file `{pid, url, ownerPid}`, written once healthy, removed on stop
 *   meili.lock   held by the one process that runs the data dir's Meilisearch (a pid-file lock)
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp, readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { HOST, isAlive, readLockHolder, removeAbandonedLock, tryCreateLock, type LockHolder } from '../../pid-lock.ts';
import { MeiliConfigError } from './errors.ts';

export const DISCOVERY_FILE = 'meili.json';
export const MASTER_KEY_FILE = 'master.key';
export const LOG_FILE = 'meili.log';
export const LOCK_FILE = 'meili.lock';
/** Meilisearch's own database. */
export const DATABASE_DIR = 'meili';
const MAX_LOG_BYTES = 20 * 1024 * 1024;
/** A lock file that still cannot be read after this long was not being written: it is garbage. */
const UNREADABLE_LOCK_MS = 1_000;

/** Data dirs whose lock this process holds. */
const ownedLocks = new Set<string>();

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

export interface Discovery {
  pid: number;
  url: string;
  ownerPid: number;
}

export async function readDiscovery(dataDir: string): Promise<Discovery | undefined> {
  try {
    const d = JSON.parse(await fsp.readFile(path.join(dataDir, DISCOVERY_FILE), 'utf8')) as Partial<Discovery>;
    if (Number.isInteger(d.pid) && typeof d.url === 'string' && Number.isInteger(d.ownerPid)) return d as Discovery;
  } catch {
    // missing or garbled: treated as absent
  }
  return undefined;
}

export async function writeDiscovery(dataDir: string, d: Discovery): Promise<void> {
  const file = path.join(dataDir, DISCOVERY_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  await fsp.writeFile(tmp, JSON.stringify(d) + '\n', { mode: 0o600 });
  await fsp.rename(tmp, file);
}

/** Removes the discovery file if it still describes `pid`. Sync so that it can run in an exit hook. */
export function removeDiscoverySync(dataDir: string, pid: number | undefined): void {
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

/**
 * Takes `<dataDir>/meili.lock` for as long as we own the data dir's Meilisearch: one owner per data dir, as Meilisearch
 * itself does not stop a second process from opening the same database. Returns undefined when taken, else the pid of
 * the live process holding it (possibly ourselves: a second embedded server on one data dir in one process is refused
 * too). A lock left by a dead process is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<number | undefined> {
  const file = path.join(dataDir, LOCK_FILE);
  const abandoned = (holder: LockHolder) => {
    if (holder.pid === undefined) return Date.now() - holder.mtimeMs > UNREADABLE_LOCK_MS;
    if (holder.pid === process.pid) return !ownedLocks.has(dataDir);
    return holder.host === HOST && !isAlive(holder.pid);
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      if (await tryCreateLock(file)) {
        ownedLocks.add(dataDir);
        return undefined;
      }
    } catch (err) {
      throw new MeiliConfigError(`cannot write ${file}: ${(err as Error).message}`);
    }
    const holder = await readLockHolder(file);
    if (!holder) continue; // released in between
    if (abandoned(holder)) await removeAbandonedLock(file, holder, abandoned);
    else if (holder.pid !== undefined) return holder.pid;
    else await sleep(20); // being written right now: look again
  }
  throw new MeiliConfigError(`cannot take ${file}: another process keeps taking it`);
}

/** Releases the data dir's lock if this process holds it. Sync so that it can run in an exit hook. */
export function unlockDataDirSync(dataDir: string): void {
  if (!ownedLocks.delete(dataDir)) return;
  const file = path.join(dataDir, LOCK_FILE);
  try {
    if ((JSON.parse(readFileSync(file, 'utf8')) as { pid?: number }).pid === process.pid) unlinkSync(file);
  } catch {
    // already gone
  }
}

/** Releases every data dir lock this process holds (the exit hook). */
export function unlockAllDataDirsSync(): void {
  for (const dataDir of ownedLocks) unlockDataDirSync(dataDir);
}

/** The end of Meilisearch's log, for the message of a failed start. */
export async function logTail(file: string, bytes = 2000): Promise<string> {
  try {
    const fh = await fsp.open(file, 'r');
    try {
      const { size } = await fh.stat();
      const start = Math.max(0, size - bytes);
      const buf = Buffer.alloc(size - start);
      await fh.read(buf, 0, buf.length, start);
      // strip the ANSI colours Meilisearch may emit
      // eslint-disable-next-line no-control-regex -- ESC starts every colour sequence
      return buf.toString('utf8').replace(/\x1b\[[0-9;]*m/g, '').trim();
    } finally {
      await fh.close();
    }
  } catch {
    return '';
  }
}

/** Starts the log afresh once it has grown past MAX_LOG_BYTES. */
export async function trimLog(file: string): Promise<void> {
  try {
    const st = await fsp.stat(file);
    if (st.size > MAX_LOG_BYTES) await fsp.truncate(file, 0);
  } catch {
    // no log yet
  }
}
