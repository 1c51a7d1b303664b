import { createHash } from 'node:crypto';
import fp from 'fastify-plugin';
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
}

interface CachedResponse {
  body: string;
  etag: string;
  headers: Record<string, string>;
  storedAt: number;
}

/** The response headers a cached read must carry again: the handler does not run on a hit. */
const REPLAYED_HEADERS = ['content-type', 'vary'];
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A least-recently-used store of read responses. `generation` moves on every write, so a read that started before a
 * write finished can never store what it read.
 */
export class ResponseCache {
  generation = 0;
  readonly stats = { hits: 0, misses: 0, stores: 0, invalidations: 0 };
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;

  constructor(private readonly options: CacheOptions) {}

  get size() {
    return this.entries.size;
  }

  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.delete(key);
    // Writes from another process (the index CLI) never reach this cache: age bounds how stale it can be.
    if (Date.now() - entry.storedAt > this.options.maxAgeSeconds * 1000) return undefined;
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    return entry;
  }

  set(key: string, entry: CachedResponse, generation: number): void {
    if (generation !== this.generation || entry.body.length > this.options.maxBytes / 10) return;
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    this.stats.stores++;
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.options.maxEntries && this.bytes <= this.options.maxBytes) break;
      this.delete(oldest);
    }
  }

  /** Forgets everything and stops in-flight reads from storing. */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
    this.bytes = 0;
    this.stats.invalidations++;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.body.length;
  }
}

/** Weak: equal bodies are equal representations, whatever the transfer encoding. */
export function weakEtag(body: string | Buffer): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

interface ReadState {
  key: string;
  generation: number;
  hit: boolean;
}

/**
 * ETags, Cache-Control and 304s on the routes marked `config: { cache: true }`, and an in-process LRU of their
 * responses, invalidated by every write request.
 */
export default fp<CacheOptions>(async (app, options) => {
  const cache = new ResponseCache(options);
  const reads = new WeakMap<FastifyRequest, ReadState>();
  app.decorate('responseCache', cache);

  const cacheable = (request: FastifyRequest) => request.routeOptions.config?.cache === true && (request.method === 'GET' || request.method === 'HEAD');

  app.addHook('onRequest', async (request) => {
    // Reads in flight while a write runs may see half of it: they must not be stored.
    if (WRITE_METHODS.has(request.method)) cache.generation++;
  });

  // After onRequest, where the rate limit runs: a cached answer still counts against the client.
  app.addHook('preHandler', async (request, reply) => {
    if (!cacheable(request)) return;
    const key = `${request.host}\n${request.url}\n${request.headers.accept ?? ''}`;
    reads.set(request, { key, generation: cache.generation, hit: false });
    if (request.method !== 'GET') return;
    const entry = cache.get(key);
    if (!entry) {
      cache.stats.misses++;
      return;
    }
    cache.stats.hits++;
    reads.set(request, { key, generation: cache.generation, hit: true });
    reply.headers(entry.headers).header('etag', entry.etag);
    return reply.send(entry.body);
  });

  app.addHook('onSend', async (request, reply: FastifyReply, payload) => {
    const read = reads.get(request);
    if (!read || reply.statusCode !== 200 || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return payload;
    const body = payload.toString();
    const etag = read.hit ? String(reply.getHeader('etag')) : weakEtag(body);
    reply.header('etag', etag).header('cache-control', `public, max-age=${options.maxAgeSeconds}`).header('x-cache', read.hit ? 'HIT' : 'MISS');
    if (!read.hit && request.method === 'GET') {
      const headers = Object.fromEntries(REPLAYED_HEADERS.flatMap((name) => (reply.hasHeader(name) ? [[name, String(reply.getHeader(name))]] : [])));
      cache.set(read.key, { body, etag, headers, storedAt: Date.now() }, read.generation);
    }
    if (etagMatches(request.headers['if-none-match'], etag)) {
      reply.code(304).removeHeader('content-type').removeHeader('content-length');
      return '';
    }
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    // A write refused before it touched the store (bad request, auth, size, rate) changes nothing.
    if (WRITE_METHODS.has(request.method) && (reply.statusCode < 400 || reply.statusCode >= 500)) cache.invalidate();
  });
});
