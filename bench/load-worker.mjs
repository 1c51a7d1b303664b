// Load generator for bench/run.ts, in a child process so that it does not share the API's event loop (autocannon run
// inside a worker thread answers in its own internal worker format). Receives one spec over IPC:
// { url, requests: [{ method, path, body?, headers? }], unique, duration, connections, title }, answers the result.
import process from 'node:process';
import autocannon from 'autocannon';

process.once('message', async ({ url, requests, unique, duration, connections, title }) => {
  let n = 0;
  // Unique across runs too: a warm-up and the measured run after it must not send the same paths within the cache's life.
  const run = Math.random().toString(36).slice(2, 10);
  const result = await autocannon({
    url,
    title,
    duration,
    connections,
    pipelining: 1,
    requests: [
      {
        setupRequest(req) {
          const r = requests[n % requests.length];
          n++;
          req.method = r.method;
          // a parameter the API ignores but its response cache keys on: no two requests are the same
          req.path = unique ? `${r.path}${r.path.includes('?') ? '&' : '?'}u=${run}-${n}` : r.path;
          if (r.body !== undefined) req.body = r.body;
          req.headers = { ...(r.headers ?? {}) };
          return req;
        },
      },
    ],
  });
  process.send({
    reqPerSec: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.mean,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }, () => process.exit(0));
});
