import type { OEmbed } from '../schemas/oembed.ts';
import { attributionHtml, citationFacts, escapeHtml, type CitedQuote } from './citation.ts';
import type { ResourceUrls } from './jsonld.ts';

const CARD_WIDTH = 560;
const MIN_CARD_WIDTH = 200;
/** Rough text metrics of the card's 16px serif: enough for the host page to reserve space. */
const CHAR_WIDTH_PX = 8;
const LINE_HEIGHT_PX = 24;
const CARD_CHROME_PX = 110;

/** The id in a quote URL of this service (`…/quotes/{id}`, any host), or undefined when the URL is not one. */
export function quoteIdFromUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const match = /\/quotes\/([^/]+)\/?$/.exec(parsed.pathname);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

/** An oEmbed 1.0 rich response: a self-contained quote card, every value escaped. */
export function quoteOEmbed(
  cited: CitedQuote,
  urls: ResourceUrls & { provider: string },
  size: { maxwidth?: number; maxheight?: number },
  cacheAgeSeconds: number,
): OEmbed {
  const facts = citationFacts(cited);
  const quoteUrl = urls.quote(cited.quote.id);
  const width = Math.max(MIN_CARD_WIDTH, Math.min(size.maxwidth ?? CARD_WIDTH, CARD_WIDTH));
  const lines = Math.ceil((facts.text.length * CHAR_WIDTH_PX) / (width - 32)) + 1;
  const wanted = lines * LINE_HEIGHT_PX + CARD_CHROME_PX;
  const height = size.maxheight ? Math.min(wanted, size.maxheight) : wanted;
  const html =
    `<blockquote class="polyquote-embed" lang="${escapeHtml(facts.lang)}" cite="${escapeHtml(quoteUrl)}" ` +
    `style="box-sizing:border-box;margin:0;padding:16px;max-width:${width}px;max-height:${height}px;overflow:auto;` +
    `border-left:4px solid #555;font:16px/1.5 Georgia,serif">` +
    `<p style="margin:0 0 8px">${escapeHtml(facts.text)}</p>` +
    `<footer style="font:14px/1.4 sans-serif">${attributionHtml(facts)} ` +
    `<a href="${escapeHtml(quoteUrl)}">polyquote</a></footer></blockquote>`;
  return {
    version: '1.0',
    type: 'rich',
    html,
    width,
    height,
    title: facts.text.length > 120 ? `${facts.text.slice(0, 119)}…` : facts.text,
    ...(cited.quote.speaker ? { author_name: cited.quote.speaker.name, author_url: urls.speaker(cited.quote.speaker.id) } : {}),
    provider_name: 'polyquote',
    provider_url: urls.provider,
    cache_age: cacheAgeSeconds,
  };
}
