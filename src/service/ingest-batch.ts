import { createHash } from 'node:crypto';
import { extractInThread } from '../ingestion/pool/index.ts';
import { storableId, type AnalysedArticle } from '../ingestion/pipeline.ts';
import type { ArticleInput } from '../ingestion/types.ts';
import type { QuoteDoc } from '../storage/documents.ts';
import { isStoreFailure } from '../storage/meili/client.ts';
import { SERVED_QUOTE_FORMAT } from '../storage/served-quotes.ts';
import { startedEarly } from '../shared/started-early.ts';
import { RunMemory } from '../storage/run-memory.ts';
import { StagedStore, type LinkingStore } from '../storage/staged.ts';
import type { Store } from '../storage/store.ts';
import { speakerChanges, speakersOfQuotes } from './speakers.ts';
import type { IngestedArticle, LinkedArticle } from './ingest.ts';
import { prepareArticle, type PreparedArticle } from './prepare-article.ts';

/** Articles and text per batch: Meilisearch indexes a large payload far faster than many small ones. */
export const BATCH_ARTICLES = 250;
export const BATCH_BYTES = 8 * 1024 * 1024;
/**
 * Batches stored under one hold of the write lock, Meilisearch indexing one while the next is linked. The articles of
 * a hold find one another in memory rather than by searching the store, so a run's related articles (an archive's
 * same weeks) link for less the more a hold takes (2,000 articles at 10k stored: 8 batches a hold used half the
 * Meilisearch CPU of 4). Another writer (an API post during a CLI run) waits for no more than the batch under way:
 * a hold takes no further batch once one waits.
 */
export const BATCHES_PER_LOCK = 8;

export interface BatchProgress {
  done: number;
  total: number;
  stored: number;
  unchanged: number;
  failed: number;
  quotes: number;
}

export interface BatchOptions {
  /** Called whenever batches are stored (a few at a time: as many as one hold of the write lock stores), with the counts so far. */
  onProgress?: (progress: BatchProgress) => void;
  /**
   * Called whenever the quotes of the batches under way are all sent: what is left of them is mostly waiting for
   * Meilisearch (their indexing, the speakers', the articles' records), which the caller may fill with work of its own.
   */
  onSent?: () => void;
  maxArticles?: number;
  maxBytes?: number;
  /**
   * What the run stored so far, for a run of many calls (the CLI's, a batch of files at a time); a call of more than
   * one batch keeps its own.
   */
  run?: RunMemory;
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
  /** Whether another write (of this process or another) waits for its turn. */
  othersWaiting: () => Promise<boolean>;
}

/**
 * Digest of everything an article is ingested from, and of the served form's format: equal digests, same stored
 * result. A new format changes every digest, so indexing the same articles again rewrites them in it.
 */
export function contentHash(input: ArticleInput): string {
  const fields = ['id', 'text', 'lang', 'url', 'title', 'outlet', 'publishedAt', 'sourceUrl', 'translationOf'] as const;
  return createHash('sha256').update(JSON.stringify([SERVED_QUOTE_FORMAT, ...fields.map((f) => input[f] ?? null)])).digest('base64url');
}

