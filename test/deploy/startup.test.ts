/**
 * `src/server.ts` starting up from its build, as `npm start` runs it, which overlaps its steps (the samples are read while Meilisearch starts, the API is built
 * while the samples are indexed): it listens only once the samples are stored, loads none with LOAD_SAMPLES=false,
 * stops the embedded Meilisearch when a signal comes in the middle, and a start that fails exits 1 with one line and
 * leaves nothing running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import t, { type Test } from 'tap';
import { freePort } from '../reliability/app.ts';
import { story, until } from '../reliability/fixtures.ts';

const root = new URL('../../', import.meta.url);
const API_KEY = 'startup-test-key-0123456789';

interface Server {
  child: ChildProcess;
  port: number;
  dataDir: string;
  /** The exit code, once it exited. */
  exited: Promise<number | null>;
  stderr(): string;
}

async function startServer(t: Test, env: Record<string, string> = {}, port?: number): Promise<Server> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'polyquote-startup-'));
  port ??= await freePort();
  // What `npm start` runs (scripts/start.mjs: the server built ahead), without npm in between.
  const child = spawn(process.execPath, ['scripts/start.mjs', 'server'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', API_KEY, ...env },
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  t.teardown(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const pid of meilisOf(dataDir)) process.kill(pid, 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });
  return { child, port, dataDir, exited, stderr: () => stderr };
}

/** The Meilisearch processes running on a data dir, from /proc. */
function meilisOf(dataDir: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`${path.join(dataDir, 'meili')}\0`);
      } catch {
        return false;
      }
    })
    .map(Number);
}

const healthy = (server: Server) => async () => (await fetch(`http://127.0.0.1:${server.port}/health`)).status === 200;

async function quotesTotal(server: Server, query = ''): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${server.port}/quotes?limit=1${query}`);
  return ((await res.json()) as { total: number }).total;
}

t.test('the API answers only once the samples are stored, the HTML page among them', async (t) => {
  const server = await startServer(t);
  await until('the API to answer /health', healthy(server), 120_000);
  t.ok((await quotesTotal(server)) > 0, 'the first answer already finds the sample quotes');
  t.ok((await quotesTotal(server, '&articleId=rice-exports-en')) > 0, 'the HTML sample is among them');
  // Swagger UI serves files from its package: kept out of the bundle for that.
  t.equal((await fetch(`http://127.0.0.1:${server.port}/docs/static/swagger-ui.css`)).status, 200, 'Swagger UI serves its assets');
});

t.test('a batch large enough for the extraction pool is read in its worker threads, from the build too', async (t) => {
  const server = await startServer(t, { LOAD_SAMPLES: 'false' });
  await until('the API to answer /health', healthy(server), 120_000);
  // 16 articles: fewer are read in the calling thread (src/ingestion/pool/index.ts).
  const articles = [0, 1, 2, 3].flatMap((n) => Object.values(story({ n })));
  const res = await fetch(`http://127.0.0.1:${server.port}/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
    body: JSON.stringify(articles),
  });
  t.equal(res.status, 200);
  const { articles: stored } = (await res.json()) as { articles: Array<{ id: string; quotes: number }> };
  t.same(stored.map((a) => a.id).sort(), articles.map((a) => a.id).sort(), 'every article stored');
  t.ok(stored.every((a) => a.quotes > 0), 'with its quotes');
});

t.test('LOAD_SAMPLES=false loads nothing', async (t) => {
  const server = await startServer(t, { LOAD_SAMPLES: 'false' });
  await until('the API to answer /health', healthy(server), 120_000);
  t.equal(await quotesTotal(server), 0, 'no quotes');
});

t.test('SIGTERM while starting stops the server and its Meilisearch', async (t) => {
  const server = await startServer(t);
  // Meilisearch answers before the indexes are configured and the samples stored: the signal comes in the middle.
  await until('Meilisearch to run', () => readFileSync(path.join(server.dataDir, 'meili.json'), 'utf8').length > 0, 120_000);
  server.child.kill('SIGTERM');
  t.equal(await server.exited, 0, 'the server exits after closing what it started');
  t.same(meilisOf(server.dataDir), [], 'Meilisearch is gone');
});

t.test('a start that fails exits 1 with one line and stops Meilisearch', async (t) => {
  const taken = net.createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise((resolve) => taken.close(resolve)));
  const server = await startServer(t, {}, (taken.address() as net.AddressInfo).port);
  t.equal(await server.exited, 1, 'exit code 1');
  const lines = server.stderr().trim().split('\n');
  t.equal(lines.length, 1, 'one line');
  t.match(lines[0], /^polyquote: failed to start: .*EADDRINUSE/, 'saying why');
  t.same(meilisOf(server.dataDir), [], 'Meilisearch is gone');
});
