import { createHash } from 'node:crypto';
import { analyseArticle } from '../ingestion/pipeline.ts';
import { speakerId } from '../ingestion/speakers.ts';
import { isSupportedLanguage, speakerLanguage } from '../ingestion/languages/index.ts';
import type { ArticleInput } from '../ingestion/types.ts';
import { linkArticlePair } from '../linking/align.ts';
import { applyEdges, clustersOf, type ClusterMember } from '../linking/clusters.ts';
import { anchorNumbers, slugWords, vocabulary } from '../linking/signals.ts';
import type { LinkEdge } from '../linking/types.ts';
import type { ArticleDoc, QuoteDoc } from '../storage/documents.ts';
import type { Store } from '../storage/store.ts';
import type { WriteLock } from '../storage/write-lock.ts';
import { refreshSpeakers } from './speakers.ts';

export interface IngestedArticle {
  id: string;
  lang: string;
  quotes: number;
  replaced: boolean;
}

export interface IngestResult {
  articles: IngestedArticle[];
  quotes: QuoteDoc[];
}

export interface IngestOptions {
  linkThreshold: number;
  /** Extra links from an optional similarity service; never required. */
  extraEdges?: (article: ArticleDoc, quotes: QuoteDoc[], candidates: QuoteDoc[]) => Promise<LinkEdge[]>;
  /**
   * Serialises writes with the other processes on the same store (the CLI while the server runs). Without it, only
   * this process's own writes are serialised.
   */
  writeLock?: WriteLock;
}

/**
 * Stores articles with their quotes and keeps clusters right. Writes are serialised inside the process, so concurrent
 * requests never interleave the read-link-write of two articles, and with `writeLock` across processes too.
 */
