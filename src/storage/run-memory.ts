import { randomUUID } from 'node:crypto';
import { PendingArticles, type RunScope } from './candidates.ts';
import type { Store } from './store.ts';

/**
 * Articles remembered per run before it begins anew: a few kilobytes each (their anchors, indexed; 2–6 KB measured),
 * so an archive of any size costs at most a few hundred megabytes. The articles of the run before are then found by
 * searching, like anyone's.
 */
const MAX_REMEMBERED = 50_000;

/**
 * What a bulk run (`npm run index`, a post of many articles) has stored, kept in memory across its holds of the write
 * lock, so that each batch finds the run's earlier articles as candidates there instead of by searching the store: the
 * store's searches leave out what the run stored (its articles carry the run's id, `ingestRun`), and are not sent at
 * all when the store held no other article when the run began — an archive loaded into a new store links without one.
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

  constructor(private readonly store: Store) {}

  /** Under the write lock, before a hold: begins anew unless the store is as this run's last hold left it. */
  async resume(): Promise<void> {
    const latest = await this.store.latestTask();
    if (this.lastTask !== undefined && latest?.uid === this.lastTask && this.articles.size < MAX_REMEMBERED) return;
    this.id = randomUUID();
    this.stored = false;
    this.articles = new PendingArticles();
    // Writes under way count as articles: they may be.
    this.othersStored = Boolean(latest && !latest.finished) || (await this.store.countArticles()) > 0;
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
