import t from 'tap';
import { articleAffinity, linkArticlePair, speakerGroups, type ArticleSide } from '../../src/linking/align.ts';
import { anchorNumbers, vocabulary } from '../../src/linking/signals.ts';
import type { LinkableArticle, LinkEdge } from '../../src/linking/types.ts';

const THRESHOLD = 0.6;
const ORIGINAL_URL = 'https://tinnhanh.vn/bo-truong-tran-minh-khoa-khong-de-thieu-dien-mua-kho-241877.html';

function side(id: string, lang: string, quotes: Array<[speaker: string | null, text: string]>, extra: Partial<LinkableArticle> = {}): ArticleSide {
  const all = quotes.map(([, text]) => text).join(' ');
  return {
    article: { id, lang, publishedTs: Date.parse('2025-04-10'), numbers: anchorNumbers(all), vocabulary: vocabulary(`${extra.url ? 'Bộ trưởng Trần Minh Khoa: Không để thiếu điện trong mùa khô' : ''} ${all}`), ...extra },
    quotes: quotes.map(([speakerId, text], seq) => ({ id: `${id}-q${seq}`, articleId: id, lang, text, speakerId, seq })),
  };
}

const K = 'tran-minh-khoa';
const vi = side('a-vi', 'vi', [
  [K, 'Chúng tôi khẳng định không để xảy ra tình trạng thiếu điện như năm 2023, khi miền Bắc thiếu khoảng 4.500 MW.'],
  [K, 'Riêng tháng 5 và tháng 6, phụ tải đỉnh miền Bắc có thể lên tới 24.500 MW. Chúng tôi đã tính toán kỹ các kịch bản.'],
  [K, 'Người dân và doanh nghiệp cần tiếp tục tiết kiệm điện, nhất là vào giờ cao điểm từ 13h đến 15h.'],
], { url: ORIGINAL_URL });
const en = side('b-en', 'en', [
  [K, 'We affirm that there will be no power shortage like in 2023, when the north lacked about 4,500 MW.'],
  [K, 'In May and June alone, peak load in the north could reach 24,500 MW. We have carefully calculated the scenarios.'],
  [K, 'People and businesses need to keep saving electricity, especially during the peak hours from 1pm to 3pm.'],
], { sourceUrl: ORIGINAL_URL, publishedTs: Date.parse('2025-04-11') });

const pairs = (edges: LinkEdge[]) => edges.map((e) => [e.from, e.to].sort().join(' ~ ')).sort();

t.test('a source line naming the other article makes the pair a translation', async (t) => {
  t.equal(articleAffinity(vi.article, en.article), 1);
  t.equal(articleAffinity(en.article, vi.article), 1);
});

t.test('a translation pair is aligned one to one, in order', async (t) => {
  const edges = linkArticlePair(vi, en, THRESHOLD);
  t.same(pairs(edges), ['a-vi-q0 ~ b-en-q0', 'a-vi-q1 ~ b-en-q1', 'a-vi-q2 ~ b-en-q2']);
  for (const e of edges) t.ok(e.confidence >= THRESHOLD && e.confidence <= 1, `confidence ${e.confidence}`);
});

t.test('linking is symmetric: (a, b) and (b, a) give the same edges', async (t) => {
  t.same(linkArticlePair(vi, en, THRESHOLD), linkArticlePair(en, vi, THRESHOLD));
  const other = side('c-id', 'id', [[K, 'Khusus Mei dan Juni, beban puncak bisa mencapai 24.500 MW.']], { publishedTs: Date.parse('2025-04-12') });
  t.same(linkArticlePair(vi, other, THRESHOLD), linkArticlePair(other, vi, THRESHOLD));
});

t.test('a translation that drops a quote keeps the others aligned', async (t) => {
  const dropped = side('b-en', 'en', [
    [K, 'We affirm that there will be no power shortage like in 2023, when the north lacked about 4,500 MW.'],
    [K, 'People and businesses need to keep saving electricity, especially during the peak hours from 1pm to 3pm.'],
  ], { sourceUrl: ORIGINAL_URL });
  const edges = linkArticlePair(vi, dropped, THRESHOLD);
  t.same(pairs(edges), ['a-vi-q0 ~ b-en-q0', 'a-vi-q2 ~ b-en-q1']);
});

