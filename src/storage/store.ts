import type { EnqueuedTaskPromise, Index, Meilisearch, ResourceResults, SearchParams, SearchResponse } from 'meilisearch';
import { filterIn, filterValue, guarded, settled } from './meili/client.ts';
import { createJsonPoster, type JsonPoster } from './meili/read-connections.ts';
import { applyIndexConfig } from './meili/index-config.ts';
import { rendered, type ArticleDoc, type QuoteDoc, type SpeakerDoc } from './documents.ts';

const PAGE = 1000;
/** A quote's fields but its served form and the per-language copies of its text, which searches need not carry back. */
const QUOTE_FIELDS: Array<keyof QuoteDoc & string> = [
  'id', 'articleId', 'seq', 'lang', 'text', 'speakerId', 'speakerName', 'role', 'attributionMethod', 'attributionConfidence', 'start', 'end',
  'url', 'title', 'outlet', 'publishedAt', 'publishedTs', 'translated', 'clusterId', 'original', 'linkConfidence', 'links', 'clusterLangs', 'translations',
];
const ARTICLE_FIELDS_BUT_VOCABULARY: Array<keyof ArticleDoc> = [
  'id', 'lang', 'url', 'title', 'outlet', 'publishedAt', 'publishedTs', 'sourceUrl', 'speakerIds', 'quoteIds', 'numbers', 'ingestedAt',
];

/** Everything polyquote reads from and writes to Meilisearch goes through here. */
export class Store {
  readonly quotes;
  readonly speakers;
  readonly articles;
  /** Counts writes (this process's, and those seen by watchWrites), so that what was read before one can be told stale. */
  private writes = 0;
  /** The newest succeeded write task on this store's indexes, whoever sent it. */
  private lastWriteTask: number | undefined;
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
    const indexUids = [this.quotes.uid, this.speakers.uid, this.articles.uid];
    const { results } = await guarded(() => this.client.tasks.getTasks({ indexUids, statuses: ['succeeded'], limit: 1 }));
    const latest = results[0]?.uid ?? -1;
    if (latest === this.lastWriteTask) return;
    this.lastWriteTask = latest;
    this.writes++;
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

  /**
   * Articles sharing a speaker with the new one, in a date window when the date is known: never the whole store.
   * Their vocabularies (tens of kilobytes each) come along only when asked for.
   */
  async candidateArticles(
    speakerIds: string[],
    excludeId: string,
    { publishedTs, withVocabulary = false, windowDays = 30, limit = 200 }: { publishedTs?: number; withVocabulary?: boolean; windowDays?: number; limit?: number } = {},
  ): Promise<ArticleDoc[]> {
    if (!speakerIds.length) return [];
    const filters = [filterIn('speakerIds', speakerIds), `id != ${filterValue(excludeId)}`];
    if (publishedTs !== undefined) {
      const window = windowDays * 86_400_000;
      filters.push(`(publishedTs NOT EXISTS OR publishedTs ${publishedTs - window} TO ${publishedTs + window})`);
    }
    const result = await guarded(() =>
      this.articles.search('', {
        filter: filters.join(' AND '),
        limit,
        sort: ['id:asc'],
        ...(withVocabulary ? {} : { attributesToRetrieve: ARTICLE_FIELDS_BUT_VOCABULARY }),
      }),
    );
    return result.hits.map((hit) => ({ ...hit, vocabulary: hit.vocabulary ?? [] }));
  }

  quotesOfArticles(articleIds: string[]): Promise<QuoteDoc[]> {
    return articleIds.length ? this.filterAll(this.quotes, filterIn('articleId', articleIds)) : Promise.resolve([]);
  }

  quotesByIds(ids: string[]): Promise<QuoteDoc[]> {
    return ids.length ? this.filterAll(this.quotes, filterIn('id', ids)) : Promise.resolve([]);
  }

  async getQuote(id: string): Promise<QuoteDoc | undefined> {
    return (await this.quotesByIds([id]))[0];
  }

  async getSpeaker(id: string): Promise<SpeakerDoc | undefined> {
    return (await this.filterAll(this.speakers, `id = ${filterValue(id)}`))[0];
  }

