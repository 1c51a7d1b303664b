import { PendingArticles, pickCandidates, type CandidateOptions, type CandidateProbe, type SearchHits } from './candidates.ts';
import type { ArticleDoc, QuoteDoc } from './documents.ts';
import type { RunMemory } from './run-memory.ts';
import { ARTICLE_FIELDS_BUT_VOCABULARY, type Store, type WriteChanges } from './store.ts';

const CACHED_ARTICLE_FIELDS = new Set<keyof ArticleDoc>(ARTICLE_FIELDS_BUT_VOCABULARY);

/** What linking reads and writes while it stores articles: the store itself, or a batch staged in front of it. */
export interface LinkingStore extends Pick<Store, 'articlesByIds' | 'quotesOfArticles' | 'quotesByIds' | 'write'> {
  /** Articles that may be versions of a new one or report the same quotes: see `candidateSearches` and `pickCandidates`. */
  candidateArticles(probe: CandidateProbe, options?: CandidateOptions): Promise<ArticleDoc[]>;
}

/**
 * Batches' writes held in memory in front of the store: every read sees the store as it will be once they are
 * written, so the articles of a batch are linked one after the other exactly as if each had been stored before the
 * next. `send` sends a batch's quotes as one task per kind, and the staging keeps answering for them while
 * Meilisearch indexes them; `settle` waits for everything sent, and `writeArticles` writes the articles' records.
 *
 * What it reads from the store it keeps until then (nobody else writes while the write lock is held, and its own
 * writes are answered from the staging), and `prefetch` reads what a batch's articles will ask for in a few large
 * requests instead of many small ones.
 *
 * Within a bulk run (`run`), the staged articles join what the run stored in its earlier holds, and are written as its own.
 */
export class StagedStore implements LinkingStore {
  /** A document per id written in the batch; null for one deleted. */
  private readonly quotes = new Map<string, QuoteDoc | null>();
  /** The ids of the quotes staged per article, and each id's place in `quotes` (which lists them in that order). */
  private readonly quotesOf = new Map<string, Set<string>>();
  private readonly quotePlaces = new Map<string, number>();
  private readonly articles = new Map<string, ArticleDoc | null>();
  /** The staged articles, as the candidate searches find them (and a run's earlier ones). */
  private pending: PendingArticles;
  /**
   * The last version written of each quote deleted since, cut out of its cluster: written in the quotes' task ahead of
   * the deletions, so that should the deletions not happen (Meilisearch gone), no stored cluster refers to them.
   */
  private readonly leaving = new Map<string, QuoteDoc>();
  /** Quotes staged since the last `send`. */
  private readonly unsentQuotes = new Set<string>();
  /** Writes sent and not yet waited for. */
  private readonly inFlight: Array<{ done: () => Promise<void> }> = [];

  /** Stored documents read so far: articles (without their vocabulary; null when there is none), quotes by id and by article. */
  private readonly storedArticles = new Map<string, ArticleDoc | null>();
  private readonly storedQuotes = new Map<string, QuoteDoc>();
  private readonly storedQuotesOf = new Map<string, QuoteDoc[]>();
  /** Candidate searches answered ahead, by probe. */
  private readonly candidateHits = new Map<CandidateProbe, SearchHits[]>();

  constructor(
    private readonly store: Store,
    private readonly run?: RunMemory,
  ) {
    this.pending = run?.articles ?? new PendingArticles();
  }

