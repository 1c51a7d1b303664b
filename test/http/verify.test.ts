import t from 'tap';
import type { InjectOptions } from 'fastify';
import { encodable, INJECTIONS } from '../helpers/hostile.ts';
import { buildSeeded, VI_URL } from './fixtures.ts';

/** The French version of vi-trung, naming its original: its first quote exists in French nowhere else. */
const frTranslation = {
  id: 'fr-trung',
  lang: 'fr',
  url: 'https://lecourrier.vn/le-hoai-trung-integration.html',
  title: "Le Hoai Trung : l'intégration internationale",
  outlet: 'Le Courrier du Vietnam',
  publishedAt: '2025-09-18',
  text: [
    'Lors de la conférence nationale de ce matin, le ministre par intérim des Affaires étrangères Le Hoai Trung a présenté les principaux contenus de la résolution n° 59.',
    '',
    "« À l'époque du Renouveau, nous avons eu davantage de conditions pour une intégration internationale globale, profonde et substantielle », a analysé M. Le Hoai Trung.",
    '',
    'Le Vietnam entretient aujourd’hui des relations diplomatiques avec 194 pays et territoires.',
    '',
    "« Dans l'intégration, nous devons montrer l'esprit d'un partenaire actif et responsable, qui contribue de manière proactive au travail commun de la communauté internationale », a souligné M. Le Hoai Trung.",
    '',
    `Source : ${VI_URL}`,
  ].join('\n'),
};
const FRENCH_WORDING = "À l'époque du Renouveau, nous avons eu davantage de conditions pour une intégration internationale globale, profonde et substantielle";

interface Match {
  similarity: number;
  coverage: number;
  speaker: { id: string; name: string } | null;
  speakerMatches?: boolean | null;
  quote: { id: string; url: string; lang: string; text: string; translations: Array<{ id: string; lang: string; url: string; original: boolean }> };
  original: { id: string; url: string; lang: string; text: string; source: { url?: string; outlet?: string } } | null;
}
interface Answer {
  claimedSpeaker?: { name: string; known: Array<{ id: string; name: string }> };
  matches: Match[];
}

async function seeded(t: Parameters<typeof buildSeeded>[0]) {
  const built = await buildSeeded(t);
  const posted = await built.app.inject({ method: 'POST', url: '/articles', headers: built.auth, payload: frTranslation });
  if (posted.statusCode !== 200) throw new Error(posted.body);
  const verify = async (query: Record<string, string>) => {
    const response = await built.app.inject({ url: '/verify', query, headers: { host: 'pq.example' } });
    if (response.statusCode !== 200) throw new Error(`${response.statusCode} ${response.body}`);
    return response.json() as Answer;
  };
  return { ...built, verify };
}

t.test('a text found only in the French version returns that quote, its Vietnamese original and the other versions', async (t) => {
  const { verify, quoteOf } = await seeded(t);
  const vi = quoteOf('vi-trung');
  const { matches, claimedSpeaker } = await verify({ text: FRENCH_WORDING, speaker: 'Le Hoai Trung' });
  t.equal(matches.length, 1, 'one utterance');
  const [match] = matches;
  t.match(match, {
    similarity: 1,
    speaker: { id: 'le-hoai-trung' },
    speakerMatches: true,
    quote: { lang: 'fr', text: FRENCH_WORDING },
    original: { id: vi.id, lang: 'vi', text: vi.text, source: { url: VI_URL, outlet: 'VietNamNet' } },
  });
  t.equal(match.quote.url, `http://pq.example/quotes/${match.quote.id}`, 'the matched quote carries its permalink');
  t.equal(match.original?.url, `http://pq.example/quotes/${vi.id}`);
  t.same(match.quote.translations.map((v) => [v.lang, v.original]).sort(), [['id', false], ['vi', true]], 'and the other language versions');
  t.ok(match.quote.translations.every((v) => v.url === `http://pq.example/quotes/${v.id}`));
  t.same(claimedSpeaker, { name: 'Le Hoai Trung', known: [{ id: 'le-hoai-trung', name: 'Lê Hoài Trung' }] });
});

