import t from 'tap';
import { buildSeeded, viArticle } from './fixtures.ts';

const TRUNG = 'le-hoai-trung';

t.test('GET /quotes?speaker= finds a speaker by any spelling', async (t) => {
  const { app } = await buildSeeded(t);
  const spellings = [
    'le-hoai-trung',
    'Lê Hoài Trung',
    'Le Hoai Trung',
    'LE HOAI TRUNG',
    'lê hoài trung',
    'Ông Lê Hoài Trung',
    'Bapak Le Hoai Trung',
    'Quyền Bộ trưởng Ngoại giao Lê Hoài Trung',
    '  le   hoai  trung ',
    'Trung',
    'Hoai Trung',
    'trung',
  ];
  for (const speaker of spellings) {
    const response = await app.inject({ url: '/quotes', query: { speaker } });
    t.equal(response.statusCode, 200, speaker);
    const page = response.json();
    t.equal(page.total, 4, `${speaker}: all four quotes of Lê Hoài Trung (vi and id)`);
    t.ok(page.data.every((q: { speaker: { id: string } }) => q.speaker.id === TRUNG), `${speaker}: only his quotes`);
    t.notOk(page.suggestions, `${speaker}: resolved, no suggestions`);
  }
});

t.test('an unknown speaker is an empty page with close suggestions, not a 404', async (t) => {
  const { app } = await buildSeeded(t);
  const typo = await app.inject({ url: '/quotes', query: { speaker: 'Le Hoai Trunh' } });
  t.equal(typo.statusCode, 200);
  t.same(typo.json().data, []);
  t.equal(typo.json().total, 0);
  t.same(typo.json().suggestions[0], { id: TRUNG, name: 'Lê Hoài Trung' }, 'the typo suggests the right speaker first');

  const nobody = await app.inject({ url: '/quotes', query: { speaker: 'Zzyzx Qwerty' } });
  t.equal(nobody.statusCode, 200);
  t.same(nobody.json().data, []);
  t.type(nobody.json().suggestions, Array);
});

t.test('a name ending shared by two speakers is ambiguous: suggestions, not a guess', async (t) => {
  const { app, auth } = await buildSeeded(t);
  const other = {
    ...viArticle,
    id: 'vi-other-trung',
    url: 'https://example.vn/nguyen-van-trung.html',
    text: '"Chúng tôi sẽ hoàn thành dự án đúng tiến độ trong năm nay" - ông Nguyễn Văn Trung khẳng định.',
  };
  t.equal((await app.inject({ method: 'POST', url: '/articles', headers: auth, payload: other })).statusCode, 200);
  const response = await app.inject({ url: '/quotes', query: { speaker: 'Trung' } });
  t.equal(response.statusCode, 200);
  t.equal(response.json().total, 0);
  t.same(response.json().suggestions.map((s: { id: string }) => s.id).sort(), [TRUNG, 'nguyen-van-trung']);
  t.equal((await app.inject({ url: '/quotes', query: { speaker: 'Van Trung' } })).json().total, 1, 'a longer ending still resolves');
});

t.test('GET /speakers/:id answers by id or by any spelling', async (t) => {
  const { app } = await buildSeeded(t);
  for (const spelling of [TRUNG, 'Bapak Le Hoai Trung', 'ông lê hoài trung', 'Trung']) {
    const response = await app.inject(`/speakers/${encodeURIComponent(spelling)}`);
    t.equal(response.statusCode, 200, spelling);
    t.equal(response.json().id, TRUNG, spelling);
  }
  const speaker = (await app.inject(`/speakers/${TRUNG}`)).json();
  t.equal(speaker.name, 'Lê Hoài Trung', 'the spelling with diacritics is the display name');
  t.same(speaker.languages, ['id', 'vi']);
  t.equal(speaker.quoteCount, 4);
  const unknown = await app.inject('/speakers/nobody-at-all');
  t.equal(unknown.statusCode, 404);
  t.match(unknown.headers['content-type'], /application\/problem\+json/);
});

t.test('GET /speakers?q= is typo-tolerant and works as autocomplete', async (t) => {
  const { app } = await buildSeeded(t);
  const ids = async (q: string) => ((await app.inject({ url: '/speakers', query: { q } })).json().data as Array<{ id: string }>).map((s) => s.id);
  t.equal((await ids('Le Hoai Trung'))[0], TRUNG, 'exact name');
  t.equal((await ids('Lê Hoài Trung'))[0], TRUNG, 'with diacritics');
  t.equal((await ids('Le Hoai Trnug'))[0], TRUNG, 'a typo');
  t.equal((await ids('Bapak Le Hoai'))[0], TRUNG, 'honorific and a prefix');
  t.equal((await ids('le hoa'))[0], TRUNG, 'a prefix of the last word, as typed');
  t.same(await ids('Thu Hằng'), ['le-thi-thu-hang']);
  const all = (await app.inject('/speakers')).json();
  t.equal(all.total, 2);
  t.equal(all.data[0].id, TRUNG, 'without q, most quoted first');
  const page2 = (await app.inject({ url: '/speakers', query: { limit: '1', offset: '1' } })).json();
  t.same([page2.total, page2.data.length, page2.data[0].id], [2, 1, 'le-thi-thu-hang']);
});

t.test('hostile speaker strings: no 5xx, no leak, nothing from other speakers', async (t) => {
  const { app } = await buildSeeded(t);
  const hostile = [
    '"',
    '\\',
    '\\"',
    'Trung" OR lang = "vi',
    'OR lang = "vi"',
    '") OR (speakerId EXISTS',
    "'; DROP TABLE quotes; --",
    'speakerId = le-hoai-trung',
    '*',
    '%',
    '<script>alert(1)</script>',
    '\u0000',
    '\u202e\u200b',
    '🙂🙂🙂',
    'Ông',
    'a'.repeat(499),
    'Trung '.repeat(80),
  ];
  for (const speaker of hostile) {
    for (const url of ['/quotes', '/speakers']) {
      const query: Record<string, string> = url === '/quotes' ? { speaker } : { q: speaker };
      const response = await app.inject({ url, query });
      t.ok(response.statusCode < 500, `${url} ${JSON.stringify(speaker.slice(0, 30))}: ${response.statusCode}`);
      t.notMatch(response.body, /Meilisearch|at \w+ \(|node_modules|\.ts:\d+/, 'no internals in the body');
      if (url === '/quotes' && response.statusCode === 200) {
        const ids = new Set(response.json().data.map((q: { speaker: { id: string } }) => q.speaker.id));
        t.ok(ids.size <= 1, 'a filter is never widened to every speaker');
      }
    }
    const one = await app.inject(`/speakers/${encodeURIComponent(speaker)}`);
    t.ok(one.statusCode < 500 && one.statusCode !== 200 || one.json().id === TRUNG, `/speakers/:id ${JSON.stringify(speaker.slice(0, 30))}`);
  }
  const huge = await app.inject({ url: '/quotes', query: { speaker: 'x'.repeat(5000) } });
  t.equal(huge.statusCode, 400);
  t.equal(huge.json().errors[0].parameter, 'speaker');
  t.notMatch(huge.body, /x{600}/, 'the 5,000 characters are not echoed back');
  const hugeSpeaker = await app.inject(`/speakers/${'x'.repeat(5000)}`);
  t.ok([400, 404, 414].includes(hugeSpeaker.statusCode), `/speakers/<5000 chars>: ${hugeSpeaker.statusCode}`);
});
