/**
 * A network fault between the API and a REAL Meilisearch: an HTTP relay that forwards every request as is, counts
 * them, and from a chosen request on cuts the line — as when Meilisearch dies at that moment. Two shapes:
 * - `before`: request k never reaches Meilisearch (it died just before);
 * - `after`:  request k is applied by Meilisearch but its answer is lost (it died just after).
 * Every later request is refused until `heal()`. Nothing is simulated on the Meilisearch side.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultProxy {
  url: string;
  /** requests seen so far; `writes`: only those that change something (document additions and deletions, settings) */
  count(kind?: 'all' | 'writes'): number;
  /** cut the line at the `k`-th request (of that kind) from now (1 = the next one) */
  failAt(k: number, shape: 'before' | 'after', kind?: 'all' | 'writes'): void;
  /** whether the line has been cut since the last failAt */
  tripped(): boolean;
  heal(): void;
  close(): Promise<void>;
}

const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'host', 'content-length']);

/** A request that changes the store (reads are GETs and the POSTs of search, fetch and multi-search). */
export function isWrite(method = 'GET', url = '/'): boolean {
  const p = url.split('?')[0];
  if (method === 'GET' || method === 'HEAD') return false;
  if (method === 'POST' && /\/(search|fetch|multi-search|facet-search|similar)$/.test(p)) return false;
  return true;
}

export async function faultProxy(target: string): Promise<FaultProxy> {
  const seen = { all: 0, writes: 0 };
  let cutAt = Infinity;
  let cutKind: 'all' | 'writes' = 'all';
  let shape: 'before' | 'after' = 'before';
  let cut = false;

  const server = http.createServer(async (req, res) => {
    seen.all++;
    if (isWrite(req.method, req.url)) seen.writes++;
    const n = seen[cutKind];
    const counts = cutKind === 'all' || isWrite(req.method, req.url);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (cut || (counts && n >= cutAt && shape === 'before')) {
      cut = true;
      req.socket.destroy();
      return;
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (!HOP.has(k) && typeof v === 'string') headers[k] = v;
    let status: number;
    let body: Buffer;
    let type: string | null;
    try {
      const upstream = await fetch(target + req.url, {
        method: req.method,
        headers,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      });
      status = upstream.status;
      type = upstream.headers.get('content-type');
      body = Buffer.from(await upstream.arrayBuffer());
    } catch {
      req.socket.destroy();
      return;
    }
    if (counts && n >= cutAt) {
      cut = true; // 'after': Meilisearch did it, the answer is lost
      req.socket.destroy();
      return;
    }
    res.writeHead(status, type ? { 'content-type': type } : {});
    res.end(body);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    count: (kind = 'all') => seen[kind],
    failAt(k, s, kind = 'all') {
      cutKind = kind;
      cutAt = seen[kind] + k;
      shape = s;
      cut = false;
    },
    tripped: () => cut,
    heal() {
      cutAt = Infinity;
      cut = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
