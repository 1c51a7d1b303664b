import { filterIn, filterValue } from './meili/client.ts';
import type { ArticleDoc } from './documents.ts';

/** Anchor weight an article must share with a new one to be looked at (with linking's weights: two names, or one long figure). */
const MIN_SHARED_ANCHORS = 1.5;

/** What a new article offers to find the stored articles that may be versions of it. */
export interface CandidateProbe {
  id: string;
  /** Most telling first, each with how much sharing it tells. */
  anchors: Array<{ anchor: string; weight: number }>;
  speakerIds: string[];
  translationOf?: string;
  publishedTs?: number;
}

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
  pending?: PendingArticles;
}

/**
 * A batch's articles not written yet, found the way the candidate searches find stored ones: by anchor, by speaker, by
 * translation. Indexed, since every article of a batch looks through all those before it (a thousand, under one hold
 * of the write lock). Listed in the order each id was first staged, as `pickCandidates` expects.
 */
export class PendingArticles {
  private readonly byId = new Map<string, ArticleDoc>();
  private readonly staged = new Map<string, number>();
  private readonly byAnchor = new Map<string, Set<string>>();
  private readonly bySpeaker = new Map<string, Set<string>>();
  private readonly byTranslated = new Map<string, Set<string>>();

  constructor(articles: Iterable<ArticleDoc> = []) {
    for (const article of articles) this.set(article.id, article);
  }