export async function ingestInBatches(inputs: ArticleInput[], options: BatchOptions, deps: BatchDeps): Promise<BatchResult> {
  const outcomes: ArticleOutcome[] = [];
  const progress: BatchProgress = { done: 0, total: inputs.length, stored: 0, unchanged: 0, failed: 0, quotes: 0 };
  const all = [...batches(inputs, options.maxArticles ?? BATCH_ARTICLES, options.maxBytes ?? BATCH_BYTES)];
  // The next batch is read (extracted in the worker pool) while this one is linked and written.
  let reading = all.length ? startedEarly(readBatch(all[0], deps)) : undefined;
  const nextBatch = async (i: number) => {
    const read = await reading!;
    reading = i + 1 < all.length ? startedEarly(readBatch(all[i + 1], deps)) : undefined;
    return read;
  };
  const run = options.run ?? (all.length > 1 ? new RunMemory(deps.store) : undefined);
  for (let next = 0; next < all.length; ) {
    const first = next;
    const done = await deps.crossProcess(() => storeBatches({ first, end: Math.min(all.length, first + BATCHES_PER_LOCK), nextBatch, run }, deps, options.onSent));
    next += done.batches;
    for (const outcome of done.outcomes) {
      progress.done++;
      if (outcome.status === 'stored') {
        progress.stored++;
        progress.quotes += outcome.quotes.length;
      } else if (outcome.status === 'unchanged') progress.unchanged++;
      else progress.failed++;
    }
    outcomes.push(...done.outcomes);
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

interface ReadBatch {
  entries: Array<{ input: ArticleInput; id: string; hash: string }>;
  /** Set for the articles already known to fail. */
  outcomes: Array<ArticleOutcome | undefined>;
  /** What each article extracted ahead was made into (or how it failed), by position. */
  prepared: Map<number, PreparedArticle | ArticleOutcome>;
}

/**
 * Reads a batch's articles outside the write lock, extracting and preparing only those that differ from the store: a
 * re-run extracts nothing.
 */
async function readBatch(inputs: ArticleInput[], deps: BatchDeps): Promise<ReadBatch> {
  const extract = extractorOf(deps);
  const entries = inputs.map((input) => {
    const problem = problemOf(input);
    return { input, id: typeof input.id === 'string' ? storableId(input.id) : 'article', hash: problem ? '' : contentHash(input), problem };
  });
  const outcomes: Array<ArticleOutcome | undefined> = entries.map(({ id, problem }) =>
    problem ? { id, status: 'error', problem, error: new Error(`${problem.title}: ${problem.detail}`) } : undefined,
  );
  const stored = await deps.store.articlesByIds([...new Set(entries.map((e) => e.id))], ['id', 'contentHash']);
  const hashes = new Map(stored.map((doc) => [doc.id, doc.contentHash]));
  const toExtract = entries.map((e, k) => ({ ...e, k })).filter((e) => !outcomes[e.k] && hashes.get(e.id) !== e.hash);
  const analysed = await extract(toExtract.map((e) => e.input));
  return { entries, outcomes, prepared: new Map(toExtract.map((e, j) => [e.k, prepared(e, analysed[j])])) };
}

function prepared(entry: { id: string; hash: string }, analysed: AnalysedArticle | Error): PreparedArticle | ArticleOutcome {
  if (analysed instanceof Error) return failed(entry.id, 'the article could not be read', analysed);
  try {
    return prepareArticle(analysed, entry.hash);
  } catch (error) {
    return failed(entry.id, 'the article could not be linked', error);
  }
}

const probesOf = ({ prepared: articles }: ReadBatch) => [...articles.values()].flatMap((p) => ('probe' in p ? [p.probe] : []));

interface Hold {
  first: number;
  end: number;
  nextBatch: (i: number) => Promise<ReadBatch>;
  run?: RunMemory;
}

/**
 * Stores batches from `first` on (up to `end`, exclusive) under the write lock: each is linked against the store with
 * every earlier one staged in front of it and sent without waiting, so that Meilisearch indexes one batch while the
 * next is linked; all are waited for at the end, then their speakers rebuilt, and written with the articles' records.
 * Stops early when another writer waits.
 */
async function storeBatches(hold: Hold, deps: BatchDeps, onSent?: () => void) {
  await hold.run?.resume();
  try {
    const done = await storeHeld(hold, deps, onSent);
    await hold.run?.paused();
    return done;
  } catch (error) {
    hold.run?.failed();
    throw error;
  }
}

async function storeHeld({ first, end, nextBatch, run }: Hold, deps: BatchDeps, onSent?: () => void) {
  const staged = new StagedStore(deps.store, run);
  const speakers = new Set<string>();
  const outcomes: ArticleOutcome[] = [];
  let batches = 0;
  do {
    const read = await nextBatch(first + batches);
    await staged.prefetch(probesOf(read));
    outcomes.push(...(await linkBatch(read, staged, speakers, deps)));
    await staged.send();
    batches++;
  } while (first + batches < end && !(await deps.othersWaiting()));
  onSent?.();
  await staged.settle();
  // An unchanged article's speakers too: a run cut off after its quotes were written but before its speakers were
  // ends like an uninterrupted one when it is run again.
  const unchanged = outcomes.flatMap((o) => (o.status === 'unchanged' ? [o.id] : []));
  if (unchanged.length) for (const s of speakersOfQuotes(await deps.store.quotesOfArticles(unchanged))) speakers.add(s);
  await staged.writeArticles(speakers.size ? await speakerChanges(deps.store, speakers) : {});
  return { outcomes, batches };
}

/** Links a batch's articles into the staging, one after the other; adds the speakers to refresh to `speakers`. */
async function linkBatch({ entries, outcomes, prepared: readAhead }: ReadBatch, staged: StagedStore, speakers: Set<string>, deps: BatchDeps): Promise<ArticleOutcome[]> {
  // Again under the lock, and through the staging: another process, or an earlier batch, may have stored some meanwhile.
  const stored = new Map((await staged.articlesByIds([...new Set(entries.map((e) => e.id))], ['id', 'contentHash', 'lang', 'quoteIds'])).map((d) => [d.id, d]));
  const hashes = new Map([...stored].map(([id, doc]) => [id, doc.contentHash]));
  const toLink = new Map<number, PreparedArticle>();
  for (const [k, entry] of entries.entries()) {
    if (outcomes[k]) continue;
    if (hashes.get(entry.id) === entry.hash) {
      const doc = stored.get(entry.id);
      const quotes = doc?.quoteIds.length ?? 0;
      outcomes[k] = { id: entry.id, status: 'unchanged', article: { id: entry.id, lang: doc?.lang ?? 'und', quotes, replaced: true } };
      continue;
    }
    const article = readAhead.get(k) ?? prepared(entry, (await extractorOf(deps)([entry.input]))[0]);
    if ('status' in article) {
      outcomes[k] = article;
      continue;
    }
    toLink.set(k, article);
    // A second copy later in the batch is then unchanged, as it would be posted after this one.
    hashes.set(entry.id, entry.hash);
  }
  for (const [k, article] of toLink) {
    try {
      const linked = await deps.link(staged, article);
      for (const s of linked.speakers) speakers.add(s);
      outcomes[k] = { id: article.article.id, status: 'stored', article: linked.article, quotes: linked.quotes };
    } catch (error) {
      // The store failing fails the batches under way (a retry does again what they sent); anything else is this article's own.
      if (isStoreFailure(error)) throw error;
      outcomes[k] = failed(article.article.id, 'the article could not be linked', error);
    }
  }
  return outcomes as ArticleOutcome[];
}

const extractorOf = (deps: BatchDeps): Extractor => deps.extract ?? (async (batch: ArticleInput[]) => extractInThread(batch));

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
