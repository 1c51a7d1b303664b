import t from 'tap';
import { articleFullNames, clusterSpeakers, samePerson, type SpeakerVote } from '../../src/linking/speakers.ts';
import { slug } from '../../src/text/fold.ts';
import { canonicalSpeakerName, speakerId } from '../../src/ingestion/speakers.ts';

/** A cluster member: `lang`, its article, and the speaker its article gives it (name, confidence) or none. */
function vote(quoteId: string, lang: string, own?: [name: string, confidence: number], original = false): SpeakerVote {
  return { quoteId, lang, articleId: `art-${lang}`, own: own ? { id: slug(own[0]), name: own[0], confidence: own[1] } : null, original };
}

/** The names each article spells (its anchors: every word, and each name as one key): people keep their names in every language, organisations do not. */
const spelled: Record<string, string[]> = {
  'art-en': ['Jack Ross', 'Roy Keane', 'Labour Party', 'Olympic', 'Tom Daley'],
  'art-fr': ['Jack Ross', 'Roy Keane', 'Parti travailliste', 'Tom Daley'],
  'art-id': ['Jack Ross', 'Roy Keane', 'Partai Buruh', 'Penyelam Olimpiade Tom Daley', 'Tom Daley'],
  'art-vi': ['Jack Ross', 'Roy Keane', 'Đảng Lao động', 'Tom Daley', 'Khi'],
};
const anchorsOf = (articleId: string) => new Set((spelled[articleId] ?? []).flatMap((name) => [...slug(name).split('-'), slug(name).replace(/-/g, '')]));
const served = (votes: SpeakerVote[]) =>
  Object.fromEntries([...clusterSpeakers(votes, anchorsOf)].map(([id, s]) => [id, s && `${s.id} "${s.name}"${s.fromCluster ? ' (cluster)' : ''}`]));

t.test('names of one person', async (t) => {
  t.ok(samePerson('trump', 'donald-trump'));
  t.ok(samePerson('olympic-tom-daley', 'penyelam-olimpiade-tom-daley'), 'a descriptor leaked into each');
  t.notOk(samePerson('donald-trump', 'melania-trump'));
  t.notOk(samePerson('do-quang-minh', 'ho-chi-minh'));
});

t.test('a version without a speaker gets the cluster\'s, with a lower confidence', async (t) => {
  const votes = [vote('en', 'en', ['Jack Ross', 0.95]), vote('fr', 'fr'), vote('vi', 'vi', ['Ross', 0.65])];
  t.same(served(votes), { en: 'jack-ross "Jack Ross"', fr: 'jack-ross "Jack Ross" (cluster)', vi: 'jack-ross "Jack Ross"' });
  const fr = clusterSpeakers(votes, anchorsOf).get('fr')!;
  t.ok(fr.confidence < 0.95, `confidence ${fr.confidence}`);
});

t.test('a lone dissenting attribution is outvoted; an even split keeps each its own', async (t) => {
  const outvoted = [vote('en', 'en', ['Roy Keane', 0.95]), vote('fr', 'fr', ['Jack Ross', 0.95]), vote('id', 'id', ['Jack Ross', 0.95]), vote('vi', 'vi', ['Jack Ross', 0.8])];
  t.same(served(outvoted)['en'], 'jack-ross "Jack Ross" (cluster)');
  const even = [vote('en', 'en', ['Roy Keane', 0.95]), vote('fr', 'fr', ['Jack Ross', 0.95])];
  t.same(served(even), { en: 'roy-keane "Roy Keane"', fr: 'jack-ross "Jack Ross"' });
});

t.test('a description or a word taken for a name, which no other version spells, gives way', async (t) => {
  const spelledToo = (articleId: string) => new Set([...anchorsOf(articleId), ...(articleId === 'art-en' ? ['angeles', 'democrat', 'losangelesdemocrat'] : [])]);
  const votes = [vote('en', 'en', ['The Los Angeles Democrat', 0.95], true), vote('fr', 'fr', ['Jack Ross', 0.95])];
  t.same(
    Object.fromEntries([...clusterSpeakers(votes, spelledToo)].map(([id, s]) => [id, s && `${s.id}${s.fromCluster ? ' (cluster)' : ''}`])),
    { en: 'jack-ross (cluster)', fr: 'jack-ross' },
  );
});