export class IngestService {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly options: IngestOptions,
  ) {}

  ingest(inputs: ArticleInput[]): Promise<IngestResult> {
    return this.exclusive(async () => {
      const result: IngestResult = { articles: [], quotes: [] };
      for (const input of inputs) {
        const { article, quotes } = await this.crossProcess(() => this.ingestOne(input));
        result.articles.push(article);
        result.quotes.push(...quotes);
      }
      return result;
    });
  }

  /** Removes an article and its quotes and repairs the clusters they were in; false when there was no such article. */
  remove(articleId: string): Promise<boolean> {
    return this.exclusive(() => this.crossProcess(async () => {
      const previous = await this.store.getArticle(articleId);
      if (!previous) return false;
      const oldQuotes = await this.store.quotesOfArticles([articleId]);
      const changed = await this.relink(new Map(), [], oldQuotes);
      await this.store.write({ quotes: [...changed, ...oldQuotes.map(detached)], deleteQuotes: oldQuotes.map((q) => q.id) });
      // The article's own speaker list too: its quotes may already be gone after an interrupted earlier attempt.
      await refreshSpeakers(this.store, new Set([...previous.speakerIds, ...speakersOf(oldQuotes)]), new Map());
      // Last, so that a retry after any failure above still finds the article and finishes the job.
      await this.store.write({ deleteArticle: articleId });
      return true;
    }));
  }

  /** One write operation of this process at a time, in arrival order. */
  private exclusive<T>(run: () => Promise<T>): Promise<T> {
    const next = this.tail.then(run, run);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /**
   * The cross-process lock, taken per article rather than per batch: a CLI run of thousands of files releases it
   * between articles, so that API posts get their turn instead of waiting for the whole run.
   */
  private crossProcess<T>(run: () => Promise<T>): Promise<T> {
    return this.options.writeLock ? this.options.writeLock.run(run) : run();
  }

  private async ingestOne(input: ArticleInput): Promise<{ article: IngestedArticle; quotes: QuoteDoc[] }> {
    const { article, quotes: extracted } = analyseArticle(input);
    const publishedTs = article.publishedAt ? Date.parse(article.publishedAt) : undefined;
    const source = { url: article.url, title: article.title, outlet: article.outlet, publishedAt: article.publishedAt, publishedTs };
    const seenIds = new Map<string, number>();
    const quotes: QuoteDoc[] = extracted.map((q, seq) => {
      const sid = q.speakerName ? speakerId(q.speakerName) : null;
      const id = quoteId(article.id, q.text, seenIds);
      return {
        id,
        articleId: article.id,
        seq,
        lang: article.lang,
        text: q.text,
        [searchableTextField(article.lang)]: q.text,
        speakerId: sid || null,
        speakerName: sid ? q.speakerName! : null,
        ...(q.role ? { role: q.role } : {}),
        attributionMethod: q.attribution.method,
        attributionConfidence: q.attribution.confidence,
        start: q.start,
        end: q.end,
        ...withoutUndefined(source),
        translated: Boolean(article.sourceUrl),
        clusterId: `c-${id}`,
        original: true,
        linkConfidence: 0,
        links: [],
        clusterLangs: [article.lang],
        translations: [],
      };
    });
    const articleDoc: ArticleDoc = withoutUndefined({
      id: article.id,
      lang: article.lang,
      url: article.url,
      title: article.title,
      outlet: article.outlet,
      publishedAt: article.publishedAt,
      publishedTs,
      sourceUrl: article.sourceUrl,
      speakerIds: [...speakersOf(quotes)],
      quoteIds: quotes.map((q) => q.id),
      numbers: anchorNumbers(article.text),
      vocabulary: vocabulary(article.text),
      ingestedAt: new Date().toISOString(),
    });

    const previous = await this.store.getArticle(article.id);
    const oldQuotes = previous ? await this.store.quotesOfArticles([article.id]) : [];
    // Another article's words matter only to test whether this one's source URL names it.
    const withVocabulary = Boolean(article.sourceUrl && slugWords(article.sourceUrl).length);
    const candidates = await this.store.candidateArticles(articleDoc.speakerIds, article.id, { publishedTs, withVocabulary });
    const candidateQuotes = await this.store.quotesOfArticles(candidates.map((c) => c.id));
    const edges = candidates.flatMap((candidate) =>
      linkArticlePair(
        { article: articleDoc, quotes },
        { article: candidate, quotes: candidateQuotes.filter((q) => q.articleId === candidate.id) },
        this.options.linkThreshold,
      ),
    );
    if (this.options.extraEdges) {
      // Added to the linker's links, never in place of them: a pair the linker already joined keeps its confidence.
      const linked = new Set(edges.flatMap((e) => [`${e.from} ${e.to}`, `${e.to} ${e.from}`]));
      const extra = await this.options.extraEdges(articleDoc, quotes, candidateQuotes);
      edges.push(...extra.filter((e) => !linked.has(`${e.from} ${e.to}`)));
    }

    const fresh = new Map(quotes.map((q) => [q.id, q]));
    const changed = await this.relink(fresh, edges, oldQuotes);
    const newIds = new Set(quotes.map((q) => q.id));
    const gone = oldQuotes.filter((q) => !newIds.has(q.id));
    await this.store.write({ quotes: [...changed, ...gone.map(detached)], deleteQuotes: gone.map((q) => q.id), article: articleDoc });
    await refreshSpeakers(this.store, new Set([...speakersOf(quotes), ...speakersOf(oldQuotes), ...(previous?.speakerIds ?? [])]), namesByLanguage(quotes));
    return {
      article: { id: article.id, lang: article.lang, quotes: quotes.length, replaced: Boolean(previous) },
      quotes: changed.filter((q) => newIds.has(q.id)),
    };
  }

  /**
   * Recomputes the clusters around the changed quotes: the new ones, the neighbours of the ones going away, and
   * everything reachable from them through stored links — a neighbourhood, never the whole store.
   */
  private async relink(fresh: Map<string, QuoteDoc>, edges: LinkEdge[], replacedQuotes: QuoteDoc[]): Promise<QuoteDoc[]> {
    // Links to every replaced version are dropped, even when the new version has the same id: its links are found anew.
    const replaced = new Set(replacedQuotes.map((q) => q.id));
    const removed = new Set([...replaced].filter((id) => !fresh.has(id)));
    const docs = new Map(fresh);
    const pending = new Set<string>([
      ...edges.flatMap((e) => [e.from, e.to]),
      ...replacedQuotes.flatMap((q) => q.links.map((l) => l.id)),
    ]);
    while (pending.size) {
      const wanted = [...pending].filter((id) => !docs.has(id) && !removed.has(id));
      pending.clear();
      for (const doc of await this.store.quotesByIds(wanted)) {
        docs.set(doc.id, doc);
        for (const link of doc.links) if (!docs.has(link.id) && !removed.has(link.id)) pending.add(link.id);
      }
    }
    const members = new Map<string, ClusterMember>();
    for (const doc of docs.values()) {
      members.set(doc.id, {
        id: doc.id,
        lang: doc.lang,
        articleId: doc.articleId,
        translated: doc.translated,
        publishedTs: doc.publishedTs,
        speakerLanguage: doc.speakerName ? speakerLanguage(doc.speakerName) : undefined,
        links: doc.links,
      });
    }
    applyEdges(members, edges, replaced);
    const changed: QuoteDoc[] = [];
    for (const cluster of clustersOf(members)) {
      const versions = cluster.members.map((id) => docs.get(id)!);
      for (const doc of versions) {
        const links = members.get(doc.id)!.links;
        const others = versions.filter((v) => v.id !== doc.id);
        changed.push({
          ...doc,
          clusterId: cluster.clusterId,
          original: doc.id === cluster.originalId,
          links,
          linkConfidence: links.reduce((best, l) => Math.max(best, l.confidence), 0),
          clusterLangs: [...new Set(versions.map((v) => v.lang))].sort(),
          translations: others.map((v) => ({ id: v.id, lang: v.lang, text: v.text, original: v.id === cluster.originalId, articleId: v.articleId })),
        });
      }
    }
    return changed;
  }
}

function quoteId(articleId: string, text: string, seen: Map<string, number>): string {
  const digest = createHash('sha1').update(text).digest('hex').slice(0, 12);
  const repeat = seen.get(digest) ?? 0;
  seen.set(digest, repeat + 1);
  return `${articleId}-${digest}${repeat ? `-${repeat}` : ''}`;
}

/**
 * A quote about to be deleted, cut out of its cluster. Written in the same task as the re-linked versions of the
 * others, so that whenever the deletion that follows does not happen (Meilisearch gone), no stored cluster refers to it.
 */
function detached(q: QuoteDoc): QuoteDoc {
  return { ...q, clusterId: `c-${q.id}`, original: true, links: [], linkConfidence: 0, clusterLangs: [q.lang], translations: [] };
}

function speakersOf(quotes: QuoteDoc[]): Set<string> {
  return new Set(quotes.map((q) => q.speakerId).filter((s): s is string => Boolean(s)));
}

function namesByLanguage(quotes: QuoteDoc[]): Map<string, Record<string, string>> {
  const names = new Map<string, Record<string, string>>();
  for (const q of quotes) {
    if (!q.speakerId || !q.speakerName) continue;
    names.set(q.speakerId, { ...names.get(q.speakerId), [q.lang]: q.speakerName });
  }
  return names;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The field Meilisearch tokenizes with the quote's language (index-config/quotes.json gives each its locale). */
function searchableTextField(lang: string): `text_${string}` {
  return isSupportedLanguage(lang) ? `text_${lang}` : 'text_other';
}
