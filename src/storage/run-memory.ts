import { randomUUID } from 'node:crypto';
import { PendingArticles, type CandidateFields, type RunScope } from './candidates.ts';
import type { Store } from './store.ts';

/**
 * Articles remembered per run before it begins anew: a few kilobytes each (their anchors, indexed; 2–6 KB measured),
 * so an archive of any size costs at most a few hundred megabytes. The articles of the run before are then found by
 * searching, like anyone's.
 */
const MAX_REMEMBERED = 50_000;

/**
 * A store holding no more articles than this when a run begins is read into its memory whole (their anchors, a few
 * hundred milliseconds for thousands), and then never searched either: the samples `npm start` loads, or a first day's
 * posts, would otherwise cost the archive loaded after them every search.
 */
const READ_WHOLE_UP_TO = 10_000;

const CANDIDATE_FIELDS: Array<keyof CandidateFields> = ['id', 'anchors', 'speakerIds', 'translationOf', 'publishedTs'];

/**
 * What a bulk run (`npm run index`, a post of many articles) has stored, kept in memory across its holds of the write
 * lock, so that each batch finds the run's earlier articles as candidates there instead of by searching the store: the
 * store's searches leave out what the run stored (its articles carry the run's id, `ingestRun`), and are not sent at
 * all when the store held few enough articles when the run began to read them all into the memory first — an archive
 * loaded into a new store, or one holding the samples, links without one.
 *
 * Only this run writes between its holds or the memory would be out of date: whenever another writer wrote meanwhile
 * (the server took a post, a second CLI ran), or a hold failed, the run begins anew under another id, and what it
 * stored before is found by searching like anyone's.
 */
export class RunMemory implements RunScope {
  id = randomUUID();
  stored = false;
  othersStored = true;
  articles = new PendingArticles();
  /** The newest task on the store's indexes when the last hold ended; unset before the first and after a failed one. */
  private lastTask: number | undefined;

  constructor(
    private readonly store: Store,
    private readonly options: { readWholeUpTo?: number } = {},
  ) {}

  /** Under the write lock, before a hold: begins anew unless the store is as this run's last hold left it. */
  async resume(): Promise<void> {
    const latest = await this.store.latestTask();
    if (this.lastTask !== undefined && latest?.uid === this.lastTask && this.articles.size < MAX_REMEMBERED) return;
    this.id = randomUUID();
    this.stored = false;
    this.articles = new PendingArticles();
    // Writes under way may be articles the reading would miss: the store is searched then.
    const stored = latest && !latest.finished ? Infinity : await this.store.countArticles();
    this.othersStored = stored > (this.options.readWholeUpTo ?? READ_WHOLE_UP_TO);
    if (this.othersStored || !stored) return;
    // Listed first, as Meilisearch lists the stored articles before the ones the run stores.
    for (const article of await this.store.allArticles(CANDIDATE_FIELDS)) this.articles.set(article.id, article);
  }

  /** Under the write lock, once a hold's writes are all done. */
  async paused(): Promise<void> {
    this.stored ||= this.articles.size > 0;
    this.lastTask = (await this.store.latestTask())?.uid;
  }

  /** A hold failed part way: what it staged may not be stored, so the next begins anew. */
  failed(): void {
    this.lastTask = undefined;
  }
}
