import t from 'tap';
import net, { type AddressInfo } from 'node:net';
import { MeilisearchApiError } from 'meilisearch';
import { createJsonPoster } from '../../src/storage/meili/read-connections.ts';
import { MeiliTransportError } from '../../src/storage/meili/http-client.ts';

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

const ok = (body: string, extra = '') => `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n${extra}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

t.test('answers over one kept-alive connection, heads and bodies split anywhere', async (t) => {
  const body = JSON.stringify({ hits: [{ text: 'Hội nhập quốc tế « toàn diện »' }] });
  const { url, seen } = await peer(t, (_request, n) => {
    const whole = ok(body);
    const cut = Buffer.from(whole);
    // the first answer byte by byte across the head, the others in two pieces inside the body
    return n === 1 ? [...cut.subarray(0, 40)].map((b) => Buffer.from([b])).concat(cut.subarray(40)) : [cut.subarray(0, cut.length - 5), cut.subarray(cut.length - 5)];
  });
  const post = createJsonPoster({ host: url, apiKey: 'k', timeoutMs: 2_000 });
  for (let k = 0; k < 3; k++) t.same(await post.json('/indexes/x/search', { q: `${k}` }), JSON.parse(body));
  t.same((await post.bytes('/indexes/x/search', { q: 'b' })).toString(), body);
  t.equal(seen.connections, 1, 'one connection for all four');
  t.match(seen.requests[0], /^POST \/indexes\/x\/search HTTP\/1\.1\r\n/);
  t.match(seen.requests[0], /Authorization: Bearer k\r\n/);
  t.match(seen.requests[0], /\r\n\r\n\{"q":"0"\}$/);
});

t.test('a path under the base URL, and concurrent requests on connections of their own', async (t) => {
  const { url, seen } = await peer(t, (request) => [ok(JSON.stringify({ path: request.split(' ')[1] }))]);
  const post = createJsonPoster({ host: `${url}/meili/`, apiKey: 'k', timeoutMs: 2_000 });
  const answers = await Promise.all(Array.from({ length: 5 }, () => post.json<{ path: string }>('/indexes/x/search', {})));
  t.same(new Set(answers.map((a) => a.path)), new Set(['/meili/indexes/x/search']));
  t.equal(seen.connections, 5);
  await post.json('/indexes/x/search', {});
  t.equal(seen.connections, 5, 'the next one reuses an idle connection');
});

t.test("Meilisearch's own errors keep their code", async (t) => {
  const error = JSON.stringify({ message: 'Index `x` not found.', code: 'index_not_found', type: 'invalid_request', link: '' });
  const { url } = await peer(t, () => [`HTTP/1.1 404 Not Found\r\ncontent-length: ${error.length}\r\n\r\n${error}`]);
  const post = createJsonPoster({ host: url, apiKey: 'k', timeoutMs: 2_000 });
  const thrown = await post.json('/indexes/x/search', {}).catch((e: unknown) => e);
  t.ok(thrown instanceof MeilisearchApiError);
  t.equal(((thrown as MeilisearchApiError).cause as { code: string }).code, 'index_not_found');
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
});

t.test('Connection: close is honoured: the next request opens a new connection', async (t) => {
  const { url, seen } = await peer(t, (_request, _n, socket) => {
    setImmediate(() => socket.end());
    return [ok('{}', 'connection: close\r\n')];
  });
  const post = createJsonPoster({ host: url, apiKey: 'k', timeoutMs: 2_000 });
  await post.json('/a', {});
  await post.json('/a', {});
  t.equal(seen.connections, 2);
});

t.test('an answer framed otherwise (chunked, from a proxy) is asked for again through node:http', async (t) => {
  const { url, seen } = await peer(t, () => ['HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n', '7\r\n{"a":1}\r\n', '0\r\n\r\n']);
  const post = createJsonPoster({ host: url, apiKey: 'k', timeoutMs: 2_000 });
  t.same(await post.json('/a', { q: 'x' }), { a: 1 });
  t.equal(seen.requests.length, 2, 'sent twice: reads only');
});

t.test('malformed answers are transport errors: more bytes than framed, an endless head', async (t) => {
  const extra = await peer(t, () => [`${ok('{}')}garbage`]);
  const thrown = await createJsonPoster({ host: extra.url, apiKey: 'k', timeoutMs: 2_000 }).json('/a', {}).catch((e: unknown) => e);
  t.ok(thrown instanceof MeiliTransportError, 'trailing bytes');
  const endless = await peer(t, () => [`HTTP/1.1 200 OK\r\nx: ${'y'.repeat(20_000)}`]);
  const head = await createJsonPoster({ host: endless.url, apiKey: 'k', timeoutMs: 2_000 }).json('/a', {}).catch((e: unknown) => e);
  t.ok(head instanceof MeiliTransportError, 'endless head');
});

t.test('a burst waits for the connections there are, past the limit', async (t) => {
  const { url, seen } = await peer(t, (request, _n, socket) => {
    // answered a little later, so the burst really overlaps
    setTimeout(() => socket.write(ok(JSON.stringify({ echo: request.slice(request.indexOf('\r\n\r\n') + 4) }))), 20);
    return undefined;
  });
  const post = createJsonPoster({ host: url, apiKey: 'k', timeoutMs: 2_000, maxConnections: 2 });
  const answers = await Promise.all(Array.from({ length: 7 }, (_, k) => post.json<{ echo: string }>('/a', { k })));
  t.same(answers.map((a) => JSON.parse(a.echo).k), [0, 1, 2, 3, 4, 5, 6]);
  t.equal(seen.connections, 2);
});