  /**
   * Reads ahead what linking `probes` will ask the store for: their candidate searches in one multi-search, then the
   * candidates they pick among the stored articles (most hits are not picked) and the probes' own previous versions,
   * with their quotes. What the batch's staged articles make them pick besides is read when asked for.
   */
  async prefetch(probes: CandidateProbe[], options: CandidateOptions = {}): Promise<void> {
    const hits = await this.store.candidateHits(probes, { ...options, run: this.run });
    probes.forEach((probe, k) => this.candidateHits.set(probe, hits[k]));
    const picked = probes.flatMap((probe, k) => pickCandidates(probe, hits[k], { ...options, pending: this.pending }));
    const articleIds = [...new Set([...probes.map((p) => p.id), ...picked])];
    await this.storedArticlesByIds(articleIds);
    const quotes = await this.storedQuotesOfArticles(articleIds.filter((id) => this.storedArticles.get(id)));
    // Relinking walks the candidates' clusters (the quotes linked, and the other quotes of their articles): read at once.
    const linked = await this.storedQuotesByIds(quotes.flatMap((q) => q.links.map((link) => link.id)));
    await this.storedQuotesOfArticles(linked.map((q) => q.articleId));
  }

  async articlesByIds(ids: string[], fields?: Array<keyof ArticleDoc>): Promise<ArticleDoc[]> {
    const unstaged = ids.filter((id) => !this.articles.has(id));
    const stored = fields?.every((f) => CACHED_ARTICLE_FIELDS.has(f)) ? await this.storedArticlesByIds(unstaged) : await this.store.articlesByIds(unstaged, fields);
    return [...stored, ...ids.flatMap((id) => this.articles.get(id) ?? [])];
  }

  /**
   * The candidates picked from the probe's searches (answered ahead, or now) with the staged articles looked at as
   * stored; staged ones deleted are left out. Their vocabularies (tens of kilobytes each) come along only when asked for.
   */
  async candidateArticles(probe: CandidateProbe, options: CandidateOptions = {}): Promise<ArticleDoc[]> {
    const hits = this.candidateHits.get(probe) ?? (await this.store.candidateHits([probe], { ...options, run: this.run }))[0];
    const ids = pickCandidates(probe, hits, { ...options, pending: this.pending });
    const docs = new Map((await this.articlesByIds(ids, options.withVocabulary ? undefined : ARTICLE_FIELDS_BUT_VOCABULARY)).map((doc) => [doc.id, doc]));
    return ids.flatMap((id) => {
      const doc = docs.get(id);
      return doc ? [{ ...doc, vocabulary: (options.withVocabulary && doc.vocabulary) || [] }] : [];
    });
  }

  async quotesOfArticles(articleIds: string[]): Promise<QuoteDoc[]> {
    const wanted = new Set(articleIds);
    const stored = (await this.storedQuotesOfArticles(articleIds)).filter((q) => !this.quotes.has(q.id));
    const staged = [...wanted].flatMap((id) => [...(this.quotesOf.get(id) ?? [])]);
    if (wanted.size > 1) staged.sort((x, y) => this.quotePlaces.get(x)! - this.quotePlaces.get(y)!);
    return [...stored, ...staged.flatMap((id) => this.quotes.get(id) ?? [])];
  }

  async quotesByIds(ids: string[]): Promise<QuoteDoc[]> {
    const unstaged = [...new Set(ids)].filter((id) => !this.quotes.has(id));
    return [...(await this.storedQuotesByIds(unstaged)), ...ids.flatMap((id) => this.quotes.get(id) ?? [])];
  }

  private async storedArticlesByIds(ids: string[]): Promise<ArticleDoc[]> {
    const missing = [...new Set(ids.filter((id) => !this.storedArticles.has(id)))];
    if (missing.length) {
      for (const id of missing) this.storedArticles.set(id, null);
      for (const doc of await this.store.articlesByIds(missing, ARTICLE_FIELDS_BUT_VOCABULARY)) this.storedArticles.set(doc.id, doc);
    }
    return [...new Set(ids)].flatMap((id) => this.storedArticles.get(id) ?? []);
  }

  private async storedQuotesByIds(ids: string[]): Promise<QuoteDoc[]> {
    const missing = [...new Set(ids.filter((id) => !this.storedQuotes.has(id)))];
    for (const quote of await this.store.quotesByIds(missing)) this.storedQuotes.set(quote.id, quote);
    return [...new Set(ids)].flatMap((id) => this.storedQuotes.get(id) ?? []);
  }

