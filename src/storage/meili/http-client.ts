import http from 'node:http';
import https from 'node:https';
import { MeilisearchApiError } from 'meilisearch';

/**
 * How polyquote talks HTTP to Meilisearch: node:http with keep-alive, each request written in one piece. Node's fetch
 * writes a POST's headers and body apart, and Meilisearch then answers ~40 ms late (seen on loopback: 38 ms per
 * search against 1.5 ms) — the whole API and every ingestion step paid that on each call.
 */
const AGENTS = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 128 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 128 }),
};

type Protocol = keyof typeof AGENTS;

/** Meilisearch could not be reached, or stopped answering: the request may or may not have been applied. */
export class MeiliTransportError extends Error {
  override name = 'MeiliTransportError';
}

export function protocolOf(url: URL): Protocol {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`Meilisearch URL must be http or https, not ${url.protocol}`);
  return url.protocol;
}

interface Exchange {
  options: http.RequestOptions;
  protocol: Protocol;
  body?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Resolve with the answer's bytes as they came, not parsed (a non-2xx answer is still read as Meilisearch's error). */
  bytes?: boolean;
}

/** One request, its JSON answer; a non-2xx answer rejects with Meilisearch's own error. */
export function exchange({ options, protocol, body, signal, timeoutMs, bytes }: Exchange): Promise<unknown> {
  return new Promise((settleOk, settleError) => {
    const abort = () => {
      request.destroy();
      reject(signal?.reason);
    };
    const release = () => signal?.removeEventListener('abort', abort);
    const resolve = (value: unknown) => {
      release();
      settleOk(value);
    };
    const reject = (error: unknown) => {
      release();
      settleError(error);
    };
    const headers = body === undefined ? options.headers : { ...options.headers, 'content-length': Buffer.byteLength(body) };
    const transport = protocol === 'https:' ? https : http;
    const request = transport.request({ ...options, headers, agent: AGENTS[protocol] }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        try {
          resolve(readAnswer(response.statusCode ?? 500, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks), bytes));
        } catch (error) {
          reject(error);
        }
      });
    });
    if (signal?.aborted) return abort();
    signal?.addEventListener('abort', abort, { once: true });
    // A frozen server must not hang the caller: no byte for this long ends the request.
    if (timeoutMs) request.setTimeout(timeoutMs, () => request.destroy(new MeiliTransportError(`Meilisearch timed out after ${timeoutMs} ms`)));
    request.on('error', (error) => reject(asTransportError(error)));
    request.end(body);
  });
}

export function asTransportError(error: Error): MeiliTransportError {
  return error instanceof MeiliTransportError ? error : new MeiliTransportError(`Meilisearch unreachable: ${error.message}`, { cause: error });
}

/** A 2xx answer parsed (or its bytes, when asked for); any other throws Meilisearch's own error from its body. */
export function readAnswer(status: number, answer: Buffer, bytes = false): unknown {
  const ok = status >= 200 && status < 300;
  if (ok && bytes) return answer;
  const parsed: unknown = answer.length === 0 ? undefined : JSON.parse(answer.toString('utf8'));
  if (ok) return parsed;
  throw new MeilisearchApiError(new Response(null, { status }), parsed as never);
}

export function requestOptions(url: URL, method: string, headers: Record<string, string>, path = `${url.pathname}${url.search}`): http.RequestOptions {
  return { hostname: url.hostname, port: url.port || undefined, path, method, headers };
}

/** The transport handed to the meilisearch client library (settings, writes, tasks). */
export function createHttpClient() {
  return (input: RequestInfo | URL, init: RequestInit = {}): Promise<unknown> => {
    const url = new URL(String(input));
    const headers: Record<string, string> = Object.fromEntries(new Headers(init.headers).entries());
    return exchange({
      options: requestOptions(url, init.method ?? 'GET', headers),
      protocol: protocolOf(url),
      body: typeof init.body === 'string' ? init.body : undefined,
      signal: init.signal ?? undefined,
    });
  };
}
