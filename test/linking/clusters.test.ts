import t from 'tap';
import { applyEdges, clustersOf, type ClusterMember } from '../../src/linking/clusters.ts';

function member(id: string, lang: string, extra: Partial<ClusterMember> = {}): ClusterMember {
  return { id, lang, articleId: id.split('#')[0], translated: false, links: [], ...extra };
}

function graph(members: ClusterMember[], edges: Array<[string, string]>): Map<string, ClusterMember> {
  const map = new Map(members.map((m) => [m.id, { ...m, links: [...m.links] }]));
  applyEdges(map, edges.map(([from, to]) => ({ from, to, confidence: 0.9 })), new Set());
  return map;
}

const members = [
  member('vi#1', 'vi', { speakerLanguage: 'vi', publishedTs: 2 }),
  member('en#1', 'en', { translated: true, publishedTs: 1 }),
  member('fr#1', 'fr', { translated: true, publishedTs: 3 }),
  member('vi#2', 'vi'),
  member('id#2', 'id', { translated: true }),
  member('en#9', 'en'),
];
const edges: Array<[string, string]> = [['en#1', 'vi#1'], ['fr#1', 'en#1'], ['id#2', 'vi#2']];

t.test('connected components with ids derived from the members', async (t) => {
  const clusters = clustersOf(graph(members, edges));
  t.same(clusters.map((c) => [c.clusterId, c.members]), [
    ['c-en#1', ['en#1', 'fr#1', 'vi#1']],
    ['c-en#9', ['en#9']],
    ['c-id#2', ['id#2', 'vi#2']],
  ]);
});

t.test('the same links in any order give the same clusters', async (t) => {
  const expected = JSON.stringify(clustersOf(graph(members, edges)));
  for (let k = 0; k < 20; k++) {
    const shuffle = <T>(xs: T[]) => xs.map((x) => [Math.random(), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
    const flipped = shuffle(edges).map(([a, b]) => (Math.random() < 0.5 ? [a, b] : [b, a]) as [string, string]);
    t.equal(JSON.stringify(clustersOf(graph(shuffle(members), flipped))), expected);
  }
});

t.test('original: the speaker’s language first, then a version that is not a translation, then the earliest', async (t) => {
  const byId = new Map(clustersOf(graph(members, edges)).map((c) => [c.clusterId, c.originalId]));
  t.equal(byId.get('c-en#1'), 'vi#1', 'said in Vietnamese by a Vietnamese speaker, though published later than en');
  t.equal(byId.get('c-id#2'), 'vi#2', 'the id version names a source: it is the translation');
  const noHint = clustersOf(graph([member('en#1', 'en', { translated: true, publishedTs: 5 }), member('fr#1', 'fr', { translated: true, publishedTs: 4 })], [['en#1', 'fr#1']]));
  t.equal(noHint[0].originalId, 'fr#1', 'both translations: the earliest');
  const tie = clustersOf(graph([member('b#1', 'en'), member('a#1', 'fr')], [['a#1', 'b#1']]));
  t.equal(tie[0].originalId, 'a#1', 'a full tie is broken by id');
});

t.test('removing a member splits its cluster; links to it are dropped', async (t) => {
  const map = graph(members, edges);
  map.delete('en#1');
  applyEdges(map, [], new Set(['en#1']));
  const clusters = clustersOf(map);
  t.same(clusters.find((c) => c.members.includes('vi#1'))!.members, ['vi#1']);
  t.same(clusters.find((c) => c.members.includes('fr#1'))!.members, ['fr#1']);
  t.notOk([...map.values()].some((m) => m.links.some((l) => l.id === 'en#1')));
});

t.test('a new edge merges two clusters into one with a stable id', async (t) => {
  const map = graph(members, [...edges, ['vi#2', 'fr#1']]);
  const merged = clustersOf(map).find((c) => c.members.includes('vi#2'))!;
  t.same(merged.members, ['en#1', 'fr#1', 'id#2', 'vi#1', 'vi#2']);
  t.equal(merged.clusterId, 'c-en#1');
});

t.test('applyEdges replaces an existing link instead of duplicating it', async (t) => {
  const map = graph(members, edges);
  applyEdges(map, [{ from: 'vi#1', to: 'en#1', confidence: 0.7 }], new Set());
  t.same(map.get('vi#1')!.links, [{ id: 'en#1', confidence: 0.7 }]);
  t.same(map.get('en#1')!.links.filter((l) => l.id === 'vi#1'), [{ id: 'vi#1', confidence: 0.7 }]);
});
