import t from 'tap';
import { build, TEST_API_KEY } from '../helpers/build.ts';
import { viArticle } from './fixtures.ts';

const NO_STACK = /\bat \S+ \(|\.ts:\d+|node_modules|Meilisearch/;

t.test('writes need the API key: 401 without, 403 with a wrong one, problem+json', async (t) => {
  const { app, auth } = await build(t);
  const post = (headers: Record<string, string>) => app.inject({ method: 'POST', url: '/articles', headers, payload: viArticle });
  const missing = await post({});
  t.equal(missing.statusCode, 401);
  t.match(missing.headers['www-authenticate'], /^Bearer/);
  t.match(missing.headers['content-type'], /^application\/problem\+json/);
  for (const authorization of ['Bearer wrong', `Bearer ${TEST_API_KEY}x`, `Bearer ${TEST_API_KEY.slice(0, -1)}`]) {
    t.equal((await post({ authorization })).statusCode, 403, authorization);
  }
  t.equal((await post({ authorization: `Basic ${TEST_API_KEY}` })).statusCode, 401);
  t.equal((await app.inject({ method: 'DELETE', url: '/articles/vi-trung' })).statusCode, 401);
  t.equal((await post(auth)).statusCode, 200);
  t.equal((await post({ authorization: `bearer ${TEST_API_KEY}` })).statusCode, 200, 'the scheme is case-insensitive');
});

t.test('per-client rate limit: 429 problem+json with x-ratelimit-* and retry-after', async (t) => {
  const { app } = await build(t, { RATE_LIMIT_MAX: 3, RATE_LIMIT_WINDOW_MS: 60_000 });
  for (let i = 1; i <= 3; i++) {
    const ok = await app.inject('/speakers');
    t.equal(ok.statusCode, 200);
    t.equal(ok.headers['x-ratelimit-limit'], '3');
    t.equal(ok.headers['x-ratelimit-remaining'], String(3 - i));
    t.ok(Number(ok.headers['x-ratelimit-reset']) > 0);
  }
  const limited = await app.inject('/speakers');
  t.equal(limited.statusCode, 429);
  t.match(limited.headers['content-type'], /^application\/problem\+json/);
  t.ok(Number(limited.headers['retry-after']) > 0, 'retry-after in seconds');
  t.equal(limited.headers['x-ratelimit-remaining'], '0');
  t.match(limited.json(), { status: 429, title: 'Too Many Requests' });
  t.equal((await app.inject('/speakers')).statusCode, 429, 'cached reads count too');
  t.equal((await app.inject({ url: '/speakers', remoteAddress: '10.0.0.2' })).statusCode, 200, 'another client has its own budget');
  t.equal((await app.inject('/health')).statusCode, 200, 'liveness is never limited');
});

t.test('a body over the limit is a 413 problem over real HTTP, not a reset socket', async (t) => {
  const { app, auth } = await build(t);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const huge = JSON.stringify({ id: 'huge', text: 'a'.repeat(30 * 1024 * 1024) });
  const response = await fetch(`${base}/articles`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: huge });
  t.equal(response.status, 413);
  t.match(response.headers.get('content-type'), /^application\/problem\+json/);
  const body = await response.json();
  t.match(body, { status: 413, title: 'Content Too Large' });
  t.notMatch(JSON.stringify(body), NO_STACK);

  const chunks = new ReadableStream({
    start(controller) {
      for (let i = 0; i < 30; i++) controller.enqueue(new TextEncoder().encode('a'.repeat(1024 * 1024)));
      controller.close();
    },
  });
  const streamed = await fetch(`${base}/articles`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: chunks,
    duplex: 'half',
  } as RequestInit);
  t.equal(streamed.status, 413, 'also without a content-length (chunked)');

  const unauthenticated = await fetch(`${base}/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: huge });
  t.equal(unauthenticated.status, 401, 'refused before reading, still answered');
  t.equal((await fetch(`${base}/health`)).status, 200, 'the server is still up');
});

t.test('CORS for the configured origins only, and security headers', async (t) => {
  const { app } = await build(t, { CORS_ORIGINS: ['https://cms.example'] });
  const preflight = await app.inject({
    method: 'OPTIONS',
    url: '/articles',
    headers: { origin: 'https://cms.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
  });
  t.ok(preflight.statusCode < 300, `preflight ${preflight.statusCode}`);
  t.equal(preflight.headers['access-control-allow-origin'], 'https://cms.example');
  t.match(preflight.headers['access-control-allow-methods'], /POST/);
  const read = await app.inject({ url: '/quotes', headers: { origin: 'https://cms.example' } });
  t.equal(read.headers['access-control-allow-origin'], 'https://cms.example');
  t.match(read.headers['access-control-expose-headers'], /etag/i);
  const foreign = await app.inject({ url: '/quotes', headers: { origin: 'https://evil.example' } });
  t.notOk(foreign.headers['access-control-allow-origin'], 'another origin gets no CORS grant');

  const headers = read.headers;
  t.equal(headers['x-content-type-options'], 'nosniff');
  t.ok(headers['content-security-policy'], 'a content security policy');
  t.ok(headers['strict-transport-security']);
  t.equal(headers['x-frame-options'], 'SAMEORIGIN');
  t.notOk(headers['x-powered-by']);
});

t.test('no stack traces or internals in any error response', async (t) => {
  const { app, auth } = await build(t);
  const requests = [
    { method: 'GET' as const, url: '/nope' },
    { method: 'GET' as const, url: '/quotes?limit=-5&offset=x&from=never' },
    { method: 'POST' as const, url: '/articles', headers: { ...auth, 'content-type': 'application/json' }, payload: '{"id": "x", "text": ' },
    { method: 'POST' as const, url: '/articles', headers: { ...auth, 'content-type': 'text/xml' }, payload: '<a/>' },
    { method: 'POST' as const, url: '/articles', headers: auth, payload: { id: '../../etc/passwd', text: 'x' } },
    { method: 'POST' as const, url: '/articles', headers: auth, payload: { id: 'a', text: 'x', extra: true } },
    { method: 'POST' as const, url: '/articles', headers: auth, payload: [] },
    { method: 'DELETE' as const, url: '/articles/nope', headers: auth },
    { method: 'GET' as const, url: '/quotes/x/citation?style=<script>' },
    { method: 'GET' as const, url: '/oembed?url=%00' },
  ];
  for (const request of requests) {
    const response = await app.inject(request);
    const label = `${request.method} ${request.url}`;
    t.ok(response.statusCode >= 400 && response.statusCode < 500, `${label}: ${response.statusCode}`);
    t.match(response.headers['content-type'], /^application\/problem\+json/, label);
    t.notMatch(response.body, NO_STACK, label);
    t.notMatch(response.body, /<script>/, `${label}: input is not reflected as markup`);
  }
});
