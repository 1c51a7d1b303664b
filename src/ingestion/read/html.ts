import { createRequire } from 'node:module';
import { Readability } from '@mozilla/readability';
import type { ArticleInput } from '../types.ts';
import { textMetadata } from './text.ts';

// linkedom's CommonJS build, the same code as its ES one: one module for the ES loader (and tsx's hooks) to go through
// instead of two hundred, a tenth of a second off reading the first HTML page (every start that loads the samples).
const { parseHTML } = createRequire(import.meta.url)('linkedom') as typeof import('linkedom');

// Minimal DOM shapes (linkedom's documents; the project compiles without the DOM lib).
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  querySelector(sel: string): DomElement | null;
  querySelectorAll(sel: string): ArrayLike<DomElement>;
  remove(): void;
}
interface DomDocument {
  documentElement: DomElement | null;
  body: DomElement | null;
  title: string;
  querySelector(sel: string): DomElement | null;
  querySelectorAll(sel: string): ArrayLike<DomElement>;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS', 'HEAD', 'BUTTON', 'FORM', 'SELECT']);
const BLOCK = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'ASIDE', 'HEADER', 'FOOTER', 'NAV', 'BLOCKQUOTE', 'PRE', 'UL', 'OL', 'LI',
  'DL', 'DT', 'DD', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'TR', 'FIGURE', 'FIGCAPTION', 'HR', 'ADDRESS',
  'DETAILS', 'SUMMARY', 'CAPTION', 'TBODY', 'THEAD', 'TFOOT',
]);

/** Visible text of an element tree: one paragraph per block element, paragraphs separated by a blank line. */
export function blockText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const p = current.replace(/[ \t\f\v\r\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      current += (node.textContent ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === 'BR') {
      current += '\n';
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    if (tag === 'TD' || tag === 'TH') current += ' ';
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i]!);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

function meta(doc: DomDocument, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"]`) ?? doc.querySelector(`meta[name="${key}"]`) ?? doc.querySelector(`meta[itemprop="${key}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return undefined;
}

function httpUrl(v: string | null | undefined): string | undefined {
  if (!v) return undefined;
  try {
    const u = new URL(v.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function isoDate(v: string | null | undefined): string | undefined {
  if (!v) return undefined;
  const s = v.trim();
  if (!/^\d{4}-\d{2}-\d{2}/.test(s) || Number.isNaN(Date.parse(s))) return undefined;
  return s;
}

/** `fr-FR` → `fr`; anything that is not a language tag → undefined. */
function langHint(v: string | null | undefined): string | undefined {
  const m = /^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$/.exec(v ?? '');
  return m ? m[1]!.toLowerCase() : undefined;
}

/**
 * An HTML page → article: Readability picks the article body (scripts, styles, navigation and the like never end up
 * in the text), metadata comes from the page head (og:/article: tags, canonical link, <time>, <html lang>).
 */
export function readHtmlArticle(id: string, html: string): ArticleInput {
  // linkedom needs a whole document (a bare fragment has no documentElement)
  if (!/<html[\s>]/i.test(html)) html = `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(html) as unknown as { document: DomDocument };
  const doc = document;
  let docTitle: string | undefined;
  try {
    docTitle = doc.title?.trim() || undefined;
  } catch {
    docTitle = undefined;
  }

  // metadata first: Readability mutates the document
  const ogTitle = meta(doc, 'og:title', 'twitter:title');
  const url = httpUrl(meta(doc, 'og:url')) ?? httpUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'));
  const publishedAt =
    isoDate(meta(doc, 'article:published_time', 'og:article:published_time', 'datePublished', 'date', 'pubdate', 'DC.date.issued')) ??
    isoDate(doc.querySelector('time[datetime]')?.getAttribute('datetime'));
  const outlet = meta(doc, 'og:site_name', 'application-name');
  const lang = langHint(doc.documentElement?.getAttribute('lang')) ?? langHint(meta(doc, 'og:locale', 'language'));

  for (const sel of ['script', 'style', 'noscript', 'template']) {
    const els = doc.querySelectorAll(sel);
    for (let i = els.length - 1; i >= 0; i--) els[i]!.remove();
  }

  let text = '';
  let readTitle: string | undefined;
  try {
    const parsed = new Readability(doc as never, { charThreshold: 200 }).parse();
    if (parsed?.content) {
      const { document: frag } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`) as unknown as {
        document: DomDocument;
      };
      text = frag.body ? blockText(frag.body) : '';
      readTitle = parsed.title?.trim() || undefined;
    }
  } catch {
    // Readability gave up: fall back to the whole body below
  }
  if (!text) {
    const { document: again } = parseHTML(html) as unknown as { document: DomDocument };
    text = again.body ? blockText(again.body) : '';
  }

  const article: ArticleInput = { id, text };
  const t = ogTitle ?? readTitle ?? docTitle;
  if (t) article.title = t;
  if (url) article.url = url;
  if (publishedAt) article.publishedAt = publishedAt;
  if (outlet) article.outlet = outlet;
  if (lang) article.lang = lang;
  const fromText = textMetadata(text);
  if (fromText.sourceUrl) article.sourceUrl = fromText.sourceUrl;
  if (!article.publishedAt && fromText.publishedAt) article.publishedAt = fromText.publishedAt;
  return article;
}
