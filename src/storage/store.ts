import type { EnqueuedTaskPromise, Index, Meilisearch, ResourceResults, SearchParams, SearchResponse } from 'meilisearch';
import { filterIn, filterValue, guarded, settled } from './meili/client.ts';
import { createJsonPoster, type JsonPoster } from './meili/transport.ts';
import { applyIndexConfig } from './meili/index-config.ts';
import { rendered, type ArticleDoc, type QuoteDoc, type SpeakerDoc } from './documents.ts';
import { onPageBoundary, quoteFilter, quoteSearch, type PageRequest, type QuoteCriteria } from './criteria.ts';
import { SERVED_QUOTE_FIELD, servedQuotes, type ServedQuotes } from './served-quotes.ts';

const PAGE = 1000;
/** A quote's fields but its served form and the per-language copies of its text, which searches need not carry back. */
const QUOTE_FIELDS: Array<keyof QuoteDoc & string> = [
  'id', 'articleId', 'seq', 'lang', 'text', 'speakerId', 'speakerName', 'role', 'attributionMethod', 'attributionConfidence', 'start', 'end',
  'url', 'title', 'outlet', 'publishedAt', 'publishedTs', 'translated', 'clusterId', 'original', 'linkConfidence', 'links', 'clusterLangs', 'translations',
];
const ARTICLE_FIELDS_BUT_VOCABULARY: Array<keyof ArticleDoc> = [
  'id', 'lang', 'url', 'title', 'outlet', 'publishedAt', 'publishedTs', 'sourceUrl', 'translationOf', 'speakerIds', 'quoteIds', 'length', 'skipped', 'numbers',
  'anchors', 'anchorSites', 'ingestedAt',
];
/** Page-based pagination, in which Meilisearch counts the matches exhaustively (`totalHits`). */
const pageMode = ({ limit, offset }: PageRequest) => ({ hitsPerPage: limit, page: offset / limit + 1 });

/** Anchor weight an article must share with a new one to be looked at (with linking's weights: two names, or one long figure). */
const MIN_SHARED_ANCHORS = 1.5;

