import { createHash } from 'node:crypto';
import type { UnlinkedQuote } from '../schemas/quote.ts';
import {
  citationCsl,
  citationFacts,
  citationHtml,
  citationMarkdown,
  citationText,
  escapeHtml,
  languageNote,
  type CitationFacts,
  type CitedQuote,
} from './citation.ts';
import { quotationJsonLd, type ResourceUrls } from './jsonld.ts';

/** Where the page links to: this service's resources and its oEmbed endpoint for the quote. */
export interface PageUrls extends ResourceUrls {
  oembed(quoteUrl: string): string;
}

const SITE_NAME = 'polyquote';
const SHORT_TEXT_CHARS = 150;

/**
 * The page's only style, inline; its hash goes into the page's CSP so that nothing else may style, script or load
 * anything. Readable without it; laid out for phones first.
 */
const STYLE = `
:root{color-scheme:light dark;--ink:#1d1d1f;--muted:#5a5a60;--rule:#d7d7dc;--accent:#8a3b12;--paper:#fff;--well:#f5f5f7}
@media (prefers-color-scheme:dark){:root{--ink:#ececf0;--muted:#a4a4ad;--rule:#3a3a40;--accent:#f0a070;--paper:#141416;--well:#1f1f23}}
*{box-sizing:border-box}
body{margin:0;background:var(--paper);color:var(--ink);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
header,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}
header{padding-top:1rem;font-weight:600;letter-spacing:.02em;color:var(--muted)}
a{color:var(--accent)}
figure{margin:1.5rem 0 1rem}
blockquote{margin:0;padding:0 0 0 1rem;border-left:4px solid var(--accent);font:1.35rem/1.5 Georgia,"Noto Serif",serif;overflow-wrap:anywhere}
blockquote p{margin:0}
figcaption{margin-top:.75rem;font-size:1.05rem}
cite{font-style:normal;font-weight:600}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:1rem 0;color:var(--muted)}
dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
h2{font-size:1.05rem;margin:2rem 0 .5rem}
.original blockquote{font-size:1.1rem}
nav ul{list-style:none;margin:0;padding:0}
nav li{padding:.6rem 0;border-top:1px solid var(--rule)}
nav li q{display:block;color:var(--muted);overflow-wrap:anywhere}
.tag{font-size:.8rem;border:1px solid var(--rule);border-radius:.6rem;padding:0 .4rem;margin-left:.4rem;color:var(--muted)}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
textarea{width:100%;font:13px/1.4 ui-monospace,Menlo,Consolas,monospace;background:var(--well);color:var(--ink);border:1px solid var(--rule);border-radius:4px;padding:.5rem;resize:vertical}
footer{margin-top:2.5rem;padding-bottom:2rem;border-top:1px solid var(--rule);color:var(--muted);font-size:.9rem}
@media (min-width:48rem){blockquote{font-size:1.6rem}}
`;

/** Content-Security-Policy of quote pages: no script, no outside resource, only the page's own style. */
export const QUOTE_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** `vi` → `Tiếng Việt`: each language named in itself, as language switchers do. */
function autonym(lang: string): string {
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' }).of(lang) ?? lang;
    return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
  } catch {
    return lang;
  }
}

const shorten = (text: string, chars = SHORT_TEXT_CHARS) => (text.length > chars ? `${text.slice(0, chars - 1).trimEnd()}…` : text);

/** JSON inside <script>: nothing in it can close the element or start markup. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** `2025-09-16` → `2025/09/16`, the date form of Highwire Press `citation_*` tags. */
const citationDate = (date: string) => date.replaceAll('-', '/');

function meta(attribute: 'name' | 'property', key: string, value: string | undefined): string {
  return value ? `<meta ${attribute}="${key}" content="${escapeHtml(value)}">` : '';
}

function sourceLine(facts: Pick<CitationFacts, 'url' | 'title' | 'outlet' | 'date'>): string {
  const name = escapeHtml(facts.title ?? facts.outlet ?? facts.url ?? 'the source article');
  const linked = facts.url ? `<a href="${escapeHtml(facts.url)}" rel="external noopener noreferrer">${name}</a>` : name;
  const outlet = facts.title && facts.outlet ? `, ${escapeHtml(facts.outlet)}` : '';
  const date = facts.date ? `, <time datetime="${escapeHtml(facts.date)}">${escapeHtml(facts.date)}</time>` : '';
  return `${linked}${outlet}${date}`;
}

function attributionLine(quote: UnlinkedQuote): string {
  const speaker = quote.speaker ? `<cite>${escapeHtml(quote.speaker.name)}</cite>` : '<cite>unattributed</cite>';
  return `— ${speaker}${quote.role ? `, ${escapeHtml(quote.role)}` : ''}`;
}

function citationBlock(id: string, label: string, text: string): string {
  const rows = Math.min(12, Math.max(2, text.split('\n').length + Math.floor(text.length / 70)));
  return `<label for="cite-${id}">${label}</label><textarea id="cite-${id}" readonly rows="${rows}">${escapeHtml(text)}</textarea>`;
}

/**
 * The permalink page of a quote: the quote in its language, who said it (with role), outlet, date and source link,
 * the original wording when this is a translation, every language version, and ready-to-copy citations; in the head,
 * oEmbed discovery, schema.org Quotation JSON-LD, Open Graph, Twitter card and `citation_*` tags. Every stored string
 * is escaped; the page needs no script.
 */
