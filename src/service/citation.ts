import type { UnlinkedQuote } from '../schemas/quote.ts';
import type { CitationStyle, CslItem } from '../schemas/citation.ts';

/** A quote to cite, with the version it was translated from when it is a translation. */
export interface CitedQuote {
  quote: UnlinkedQuote;
  original?: UnlinkedQuote;
}

/** Everything a citation states, in display form; the formats below differ only in markup. */
export interface CitationFacts {
  text: string;
  speaker?: string;
  role?: string;
  outlet?: string;
  title?: string;
  /** YYYY-MM-DD */
  date?: string;
  /** the article's URL, only when it is http(s): it becomes a link */
  url?: string;
  lang: string;
  language: string;
  translatedFrom?: { lang: string; language: string };
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** `vi` → `Vietnamese`; anything Intl does not know stays as given. */
export function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Only web links are worth linking to; anything else (javascript:, data:) is dropped. */
export function webUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export function citationFacts({ quote, original }: CitedQuote): CitationFacts {
  const translatedFrom = !quote.original && original && original.lang !== quote.lang ? original.lang : undefined;
  return {
    text: quote.text,
    ...(quote.speaker ? { speaker: quote.speaker.name } : {}),
    ...(quote.role ? { role: quote.role } : {}),
    ...(quote.source.outlet ? { outlet: quote.source.outlet } : {}),
    ...(quote.source.title ? { title: quote.source.title } : {}),
    ...(quote.source.publishedAt ? { date: quote.source.publishedAt.slice(0, 10) } : {}),
    ...(webUrl(quote.source.url) ? { url: webUrl(quote.source.url) } : {}),
    lang: quote.lang,
    language: languageName(quote.lang),
    ...(translatedFrom ? { translatedFrom: { lang: translatedFrom, language: languageName(translatedFrom) } } : {}),
  };
}

const UNKNOWN_SPEAKER = 'unattributed';

/** `Indonesian, translated from Vietnamese` */
export function languageNote(facts: CitationFacts): string {
  return facts.translatedFrom ? `${facts.language}, translated from ${facts.translatedFrom.language}` : facts.language;
}

function attribution(facts: CitationFacts): string {
  return [facts.speaker ?? UNKNOWN_SPEAKER, facts.role].filter(Boolean).join(', ');
}

export function citationText(facts: CitationFacts): string {
  const source = [facts.title && `“${facts.title}”`, facts.outlet, facts.date].filter(Boolean).join(', ');
  return [`“${facts.text}” — ${attribution(facts)}.`, source && `${source}.`, facts.url, `(${languageNote(facts)})`]
    .filter(Boolean)
    .join(' ');
}

/** Backslash-escapes what Markdown would otherwise read as markup, so a quote can never become a link or a heading. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-!|~]/g, '\\$&').replace(/\r?\n/g, ' ');
}

export function citationMarkdown(facts: CitationFacts): string {
  const name = escapeMarkdown(facts.title ?? facts.outlet ?? facts.url ?? 'source');
  // Parentheses and spaces would end a Markdown link target early.
  const linked = facts.url ? `[${name}](${facts.url.replace(/[()\s]/g, encodeURIComponent)})` : name;
  const source = [linked, facts.title && facts.outlet && escapeMarkdown(facts.outlet), facts.date].filter(Boolean).join(', ');
  return [
    `> ${escapeMarkdown(facts.text)}`,
    '>',
    `> — **${escapeMarkdown(attribution(facts))}**. ${source}. *${escapeMarkdown(languageNote(facts))}*`,
  ].join('\n');
}

/** The attribution line shared by the HTML citation and the oEmbed card: every value escaped. */
export function attributionHtml(facts: CitationFacts): string {
  const speaker = `<cite>${escapeHtml(facts.speaker ?? UNKNOWN_SPEAKER)}</cite>${facts.role ? `, ${escapeHtml(facts.role)}` : ''}`;
  const name = escapeHtml(facts.outlet ?? facts.title ?? facts.url ?? 'source');
  const source = facts.url ? `<a href="${escapeHtml(facts.url)}">${name}</a>` : name;
  const date = facts.date ? `, <time datetime="${escapeHtml(facts.date)}">${escapeHtml(facts.date)}</time>` : '';
  return `— ${speaker}. ${source}${date}. <span class="polyquote-language">${escapeHtml(languageNote(facts))}</span>`;
}

export function citationHtml(facts: CitationFacts): string {
  const cite = facts.url ? ` cite="${escapeHtml(facts.url)}"` : '';
  return (
    `<blockquote class="polyquote-citation" lang="${escapeHtml(facts.lang)}"${cite}>` +
    `<p>${escapeHtml(facts.text)}</p><footer>${attributionHtml(facts)}</footer></blockquote>`
  );
}

/** CSL-JSON (what Zotero and citeproc read): the article is the item; the quote and its speaker ride along. */
export function citationCsl(cited: CitedQuote, facts: CitationFacts, quoteUrl: string): CslItem[] {
  const [year, month, day] = (facts.date ?? '').split('-').map(Number);
  return [
    {
      id: cited.quote.id,
      type: 'article-newspaper',
      title: facts.title ?? `Quote by ${facts.speaker ?? UNKNOWN_SPEAKER}`,
      ...(facts.outlet ? { 'container-title': facts.outlet } : {}),
      ...(facts.url ? { URL: facts.url } : {}),
      ...(year ? { issued: { 'date-parts': [[year, month, day].filter(Boolean)] } } : {}),
      language: facts.lang,
      note: citationText(facts),
      custom: {
        quote: facts.text,
        quoteUrl,
        ...(facts.speaker ? { speaker: facts.speaker } : {}),
        ...(facts.role ? { role: facts.role } : {}),
        ...(facts.translatedFrom ? { translatedFrom: facts.translatedFrom.lang } : {}),
        ...(cited.original && facts.translatedFrom ? { originalQuoteId: cited.original.id, originalText: cited.original.text } : {}),
      },
    },
  ];
}

export function formatCitation(cited: CitedQuote, style: CitationStyle, quoteUrl: string): string | CslItem[] {
  const facts = citationFacts(cited);
  switch (style) {
    case 'text':
      return citationText(facts);
    case 'markdown':
      return citationMarkdown(facts);
    case 'html':
      return citationHtml(facts);
    case 'csl-json':
      return citationCsl(cited, facts, quoteUrl);
  }
}