t.test('the claimed speaker matches under any spelling, and a wrong one is named as wrong with the right one', async (t) => {
  const { verify } = await seeded(t);
  for (const speaker of ['Le Hoai Trung', 'Lê Hoài Trung', 'LE HOAI TRUNG', 'Ông Lê Hoài Trung', 'Bapak Le Hoai Trung', 'M. Le Hoai Trung', 'Trung', 'Hoai Trung', 'le-hoai-trung']) {
    const [match] = (await verify({ text: FRENCH_WORDING, speaker })).matches;
    t.equal(match?.speakerMatches, true, speaker);
  }
  for (const speaker of ['To Lam', 'Tô Lâm', 'Lê Thị Thu Hằng', 'Hằng', 'Le Hoai', 'Trong']) {
    const answer = await verify({ text: FRENCH_WORDING, speaker });
    t.equal(answer.matches[0]?.speakerMatches, false, `${speaker}: does not match`);
    t.equal(answer.matches[0]?.speaker?.name, 'Lê Hoài Trung', `${speaker}: the sources name Lê Hoài Trung`);
  }
  t.same((await verify({ text: FRENCH_WORDING, speaker: 'To Lam' })).claimedSpeaker?.known, [], 'To Lam is nobody in the store');
  t.same((await verify({ text: FRENCH_WORDING, speaker: 'Mme Lê Thị Thu Hằng' })).claimedSpeaker?.known, [{ id: 'le-thi-thu-hang', name: 'Lê Thị Thu Hằng' }]);
  t.notOk('speakerMatches' in (await verify({ text: FRENCH_WORDING })).matches[0], 'no speaker asked, no verdict on one');
});

t.test('trimmed, misquoted, without diacritics, in any language: still found; a sentence nobody said: nothing', async (t) => {
  const { verify, quoteOf } = await seeded(t);
  const vi = quoteOf('vi-trung');
  const cases: Array<[string, string, string]> = [
    ['trimmed', 'nous avons eu davantage de conditions pour une intégration internationale', 'fr'],
    ['one word changed', "À l'époque du Renouveau, nous avons obtenu davantage de conditions pour une intégration internationale globale, profonde et substantielle", 'fr'],
    ['a word dropped, case and punctuation lost', "a l'epoque du renouveau nous avons eu davantage de conditions pour une integration globale profonde et substantielle", 'fr'],
    ['Vietnamese without diacritics', 'Den thoi ky doi moi, chung ta moi co them nhieu dieu kien de hoi nhap quoc te', 'vi'],
    ['Indonesian', 'kita memiliki lebih banyak kondisi untuk integrasi internasional', 'id'],
  ];
  for (const [what, text, lang] of cases) {
    const [match, ...others] = (await verify({ text, speaker: 'Le Hoai Trung' })).matches;
    t.equal(match?.quote.lang, lang, `${what}: the ${lang} version`);
    t.equal(match?.original?.id, vi.id, `${what}: with the Vietnamese original`);
    t.equal(match?.speakerMatches, true, `${what}: said by him`);
    t.ok(match && match.similarity >= 0.5, `${what}: similarity ${match?.similarity}`);
    t.ok(others.every((o) => o.similarity <= match!.similarity), `${what}: best first`);
  }
  const misquote = (await verify({ text: cases[1][1] })).matches[0];
  t.ok(misquote.similarity < 1, `a misquote is not scored as exact (${misquote.similarity})`);

  for (const text of [
    'The minister announced that the new bridge over the Red River will open to traffic next spring.',
    "Le gouvernement ne soutiendra jamais l'interdiction des véhicules électriques dans les villes.",
    'Chúng tôi sẽ không bao giờ chấp nhận việc tăng thuế đối với nông dân trồng lúa.',
  ]) {
    t.same((await verify({ text, speaker: 'Le Hoai Trung' })).matches, [], `nobody said: ${text.slice(0, 40)}…`);
  }
  t.same((await verify({ text: FRENCH_WORDING, lang: 'vi' })).matches, [], 'lang restricts the versions compared');
  t.equal((await verify({ text: FRENCH_WORDING, lang: 'fr' })).matches.length, 1);
});

