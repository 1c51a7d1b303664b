import { settled } from './meili/client.ts';
import type { Store } from './store.ts';

/**
 * The content hash each stored article was applied with, by article id. Kept on the article document itself: a later
 * ingest of the article replaces the document and so forgets the hash, and a deleted article takes its hash along,
 * so a hash found here always describes what is stored.
 */
export async function storedContentHashes(store: Store, articleIds: string[]): Promise<Map<string, string>> {
  const docs = await store.articlesByIds(articleIds, ['id', 'contentHash']);
  return new Map(docs.flatMap((doc) => (doc.contentHash ? [[doc.id, doc.contentHash] as const] : [])));
}

/** Records the hashes of articles just applied (a partial update: the rest of each document stays). */
export async function recordContentHashes(store: Store, hashes: Array<{ id: string; contentHash: string }>): Promise<void> {
  if (hashes.length) await settled(store.client, () => store.articles.updateDocuments(hashes));
}
