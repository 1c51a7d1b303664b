import { Agent, interceptors, request } from 'undici';
import { MeilisearchApiError } from 'meilisearch';

/**
 * The one way polyquote talks HTTP to Meilisearch: a keep-alive connection pool (undici) shared by the client library
 * (settings, tasks: its fetch is given the pool as dispatcher), the read path (searches and documents by filter:
 * every API request), document writes, and the embedded server's health probes.
 */
const MAX_CONNECTIONS_PER_ORIGIN = 128;
const pool = new Agent({ connections: MAX_CONNECTIONS_PER_ORIGIN });

/**
 * Reads are safe to send again, and so are the documents written by id (the same documents replaced twice, the same ids
 * deleted twice): one the server dropped on a kept-alive connection before answering (closed idle just as the request
 * left) is sent once more, on a fresh connection, rather than failing an API request. A timeout is not
 * retried: a frozen server must not be waited for twice.
 */
const reads = pool.compose(interceptors.retry({ methods: ['POST'], errorCodes: ['ECONNRESET', 'UND_ERR_SOCKET'], statusCodes: [], maxRetries: 1, minTimeout: 0 }));

/**
 * What the client library's fetch is given. A compressed answer comes chunked and, on loopback, ~40 ms late (measured:
 * 44 ms per search against 1.7 ms uncompressed), and fetch asks for gzip unless told otherwise.
 */
export const clientRequestInit = { dispatcher: pool, headers: { 'accept-encoding': 'identity' } };

/** Meilisearch could not be reached, or stopped answering: the request may or may not have been applied. */
export class MeiliTransportError extends Error {
  override name = 'MeiliTransportError';
}

export interface JsonPoster {
  /** The answer parsed. */
  json<T>(path: string, body: object): Promise<T>;
  /** The answer's bytes, for a caller that relays them instead of parsing them. */
  bytes(path: string, body: object): Promise<Buffer>;
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function asTransportError(error: unknown, timeoutMs: number): MeiliTransportError {
  const code = (error as { code?: string }).code;
  if (code && TIMEOUT_CODES.has(code)) return new MeiliTransportError(`Meilisearch timed out after ${timeoutMs} ms`, { cause: error });
  return new MeiliTransportError(`Meilisearch unreachable: ${(error as Error).message}`, { cause: error });
}

/** The bytes of a 2xx answer; any other status throws Meilisearch's own error, read from its body. */
function readAnswer(status: number, answer: Buffer): Buffer {
  if (status >= 200 && status < 300) return answer;
  let parsed: unknown;
  try {
    parsed = answer.length === 0 ? undefined : JSON.parse(answer.toString('utf8'));
  } catch {
    // Not Meilisearch speaking (a proxy's error page): as good as unreachable.
    throw new MeiliTransportError(`Meilisearch answered ${status} with a body that is not JSON`);
  }
  throw new MeilisearchApiError(new Response(null, { status }), parsed as never);
}

export function meiliBaseUrl(host: string): URL {
  const url = new URL(host);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`Meilisearch URL must be http or https, not ${url.protocol}`);
  return url;
}

/**
 * POSTs JSON to Meilisearch (at `host`, which may carry a path prefix: a proxy in front of it) over the pool. No
 * byte for `timeoutMs` ends a request.
 */
export function createJsonPoster({ host, apiKey, timeoutMs }: { host: string; apiKey: string; timeoutMs: number }): JsonPoster {
  const base = meiliBaseUrl(host);
  const prefix = base.pathname.replace(/\/$/, '');
  const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  const post = async (path: string, body: object): Promise<Buffer> => {
    let status: number;
    let answer: Buffer;
    try {
      const response = await reads.request({
        origin: base.origin,
        path: `${prefix}${path}`,
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      status = response.statusCode;
      answer = Buffer.from(await response.body.arrayBuffer());
    } catch (error) {
      throw asTransportError(error, timeoutMs);
    }
    return readAnswer(status, answer);
  };
  return {
    json: async <T>(path: string, body: object) => {
      const answer = await post(path, body);
      return (answer.length ? JSON.parse(answer.toString('utf8')) : undefined) as T;
    },
    bytes: post,
  };
}

/** Whether Meilisearch at `url` says it is healthy within `timeoutMs`. */
export async function isHealthy(url: string, timeoutMs = 1000): Promise<boolean> {
  try {
    const { statusCode, body } = await request(`${url}/health`, {
      dispatcher: pool,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await body.dump();
    return statusCode >= 200 && statusCode < 300;
  } catch {
    return false;
  }
}
