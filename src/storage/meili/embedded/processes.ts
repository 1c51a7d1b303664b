/**
 * The Meilisearch processes this process started or found: telling one from a reused pid, stopping it, and the
 * last-resort cleanup that stops every live child when this process exits.
 */
import type { ChildProcess } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive } from '../../pid-lock.ts';
import { removeDiscoverySync, unlockAllDataDirsSync } from './data-dir.ts';

/** pid → data dir of every Meilisearch this process runs. */
const liveChildren = new Map<number, string>();
let exitHookInstalled = false;

/** Registers a running child, so that it is stopped if this process exits without stopping it. */
export function trackChild(pid: number, dataDir: string): void {
  liveChildren.set(pid, dataDir);
  installExitHook();
}

export function untrackChild(pid: number): void {
  liveChildren.delete(pid);
}

export function installExitHook(): void {
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
    unlockAllDataDirsSync();
  });
}

/** On Linux, check that `pid` really is a Meilisearch (guards against pid reuse); elsewhere assume it is. */
export async function looksLikeMeili(pid: number): Promise<boolean> {
  if (process.platform !== 'linux') return true;
  try {
    const cmd = await fsp.readFile(`/proc/${pid}/cmdline`, 'utf8');
    return /meilisearch|--db-path/.test(cmd);
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await sleep(50);
  }
  return !isAlive(pid);
}

/** Kills a process we do not have a ChildProcess handle for (an orphan): its group first, then itself. */
export async function killPid(pid: number, timeoutMs = 10_000): Promise<void> {
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

/** SIGTERM, wait up to `timeoutMs` for the exit, then SIGKILL. */
export async function killChild(proc: ChildProcess, timeoutMs: number): Promise<void> {
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
  untrackChild(pid);
}
