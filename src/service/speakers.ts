import { isDeepStrictEqual } from 'node:util';
import { canonicalSpeakerName } from '../ingestion/speakers.ts';
import { fold } from '../text/fold.ts';
import { ownAttribution, type QuoteDoc, type SpeakerDoc } from '../storage/documents.ts';
import type { SpeakerQuoteSummary, Store, WriteChanges } from '../storage/store.ts';

/** Letters outside ASCII: the spelling that keeps its diacritics is the one to display. */
// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL
const diacritics = (name: string) => name.normalize('NFC').replace(/[\x00-\x7f]/g, '').length;

/** Quotes read per speaker to learn how each language spells the name. */
const NAME_SAMPLE = 200;

const surnameOf = (id: string) => id.split('-').at(-1)!;
/** Beyond this many full names sharing a surname, the surname alone is nobody in particular: none is refreshed for it. */
const MAX_FULL_NAMES_REFRESHED = 3;
const isSurname = (id: string) => !id.includes('-');

/**
 * The writes that rebuild the speaker documents of the given speakers from their stored quotes (counts, roles,
 * languages, every spelling, the name in each language). Everything comes from what is stored now, so a speaker
 * document is the same whatever order its quotes arrived in. A speaker left with no quote is deleted.
 *
 * One person is listed once: a surname-only speaker (`whitfield`, from articles that never gave the full name) is
 * listed under the one full-name speaker with that surname (`amelia-whitfield`), as long as there is only one; the
 * speakers sharing the surname are looked at whenever one of them is refreshed, so a second full name undoes it.
 * Only documents that differ from the stored ones are written: rebuilding what is up to date writes nothing.
 */
export async function speakerChanges(store: Store, speakerIds: Set<string>): Promise<Pick<WriteChanges, 'speakers' | 'deleteSpeakers'>> {
  // Besides the speakers asked for: wherever a surname-only speaker shares their surname, that speaker, the full names
  // it may be listed under (their documents count its quotes) and the one it was listed under before. Most names
  // have no such surname speaker and need nothing more than themselves.
  const related = new Set(speakerIds);
  const fullNamesOf = new Map<string, string[]>();
  const surnames = [...new Set([...speakerIds].map(surnameOf))];
  for (const [surname, sharing] of await store.speakersBySurnames(surnames)) {
    const surnameDoc = sharing.find((s) => s.id === surname);
    if (!surnameDoc && !speakerIds.has(surname)) continue;
    const fullNames = [...new Set([...sharing.map((s) => s.id), ...speakerIds])].filter((id) => !isSurname(id) && surnameOf(id) === surname);
    fullNamesOf.set(surname, fullNames);
    related.add(surname);
    if (fullNames.length <= MAX_FULL_NAMES_REFRESHED) for (const id of fullNames) related.add(id);
    if (surnameDoc?.sameAs) related.add(surnameDoc.sameAs);
  }
  const ids = [...related].sort();
  const [summaries, stored] = await Promise.all([store.speakerQuoteSummaries(ids, NAME_SAMPLE), store.speakersByIds(ids)]);
  const existing = new Map(stored.map((doc) => [doc.id, doc]));
  const held = new Map([...summaries].filter(([, summary]) => summary.total > 0));
  // A stored speaker not refreshed here still has quotes (one left without is deleted when refreshed).
  const live = (id: string) => held.has(id) || !related.has(id);
  const listedUnder = new Map<string, string>();
  for (const [surname, fullNames] of fullNamesOf) {
    const alive = fullNames.filter(live);
    if (held.has(surname) && alive.length === 1 && held.has(alive[0])) listedUnder.set(surname, alive[0]);
  }

  const upserts: SpeakerDoc[] = [];
  const deletes = [...related].filter((id) => !held.has(id) && existing.get(id)).sort();
  for (const [id, own] of [...held].sort(([x], [y]) => x.localeCompare(y))) {
    const merged = [own, ...[...listedUnder].filter(([, full]) => full === id).map(([surname]) => held.get(surname)!)];
    const count = (facet: string) => {
      const sum = new Map<string, number>();
      for (const h of merged) for (const [value, n] of Object.entries(h.facets[facet] ?? {})) sum.set(value, (sum.get(value) ?? 0) + n);
      return sum;
    };
    const spellings = count('speakerName');
    const display = [...spellings.keys()].sort((a, b) => diacritics(b) - diacritics(a) || spellings.get(b)! - spellings.get(a)! || a.localeCompare(b))[0];
    const aliases = [...new Set([...spellings.keys()].map(canonicalSpeakerName))].sort();
    upserts.push({
      id,
      ...(listedUnder.has(id) ? { sameAs: listedUnder.get(id) } : {}),
      name: display,
      names: namesByLanguage(merged.flatMap((h) => h.sample)),
      aliases,
      foldedNames: [...new Set(aliases.map(fold))],
      roles: [...count('role').keys()].sort(),
      languages: [...count('lang').keys()].sort(),
      quoteCount: merged.reduce((sum, h) => sum + h.total, 0),
    });
  }
  return { speakers: upserts.filter((doc) => !isDeepStrictEqual(doc, existing.get(doc.id))), deleteSpeakers: deletes };
}

/** Speakers whose documents may need rebuilding when these quotes change: served and own, and `more`. */
export function speakersOfQuotes(quotes: QuoteDoc[], more: string[] = []): Set<string> {
  return new Set([...quotes.flatMap((q) => [q.speakerId, ownAttribution(q).speakerId]), ...more].filter((s): s is string => Boolean(s)));
}

/** Each language's most frequent spelling, its own articles' spellings before those a cluster lent. */
function namesByLanguage(sample: SpeakerQuoteSummary['sample']): Record<string, string> {
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
