/**
 * The cross-process write lock (src/storage/write-lock.ts) on its own: mutual exclusion between real processes racing
 * to take over an abandoned lock, takeover of a dead or silent holder's lock, the bounded wait and its message,
 * release when the work throws, and a waiter's turn against a holder that keeps re-taking the lock.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import { FileWriteLock, WriteLockTimeoutError } from '../../src/storage/write-lock.ts';
import { StoreUnavailableError } from '../../src/storage/meili/client.ts';
import { setTimeout as sleep } from 'node:timers/promises';

async function tempDir(t: { teardown(fn: () => unknown): void }): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'polyquote-write-lock-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A pid that no process has now: one of a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

async function writeLockFile(file: string, holder: object, ageMs = 0) {
  await writeFile(file, JSON.stringify({ token: 'theirs', ...holder }));
  const when = new Date(Date.now() - ageMs);
  await utimes(file, when, when);
}

/** Checks a log of "enter pid"/"exit pid" lines: every enter is followed by the exit of the same pid. */
function overlaps(lines: string[]): string[] {
  const problems: string[] = [];
  for (let i = 0; i < lines.length; i += 2) {
    const [enter, exit] = [lines[i], lines[i + 1]];
    if (!enter?.startsWith('enter ') || exit !== `exit ${enter.slice(6)}`) problems.push(`line ${i + 1}: ${enter} then ${exit}`);
  }
  return problems;
}

t.test('processes racing to take over a dead holder\'s lock still enter one at a time', async (t) => {
  const dir = await tempDir(t);
  const file = path.join(dir, 'write.lock');
  const log = path.join(dir, 'log');
  await writeLockFile(file, { pid: deadPid(), host: os.hostname(), startedAt: Date.now() - 60_000 });
  const workers = 4;
  const rounds = 8;
  const children = Array.from({ length: workers }, () =>
    spawn(process.execPath, ['--import', 'tsx', 'test/reliability/lock-worker.ts', file, log, String(rounds), '3'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    }),
  );
  const exits = children.map((child) => new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code))));
  t.teardown(() => children.forEach((child) => child.exitCode === null && child.kill()));
  // all of them find the abandoned lock at the same moment: started together once every one has loaded
  await Promise.all(children.map((child) => once(child.stdout, 'data')));
  for (const child of children) child.stdin.end('go\n');
  const codes = await Promise.all(exits);
  t.same(codes, Array(workers).fill(0), 'every worker finished');
  const lines = readFileSync(log, 'utf8').trim().split('\n');
  t.equal(lines.length, 2 * workers * rounds, 'every critical section ran');
  t.same(overlaps(lines), [], 'no two processes were ever inside at once');
  t.equal(new Set(lines.map((l) => l.split(' ')[1])).size, workers, 'all workers got in');
  t.notOk(existsSync(file), 'the lock is released at the end');
});

t.test('a lock left by a dead process on this host is taken over at once', async (t) => {
  const file = path.join(await tempDir(t), 'write.lock');
  await writeLockFile(file, { pid: deadPid(), host: os.hostname(), startedAt: Date.now() });
  // The wait is bounded well below the age at which a heartbeat goes stale: getting in at all means the dead pid was enough.
  const lock = new FileWriteLock(file, { timeoutMs: 5_000, staleMs: 60_000 });
  t.equal(await lock.run(async () => 'done'), 'done', 'without waiting for the heartbeat to age');
});

t.test('a lock naming this very pid but not held here is an earlier process\'s (pid reuse after a restart)', async (t) => {
  const file = path.join(await tempDir(t), 'write.lock');
  await writeLockFile(file, { pid: process.pid, host: os.hostname(), startedAt: Date.now() });
  t.equal(await new FileWriteLock(file, { timeoutMs: 2_000 }).run(async () => 'done'), 'done');
});

t.test('a lock whose heartbeat stopped is taken over, whoever holds it', async (t) => {
  const file = path.join(await tempDir(t), 'write.lock');
  // another host: its pid cannot be checked, only the heartbeat tells
  await writeLockFile(file, { pid: 4242, host: 'elsewhere.example', startedAt: Date.now() - 60_000 }, 5_000);
  t.equal(await new FileWriteLock(file, { staleMs: 2_000, timeoutMs: 5_000 }).run(async () => 'done'), 'done');
});

