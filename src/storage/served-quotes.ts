/**
 * Pages of quotes cut straight out of Meilisearch's answer. Every quote document carries the quote as the API serves
 * it (QuoteDoc.quote), so a page-mode search asking for that field alone answers
 * `{"hits":[{"quote":{…}},{"quote":{…}}],"query":…,"hitsPerPage":20,"page":1,"totalPages":…,"totalHits":…}` and the
 * page is those objects' bytes, copied out. Parsing the ~30 KB answer and encoding the page again was most of the
 * API's own CPU time per uncached search.
 *
 * Why searching bytes is exact here: inside a JSON string every `"` is escaped, so a sequence holding an unescaped `"`
 * can only be structure. `{"quote":` begins a hit (a served quote has no key of that name) and `],"query":` ends the
 * hits (Meilisearch writes `query` right after them). An answer of any other shape, or with a hit lacking the field
 * (a document written before it existed), is refused: the caller then renders the page from the documents.
 */
export const SERVED_QUOTE_FIELD = 'quote';

const ANSWER_START = Buffer.from('{"hits":[');
const HIT_START = Buffer.from(`{"${SERVED_QUOTE_FIELD}":`);
const HITS_END = Buffer.from('],"query":');
const LANG_KEY = Buffer.from('"lang":"');
const QUOTE_MARK = 0x22;
const MARKED_FALLBACK_END = Buffer.from(',"fallback":true}');

export interface ServedQuotes {
  /** Each quote's JSON, as stored. */
  quotes: Buffer[];
  /** The exact number of matches (page mode counts exhaustively). */
  total: number;
}

interface PageMeta {
  hitsPerPage: number;
  page: number;
  totalHits: number;
}

/** The served quotes of a page-mode search answer for `[SERVED_QUOTE_FIELD]`, or undefined when it cannot be cut. */
export function servedQuotes(answer: Buffer): ServedQuotes | undefined {
  if (!holdsAt(answer, ANSWER_START, 0)) return undefined;
  const hitsEnd = answer.indexOf(HITS_END, ANSWER_START.length);
  if (hitsEnd === -1) return undefined;
  const meta = pageMeta(answer.toString('utf8', hitsEnd + 2));
  if (!meta) return undefined;

  const quotes: Buffer[] = [];
  for (let start = ANSWER_START.length; start < hitsEnd; ) {
    if (!holdsAt(answer, HIT_START, start)) return undefined;
    const next = answer.indexOf(HIT_START, start + HIT_START.length);
    // the `,` before the next hit, or the `]` after the last; the byte before it closes the hit
    const separator = next === -1 || next > hitsEnd ? hitsEnd : next - 1;
    quotes.push(answer.subarray(start + HIT_START.length, separator - 1));
    start = separator + 1;
  }
  // A hit without the field holds no HIT_START: the last one would hide inside its neighbour's bytes, but not from the count.
  const expected = Math.max(0, Math.min(meta.hitsPerPage, meta.totalHits - (meta.page - 1) * meta.hitsPerPage));
  return quotes.length === expected ? { quotes, total: meta.totalHits } : undefined;
}

const holdsAt = (bytes: Buffer, part: Buffer, at: number) => bytes.subarray(at, at + part.length).equals(part);

/** The fields after the hits (`"query":…}`): the page's size, number and the exact total. */
function pageMeta(rest: string): PageMeta | undefined {
  try {
    const { hitsPerPage, page, totalHits } = JSON.parse(`{${rest}`) as Partial<PageMeta>;
    return typeof hitsPerPage === 'number' && typeof page === 'number' && typeof totalHits === 'number' ? { hitsPerPage, page, totalHits } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A served quote as returned for `requestedLang`: its bytes, and the `fallback` mark when it is an original standing
 * in for a version missing in that language. Its first `"lang"` key is its own: it precedes the nested objects.
 */
export function servedFor(quote: Buffer, requestedLang: string | undefined): Buffer[] {
  if (!requestedLang) return [quote];
  const at = quote.indexOf(LANG_KEY);
  if (at === -1) return [quote];
  const from = at + LANG_KEY.length;
  const lang = quote.toString('utf8', from, quote.indexOf(QUOTE_MARK, from));
  return lang === requestedLang ? [quote] : [quote.subarray(0, -1), MARKED_FALLBACK_END];
}