  speakersByFoldedName(folded: string[]): Promise<SpeakerDoc[]> {
    return folded.length ? this.filterAll(this.speakers, filterIn('foldedNames', folded)) : Promise.resolve([]);
  }

  search<T extends QuoteDoc | SpeakerDoc>(index: 'quotes' | 'speakers', q: string, params: SearchParams) {
    const target = index === 'quotes' ? this.quotes : this.speakers;
    return guarded(() => this.post.json<SearchResponse<T>>(`/indexes/${target.uid}/search`, { q, ...params }));
  }

  /**
   * Quotes worded like `words` (a few words of a longer text), in `lang` when given. Rarer words count most: the words
   * dropped when nothing holds them all are the commonest, so a misquoted word or two still finds the quote.
   */
  async quotesWordedLike(words: string, { lang, limit }: { lang?: string; limit: number }): Promise<QuoteDoc[]> {
    const result = await this.search<QuoteDoc>('quotes', words, {
      limit,
      matchingStrategy: 'frequency',
      attributesToRetrieve: QUOTE_FIELDS,
      ...(lang ? { filter: `lang = ${filterValue(lang)}` } : {}),
    });
    return result.hits;
  }

  /** A search of the quotes as Meilisearch answered it, unparsed: pages of served quotes are read out of it (served-quotes.ts). */
  searchQuotesAnswer(q: string, params: SearchParams): Promise<Buffer> {
    return guarded(() => this.post.bytes(`/indexes/${this.quotes.uid}/search`, { q, ...params }));
  }

  /** What a speaker's quotes say about them: names per language, roles, languages, count. */
  async speakerFacets(speakerId: string) {
    const result = await guarded(() =>
      this.quotes.search('', {
        filter: `speakerId = ${filterValue(speakerId)}`,
        hitsPerPage: 0,
        page: 1,
        facets: ['speakerName', 'role', 'lang'],
      }),
    );
    return { total: result.totalHits ?? 0, facets: result.facetDistribution ?? {} };
  }

  /**
   * Applies one article's changes, one Meilisearch task at a time, in an order that keeps the stored clusters
   * consistent at every step should Meilisearch go away in between: first the quotes (one task: new and re-linked
   * versions, and the quotes about to go already detached from their clusters), then the deletions, then the article.
   * Meilisearch applies them in that order; each is sent only once the previous one was accepted, so no request is
   * left running (or rejecting unobserved) after a failure.
   */
  async write(changes: {
    quotes?: QuoteDoc[];
    deleteQuotes?: string[];
    article?: ArticleDoc;
    deleteArticle?: string;
  }): Promise<void> {
    const writes: Array<() => EnqueuedTaskPromise> = [];
    if (changes.quotes?.length) writes.push(() => this.quotes.addDocuments(changes.quotes!.map(rendered)));
    if (changes.deleteQuotes?.length) writes.push(() => this.quotes.deleteDocuments(changes.deleteQuotes!));
    if (changes.article) writes.push(() => this.articles.addDocuments([changes.article!]));
    if (changes.deleteArticle) writes.push(() => this.articles.deleteDocument(changes.deleteArticle!));
    await this.counted(() => settled(this.client, ...writes));
  }

  async writeSpeakers(upserts: SpeakerDoc[], deletes: string[]): Promise<void> {
    const writes: Array<() => EnqueuedTaskPromise> = [];
    if (deletes.length) writes.push(() => this.speakers.deleteDocuments(deletes));
    if (upserts.length) writes.push(() => this.speakers.addDocuments(upserts));
    await this.counted(() => settled(this.client, ...writes));
  }

  /** Bumps the generation before and after, so a read that overlapped the write is stale too. */
  private async counted(run: () => Promise<void>): Promise<void> {
    this.writes++;
    try {
      await run();
    } finally {
      this.writes++;
    }
  }

  private async filterAll<T extends QuoteDoc | ArticleDoc | SpeakerDoc>(index: Index<T>, filter: string): Promise<T[]> {
    const out: T[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await guarded(() => this.post.json<ResourceResults<T[]>>(`/indexes/${index.uid}/documents/fetch`, { filter, limit: PAGE, offset }));
      out.push(...page.results);
      if (page.results.length < PAGE) return out;
    }
  }
}
