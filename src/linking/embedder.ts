/**
 * An optional similarity signal from an OpenAI-compatible embedding service (`POST {url}/v1/embeddings`,
 * `{model, input: string[]}` → `{data: [{embedding, index}]}`). It only ever adds links between quotes of one speaker
 * in different languages; when the service fails, is slow or answers nonsense, ingestion goes on with the default
 * linker's links alone.
 */
import { LRUCache } from 'lru-cache';
import { ownAttribution, type ArticleDoc, type QuoteDoc } from '../storage/documents.ts';
import type { LinkEdge } from './types.ts';

export interface EmbedderLogger {
  warn(obj: object, msg: string): void;
}

export interface EmbedderOptions {
  /** Base URL of the service; `/v1/embeddings` is appended. */
  url: string;
  model: string;
  apiKey?: string;
  /** Cosine similarity from which two quotes are the same statement. */
  minSimilarity?: number;
  /** Whole request, connection to last byte. */
  timeoutMs?: number;
  logger: EmbedderLogger;
  /** Embeddings kept in memory, by quote id (the id holds a digest of the text). */
  cacheSize?: number;
  /** After a failure the service is left alone this long, so a dead embedder does not cost a timeout per article. */
  cooldownMs?: number;
}

export type ExtraEdges = (article: ArticleDoc, quotes: QuoteDoc[], candidates: QuoteDoc[]) => Promise<LinkEdge[]>;

/** Inputs per request: the OpenAI API takes at most 2,048. */
const MAX_BATCH = 2048;
/** Characters of a quote sent: a quote longer than this is the same statement whatever follows. */
const MAX_CHARS = 4000;

export function createEmbedderEdges(options: EmbedderOptions): ExtraEdges {
  const { model, apiKey, logger } = options;
  const minSimilarity = options.minSimilarity ?? 0.85;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const cooldownMs = options.cooldownMs ?? 30_000;
  const endpoint = `${options.url.replace(/\/+$/, '')}/v1/embeddings`;
  const cache = new LRUCache<string, Float64Array>({ max: options.cacheSize ?? 10_000 });
  let pausedUntil = 0;

  async function embed(texts: string[]): Promise<Float64Array[]> {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
      body: JSON.stringify({ model, input: texts.map((text) => text.slice(0, MAX_CHARS)) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`embedder answered ${response.status}`);
    return parseEmbeddings(await response.json(), texts.length);
  }

  return async function extraEdges(_article, quotes, candidates) {
    // Only quotes that have a counterpart of the same speaker in another language are worth embedding.
    // Own attributions, never speakers lent by a cluster: those depend on what arrived before.
    const speakerOf = (q: QuoteDoc) => ownAttribution(q).speakerId;
    const pairs = new Map<QuoteDoc, QuoteDoc[]>();
    for (const quote of quotes) {
      if (!speakerOf(quote)) continue;
      const others = candidates.filter((c) => speakerOf(c) === speakerOf(quote) && c.lang !== quote.lang && c.articleId !== quote.articleId);
      if (others.length) pairs.set(quote, others);
    }
    if (!pairs.size || Date.now() < pausedUntil) return [];

    const involved = new Map<string, QuoteDoc>();
    for (const [quote, others] of pairs) for (const q of [quote, ...others]) involved.set(q.id, q);
    const vectors = new Map<string, Float64Array>();
    const missing: QuoteDoc[] = [];
    for (const q of involved.values()) {
      const cached = cache.get(q.id);
      if (cached) vectors.set(q.id, cached);
      else missing.push(q);
    }
    try {
      for (let start = 0; start < missing.length; start += MAX_BATCH) {
        const batch = missing.slice(start, start + MAX_BATCH);
        const embedded = await embed(batch.map((q) => q.text));
        batch.forEach((q, i) => {
          vectors.set(q.id, embedded[i]);
          cache.set(q.id, embedded[i]);
        });
      }
    } catch (error) {
      pausedUntil = Date.now() + cooldownMs;
      logger.warn({ err: error, endpoint, quotes: missing.length, cooldownMs }, 'embedder unavailable: linking without it');
      return [];
    }

    const edges: LinkEdge[] = [];
    for (const [quote, others] of pairs) {
      const best = new Map<string, LinkEdge>();
      for (const other of others) {
        const similarity = cosine(vectors.get(quote.id)!, vectors.get(other.id)!);
        if (similarity < minSimilarity) continue;
        const current = best.get(other.articleId);
        if (!current || similarity > current.confidence || (similarity === current.confidence && other.id < current.to)) {
          best.set(other.articleId, { from: quote.id, to: other.id, confidence: Math.round(Math.min(1, similarity) * 1000) / 1000 });
        }
      }
      edges.push(...best.values());
    }
    return edges;
  };
}

/** The vectors in input order; anything short of one finite vector per input, all of one size, is an error. */
function parseEmbeddings(body: unknown, count: number): Float64Array[] {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data) || data.length !== count) throw new Error(`embedder returned ${Array.isArray(data) ? data.length : 'no'} embeddings for ${count} inputs`);
  const vectors: Float64Array[] = new Array(count);
  let size: number | undefined;
  data.forEach((item: { embedding?: unknown; index?: unknown }, position) => {
    const index = typeof item?.index === 'number' ? item.index : position;
    const embedding = item?.embedding;
    if (!Number.isInteger(index) || index < 0 || index >= count || vectors[index]) throw new Error(`embedder returned a bad index ${String(index)}`);
    if (!Array.isArray(embedding) || !embedding.length || !embedding.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      throw new Error('embedder returned an embedding that is not a list of numbers');
    }
    if (size !== undefined && embedding.length !== size) throw new Error('embedder returned embeddings of different sizes');
    size = embedding.length;
    vectors[index] = Float64Array.from(embedding as number[]);
  });
  return vectors;
}

export function cosine(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
