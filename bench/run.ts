/**
 * `npm run bench`: the numbers of SPEC §7, measured in one run on this machine.
 *
 *  (a) GET /quotes through the API against raw Meilisearch searches for the same queries (same filters, limit,
 *      offset, sort), with autocannon: uncached (every API request unique, so the response cache cannot apply) and
 *      cached (a small set of URLs repeated);
 *  (b) ingestion: ms per article through IngestService.ingest when the store holds 1k, 10k and 100k articles (the
 *      store is bulk-loaded with generated documents to each size), and extraction alone (analyseArticle) on
 *      seed-sized articles, articles/s on one core;
 *  (c) the API process's RSS sampled during the load runs.
 *
 * The load comes from autocannon in a child process (bench/load-worker.mjs).
 * Everything runs against its own embedded Meilisearch in a temporary directory. Writes bench/results.json and
 * bench/results.md. Knobs (environment): BENCH_SCALE (1 = 100k articles; 0.1 for a quick try), BENCH_DURATION (s per
 * load run, default 10), BENCH_CONNECTIONS (default 10), BENCH_FRESH (articles ingested per size, default 50).
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/http/app.ts';
import { analyseArticle } from '../src/ingestion/pipeline.ts';
import { IngestService } from '../src/service/ingest.ts';
import { QueryService, QUOTE_FIELDS } from '../src/service/queries.ts';
import { createMeiliClient, filterIn, filterValue } from '../src/storage/meili/client.ts';
import { startEmbeddedMeili } from '../src/storage/meili/embedded.ts';
import { Store } from '../src/storage/store.ts';
import { LANGUAGES } from '../src/ingestion/languages/index.ts';
import { bulkDocuments, freshArticle, LANGS, PAGE_SIZE, querySpecs, speakerDocuments, speakers, type QuerySpec } from './corpus.ts';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const FRESH = Number(process.env.BENCH_FRESH ?? 50);
const SIZES = [1_000, 10_000, 100_000].map((n) => Math.max(100, Math.round(n * SCALE)));
const SPEAKERS = Math.max(50, Math.round(2_000 * SCALE));
const HERE = import.meta.dirname;
const SEEDS = path.resolve(HERE, '../../shared/corpus/seeds');

const t0 = performance.now();
const log = (msg: string) => process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${msg}\n`);
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function main() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'polyquote-bench-'));
  const meili = await startEmbeddedMeili({ dataDir, bin: process.env.MEILI_BIN });
  try {
    return await bench(meili);
  } finally {
    await meili.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function bench(meili: { url: string; masterKey: string }) {
  log(`Meilisearch at ${meili.url}; corpus sizes ${SIZES.join(', ')} articles, ${SPEAKERS} speakers`);
  const client = createMeiliClient({ url: meili.url, masterKey: meili.masterKey, timeoutMs: 30_000 });
  const store = new Store(client, 'bench_');
  await store.setup();
  const services = { store, queries: new QueryService(store), ingest: new IngestService(store, { linkThreshold: 0.6 }) };
  const pool = speakers(SPEAKERS);

  // (b) extraction alone, before anything else runs
  const extraction = await extractionThroughput();
  log(`extraction: ${extraction.articlesPerSec} articles/s (${extraction.kbPerSec} KB/s) on ${extraction.articles} articles of ~${extraction.avgKb} KB`);

  // (b) ingestion at each store size
  const ingestion: Array<{ storeArticles: number; storeQuotes: number; articles: number; quotesPerArticle: number; msPerArticle: number; medianMs: number; p90Ms: number }> = [];
  let loaded = 0;
  for (const size of SIZES) {
    await bulkLoad(store, loaded, size, pool);
    loaded = size;
    const quotesHeld = (await store.quotes.getStats()).numberOfDocuments;
    // warm-up (JIT, connections) on two articles not counted
    for (let k = 0; k < 2; k++) await services.ingest.ingest([freshArticle(k, pool, `warm${size}`)]);
    const times: number[] = [];
    let quotes = 0;
    for (let k = 0; k < FRESH; k++) {
      const article = freshArticle(k, pool, `s${size}`);
      const start = performance.now();
      const result = await services.ingest.ingest([article]);
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
  }
  const growth = round(ingestion.at(-1)!.msPerArticle / ingestion[0].msPerArticle, 2);

  // (a) + (c) queries: the API in this process, load from a child process
  const app = await buildApp(
    { apiKey: 'bench-api-key-0123456789', CORS_ORIGINS: [], RATE_LIMIT_MAX: 1_000_000_000, RATE_LIMIT_WINDOW_MS: 60_000, BODY_LIMIT_BYTES: 10 * 1024 * 1024 },
    services,
    { logger: false },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const apiUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const specs = querySpecs(4000, pool, 42);
  const apiRequests = specs.map((s) => ({ method: 'GET', path: apiPath(s) }));
  const rawRequests = specs.map((s) => rawRequest(s, meili.masterKey));
  await checkEquivalence(apiUrl, meili.url, specs.slice(0, 60), meili.masterKey);
  const cachedSet = 20;

  const runs: Record<string, LoadResult & { rss?: { maxMb: number; meanMb: number; baselineMb: number } }> = {};
  const rssBaseline = process.memoryUsage().rss;
  for (const [name, target, requests, unique] of [
    ['raw uncached', meili.url, rawRequests, false],
    ['api uncached', apiUrl, apiRequests, true],
    ['raw cached', meili.url, rawRequests.slice(0, cachedSet), false],
    ['api cached', apiUrl, apiRequests.slice(0, cachedSet), false],
  ] as const) {
    // a short warm-up so that both sides start from the same state
    await load(target, requests as Req[], unique, 2);
    const samples: number[] = [];
    const timer = setInterval(() => samples.push(process.memoryUsage().rss), 200);
    const result = await load(target, requests as Req[], unique, DURATION);
    clearInterval(timer);
    runs[name] = name.startsWith('api')
      ? { ...result, rss: { maxMb: round(Math.max(...samples) / 2 ** 20), meanMb: round(mean(samples) / 2 ** 20), baselineMb: round(rssBaseline / 2 ** 20) } }
      : result;
    log(`${name}: ${round(result.reqPerSec)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`);
  }
  await app.close();

  const results = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: round(os.totalmem() / 2 ** 30), node: process.version },
    settings: { scale: SCALE, durationSeconds: DURATION, connections: CONNECTIONS, speakers: SPEAKERS, querySpecs: specs.length, cachedUrls: cachedSet },
    queries: {
      runs,
      ratioUncached: round(runs['api uncached'].reqPerSec / runs['raw uncached'].reqPerSec, 2),
      ratioCached: round(runs['api cached'].reqPerSec / runs['raw cached'].reqPerSec, 2),
      target: 'API ≥ 0.8× raw Meilisearch throughput uncached',
    },
    ingestion: { sizes: ingestion, growth1kTo100k: growth, target: 'per-article time growth from 1k to 100k ≤ 1.5×' },
    extraction,
    totalSeconds: round((performance.now() - t0) / 1000),
  };
  const md = markdown(results);
  await writeFile(path.join(HERE, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  await writeFile(path.join(HERE, 'results.md'), md);
  process.stdout.write(md);
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
  for (const task of tasks) {
    const done = await store.client.tasks.waitForTask(task.taskUid, { timeout: 1_800_000, interval: 200 });
    if (done.status !== 'succeeded') throw new Error(`bulk load task ${done.uid} ${done.status}: ${done.error?.message}`);
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
 * The page search QueryService sends for the same parameters (filters, sort, locales, page): page-based, because the
 * API's contract includes the exact `total`, which Meilisearch counts only in that mode.
 */
