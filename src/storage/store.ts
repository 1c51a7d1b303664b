import os from 'node:os';
import type { Index, Meilisearch, ResourceResults, SearchParams, SearchResponse } from 'meilisearch';
import { enqueued, filterIn, filterValue, FINISHED_TASKS, guarded, tasksDone, type EnqueuedTaskAnswer, type TaskSender } from './meili/client.ts';
import { createJsonPoster, type JsonPoster } from './meili/transport.ts';
import { applyIndexConfig } from './meili/index-config.ts';
import { candidateSearches, noStoredHits, type CandidateOptions, type CandidateProbe, type SearchHits } from './candidates.ts';
import { rendered, type ArticleDoc, type QuoteDoc, type SpeakerDoc } from './documents.ts';
import { onPageBoundary, quoteFilter, quoteSearch, type PageRequest, type QuoteCriteria } from './criteria.ts';
import { SERVED_QUOTE_FIELD, servedQuotes, type ServedQuotes } from './served-quotes.ts';

const PAGE = 1000;
/** Searches per multi-search request when many articles' candidates are looked up at once. */
const QUERIES_PER_SEARCH = 250;
/** Multi-search requests in flight at once. */
const SEARCHES_SIDE_BY_SIDE = Math.max(2, os.availableParallelism());
/** A quote's fields but its served form and the per-language copies of its text, which searches need not carry back. */
const QUOTE_FIELDS: Array<keyof QuoteDoc & string> = [
  'id', 'articleId', 'seq', 'lang', 'text', 'speakerId', 'speakerName', 'role', 'attributionMethod', 'attributionConfidence', 'start', 'end',
  'url', 'title', 'outlet', 'publishedAt', 'publishedTs', 'translated', 'clusterId', 'original', 'linkConfidence', 'links', 'clusterLangs', 'translations',
];
/**
 * A stored quote's fields but its served form and the copy of its text to search: what reading a quote needs, and
 * the writes render those two again. Linking reads thousands of quotes per batch; the served form alone is most of a document.
 */
const STORED_QUOTE_FIELDS: Array<keyof QuoteDoc & string> = [...QUOTE_FIELDS, 'own'];
export const ARTICLE_FIELDS_BUT_VOCABULARY: Array<keyof ArticleDoc> = [
  'id', 'lang', 'url', 'title', 'outlet', 'publishedAt', 'publishedTs', 'sourceUrl', 'translationOf', 'speakerIds', 'quoteIds', 'length', 'skipped', 'numbers',
  'anchors', 'anchorSites', 'ingestedAt', 'contentHash',
];
/** Speakers asked about per multi-search: a batch refreshes hundreds, and one request each would cost a round trip each. */
const SPEAKERS_PER_SEARCH = 100;
/** Page-based pagination, in which Meilisearch counts the matches exhaustively (`totalHits`). */
const pageMode = ({ limit, offset }: PageRequest) => ({ hitsPerPage: limit, page: offset / limit + 1 });

export interface SpellingSample {
  lang: string;
  speakerName: string | null;
  attributionMethod: string;
}

export interface SpeakerQuoteSummary {
  total: number;
  facets: Record<string, Record<string, number>>;
  sample: SpellingSample[];
}

export interface WriteChanges {
  quotes?: QuoteDoc[];
  deleteQuotes?: string[];
  speakers?: SpeakerDoc[];
  deleteSpeakers?: string[];
  article?: ArticleDoc;
  articles?: ArticleDoc[];
  deleteArticle?: string;
  deleteArticles?: string[];
}

/** Everything polyquote reads from and writes to Meilisearch goes through here. */
export class Store {
  readonly quotes;
  readonly speakers;
  readonly articles;
  /** Counts writes (this process's, and those seen by watchWrites), so that what was read before one can be told stale. */
  private writes = 0;
  /** The succeeded tasks on the store's indexes when last looked at: how many, and the newest. */
  private writesSeen: string | undefined;
  /** Reads (searches, documents by filter) skip the client library: they are the hot path of every API request. */
  private readonly post: JsonPoster;

