import t from 'tap';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Meilisearch } from 'meilisearch';
import { resolveMeiliBinary } from '../../src/storage/meili/embedded/binary.ts';
import { MeiliConfigError } from '../../src/storage/meili/embedded/errors.ts';
import { findRunningMeili, startEmbeddedMeili, type MeiliRestartInfo } from '../../src/storage/meili/embedded/supervisor.ts';
import { isAlive } from '../../src/storage/pid-lock.ts';
import { testMeili } from '../helpers/meili.ts';
import { until } from '../reliability/fixtures.ts';

t.test('lifecycle: start, key reuse, crash restart, stop', async (t) => {
  const dataDir = t.testdir();
  const restarts: MeiliRestartInfo[] = [];
  const exits: boolean[] = [];

  const t0 = Date.now();
  let meili = await startEmbeddedMeili({
    dataDir,
    onRestart: (i) => restarts.push(i),
    onExit: (i) => exits.push(i.willRestart),
  });
  t.comment(`started in ${Date.now() - t0} ms`);
  t.match(meili.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  t.ok((await fetch(`${meili.url}/health`)).ok, 'healthy');
  t.equal((await fetch(`${meili.url}/indexes`)).status, 401, 'production mode: the API needs the key');

  // master key: ≥ 16 bytes, 0600, reused
  const keyFile = path.join(dataDir, 'master.key');
  const firstKey = meili.masterKey;
  t.equal((await readFile(keyFile, 'utf8')).trim(), meili.masterKey);
  t.ok(Buffer.byteLength(meili.masterKey) >= 16);
  t.equal((await stat(keyFile)).mode & 0o777, 0o600, 'key file is 0600');

  // discovery file and findRunningMeili
  const disco = JSON.parse(await readFile(path.join(dataDir, 'meili.json'), 'utf8'));
  t.same(disco, { pid: meili.pid(), url: meili.url, ownerPid: process.pid });
  t.same(await findRunningMeili(dataDir), { url: meili.url, masterKey: meili.masterKey });

  // a second start on the same data dir (here from the same process): refused with one line, or attached
  await t.rejects(startEmbeddedMeili({ dataDir }), { name: 'ConfigError', message: /already run by process \d+ at http/ });
  const attached = await startEmbeddedMeili({ dataDir, ifRunning: 'reuse' });
  t.equal(attached.owned, false);
  t.equal(attached.url, meili.url);
  t.equal(attached.masterKey, meili.masterKey);
  await attached.stop();
  t.ok(isAlive(meili.pid()!), "stopping an attached handle leaves the owner's Meilisearch running");
  t.ok(existsSync(path.join(dataDir, 'meili.lock')), 'lock held');

  // data, then kill -9: the supervisor restarts it on the same URL with the same key, data kept
  const client = new Meilisearch({ host: meili.url, apiKey: meili.masterKey });
  await client.index('things').addDocuments([{ id: 1, name: 'kept' }]).waitTask();
  const url = meili.url;
  const firstPid = meili.pid()!;
  process.kill(firstPid, 'SIGKILL');
  await until('restart', () => restarts.length === 1);
  t.same(exits, [true], 'onExit saw an unexpected exit');
  t.equal(meili.url, url, 'same url');
  t.not(meili.pid(), firstPid, 'new process');
  t.equal(meili.restarts(), 1);
  t.same(await client.index('things').getDocument(1), { id: 1, name: 'kept' }, 'data survived the crash');
  t.equal(JSON.parse(await readFile(path.join(dataDir, 'meili.json'), 'utf8')).pid, meili.pid(), 'discovery updated');

  // stop: no process left, no discovery file, no restart
  const pid = meili.pid()!;
  await meili.stop();
  await meili.stop(); // idempotent
  t.notOk(isAlive(pid), 'process gone');
  t.equal(meili.pid(), undefined);
  t.notOk(existsSync(path.join(dataDir, 'meili.json')), 'discovery file removed');
  t.notOk(existsSync(path.join(dataDir, 'meili.lock')), 'lock released');
  t.equal(await findRunningMeili(dataDir), undefined);
  await sleep(300);
  t.equal(restarts.length, 1, 'no restart after stop');
  t.same(exits, [true, false]);

  // restart on the same data dir: same key, data still there
  meili = await startEmbeddedMeili({ dataDir });
  t.teardown(() => meili.stop());
  t.equal(meili.masterKey, firstKey, 'key reused');
  const client2 = new Meilisearch({ host: meili.url, apiKey: meili.masterKey });
  t.same(await client2.index('things').getDocument(1), { id: 1, name: 'kept' }, 'data survived the restart');
  await meili.stop();
});

t.test('stale discovery file and orphan cleanup', async (t) => {
  const dataDir = t.testdir();
  // stale: dead pid
  await writeFile(path.join(dataDir, 'meili.json'), JSON.stringify({ pid: 999999, url: 'http://127.0.0.1:1', ownerPid: 999998 }));
  t.equal(await findRunningMeili(dataDir), undefined, 'stale file → undefined');

  // a server that gets SIGKILLed leaves its Meilisearch behind (own process group, no exit hook ran)
  const moduleUrl = new URL('../../src/storage/meili/embedded/supervisor.ts', import.meta.url).href;
  const script = path.join(dataDir, 'server.mts');
  await writeFile(
    script,
    `import { startEmbeddedMeili } from ${JSON.stringify(moduleUrl)};\n` +
      `await startEmbeddedMeili({ dataDir: ${JSON.stringify(dataDir)} });\n` +
      `console.log('ready'); setInterval(() => {}, 1000);\n`,
  );
  const server = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const found = await findRunningMeili(dataDir);
  t.ok(found, 'the other process\'s Meilisearch is found (what the CLI does while the server runs)');
  const orphanPid = JSON.parse(await readFile(path.join(dataDir, 'meili.json'), 'utf8')).pid as number;
  await t.rejects(startEmbeddedMeili({ dataDir }), {
    name: 'ConfigError',
    message: new RegExp(`already run by process ${server.pid} at ${found!.url}`),
  }, 'a second server on the same data dir is refused');
  const attached = await startEmbeddedMeili({ dataDir, ifRunning: 'reuse' });
  t.same({ url: attached.url, masterKey: attached.masterKey, owned: attached.owned }, { ...found, owned: false });
  server.kill('SIGKILL');
  await until('server death', () => server.exitCode !== null || server.signalCode !== null);
  t.ok(isAlive(orphanPid), 'orphan left behind');

  const meili = await startEmbeddedMeili({ dataDir });
  t.teardown(() => meili.stop());
  t.notOk(isAlive(orphanPid), 'the orphan was killed before starting');
  t.not(meili.pid(), orphanPid);
  t.ok((await fetch(`${meili.url}/health`)).ok);
  t.equal(meili.masterKey, found!.masterKey, 'same key');
});

t.test('concurrent starts on one data dir: exactly one owner', async (t) => {
  const dataDir = t.testdir();
  const results = await Promise.allSettled([startEmbeddedMeili({ dataDir }), startEmbeddedMeili({ dataDir })]);
  const ok = results.filter((r) => r.status === 'fulfilled');
  t.equal(ok.length, 1, 'one started');
  const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
  t.match(failed.reason, { name: 'ConfigError', message: /already run by process/ });
  await (ok[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof startEmbeddedMeili>>>).value.stop();
});

t.test('binary resolution errors are one clear line', async (t) => {
  t.throws(() => resolveMeiliBinary('/nonexistent/meilisearch'), { name: 'ConfigError', message: /MEILI_BIN.*MEILI_URL/ });
  try {
    resolveMeiliBinary('/nonexistent/meilisearch');
  } catch (err) {
    t.ok(err instanceof MeiliConfigError);
    t.notMatch((err as Error).message, /\n/, 'one line');
  }
  await t.rejects(startEmbeddedMeili({ dataDir: t.testdir(), bin: '/nonexistent/meilisearch' }), { name: 'ConfigError' });
  if (process.platform === 'linux' && process.arch === 'x64') t.match(resolveMeiliBinary(), /meilisearch$/);
});

t.test('a binary that exits at once: clear start error with its log', async (t) => {
  const dir = t.testdir({ 'fake-meili': '#!/bin/sh\necho "boom: cannot open database" >&2\nexit 3\n' });
  const { chmodSync } = await import('node:fs');
  chmodSync(path.join(dir, 'fake-meili'), 0o755);
  await t.rejects(startEmbeddedMeili({ dataDir: path.join(dir, 'data'), bin: path.join(dir, 'fake-meili') }), {
    name: 'MeiliStartError',
    message: /exited during start-up \(code 3\)[\s\S]*boom: cannot open database/,
  });
});

t.test('testMeili helper', async (t) => {
  const { url, masterKey } = await testMeili(t);
  const client = new Meilisearch({ host: url, apiKey: masterKey });
  t.ok((await client.health()).status === 'available');
});

t.test('a meili.lock in the format of earlier versions (a bare pid) held by a live process is respected', async (t) => {
  const dataDir = t.testdir();
  await writeFile(path.join(dataDir, 'meili.lock'), `${process.ppid}\n`);
  await t.rejects(startEmbeddedMeili({ dataDir }), { name: 'ConfigError', message: new RegExp(`already run by process ${process.ppid}`) });
});
