/**
 * Pid-file locks: a file created with O_EXCL that names the process holding it (`{pid, host, …}`). The data dir's
 * Meilisearch (meili.lock) and the write lock shared by polyquote processes (write.lock) are both taken this way; each
 * decides for itself when a holder has abandoned its lock.
 */
import { promises as fsp, readFileSync } from 'node:fs';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

export const HOST = os.hostname();

export interface LockHolder {
  pid?: number;
  host?: string;
  /** the other fields the holder wrote */
  fields: Record<string, unknown>;
  /** the file exactly as read: the identity of one acquisition */
  raw: string;
  ino: number;
  mtimeMs: number;
}

/** The takeover guard is held for a few file operations; older than this, its holder died in between. */
const GUARD_STALE_MS = 5_000;

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

/** Creates the lock naming this process; false when it exists ('wx' is O_CREAT|O_EXCL: of any number of processes, one wins). */
export async function tryCreateLock(file: string, fields: Record<string, unknown> = {}): Promise<boolean> {
  try {
    await fsp.writeFile(file, JSON.stringify({ pid: process.pid, host: HOST, ...fields }), { flag: 'wx', mode: 0o644 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Who holds the lock; undefined when there is none. A file that cannot be parsed yet is one being written: no pid. */
export async function readLockHolder(file: string): Promise<LockHolder | undefined> {
  try {
    const [raw, st] = await Promise.all([fsp.readFile(file, 'utf8'), fsp.stat(file)]);
    let fields: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed && typeof parsed === 'object') fields = parsed as Record<string, unknown>;
      // A bare pid: meili.lock as polyquote wrote it before it named the host (a server of that version may still run).
      else if (Number.isInteger(parsed)) fields = { pid: parsed, host: HOST };
    } catch {
      // being written right now, or garbage
    }
    return {
      pid: Number.isInteger(fields.pid) ? (fields.pid as number) : undefined,
      host: typeof fields.host === 'string' ? fields.host : undefined,
      fields,
      raw,
      ino: st.ino,
      mtimeMs: st.mtimeMs,
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Deletes the lock if this process still holds it (`owns` tells its acquisition from a later one). */
export async function releaseLock(file: string, owns: (holder: LockHolder) => boolean): Promise<void> {
  const holder = await readLockHolder(file);
  if (holder && owns(holder)) await fsp.unlink(file);
}

/**
 * Removes a lock judged abandoned. That is a read-then-delete, which two waiters could interleave so that the second
 * deletes the fresh lock the first has just created. So only the holder of the takeover guard (itself O_EXCL) may
 * delete, and it deletes only if the lock is still the very file it judged, and still abandoned.
 */
export async function removeAbandonedLock(file: string, judged: LockHolder, isAbandoned: (holder: LockHolder) => boolean): Promise<void> {
  const guard = `${file}.takeover`;
  try {
    await fsp.writeFile(guard, JSON.stringify({ pid: process.pid, host: HOST }), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Someone else is taking over. A guard left by a process that died during those few operations is cleared.
    const st = await fsp.stat(guard).catch(() => undefined);
    if (st && Date.now() - st.mtimeMs > GUARD_STALE_MS) await fsp.unlink(guard).catch(() => undefined);
    else await sleep(2);
    return;
  }
  try {
    const now = await readLockHolder(file);
    if (now && now.ino === judged.ino && now.raw === judged.raw && isAbandoned(now)) await fsp.unlink(file);
  } finally {
    await fsp.unlink(guard).catch(() => undefined);
  }
}
