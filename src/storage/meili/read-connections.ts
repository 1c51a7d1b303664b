import net from 'node:net';
import { asTransportError, exchange, MeiliTransportError, protocolOf, readAnswer, requestOptions } from './http-client.ts';

/**
 * The read path's connections to Meilisearch (searches, documents by filter: every API request): plain keep-alive
 * HTTP/1.1 sockets with one request in flight each, the request written as one string and the answer collected as
 * bytes up to its Content-Length. node:http's client (a request object, agent bookkeeping, parser callbacks, a stream
 * per answer) cost a quarter of the API's CPU per search. What this does not speak — TLS, or an answer framed another
 * way, as a proxy in front of Meilisearch may send — goes through node:http instead.
 */

export interface JsonPoster {
  /** The answer parsed. */
  json<T>(path: string, body: object): Promise<T>;
  /** The answer's bytes, for a caller that relays them instead of parsing them. */
  bytes(path: string, body: object): Promise<Buffer>;
}

interface Answer {
  status: number;
  body: Buffer;
}

/** The reused connection was closed before any of the answer came: Meilisearch dropped it idle, so sending again is safe. */
class StaleConnection extends Error {}

const HEAD_END = Buffer.from('\r\n\r\n');
const MAX_HEAD_BYTES = 16 * 1024;
const MAX_IDLE_CONNECTIONS = 32;
/** Beyond this many open at once, a request waits for one to come free: a burst must not open a socket each. */
const MAX_CONNECTIONS = 128;

class Connection {
  private readonly socket: net.Socket;
  private waiting?: { resolve: (answer: Answer | undefined) => void; reject: (error: Error, dropped: boolean) => void };
  private chunks: Buffer[] = [];
  private received = 0;
  /** Where the body starts and how long it is, once the head is read. */
  private framing?: { bodyStart: number; length: number; keepAlive: boolean; status: number };
  private used = false;
  closed = false;

  constructor(host: string, port: number, timeoutMs: number, private readonly onClosed: () => void) {
    this.socket = net.connect({ host, port });
    this.socket.setNoDelay(true);
    // No byte for this long ends the request (a frozen server must not hang the caller), and idle sockets with it.
    this.socket.setTimeout(timeoutMs, () => this.close(new MeiliTransportError(`Meilisearch timed out after ${timeoutMs} ms`)));
    this.socket.on('data', (chunk: Buffer) => this.receive(chunk));
    this.socket.on('error', (error) => this.close(asTransportError(error), true));
    this.socket.on('close', () => this.close(new MeiliTransportError('Meilisearch closed the connection'), true));
  }

  /** The answer, or undefined when it is not framed by Content-Length (the connection is then closed). */
  send(request: string): Promise<Answer | undefined> {
    const reused = this.used;
    this.used = true;
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject: (error, dropped) => reject(reused && dropped && this.received === 0 ? new StaleConnection(error.message) : error) };
      this.socket.write(request);
    });
  }

  private receive(chunk: Buffer) {
    if (!this.waiting) return this.close(new MeiliTransportError('Meilisearch sent bytes nobody asked for'));
    this.chunks.push(chunk);
    this.received += chunk.length;
    if (!this.framing) {
      const head = this.chunks.length === 1 ? chunk : Buffer.concat(this.chunks);
      this.chunks = [head];
      const end = head.indexOf(HEAD_END);
      if (end === -1) {
        if (this.received > MAX_HEAD_BYTES) this.close(new MeiliTransportError('Meilisearch sent an endless response head'));
        return;
      }
      this.framing = frame(head.toString('latin1', 0, end), end + HEAD_END.length);
      if (!this.framing) return this.finish(undefined);
    }
    const { bodyStart, length, keepAlive, status } = this.framing;
    if (this.received < bodyStart + length) return;
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    if (all.length > bodyStart + length) return this.close(new MeiliTransportError('Meilisearch sent more than the answer'));
    this.finish({ status, body: all.subarray(bodyStart) }, keepAlive);
  }

  private finish(answer: Answer | undefined, keepAlive = false) {
    const waiting = this.waiting!;
    this.waiting = undefined;
    this.chunks = [];
    this.received = 0;
    this.framing = undefined;
    if (!keepAlive) this.close();
    waiting.resolve(answer);
  }

  /** Idle again with nothing pending: ready for the next request. */
  get idle() {
    return !this.closed && !this.waiting;
  }

  /** `dropped`: by the other side or the network, not for a timeout or a malformed answer of its own. */
  close(error?: Error, dropped = false) {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    this.onClosed();
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(error ?? new MeiliTransportError('Meilisearch closed the connection'), dropped);
  }
}

