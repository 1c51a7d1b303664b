import { stripHonorifics } from '../ingestion/speakers.ts';
import { fold } from '../text/fold.ts';
import type { SpeakerDoc } from '../storage/documents.ts';
import type { Store } from '../storage/store.ts';

/** Letters outside ASCII: the spelling that keeps its diacritics is the one to display. */
const diacritics = (name: string) => name.normalize('NFC').replace(/[\x00-\x7f]/g, '').length;

/** Quotes read per speaker to learn how each language spells the name. */
const NAME_SAMPLE = 200;

/**
 * Rebuilds the speaker documents of the given speakers from their stored quotes (counts, roles, languages, every
 * spelling, the name in each language). Everything comes from what is stored now, so a speaker document is the
 * same whatever order its quotes arrived in. A speaker left with no quote is deleted.
 */
export async function refreshSpeakers(store: Store, speakerIds: Set<string>): Promise<void> {
  const upserts: SpeakerDoc[] = [];
  const deletes: string[] = [];
  for (const id of [...speakerIds].sort()) {
    const [{ total, facets }, existing, sample] = await Promise.all([store.speakerFacets(id), store.getSpeaker(id), store.speakerSpellings(id, NAME_SAMPLE)]);
    if (!total) {
      if (existing) deletes.push(id);
      continue;
    }
    const spellings = Object.keys(facets.speakerName ?? {});
    const display = [...spellings].sort((a, b) => diacritics(b) - diacritics(a) || (facets.speakerName[b] ?? 0) - (facets.speakerName[a] ?? 0) || a.localeCompare(b))[0];
    const aliases = [...new Set(spellings.map(stripHonorifics))].sort();
    upserts.push({
      id,
      name: display,
      names: namesByLanguage(sample),
      aliases,
      foldedNames: [...new Set(aliases.map(fold))],
      roles: Object.keys(facets.role ?? {}).sort(),
      languages: Object.keys(facets.lang ?? {}).sort(),
      quoteCount: total,
    });
  }
  await store.writeSpeakers(upserts, deletes);
}

/** Each language's most frequent spelling, its own articles' spellings before those a cluster lent. */
function namesByLanguage(sample: Array<{ lang: string; speakerName: string | null; attributionMethod: string }>): Record<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const q of sample) {
    if (!q.speakerName) continue;
    const byName = counts.get(q.lang) ?? new Map<string, number>();
    byName.set(q.speakerName, (byName.get(q.speakerName) ?? 0) + (q.attributionMethod === 'cluster' ? 1 : 1000));
    counts.set(q.lang, byName);
  }
  return Object.fromEntries(
    [...counts].sort(([x], [y]) => x.localeCompare(y)).map(([lang, byName]) => [lang, [...byName].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0][0]]),
  );
}
