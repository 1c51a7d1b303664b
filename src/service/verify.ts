import type { SpeakerRef, UnlinkedQuote } from '../schemas/quote.ts';
import type { VerifyQuery } from '../schemas/verify.ts';
import { canonicalSpeakerName } from '../ingestion/speakers.ts';
import { fold } from '../text/fold.ts';
import { toQuote, type QuoteDoc } from '../storage/documents.ts';
import type { Store } from '../storage/store.ts';
import type { QueryService } from './queries.ts';

/** Below this share of its word pairs found in a quote, a text is not that quote. */
export const MIN_SIMILARITY = 0.5;
/** Meilisearch reads the first ten words of a query: a longer text is searched by windows of that many. */
const WORDS_PER_SEARCH = 10;
const MAX_WINDOWS = 3;
const CANDIDATES_PER_WINDOW = 20;

export interface Verdict {
  similarity: number;
  coverage: number;
  speaker: SpeakerRef | null;
  speakerMatches?: boolean | null;
  quote: UnlinkedQuote;
  original: UnlinkedQuote | null;
}

export interface Verification {
  claimedSpeaker?: { name: string; known: SpeakerRef[] };
  matches: Verdict[];
}

/** Word pairs of a folded text (the words themselves when there is only one): what survives trimming and small slips. */
function wordPairs(words: string[]): Set<string> {
  if (words.length < 2) return new Set(words);
  const pairs = new Set<string>();
  for (let i = 1; i < words.length; i++) pairs.add(`${words[i - 1]} ${words[i]}`);
  return pairs;
}

const foldedWords = (text: string) => fold(text).split(' ').filter(Boolean);

/** How much of the claim the quote says, and how much of the quote the claim covers, both 0–1. */
export function compareWording(claim: string[], quote: string[]): { similarity: number; coverage: number } {
  const claimPairs = wordPairs(claim);
  const quotePairs = claim.length < 2 ? new Set(quote) : wordPairs(quote);
  let shared = 0;
  for (const pair of claimPairs) if (quotePairs.has(pair)) shared++;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { similarity: round(shared / Math.max(1, claimPairs.size)), coverage: round(shared / Math.max(1, quotePairs.size)) };
}

/** Up to MAX_WINDOWS runs of WORDS_PER_SEARCH words spread over the text: its start, middle and end. */
function searchWindows(text: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length <= WORDS_PER_SEARCH) return [words.join(' ')];
  const last = words.length - WORDS_PER_SEARCH;
  const starts = [...new Set([0, Math.floor(last / 2), last])].slice(0, MAX_WINDOWS);
  return starts.map((start) => words.slice(start, start + WORDS_PER_SEARCH).join(' '));
}

/**
 * "Did X say this?": the stored quotes worded like a text in any language, one per utterance, with who said it
 * according to the sources, whether that is the claimed speaker under any spelling, and the original version.
 */
export class VerifyService {
  constructor(
    private readonly store: Store,
    private readonly queries: QueryService,
  ) {}

  async verify(claim: VerifyQuery): Promise<Verification> {
    if (claim.lang) await this.queries.assertKnownLanguage(claim.lang);
    const [matches, claimed] = await Promise.all([this.bestMatches(claim), claim.speaker ? this.claimedSpeaker(claim.speaker) : undefined]);
    if (!claimed) return { matches };
    return {
      claimedSpeaker: { name: claim.speaker!, known: claimed.known },
      matches: await Promise.all(
        matches.map(async ({ speaker, ...match }) => ({ speaker, speakerMatches: speaker ? await claimed.matches(speaker.id) : null, ...match })),
      ),
    };
  }

  private async bestMatches(claim: VerifyQuery): Promise<Verdict[]> {
    const claimWords = foldedWords(claim.text);
    if (!claimWords.length) return [];
    const searches = searchWindows(claim.text).map((words) =>
      this.store.quotesWordedLike(words, { lang: claim.lang, limit: Math.max(CANDIDATES_PER_WINDOW, 4 * claim.limit) }),
    );
    // The best-worded version of each utterance.
    const best = new Map<string, { doc: QuoteDoc; similarity: number; coverage: number }>();
    for (const doc of (await Promise.all(searches)).flat()) {
      const score = compareWording(claimWords, foldedWords(doc.text));
      const held = best.get(doc.clusterId);
      if (score.similarity < MIN_SIMILARITY || (held && (held.similarity > score.similarity || (held.similarity === score.similarity && held.coverage >= score.coverage)))) continue;
      best.set(doc.clusterId, { doc, ...score });
    }
    const ranked = [...best.values()].sort((a, b) => b.similarity - a.similarity || b.coverage - a.coverage).slice(0, claim.limit);

    // The other versions that tell who said it or in which language, in one read.
    const wanted = new Set<string>();
    for (const { doc } of ranked) {
      for (const version of doc.translations) if (version.original || !doc.speakerId) wanted.add(version.id);
    }
    const versions = new Map((await this.store.quotesByIds([...wanted])).map((doc) => [doc.id, doc]));
    return ranked.map(({ doc, similarity, coverage }) => {
      const cluster = [doc, ...doc.translations.flatMap((t) => versions.get(t.id) ?? [])];
      const originalDoc = doc.original ? doc : cluster.find((version) => version.original);
      return { similarity, coverage, speaker: clusterSpeaker(cluster), quote: toQuote(doc), original: originalDoc ? toQuote(originalDoc) : null };
    });
  }

  /**
   * The stored speakers a spelling names, and a test of whether it names a given one: through the same resolution as
   * `GET /quotes?speaker=`, or as the end of one of that speaker's names (`Trung` for Lê Hoài Trung) even when that
   * end is shared with other speakers.
   */
  private async claimedSpeaker(spelling: string) {
    const { ids } = await this.queries.resolveSpeaker(spelling);
    const known = (await Promise.all(ids.map((id) => this.store.getSpeaker(id)))).flatMap((s) => (s ? [{ id: s.id, name: s.name }] : []));
    const folded = fold(canonicalSpeakerName(spelling));
    const namesEnd = async (speakerId: string) =>
      folded !== '' && ((await this.store.getSpeaker(speakerId))?.foldedNames ?? []).some((name) => name === folded || name.endsWith(` ${folded}`));
    return { known, matches: async (speakerId: string) => ids.includes(speakerId) || namesEnd(speakerId) };
  }
}

/** Who said it according to the sources: the speaker of the best-attributed version that names one. */
function clusterSpeaker(cluster: QuoteDoc[]): SpeakerRef | null {
  // On a tie, the original's spelling: the name as written in the speaker's own language.
  const attributed = cluster
    .filter((v) => v.speakerId && v.speakerName)
    .sort((a, b) => b.attributionConfidence - a.attributionConfidence || Number(b.original) - Number(a.original));
  const [first] = attributed;
  return first ? { id: first.speakerId!, name: first.speakerName! } : null;
}
