import { createHash } from 'node:crypto';
import { MeilisearchApiError } from 'meilisearch';
import { extractInThread } from '../ingestion/pool/index.ts';
import { storableId, type AnalysedArticle } from '../ingestion/pipeline.ts';
import type { ArticleInput } from '../ingestion/types.ts';
import type { QuoteDoc } from '../storage/documents.ts';
import { StoreUnavailableError } from '../storage/meili/client.ts';
import { StagedStore, type LinkingStore } from '../storage/staged.ts';
import type { Store } from '../storage/store.ts';
import { refreshSpeakers, speakersOfQuotes } from './speakers.ts';
import { prepareArticle, type IngestedArticle, type LinkedArticle, type PreparedArticle } from './ingest.ts';

/** Articles and text per batch: Meilisearch indexes a large payload far faster than many small ones. */
export const BATCH_ARTICLES = 250;
export const BATCH_BYTES = 8 * 1024 * 1024;

export interface BatchProgress {
  done: number;
  total: number;
  stored: number;
  unchanged: number;
  failed: number;
  quotes: number;
}

export interface BatchOptions {
  /** Called after each batch is written, with the counts so far. */
  onProgress?: (progress: BatchProgress) => void;
  maxArticles?: number;
  maxBytes?: number;
}

/** An RFC 9457 problem's words: what went wrong with one article. */
export interface ArticleProblem {
  title: string;
  detail: string;
}

export type ArticleOutcome =
  | { id: string; status: 'stored'; article: IngestedArticle; quotes: QuoteDoc[] }
  | { id: string; status: 'unchanged'; article: IngestedArticle }
  | { id: string; status: 'error'; problem: ArticleProblem; error: Error };

export interface BatchResult {
  /** One per input, in input order. */
  outcomes: ArticleOutcome[];
}

/** Reads articles into quotes, many at a time (a worker pool, or the pipeline in this thread). */
export type Extractor = (inputs: ArticleInput[]) => Promise<Array<AnalysedArticle | Error>>;

export interface BatchDeps {
  store: Store;
  extract?: Extractor;
  /** Links one prepared article into the staged store and writes it there. */
  link: (store: LinkingStore, prepared: PreparedArticle) => Promise<LinkedArticle>;
  /** Runs a batch's reads and writes under the cross-process write lock. */
  crossProcess: <T>(run: () => Promise<T>) => Promise<T>;
}

/** Digest of everything an article is ingested from: equal digests, same stored result. */
export function contentHash(input: ArticleInput): string {
  const fields = ['id', 'text', 'lang', 'url', 'title', 'outlet', 'publishedAt', 'sourceUrl', 'translationOf'] as const;
  return createHash('sha256').update(JSON.stringify(fields.map((f) => input[f] ?? null))).digest('base64url');
}

export async function ingestInBatches(inputs: ArticleInput[], options: BatchOptions, deps: BatchDeps): Promise<BatchResult> {
  const outcomes: ArticleOutcome[] = [];
  const progress: BatchProgress = { done: 0, total: inputs.length, stored: 0, unchanged: 0, failed: 0, quotes: 0 };
  const all = [...batches(inputs, options.maxArticles ?? BATCH_ARTICLES, options.maxBytes ?? BATCH_BYTES)];
  // The next batch is read (extracted in the worker pool) while this one is linked and written.
  let reading = all.length ? readBatch(all[0], deps) : undefined;
  for (let i = 0; i < all.length; i++) {
    const storeBatch = await reading!;
    reading = i + 1 < all.length ? readBatch(all[i + 1], deps) : undefined;
    // Met when awaited; should this batch fail first, the next one's failure must not go unhandled.
    reading?.catch(() => undefined);
    const done = await storeBatch();
    for (const outcome of done) {
      progress.done++;
      if (outcome.status === 'stored') {
        progress.stored++;
        progress.quotes += outcome.quotes.length;
      } else if (outcome.status === 'unchanged') progress.unchanged++;
      else progress.failed++;
    }
    outcomes.push(...done);
    options.onProgress?.({ ...progress });
  }
  return { outcomes };
}