function rawBody(s: QuerySpec) {
  const filters: string[] = [];
  if (s.speaker) filters.push(filterIn('speakerId', [s.speaker]));
  if (s.lang) filters.push(`lang = ${filterValue(s.lang)}`);
  const q = s.q ?? '';
  return {
    q,
    hitsPerPage: PAGE_SIZE,
    page: s.offset / PAGE_SIZE + 1,
    ...(filters.length ? { filter: filters.join(' AND ') } : {}),
    sort: ['publishedTs:desc', 'articleId:asc', 'seq:asc'],
    ...(s.lang && q ? { locales: [LANGUAGES[s.lang].iso6393] } : {}),
    attributesToRetrieve: QUOTE_FIELDS,
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
    const ids = (xs: Array<{ id: string }>) => xs.map((x) => x.id).join(',');
    if (ids(api.data ?? []) !== ids(raw.hits ?? [])) throw new Error(`API and raw differ for ${apiPath(s)}: ${ids(api.data ?? []) || JSON.stringify(api).slice(0, 300)} vs ${ids(raw.hits ?? []) || JSON.stringify(raw).slice(0, 300)}`);
    if (raw.hits.length) nonEmpty++;
  }
  log(`API and raw Meilisearch return the same hits for ${specs.length} queries (${nonEmpty} non-empty)`);
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

function markdown(r: {
  date: string;
  machine: { cpus: number; cpuModel?: string; memoryGb: number; node: string };
  settings: { scale: number; durationSeconds: number; connections: number; speakers: number };
  queries: { runs: Record<string, LoadResult & { rss?: { maxMb: number; meanMb: number; baselineMb: number } }>; ratioUncached: number; ratioCached: number };
  ingestion: { sizes: Array<{ storeArticles: number; storeQuotes: number; articles: number; quotesPerArticle: number; msPerArticle: number; medianMs: number; p90Ms: number }>; growth1kTo100k: number };
  extraction: { articles: number; avgKb: number; articlesPerSec: number; kbPerSec: number };
  totalSeconds: number;
}): string {
  const q = r.queries.runs;
  const lines = [
    `# polyquote benchmark`,
    ``,
    `${r.date} · ${r.machine.cpus} CPUs (${r.machine.cpuModel}) · ${r.machine.memoryGb} GB · Node ${r.machine.node} · scale ${r.settings.scale} · ${r.settings.connections} connections, ${r.settings.durationSeconds} s per run · total ${r.totalSeconds} s`,
    ``,
    `## GET /quotes vs raw Meilisearch search (speaker / lang / q mixes, limit 20)`,
    ``,
    `| run | req/s | p50 ms | p99 ms | non-2xx | errors | API RSS max / mean MB |`,
    `|---|---:|---:|---:|---:|---:|---:|`,
    ...Object.entries(q).map(([name, x]) => `| ${name} | ${round(x.reqPerSec)} | ${x.p50} | ${x.p99} | ${x.non2xx} | ${x.errors} | ${x.rss ? `${x.rss.maxMb} / ${x.rss.meanMb} (idle ${x.rss.baselineMb})` : '—'} |`),
    ``,
    `API / raw throughput: **${r.queries.ratioUncached}× uncached** (target ≥ 0.8×), **${r.queries.ratioCached}× cached**.`,
    ``,
    `## Ingestion through IngestService.ingest (fresh articles, 2–3 quotes each)`,
    ``,
    `| articles in store | quotes in store | articles ingested | quotes/article | mean ms/article | median ms | p90 ms |`,
    `|---:|---:|---:|---:|---:|---:|---:|`,
    ...r.ingestion.sizes.map((s) => `| ${s.storeArticles} | ${s.storeQuotes} | ${s.articles} | ${s.quotesPerArticle} | ${s.msPerArticle} | ${s.medianMs} | ${s.p90Ms} |`),
    ``,
    `Growth of the per-article time from the smallest to the largest store: **${r.ingestion.growth1kTo100k}×** (target ≤ 1.5×).`,
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
