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
   * newer documents last); a stored article of the same id is replaced by its pending version. In a bulk run, also
   * the articles it stored earlier, which its searches of the store leave out (`run`).
   */
  pending?: PendingArticles;
  /** The bulk run whose stored articles `pending` holds: the store is searched only for the others' articles. */
  run?: RunScope;
}

/** What a bulk run's searches of the store leave out: see `RunMemory` (storage/run-memory.ts). */
export interface RunScope {
  /** Written on every article the run stores (`ingestRun`), and left out by that. */
  id: string;
  /** Whether the run has stored any article yet (before, leaving them out leaves nothing out). */
  stored: boolean;
  /** Whether the store holds articles of others (false: every search would find nothing, and is not sent). */
  othersStored: boolean;
}

/** The fields of an article its candidate searches look at: what a run keeps in memory of each of its articles. */
export type CandidateFields = Pick<ArticleDoc, 'id' | 'anchors' | 'speakerIds' | 'translationOf' | 'publishedTs'>;

/** The days (since the epoch) an article may have been published on to be a version of another, both ends included. */
export interface DayWindow {
  from: number;
  to: number;
}

const DAY = 86_400_000;

/** The window of a dated probe, as its searches ask for it: whole days, `windowDays` either side of its own. */
export function dayWindow(publishedTs: number | undefined, windowDays: number): DayWindow | undefined {
  if (publishedTs === undefined) return undefined;
  const day = Math.floor(publishedTs / DAY);
  return { from: day - windowDays, to: day + windowDays };
}

/** A pending search's answer: the first ids in the search's order, and how many match in all. */
export interface PendingHits {
  ids: string[];
  total: number;
}

/** Whether an article of `day` (undefined: undated) falls in `window` (undefined: no window, every day). */
const inDays = (window: DayWindow | undefined, day: number | undefined) => day === undefined || !window || (day >= window.from && day <= window.to);

/** Articles under a key beyond which it is indexed by day: a small key is looked through whole. */
const BY_DAY_FROM = 48;

/**
 * The articles under one key (an anchor, a speaker) as their places in the staging, ascending. A key of many articles
 * (a run of thousands sharing a name) keeps them by day of publication, so that a search in a date window looks at
 * the days of the window, never at all of them; a key of a few, most of them, keeps one list, which costs less memory.
 */
class KeyedArticles {
  private flat: number[] | undefined = [];
  private days: Map<number | undefined, number[]> | undefined;

  constructor(private readonly dayAt: (place: number) => number | undefined) {}

  get empty(): boolean {
    return this.flat ? !this.flat.length : !this.days!.size;
  }

  add(place: number): void {
    if (this.flat) {
      insert(this.flat, place);
      if (this.flat.length < BY_DAY_FROM) return;
      this.days = new Map();
      for (const each of this.flat) this.listOf(this.dayAt(each)).push(each);
      this.flat = undefined;
    } else insert(this.listOf(this.dayAt(place)), place);
  }

  remove(place: number, day: number | undefined): void {
    const places = this.flat ?? this.days!.get(day);
    const at = places?.indexOf(place) ?? -1;
    if (at >= 0) places!.splice(at, 1);
    if (this.days && places && !places.length) this.days.delete(day);
  }

  /** The first places in the window in ascending order (`except` left out), and how many there are in all. */
  first(window: DayWindow | undefined, limit: number, except: number | undefined): { places: number[]; total: number } {
    const places: number[] = [];
    let total = 0;
    if (this.flat) {
      for (const place of this.flat) {
        if (place === except || !inDays(window, this.dayAt(place))) continue;
        total++;
        if (places.length < limit) places.push(place);
      }
      return { places, total };
    }
    const lists: number[][] = [];
    this.within(window, (list) => lists.push(list));
    // The days' lists merged: each is in order already.
    const heads = lists.map(() => 0);
    for (const list of lists) total += list.length - (except !== undefined && list.includes(except) ? 1 : 0);
    while (places.length < limit) {
      let first = -1;
      for (let k = 0; k < lists.length; k++) if (heads[k] < lists[k].length && (first < 0 || lists[k][heads[k]] < lists[first][heads[first]])) first = k;
      if (first < 0) break;
      const place = lists[first][heads[first]++];
      if (place !== except) places.push(place);
    }
    return { places, total };
  }