t.test('waiting is bounded, with an error saying who holds the lock and for how long', async (t) => {
  const file = path.join(await tempDir(t), 'write.lock');
  // a live process on this host (our parent), holding a lock with a fresh heartbeat
  const holderStart = Date.now() - 7_000;
  await writeLockFile(file, { pid: process.ppid, host: os.hostname(), startedAt: holderStart });
  const lock = new FileWriteLock(file, { timeoutMs: 300 });
  let ran = false;
  const error = await lock.run(async () => (ran = true)).catch((e: unknown) => e);
  t.ok(error instanceof WriteLockTimeoutError, 'a WriteLockTimeoutError');
  t.ok(error instanceof StoreUnavailableError, 'that the API answers as 503 and the CLI reports per file');
  const message = (error as Error).message;
  t.match(message, new RegExp(`^another polyquote process has held the write lock for \\d+ s \\(pid ${process.ppid}\\)$`));
  // Counted from the holder's start: 7 s when the lock was found, a little more on a loaded machine.
  const seconds = Number(/for (\d+) s/.exec(message)?.[1]);
  t.ok(seconds >= 7 && seconds <= Math.round((Date.now() - holderStart) / 1000), `held for ${seconds} s`);
  t.notOk(ran, 'the work did not run');
  t.ok(existsSync(file), "the holder's lock is left alone");
  t.same(readdirSync(`${file}.queue`), [], 'no ticket left in the queue');
});

t.test('the lock is released when the work throws', async (t) => {
  const file = path.join(await tempDir(t), 'write.lock');
  const lock = new FileWriteLock(file, { timeoutMs: 1_000 });
  await t.rejects(lock.run(async () => { throw new Error('boom'); }), { message: 'boom' }, "the work's own error");
  t.notOk(existsSync(file), 'no lock file left');
  t.equal(await new FileWriteLock(file, { timeoutMs: 200 }).run(async () => 'next'), 'next', 'the next writer gets in at once');
});

t.test('a live holder keeps its lock past staleMs through its heartbeat', async (t) => {
  const file = path.join(await tempDir(t), 'write.lock');
  const events: string[] = [];
  // The holder stays four times staleMs; staleMs is forty heartbeats, so that a loaded machine's pauses do not read as death.
  const holder = new FileWriteLock(file, { staleMs: 2_000, heartbeatMs: 50 });
  const waiter = new FileWriteLock(file, { staleMs: 2_000, timeoutMs: 30_000 });
  const long = holder.run(async () => {
    events.push('holder in');
    await sleep(8_000);
    events.push('holder out');
  });
  await sleep(50);
  await waiter.run(async () => void events.push('waiter in'));
  await long;
  t.same(events, ['holder in', 'holder out', 'waiter in']);
});

t.test('waiters get their turns, in order, against a holder that takes the lock again and again', async (t) => {
  const file = path.join(await tempDir(t), 'write.lock');
  const busy = new FileWriteLock(file);
  const order: string[] = [];
  const loop = (async () => {
    for (let i = 0; i < 40; i++) {
      await busy.run(async () => {
        order.push(`busy ${i}`);
        await sleep(15);
      });
    }
  })();
  await sleep(60);
  const first = new FileWriteLock(file).run(async () => void order.push('first'));
  // The second waiter starts once the first is queued (a ticket of its own, a millisecond later at least): what is
  // checked is the order of the queue, not how fast a loaded machine lets the first waiter reach it. On a loaded
  // machine the first may find the lock free and go in without queueing: then it has had its turn already.
  while (!order.includes('first') && !(await readdir(`${file}.queue`).catch(() => [])).length) await sleep(2);
  await sleep(5);
  const second = new FileWriteLock(file).run(async () => void order.push('second'));
  await Promise.all([first, second, loop]);
  const [one, two] = [order.indexOf('first'), order.indexOf('second')];
  t.ok(one >= 0 && one < 8, `the first waiter went in after ${one} of the busy holder's turns`);
  t.ok(two > one && two < one + 3, `the second right after it (${order.slice(0, two + 1).join(', ')})`);
});

t.test('the holder sees when another writer waits for the lock, and only then', async (t) => {
  const file = path.join(await tempDir(t), 'write.lock');
  const holder = new FileWriteLock(file);
  const waiter = new FileWriteLock(file);
  let waiting: Promise<void> | undefined;
  const seen = await holder.run(async () => {
    const alone = await holder.othersWaiting();
    waiting = waiter.run(async () => undefined);
    // The waiter's ticket is in the queue once it has found the lock taken.
    while (!(await readdir(`${file}.queue`).catch(() => [])).length) await sleep(2);
    return { alone, withWaiter: await holder.othersWaiting() };
  });
  await waiting;
  t.same(seen, { alone: false, withWaiter: true });
  t.equal(await holder.othersWaiting(), false, 'nobody waits once the waiter had its turn');
});