t.test('bad requests are 400 problems naming the parameter; POST answers like GET and takes long texts', async (t) => {
  const { app, auth } = await seeded(t);
  const problem = async (request: InjectOptions, parameter?: string) => {
    const response = await app.inject(request);
    t.equal(response.statusCode, 400, JSON.stringify(request).slice(0, 120));
    t.match(response.headers['content-type'], /^application\/problem\+json/);
    if (parameter) t.equal(response.json().errors?.[0]?.parameter, parameter);
  };
  await problem({ url: '/verify' }, 'text');
  await problem({ url: '/verify', query: { text: '   ' } }, 'text');
  await problem({ url: '/verify', query: { text: 'x'.repeat(2001) } }, 'text');
  await problem({ url: '/verify', query: { text: 'bonjour', lang: 'xx' } }, 'lang');
  await problem({ url: '/verify', query: { text: 'bonjour', limit: '0' } }, 'limit');
  await problem({ url: '/verify', query: { text: 'bonjour', speaker: 'x'.repeat(501) } }, 'speaker');
  await problem({ method: 'POST', url: '/verify', payload: { speaker: 'Trung' } }, 'text');
  await problem({ method: 'POST', url: '/verify', payload: { text: 'bonjour', extra: 1 } });
  await problem({ method: 'POST', url: '/verify', headers: { 'content-type': 'application/json' }, payload: '{"text": ' });

  const byGet = await app.inject({ url: '/verify', query: { text: FRENCH_WORDING, speaker: 'Trung' } });
  const byPost = await app.inject({ method: 'POST', url: '/verify', payload: { text: FRENCH_WORDING, speaker: 'Trung' } });
  t.equal(byPost.statusCode, 200);
  t.same(byPost.json(), byGet.json(), 'the same answer');
  // A speech quoted at length: every sentence its own, numbered, so that no word pair repeats.
  const speech = Array.from({ length: 40 }, (_, n) => `Point ${n + 1} of the plan keeps ${n + 2} farms of region ${n + 3} supplied with water`).join('. ');
  const posted = await app.inject({ method: 'POST', url: '/articles', headers: auth, payload: { id: 'speech', lang: 'en', text: `"${speech}," said Jane Roe.` } });
  t.equal(posted.json().quotes.length, 1);
  t.ok(speech.length > 2000 && speech.length < 20_000);
  const longAnswer = (await app.inject({ method: 'POST', url: '/verify', payload: { text: speech, speaker: 'Ms Roe' } })).json() as Answer;
  t.match(longAnswer.matches, [{ similarity: 1, speakerMatches: true, quote: { text: speech } }], 'a text too long for a URL');
  const tooLong = await app.inject({ method: 'POST', url: '/verify', payload: { text: 'x '.repeat(10_001) } });
  t.equal(tooLong.statusCode, 400);
  const huge = await app.inject({ method: 'POST', url: '/verify', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ text: 'x'.repeat(400_000) }) });
  t.equal(huge.statusCode, 413, 'a body far past any text is refused unread');
  t.match(huge.headers['content-type'], /^application\/problem\+json/);
});

t.test('hostile strings in text and speaker: 200 with no match or a 400 problem, never a 5xx', async (t) => {
  const { app } = await seeded(t);
  let answered = 0;
  for (const hostile of INJECTIONS.filter(encodable)) {
    const queries: Array<Record<string, string>> = [{ text: hostile }, { text: FRENCH_WORDING, speaker: hostile }, { text: hostile, speaker: hostile, lang: 'fr' }];
    for (const query of queries) {
      const requests: InjectOptions[] = [{ url: '/verify', query }, { method: 'POST', url: '/verify', payload: query }];
      for (const request of requests) {
        const response = await app.inject(request);
        const where = `${request.url} ${JSON.stringify(query).slice(0, 80)}`;
        if (response.statusCode === 200) {
          const { matches } = response.json() as Answer;
          if (query.text === hostile && matches.length) t.fail(`${where}: matched ${matches[0].quote.text.slice(0, 40)}`);
          if (query.speaker === hostile && matches.some((m) => m.speakerMatches)) t.fail(`${where}: claimed speaker matched`);
          answered++;
        } else if (response.statusCode !== 400 || !/^application\/problem\+json/.test(String(response.headers['content-type']))) {
          t.fail(`${where}: ${response.statusCode} ${response.body.slice(0, 200)}`);
        }
      }
    }
  }
  t.ok(answered > 100, `${answered} hostile requests answered 200 with no false match, the rest 400`);
  // Past what Node's HTTP parser takes, before any route: a problem too.
  await app.listen({ port: 0, host: '127.0.0.1' });
  const tooLong = await fetch(`http://127.0.0.1:${(app.server.address() as { port: number }).port}/verify?text=${'%22'.repeat(8000)}`);
  t.equal(tooLong.status, 431, 'a URL past the header size limit');
  t.match(tooLong.headers.get('content-type'), /^application\/problem\+json/);
  t.match(await tooLong.json(), { status: 431, title: 'Request Header Fields Too Large' });
  // A lone surrogate and invalid UTF-8 in a raw URL.
  for (const url of ['/verify?text=%ED%A0%80', '/verify?text=%FF%FE', '/verify?text=a&speaker=%C0%AF', '/verify?text=%', '/verify?text=%E0%A4%A']) {
    const response = await app.inject(url);
    t.ok([200, 400].includes(response.statusCode), `${url}: ${response.statusCode}`);
  }
});
