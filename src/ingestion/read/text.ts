import type { ArticleInput } from '../types.ts';

export interface TextMetadata {
  publishedAt?: string;
  sourceUrl?: string;
  title?: string;
}

// ` date 2025-09-16 Xem video:` — a line starting (after blanks) with `date`, then an ISO date, maybe a time.
const DATE_LINE = /^[ \t]*date[ \t]*:?[ \t]+(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?))?(?![\d-])/im;
// `Source : <url>`, `Sumber: <url>`, `Nguồn: <url>` (Nguồn precomposed or decomposed), `Nguon:`.
const SOURCE_LINE = /^[ \t]*(?:source|sources|sumber|ngu(?:\u1ED3|\u00F4\u0300|o\u0302\u0300|o)n|quelle|fuente|fonte)[ \t]*:[ \t]*<?(https?:\/\/[^\s<>"]+)/imu;
// `Title: …` / `Titre : …` / `Judul: …` / `Tiêu đề: …` on one of the first lines.
const TITLE_LINE = /^[ \t]*(?:title|titre|judul|ti(?:\u00EA|e\u0302)u \u0111(?:\u1EC1|\u00EA\u0300|e\u0302\u0300))[ \t]*:[ \t]*(\S[^\n]*)$/imu;

/** Where the metadata lines (`date`, `Source :`, `Title:`) stand in the text: they are not the article's own words. */
export function metadataLines(text: string): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  for (const pattern of [DATE_LINE, SOURCE_LINE, TITLE_LINE]) {
    for (const match of text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
      const end = text.indexOf('\n', match.index);
      ranges.push({ start: match.index, end: end < 0 ? text.length : end });
    }
  }
  return ranges;
}

/**
 * Metadata written into a plain-text article: a ` date 2025-09-16` line → publishedAt, a `Source :`/`Sumber:`/
 * `Nguồn:` line with a URL → sourceUrl, a `Title:` line near the top → title. Pure; linear in the text length.
 */
export function textMetadata(text: string): TextMetadata {
  const meta: TextMetadata = {};

  const d = DATE_LINE.exec(text);
  if (d) {
    const [, y, m, day, time] = d;
    if (validDate(+y!, +m!, +day!)) meta.publishedAt = time ? `${y}-${m}-${day}T${time.replace(' ', 'T')}` : `${y}-${m}-${day}`;
  }

  const s = SOURCE_LINE.exec(text);
  if (s) {
    const url = s[1]!.replace(/[)\].,;:!?'"»”>]+$/u, '');
    try {
      const u = new URL(url);
      if ((u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.')) meta.sourceUrl = url;
    } catch {
      // not a URL: nothing
    }
  }

  const head = text.length > 2000 ? text.slice(0, 2000) : text;
  const firstLines = head.split('\n', 3).join('\n');
  const ti = TITLE_LINE.exec(firstLines);
  if (ti) {
    const title = ti[1]!.trim();
    if (title && title.length <= 300) meta.title = title;
  }
  return meta;
}

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A plain-text article: the text verbatim (quote offsets index it) plus the metadata found in it. */
export function readTextArticle(id: string, text: string): ArticleInput {
  const article: ArticleInput = { id, text };
  const meta = textMetadata(text);
  if (meta.publishedAt) article.publishedAt = meta.publishedAt;
  if (meta.sourceUrl) article.sourceUrl = meta.sourceUrl;
  if (meta.title) article.title = meta.title;
  return article;
}
