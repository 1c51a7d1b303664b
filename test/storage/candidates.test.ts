import t from 'tap';
import { candidateSearches, dayWindow, PendingArticles, pickCandidates, type CandidateProbe } from '../../src/storage/candidates.ts';
import type { ArticleDoc } from '../../src/storage/documents.ts';

const DAY = 86_400_000;
const noon = Date.UTC(2026, 10, 3, 12);

const probe = (id: string, anchors: string[], extra: Partial<CandidateProbe> = {}): CandidateProbe => ({
  id,
  anchors: anchors.map((anchor) => ({ anchor, weight: 1 })),
  speakerIds: [],
  ...extra,
});

const article = (id: string, anchors: string[], extra: Partial<ArticleDoc> = {}): ArticleDoc =>
  ({ id, lang: 'en', anchors, speakerIds: [], quoteIds: [], length: 1000, numbers: [], vocabulary: [], ...extra }) as ArticleDoc;

t.test('articles of one day asking about one anchor send the same search', async (t) => {
  const morning = candidateSearches(probe('a', ['nguyen'], { publishedTs: Date.UTC(2026, 10, 3, 6) }));
  const evening = candidateSearches(probe('b', ['nguyen'], { publishedTs: Date.UTC(2026, 10, 3, 22) }));
  const nextDay = candidateSearches(probe('c', ['nguyen'], { publishedTs: Date.UTC(2026, 10, 4, 6) }));
  t.same(morning[0], evening[0]);
  t.not(morning[0].filter, nextDay[0].filter);
  t.notMatch(morning[0].filter, /"a"/, 'the probe is left out afterwards, not by the filter');
});

t.test('a hostile anchor or id stays a quoted value in every filter', async (t) => {
  const searches = candidateSearches(probe('x" OR id EXISTS OR id = "y', ['a" OR anchors EXISTS OR anchors = "b'], { speakerIds: ['s"'], translationOf: 't\\"' }));
  for (const { filter } of searches) t.notMatch(filter.replace(/"(?:[^"\\]|\\.)*"/g, '""'), /EXISTS OR/, filter);
});

t.test('the probe itself is never its own candidate, and one more hit is asked for in its place', async (t) => {
  const p = probe('new', ['a', 'b']);
  const searches = candidateSearches(p, { perAnchor: 2 });
  t.equal(searches[0].limit, 3);
  const hits = [
    { ids: ['new', 'x', 'y'], total: 3 },
    { ids: ['x', 'new'], total: 2 },
    { ids: [], total: 0 },
  ];
  t.same(pickCandidates(p, hits, { perAnchor: 2, limit: 10 }), ['x']);
});

t.test('a pending article replaces its stored version and is found in memory, within the date window', async (t) => {
  const p = probe('new', ['a', 'b'], { publishedTs: noon });
  const hits = [
    { ids: ['old'], total: 1 },
    { ids: ['old'], total: 1 },
    { ids: [], total: 0 },
  ];
  const pending = new PendingArticles([
    article('old', ['z']),
    article('near', ['a', 'b'], { publishedTs: noon + 2 * DAY }),
    article('far', ['a', 'b'], { publishedTs: noon + 90 * DAY }),
  ]);
  t.same(pickCandidates(p, hits, { pending }), ['near']);
  t.same(pickCandidates(p, hits), ['old']);
});

t.test('an anchor many articles share tells less about each of them', async (t) => {
  const p = probe('new', ['common', 'rare']);
  const many = Array.from({ length: 20 }, (_, k) => `m${k}`);
  const hits = [
    { ids: many, total: 400 },
    { ids: ['m3'], total: 1 },
    { ids: [], total: 0 },
  ];
  t.same(pickCandidates(p, hits, { perAnchor: 20 }), [], 'one anchor and a diluted one are not enough');
  const strong = { ...p, anchors: p.anchors.map((a) => ({ ...a, weight: 1.5 })) };
  t.same(pickCandidates(strong, hits, { perAnchor: 20 }), ['m3']);
});

