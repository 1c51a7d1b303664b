/**
 * `npm run bench`: the numbers of SPEC §7, measured in one run on this machine.
 *
 *  (a) GET /quotes through the API against raw Meilisearch searches for the same queries (same filters, limit,
 *      offset, sort), with autocannon: uncached (every API request unique, so the response cache cannot apply) and
 *      cached (a small set of URLs repeated);
 *  (b) ingestion: ms per article through IngestService.ingest (write lock included) when the store holds 1k, 10k
 *      and 100k articles (the store is bulk-loaded with generated documents to each size), and extraction alone
 *      (analyseArticle) on seed-sized articles, articles/s on one core;
 *  (c) the API process's RSS sampled during the load runs.
 *
 * The API is the real server (src/server.ts, run from its build as `npm start` runs it) in its own process, pointed at the bench's Meilisearch with MEILI_URL;
 * the load comes from autocannon in another child process (bench/load-worker.mjs).
 * Everything runs against its own embedded Meilisearch in a temporary directory. Writes bench/results.json and
 * bench/results.md. Knobs (environment): BENCH_SCALE (1 = 100k articles; 0.1 for a quick try), BENCH_DURATION (s per
 * load run, default 10), BENCH_ROUNDS (alternating raw/API rounds, default 3), BENCH_CONNECTIONS (default 10),
 * BENCH_FRESH (articles ingested per size, default 50).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fork, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { analyseArticle } from '../src/ingestion/pipeline.ts';
import { IngestService } from '../src/service/ingest.ts';
import { BATCH_ARTICLES, BATCHES_PER_LOCK } from '../src/service/ingest-batch.ts';
import { createMeiliClient } from '../src/storage/meili/client.ts';
import { quoteSearch } from '../src/storage/criteria.ts';
import { startEmbeddedMeili } from '../src/storage/meili/embedded/supervisor.ts';
import { Store } from '../src/storage/store.ts';
import { SERVED_QUOTE_FIELD } from '../src/storage/served-quotes.ts';
import { FileWriteLock, WRITE_LOCK_FILE } from '../src/storage/write-lock.ts';
import { bulkDocuments, freshArticle, PAGE_SIZE, querySpecs, realSizeArticle, speakerDocuments, speakers, type QuerySpec } from './corpus.ts';
import { ExtractionPool } from '../src/ingestion/pool/index.ts';
import { applyIndexConfig } from '../src/storage/meili/index-config.ts';
import { rendered, type QuoteDoc } from '../src/storage/documents.ts';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const FRESH = Number(process.env.BENCH_FRESH ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Articles of the bulk backfill (into an empty store), and of the bulk run at each store size. */
const BACKFILL = Math.max(200, Math.round(Number(process.env.BENCH_BACKFILL ?? 10_000) * SCALE));
const BULK_PER_SIZE = Math.max(100, Math.round(1_000 * SCALE));
/** The API server's log level: request logs are an operator's choice, and Meilisearch's own are not counted either. */
const API_LOG_LEVEL = 'warn';
const SIZES = [1_000, 10_000, 100_000].map((n) => Math.max(100, Math.round(n * SCALE)));
const SPEAKERS = Math.max(50, Math.round(2_000 * SCALE));
const HERE = import.meta.dirname;
const SEEDS = path.resolve(HERE, '../../shared/corpus/seeds');

