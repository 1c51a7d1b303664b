import type { Quote } from '../schemas/quote.ts';
import type { QuotesQuery, SpeakersQuery } from '../schemas/query.ts';
import type { Speaker } from '../schemas/speaker.ts';
import { speakerId, stripHonorifics } from '../ingestion/speakers.ts';
import { SUPPORTED_LANGUAGES } from '../ingestion/languages/index.ts';
import { fold } from '../text/fold.ts';
import { filterIn, filterValue } from '../storage/meili/client.ts';
import type { QuoteDoc, SpeakerDoc } from '../storage/documents.ts';
import type { Store } from '../storage/store.ts';

/** A request that names something the store cannot answer for, e.g. a language it holds no quotes in. */
export class QueryError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

export function toQuote(doc: QuoteDoc, requestedLang?: string): Quote {
  return {
    id: doc.id,
    clusterId: doc.clusterId,
    lang: doc.lang,
    text: doc.text,
    speaker: doc.speakerId && doc.speakerName ? { id: doc.speakerId, name: doc.speakerName } : null,
    ...(doc.role ? { role: doc.role } : {}),
    source: {
      articleId: doc.articleId,
      ...(doc.url ? { url: doc.url } : {}),
      ...(doc.title ? { title: doc.title } : {}),
      ...(doc.outlet ? { outlet: doc.outlet } : {}),
      ...(doc.publishedAt ? { publishedAt: doc.publishedAt } : {}),
    },
    offsets: { start: doc.start, end: doc.end },
    original: doc.original,
    confidence: { attribution: doc.attributionConfidence, link: doc.linkConfidence },
    attribution: { method: doc.attributionMethod },
    translations: doc.translations,
    ...(requestedLang && doc.lang !== requestedLang ? { fallback: true } : {}),
  };
}

export function toSpeaker(doc: SpeakerDoc): Speaker {
  const { foldedNames: _folded, ...speaker } = doc;
  return speaker;
}

const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`);

export class QueryService {
  private languagesCache?: { at: number; langs: string[] };

  constructor(private readonly store: Store) {}

  async searchQuotes(query: QuotesQuery) {
    const filters: string[] = [];
    if (query.speaker) {
      const resolved = await this.resolveSpeaker(query.speaker);
      if (!resolved.ids.length) return { data: [], total: 0, limit: query.limit, offset: query.offset, suggestions: resolved.suggestions };
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
    if (query.from) filters.push(`publishedTs >= ${dayStart(query.from)}`);
    if (query.to) filters.push(`publishedTs < ${dayStart(query.to) + 86_400_000}`);
    if (query.from && query.to && query.from > query.to) throw new QueryError('from', '`from` is after `to`');
    const q = query.q?.trim() ?? '';
    const result = await this.store.search<QuoteDoc>('quotes', q, {
      filter: filters.length ? filters.join(' AND ') : undefined,
      limit: query.limit,
      offset: query.offset,
      // Without a text query the order is newest first, then article and position: stable across pages.
      sort: q ? undefined : ['publishedTs:desc', 'articleId:asc', 'seq:asc'],
      ...(query.lang && q ? { locales: [ISO_639_3[query.lang] ?? query.lang] } : {}),
    });
    return {
      data: result.hits.map((doc) => toQuote(doc, query.fallback ? query.lang : undefined)),
      total: result.estimatedTotalHits ?? result.hits.length,
      limit: query.limit,
      offset: query.offset,
    };
  }

  async getQuote(id: string): Promise<Quote | undefined> {
    const doc = await this.store.getQuote(id);
    return doc && toQuote(doc);
  }

  async getSpeaker(idOrName: string): Promise<Speaker | undefined> {
    const direct = await this.store.getSpeaker(idOrName);
    if (direct) return toSpeaker(direct);
    const { ids } = await this.resolveSpeaker(idOrName);
    const doc = ids.length === 1 ? await this.store.getSpeaker(ids[0]) : undefined;
    return doc && toSpeaker(doc);
  }

  async searchSpeakers(query: SpeakersQuery) {
    const q = query.q ? stripHonorifics(query.q).trim() : '';
    const result = await this.store.search<SpeakerDoc>('speakers', q, {
      limit: query.limit,
      offset: query.offset,
      sort: q ? undefined : ['quoteCount:desc', 'id:asc'],
    });
    return {
      data: result.hits.map(toSpeaker),
      total: result.estimatedTotalHits ?? result.hits.length,
      limit: query.limit,
      offset: query.offset,
    };
  }

  /**
   * Any spelling of a speaker to speaker ids: an id, the name with or without diacritics and honorifics, or a surname
   * alone when only one speaker has it. Unknown → no id, and the closest speakers as suggestions.
   */
  async resolveSpeaker(spelling: string): Promise<{ ids: string[]; suggestions?: Array<{ id: string; name: string }> }> {
    const exactId = speakerId(spelling);
    const byName = await this.store.speakersByFoldedName([fold(stripHonorifics(spelling))]);
    if (byName.length) return { ids: byName.map((s) => s.id) };
    if (exactId && (await this.store.getSpeaker(exactId))) return { ids: [exactId] };
    const close = await this.store.search<SpeakerDoc>('speakers', stripHonorifics(spelling), { limit: 5 });
    const words = fold(stripHonorifics(spelling)).split(' ').filter(Boolean);
    const bySurname = close.hits.filter((s) => words.length === 1 && s.foldedNames.some((n) => n.split(' ').at(-1) === words[0]));
    if (bySurname.length === 1) return { ids: [bySurname[0].id] };
    return { ids: [], suggestions: close.hits.map((s) => ({ id: s.id, name: s.name })) };
  }

  /** The languages the store holds quotes in (cached briefly), plus the first-class ones. */
  async knownLanguages(): Promise<string[]> {
    if (this.languagesCache && Date.now() - this.languagesCache.at < 5_000) return this.languagesCache.langs;
    const result = await this.store.search<QuoteDoc>('quotes', '', { limit: 0, facets: ['lang'] });
    const langs = [...new Set([...SUPPORTED_LANGUAGES, ...Object.keys(result.facetDistribution?.lang ?? {})])].sort();
    this.languagesCache = { at: Date.now(), langs };
    return langs;
  }

  private async assertKnownLanguage(lang: string): Promise<void> {
    const langs = await this.knownLanguages();
    if (!langs.includes(lang)) throw new QueryError('lang', `no quotes in '${lang}'; languages held: ${langs.join(', ')}`);
  }
}

const ISO_639_3: Record<string, string> = { vi: 'vie', id: 'ind', fr: 'fra', en: 'eng' };
