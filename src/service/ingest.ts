import { isDeepStrictEqual } from 'node:util';
import type { AnalysedArticle } from '../ingestion/pipeline.ts';
import { speakerLanguage } from '../ingestion/languages/index.ts';
import type { ArticleInput } from '../ingestion/types.ts';
import { continuationEdges, linkArticlePair } from '../linking/align.ts';
import { applyEdges, clustersOf, type ClusterMember } from '../linking/clusters.ts';
import { articleFullNames, clusterSpeakers, type ServedSpeaker } from '../linking/speakers.ts';
import type { LinkableArticle, LinkableQuote, LinkEdge, SpeakerClaim } from '../linking/types.ts';
import { ownAttribution, type ArticleDoc, type QuoteDoc } from '../storage/documents.ts';
import { RunMemory } from '../storage/run-memory.ts';
import type { Store } from '../storage/store.ts';
import type { LinkingStore } from '../storage/staged.ts';
import type { WriteLock } from '../storage/write-lock.ts';
import { speakerChanges, speakersOfQuotes } from './speakers.ts';
import { extractInThread } from '../ingestion/pool/index.ts';
import { ingestInBatches, type BatchOptions, type BatchResult, type Extractor } from './ingest-batch.ts';
import type { PreparedArticle } from './prepare-article.ts';

export interface IngestedArticle {
  id: string;
  lang: string;
  quotes: number;
  replaced: boolean;
}

export interface LinkedArticle {
  article: IngestedArticle;
  quotes: QuoteDoc[];
  /** Speakers whose documents need rebuilding once the batch is written. */
  speakers: Set<string>;
}

export interface IngestResult {
  articles: IngestedArticle[];
  quotes: QuoteDoc[];
}

export interface IngestOptions {
  linkThreshold: number;
  /**
   * Reading an article into quotes (default: the ingestion pipeline). The linking evaluation hands in annotated gold
   * quotes here, to measure linking and speakers apart from extraction.
   */
  analyse?: (input: ArticleInput) => AnalysedArticle;
  /** Extraction of many articles at once (a worker pool); without it, `analyse` or the pipeline runs in this thread. */
  extract?: Extractor;
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
  /** Write operations of this process waiting for their turn. */
  private queued = 0;

  constructor(
    private readonly store: Store,
    private readonly options: IngestOptions,
  ) {}

  /**
   * Stores articles through the batch pipeline and answers with what was extracted; fails with the first article that
   * could not be stored (the others are stored all the same).
   */
  async ingest(inputs: ArticleInput[], options: BatchOptions = {}): Promise<IngestResult> {
    const { outcomes } = await this.ingestBatch(inputs, options);
    const failed = outcomes.find((o) => o.status === 'error');
    if (failed?.status === 'error') throw failed.error;
    const unchanged = outcomes.filter((o) => o.status === 'unchanged').map((o) => o.id);
    const storedQuotes = new Map<string, QuoteDoc[]>();
    for (const q of await this.store.quotesOfArticles(unchanged)) storedQuotes.set(q.articleId, [...(storedQuotes.get(q.articleId) ?? []), q]);
    const result: IngestResult = { articles: [], quotes: [] };
    for (const outcome of outcomes) {
      if (outcome.status === 'error') continue;
      result.articles.push(outcome.article);
      const quotes = outcome.status === 'stored' ? outcome.quotes : (storedQuotes.get(outcome.id) ?? []).sort((a, b) => a.seq - b.seq);
      result.quotes.push(...quotes);
    }
    return result;
  }

  /**
   * The batch pipeline (`npm run index`, `POST /articles`, the samples at start-up): extraction of a batch at once,
   * then its articles linked one after the other against the store with the batch's earlier articles staged in front
   * of it, one write per index and one wait per batch. An article stored before with the same content is left as it
   * is; one that fails is reported and the others are stored.
   */
  ingestBatch(inputs: ArticleInput[], options: BatchOptions = {}): Promise<BatchResult> {
    return this.exclusive(() =>
      ingestInBatches(inputs, options, {
        store: this.store,
        extract: this.options.analyse ? async (inputs) => extractInThread(inputs, this.options.analyse) : this.options.extract,
        link: (staged, prepared) => this.linkArticle(staged, prepared),
        crossProcess: (run) => this.crossProcess(run),
        othersWaiting: async () => this.queued > 0 || Boolean(await this.options.writeLock?.othersWaiting()),
      }),
    );
  }

