import type { Quote } from '../schemas/quote.ts';
import type { QuotationLd } from '../schemas/jsonld.ts';
import { webUrl, type CitedQuote } from './citation.ts';

/** Where this service serves quotes and speakers; JSON-LD identifies things by these URLs. */
export interface ResourceUrls {
  quote(id: string): string;
  speaker(id: string): string;
}

function quotationRef(version: Pick<Quote, 'id' | 'text' | 'lang'>, urls: ResourceUrls) {
  const url = urls.quote(version.id);
  return { '@type': 'Quotation' as const, '@id': url, url, text: version.text, inLanguage: version.lang };
}

/** A schema.org Quotation: who said it, in which language, where it was published, and what it translates. */
export function quotationJsonLd({ quote, original }: CitedQuote, urls: ResourceUrls): QuotationLd {
  const url = urls.quote(quote.id);
  const person = quote.speaker && {
    '@type': 'Person' as const,
    '@id': urls.speaker(quote.speaker.id),
    name: quote.speaker.name,
    ...(quote.role ? { jobTitle: quote.role } : {}),
  };
  const basedOn = !quote.original && original && original.id !== quote.id ? quotationRef(original, urls) : undefined;
  const articleUrl = webUrl(quote.source.url);
  return {
    '@context': 'https://schema.org',
    '@type': 'Quotation',
    '@id': url,
    url,
    identifier: quote.id,
    text: quote.text,
    inLanguage: quote.lang,
    ...(person ? { spokenByCharacter: person, creator: person } : {}),
    ...(basedOn ? { isBasedOn: basedOn, translationOfWork: basedOn } : {}),
    ...(quote.original && quote.translations.length
      ? { workTranslation: quote.translations.map((t) => quotationRef(t, urls)) }
      : {}),
    citation: {
      '@type': 'NewsArticle',
      identifier: quote.source.articleId,
      ...(quote.source.title ? { headline: quote.source.title } : {}),
      ...(articleUrl ? { url: articleUrl } : {}),
      ...(quote.source.publishedAt ? { datePublished: quote.source.publishedAt } : {}),
      inLanguage: quote.lang,
      ...(quote.source.outlet ? { publisher: { '@type': 'Organization' as const, name: quote.source.outlet } } : {}),
    },
  };
}
