import type { ArticleDoc, QuoteDoc } from './documents.ts';
import type { CandidateOptions, Store } from './store.ts';

/** What linking reads and writes while it stores articles: the store itself, or a batch staged in front of it. */
export type LinkingStore = Pick<Store, 'getArticle' | 'candidateArticles' | 'articlesByIds' | 'quotesOfArticles' | 'quotesByIds' | 'write'>;

/**
 * A batch's writes held in memory in front of the store: every read sees the store as it will be once they are
 * written, so the articles of a batch are linked one after the other exactly as if each had been stored before the
 * next — then `flush` sends them all as one task per index and waits once.
 */
export class StagedStore implements LinkingStore {
  /** A document per id written in the batch; null for one deleted. */
  private readonly quotes = new Map<string, QuoteDoc | null>();
  private readonly articles = new Map<string, ArticleDoc | null>();
  /**
   * The last version written of each quote deleted since, cut out of its cluster: written in the quotes' task ahead of
   * the deletions, so that should the deletions not happen (Meilisearch gone), no stored cluster refers to them.
   */
  private readonly leaving = new Map<string, QuoteDoc>();

  constructor(private readonly store: Store) {}

  get empty(): boolean {
    return !this.quotes.size && !this.articles.size;
  }

  async getArticle(id: string): Promise<ArticleDoc | undefined> {
    return this.articles.has(id) ? (this.articles.get(id) ?? undefined) : this.store.getArticle(id);
  }

  async articlesByIds(ids: string[], fields?: Array<keyof ArticleDoc>): Promise<ArticleDoc[]> {
    const stored = await this.store.articlesByIds(ids.filter((id) => !this.articles.has(id)), fields);
    return [...stored, ...ids.flatMap((id) => this.articles.get(id) ?? [])];
  }

  candidateArticles(probe: Parameters<Store['candidateArticles']>[0], options: CandidateOptions = {}): Promise<ArticleDoc[]> {
    const pending = [...this.articles.values()].filter((a): a is ArticleDoc => a !== null);
    const deleted = [...this.articles].filter(([, a]) => a === null).map(([id]) => id);
    return this.store.candidateArticles(probe, { ...options, pending }).then((found) => found.filter((a) => !deleted.includes(a.id)));
  }

  async quotesOfArticles(articleIds: string[]): Promise<QuoteDoc[]> {
    const wanted = new Set(articleIds);
    const stored = (await this.store.quotesOfArticles(articleIds)).filter((q) => !this.quotes.has(q.id));
    return [...stored, ...[...this.quotes.values()].filter((q): q is QuoteDoc => q !== null && wanted.has(q.articleId))];
  }

  async quotesByIds(ids: string[]): Promise<QuoteDoc[]> {
    const stored = await this.store.quotesByIds(ids.filter((id) => !this.quotes.has(id)));
    return [...stored, ...ids.flatMap((id) => this.quotes.get(id) ?? [])];
  }

  async write(changes: Parameters<Store['write']>[0]): Promise<void> {
    for (const quote of changes.quotes ?? []) this.quotes.set(quote.id, quote);
    for (const id of changes.deleteQuotes ?? []) {
      const last = this.quotes.get(id);
      if (last) this.leaving.set(id, last);
      this.quotes.set(id, null);
    }
    if (changes.article) this.articles.set(changes.article.id, changes.article);
    if (changes.deleteArticle) this.articles.set(changes.deleteArticle, null);
  }

  /** Everything staged, in one task per index and kind, waited for once; the staging is empty afterwards. */
  async flush(): Promise<void> {
    const live = <T>(docs: Map<string, T | null>) => [...docs.values()].filter((d): d is T => d !== null);
    const gone = (docs: Map<string, unknown>) => [...docs].filter(([, d]) => d === null).map(([id]) => id);
    const deleteQuotes = gone(this.quotes);
    const leaving = deleteQuotes.flatMap((id) => this.leaving.get(id) ?? []);
    await this.store.write({ quotes: [...live(this.quotes), ...leaving], deleteQuotes, articles: live(this.articles), deleteArticles: gone(this.articles) });
    this.quotes.clear();
    this.articles.clear();
    this.leaving.clear();
  }
}