function* batches(inputs: ArticleInput[], maxArticles: number, maxBytes: number): Generator<ArticleInput[]> {
  let batch: ArticleInput[] = [];
  let bytes = 0;
  for (const input of inputs) {
    const size = typeof input.text === 'string' ? input.text.length : 0;
    if (batch.length && (batch.length >= maxArticles || bytes + size > maxBytes)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(input);
    bytes += size;
  }
  if (batch.length) yield batch;
}

/** Reads a batch's articles outside the write lock; what it returns stores them under the lock. */
async function readBatch(inputs: ArticleInput[], deps: BatchDeps): Promise<() => Promise<ArticleOutcome[]>> {
  const extract = deps.extract ?? (async (batch: ArticleInput[]) => extractInThread(batch));
  const entries = inputs.map((input) => {
    const problem = problemOf(input);
    return { input, id: typeof input.id === 'string' ? storableId(input.id) : 'article', hash: problem ? '' : contentHash(input), problem };
  });
  const outcomes: Array<ArticleOutcome | undefined> = entries.map(({ id, problem }) =>
    problem ? { id, status: 'error', problem, error: new Error(`${problem.title}: ${problem.detail}`) } : undefined,
  );
  const storedHashes = async () => {
    const docs = await deps.store.articlesByIds([...new Set(entries.map((e) => e.id))], ['id', 'contentHash', 'lang', 'quoteIds']);
    return new Map(docs.map((d) => [d.id, d]));
  };
  // Extraction outside the write lock, only for what differs from the store: a re-run extracts nothing.
  const before = await storedHashes();
  const toExtract = entries.map((e, k) => ({ ...e, k })).filter((e) => !outcomes[e.k] && before.get(e.id)?.contentHash !== e.hash);
  const analysed = await extract(toExtract.map((e) => e.input));
  const analysedAt = new Map(toExtract.map((e, j) => [e.k, analysed[j]]));

  return () => deps.crossProcess(async () => {
    // Again under the lock: another process may have stored some of these meanwhile.
    const stored = await storedHashes();
    const staged = new StagedStore(deps.store);
    const speakers = new Set<string>();
    const hashes = new Map([...stored].map(([id, doc]) => [id, doc.contentHash]));
    const prepared = new Map<number, PreparedArticle>();
    for (const [k, entry] of entries.entries()) {
      if (outcomes[k]) continue;
      if (hashes.get(entry.id) === entry.hash) {
        const doc = stored.get(entry.id);
        const quotes = doc?.quoteIds.length ?? 0;
        outcomes[k] = { id: entry.id, status: 'unchanged', article: { id: entry.id, lang: doc?.lang ?? 'und', quotes, replaced: true } };
        continue;
      }
      const result = analysedAt.get(k) ?? (await extract([entry.input]))[0];
      if (result instanceof Error) {
        outcomes[k] = failed(entry.id, 'the article could not be read', result);
        continue;
      }
      try {
        prepared.set(k, prepareArticle(result, entry.hash));
        // A second copy later in the batch is then unchanged, as it would be posted after this one.
        hashes.set(entry.id, entry.hash);
      } catch (error) {
        outcomes[k] = failed(entry.id, 'the article could not be linked', error);
      }
    }
    await staged.prefetch([...prepared.values()].map((p) => p.probe));
    for (const [k, article] of prepared) {
      try {
        const linked = await deps.link(staged, article);
        for (const s of linked.speakers) speakers.add(s);
        outcomes[k] = { id: article.article.id, status: 'stored', article: linked.article, quotes: linked.quotes };
      } catch (error) {
        // The store failing fails the batch (nothing of it is written); anything else is this article's own.
        if (error instanceof StoreUnavailableError || error instanceof MeilisearchApiError) throw error;
        outcomes[k] = failed(article.article.id, 'the article could not be linked', error);
      }
    }
    if (!staged.empty) await staged.flush();
    // An unchanged article's speakers too: a run cut off after its quotes were written but before its speakers were
    // ends like an uninterrupted one when it is run again.
    const unchanged = outcomes.flatMap((o) => (o?.status === 'unchanged' ? [o.id] : []));
    if (unchanged.length) for (const s of speakersOfQuotes(await deps.store.quotesOfArticles(unchanged))) speakers.add(s);
    if (speakers.size) await refreshSpeakers(deps.store, speakers);
    return outcomes as ArticleOutcome[];
  });
}

function failed(id: string, title: string, thrown: unknown): ArticleOutcome {
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  return { id, status: 'error', problem: { title, detail: error.message }, error };
}

/** What makes an input unusable before reading it (a request's articles are checked by their schema already). */
function problemOf(input: ArticleInput): ArticleProblem | undefined {
  if (typeof input?.id !== 'string' || !input.id.trim()) return { title: 'invalid article', detail: 'id: must be a non-empty string' };
  if (typeof input.text !== 'string' || !input.text.trim()) return { title: 'invalid article', detail: `${input.id}: text must not be empty` };
  if (input.text.includes('\u0000')) return { title: 'invalid article', detail: `${input.id}: text must be text, not binary` };
  return undefined;
}
