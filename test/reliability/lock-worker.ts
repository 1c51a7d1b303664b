/**
 * A separate process for write-lock.test.ts: takes the lock `rounds` times, logging "enter <pid>" / "exit <pid>"
 * around a critical section of `holdMs`, so the test can check that no two processes were ever inside at once.
 * It says "ready" on stdout and starts on the first line of stdin, so that the test can start all workers together.
 *   node --import tsx test/reliability/lock-worker.ts <lock file> <log file> <rounds> <holdMs>
 */
import { appendFileSync } from 'node:fs';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { FileWriteLock } from '../../src/storage/write-lock.ts';

const [file, log, rounds, holdMs] = process.argv.slice(2);
// `npx tap test/reliability` runs every file of the directory: without arguments this is not a test, say so and leave.
if (!holdMs) {
  process.stdout.write('1..0 # SKIP a helper process of write-lock.test.ts\n');
  process.exit(0);
}
const lock = new FileWriteLock(file, { timeoutMs: 60_000 });
process.stdout.write('ready\n');
await once(process.stdin, 'data');
process.stdin.pause();
for (let i = 0; i < Number(rounds); i++) {
  await lock.run(async () => {
    appendFileSync(log, `enter ${process.pid}\n`);
    await sleep(Number(holdMs));
    appendFileSync(log, `exit ${process.pid}\n`);
  });
}