  private async storedQuotesOfArticles(articleIds: string[]): Promise<QuoteDoc[]> {
    // Articles known not to be stored (the batch's new ones, candidates of the articles after them) have no quotes there.
    const missing = [...new Set(articleIds.filter((id) => !this.storedQuotesOf.has(id) && this.storedArticles.get(id) !== null))];
    if (missing.length) {
      for (const id of missing) this.storedQuotesOf.set(id, []);
      for (const quote of await this.store.quotesOfArticles(missing)) {
        this.storedQuotesOf.get(quote.articleId)!.push(quote);
        this.storedQuotes.set(quote.id, quote);
      }
    }
    return [...new Set(articleIds)].flatMap((id) => this.storedQuotesOf.get(id) ?? []);
  }

  async write(changes: WriteChanges): Promise<void> {
    for (const quote of changes.quotes ?? []) this.stageQuote(quote.id, quote);
    for (const id of changes.deleteQuotes ?? []) {
      const last = this.quotes.get(id);
      if (last) this.leaving.set(id, last);
      this.stageQuote(id, null);
    }
    if (changes.article) this.stageArticle(changes.article.id, changes.article);
    if (changes.deleteArticle) this.stageArticle(changes.deleteArticle, null);
  }

  /**
   * Sends the quotes staged since the last time, one task per kind, without waiting: the staging still answers reads,
   * so the next batch is linked while Meilisearch indexes this one. Articles wait for `writeArticles`.
   */
  async send(): Promise<void> {
    const deleteQuotes = [...this.unsentQuotes].filter((id) => this.quotes.get(id) === null);
    const leaving = deleteQuotes.flatMap((id) => this.leaving.get(id) ?? []);
    const changes = { quotes: [...[...this.unsentQuotes].flatMap((id) => this.quotes.get(id) ?? []), ...leaving], deleteQuotes };
    this.unsentQuotes.clear();
    for (const id of deleteQuotes) this.leaving.delete(id);
    this.inFlight.push(await this.store.send(changes));
  }

  /** Sends the quotes left and waits until every quote sent is stored. */
  async settle(): Promise<void> {
    await this.send();
    for (const sent of this.inFlight.splice(0)) await sent.done();
  }

  /**
   * Sends the articles' own records, last, behind the speakers' `rebuilt` from the stored quotes, and waits for both
   * once (Meilisearch applies them in that order): nothing but the next write reads the records, and an interrupted
   * run that stored quotes without them is done again in full when run again, one that stored them without the
   * speakers rebuilds those when run again. The staging is empty afterwards, its reads forgotten.
   */
  async writeArticles(rebuilt: Pick<WriteChanges, 'speakers' | 'deleteSpeakers'> = {}): Promise<void> {
    await this.settle();
    const ids = [...this.articles.keys()];
    await this.store.write({ ...rebuilt, articles: ids.flatMap((id) => this.articles.get(id) ?? []), deleteArticles: ids.filter((id) => this.articles.get(id) === null) });
    for (const held of [this.quotes, this.quotesOf, this.quotePlaces, this.articles, this.storedArticles, this.storedQuotes, this.storedQuotesOf, this.candidateHits]) held.clear();
    if (!this.run) this.pending = new PendingArticles();
  }

  private stageArticle(id: string, doc: ArticleDoc | null): void {
    this.articles.set(id, doc && this.run ? { ...doc, ingestRun: this.run.id } : doc);
    this.pending.set(id, doc);
  }

  private stageQuote(id: string, doc: QuoteDoc | null): void {
    if (!this.quotePlaces.has(id)) this.quotePlaces.set(id, this.quotePlaces.size);
    if (doc) this.quotesOf.set(doc.articleId, (this.quotesOf.get(doc.articleId) ?? new Set()).add(id));
    this.quotes.set(id, doc);
    this.unsentQuotes.add(id);
  }
}