/** Status and body framing from a response head; undefined when the body is not framed by Content-Length. */
function frame(head: string, bodyStart: number): { bodyStart: number; length: number; keepAlive: boolean; status: number } | undefined {
  const status = Number(head.slice(9, 12));
  let length = -1;
  let keepAlive = head.startsWith('HTTP/1.1');
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-length' && /^\d+$/.test(value)) length = Number(value);
    else if (name === 'transfer-encoding') return undefined;
    else if (name === 'connection') keepAlive = value.toLowerCase() !== 'close';
  }
  return Number.isInteger(status) && length >= 0 ? { bodyStart, length, keepAlive, status } : undefined;
}

/**
 * POSTs JSON to Meilisearch with everything but the body prepared once, over the read path's own connections (plain
 * HTTP) or node:http (HTTPS).
 */
export function createJsonPoster({
  host,
  apiKey,
  timeoutMs,
  maxConnections = MAX_CONNECTIONS,
}: {
  host: string;
  apiKey: string;
  timeoutMs: number;
  maxConnections?: number;
}): JsonPoster {
  const base = new URL(host);
  const protocol = protocolOf(base);
  const prefix = base.pathname.replace(/\/$/, '');
  const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  const viaNodeHttp = (path: string, body: string) =>
    exchange({ options: requestOptions(base, 'POST', headers, `${prefix}${path}`), protocol, body, timeoutMs, bytes: true }) as Promise<Buffer>;
  if (protocol !== 'http:') return poster(viaNodeHttp);

  const port = Number(base.port || 80);
  const head = `Host: ${base.host}\r\nAuthorization: Bearer ${apiKey}\r\nContent-Type: application/json\r\n`;
  const idle: Connection[] = [];
  const waiting: Array<() => void> = [];
  let open = 0;
  const closed = () => {
    open--;
    waiting.shift()?.();
  };
  const take = async (fresh: boolean): Promise<Connection> => {
    for (;;) {
      for (let connection; !fresh && (connection = idle.pop()); ) if (connection.idle) return connection;
      if (open < maxConnections) {
        open++;
        return new Connection(base.hostname, port, timeoutMs, closed);
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };
  const send = async (request: string, fresh = false): Promise<Answer | undefined> => {
    const connection = await take(fresh);
    try {
      const answer = await connection.send(request);
      if (answer && connection.idle && idle.length < MAX_IDLE_CONNECTIONS) {
        idle.push(connection);
        waiting.shift()?.();
      } else if (answer) connection.close();
      return answer;
    } catch (error) {
      if (error instanceof StaleConnection) return send(request, true);
      throw error;
    }
  };
  return poster(async (path, body) => {
    const request = `POST ${prefix}${path} HTTP/1.1\r\n${head}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const answer = await send(request);
    // Searches and document fetches only read: an answer this client cannot frame is asked for again through node:http.
    return answer ? (readAnswer(answer.status, answer.body, true) as Buffer) : viaNodeHttp(path, body);
  });
}

/** Both readings of an answer over one transport that yields the bytes of 2xx answers. */
function poster(post: (path: string, body: string) => Promise<Buffer>): JsonPoster {
  return {
    json: async <T>(path: string, body: object) => {
      const answer = await post(path, JSON.stringify(body));
      return (answer.length ? JSON.parse(answer.toString('utf8')) : undefined) as T;
    },
    bytes: (path: string, body: object) => post(path, JSON.stringify(body)),
  };
}