t.test('quotes of different speakers are never linked, however alike', async (t) => {
  const other = side('b-en', 'en', en.quotes.map((q) => ['do-van-lam', q.text] as [string, string]), { sourceUrl: ORIGINAL_URL });
  t.same(linkArticlePair(vi, other, THRESHOLD), []);
  const unattributed = side('b-en', 'en', en.quotes.map((q) => [null, q.text] as [null, string]), { sourceUrl: ORIGINAL_URL });
  t.same(linkArticlePair(vi, unattributed, THRESHOLD), []);
});

t.test('each speaker is aligned on their own quotes', async (t) => {
  const L = 'do-van-lam';
  const a = side('a-vi', 'vi', [
    [K, 'Lãi suất đã giảm khoảng 0,5 điểm phần trăm so với cuối năm 2024.'],
    [L, 'Tỷ giá trung tâm hiện ở mức 24.950 đồng/USD.'],
    [K, 'Gói tín dụng 145.000 tỷ đồng mới giải ngân được khoảng 3.200 tỷ đồng.'],
  ], { url: ORIGINAL_URL });
  const b = side('b-fr', 'fr', [
    [L, 'Le taux central se situe actuellement à 24 950 dongs pour un dollar.'],
    [K, 'Les taux ont baissé d’environ 0,5 point de pourcentage par rapport à la fin de 2024.'],
    [K, 'Le programme de 145 000 milliards de dongs n’a décaissé qu’environ 3 200 milliards.'],
  ], { sourceUrl: ORIGINAL_URL });
  t.same(pairs(linkArticlePair(a, b, THRESHOLD)), ['a-vi-q0 ~ b-fr-q1', 'a-vi-q1 ~ b-fr-q0', 'a-vi-q2 ~ b-fr-q2']);
});

t.test('same language, two outlets: linked by wording', async (t) => {
  const a = side('a-vi', 'vi', [[K, 'Chúng tôi khẳng định không để xảy ra tình trạng thiếu điện như năm 2023.']]);
  const b = side('b-vi', 'vi', [[K, 'Chúng tôi khẳng định không để xảy ra tình trạng thiếu điện như năm 2023 nữa.']]);
  t.equal(linkArticlePair(a, b, THRESHOLD).length, 1);
  const c = side('c-vi', 'vi', [[K, 'Giá điện sẽ được điều chỉnh theo lộ trình, minh bạch.']]);
  t.equal(linkArticlePair(a, c, THRESHOLD).length, 0);
});

t.test('an unrelated article with nothing in common is not linked', async (t) => {
  const other = side('z-en', 'en', [[K, 'We welcome investors who want to build factories in the north.']], { publishedTs: Date.parse('2025-06-30') });
  t.same(linkArticlePair(vi, other, THRESHOLD), []);
});

t.test('speakers named in full in one version and by one name in another are one speaker; ambiguous names are not', async (t) => {
  const q = (speakerId: string) => ({ id: speakerId, articleId: 'x', lang: 'fr', text: '', speakerId, seq: 0 });
  const groups = (l: string[], r: string[]) => speakerGroups(l.map(q), r.map(q)).map((g) => [...g].sort().join('|')).sort();
  t.same(groups(['patrick-delorme'], ['delorme']), ['delorme|patrick-delorme']);
  t.same(groups(['hendra-wijaya'], ['bi-hendra-wijaya']), ['bi-hendra-wijaya|hendra-wijaya']);
  t.same(groups(['do-quang-minh', 'ho-chi-minh'], ['minh']), ['do-quang-minh', 'ho-chi-minh', 'minh']);
  t.same(groups(['pham-thu-ha'], ['do-van-lam']), ['do-van-lam', 'pham-thu-ha']);
});

t.test('unrelated reports sharing one figure or one name among several are not linked', async (t) => {
  const V = 'doan-khanh-van';
  const day1 = side('d1-vi', 'vi', [[V, 'Việt Nam phản đối mọi hành vi vi phạm chủ quyền. Chúng tôi yêu cầu thả ngay 12 ngư dân.']], { publishedTs: Date.parse('2025-10-02') });
  const day2 = side('d2-en', 'en', [[V, 'The 45-day visa exemption for citizens of 12 European countries will be extended until 2028 by Vietnam.']], { publishedTs: Date.parse('2025-10-09') });
  t.same(linkArticlePair(day1, day2, THRESHOLD), []);
});