  constructor(
    readonly client: Meilisearch,
    readonly prefix = '',
  ) {
    this.quotes = client.index<QuoteDoc>(`${prefix}quotes`);
    this.speakers = client.index<SpeakerDoc>(`${prefix}speakers`);
    this.articles = client.index<ArticleDoc>(`${prefix}articles`);
    const { host, apiKey = '', timeout = 5_000 } = client.config;
    this.post = createJsonPoster({ host, apiKey, timeoutMs: timeout });
  }

  get generation(): number {
    return this.writes;
  }

  /**
   * Notices writes by other processes (the index CLI next to a running server) within `intervalMs`: each moves the
   * generation on, so reads cached from before it are dropped. Returns the function that stops watching.
   */
  watchWrites(intervalMs: number): () => void {
    let checking = false;
    const timer = setInterval(() => {
      if (checking) return;
      checking = true;
      // Meilisearch away: the next tick asks again, and the reads themselves answer 503 meanwhile.
      this.checkWrites()
        .catch(() => undefined)
        .finally(() => (checking = false));
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  async checkWrites(): Promise<void> {
    // Counted, not only the newest: tasks of different indexes may finish out of order, and an older one finishing
    // after a newer one leaves the newest succeeded task as it was.
    const { results, total } = await guarded(() => this.client.tasks.getTasks({ indexUids: this.indexUids, statuses: ['succeeded'], limit: 1 }));
    const seen = `${total} ${results[0]?.uid ?? -1}`;
    if (seen === this.writesSeen) return;
    this.writesSeen = seen;
    this.writes++;
  }

  private get indexUids(): string[] {
    return [this.quotes.uid, this.speakers.uid, this.articles.uid];
  }

  setup(): Promise<void> {
    return applyIndexConfig(this.client, this.prefix);
  }

  async healthy(): Promise<boolean> {
    return guarded(() => this.client.isHealthy());
  }

  async getArticle(id: string): Promise<ArticleDoc | undefined> {
    return (await this.filterAll(this.articles, `id = ${filterValue(id)}`))[0];
  }

  async countArticles(): Promise<number> {
    const stats = await guarded(() => this.articles.getStats());
    return stats.numberOfDocuments;
  }

  /** The newest task on this store's indexes, whoever sent it and whatever became of it. */
  async latestTask(): Promise<{ uid: number; finished: boolean } | undefined> {
    const [task] = (await guarded(() => this.client.tasks.getTasks({ indexUids: this.indexUids, limit: 1 }))).results;
    return task && { uid: task.uid, finished: FINISHED_TASKS.has(task.status) };
  }

  /**
   * The stored side of finding many new articles' candidates (never the whole store): their searches
   * (`candidateSearches`), in multi-searches (`multiSearch`).
   */
  async candidateHits(probes: CandidateProbe[], options: CandidateOptions = {}): Promise<SearchHits[][]> {
    if (options.run && !options.run.othersStored) return probes.map((probe) => noStoredHits(probe, options));
    const searches = probes.map((probe) => candidateSearches(probe, options).map((search) => JSON.stringify(search)));
    // Articles of one day share most of their anchors' searches: each distinct one is sent once.
    const distinct = [...new Set(searches.flat())];
    const queries = distinct.map((key) => ({ indexUid: this.articles.uid, q: '', attributesToRetrieve: ['id', 'publishedTs'], ...(JSON.parse(key) as object) }));
    const results = await this.multiSearch<{ hits: Array<{ id: string; publishedTs?: number }>; estimatedTotalHits?: number }>(queries, QUERIES_PER_SEARCH);
    const answers = new Map(distinct.map((key, k): [string, SearchHits] => {
      const { hits, estimatedTotalHits } = results[k];
      return [key, { ids: hits.map((h) => h.id), publishedTs: hits.map((h) => h.publishedTs), total: estimatedTotalHits ?? hits.length }];
    }));
    return searches.map((keys) => keys.map((key) => answers.get(key)!));
  }

  /** Every stored article, with only the fields asked for, in the order Meilisearch lists them (as its searches do). */
  allArticles(fields: Array<keyof ArticleDoc>): Promise<ArticleDoc[]> {
    return this.filterAll(this.articles, undefined, fields);
  }

  /** Articles by id, with only the fields asked for. */
  articlesByIds(ids: string[], fields?: Array<keyof ArticleDoc>): Promise<ArticleDoc[]> {
    return ids.length ? this.filterAll(this.articles, filterIn('id', ids), fields) : Promise.resolve([]);
  }

  quotesOfArticles(articleIds: string[]): Promise<QuoteDoc[]> {
    return articleIds.length ? this.filterAll(this.quotes, filterIn('articleId', articleIds), STORED_QUOTE_FIELDS) : Promise.resolve([]);
  }

  quotesByIds(ids: string[]): Promise<QuoteDoc[]> {
    return ids.length ? this.filterAll(this.quotes, filterIn('id', ids), STORED_QUOTE_FIELDS) : Promise.resolve([]);
  }

  async getQuote(id: string): Promise<QuoteDoc | undefined> {
    return (await this.quotesByIds([id]))[0];
  }

  async getSpeaker(id: string): Promise<SpeakerDoc | undefined> {
    return (await this.filterAll(this.speakers, `id = ${filterValue(id)}`))[0];
  }

  /** Speakers whose id is `surname` or ends with it (`trump`, `donald-trump`), among the closest names: a bounded look-up. */
  async speakersBySurname(surname: string, limit = 50): Promise<SpeakerDoc[]> {
    return (await this.speakersBySurnames([surname], limit)).get(surname) ?? [];
  }

  /** The speakers whose names come closest to `text` (typo-tolerant), the closest first. */
  async speakersNamedLike(text: string, limit: number): Promise<SpeakerDoc[]> {
    return (await this.search<SpeakerDoc>(this.speakers.uid, text, { limit })).hits;
  }

  speakersByFoldedName(folded: string[]): Promise<SpeakerDoc[]> {
    return folded.length ? this.filterAll(this.speakers, filterIn('foldedNames', folded)) : Promise.resolve([]);
  }

  /**
   * A page of the speakers listed on their own (not those listed under another one: documents.ts `sameAs`) matching
   * `q`, with the exact total: by relevance, then quoteCount:desc (the index's custom ranking rule).
   */
  listedSpeakerPage(q: string, page: PageRequest): Promise<{ hits: SpeakerDoc[]; total: number }> {
    return this.exactPage<SpeakerDoc>(this.speakers.uid, q, { filter: 'sameAs NOT EXISTS' }, page);
  }

  /** A page of the quotes matching `criteria` as documents, with the exact total. */
  quotePage(criteria: QuoteCriteria, page: PageRequest): Promise<{ hits: QuoteDoc[]; total: number }> {
    const { q, ...params } = quoteSearch(criteria);
    return this.exactPage<QuoteDoc>(this.quotes.uid, q, params, page);
  }

  /**
   * A page of the quotes matching `criteria` as their served forms, read straight out of Meilisearch's answer
   * (served-quotes.ts). Undefined when the page does not start on a page boundary (nothing is asked then), or when a
   * quote on it has no served form of the current format: the page is then to be rendered from the documents.
   */
  async servedQuotePage(criteria: QuoteCriteria, page: PageRequest): Promise<ServedQuotes | undefined> {
    if (!onPageBoundary(page)) return undefined;
    const { q, ...params } = quoteSearch(criteria);
    const body = { q, ...params, ...pageMode(page), attributesToRetrieve: [SERVED_QUOTE_FIELD] };
    return servedQuotes(await guarded(() => this.post.bytes(`/indexes/${this.quotes.uid}/search`, body)));
  }

  /** The languages the store holds quotes in. */
  async quoteLanguages(): Promise<string[]> {
    const result = await this.search<QuoteDoc>(this.quotes.uid, '', { limit: 0, facets: ['lang'] });
    return Object.keys(result.facetDistribution?.lang ?? {});
  }

  /**
   * Quotes worded like `words` (a few words of a longer text), in `lang` when given. Rarer words count most: the words
   * dropped when nothing holds them all are the commonest, so a misquoted word or two still finds the quote.
   */
  async quotesWordedLike(words: string, { lang, limit }: { lang?: string; limit: number }): Promise<QuoteDoc[]> {
    const filter = quoteFilter({ lang });
    const result = await this.search<QuoteDoc>(this.quotes.uid, words, {
      limit,
      matchingStrategy: 'frequency',
      attributesToRetrieve: QUOTE_FIELDS,
      ...(filter ? { filter } : {}),
    });
    return result.hits;
  }

  private search<T extends QuoteDoc | SpeakerDoc>(indexUid: string, q: string, params: SearchParams) {
    return guarded(() => this.post.json<SearchResponse<T>>(`/indexes/${indexUid}/search`, { q, ...params }));
  }

  /** One page and its exact total: in one search on a page boundary, else with a second, count-only one. */
  private async exactPage<T extends QuoteDoc | SpeakerDoc>(indexUid: string, q: string, params: SearchParams, page: PageRequest) {
    if (onPageBoundary(page)) {
      const found = await this.search<T>(indexUid, q, { ...params, ...pageMode(page) });
      return { hits: found.hits, total: found.totalHits ?? found.hits.length };
    }
    const [found, count] = await Promise.all([
      this.search<T>(indexUid, q, { ...params, limit: page.limit, offset: page.offset }),
      this.search<T>(indexUid, q, { ...params, hitsPerPage: 0, page: 1 }),
    ]);
    return { hits: found.hits, total: count.totalHits ?? found.hits.length };
  }

  /**
   * What each speaker's quotes say about them — count, names, roles and languages as facets, and how the quotes spell
   * the name language by language (a sample of `sampleSize`, in a stable order) — for many speakers at once (`multiSearch`).
   */
  async speakerQuoteSummaries(speakerIds: string[], sampleSize: number): Promise<Map<string, SpeakerQuoteSummary>> {
    const queries = speakerIds.flatMap((id) => {
      const filter = `speakerId = ${filterValue(id)}`;
      return [
        { indexUid: this.quotes.uid, q: '', filter, hitsPerPage: 0, page: 1, facets: ['speakerName', 'role', 'lang'] },
        { indexUid: this.quotes.uid, q: '', filter, limit: sampleSize, sort: ['articleId:asc', 'seq:asc'], attributesToRetrieve: ['lang', 'speakerName', 'attributionMethod'] },
      ];
    });
    const results = await this.multiSearch<SearchResponse<SpellingSample>>(queries, 2 * SPEAKERS_PER_SEARCH);
    return new Map(
      speakerIds.map((id, k) => {
        const [facets, sample] = [results[2 * k], results[2 * k + 1]];
        return [id, { total: facets.totalHits ?? 0, facets: facets.facetDistribution ?? {}, sample: sample.hits }];
      }),
    );
  }

  speakersByIds(ids: string[]): Promise<SpeakerDoc[]> {
    return ids.length ? this.filterAll(this.speakers, filterIn('id', ids)) : Promise.resolve([]);
  }

  /** `speakersBySurname` for many surnames at once (`multiSearch`). */
  async speakersBySurnames(surnames: string[], limit = 50): Promise<Map<string, SpeakerDoc[]>> {
    const results = await this.multiSearch<SearchResponse<SpeakerDoc>>(
      surnames.map((surname) => ({ indexUid: this.speakers.uid, q: surname, limit })),
      SPEAKERS_PER_SEARCH,
    );
    return new Map(surnames.map((surname, k) => [surname, results[k].hits.filter((s) => s.id === surname || s.id.endsWith(`-${surname}`))]));
  }

  /**
   * Many searches' answers, in order, in multi-searches of `perRequest` queries at most, as many at once as there are
   * cores: Meilisearch runs one multi-search's queries one after the other on one core, and requests side by side on
   * all of them. Each request stays short, well within the timeout even on a busy machine; a few queries (one
   * article's) are shared out between the cores too.
   */
  private async multiSearch<T>(queries: object[], perRequest: number): Promise<T[]> {
    const size = Math.max(1, Math.min(perRequest, Math.ceil(queries.length / SEARCHES_SIDE_BY_SIDE)));
    const parts = Array.from({ length: Math.ceil(queries.length / size) }, (_, k) => queries.slice(k * size, (k + 1) * size));
    const answers: T[][] = [];
    for (let first = 0; first < parts.length; first += SEARCHES_SIDE_BY_SIDE) {
      const wave = parts.slice(first, first + SEARCHES_SIDE_BY_SIDE);
      answers.push(...(await Promise.all(wave.map(async (part) => (await guarded(() => this.post.json<{ results: T[] }>('/multi-search', { queries: part }))).results))));
    }
    return answers.flat();
  }

  /**
   * Applies one article's changes (or a batch's), one Meilisearch task per index and kind, in an order that keeps the
   * stored clusters consistent at every step should Meilisearch go away in between: first the quotes (one task: new and
   * re-linked versions, and the quotes about to go already detached from their clusters), then the deletions, then the
   * speakers, then the articles. Meilisearch applies them in that order; each is sent only once the previous one was
   * accepted, so no request is left running (or rejecting unobserved) after a failure; all are waited for once, at the end.
   */
  async write(changes: WriteChanges): Promise<void> {
    await (await this.send(changes)).done();
  }

  /** `write` without the wait: the changes are sent, and `done` waits for them. */
  async send(changes: WriteChanges): Promise<{ done: () => Promise<void> }> {
    const articles = [...(changes.article ? [changes.article] : []), ...(changes.articles ?? [])];
    const deleteArticles = [...(changes.deleteArticle ? [changes.deleteArticle] : []), ...(changes.deleteArticles ?? [])];
    const writes: TaskSender[] = [];
    if (changes.quotes?.length) writes.push(this.upsert(this.quotes, changes.quotes.map(rendered)));
    if (changes.deleteQuotes?.length) writes.push(this.remove(this.quotes, changes.deleteQuotes));
    if (changes.deleteSpeakers?.length) writes.push(this.remove(this.speakers, changes.deleteSpeakers));
    if (changes.speakers?.length) writes.push(this.upsert(this.speakers, changes.speakers));
    if (articles.length) writes.push(this.upsert(this.articles, articles));
    if (deleteArticles.length) writes.push(this.remove(this.articles, deleteArticles));
    if (!writes.length) return { done: async () => undefined };
    // The generation moves on when the writes are sent and again when they are done, so a read that overlapped them is stale too.
    this.writes++;
    let uids: number[];
    try {
      uids = await enqueued(...writes);
    } catch (error) {
      this.writes++;
      throw error;
    }
    return { done: () => tasksDone(this.client, uids).finally(() => this.writes++) };
  }

  /**
   * Documents added or replaced, as a task to send. Over the pool itself: the client library's fetch spent as long
   * again re-checking and streaming a batch's payload (profiled: 0.65 s per 1,000 articles in its string conversion).
   */
  private upsert(index: Index, documents: object[]): TaskSender {
    return () => this.post.json<EnqueuedTaskAnswer>(`/indexes/${index.uid}/documents`, documents);
  }

  private remove(index: Index, ids: string[]): TaskSender {
    return () => this.post.json<EnqueuedTaskAnswer>(`/indexes/${index.uid}/documents/delete-batch`, ids);
  }

  private async filterAll<T extends QuoteDoc | ArticleDoc | SpeakerDoc>(index: Index<T>, filter: string | undefined, fields?: string[]): Promise<T[]> {
    const out: T[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const body = { ...(filter ? { filter } : {}), limit: PAGE, offset, ...(fields ? { fields } : {}) };
      const page = await guarded(() => this.post.json<ResourceResults<T[]>>(`/indexes/${index.uid}/documents/fetch`, body));
      out.push(...page.results);
      if (page.results.length < PAGE) return out;
    }
  }
}