t.test('anchors that weigh nothing are not searched for, and the hits line up with the anchors that are', async (t) => {
  const p: CandidateProbe = {
    id: 'new',
    anchors: [
      { anchor: 'nguyen', weight: 1 },
      { anchor: '~nguyenvan', weight: 0 },
      { anchor: '#2024', weight: 0.7 },
    ],
    speakerIds: [],
  };
  const searches = candidateSearches(p, { anchorsAsked: 2 });
  t.equal(searches.length, 3, 'two anchors and the translations named');
  t.notOk(searches.some((s) => s.filter.includes('~')));
  t.match(searches[1].filter, /#2024/);
  const hits = [
    { ids: ['x'], total: 1 },
    { ids: ['x'], total: 1 },
    { ids: [], total: 0 },
  ];
  t.same(pickCandidates(p, hits, { anchorsAsked: 2 }), ['x'], 'both asked anchors count: 1 + 0.7 reaches the bar');
});

t.test('pending articles are found by their current version, in the order they were first staged', async (t) => {
  const pending = new PendingArticles([article('b', ['x']), article('a', ['x', 'y'], { speakerIds: ['s'] }), article('t', ['z'], { translationOf: 'orig' })]);
  const ids = (anchor: string) => pending.withAnchor(anchor, undefined, 10, 'new').ids;
  t.same(ids('x'), ['b', 'a']);
  pending.set('b', article('b', ['y']));
  t.same(ids('x'), ['a'], 'a replaced version no longer has its old anchors');
  t.same(ids('y'), ['b', 'a'], 'and keeps its place');
  pending.set('a', null);
  t.notOk(pending.has('a'));
  t.same(ids('y'), ['b'], 'a deleted article is no longer pending');
  t.same(pending.withSpeakers(['s'], undefined, 10, 'new'), { ids: [], total: 0 });
  t.same(pending.translations('orig').ids, ['t']);
  t.same(pending.translations('t', 'b').ids, ['b']);
});

t.test('pending articles are searched in the whole days of the stored searches, counted beyond the ids listed', async (t) => {
  const day = Math.floor(noon / DAY);
  const pending = new PendingArticles([
    article('first', ['x'], { publishedTs: (day + 30) * DAY + DAY - 1 }),
    article('undated', ['x']),
    article('early', ['x'], { publishedTs: (day - 30) * DAY }),
    article('outside', ['x'], { publishedTs: (day + 31) * DAY }),
    article('self', ['x'], { publishedTs: noon }),
    article('last', ['x'], { publishedTs: noon - DAY }),
  ]);
  const p = probe('self', ['x'], { publishedTs: noon });
  t.match(candidateSearches(p)[0].filter, `publishedTs ${(day - 30) * DAY} TO ${(day + 31) * DAY - 1}`, 'the stored search asks for the same days');
  t.same(pending.withAnchor('x', dayWindow(noon, 30), 10, 'self'), { ids: ['first', 'undated', 'early', 'last'], total: 4 });
  t.same(pending.withAnchor('x', dayWindow(noon, 30), 2, 'self'), { ids: ['first', 'undated'], total: 4 });
});

t.test('pending articles sharing a speaker come newest first', async (t) => {
  const pending = new PendingArticles([
    article('old', [], { speakerIds: ['s'], publishedTs: noon - 3 * DAY }),
    article('undated', [], { speakerIds: ['s', 'r'] }),
    article('new', [], { speakerIds: ['r'], publishedTs: noon + DAY }),
    article('tie', [], { speakerIds: ['s'], publishedTs: noon - DAY }),
  ]);
  t.same(pending.withSpeakers(['s', 'r'], dayWindow(noon, 30), 10, 'p'), { ids: ['new', 'tie', 'old', 'undated'], total: 4 });
  const p = probe('p', [], { speakerIds: ['s', 'r'], publishedTs: noon });
  const hits = [
    { ids: ['stored-tie', 'stored-older'], publishedTs: [noon - DAY, noon - 10 * DAY], total: 2 },
    { ids: [], total: 0 },
  ];
  t.same(pickCandidates(p, hits, { pending }), ['new', 'old', 'stored-older', 'stored-tie', 'tie', 'undated'].sort(), 'the stored and the pending together');
});