export function quotePageHtml(cited: CitedQuote, urls: PageUrls): string {
  const { quote, original } = cited;
  const facts = citationFacts(cited);
  const url = urls.quote(quote.id);
  const speaker = quote.speaker?.name ?? 'Unattributed';
  const title = `“${shorten(quote.text, 90)}” — ${speaker}`;
  const description = [`${speaker}${quote.role ? `, ${quote.role}` : ''}`, facts.outlet, facts.date, languageNote(facts)]
    .filter(Boolean)
    .join(' · ');
  const versions = [{ id: quote.id, lang: quote.lang, text: quote.text, original: quote.original }, ...quote.translations].sort(
    (a, b) => Number(b.original) - Number(a.original) || a.lang.localeCompare(b.lang),
  );
  // One alternate per language, this page for its own, as hreflang wants; the original first.
  const alternates = new Map<string, string>();
  for (const version of versions) if (!alternates.has(version.lang)) alternates.set(version.lang, urls.quote(version.id));
  alternates.set(quote.lang, url);

  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)} | ${SITE_NAME}</title>`,
    meta('name', 'description', description),
    `<link rel="canonical" href="${escapeHtml(url)}">`,
    '<link rel="icon" href="data:,">',
    `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(urls.oembed(url))}" title="${escapeHtml(title)}">`,
    `<link rel="alternate" type="application/json" href="${escapeHtml(url)}">`,
    ...[...alternates].map(([lang, href]) => `<link rel="alternate" hreflang="${escapeHtml(lang)}" href="${escapeHtml(href)}">`),
    meta('property', 'og:type', 'article'),
    meta('property', 'og:site_name', SITE_NAME),
    meta('property', 'og:title', title),
    meta('property', 'og:description', description),
    meta('property', 'og:url', url),
    meta('property', 'article:published_time', facts.date),
    meta('name', 'twitter:card', 'summary'),
    meta('name', 'twitter:title', title),
    meta('name', 'twitter:description', description),
    meta('name', 'citation_title', shorten(quote.text)),
    meta('name', 'citation_author', quote.speaker?.name),
    meta('name', 'citation_publication_date', facts.date && citationDate(facts.date)),
    meta('name', 'citation_publisher', facts.outlet),
    meta('name', 'citation_language', quote.lang),
    meta('name', 'citation_fulltext_html_url', url),
    `<script type="application/ld+json">\n${scriptJson(quotationJsonLd(cited, urls))}\n</script>`,
    `<style>${STYLE}</style>`,
  ].filter(Boolean);

  const originalSection =
    original && facts.translatedFrom
      ? `<section class="original" aria-labelledby="original-heading">
<h2 id="original-heading">Original wording (${escapeHtml(facts.translatedFrom.language)})</h2>
<figure><blockquote lang="${escapeHtml(original.lang)}"><p>${escapeHtml(original.text)}</p></blockquote>
<figcaption>${attributionLine(original)} · ${sourceLine(citationFacts({ quote: original }))} · <a href="${escapeHtml(urls.quote(original.id))}" hreflang="${escapeHtml(original.lang)}">its page</a></figcaption></figure>
</section>`
      : '';

  const languageItems = versions.map((version) => {
    const name = escapeHtml(autonym(version.lang));
    const tag = version.original ? '<span class="tag">original</span>' : '';
    const link =
      version.id === quote.id
        ? `<strong aria-current="page" lang="${escapeHtml(version.lang)}">${name}</strong>`
        : `<a href="${escapeHtml(urls.quote(version.id))}" hreflang="${escapeHtml(version.lang)}" lang="${escapeHtml(version.lang)}">${name}</a>`;
    return `<li>${link}${tag}<q lang="${escapeHtml(version.lang)}">${escapeHtml(shorten(version.text))}</q></li>`;
  });

  const csl = JSON.stringify(citationCsl(cited, facts, url), null, 2);
  const body = `<header>${SITE_NAME}</header>
<main>
<article>
<figure class="quote">
<blockquote lang="${escapeHtml(quote.lang)}"${facts.url ? ` cite="${escapeHtml(facts.url)}"` : ''}><p>${escapeHtml(quote.text)}</p></blockquote>
<figcaption>${attributionLine(quote)}</figcaption>
</figure>
<dl>
<dt>Source</dt><dd>${sourceLine(facts)}</dd>
<dt>Language</dt><dd>${escapeHtml(languageNote(facts))}${quote.original ? ' <span class="tag">original</span>' : ''}</dd>
</dl>
${originalSection}
<nav aria-labelledby="languages-heading">
<h2 id="languages-heading">Languages</h2>
<ul>
${languageItems.join('\n')}
</ul>
</nav>
<section aria-labelledby="cite-heading">
<h2 id="cite-heading">Cite this quote</h2>
${citationBlock('text', 'Text', citationText(facts))}
${citationBlock('markdown', 'Markdown', citationMarkdown(facts))}
${citationBlock('html', 'HTML', citationHtml(facts))}
${citationBlock('csl-json', 'CSL-JSON', csl)}
</section>
</article>
</main>
<footer><p>Quoted by ${SITE_NAME} from the source above. <a href="${escapeHtml(urls.oembed(url))}">oEmbed</a> · <a href="/docs">API</a></p></footer>`;

  return `<!doctype html>
<html lang="en" prefix="og: https://ogp.me/ns# article: https://ogp.me/ns/article#">
<head>
${head.join('\n')}
</head>
<body>
${body}
</body>
</html>
`;
}