const t0 = performance.now();
const log = (msg: string) => process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${msg}\n`);
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function main() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'polyquote-bench-'));
  const meili = await startEmbeddedMeili({ dataDir, bin: process.env.MEILI_BIN });
  try {
    return await bench(meili, dataDir);
  } finally {
    await meili.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function bench(meili: { url: string; masterKey: string }, dataDir: string) {
  log(`Meilisearch at ${meili.url}; corpus sizes ${SIZES.join(', ')} articles, ${SPEAKERS} speakers`);
  const client = createMeiliClient({ url: meili.url, masterKey: meili.masterKey, timeoutMs: 30_000 });
  const store = new Store(client, 'bench_');
  await store.setup();
  // As the server ingests: with the cross-process write lock taken around each article.
  const ingest = new IngestService(store, { linkThreshold: 0.6, writeLock: new FileWriteLock(path.join(dataDir, WRITE_LOCK_FILE)) });
  const pool = speakers(SPEAKERS);

  // (b) extraction alone, before anything else runs
  const extraction = await extractionThroughput();
  log(`extraction: ${extraction.articlesPerSec} articles/s (${extraction.kbPerSec} KB/s) on ${extraction.articles} articles of ~${extraction.avgKb} KB`);

  // (d) bulk backfill through the batch pipeline (worker pool, batches pipelined under each hold of the write lock), against raw Meilisearch
  const extraction2 = new ExtractionPool({ workerFile: new URL('../src/service/read-worker.ts', import.meta.url) });
  const backfill = await bulkBackfill(client, dataDir, pool, extraction2);

  // (b) ingestion at each store size
  const bulkIngest = new IngestService(store, {
    linkThreshold: 0.6,
    writeLock: new FileWriteLock(path.join(dataDir, WRITE_LOCK_FILE)),
    extract: (inputs) => extraction2.extract(inputs),
  });
  const bulkBySize: Array<{ storeArticles: number; articles: number; articlesPerSec: number; msPerArticle: number }> = [];
  const ingestion: Array<{ storeArticles: number; storeQuotes: number; articles: number; quotesPerArticle: number; msPerArticle: number; medianMs: number; p90Ms: number }> = [];
  let loaded = 0;
  for (const size of SIZES) {
    await bulkLoad(store, loaded, size, pool);
    loaded = size;
    const quotesHeld = (await store.quotes.getStats()).numberOfDocuments;
    // warm-up (JIT, connections) on two articles not counted
    for (let k = 0; k < 2; k++) await ingest.ingest([freshArticle(k, pool, `warm${size}`)]);
    const times: number[] = [];
    let quotes = 0;
    for (let k = 0; k < FRESH; k++) {
      const article = freshArticle(k, pool, `s${size}`);
      const start = performance.now();
      const result = await ingest.ingest([article]);
      times.push(performance.now() - start);
      quotes += result.articles[0].quotes;
    }
    const sorted = [...times].sort((a, b) => a - b);
    ingestion.push({
      storeArticles: size,
      storeQuotes: quotesHeld,
      articles: FRESH,
      quotesPerArticle: round(quotes / FRESH, 2),
      msPerArticle: round(mean(times)),
      medianMs: round(median(times)),
      p90Ms: round(sorted[Math.floor(sorted.length * 0.9)]),
    });
    log(`ingest at ${size} articles (${quotesHeld} quotes): ${round(mean(times))} ms/article (median ${round(median(times))}), ${round(quotes / FRESH, 2)} quotes/article`);
    const bulkArticles = Array.from({ length: BULK_PER_SIZE }, (_, k) => realSizeArticle(k, pool, `b${size}`));
    const bulkStart = performance.now();
    await bulkIngest.ingestBatch(bulkArticles);
    const bulkSeconds = (performance.now() - bulkStart) / 1000;
    bulkBySize.push({ storeArticles: size, articles: BULK_PER_SIZE, articlesPerSec: round(BULK_PER_SIZE / bulkSeconds), msPerArticle: round((1000 * bulkSeconds) / BULK_PER_SIZE, 2) });
    log(`bulk at ${size} articles: ${round(BULK_PER_SIZE / bulkSeconds)} articles/s`);
  }
  await extraction2.close();
  const growth = round(ingestion.at(-1)!.medianMs / ingestion[0].medianMs, 2);
  const bulkGrowth = round(bulkBySize.at(-1)!.msPerArticle / bulkBySize[0].msPerArticle, 2);

  // (a) + (c) queries: the API as its own server process (src/server.ts from its build, as deployed), load from a child process
  let queries: { uncached: Comparison; cached: Comparison; cachedUrls: number; querySpecs: number };
  const api = await startApiServer(meili, dataDir);
  try {
    const specs = querySpecs(4000, pool, 42);
    const apiRequests = specs.map((s) => ({ method: 'GET', path: apiPath(s) }));
    const rawRequests = specs.map((s) => rawRequest(s, meili.masterKey));
    await checkEquivalence(api.url, meili.url, specs.slice(0, 60), meili.masterKey);
    // Steady state before measuring: every query once through the API, which sends it on to Meilisearch (its index
    // pages in) and resolves each speaker spelling once, as a server that has been up a while has.
    await onePass(api.url, apiRequests);
    const cachedSet = 20;
    const uncached = await compare('uncached', [meili.url, rawRequests, false], [api.url, apiRequests, true], api);
    const cached = await compare('cached', [meili.url, rawRequests.slice(0, cachedSet), false], [api.url, apiRequests.slice(0, cachedSet), false], api);
    queries = { uncached, cached, cachedUrls: cachedSet, querySpecs: specs.length };
  } finally {
    await api.stop();
  }

  const results = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: round(os.totalmem() / 2 ** 30), node: process.version },
    settings: { scale: SCALE, durationSeconds: DURATION, rounds: ROUNDS, connections: CONNECTIONS, speakers: SPEAKERS, apiLogLevel: API_LOG_LEVEL },
    queries: { ...queries, target: 'API ≥ 0.8× raw Meilisearch throughput uncached' },
    ingestion: { sizes: ingestion, growth1kTo100k: growth, target: 'single-article p50 ≤ 50 ms at 100k stored; growth of the median from 1k to 100k ≤ 1.5×' },
    bulk: { backfill, sizes: bulkBySize, growth1kTo100k: bulkGrowth, target: 'bulk ≥ 200 articles/s end-to-end and ≥ 0.1× raw Meilisearch indexing; growth ≤ 1.5×' },
    extraction,
    totalSeconds: round((performance.now() - t0) / 1000),
  };
  const md = markdown(results);
  await writeFile(path.join(HERE, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  await writeFile(path.join(HERE, 'results.md'), md);
  process.stdout.write(md);
}

/**
 * A backfill of real-size articles into an empty store through IngestService.ingestBatch (extraction in the pool,
 * linking, one quotes task per batch, one articles and one speakers task per hold of the lock), then the quote documents it wrote indexed again into an empty index of
 * the same settings by raw Meilisearch, in the same batches: what the pipeline costs beyond Meilisearch's own work.
 */
async function bulkBackfill(client: Store['client'], dataDir: string, pool: ReturnType<typeof speakers>, extraction: ExtractionPool) {
  const store = new Store(client, 'bench_bulk_');
  await store.setup();
  const ingest = new IngestService(store, {
    linkThreshold: 0.6,
    writeLock: new FileWriteLock(path.join(dataDir, WRITE_LOCK_FILE)),
    extract: (inputs) => extraction.extract(inputs),
  });
  const articles = Array.from({ length: BACKFILL }, (_, k) => realSizeArticle(k, pool, 'backfill'));
  const kb = round(mean(articles.map((a) => Buffer.byteLength(a.text))) / 1024, 2);
  await extraction.extract(articles.slice(0, 32)); // the workers started, as in a run that has begun
  const started = performance.now();
  let quotes = 0;
  await ingest.ingestBatch(articles, {
    onProgress: (p) => {
      quotes = p.quotes;
      if (p.done % 2_500 < 250) log(`backfill: ${p.done}/${p.total} articles, ${round(p.done / ((performance.now() - started) / 1000))} articles/s`);
    },
  });
  const seconds = (performance.now() - started) / 1000;

  const written: QuoteDoc[] = [];
  // Read back as linking reads them, then whole again (served form and search copy) as they were written.
  for (let i = 0; i < articles.length; i += 1_000) written.push(...(await store.quotesOfArticles(articles.slice(i, i + 1_000).map((a) => a.id))).map(rendered));
  await applyIndexConfig(client, 'bench_raw_');
  const raw = client.index('bench_raw_quotes');
  const byArticle = new Map<string, QuoteDoc[]>();
  for (const q of written) byArticle.set(q.articleId, [...(byArticle.get(q.articleId) ?? []), q]);
  const rawStarted = performance.now();
  const tasks = [];
  for (let i = 0; i < articles.length; i += 250) {
    tasks.push(await raw.addDocuments(articles.slice(i, i + 250).flatMap((a) => byArticle.get(a.id) ?? [])));
  }
  for (const task of tasks) await client.tasks.waitForTask(task.taskUid, { timeout: 600_000, interval: 20 });
  const rawSeconds = (performance.now() - rawStarted) / 1000;
  const result = {
    articles: BACKFILL,
    meanKb: kb,
    quotes,
    seconds: round(seconds),
    articlesPerSec: round(BACKFILL / seconds),
    rawSeconds: round(rawSeconds),
    rawArticlesPerSec: round(BACKFILL / rawSeconds),
    ratioToRaw: round(BACKFILL / seconds / (BACKFILL / rawSeconds), 3),
  };
  log(`backfill of ${BACKFILL} articles: ${result.articlesPerSec} articles/s end-to-end; raw Meilisearch ${result.rawArticlesPerSec} articles/s (${result.ratioToRaw}×)`);
  return result;
}

async function bulkLoad(store: Store, from: number, to: number, pool: ReturnType<typeof speakers>) {
  const started = performance.now();
  const BATCH = 10_000; // articles per batch (~15k quotes)
  const tasks = [];
  for (let i = from; i < to; i += BATCH) {
    const { articles, quotes } = bulkDocuments(i, Math.min(to, i + BATCH), pool);
    tasks.push(await store.quotes.addDocuments(quotes));
    tasks.push(await store.articles.addDocuments(articles));
  }
  tasks.push(await store.speakers.addDocuments(speakerDocuments(pool, to)));
  // Polled here rather than with the client library's waitForTask, whose long waits pile listeners on one AbortSignal.
  for (const task of tasks) {
    for (;;) {
      const done = await store.client.tasks.getTask(task.taskUid);
      if (done.status === 'succeeded') break;
      if (done.status === 'failed' || done.status === 'canceled') throw new Error(`bulk load task ${done.uid} ${done.status}: ${done.error?.message}`);
      await sleep(200);
    }
  }
  log(`bulk-loaded articles ${from}–${to} in ${round((performance.now() - started) / 1000)} s`);
}

async function extractionThroughput() {
  const texts: string[] = [];
  try {
    for (const f of (await readdir(SEEDS)).filter((f) => f.endsWith('.txt')).sort()) texts.push(await readFile(path.join(SEEDS, f), 'utf8'));
  } catch {
    // no seeds next to the project: generated articles only
  }
  // generated articles grown to seed size (~10 KB)
  for (let k = 0; k < 8; k++) {
    let text = '';
    for (let j = 0; text.length < 10_000; j++) text += `${freshArticle(k * 100 + j, speakers(50), 'x').text}\n\n`;
    texts.push(text);
  }
  for (const text of texts.slice(0, 4)) analyseArticle({ id: 'warm', text }); // JIT warm-up
  let articles = 0;
  let bytes = 0;
  const start = performance.now();
  while (performance.now() - start < 5_000) {
    const text = texts[articles % texts.length];
    analyseArticle({ id: `x${articles}`, text });
    articles++;
    bytes += Buffer.byteLength(text);
  }
  const seconds = (performance.now() - start) / 1000;
  return {
    articles: texts.length,
    avgKb: round(mean(texts.map((t) => Buffer.byteLength(t))) / 1024),
    articlesPerSec: round(articles / seconds),
    kbPerSec: round(bytes / 1024 / seconds),
  };
}

function apiPath(s: QuerySpec): string {
  const p = new URLSearchParams();
  if (s.speaker) p.set('speaker', s.speaker);
  if (s.lang) p.set('lang', s.lang);
  if (s.q) p.set('q', s.q);
  p.set('limit', String(PAGE_SIZE));
  p.set('offset', String(s.offset));
  return `/quotes?${p}`;
}

/**
 * The page search QueryService sends for the same parameters (filters, sort, locales, page, the same stored fields):
 * page-based, because the API's contract includes the exact `total`, which Meilisearch counts only in that mode.
 */
function rawBody(s: QuerySpec) {
  return {
    ...quoteSearch({ q: s.q, lang: s.lang, ...(s.speaker ? { speakerIds: [s.speaker] } : {}) }),
    hitsPerPage: PAGE_SIZE,
    page: s.offset / PAGE_SIZE + 1,
    attributesToRetrieve: [SERVED_QUOTE_FIELD],
  };
}

interface Req {
  method: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

function rawRequest(s: QuerySpec, key: string): Req {
  return { method: 'POST', path: '/indexes/bench_quotes/search', body: JSON.stringify(rawBody(s)), headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' } };
}

/** Both sides must answer the same thing, or the comparison means nothing. */
async function checkEquivalence(apiUrl: string, meiliUrl: string, specs: QuerySpec[], key: string) {
  let nonEmpty = 0;
  for (const s of specs) {
    const api = await fetch(apiUrl + apiPath(s)).then((r) => r.json());
    const raw = await fetch(`${meiliUrl}/indexes/bench_quotes/search`, { method: 'POST', headers: rawRequest(s, key).headers, body: JSON.stringify(rawBody(s)) }).then((r) => r.json());
    // The API adds each quote's permalink (and its versions'); the rest is the stored served form.
    type Served = { url?: string; translations?: Array<{ url?: string }> };
    const served = JSON.stringify(
      (api.data as Served[]).map(({ url: _url, ...q }) => ({ ...q, translations: q.translations?.map(({ url: _u, ...v }) => v) })),
    );
    // each stored served form is [format, quote]
    const stored = JSON.stringify((raw.hits ?? []).map((hit: Record<string, string>) => (JSON.parse(hit[SERVED_QUOTE_FIELD]) as [number, object])[1]));
    if (served !== stored) throw new Error(`API and raw differ for ${apiPath(s)}: ${served.slice(0, 300)} vs ${stored.slice(0, 300)}`);
    if (raw.hits.length) nonEmpty++;
  }
  log(`API and raw Meilisearch return the same quotes for ${specs.length} queries (${nonEmpty} non-empty)`);
  const unique = await fetch(`${apiUrl}${apiPath(specs[0])}&u=1`);
  if (unique.status !== 200) throw new Error(`the cache-busting parameter is refused: ${unique.status}`);
}

interface LoadResult {
  reqPerSec: number;
  total: number;
  p50: number;
  p99: number;
  mean: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

function load(url: string, requests: Req[], unique: boolean, duration: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./load-worker.mjs', import.meta.url), [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: LoadResult | undefined;
    child.once('message', (r) => (result = r as LoadResult));
    child.once('error', reject);
    child.once('exit', (code) => (result ? resolve(result) : reject(new Error(`load generator exited with ${code}`))));
    child.send({ url, requests, unique, duration, connections: CONNECTIONS, title: url });
  });
}

interface ApiServer {
  url: string;
  /** resident set size of the API process in MB, from /proc (undefined where there is none) */
  rssMb(): number | undefined;
  stop(): Promise<void>;
}

/**
 * `npm start` as deployed against an external Meilisearch (from the build, scripts/start.mjs): MEILI_URL, its own
 * port and data dir, no samples.
 */
async function startApiServer(meili: { url: string; masterKey: string }, dataDir: string): Promise<ApiServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(HERE, '../scripts/start.mjs'), 'server'], {
    cwd: path.join(HERE, '..'),
    env: {
      ...process.env,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
      INDEX_PREFIX: 'bench_',
      DATA_DIR: path.join(dataDir, 'api'),
      HOST: '127.0.0.1',
      PORT: String(port),
      API_KEY: 'bench-api-key-0123456789',
      LOAD_SAMPLES: 'false',
      LOG_LEVEL: API_LOG_LEVEL,
      RATE_LIMIT_MAX: '1000000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 60_000; ; ) {
    if (child.exitCode !== null) throw new Error(`the API server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('the API server did not answer /health within 60 s');
    const healthy = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (healthy) break;
    await sleep(200);
  }
  log(`API server (pid ${child.pid}) at ${url}`);
  return {
    url,
    rssMb: () => {
      try {
        const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
        return Number.isFinite(kb) ? round(kb / 1024) : undefined;
      } catch {
        return undefined;
      }
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

type Target = readonly [url: string, requests: Req[], unique: boolean];

interface Comparison {
  /** medians over the rounds */
  raw: LoadResult;
  api: LoadResult;
  ratio: number;
  apiRssMb: { max: number; mean: number };
  rounds: Array<{ raw: LoadResult; api: LoadResult; ratio: number }>;
}

/**
 * Raw Meilisearch and the API in alternating rounds, each run after a short warm-up: on a shared machine a single
 * pair of runs can land in a quiet and a busy moment; the median ratio of several pairs does not depend on one.
 */
async function compare(label: string, raw: Target, viaApi: Target, api: ApiServer): Promise<Comparison> {
  const rounds: Comparison['rounds'] = [];
  const rss: number[] = [];
  for (let k = 1; k <= ROUNDS; k++) {
    const rawResult = await warmedLoad(raw);
    const timer = setInterval(() => {
      const mb = api.rssMb();
      if (mb !== undefined) rss.push(mb);
    }, 200);
    const apiResult = await warmedLoad(viaApi).finally(() => clearInterval(timer));
    const ratio = round(apiResult.reqPerSec / rawResult.reqPerSec, 2);
    rounds.push({ raw: rawResult, api: apiResult, ratio });
    log(`${label} round ${k}: raw ${round(rawResult.reqPerSec)} req/s (p99 ${rawResult.p99} ms), API ${round(apiResult.reqPerSec)} req/s (p99 ${apiResult.p99} ms): ${ratio}×`);
  }
  return {
    raw: medianRun(rounds.map((r) => r.raw)),
    api: medianRun(rounds.map((r) => r.api)),
    ratio: median(rounds.map((r) => r.ratio)),
    apiRssMb: rss.length ? { max: Math.max(...rss), mean: round(mean(rss)) } : { max: 0, mean: 0 },
    rounds,
  };
}

async function onePass(url: string, requests: Req[]) {
  const started = performance.now();
  let next = 0;
  const client = async () => {
    while (next < requests.length) {
      const { method, path: target } = requests[next++];
      const response = await fetch(url + target, { method });
      if (!response.ok) throw new Error(`${target}: ${response.status}`);
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, client));
  log(`warm-up: ${requests.length} queries through the API in ${round((performance.now() - started) / 1000)} s`);
}

async function warmedLoad([url, requests, unique]: Target): Promise<LoadResult> {
  await load(url, requests, unique, 2);
  return load(url, requests, unique, DURATION);
}

function medianRun(runs: LoadResult[]): LoadResult {
  const of = (key: keyof LoadResult) => median(runs.map((r) => r[key]));
  const sum = (key: keyof LoadResult) => runs.reduce((total, r) => total + r[key], 0);
  return { reqPerSec: round(of('reqPerSec')), total: sum('total'), p50: of('p50'), p99: of('p99'), mean: round(of('mean'), 2), non2xx: sum('non2xx'), errors: sum('errors'), timeouts: sum('timeouts') };
}

function markdown(r: {
  date: string;
  machine: { cpus: number; cpuModel?: string; memoryGb: number; node: string };
  settings: { scale: number; durationSeconds: number; rounds: number; connections: number; apiLogLevel: string };
  queries: { uncached: Comparison; cached: Comparison };
  ingestion: { sizes: Array<{ storeArticles: number; storeQuotes: number; articles: number; quotesPerArticle: number; msPerArticle: number; medianMs: number; p90Ms: number }>; growth1kTo100k: number };
  bulk: {
    backfill: { articles: number; meanKb: number; quotes: number; seconds: number; articlesPerSec: number; rawSeconds: number; rawArticlesPerSec: number; ratioToRaw: number };
    sizes: Array<{ storeArticles: number; articles: number; articlesPerSec: number; msPerArticle: number }>;
    growth1kTo100k: number;
  };
  extraction: { articles: number; avgKb: number; articlesPerSec: number; kbPerSec: number };
  totalSeconds: number;
}): string {
  const b = r.bulk.backfill;
  const { uncached, cached } = r.queries;
  const row = (name: string, x: LoadResult, rss?: Comparison['apiRssMb']) =>
    `| ${name} | ${x.reqPerSec} | ${x.p50} | ${x.p99} | ${x.non2xx} | ${x.errors} | ${rss ? `${rss.max} / ${rss.mean}` : '—'} |`;
  const ratios = (c: Comparison) => c.rounds.map((k) => `${k.ratio}×`).join(', ');
  const lines = [
    `# polyquote benchmark`,
    ``,
    `${r.date} · ${r.machine.cpus} CPUs (${r.machine.cpuModel}) · ${r.machine.memoryGb} GB · Node ${r.machine.node} · scale ${r.settings.scale} · ${r.settings.connections} connections · ${r.settings.rounds} alternating rounds of ${r.settings.durationSeconds} s per side · total ${r.totalSeconds} s`,
    ``,
    `## GET /quotes vs raw Meilisearch search (speaker / lang / q mixes, limit 20)`,
    ``,
    `The API runs as its own server process (\`src/server.ts\` from its build, with \`MEILI_URL\`, LOG_LEVEL ${r.settings.apiLogLevel}); Meilisearch, the API and the load generator share the machine. Medians over the rounds.`,
    ``,
    `| run | req/s | p50 ms | p99 ms | non-2xx | errors | API RSS max / mean MB |`,
    `|---|---:|---:|---:|---:|---:|---:|`,
    row('raw uncached', uncached.raw),
    row('api uncached', uncached.api, uncached.apiRssMb),
    row('raw cached', cached.raw),
    row('api cached', cached.api, cached.apiRssMb),
    ``,
    `API / raw throughput: **${uncached.ratio}× uncached** (target ≥ 0.8×; rounds ${ratios(uncached)}), **${cached.ratio}× cached** (rounds ${ratios(cached)}).`,
    ``,
    `## Bulk ingestion through IngestService.ingestBatch (worker pool, batches of ${BATCH_ARTICLES}, up to ${BATCHES_PER_LOCK} pipelined per hold of the write lock)`,
    ``,
    `Backfill of ${b.articles} real-size articles (${b.meanKb} KB each, generated) into an empty store, end-to-end (extraction, linking, writes, speakers), against raw Meilisearch indexing the same ${b.quotes} quote documents into an empty index of the same settings, in the same batches.`,
    ``,
    `| run | seconds | articles/s |`,
    `|---|---:|---:|`,
    `| polyquote bulk | ${b.seconds} | ${b.articlesPerSec} |`,
    `| raw Meilisearch indexing | ${b.rawSeconds} | ${b.rawArticlesPerSec} |`,
    ``,
    `Bulk / raw: **${b.ratioToRaw}×** (targets ≥ 200 articles/s and ≥ 0.1×).`,
    ``,
    `| articles in store | articles ingested in bulk | articles/s | ms/article |`,
    `|---:|---:|---:|---:|`,
    ...r.bulk.sizes.map((s) => `| ${s.storeArticles} | ${s.articles} | ${s.articlesPerSec} | ${s.msPerArticle} |`),
    ``,
    `Growth of the bulk per-article time from the smallest to the largest store: **${r.bulk.growth1kTo100k}×** (target ≤ 1.5×).`,
    ``,
    `## Single articles through IngestService.ingest with the write lock, as the server ingests (fresh articles, 2–3 quotes each)`,
    ``,
    `| articles in store | quotes in store | articles ingested | quotes/article | mean ms/article | median ms | p90 ms |`,
    `|---:|---:|---:|---:|---:|---:|---:|`,
    ...r.ingestion.sizes.map((s) => `| ${s.storeArticles} | ${s.storeQuotes} | ${s.articles} | ${s.quotesPerArticle} | ${s.msPerArticle} | ${s.medianMs} | ${s.p90Ms} |`),
    ``,
    `Growth of the median from the smallest to the largest store: **${r.ingestion.growth1kTo100k}×** (targets: median ≤ 50 ms at 100k, growth ≤ 1.5×).`,
    ``,
    `## Extraction alone (analyseArticle, one core)`,
    ``,
    `| articles | mean size KB | articles/s | KB/s |`,
    `|---:|---:|---:|---:|`,
    `| ${r.extraction.articles} | ${r.extraction.avgKb} | ${r.extraction.articlesPerSec} | ${r.extraction.kbPerSec} |`,
    ``,
  ];
  return lines.join('\n');
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench failed: ${(error as Error)?.stack ?? error}\n`);
    process.exit(1);
  },
);