  /** Visits the places in the window, as lists each in ascending order. */
  within(window: DayWindow | undefined, visit: (places: number[]) => void): void {
    if (this.flat) {
      visit(window ? this.flat.filter((place) => inDays(window, this.dayAt(place))) : this.flat);
      return;
    }
    const days = this.days!;
    // A narrow window over a key of many days is looked up day by day; otherwise the key's days are filtered.
    if (window && window.to - window.from < days.size) {
      for (let day = window.from; day <= window.to; day++) {
        const places = days.get(day);
        if (places) visit(places);
      }
      const undated = days.get(undefined);
      if (undated) visit(undated);
    } else for (const [day, places] of days) if (inDays(window, day)) visit(places);
  }

  private listOf(day: number | undefined): number[] {
    const places = this.days!.get(day) ?? [];
    this.days!.set(day, places);
    return places;
  }
}

/** Inserts into an ascending list: a new article comes last, one staged again goes back to its place. */
function insert(places: number[], place: number): void {
  if (!places.length || places[places.length - 1] < place) places.push(place);
  else places.splice(places.findIndex((other) => other > place), 0, place);
}

/**
 * A batch's articles not written yet, found the way the candidate searches find stored ones: by anchor, by speaker, by
 * translation, in the same date window. Indexed, since every article of a batch looks through all those before it (a
 * thousand, under one hold of the write lock; in a bulk run, all the run stored). An article's search order is the
 * order its id was first staged, as `pickCandidates` expects; the speakers' search lists the newest first.
 */
export class PendingArticles {
  private readonly byId = new Map<string, CandidateFields>();
  /** Each id's place in the staging, and the id at each place. */
  private readonly places = new Map<string, number>();
  private readonly staged: string[] = [];
  /** Each place's day of publication (undefined: undated), as the article staged last there says. */
  private readonly days: Array<number | undefined> = [];
  private readonly byAnchor = new Map<string, KeyedArticles>();
  private readonly bySpeaker = new Map<string, KeyedArticles>();
  private readonly dayAt = (place: number) => this.days[place];
  private readonly byTranslated = new Map<string, Set<string>>();

  constructor(articles: Iterable<CandidateFields> = []) {
    for (const article of articles) this.set(article.id, article);
  }

  get size(): number {
    return this.byId.size;
  }

