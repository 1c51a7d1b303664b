/**
 * A private Redis (or Valkey) server for a test file: `const { url } = await testRedis(t)`. Starts the Debian package's
 * server on a free port with a fresh data dir (append-only file on, as a durable queue needs) and stops it, removing
 * the dir, in t.teardown. CI installs it (`apt-get install -y redis-server`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../reliability/app.ts';

const CANDIDATES = ['/usr/bin/valkey-server', '/usr/bin/redis-server'];
export const REDIS_SERVER = CANDIDATES.find((bin) => existsSync(bin));

/**
 * A tap `skip` reason when no server is installed, false when one is. On CI (CI set) never a skip: the tests then
 * fail, saying what is missing, instead of passing without having run.
 */
export const skipWithoutRedis = REDIS_SERVER || process.env.CI
  ? false
  : 'neither valkey-server nor redis-server is installed: apt-get install -y redis-server to run the shared-queue tests';

interface Teardownable {
  teardown(fn: () => unknown): void;
}

export interface TestRedis {
  url: string;
  /** Stops the server at once, as a crash would (SIGKILL), or cleanly. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function testRedis(t: Teardownable): Promise<TestRedis> {
  if (!REDIS_SERVER) throw new Error(`none of ${CANDIDATES.join(', ')} exists: apt-get install -y redis-server`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'polyquote-test-redis-'));
  const port = await freePort();
  const child: ChildProcess = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A test file killed by its timeout runs no teardown: the server must not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  t.teardown(async () => {
    await stop();
    await rm(dir, { recursive: true, force: true });
  });
  for (let tries = 0; !(await answers(port)); tries++) {
    if (child.exitCode !== null || tries > 200) throw new Error(`${REDIS_SERVER} did not start: ${stderr}`);
    await sleep(25);
  }
  return { url: `redis://127.0.0.1:${port}`, stop };
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => socket.end('PING\r\n'));
    socket.once('data', (d) => resolve(d.toString().startsWith('+PONG')));
    socket.once('error', () => resolve(false));
    socket.once('close', () => resolve(false));
  });
}
