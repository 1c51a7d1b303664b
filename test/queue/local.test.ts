/**
 * The in-process job queue while idle: its consumer naps a second at a time, woken early by an enqueue, and leaves
 * nothing behind each nap (a server idle for a day kept 86,400 listeners, and warned of a leak after ten seconds).
 */
import t from 'tap';
import type { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LocalJobQueue } from '../../src/queue/local.ts';

t.test('an idle consumer listens for one enqueue at a time, and still wakes for the next', async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'polyquote-local-queue-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const queue = new LocalJobQueue(dir);
  const ran: string[][] = [];
  const consumer = await queue.consume(async (articles) => {
    ran.push(articles.map((a) => a.id));
    return [];
  });
  t.teardown(() => consumer.stop());
  // What the queue listens on: not part of its interface, looked at here for what it holds.
  const listeners = () => (queue as unknown as { enqueued: EventEmitter }).enqueued.listenerCount('job');
  await sleep(3_500);
  t.ok(listeners() <= 1, `after three naps, ${listeners()} listener(s)`);

  await queue.enqueue([{ article: { id: 'a', text: '"Một câu," ông nói.' } }]);
  for (let waited = 0; !ran.length && waited < 3_000; waited += 50) await sleep(50);
  t.same(ran, [['a']], 'an enqueued job is taken');
});