  /** Stages an article (null: one deleted, no longer pending); only the fields searched by are kept. */
  set(id: string, doc: CandidateFields | null): void {
    const previous = this.byId.get(id);
    if (previous) {
      this.byId.delete(id);
      this.index(previous, false);
    }
    if (!this.places.has(id)) {
      this.places.set(id, this.staged.length);
      this.staged.push(id);
    }
    if (!doc) return;
    const article: CandidateFields = { id, anchors: doc.anchors, speakerIds: doc.speakerIds, translationOf: doc.translationOf, publishedTs: doc.publishedTs };
    this.byId.set(id, article);
    this.index(article, true);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The articles with `anchor` in the window (but `except`), in the order first staged. */
  withAnchor(anchor: string, window: DayWindow | undefined, limit: number, except: string): PendingHits {
    const keyed = this.byAnchor.get(anchor);
    if (!keyed) return { ids: [], total: 0 };
    const { places, total } = keyed.first(window, limit, this.byId.has(except) ? this.places.get(except) : undefined);
    return { ids: places.map((place) => this.staged[place]), total };
  }

  /** The articles of any of `speakerIds` in the window (but `except`), the newest first (the undated last, in the order first staged). */
  withSpeakers(speakerIds: string[], window: DayWindow | undefined, limit: number, except: string): PendingHits {
    const days = new Map<number | undefined, Set<number>>();
    for (const speaker of new Set(speakerIds)) {
      this.bySpeaker.get(speaker)?.within(window, (places) => {
        for (const place of places) {
          const day = this.days[place];
          const seen = days.get(day) ?? new Set<number>();
          days.set(day, seen.add(place));
        }
      });
    }
    const exceptPlace = this.byId.has(except) ? this.places.get(except) : undefined;
    const newestFirst = [...days.keys()].sort((x, y) => (y ?? -Infinity) - (x ?? -Infinity));
    const ids: string[] = [];
    let total = 0;
    for (const day of newestFirst) {
      const places = [...days.get(day)!].filter((place) => place !== exceptPlace);
      total += places.length;
      if (ids.length >= limit) continue;
      const articles = places.sort((x, y) => x - y).map((place) => this.byId.get(this.staged[place])!);
      ids.push(...articles.sort(newer).map((a) => a.id));
    }
    return { ids: ids.slice(0, limit), total };
  }

  /** Those translating `id`, and the one `id` says it translates, in the order first staged. */
  translations(id: string, translationOf?: string): PendingHits {
    const ids = [...new Set([...(this.byTranslated.get(id) ?? []), ...(translationOf && this.byId.has(translationOf) ? [translationOf] : [])])]
      .filter((other) => other !== id)
      .sort((x, y) => this.places.get(x)! - this.places.get(y)!);
    return { ids, total: ids.length };
  }

  /** The publication time of a pending article (undefined: undated, or not pending). */
  publishedTs(id: string): number | undefined {
    return this.byId.get(id)?.publishedTs;
  }

  private index(article: CandidateFields, adding: boolean): void {
    const day = dayOf(article);
    const place = this.places.get(article.id)!;
    if (adding) this.days[place] = day;
    const keys = [
      ...[...new Set(article.anchors ?? [])].map((anchor) => [this.byAnchor, anchor] as const),
      ...[...new Set(article.speakerIds)].map((speaker) => [this.bySpeaker, speaker] as const),
    ];
    for (const [index, key] of keys) {
      const articles = index.get(key) ?? new KeyedArticles(this.dayAt);
      if (adding) {
        index.set(key, articles);
        articles.add(place);
      } else {
        articles.remove(place, day);
        if (articles.empty) index.delete(key);
      }
    }
    if (article.translationOf) {
      const ids = this.byTranslated.get(article.translationOf) ?? new Set<string>();
      this.byTranslated.set(article.translationOf, ids);
      if (adding) ids.add(article.id);
      else ids.delete(article.id);
    }
  }
}

const dayOf = (article: Pick<CandidateFields, 'publishedTs'>) => (article.publishedTs === undefined ? undefined : Math.floor(article.publishedTs / DAY));

/** Whether `x` comes before `y` newest first, the undated last: negative when it does, as a comparator. */
const newer = (x: Pick<CandidateFields, 'publishedTs'>, y: Pick<CandidateFields, 'publishedTs'>) => (y.publishedTs ?? -Infinity) - (x.publishedTs ?? -Infinity);

/** One search's answer: the ids it found (in Meilisearch's order), their publication times, and how many match in all. */
export interface SearchHits {
  ids: string[];
  total: number;
  /** Each id's `publishedTs`: the speakers' search, sorted by it, is merged with the pending articles by it. */
  publishedTs?: Array<number | undefined>;
}

/**
 * Articles sharing a speaker looked at, the newest first: a minister quoted every day would otherwise bring hundreds,
 * each with its quotes, to every new article about them (the cost of linking one grew with the store).
 */
const SPEAKER_HITS = 40;
const HINTED_HITS = 20;

/**
 * Ten articles per anchor: Meilisearch spends about 25 µs on every hit it returns, whatever fields it is asked for, and
 * an anchor shared by more articles than that around one date tells little about each (`pickCandidates` weighs it by
 * its share): at 100k stored, 20 per anchor read 296 hits a new article and gave 29 candidates; 10 read 166 and gave 17,
 * bulk ingestion ran 40 % faster, and the dev set and the seeds link exactly as before.
 */
const settings = (options: CandidateOptions) => ({ windowDays: 30, perAnchor: 10, anchorsAsked: 24, limit: 40, ...options });

/**
 * The searches that find a probe's candidates, as filter-only queries of the articles index: each of its most telling
 * anchors alone (a few dozen articles each), the articles sharing a speaker, and those a client said it translates or
 * is translated by; in a date window around its day when it is dated. The probe itself is left out of the answers
 * afterwards (one more hit is asked for), not by the filter: articles of the same day asking about the same anchor
 * then send the same search, which a batch sends once.
 */
export function candidateSearches(probe: CandidateProbe, options: CandidateOptions = {}): Array<{ filter: string; limit: number; sort?: string[] }> {
  const { windowDays, perAnchor, anchorsAsked } = settings(options);
  const window = dayWindow(probe.publishedTs, windowDays);
  const inWindow = window ? [`(publishedTs NOT EXISTS OR publishedTs ${window.from * DAY} TO ${(window.to + 1) * DAY - 1})`] : [];
  const others = options.run?.stored ? [`NOT ingestRun = ${filterValue(options.run.id)}`] : [];
  const where = (filter: string) => [filter, ...inWindow, ...others].join(' AND ');
  const named = [`translationOf = ${filterValue(probe.id)}`, ...(probe.translationOf ? [`id = ${filterValue(probe.translationOf)}`] : [])].join(' OR ');
  const hinted = others.length ? [`(${named})`, ...others].join(' AND ') : named;
  return [
    ...askedAnchors(probe, anchorsAsked).map(({ anchor }) => ({ filter: where(`anchors = ${filterValue(anchor)}`), limit: perAnchor + 1 })),
    ...(probe.speakerIds.length ? [{ filter: where(filterIn('speakerIds', probe.speakerIds)), limit: SPEAKER_HITS + 1, sort: ['publishedTs:desc'] }] : []),
    // A client's word holds whatever the dates say.
    { filter: hinted, limit: HINTED_HITS + 1 },
  ];
}

/** The answers of a store that holds nothing a probe's searches could find: one empty answer per search. */
export function noStoredHits(probe: CandidateProbe, options: CandidateOptions = {}): SearchHits[] {
  const searches = askedAnchors(probe, settings(options).anchorsAsked).length + (probe.speakerIds.length ? 1 : 0) + 1;
  return Array.from({ length: searches }, () => ({ ids: [], total: 0 }));
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
  const window = dayWindow(probe.publishedTs, windowDays);
  const asked = askedAnchors(probe, anchorsAsked);
  const bySpeaker = probe.speakerIds.length ? asked.length : -1;
  const limits = [...asked.map(() => perAnchor), ...(bySpeaker >= 0 ? [SPEAKER_HITS] : []), HINTED_HITS];
  const pendingHits = [
    ...asked.map(({ anchor }) => pending.withAnchor(anchor, window, perAnchor, probe.id)),
    ...(bySpeaker >= 0 ? [pending.withSpeakers(probe.speakerIds, window, SPEAKER_HITS, probe.id)] : []),
    pending.translations(probe.id, probe.translationOf),
  ];
  const hitsOf = (k: number) => {
    const current = stored[k].ids.filter((id) => id !== probe.id && !pending.has(id));
    const total = stored[k].total - (stored[k].ids.length - current.length) + pendingHits[k].total;
    if (k !== bySpeaker) return { ids: [...current, ...pendingHits[k].ids].slice(0, limits[k]), total };
    // Stored articles come first, as Meilisearch lists older documents first; but the speakers' search is newest first.
    const dates = new Map(stored[k].ids.map((id, j) => [id, stored[k].publishedTs?.[j]]));
    const listed = [...current.map((id) => ({ id, publishedTs: dates.get(id) })), ...pendingHits[k].ids.map((id) => ({ id, publishedTs: pending.publishedTs(id) }))];
    return { ids: listed.sort(newer).slice(0, limits[k]).map(({ id }) => id), total };
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