  /** Stages an article (null: one deleted, no longer pending). */
  set(id: string, article: ArticleDoc | null): void {
    const previous = this.byId.get(id);
    if (previous) {
      this.byId.delete(id);
      this.unindex(id, previous);
    }
    if (!this.staged.has(id)) this.staged.set(id, this.staged.size);
    if (!article) return;
    this.byId.set(id, article);
    for (const anchor of article.anchors ?? []) addTo(this.byAnchor, anchor, id);
    for (const speaker of article.speakerIds) addTo(this.bySpeaker, speaker, id);
    if (article.translationOf) addTo(this.byTranslated, article.translationOf, id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  withAnchor(anchor: string): ArticleDoc[] {
    return this.inOrder(this.byAnchor.get(anchor));
  }

  withSpeakers(speakerIds: string[]): ArticleDoc[] {
    return this.inOrder(new Set(speakerIds.flatMap((speaker) => [...(this.bySpeaker.get(speaker) ?? [])])));
  }

  /** Those translating `id`, and the one `id` says it translates. */
  translations(id: string, translationOf?: string): ArticleDoc[] {
    return this.inOrder(new Set([...(this.byTranslated.get(id) ?? []), ...(translationOf && this.byId.has(translationOf) ? [translationOf] : [])]));
  }

  private inOrder(ids: Set<string> | undefined): ArticleDoc[] {
    return [...(ids ?? [])].sort((x, y) => this.staged.get(x)! - this.staged.get(y)!).map((id) => this.byId.get(id)!);
  }

  private unindex(id: string, article: ArticleDoc): void {
    for (const anchor of article.anchors ?? []) this.byAnchor.get(anchor)?.delete(id);
    for (const speaker of article.speakerIds) this.bySpeaker.get(speaker)?.delete(id);
    if (article.translationOf) this.byTranslated.get(article.translationOf)?.delete(id);
  }
}

function addTo(index: Map<string, Set<string>>, key: string, id: string): void {
  const ids = index.get(key);
  if (ids) ids.add(id);
  else index.set(key, new Set([id]));
}

/** One search's answer: the ids it found (in Meilisearch's order) and how many match in all. */
export interface SearchHits {
  ids: string[];
  total: number;
}

/**
 * Articles sharing a speaker looked at, the newest first: a minister quoted every day would otherwise bring hundreds,
 * each with its quotes, to every new article about them (the cost of linking one grew with the store).
 */
const SPEAKER_HITS = 40;
const HINTED_HITS = 20;

const settings = (options: CandidateOptions) => ({ windowDays: 30, perAnchor: 20, anchorsAsked: 24, limit: 40, ...options });

const DAY = 86_400_000;

/**
 * The searches that find a probe's candidates, as filter-only queries of the articles index: each of its most telling
 * anchors alone (a few dozen articles each), the articles sharing a speaker, and those a client said it translates or
 * is translated by; in a date window around its day when it is dated. The probe itself is left out of the answers
 * afterwards (one more hit is asked for), not by the filter: articles of the same day asking about the same anchor
 * then send the same search, which a batch sends once.
 */
export function candidateSearches(probe: CandidateProbe, options: CandidateOptions = {}): Array<{ filter: string; limit: number; sort?: string[] }> {
  const { windowDays, perAnchor, anchorsAsked } = settings(options);
  const inWindow: string[] = [];
  if (probe.publishedTs !== undefined) {
    const day = Math.floor(probe.publishedTs / DAY) * DAY;
    inWindow.push(`(publishedTs NOT EXISTS OR publishedTs ${day - windowDays * DAY} TO ${day + (windowDays + 1) * DAY - 1})`);
  }
  const where = (filter: string) => [filter, ...inWindow].join(' AND ');
  const hinted = [`translationOf = ${filterValue(probe.id)}`, ...(probe.translationOf ? [`id = ${filterValue(probe.translationOf)}`] : [])].join(' OR ');
  return [
    ...askedAnchors(probe, anchorsAsked).map(({ anchor }) => ({ filter: where(`anchors = ${filterValue(anchor)}`), limit: perAnchor + 1 })),
    ...(probe.speakerIds.length ? [{ filter: where(filterIn('speakerIds', probe.speakerIds)), limit: SPEAKER_HITS + 1, sort: ['publishedTs:desc'] }] : []),
    // A client's word holds whatever the dates say.
    { filter: hinted, limit: HINTED_HITS + 1 },
  ];
}

/** The anchors a probe's candidates are searched by: the most telling that tell anything (names inside longer runs weigh nothing). */
const askedAnchors = (probe: CandidateProbe, anchorsAsked: number) => probe.anchors.filter(({ weight }) => weight > 0).slice(0, anchorsAsked);

/**
 * The candidates' ids from the answers to `candidateSearches` and the same filters run over the pending articles in
 * memory (their stored versions, if any, are out of date): the articles sharing the most anchors, an anchor many
 * articles share telling less about each; then those sharing a speaker and those named as translations. Sorted by id.
 */
export function pickCandidates(probe: CandidateProbe, stored: SearchHits[], options: CandidateOptions = {}): string[] {
  const { windowDays, perAnchor, anchorsAsked, limit, pending = new PendingArticles() } = settings(options);
  const window = windowDays * DAY;
  const limits = candidateSearches(probe, options).map((search) => search.limit - 1);
  const asked = askedAnchors(probe, anchorsAsked);
  const other = (a: ArticleDoc) => a.id !== probe.id;
  const near = (a: ArticleDoc) => other(a) && (probe.publishedTs === undefined || a.publishedTs === undefined || Math.abs(a.publishedTs - probe.publishedTs) <= window);
  const pendingHits = [
    ...asked.map(({ anchor }) => pending.withAnchor(anchor).filter(near)),
    ...(probe.speakerIds.length ? [pending.withSpeakers(probe.speakerIds).filter(near)] : []),
    pending.translations(probe.id, probe.translationOf).filter(other),
  ];
  const hitsOf = (k: number) => {
    const current = stored[k].ids.filter((id) => id !== probe.id && !pending.has(id));
    const ids = [...current, ...pendingHits[k].map((a) => a.id)].slice(0, limits[k]);
    return { ids, total: stored[k].total - (stored[k].ids.length - current.length) + pendingHits[k].length };
  };

  const shared = new Map<string, number>();
  asked.forEach(({ weight: telling }, k) => {
    const { ids, total } = hitsOf(k);
    const weight = telling * Math.min(1, perAnchor / Math.max(1, total));
    for (const id of ids) shared.set(id, (shared.get(id) ?? 0) + weight);
  });
  const byAnchors = [...shared].filter(([, w]) => w >= MIN_SHARED_ANCHORS).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, limit).map(([id]) => id);
  const rest = stored.slice(asked.length).flatMap((_, k) => hitsOf(asked.length + k).ids);
  return [...new Set([...byAnchors, ...rest])].sort();
}