export interface CandidateOptions {
  withVocabulary?: boolean;
  /** Dated articles further apart than this are not versions of one another. */
  windowDays?: number;
  /** Articles looked at per anchor. */
  perAnchor?: number;
  /** Anchors looked up, the most telling first. */
  anchorsAsked?: number;
  /** Articles kept from the anchors. */
  limit?: number;
  /**
   * Articles of a batch not written yet, looked at as if they were stored (after the stored ones, as Meilisearch lists
   * newer documents last); a stored article of the same id is replaced by its pending version.
   */
  pending?: ArticleDoc[];
}

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
   * Articles that may be versions of a new one or report the same quotes — never the whole store: those sharing its
   * most telling anchors (each looked up alone, a few dozen articles each; the articles sharing the most kept), those
   * sharing a speaker, and those a client said it translates or is translated by; in a date window when it is dated.
   * `anchors` come most telling first, each with how much sharing it tells. One multi-search. Their vocabularies (tens of kilobytes each) come along only when asked for.
   */
  async candidateArticles(
    probe: { id: string; anchors: Array<{ anchor: string; weight: number }>; speakerIds: string[]; translationOf?: string; publishedTs?: number },
    { withVocabulary = false, windowDays = 30, perAnchor = 20, anchorsAsked = 24, limit = 40, pending = [] }: CandidateOptions = {},
  ): Promise<ArticleDoc[]> {
    const window = windowDays * 86_400_000;
    const others = [`id != ${filterValue(probe.id)}`];
    if (probe.publishedTs !== undefined) {
      others.push(`(publishedTs NOT EXISTS OR publishedTs ${probe.publishedTs - window} TO ${probe.publishedTs + window})`);
    }
    const where = (filter: string) => [filter, ...others].join(' AND ');
    const asked = probe.anchors.slice(0, anchorsAsked);
    const hinted = [`translationOf = ${filterValue(probe.id)}`, ...(probe.translationOf ? [`id = ${filterValue(probe.translationOf)}`] : [])].join(' OR ');
    const queries = [
      ...asked.map(({ anchor }) => ({ filter: where(`anchors = ${filterValue(anchor)}`), limit: perAnchor })),
      ...(probe.speakerIds.length ? [{ filter: where(filterIn('speakerIds', probe.speakerIds)), limit: 200 }] : []),
      // A client's word holds whatever the dates say.
      { filter: `(${hinted}) AND id != ${filterValue(probe.id)}`, limit: 20 },
    ].map((query) => ({ indexUid: this.articles.uid, q: '', attributesToRetrieve: ['id'], ...query }));
    const { results } = await guarded(() => this.post.json<{ results: Array<{ hits: Array<{ id: string }>; estimatedTotalHits?: number }> }>('/multi-search', { queries }));

    // The same filters over the pending articles, in memory; their stored versions (if any) are out of date.
    const pendingById = new Map(pending.filter((a) => a.id !== probe.id).map((a) => [a.id, a]));
    const superseded = new Set(pending.map((a) => a.id));
    const inWindow = (a: ArticleDoc) => probe.publishedTs === undefined || a.publishedTs === undefined || Math.abs(a.publishedTs - probe.publishedTs) <= window;
    const near = [...pendingById.values()].filter(inWindow);
    const pendingHits = [
      ...asked.map(({ anchor }) => near.filter((a) => a.anchors?.includes(anchor))),
      ...(probe.speakerIds.length ? [near.filter((a) => a.speakerIds.some((s) => probe.speakerIds.includes(s)))] : []),
      [...pendingById.values()].filter((a) => a.translationOf === probe.id || a.id === probe.translationOf),
    ];
    const hitsOf = (k: number) => {
      const stored = results[k].hits.map((h) => h.id).filter((id) => !superseded.has(id));
      const ids = [...stored, ...pendingHits[k].map((a) => a.id)].slice(0, queries[k].limit);
      const total = (results[k].estimatedTotalHits ?? results[k].hits.length) - (results[k].hits.length - stored.length) + pendingHits[k].length;
      return { ids, total };
    };

    // An anchor many articles share tells less about each of them.
    const shared = new Map<string, number>();
    asked.forEach(({ weight: telling }, k) => {
      const { ids, total } = hitsOf(k);
      const weight = telling * Math.min(1, perAnchor / Math.max(1, total));
      for (const id of ids) shared.set(id, (shared.get(id) ?? 0) + weight);
    });
    const byAnchors = [...shared].filter(([, w]) => w >= MIN_SHARED_ANCHORS).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, limit).map(([id]) => id);
    const rest = results.slice(asked.length).flatMap((_, k) => hitsOf(asked.length + k).ids);
    const ids = [...new Set([...byAnchors, ...rest])].sort();
    if (!ids.length) return [];
    const fields = withVocabulary ? undefined : ARTICLE_FIELDS_BUT_VOCABULARY;
    const storedIds = ids.filter((id) => !pendingById.has(id));
    const stored = storedIds.length ? await this.filterAll(this.articles, filterIn('id', storedIds), fields) : [];
    const byId = new Map([...stored, ...ids.filter((id) => pendingById.has(id)).map((id) => pendingById.get(id)!)].map((doc) => [doc.id, doc]));
    return ids.flatMap((id) => {
      const doc = byId.get(id);
      return doc ? [{ ...doc, vocabulary: (withVocabulary && doc.vocabulary) || [] }] : [];
    });
  }

  /** Articles by id, with only the fields asked for. */
  articlesByIds(ids: string[], fields?: Array<keyof ArticleDoc>): Promise<ArticleDoc[]> {
    return ids.length ? this.filterAll(this.articles, filterIn('id', ids), fields) : Promise.resolve([]);
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

  /** Speakers whose id is `surname` or ends with it (`trump`, `donald-trump`), among the closest names: a bounded look-up. */
  async speakersBySurname(surname: string, limit = 50): Promise<SpeakerDoc[]> {
    return (await this.speakersNamedLike(surname, limit)).filter((s) => s.id === surname || s.id.endsWith(`-${surname}`));
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

  /** How a speaker's quotes spell the name, language by language (a sample, in a stable order). */
  async speakerSpellings(speakerId: string, limit: number): Promise<Array<{ lang: string; speakerName: string | null; attributionMethod: string }>> {
    const result = await guarded(() =>
      this.quotes.search('', {
        filter: `speakerId = ${filterValue(speakerId)}`,
        limit,
        sort: ['articleId:asc', 'seq:asc'],
        attributesToRetrieve: ['lang', 'speakerName', 'attributionMethod'],
      }),
    );
    return result.hits as Array<{ lang: string; speakerName: string | null; attributionMethod: string }>;
  }

  /**
   * Applies one article's changes (or a batch's), one Meilisearch task per index and kind, in an order that keeps the
   * stored clusters consistent at every step should Meilisearch go away in between: first the quotes (one task: new and
   * re-linked versions, and the quotes about to go already detached from their clusters), then the deletions, then the
   * articles. Meilisearch applies them in that order; each is sent only once the previous one was accepted, so no
   * request is left running (or rejecting unobserved) after a failure; all are waited for once, at the end.
   */
  async write(changes: {
    quotes?: QuoteDoc[];
    deleteQuotes?: string[];
    article?: ArticleDoc;
    articles?: ArticleDoc[];
    deleteArticle?: string;
    deleteArticles?: string[];
  }): Promise<void> {
    const articles = [...(changes.article ? [changes.article] : []), ...(changes.articles ?? [])];
    const deleteArticles = [...(changes.deleteArticle ? [changes.deleteArticle] : []), ...(changes.deleteArticles ?? [])];
    const writes: Array<() => EnqueuedTaskPromise> = [];
    if (changes.quotes?.length) writes.push(() => this.quotes.addDocuments(changes.quotes!.map(rendered)));
    if (changes.deleteQuotes?.length) writes.push(() => this.quotes.deleteDocuments(changes.deleteQuotes!));
    if (articles.length) writes.push(() => this.articles.addDocuments(articles));
    if (deleteArticles.length) writes.push(() => this.articles.deleteDocuments(deleteArticles));
    if (writes.length) await this.counted(() => settled(this.client, ...writes));
  }

  async writeSpeakers(upserts: SpeakerDoc[], deletes: string[]): Promise<void> {
    const writes: Array<() => EnqueuedTaskPromise> = [];
    if (deletes.length) writes.push(() => this.speakers.deleteDocuments(deletes));
    if (upserts.length) writes.push(() => this.speakers.addDocuments(upserts));
    if (writes.length) await this.counted(() => settled(this.client, ...writes));
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

  private async filterAll<T extends QuoteDoc | ArticleDoc | SpeakerDoc>(index: Index<T>, filter: string, fields?: string[]): Promise<T[]> {
    const out: T[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const body = { filter, limit: PAGE, offset, ...(fields ? { fields } : {}) };
      const page = await guarded(() => this.post.json<ResourceResults<T[]>>(`/indexes/${index.uid}/documents/fetch`, body));
      out.push(...page.results);
      if (page.results.length < PAGE) return out;
    }
  }
}