t.test('an organisation named in each language is one speaker with a name per language', async (t) => {
  const votes = [vote('en', 'en', ['Labour Party', 0.9], true), vote('id', 'id', ['Partai Buruh', 0.9]), vote('vi', 'vi', ['Đảng Lao động', 0.9]), vote('fr', 'fr')];
  t.same(served(votes), {
    en: 'labour-party "Labour Party"',
    id: 'labour-party "Partai Buruh"',
    vi: 'labour-party "Đảng Lao động"',
    fr: 'labour-party "Labour Party" (cluster)',
  });
});

t.test('the id is the name most versions spell, the fullest of those', async (t) => {
  const votes = [vote('en', 'en', ['Olympic Tom Daley', 0.65]), vote('id', 'id', ['Penyelam Olimpiade Tom Daley', 0.65]), vote('fr', 'fr', ['Tom Daley', 0.65])];
  t.same(served(votes), { en: 'tom-daley "Tom Daley"', id: 'tom-daley "Tom Daley"', fr: 'tom-daley "Tom Daley"' });
  // A full name two versions spell wins over the surname a third uses.
  const full = [vote('en', 'en', ['Ross', 0.85]), vote('fr', 'fr', ['Jack Ross', 0.95]), vote('vi', 'vi', ['Jack Ross', 0.95])];
  t.same(served(full), { en: 'jack-ross "Jack Ross"', fr: 'jack-ross "Jack Ross"', vi: 'jack-ross "Jack Ross"' });
});

t.test('a name only one version gives and no other spells is not lent', async (t) => {
  // `Khi` ("when") taken for a name in Vietnamese: the other versions do not spell it.
  const votes = [vote('vi', 'vi', ['Khi', 0.95]), vote('en', 'en'), vote('fr', 'fr')];
  t.same(served(votes), { vi: 'khi "Khi"', en: null, fr: null });
});

t.test('whatever order the members come in', async (t) => {
  const votes = [vote('en', 'en', ['Labour Party', 0.9], true), vote('id', 'id', ['Partai Buruh', 0.9]), vote('vi', 'vi', ['Đảng Lao động', 0.9]), vote('fr', 'fr')];
  const expected = served(votes);
  for (let k = 0; k < 10; k++) t.same(served([...votes].sort(() => Math.random() - 0.5)), expected);
});

t.test('a shorter name an article uses takes the full one its cluster shows, for its other quotes too', async (t) => {
  const full = { id: 'donald-trump', name: 'Donald Trump', fromCluster: false, confidence: 0.9 };
  const trump = { id: 'trump', name: 'Trump', confidence: 0.9 };
  const names = articleFullNames([
    { articleId: 'a', own: trump, served: full },
    { articleId: 'a', own: trump, served: { ...trump, fromCluster: false } },
    { articleId: 'b', own: trump, served: { ...trump, fromCluster: false } },
  ]);
  t.same([...names.keys()], ['a']);
  t.equal(names.get('a')!.get('trump')!.id, 'donald-trump');
  const ambiguous = articleFullNames([
    { articleId: 'a', own: trump, served: full },
    { articleId: 'a', own: trump, served: { id: 'melania-trump', name: 'Melania Trump', fromCluster: false, confidence: 0.9 } },
  ]);
  t.equal(ambiguous.size, 0, 'two full names: neither');
});

t.test('a spokesperson speaks for a body: the body is the speaker, in every language\'s wording', async (t) => {
  const cases: Array<[string, string]> = [
    ['A Labour Party spokesman', 'labour-party'],
    ['Prison Service spokesperson', 'prison-service'],
    ['porte-parole du Parti travailliste', 'parti-travailliste'],
    ['Juru bicara Partai Buruh', 'partai-buruh'],
    ['Người phát ngôn của Ban Quản lý Nhà tù', 'ban-quan-ly-nha-tu'],
    ['White House spokeswoman Sarah Sanders', 'sarah-sanders'],
    ['Ông Lê Hoài Trung', 'le-hoai-trung'],
    ['spokesman', 'spokesman'],
  ];
  for (const [name, id] of cases) t.equal(speakerId(name), id, name);
  t.equal(canonicalSpeakerName('Labour Party spokesman'), 'Labour Party');
});
