import type { SearchParams } from 'meilisearch';
import type { UnlinkedQuote, SpeakerRef } from '../schemas/quote.ts';
import type { QuotesQuery, SpeakersQuery } from '../schemas/query.ts';
import type { Speaker } from '../schemas/speaker.ts';
import { canonicalSpeakerName, speakerId } from '../ingestion/speakers.ts';
import { isSupportedLanguage, LANGUAGES, SUPPORTED_LANGUAGES } from '../ingestion/languages/index.ts';
import { fold } from '../text/fold.ts';
import { filterIn, filterValue } from '../storage/meili/client.ts';
import { toQuote, type QuoteDoc, type SpeakerDoc } from '../storage/documents.ts';
import { permalinkPrefix, SERVED_QUOTE_FIELD, servedFor, servedQuotes, withPermalinks, type ServedQuotes } from '../storage/served-quotes.ts';
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

/** `totalHits` of a page-mode search (hitsPerPage/page), which the client's types do not carry over. */
const exhaustiveTotal = (result: object) => (result as { totalHits?: number }).totalHits;

const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`);

export class QueryService {
  /** Languages seen in the store so far: a language once held stays valid for requests (at worst, an empty page). */
  private knownLanguagesSeen: readonly string[] = SUPPORTED_LANGUAGES;

  /** Spellings already resolved, valid until the store is written to (by any process: Store.watchWrites). */
  private readonly resolved = new Map<string, { generation: number; resolution: SpeakerResolution }>();

  constructor(private readonly store: Store) {}

  /**
   * One page and its exact total. Meilisearch counts exhaustively only with page-based pagination, so an offset on a
   * page boundary (what clients send) costs one search; any other offset needs a second, count-only one.
   */
  private async exactPage<T extends QuoteDoc | SpeakerDoc>(index: 'quotes' | 'speakers', q: string, params: SearchParams, limit: number, offset: number) {
    if (offset % limit === 0) {
      const page = await this.store.search<T>(index, q, { ...params, hitsPerPage: limit, page: offset / limit + 1 });
      return { hits: page.hits, total: exhaustiveTotal(page) ?? page.hits.length };
    }
    const [page, count] = await Promise.all([
      this.store.search<T>(index, q, { ...params, limit, offset }),
      this.store.search<T>(index, q, { ...params, hitsPerPage: 0, page: 1 }),
    ]);
    return { hits: page.hits, total: exhaustiveTotal(count) ?? page.hits.length };
  }

  /**
   * A page of quotes as the JSON bytes of a QuotePage. A page on a page boundary (what clients send) is read out of
   * Meilisearch's answer without parsing it (served-quotes.ts); any other offset, or documents written before they
   * carried their served form, are rendered from the documents' fields. A quote's permalink is `permalinkBase`
   * followed by its id, URL-encoded.
   */
  async searchQuotes(query: QuotesQuery, permalinkBase: string): Promise<Buffer> {
    const filters: string[] = [];
    if (query.speaker) {
      const resolved = await this.resolveSpeaker(query.speaker);
      if (!resolved.ids.length) return Buffer.from(JSON.stringify({ data: [], total: 0, limit: query.limit, offset: query.offset, suggestions: resolved.suggestions }));
      filters.push(filterIn('speakerId', resolved.ids));
    }
    if (query.lang) {
      await this.assertKnownLanguage(query.lang);
      filters.push(
        query.fallback
          ? `(lang = ${filterValue(query.lang)} OR (original = true AND NOT clusterLangs = ${filterValue(query.lang)}))`
          : `lang = ${filterValue(query.lang)}`,
      );
    }
    if (query.articleId) filters.push(`articleId = ${filterValue(query.articleId)}`);
    if (query.from && query.to && query.from > query.to) throw new QueryError('from', '`from` is after `to`');
    if (query.from) filters.push(`publishedTs >= ${dayStart(query.from)}`);
    if (query.to) filters.push(`publishedTs < ${dayStart(query.to) + 86_400_000}`);
    const q = query.q?.trim() ?? '';
    const params = {
      filter: filters.length ? filters.join(' AND ') : undefined,
      // Relevance first when there is a text query; then newest first, article and position, so pages never reshuffle.
      sort: ['publishedTs:desc', 'articleId:asc', 'seq:asc'],
      ...(query.lang && q && isSupportedLanguage(query.lang) ? { locales: [LANGUAGES[query.lang].iso6393] } : {}),
    };
    const requestedLang = query.fallback ? query.lang : undefined;
    const { limit, offset } = query;
    const fromAnswer =
      offset % limit === 0
        ? servedQuotes(await this.store.searchQuotesAnswer(q, { ...params, hitsPerPage: limit, page: offset / limit + 1, attributesToRetrieve: [SERVED_QUOTE_FIELD] }))
        : undefined;
    const { quotes, total } = fromAnswer ?? (await this.renderedQuotes(q, params, limit, offset, requestedLang));
    const parts: Buffer[] = [PAGE_START];
    const prefix = permalinkPrefix(permalinkBase);
    for (const [i, quote] of quotes.entries()) {
      if (i) parts.push(COMMA);
      const [body, ...end] = fromAnswer ? servedFor(quote, requestedLang) : [quote];
      parts.push(...withPermalinks(body, prefix), ...end);
    }
    parts.push(Buffer.from(`],"total":${total},"limit":${limit},"offset":${offset}}`));
    return Buffer.concat(parts);
  }

  private async renderedQuotes(q: string, params: SearchParams, limit: number, offset: number, requestedLang: string | undefined): Promise<ServedQuotes> {
    const { hits, total } = await this.exactPage<QuoteDoc>('quotes', q, params, limit, offset);
    return { quotes: hits.map((doc) => Buffer.from(JSON.stringify(toQuote(doc, requestedLang)))), total };
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
    const { hits, total } = await this.exactPage<SpeakerDoc>('speakers', q, this.store.listedSpeakers, query.limit, query.offset);
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

    const close = await this.store.search<SpeakerDoc>('speakers', folded, { limit: NAME_END_CANDIDATES });
    const ending = ` ${folded}`;
    const byNameEnd = close.hits.filter((s) => s.foldedNames.some((n) => n.endsWith(ending)));
    if (byNameEnd.length === 1) return { ids: [byNameEnd[0].id] };
    const suggestions = (byNameEnd.length ? byNameEnd : close.hits).slice(0, MAX_SUGGESTIONS);
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
      const fullNames = (await this.store.search<SpeakerDoc>('speakers', surname, { limit: NAME_END_CANDIDATES })).hits
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
    const result = await this.store.search<QuoteDoc>('quotes', '', { limit: 0, facets: ['lang'] });
    const langs = [...new Set([...SUPPORTED_LANGUAGES, ...Object.keys(result.facetDistribution?.lang ?? {})])].sort();
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

