/**
 * `npm start` stopped the way supervisors stop it: SIGTERM or SIGINT sent to the npm process (pm2, `timeout`, CI
 * runners), to the server itself, or to the whole process group (a terminal's Ctrl-C, `kill -- -PGID`). Each time the
 * server closes, the embedded Meilisearch stops, nothing is left running and the data dir is released.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import t, { type Test } from 'tap';
import { freePort } from '../reliability/app.ts';
import { until } from '../reliability/fixtures.ts';
import { isAlive } from '../../src/storage/pid-lock.ts';

const root = new URL('../../', import.meta.url);

interface Started {
  npm: ChildProcess;
  server: number;
  meili: number;
  dataDir: string;
  exited: Promise<unknown>;
}

/** The direct children of a process, from /proc. */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function npmStart(t: Test): Promise<Started> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'polyquote-shutdown-'));
  const port = await freePort();
  // Its own process group, as a terminal or a supervisor gives it: the group signal must not reach this test.
  const npm = spawn('npm', ['start'], {
    cwd: root,
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOAD_SAMPLES: 'false', LOG_LEVEL: 'warn', API_KEY: 'shutdown-test-key-0123456789' },
  });
  const exited = new Promise((resolve) => npm.once('exit', resolve));
  t.teardown(async () => {
    // Whatever the test saw, nothing of this start survives it.
    for (const pid of [npm.pid, ...childrenOf(npm.pid!)]) if (pid && isAlive(pid)) process.kill(pid, 'SIGKILL');
    const discovery = await readFile(path.join(dataDir, 'meili.json'), 'utf8').catch(() => '');
    const meili = discovery ? (JSON.parse(discovery) as { pid: number }).pid : undefined;
    if (meili && isAlive(meili)) process.kill(meili, 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });
  await until('the API to answer /ready', async () => (await fetch(`http://127.0.0.1:${port}/ready`)).status === 200, 120_000);
  const [server] = childrenOf(npm.pid!);
  const { pid: meili } = JSON.parse(await readFile(path.join(dataDir, 'meili.json'), 'utf8')) as { pid: number };
  t.ok(server && isAlive(server), `npm runs the server as its child (pid ${server})`);
  t.ok(isAlive(meili), `the server runs Meilisearch (pid ${meili})`);
  return { npm, server, meili, dataDir, exited };
}

const targets = {
  'the npm process': (s: Started) => s.npm.pid!,
  'the server': (s: Started) => s.server,
  'the whole process group': (s: Started) => -s.npm.pid!,
};

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  for (const [target, pidOf] of Object.entries(targets)) {
    t.test(`${signal} to ${target} after npm start stops the server and Meilisearch`, async (t) => {
      const started = await npmStart(t);
      process.kill(pidOf(started), signal);
      // A bound on the wait (the server closes in well under a second), not a timing assertion.
      await until('npm, the server and Meilisearch to exit', () => ![started.npm.pid!, started.server, started.meili].some(isAlive), 60_000);
      await started.exited;
      t.notOk(isAlive(started.server), 'the server is gone');
      t.notOk(isAlive(started.meili), 'Meilisearch is gone');
      t.notOk(existsSync(path.join(started.dataDir, 'meili.json')), 'the discovery file is removed');
      t.notOk(existsSync(path.join(started.dataDir, 'meili.lock')), 'the data dir is released');
    });
  }
}

t.test('SIGTERM to npm during `npm run index` stops the CLI and the Meilisearch it started', async (t) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'polyquote-shutdown-index-'));
  const articles = path.join(dataDir, 'articles');
  await mkdir(articles);
  // Enough files that the run is still going when the signal comes (it stops between files).
  for (let i = 0; i < 200; i++) {
    await writeFile(path.join(articles, `a${i}.txt`), `"Nous tiendrons le cap numéro ${i}", a déclaré M. Jean Dupont.\n\nLa réunion ${i} s'est tenue à Paris.\n`);
  }
  const npm = spawn('npm', ['run', 'index', '--', articles], {
    cwd: root,
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  });
  const exited = new Promise((resolve) => npm.once('exit', resolve));
  let meili: number | undefined;
  t.teardown(async () => {
    for (const pid of [npm.pid, ...childrenOf(npm.pid!), meili]) if (pid && isAlive(pid)) process.kill(pid, 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });
  await until('the CLI to start its Meilisearch', async () => {
    meili = (JSON.parse(await readFile(path.join(dataDir, 'meili.json'), 'utf8')) as { pid: number }).pid;
    return true;
  }, 120_000);
  const [cli] = childrenOf(npm.pid!);
  process.kill(npm.pid!, 'SIGTERM');
  await until('npm, the CLI and Meilisearch to exit', () => ![npm.pid!, cli, meili!].some((pid) => pid && isAlive(pid)), 120_000);
  await exited;
  t.notOk(isAlive(meili!), 'Meilisearch is gone');
  t.notOk(existsSync(path.join(dataDir, 'meili.lock')), 'the data dir is released');
});