  /** The memory of a bulk run that spans many `ingestBatch` calls (the CLI's, a few batches of files at a time). */
  bulkRun(options?: ConstructorParameters<typeof RunMemory>[1]): RunMemory {
    return new RunMemory(this.store, options);
  }

  /** Removes an article and its quotes and repairs the clusters they were in; false when there was no such article. */
  remove(articleId: string): Promise<boolean> {
    return this.exclusive(() => this.crossProcess(async () => {
      const previous = await this.store.getArticle(articleId);
      if (!previous) return false;
      const oldQuotes = await this.store.quotesOfArticles([articleId]);
      const changed = await this.relink(this.store, new Map(), [], oldQuotes);
      await this.store.write({ quotes: [...changed, ...oldQuotes.map(detached)], deleteQuotes: oldQuotes.map((q) => q.id) });
      // The article's own speaker list too: its quotes may already be gone after an interrupted earlier attempt.
      await this.store.write(await speakerChanges(this.store, speakersOfQuotes([...changed, ...oldQuotes], previous.speakerIds)));
      // Last, so that a retry after any failure above still finds the article and finishes the job.
      await this.store.write({ deleteArticle: articleId });
      return true;
    }));
  }

  /** One write operation of this process at a time, in arrival order. */
  private exclusive<T>(run: () => Promise<T>): Promise<T> {
    this.queued++;
    const started = () => {
      this.queued--;
      return run();
    };
    const next = this.tail.then(started, started);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /**
   * The cross-process lock, taken per batch rather than per run: a CLI run of thousands of files releases it between
   * batches (a second or so each), so that API posts get their turn instead of waiting for the whole run.
   */
  private crossProcess<T>(run: () => Promise<T>): Promise<T> {
    return this.options.writeLock ? this.options.writeLock.run(run) : run();
  }

  /** Links one prepared article into `store` (the batch staged in front of the real one) and writes it there. */
  private async linkArticle(store: LinkingStore, { article, quotes, articleDoc, probe, withVocabulary }: PreparedArticle): Promise<LinkedArticle> {
    const [previous] = await store.articlesByIds([article.id], ['id', 'speakerIds']);
    const oldQuotes = previous ? await store.quotesOfArticles([article.id]) : [];
    const candidates = await store.candidateArticles(probe, { withVocabulary });
    const candidateQuotes = await store.quotesOfArticles(candidates.map((c) => c.id));
    const ownQuotes = quotes.map(linkableQuote);
    const edges = continuationEdges(article.text, ownQuotes);
    edges.push(...candidates.flatMap((candidate) =>
      linkArticlePair(
        { article: linkableArticle(articleDoc), quotes: ownQuotes },
        { article: linkableArticle(candidate), quotes: candidateQuotes.filter((q) => q.articleId === candidate.id).map(linkableQuote) },
        this.options.linkThreshold,
      ),
    ));
    if (this.options.extraEdges) {
      // Added to the linker's links, never in place of them: a pair the linker already joined keeps its confidence.
      const linked = new Set(edges.flatMap((e) => [`${e.from} ${e.to}`, `${e.to} ${e.from}`]));
      const extra = await this.options.extraEdges(articleDoc, quotes, candidateQuotes);
      edges.push(...extra.filter((e) => !linked.has(`${e.from} ${e.to}`)));
    }

    const fresh = new Map(quotes.map((q) => [q.id, q]));
    const changed = await this.relink(store, fresh, edges, oldQuotes, articleDoc);
    const newIds = new Set(quotes.map((q) => q.id));
    const gone = oldQuotes.filter((q) => !newIds.has(q.id));
    await store.write({ quotes: [...changed, ...gone.map(detached)], deleteQuotes: gone.map((q) => q.id), article: articleDoc });
    return {
      article: { id: article.id, lang: article.lang, quotes: quotes.length, replaced: Boolean(previous) },
      quotes: quotes.map((q) => changed.find((c) => c.id === q.id) ?? q),
      speakers: speakersOfQuotes([...changed, ...oldQuotes], previous?.speakerIds),
    };
  }

  /**
   * Recomputes the clusters around the changed quotes — the new ones, the neighbours of the ones going away, and
   * everything reachable from them through stored links — and the speakers they serve: the quotes of every article
   * involved come along (a cluster may show who an article's shorter name is), with their own clusters. A
   * neighbourhood, never the whole store. Returns the documents that are new or differ from what is stored.
   */
  private async relink(
    store: Pick<LinkingStore, 'quotesByIds' | 'quotesOfArticles' | 'articlesByIds'>,
    fresh: Map<string, QuoteDoc>,
    edges: LinkEdge[],
    replacedQuotes: QuoteDoc[],
    freshArticle?: ArticleDoc,
  ): Promise<QuoteDoc[]> {
    // Links to every replaced version are dropped, even when the new version has the same id: its links are found anew.
    const replaced = new Set(replacedQuotes.map((q) => q.id));
    const removed = new Set([...replaced].filter((id) => !fresh.has(id)));
    const leaving = new Set([...replacedQuotes, ...fresh.values()].map((q) => q.articleId));
    const docs = new Map(fresh);
    const stored = new Map<string, QuoteDoc>();
    const load = async (pending: Set<string>) => {
      while (pending.size) {
        const wanted = [...pending].filter((id) => !docs.has(id) && !removed.has(id));
        pending.clear();
        for (const doc of await store.quotesByIds(wanted)) {
          docs.set(doc.id, doc);
          stored.set(doc.id, doc);
          for (const link of doc.links) if (!docs.has(link.id) && !removed.has(link.id)) pending.add(link.id);
        }
      }
    };
    await load(new Set([...edges.flatMap((e) => [e.from, e.to]), ...replacedQuotes.flatMap((q) => q.links.map((l) => l.id))]));
    // The other quotes of the articles reached, and their clusters: one level, not a walk through the store.
    const reached = [...new Set([...docs.values()].map((d) => d.articleId))].filter((id) => !leaving.has(id));
    const siblings = (await store.quotesOfArticles(reached)).filter((q) => !docs.has(q.id));
    for (const doc of siblings) {
      docs.set(doc.id, doc);
      stored.set(doc.id, doc);
    }
    await load(new Set(siblings.flatMap((q) => q.links.map((l) => l.id))));

    const members = new Map<string, ClusterMember>();
    for (const doc of docs.values()) {
      const own = ownAttribution(doc);
      members.set(doc.id, {
        id: doc.id,
        lang: doc.lang,
        articleId: doc.articleId,
        translated: doc.translated,
        publishedTs: doc.publishedTs,
        speakerLanguage: own.speakerName ? speakerLanguage(own.speakerName) : undefined,
        links: doc.links,
      });
    }
    applyEdges(members, edges, replaced);
    const clusters = clustersOf(members);

    const articleIds = [...new Set([...docs.values()].map((d) => d.articleId))].filter((id) => id !== freshArticle?.id);
    const anchorsOf = new Map((await store.articlesByIds(articleIds, ['id', 'anchors'])).map((a) => [a.id, new Set(a.anchors ?? [])]));
    if (freshArticle) anchorsOf.set(freshArticle.id, new Set(freshArticle.anchors ?? []));
    const none = new Set<string>();
    const anchorsOfArticle = (articleId: string) => anchorsOf.get(articleId) ?? none;
    const served = new Map<string, ServedSpeaker | null>();
    for (const cluster of clusters) {
      const votes = cluster.members.map((id) => {
        const doc = docs.get(id)!;
        return { quoteId: id, lang: doc.lang, articleId: doc.articleId, own: claimOf(doc), original: id === cluster.originalId };
      });
      for (const [id, speaker] of clusterSpeakers(votes, anchorsOfArticle)) served.set(id, speaker);
    }
    const fullNames = articleFullNames([...docs.values()].map((d) => ({ articleId: d.articleId, own: claimOf(d), served: served.get(d.id) ?? null })));
    for (const doc of docs.values()) {
      const own = claimOf(doc);
      const full = own && fullNames.get(doc.articleId)?.get(own.id);
      if (full && served.get(doc.id)?.id === own.id) served.set(doc.id, { ...full, fromCluster: false, confidence: own.confidence });
    }

    const changed: QuoteDoc[] = [];
    for (const cluster of clusters) {
      const versions = cluster.members.map((id) => docs.get(id)!);
      for (const doc of versions) {
        const links = members.get(doc.id)!.links;
        const others = versions.filter((v) => v.id !== doc.id);
        const own = ownAttribution(doc);
        const speaker = served.get(doc.id) ?? null;
        const next: QuoteDoc = {
          ...doc,
          speakerId: speaker?.id ?? null,
          speakerName: speaker?.name ?? null,
          attributionMethod: speaker?.fromCluster ? 'cluster' : own.method,
          attributionConfidence: speaker ? speaker.confidence : own.confidence,
          own,
          clusterId: cluster.clusterId,
          original: doc.id === cluster.originalId,
          links,
          linkConfidence: links.reduce((best, l) => Math.max(best, l.confidence), 0),
          clusterLangs: [...new Set(versions.map((v) => v.lang))].sort(),
          translations: others.map((v) => ({ id: v.id, lang: v.lang, text: v.text, original: v.id === cluster.originalId, articleId: v.articleId })),
        };
        const before = stored.get(doc.id);
        if (!before || !sameServed(before, next)) changed.push(next);
      }
    }
    return changed;
  }
}

/** Whether a stored quote already holds everything relinking computed (then it is not written again). */
function sameServed(before: QuoteDoc, after: QuoteDoc): boolean {
  const fields = ['speakerId', 'speakerName', 'attributionMethod', 'attributionConfidence', 'own', 'clusterId', 'original', 'links', 'linkConfidence', 'clusterLangs', 'translations'] as const;
  return fields.every((f) => isDeepStrictEqual(before[f], after[f]));
}

/** The speaker a quote's own article gives it, as the linker compares speakers. */
function claimOf(doc: QuoteDoc): SpeakerClaim | null {
  const own = ownAttribution(doc);
  return own.speakerId && own.speakerName ? { id: own.speakerId, name: own.speakerName, confidence: own.confidence } : null;
}

function linkableQuote(doc: QuoteDoc): LinkableQuote {
  return { id: doc.id, articleId: doc.articleId, lang: doc.lang, text: doc.text, seq: doc.seq, start: doc.start, end: doc.end, speaker: claimOf(doc) };
}

function linkableArticle(doc: ArticleDoc): LinkableArticle {
  return {
    id: doc.id,
    lang: doc.lang,
    url: doc.url,
    sourceUrl: doc.sourceUrl,
    translationOf: doc.translationOf,
    publishedTs: doc.publishedTs,
    length: doc.length ?? 0,
    skipped: doc.skipped ?? [],
    numbers: doc.numbers,
    vocabulary: doc.vocabulary ?? [],
    anchors: doc.anchors ?? [],
    anchorSites: doc.anchorSites ?? [],
  };
}

/**
 * A quote about to be deleted, cut out of its cluster. Written in the same task as the re-linked versions of the
 * others, so that whenever the deletion that follows does not happen (Meilisearch gone), no stored cluster refers to it.
 */
function detached(q: QuoteDoc): QuoteDoc {
  const own = ownAttribution(q);
  return {
    ...q,
    speakerId: own.speakerId,
    speakerName: own.speakerName,
    attributionMethod: own.method,
    attributionConfidence: own.confidence,
    clusterId: `c-${q.id}`,
    original: true,
    links: [],
    linkConfidence: 0,
    clusterLangs: [q.lang],
    translations: [],
  };
}
