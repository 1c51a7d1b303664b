/**
 * A write lock shared by every polyquote process on one DATA_DIR (the server, `npm run index`, a second server on an
 * external Meilisearch). Ingestion reads the store, links, then writes: two processes doing that at once each miss the
 * other's article and leave clusters that disagree. IngestService already queues its own writes; this lock makes the
 * other processes wait too.
 *
 * Files in the lock's directory:
 *   write.lock           the lock: `{pid, host, startedAt, token}`, created with O_EXCL; its mtime is the heartbeat
 *   write.lock.takeover  held for a moment by the one process allowed to remove an abandoned lock
 *   write.lock.queue/    one ticket per waiting process, named by the time it started waiting: the oldest goes next,
 *                        so that a process that releases the lock and wants it again at once queues behind the others
 *
 * Processes on different hosts only share the lock when they share the directory (a network file system); the
 * heartbeat, not the pid, is then what tells an abandoned lock.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { StoreUnavailableError } from './meili/client.ts';
import { HOST, isAlive, readLockHolder, releaseLock, removeAbandonedLock, tryCreateLock, type LockHolder } from './pid-lock.ts';

export const WRITE_LOCK_FILE = 'write.lock';

/** What IngestService needs: run `fn` while no other writer runs. */
export interface WriteLock {
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** Whether another process waits for the lock: a holder with more to write lets it go at the next point it can. */
  othersWaiting(): Promise<boolean>;
}

export interface FileWriteLockOptions {
  /** How long to wait for the lock before giving up with a WriteLockTimeoutError. Default 30 s. */
  timeoutMs?: number;
  /** A lock whose heartbeat is older than this is abandoned, whoever holds it. Default 20 s. */
  staleMs?: number;
  /** How often a holder touches the lock. Default staleMs / 5. */
  heartbeatMs?: number;
  /** Longest pause between two attempts while waiting (the pause starts at 2 ms and doubles). Default 40 ms. */
  maxPollMs?: number;
}

/**
 * Another process kept the lock past the wait bound. A StoreUnavailableError, so that the API answers 503 with
 * Retry-After and the CLI reports the file and goes on.
 */
export class WriteLockTimeoutError extends StoreUnavailableError {
  constructor(
    readonly heldForSeconds: number,
    readonly holderPid: number | undefined,
  ) {
    const message = `another polyquote process has held the write lock for ${heldForSeconds} s (pid ${holderPid ?? 'unknown'})`;
    // The API's error handler logs the cause of a StoreUnavailableError: say what the store was waiting for.
    super(message, { cause: message });
    this.name = 'WriteLockTimeoutError';
  }
}

/** A ticket not refreshed for this long belongs to a process that stopped waiting (or died): it is skipped. */
const TICKET_FRESH_MS = 1_000;
/** How often the next in the queue looks at the lock: a hand-over between writers should cost little. */
const HEAD_POLL_MS = 5;
/**
 * Tokens of the locks this process holds now. A lock file naming this pid but none of these was left by an earlier
 * process that had the same pid (a container's pid 1 after a restart): abandoned, though the pid is alive.
 */
const heldHere = new Set<string>();

export class FileWriteLock implements WriteLock {
  readonly file: string;
  private readonly queue: string;
  private readonly timeoutMs: number;
  private readonly staleMs: number;
  private readonly heartbeatMs: number;
  private readonly maxPollMs: number;
  /** Tells this lock object's tickets from another's, in this process or any other. */
  private readonly id = `${process.pid}-${randomBytes(6).toString('hex')}`;

  constructor(file: string, options: FileWriteLockOptions = {}) {
    this.file = file;
    this.queue = `${file}.queue`;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.staleMs = options.staleMs ?? 20_000;
    this.heartbeatMs = options.heartbeatMs ?? Math.max(10, Math.floor(this.staleMs / 5));
    this.maxPollMs = options.maxPollMs ?? 40;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const token = await this.acquire();
    // The heartbeat runs on timers, so it keeps going while fn awaits a slow Meilisearch; only a blocked or stopped
    // process lets it age, and then waiters are right to stop trusting the lock.
    const beat = setInterval(() => {
      const now = new Date();
      fsp.utimes(this.file, now, now).catch(() => undefined);
    }, this.heartbeatMs);
    beat.unref();
    try {
      return await fn();
    } finally {
      clearInterval(beat);
      await this.release(token);
    }
  }

