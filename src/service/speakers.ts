import { stripHonorifics } from '../ingestion/speakers.ts';
import { fold } from '../text/fold.ts';
import type { SpeakerDoc } from '../storage/documents.ts';
import type { Store } from '../storage/store.ts';

/** Letters outside ASCII: the spelling that keeps its diacritics is the one to display. */
const diacritics = (name: string) => name.normalize('NFC').replace(/[\x00-\x7f]/g, '').length;

/**
 * Rebuilds the speaker documents of the given speakers from their stored quotes (counts, roles, languages, every
 * spelling), merging in the per-language display names this ingestion saw. A speaker left with no quote is deleted.
 */
export async function refreshSpeakers(store: Store, speakerIds: Set<string>, namesSeen: Map<string, Record<string, string>>): Promise<void> {
  const upserts: SpeakerDoc[] = [];
  const deletes: string[] = [];
  for (const id of [...speakerIds].sort()) {
    const [{ total, facets }, existing] = await Promise.all([store.speakerFacets(id), store.getSpeaker(id)]);
    if (!total) {
      if (existing) deletes.push(id);
      continue;
    }
    const spellings = Object.keys(facets.speakerName ?? {});
    const names = Object.fromEntries(
      Object.entries({ ...existing?.names, ...namesSeen.get(id) }).filter(([lang]) => lang in (facets.lang ?? {})),
    );
    const display = [...spellings].sort((a, b) => diacritics(b) - diacritics(a) || (facets.speakerName[b] ?? 0) - (facets.speakerName[a] ?? 0) || a.localeCompare(b))[0];
    const aliases = [...new Set([...spellings, ...(existing?.aliases ?? [])].map(stripHonorifics))].sort();
    upserts.push({
      id,
      name: display,
      names,
      aliases,
      foldedNames: [...new Set(aliases.map(fold))],
      roles: Object.keys(facets.role ?? {}).sort(),
      languages: Object.keys(facets.lang ?? {}).sort(),
      quoteCount: total,
    });
  }
  await store.writeSpeakers(upserts, deletes);
}
