import type { Logger } from 'pino';
import type { UnlinkedQuote, SpeakerRef } from '../schemas/quote.ts';
import type { QuotesQuery, SpeakersQuery } from '../schemas/query.ts';
import type { Speaker } from '../schemas/speaker.ts';
import { canonicalSpeakerName, speakerId } from '../ingestion/speakers.ts';
import { SUPPORTED_LANGUAGES } from '../ingestion/languages/index.ts';
import { fold } from '../text/fold.ts';
import { onPageBoundary, type PageRequest, type QuoteCriteria } from '../storage/criteria.ts';
import { toQuote, type SpeakerDoc } from '../storage/documents.ts';
import { permalinkPrefix, servedFor, withPermalinks, type ServedQuotes } from '../storage/served-quotes.ts';
import type { Store } from '../storage/store.ts';
import type { CitedQuote } from './citation.ts';

/** A request that names something the store cannot answer for, e.g. a language it holds no quotes in. */
export class QueryError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

export function toSpeaker(doc: SpeakerDoc): Speaker {
  const { foldedNames: _folded, sameAs: _listedUnder, ...speaker } = doc;
  return speaker;
}

const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`);

export class QueryService {
  /** Languages seen in the store so far: a language once held stays valid for requests (at worst, an empty page). */
  private knownLanguagesSeen: readonly string[] = SUPPORTED_LANGUAGES;

  /** Spellings already resolved, valid until the store is written to (by any process: Store.watchWrites). */
  private readonly resolved = new Map<string, { generation: number; resolution: SpeakerResolution }>();

  /** Pages rendered from documents because their quotes' stored served form was missing or of an older format. */
  private slowPages = 0;

  constructor(
    private readonly store: Store,
    private readonly logger?: Logger,
  ) {}

  /** Moves on with every write to the store (by any process, once watched): answers cached under another are stale. */
  get generation(): number {
    return this.store.generation;
  }

  /** Notices writes by other processes within `intervalMs`; returns the function that stops watching. */
  watchWrites(intervalMs: number): () => void {
    return this.store.watchWrites(intervalMs);
  }

  /** Whether the store answers (readiness). */
  storeReachable(): Promise<boolean> {
    return this.store.healthy().catch(() => false);
  }

  countArticles(): Promise<number> {
    return this.store.countArticles();
  }

  /**
   * A page of quotes as the JSON bytes of a QuotePage. A page on a page boundary (what clients send) is read out of
   * the stored served forms without parsing them (served-quotes.ts); any other offset, or quotes whose served form is
   * missing or of an older format, are rendered from the documents' fields. A quote's permalink is `permalinkBase`
   * followed by its id, URL-encoded.
   */
  async searchQuotes(query: QuotesQuery, permalinkBase: string): Promise<Buffer> {
    const criteria: QuoteCriteria = { q: query.q };
    if (query.speaker) {
      const resolved = await this.resolveSpeaker(query.speaker);
      if (!resolved.ids.length) return Buffer.from(JSON.stringify({ data: [], total: 0, limit: query.limit, offset: query.offset, suggestions: resolved.suggestions }));
      criteria.speakerIds = resolved.ids;
    }
    if (query.lang) {
      await this.assertKnownLanguage(query.lang);
      criteria.lang = query.lang;
      criteria.fallback = query.fallback;
    }
    if (query.articleId) criteria.articleId = query.articleId;
    if (query.from && query.to && query.from > query.to) throw new QueryError('from', '`from` is after `to`');
    if (query.from) criteria.publishedFrom = dayStart(query.from);
    if (query.to) criteria.publishedBefore = dayStart(query.to) + 86_400_000;
    const requestedLang = query.fallback ? query.lang : undefined;
    const page = { limit: query.limit, offset: query.offset };
    const fromAnswer = await this.store.servedQuotePage(criteria, page);
    if (!fromAnswer && onPageBoundary(page)) this.countSlowPage(criteria);
    const { quotes, total } = fromAnswer ?? (await this.renderedQuotes(criteria, page, requestedLang));
    const parts: Buffer[] = [PAGE_START];
    const prefix = permalinkPrefix(permalinkBase);
    for (const [i, quote] of quotes.entries()) {
      if (i) parts.push(COMMA);
      const [body, ...end] = fromAnswer ? servedFor(quote, requestedLang) : [quote];
      parts.push(...withPermalinks(body, prefix), ...end);
    }
    parts.push(Buffer.from(`],"total":${total},"limit":${page.limit},"offset":${page.offset}}`));
    return Buffer.concat(parts);
  }

  private async renderedQuotes(criteria: QuoteCriteria, page: PageRequest, requestedLang: string | undefined): Promise<ServedQuotes> {
    const { hits, total } = await this.store.quotePage(criteria, page);
    return { quotes: hits.map((doc) => Buffer.from(JSON.stringify(toQuote(doc, requestedLang)))), total };
  }

  /** Quotes written before their served form had its current format are slower to serve until written again. */
  private countSlowPage(criteria: QuoteCriteria) {
    this.slowPages++;
    const counts = { slowPages: this.slowPages, criteria };
    const message = 'quote page rendered from documents: a stored served form is missing or of an older format (re-index to write it)';
    if (this.slowPages === 1) this.logger?.warn(counts, message);
    else this.logger?.debug(counts, message);
  }

  async getQuote(id: string): Promise<UnlinkedQuote | undefined> {
    const doc = await this.store.getQuote(id);
    return doc && toQuote(doc);
  }

  /** A quote with the version it was translated from, for citations and JSON-LD. */
  async getCitedQuote(id: string): Promise<CitedQuote | undefined> {
    const quote = await this.getQuote(id);
    if (!quote) return undefined;
    const originalId = quote.original ? undefined : quote.translations.find((t) => t.original)?.id;
    const original = originalId ? await this.getQuote(originalId) : undefined;
    return { quote, ...(original ? { original } : {}) };
  }

  async getSpeaker(idOrName: string): Promise<Speaker | undefined> {
    const direct = await this.store.getSpeaker(idOrName);
    // A surname listed under a full name is that person.
    if (direct) return toSpeaker((direct.sameAs && (await this.store.getSpeaker(direct.sameAs))) || direct);
    const { ids } = await this.resolveSpeaker(idOrName);
    const listed = (await Promise.all(ids.map((id) => this.store.getSpeaker(id)))).filter((s) => s && !s.sameAs);
    return listed.length === 1 ? toSpeaker(listed[0]!) : undefined;
  }

  async searchSpeakers(query: SpeakersQuery) {
    const q = query.q ? canonicalSpeakerName(query.q).trim() : '';
    // No sort parameter: the index ranks by relevance, then quoteCount:desc (its custom ranking rule).
    const { hits, total } = await this.store.listedSpeakerPage(q, { limit: query.limit, offset: query.offset });
    return {
      data: hits.map(toSpeaker),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  /**
   * Any spelling of a speaker to speaker ids: an id, the name with or without diacritics and honorifics, the end of
   * a name (`Trung`, `Hoai Trung`, `Macron`) when only one speaker's name ends that way, or a full name whose surname
   * alone is a speaker and no other full name has it. Unknown → no id, and the closest speakers (typo-tolerant) as
   * suggestions.
   */
  async resolveSpeaker(spelling: string): Promise<SpeakerResolution> {
    const generation = this.store.generation;
    const cached = this.resolved.get(spelling);
    if (cached?.generation === generation) return cached.resolution;
    const resolution = await this.resolveSpeakerUncached(spelling);
    if (this.resolved.size >= MAX_RESOLUTIONS) this.resolved.clear();
    this.resolved.set(spelling, { generation, resolution });
    return resolution;
  }

  private async resolveSpeakerUncached(spelling: string): Promise<SpeakerResolution> {
    const name = canonicalSpeakerName(spelling).trim();
    const folded = fold(name);
    if (!folded) return { ids: [], suggestions: [] };
    const byName = await this.store.speakersByFoldedName([folded]);
    if (byName.length) return { ids: await this.withSurname(byName.map((s) => s.id)) };
    const asId = speakerId(spelling);
    if (asId && (await this.store.getSpeaker(asId))) return { ids: await this.withSurname([asId]) };

    // A full name asked for where the store knows the person by surname alone (`Sergio Garcia`, quoted as `Garcia`).
    const surname = folded.split(' ').at(-1)!;
    if (surname !== folded) {
      const sharing = await this.store.speakersBySurname(surname, NAME_END_CANDIDATES);
      if (sharing.length === 1 && sharing[0].id === surname) return { ids: [surname] };
    }

    const close = await this.store.speakersNamedLike(folded, NAME_END_CANDIDATES);
    const ending = ` ${folded}`;
    const byNameEnd = close.filter((s) => s.foldedNames.some((n) => n.endsWith(ending)));
    if (byNameEnd.length === 1) return { ids: [byNameEnd[0].id] };
    const suggestions = (byNameEnd.length ? byNameEnd : close).slice(0, MAX_SUGGESTIONS);
    return { ids: [], suggestions: suggestions.map((s) => ({ id: s.id, name: s.name })) };
  }

  /**
   * One person under a surname and a full name (`trump`, `donald-trump`, from articles that never named them alike):
   * the two answer together when the store holds no other full name ending with that surname.
   */
  private async withSurname(ids: string[]): Promise<string[]> {
    const out = new Set(ids);
    for (const id of ids) {
      const words = id.split('-');
      const surname = words.at(-1)!;
      const fullNames = (await this.store.speakersNamedLike(surname, NAME_END_CANDIDATES))
        .filter((s) => s.id.split('-').length > 1 && s.id.endsWith(`-${surname}`))
        .map((s) => s.id);
      if (new Set(fullNames).size !== 1) continue;
      if (words.length === 1) out.add(fullNames[0]);
      else if (fullNames[0] === id && (await this.store.getSpeaker(surname))) out.add(surname);
    }
    return [...out].sort();
  }

  /** The languages the store holds quotes in, plus the first-class ones. */
  async knownLanguages(): Promise<string[]> {
    const langs = [...new Set([...SUPPORTED_LANGUAGES, ...(await this.store.quoteLanguages())])].sort();
    this.knownLanguagesSeen = langs;
    return langs;
  }

  /** Known languages answer from memory; an unknown one is checked against the store, which may have just learnt it. */
  async assertKnownLanguage(lang: string): Promise<void> {
    if (this.knownLanguagesSeen.includes(lang)) return;
    const langs = await this.knownLanguages();
    if (!langs.includes(lang)) {
      throw new QueryError('lang', `no quotes in '${lang.slice(0, 20)}'; languages held: ${langs.join(', ')}`);
    }
  }
}

const PAGE_START = Buffer.from('{"data":[');
const COMMA = Buffer.from(',');

type SpeakerResolution = { ids: string[]; suggestions?: SpeakerRef[] };
const MAX_RESOLUTIONS = 10_000;

/** Enough close names to tell whether a name ending is shared, without scanning every speaker. */
const NAME_END_CANDIDATES = 50;
const MAX_SUGGESTIONS = 5;