  private async acquire(): Promise<string> {
    const token = randomBytes(12).toString('hex');
    const deadline = Date.now() + this.timeoutMs;
    let pause = 2;
    let ticket: string | undefined;
    await fsp.mkdir(path.dirname(this.file), { recursive: true });
    try {
      for (;;) {
        // Fairness: only the longest waiter may take a free lock. Without this, a CLI that releases the lock and takes
        // it again for its next article nearly always beats a server polling for it, and API posts wait the whole run.
        const head = await this.queueHead();
        const myTurn = head === undefined || head === ticket;
        if (myTurn && (await this.tryCreate(token))) return token;

        const holder = await readLockHolder(this.file);
        if (holder && this.isAbandoned(holder)) {
          await removeAbandonedLock(this.file, holder, (now) => this.isAbandoned(now));
          continue;
        }
        if (Date.now() >= deadline) {
          const startedAt = holder?.fields.startedAt;
          const since = typeof startedAt === 'number' ? startedAt : (holder?.mtimeMs ?? Date.now());
          throw new WriteLockTimeoutError(Math.max(0, Math.round((Date.now() - since) / 1000)), holder?.pid);
        }
        // Join the queue, or show that we are still in it. Rewriting recreates a ticket someone took for dead while
        // this process was busy, under its old name: it keeps its place.
        ticket ??= `${String(Date.now()).padStart(15, '0')}-${this.id}`;
        await fsp.mkdir(this.queue, { recursive: true });
        await fsp.writeFile(path.join(this.queue, ticket), '');
        await sleep(Math.min(myTurn ? HEAD_POLL_MS : pause, Math.max(1, deadline - Date.now())));
        pause = Math.min(pause * 2, this.maxPollMs);
      }
    } finally {
      if (ticket) await fsp.unlink(path.join(this.queue, ticket)).catch(() => undefined);
    }
  }

  async othersWaiting(): Promise<boolean> {
    // The holder's own ticket went when it took the lock: any live one is another waiter's.
    return (await this.queueHead()) !== undefined;
  }

  /** The oldest live ticket; dead ones are deleted on the way. */
  private async queueHead(): Promise<string | undefined> {
    const tickets = await fsp.readdir(this.queue).catch(() => [] as string[]);
    for (const ticket of tickets.sort()) {
      const st = await fsp.stat(path.join(this.queue, ticket)).catch(() => undefined);
      if (st && Date.now() - st.mtimeMs < TICKET_FRESH_MS) return ticket;
      if (st) await fsp.unlink(path.join(this.queue, ticket)).catch(() => undefined);
    }
    return undefined;
  }

  private async tryCreate(token: string): Promise<boolean> {
    heldHere.add(token); // before the file exists: another lock object here must never see it unclaimed
    try {
      if (await tryCreateLock(this.file, { startedAt: Date.now(), token })) return true;
    } catch (error) {
      heldHere.delete(token);
      throw error;
    }
    heldHere.delete(token);
    return false;
  }

  private async release(token: string): Promise<void> {
    try {
      // Not ours any more only if a waiter judged us abandoned (heartbeat stalled): leave the new holder's lock alone.
      await releaseLock(this.file, (holder) => holder.fields.token === token);
    } catch {
      // Never mask fn's own outcome: a lock we failed to delete has no heartbeat now, waiters take it over in staleMs.
    } finally {
      heldHere.delete(token);
    }
  }

  /**
   * The owner died (same host, no such process), or the heartbeat stopped. A file that cannot be parsed yet is one
   * being written: only its age can condemn it.
   */
  private isAbandoned(holder: LockHolder): boolean {
    if (Date.now() - holder.mtimeMs > this.staleMs) return true;
    if (holder.host !== HOST || holder.pid === undefined) return false;
    return holder.pid === process.pid ? !heldHere.has(String(holder.fields.token ?? '')) : !isAlive(holder.pid);
  }
}
