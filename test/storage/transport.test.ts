import t from 'tap';
import net, { type AddressInfo } from 'node:net';
import { MeilisearchApiError } from 'meilisearch';
import { createMeiliClient, StoreUnavailableError, toStoreError } from '../../src/storage/meili/client.ts';
import { createJsonPoster, isHealthy, MeiliTransportError } from '../../src/storage/meili/transport.ts';

/**
 * A scripted HTTP peer over real TCP: each request it reads (up to the end of its body) is answered by `reply`, which
 * returns the raw bytes to send (in pieces, to split heads and bodies anywhere), or undefined to stay silent.
 */
async function peer(t: { teardown(fn: () => unknown): void }, reply: (request: string, n: number, socket: net.Socket) => Array<string | Buffer> | undefined) {
  const seen = { connections: 0, requests: [] as string[] };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    seen.connections++;
    sockets.add(socket);
    let pending = '';
    socket.on('data', (chunk) => {
      pending += chunk.toString('latin1');
      for (;;) {
        const headEnd = pending.indexOf('\r\n\r\n');
        if (headEnd === -1) return;
        const length = Number(/content-length: (\d+)/i.exec(pending.slice(0, headEnd))?.[1] ?? 0);
        if (pending.length < headEnd + 4 + length) return;
        const request = pending.slice(0, headEnd + 4 + length);
        pending = pending.slice(request.length);
        seen.requests.push(request);
        const pieces = reply(request, seen.requests.length, socket);
        for (const piece of pieces ?? []) socket.write(piece);
      }
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => {
    for (const socket of sockets) socket.destroy();
    server.close();
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, server };
}

/** undici frees a connection for the next request a tick after the answer's body ended: sooner, it opens another. */
const tick = () => new Promise((resolve) => setImmediate(resolve));

const ok = (body: string, extra = '') => `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n${extra}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

t.test('answers over one kept-alive connection, heads and bodies split anywhere', async (t) => {
  const body = JSON.stringify({ hits: [{ text: 'Hội nhập quốc tế « toàn diện »' }] });
  const { url, seen } = await peer(t, (_request, n) => {
    const cut = Buffer.from(ok(body));
    // the first answer byte by byte across the head, the others in two pieces inside the body
    return n === 1 ? [...cut.subarray(0, 40)].map((b) => Buffer.from([b])).concat(cut.subarray(40)) : [cut.subarray(0, cut.length - 5), cut.subarray(cut.length - 5)];
  });
  const post = createJsonPoster({ host: url, apiKey: 'k', timeoutMs: 2_000 });
  for (let k = 0; k < 3; k++) {
    t.same(await post.json('/indexes/x/search', { q: `${k}` }), JSON.parse(body));
    await tick();
  }
  t.same((await post.bytes('/indexes/x/search', { q: 'b' })).toString(), body);
  t.equal(seen.connections, 1, 'one connection for all four');
  t.match(seen.requests[0], /^POST \/indexes\/x\/search HTTP\/1\.1\r\n/);
  t.match(seen.requests[0], /authorization: Bearer k\r\n/i);
  t.match(seen.requests[0], /\r\n\r\n\{"q":"0"\}$/);
});

t.test('Meilisearch behind a path prefix, and concurrent requests on connections of their own', async (t) => {
  const { url, seen } = await peer(t, (request, _n, socket) => {
    // answered a little later, so the requests really overlap
    setTimeout(() => socket.write(ok(JSON.stringify({ path: request.split(' ')[1] }))), 20);
    return undefined;
  });
  const post = createJsonPoster({ host: `${url}/meili/`, apiKey: 'k', timeoutMs: 2_000 });
  const answers = await Promise.all(Array.from({ length: 5 }, () => post.json<{ path: string }>('/indexes/x/search', {})));
  t.same(new Set(answers.map((a) => a.path)), new Set(['/meili/indexes/x/search']));
  t.equal(seen.connections, 5);
  await tick();
  await post.json('/indexes/x/search', {});
  t.equal(seen.connections, 5, 'the next one reuses an idle connection');
});

t.test("Meilisearch's own errors keep their code; an error page that is not Meilisearch's is a transport error", async (t) => {
  const error = JSON.stringify({ message: 'Index `x` not found.', code: 'index_not_found', type: 'invalid_request', link: '' });
  const { url } = await peer(t, (request) =>
    request.includes('/proxy') ? ['HTTP/1.1 502 Bad Gateway\r\ncontent-length: 11\r\n\r\nBad Gateway'] : [`HTTP/1.1 404 Not Found\r\ncontent-length: ${error.length}\r\n\r\n${error}`],
  );
  const post = createJsonPoster({ host: url, apiKey: 'k', timeoutMs: 2_000 });
  const thrown = await post.json('/indexes/x/search', {}).catch((e: unknown) => e);
  t.ok(thrown instanceof MeilisearchApiError);
  t.equal(((thrown as MeilisearchApiError).cause as { code: string }).code, 'index_not_found');
  const proxied = await post.json('/proxy', {}).catch((e: unknown) => e);
  t.ok(proxied instanceof MeiliTransportError);
  t.ok(toStoreError(proxied) instanceof StoreUnavailableError, 'answered as 503');
});

t.test('a kept-alive connection the server dropped is replaced, once, without the caller seeing it', async (t) => {
  const { url, seen } = await peer(t, (_request, n, socket) => {
    if (n === 1) return [ok('{"n":1}', 'connection: keep-alive\r\n')];
    if (n === 2) {
      socket.destroy(); // read the request, then went away without a byte
      return undefined;
    }
    return [ok(`{"n":${n}}`)];
  });
  const post = createJsonPoster({ host: url, apiKey: 'k', timeoutMs: 2_000 });
  t.same(await post.json('/a', {}), { n: 1 });
  t.same(await post.json('/a', {}), { n: 3 });
  t.equal(seen.connections, 2);
});

t.test('a connection the server closes while idle is not reused: the next request opens another', async (t) => {
  const { url, seen } = await peer(t, (_request, n, socket) => {
    // as Meilisearch does when its keep-alive runs out
    setTimeout(() => socket.end(), 30);
    return [ok(`{"n":${n}}`)];
  });
  const post = createJsonPoster({ host: url, apiKey: 'k', timeoutMs: 2_000 });
  t.same(await post.json('/a', {}), { n: 1 });
  await new Promise((resolve) => setTimeout(resolve, 200));
  t.same(await post.json('/a', {}), { n: 2 });
  t.equal(seen.connections, 2);
  t.equal(seen.requests.length, 2, 'nothing sent twice');
});

t.test('a server that stops answering times out, and is not asked twice', async (t) => {
  const { url, seen } = await peer(t, (_request, n) => (n === 1 ? [ok('{}')] : undefined));
  const post = createJsonPoster({ host: url, apiKey: 'k', timeoutMs: 300 });
  await post.json('/a', {});
  const thrown = await post.json('/a', {}).catch((e: unknown) => e);
  t.ok(thrown instanceof MeiliTransportError);
  t.match((thrown as Error).message, /timed out/);
  t.equal(seen.requests.length, 2);
});

t.test('nobody listening: a transport error, not a hang', async (t) => {
  const { url, server } = await peer(t, () => []);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const thrown = await createJsonPoster({ host: url, apiKey: 'k', timeoutMs: 2_000 }).json('/a', {}).catch((e: unknown) => e);
  t.ok(thrown instanceof MeiliTransportError);
  t.equal(await isHealthy(url, 500), false);
});

t.test('an answer framed otherwise (chunked, from a proxy) is read as it is', async (t) => {
  const { url, seen } = await peer(t, () => ['HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n', '7\r\n{"a":1}\r\n', '0\r\n\r\n']);
  const post = createJsonPoster({ host: url, apiKey: 'k', timeoutMs: 2_000 });
  t.same(await post.json('/a', { q: 'x' }), { a: 1 });
  t.equal(seen.requests.length, 1);
});

t.test('the client library goes through the same pool, asking for uncompressed answers', async (t) => {
  const { url, seen } = await peer(t, (request) => [ok(request.startsWith('GET /health') ? '{"status":"available"}' : '{"numberOfDocuments":3}')]);
  const client = createMeiliClient({ url, masterKey: 'k', timeoutMs: 2_000 });
  t.equal((await client.index('x').getStats()).numberOfDocuments, 3);
  t.match(seen.requests[0], /^GET \/indexes\/x\/stats HTTP\/1\.1\r\n/);
  // fetch asks for gzip by default, and a compressed answer from Meilisearch comes ~40 ms late
  t.match(seen.requests[0], /accept-encoding: identity\r\n/i);
  await tick();
  await createJsonPoster({ host: url, apiKey: 'k', timeoutMs: 2_000 }).json('/indexes/x/search', {});
  await tick();
  t.equal(await isHealthy(url), true);
  t.equal(seen.requests.length, 3);
  t.equal(seen.connections, 1, 'library, read path and health probe on one kept-alive connection');
});

t.test("the client library's timeout: a frozen server is unavailable, not a hang", async (t) => {
  const { url } = await peer(t, () => undefined);
  const client = createMeiliClient({ url, masterKey: 'k', timeoutMs: 300 });
  const thrown = await client.index('x').getStats().catch((e: unknown) => e);
  t.ok(toStoreError(thrown) instanceof StoreUnavailableError);
});
