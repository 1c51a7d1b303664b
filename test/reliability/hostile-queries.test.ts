/**
 * Hostile query strings: filter-injection attempts through every parameter that reaches a Meilisearch filter, and
 * 10,000 randomized query strings. Never a 5xx, and never a result outside what was asked: `lang=fr` only returns fr,
 * `speaker=X` only X's quotes, `articleId=A` only A's, dates within [from, to], at most `limit` items.
 */
import t from 'tap';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { build } from '../helpers/build.ts';
import type { QueryService } from '../../src/service/queries.ts';
import { AUTH } from './app.ts';
import { LANGS, SPEAKERS, story } from './fixtures.ts';
import { encodable, INJECTIONS } from '../helpers/hostile.ts';

type Test = Parameters<Extract<Parameters<typeof t.test>[0], (...args: never[]) => unknown>>[0];
interface QuoteOut {
  id: string;
  lang: string;
  original: boolean;
  fallback?: boolean;
  speaker: { id: string; name: string } | null;
  source: { articleId: string; publishedAt?: string };
}
type Params = Partial<Record<'speaker' | 'lang' | 'q' | 'articleId' | 'from' | 'to' | 'limit' | 'offset' | 'fallback', string>>;

function query(params: Params): string {
  const usp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) usp.append(k, v);
  return `/quotes?${usp.toString()}`;
}

/** What every answer must satisfy; returns the violations. */
async function violations(app: FastifyInstance, queries: QueryService, params: Params, speakerIds: Map<string, Set<string>>, seen?: { status: number; items: number }): Promise<string[]> {
  const res = await app.inject(query(params));
  const out: string[] = [];
  if (seen) Object.assign(seen, { status: res.statusCode, items: 0 });
  if (res.statusCode >= 500) return [`${res.statusCode} for ${JSON.stringify(params).slice(0, 300)}: ${res.body.slice(0, 200)}`];
  if (res.statusCode !== 200) {
    if (!/^application\/problem\+json/.test(String(res.headers['content-type']))) out.push(`${res.statusCode} without problem+json`);
    return out;
  }
  const body = res.json() as { data: QuoteOut[]; total: number; limit: number };
  if (seen) seen.items = body.data.length;
  const where = JSON.stringify(params).slice(0, 200);
  const limit = params.limit === undefined ? 20 : Number(params.limit);
  if (body.data.length > limit) out.push(`${body.data.length} items for limit ${limit}: ${where}`);
  const fallback = params.fallback === 'true' || params.fallback === '1';
  let allowed: Set<string> | undefined;
  if (params.speaker !== undefined && body.data.length) {
    const key = params.speaker.trim();
    if (!speakerIds.has(key)) speakerIds.set(key, new Set((await queries.resolveSpeaker(key)).ids));
    allowed = speakerIds.get(key)!;
  }
  for (const q of body.data) {
    if (params.lang !== undefined && q.lang !== params.lang && !(fallback && q.fallback && q.original)) out.push(`lang ${q.lang} for lang=${params.lang}: ${where}`);
    if (params.lang === undefined && q.fallback) out.push(`a fallback without lang: ${where}`);
    if (params.articleId !== undefined && q.source.articleId !== params.articleId) out.push(`article ${q.source.articleId} for articleId=${params.articleId.slice(0, 40)}`);
    if (allowed && (!q.speaker || !allowed.has(q.speaker.id))) out.push(`speaker ${q.speaker?.id} for speaker=${params.speaker!.slice(0, 40)} (resolves to ${[...allowed]})`);
    const day = q.source.publishedAt?.slice(0, 10);
    if (params.from !== undefined && !(day && day >= params.from)) out.push(`published ${day} before from=${params.from}`);
    if (params.to !== undefined && !(day && day <= params.to)) out.push(`published ${day} after to=${params.to}`);
  }
  return out;
}

