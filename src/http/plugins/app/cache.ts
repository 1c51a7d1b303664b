import { hash } from 'node:crypto';
import fp from 'fastify-plugin';
import { LRUCache } from 'lru-cache';
import type { FastifyReply, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A GET route whose 200 responses get an ETag, Cache-Control and the in-process response cache. */
    cache?: boolean;
  }
  interface FastifyInstance {
    responseCache: ResponseCache;
  }
}

export interface CacheOptions {
  /** Cache-Control max-age of cached reads, and how long the process keeps them at most. */
  maxAgeSeconds: number;
  maxEntries: number;
  maxBytes: number;
  /** The version of the data behind the responses (the store's write generation): an entry of another is stale. */
  version: () => number;
}

interface CachedResponse {
  /** UTF-8, encoded once: hashed, counted, stored and sent as is. */
  body: Buffer;
  etag: string;
  headers: Record<string, string>;
  /** The data version when the read that produced it began. */
  version: number;
}

/** The response headers a cached read must carry again: the handler does not run on a hit. */
const REPLAYED_HEADERS = ['content-type', 'vary', 'link', 'content-security-policy'];

/**
 * The least recently used read responses, each valid for the data version it was read at. The version moves when a
 * write starts and when it ends, so a read that overlapped a write is never stored.
 *
 * A response is kept the second time its request comes within an entry's life, not the first: requests made once
 * (most of a crawler's, every one-off query) then neither push out the answers asked for again nor load the garbage
 * collector with answers nobody reads twice. Measured at 100k stored, keeping every answer cost the API about 0.4 ms
 * of CPU per one-off read, a third of its own work on such a read.
 */
export class ResponseCache {
  readonly stats = { hits: 0, misses: 0, stores: 0 };
  private readonly entries: LRUCache<string, CachedResponse>;
  /** Requests answered once and not kept yet (their keys only). */
  private readonly askedOnce: LRUCache<string, true>;
  private readonly maxEntryBytes: number;

  constructor(private readonly options: CacheOptions) {
    // One answer may take a tenth of the budget at most, so that a few huge pages cannot push out every other read.
    this.maxEntryBytes = options.maxBytes / 10;
    this.entries = new LRUCache({
      max: options.maxEntries,
      maxSize: options.maxBytes,
      sizeCalculation: (entry) => Math.max(1, entry.body.length),
      ttl: options.maxAgeSeconds * 1000,
    });
    this.askedOnce = new LRUCache({ max: 10 * options.maxEntries, ttl: options.maxAgeSeconds * 1000 });
  }

  get size() {
    return this.entries.size;
  }

  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.version === this.options.version()) return entry;
    this.entries.delete(key);
    return undefined;
  }

  /** Keeps the response `answer` gives, if its request came before (`read` is when it began, `size` its bytes). */
  offer(key: string, read: { version: number; size: number }, answer: () => CachedResponse): void {
    if (read.version !== this.options.version() || read.size > this.maxEntryBytes) return;
    if (!this.askedOnce.delete(key)) {
      this.askedOnce.set(key, true);
      return;
    }
    this.entries.set(key, answer());
    this.stats.stores++;
  }
}

/** Weak: equal bodies are equal representations, whatever the transfer encoding. */
export function weakEtag(body: string | Buffer): string {
  return `W/"${hash('sha256', body, 'base64url').slice(0, 27)}"`;
}

function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

interface ReadState {
  key: string;
  version: number;
  hit: boolean;
}

/**
 * ETags, Cache-Control and 304s on the routes marked `config: { cache: true }`, and an in-process LRU of their
 * responses, dropped by every write to the store.
 */
export default fp<CacheOptions>(async (app, options) => {
  const cache = new ResponseCache(options);
  const reads = new WeakMap<FastifyRequest, ReadState>();
  app.decorate('responseCache', cache);

  const cacheable = (request: FastifyRequest) => request.routeOptions.config?.cache === true && (request.method === 'GET' || request.method === 'HEAD');

  // After onRequest, where the rate limit runs: a cached answer still counts against the client. Callback hooks, not
  // async ones: they run on every read and most have nothing to wait for.
  app.addHook('preHandler', (request, reply, done) => {
    if (!cacheable(request)) return done();
    const key = `${request.host}\n${request.url}\n${request.headers.accept ?? ''}`;
    const version = options.version();
    reads.set(request, { key, version, hit: false });
    const entry = request.method === 'GET' ? cache.get(key) : undefined;
    if (!entry) {
      if (request.method === 'GET') cache.stats.misses++;
      return done();
    }
    cache.stats.hits++;
    reads.set(request, { key, version, hit: true });
    reply.headers(entry.headers).header('etag', entry.etag);
    reply.send(entry.body);
  });

  app.addHook('onSend', (request, reply: FastifyReply, payload, done) => done(null, withValidators(request, reply, payload)));

  function withValidators(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const read = reads.get(request);
    if (!read || reply.statusCode !== 200 || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const etag = read.hit ? String(reply.getHeader('etag')) : weakEtag(body);
    reply.header('etag', etag).header('cache-control', `public, max-age=${options.maxAgeSeconds}`).header('x-cache', read.hit ? 'HIT' : 'MISS');
    if (!read.hit && request.method === 'GET') {
      cache.offer(read.key, { version: read.version, size: body.length }, () => ({
        body,
        etag,
        headers: Object.fromEntries(REPLAYED_HEADERS.flatMap((name) => (reply.hasHeader(name) ? [[name, String(reply.getHeader(name))]] : []))),
        version: read.version,
      }));
    }
    if (etagMatches(request.headers['if-none-match'], etag)) {
      reply.code(304).removeHeader('content-type').removeHeader('content-length');
      return '';
    }
    return body;
  }
});