t.test('hostile queries', async (t) => {
  // the 10,000 random queries must not run into the rate limit (tested elsewhere)
  const { app, services } = await build(t, { RATE_LIMIT_MAX: 1_000_000 });
  const articles = [8, 9, 10, 11].flatMap((n) => LANGS.map((lang) => story({ n })[lang]));
  const seeded = await app.inject({ method: 'POST', url: '/articles', headers: AUTH, payload: articles });
  t.equal(seeded.statusCode, 200, 'seeded 16 articles');
  const total = (await app.inject('/quotes?limit=1')).json().total as number;
  t.ok(total >= 16, `${total} quotes stored`);
  const speakers = (await app.inject('/speakers?limit=100')).json().data as Array<{ id: string; name: string }>;
  t.equal(speakers.length, SPEAKERS.length, 'one speaker per person, whatever the spelling');
  const cache = new Map<string, Set<string>>();
  const check = async (t: Test, params: Params) => {
    const found = await violations(app, services.queries, params, cache);
    if (found.length) t.fail(found.slice(0, 3).join('\n'));
    return found.length === 0;
  };

  await t.test('the legitimate filters return what they should (so that the checks below can fail)', async (t) => {
    for (const lang of LANGS) {
      const res = (await app.inject(query({ lang, limit: '100' }))).json();
      t.equal(res.data.length, total / 4, `lang=${lang}: a quarter of the quotes`);
      t.ok(res.data.every((q: QuoteOut) => q.lang === lang), `lang=${lang}: only ${lang}`);
    }
    const trung = (await app.inject(query({ speaker: 'Ông Lê Hoài Trung', lang: 'fr', limit: '100' }))).json();
    t.ok(trung.data.length > 0, 'speaker=Ông Lê Hoài Trung&lang=fr finds quotes');
    t.ok(trung.data.every((q: QuoteOut) => q.speaker?.id === trung.data[0].speaker.id && q.lang === 'fr'), 'only his, only fr');
    const one = (await app.inject(query({ articleId: 'story9-id' }))).json();
    t.ok(one.data.length > 0 && one.data.every((q: QuoteOut) => q.source.articleId === 'story9-id'), 'articleId filter');
  });

  await t.test('injection attempts through every filtered parameter', async (t) => {
    const legit: Params[] = [{}, { lang: 'fr' }, { speaker: 'Le Hoai Trung' }, { articleId: 'story10-en' }, { speaker: 'Nguyễn Thị Thanh Hà', lang: 'vi' }, { from: '2025-09-09', to: '2025-09-10' }];
    let checked = 0;
    for (const param of ['speaker', 'lang', 'articleId', 'q', 'from', 'to'] as const) {
      for (const payload of INJECTIONS) {
        for (const base of legit) {
          if (base[param] !== undefined) continue;
          if (await check(t, { ...base, [param]: payload, limit: '100' })) checked++;
        }
      }
    }
    t.pass(`${checked} injection queries answered within what was asked`);
    // the escaping itself: a value full of quotes and backslashes is matched literally, not rejected nor expanded
    const res = await app.inject(query({ lang: 'fr', articleId: 'x" OR lang = "vi', limit: '100' }));
    t.ok([200, 400].includes(res.statusCode), 'articleId with quotes: answered');
    if (res.statusCode === 200) t.equal(res.json().data.length, 0, 'and matches nothing');
    const viAll = await app.inject(query({ speaker: 'x" OR lang = "vi', limit: '100' }));
    t.ok(viAll.statusCode < 500 && (viAll.statusCode !== 200 || viAll.json().data.length === 0), 'speaker injection matches nothing');
  });

  await t.test('path ids: injection attempts never reach another document', async (t) => {
    const before = (await app.inject('/quotes?limit=1')).json().total;
    for (const payload of INJECTIONS.filter((p) => p.length <= 200 && encodable(p))) {
      const id = encodeURIComponent(payload);
      for (const url of [`/quotes/${id}`, `/speakers/${id}`]) {
        const res = await app.inject(url);
        t.ok([400, 404].includes(res.statusCode), `GET ${url.slice(0, 50)}: ${res.statusCode}`);
      }
      const del = await app.inject({ method: 'DELETE', url: `/articles/${id}`, headers: AUTH });
      t.ok([400, 404].includes(del.statusCode), `DELETE /articles/${id.slice(0, 40)}: ${del.statusCode}`);
    }
    for (const payload of ['x" OR id != "', 'story8-vi" OR id != "', '*', 'story8-vi\\']) {
      const del = await app.inject({ method: 'DELETE', url: `/articles/${encodeURIComponent(payload)}`, headers: AUTH });
      t.ok([400, 404].includes(del.statusCode), `DELETE ${payload}: ${del.statusCode}`);
    }
    t.equal((await app.inject('/quotes?limit=1')).json().total, before, 'no quote deleted by a hostile id');
  });

  await t.test('10,000 randomized query strings', async (t) => {
    // Hostile values mixed with valid ones, so that a good share of the queries get through validation and return
    // quotes whose constraints can be checked.
    const valid = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) => fc.oneof({ arbitrary: good, weight: 3 }, { arbitrary: bad, weight: 1 });
    const langs = valid(fc.constantFrom(...LANGS), fc.oneof(fc.constantFrom('xx', 'de', 'EN'), fc.string({ unit: 'binary', maxLength: 4 })));
    const hostile = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom(...INJECTIONS),
      fc.string({ unit: fc.constantFrom('"', '\\', ' ', 'O', 'R', '(', ')', '=', 'v', 'i', '\u0000', '\u00e9', '𝔢'), maxLength: 30 }),
    );
    const speaker = valid(fc.constantFrom(...SPEAKERS.flatMap((s) => [s.vi, s.plain, `Ông ${s.vi}`, s.plain.toUpperCase(), s.plain.split(' ').at(-1)!])), hostile);
    const day = valid(
      fc.date({ min: new Date('2025-08-25'), max: new Date('2025-10-05'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.string({ unit: 'binary', maxLength: 12 }),
    );
    const num = valid(fc.integer({ min: 1, max: 30 }).map(String), fc.oneof(fc.integer({ min: -5, max: 120 }).map(String), fc.string({ unit: 'binary', maxLength: 5 }), fc.constantFrom('1e2', '0x10', ' 7', '3.5', '')));
    const params = fc.record(
      {
        speaker,
        lang: langs,
        q: fc.oneof(fc.constant(''), fc.constantFrom('Vietnam', 'ekspor', 'quốc gia', 'relations', 'nation'), fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom(...INJECTIONS)),
        articleId: valid(fc.constantFrom(...articles.map((a) => a.id)), hostile),
        from: day,
        to: day,
        limit: num,
        offset: valid(fc.constantFrom('0', '1', '2'), num),
        fallback: fc.constantFrom('true', 'false', '1', '0', 'yes', ''),
      },
      { requiredKeys: [] },
    );
    let runs = 0;
    let ok200 = 0;
    let withItems = 0;
    let nonEmpty = 0;
    // 1,250 runs of 8 queries sent at once: 10,000 queries, in parallel as clients would send them (and within the
    // time budget on two cores); a failing run shrinks to its smallest failing set.
    await fc.assert(
      fc.asyncProperty(fc.array(params, { minLength: 8, maxLength: 8 }), async (batch) => {
        const found = await Promise.all(
          batch.map(async (p) => {
            runs++;
            const seen = { status: 0, items: 0 };
            const problems = await violations(app, services.queries, p as Params, cache, seen);
            if (seen.status === 200) ok200++;
            if (seen.items > 0) withItems++;
            return problems;
          }),
        );
        const problems = found.flat();
        if (problems.length) throw new Error(problems.slice(0, 3).join('\n'));
        return true;
      }),
      { numRuns: 1_250, seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31), endOnFailure: true },
    );
    // so that the property cannot hold vacuously: a good share of the random queries returned results to check
    for (const p of [{ lang: 'vi' }, { speaker: 'Pham Quang Vinh', fallback: 'true', lang: 'en' }]) {
      const res = (await app.inject(query(p))).json();
      if (res.data.length) nonEmpty++;
    }
    t.equal(runs, 10_000, '10,000 queries');
    t.ok(ok200 > 500, `${ok200} of them answered 200`);
    t.ok(withItems >= 50, `${withItems} of them returned quotes, all within what was asked`);
    t.equal(nonEmpty, 2, 'sanity: plain filters find quotes');
  });
});
