import t from 'tap';
import { continuationEdges, linkArticlePair, type ArticleSide } from '../../src/linking/align.ts';
import { articleAffinity } from '../../src/linking/pairing.ts';
import { anchorNumbers, articleAnchors, ownTextLength, vocabulary } from '../../src/linking/signals.ts';
import { notArticleText } from '../../src/ingestion/pipeline.ts';
import type { LinkableArticle, LinkEdge } from '../../src/linking/types.ts';

const THRESHOLD = 0.6;
const ORIGINAL_URL = 'https://tinnhanh.vn/bo-truong-tran-minh-khoa-khong-de-thieu-dien-mua-kho-241877.html';

/**
 * An article as the linker sees it: the quotes are what stands between `"` marks, in order, each given the speaker at
 * the same place in `speakers` (null: extraction found none).
 */
function side(id: string, lang: string, text: string, speakers: Array<string | null>, extra: Partial<LinkableArticle> = {}): ArticleSide {
  const skipped = notArticleText(text);
  const { anchors, sites } = articleAnchors(text, skipped);
  const quotes = [...text.matchAll(/"([^"]+)"/g)].map((m, seq) => {
    const speaker = speakers[seq] ?? null;
    return {
      id: `${id}-q${seq}`,
      articleId: id,
      lang,
      text: m[1],
      seq,
      start: m.index + 1,
      end: m.index + 1 + m[1].length,
      speaker: speaker ? { id: speaker.toLowerCase().replace(/ /g, '-'), name: speaker, confidence: 0.9 } : null,
    };
  });
  return {
    article: { id, lang, length: ownTextLength(text, skipped), skipped, numbers: anchorNumbers(text), vocabulary: vocabulary(text), anchors, anchorSites: sites, ...extra },
    quotes,
  };
}

const K = 'Tran Minh Khoa';
const VI = `Bộ trưởng Trần Minh Khoa: Không để thiếu điện trong mùa khô
Sáng 10/4, Bộ trưởng Công Thương Trần Minh Khoa chủ trì hội nghị về cung ứng điện mùa khô năm 2025 tại Hà Nội, với sự tham gia của EVN và các tập đoàn năng lượng.
"Chúng tôi khẳng định không để xảy ra tình trạng thiếu điện như năm 2023, khi miền Bắc thiếu khoảng 4.500 MW" - ông Trần Minh Khoa nói.
Theo EVN, sản lượng thủy điện quý I giảm 12% so với cùng kỳ, trong khi nhiệt điện than phải chạy ở mức cao.
"Riêng tháng 5 và tháng 6, phụ tải đỉnh miền Bắc có thể lên tới 24.500 MW. Chúng tôi đã tính toán kỹ các kịch bản" - Bộ trưởng cho biết.
Ông cũng đề nghị các địa phương chủ động rà soát lưới điện phân phối và xử lý dứt điểm các điểm nghẽn.
"Người dân và doanh nghiệp cần tiếp tục tiết kiệm điện, nhất là vào giờ cao điểm buổi chiều" - ông nhấn mạnh.`;
const EN = `Minister Tran Minh Khoa: no power shortage in the dry season
On April 10, Minister of Industry and Trade Tran Minh Khoa chaired a conference in Hanoi on electricity supply for the 2025 dry season, attended by EVN and the energy groups.
"We affirm that there will be no power shortage like in 2023, when the north lacked about 4,500 MW," Tran Minh Khoa said.
According to EVN, hydropower output in the first quarter fell 12% year on year, while coal plants had to run at high levels.
"In May and June alone, peak load in the north could reach 24,500 MW. We have carefully calculated the scenarios," the minister said.
He also asked localities to review their distribution grids and clear the bottlenecks for good.
"People and businesses need to keep saving electricity, especially during the afternoon peak hours," he stressed.`;
const vi = side('a-vi', 'vi', VI, [K, K, K], { url: ORIGINAL_URL, publishedTs: Date.parse('2025-04-10') });
const en = side('b-en', 'en', EN, [K, K, K], { publishedTs: Date.parse('2025-04-11') });

const pairs = (edges: LinkEdge[]) => edges.map((e) => [e.from, e.to].sort().join(' ~ ')).sort();
const ALIGNED = ['a-vi-q0 ~ b-en-q0', 'a-vi-q1 ~ b-en-q1', 'a-vi-q2 ~ b-en-q2'];

t.test('names and figures at the same places make two texts a translation pair, with no hint at all', async (t) => {
  t.ok(articleAffinity(vi.article, en.article) >= 0.9, `affinity ${articleAffinity(vi.article, en.article)}`);
  t.equal(articleAffinity(vi.article, en.article), articleAffinity(en.article, vi.article), 'symmetric');
  const other = side('z-en', 'en', 'Lakers coach Luke Walton said on Monday that LeBron James would play "a few minutes" in the opener against Denver.', [null]);
  t.ok(articleAffinity(vi.article, other.article) < 0.1, 'an unrelated text');
});

t.test('a source line, a URL slug or a client hint pairs the texts for certain', async (t) => {
  const sourced = { ...en.article, sourceUrl: ORIGINAL_URL };
  t.equal(articleAffinity(vi.article, sourced), 1);
  const hinted = { ...side('c-fr', 'fr', 'Texte sans rien en commun.', []).article, translationOf: 'a-vi' };
  t.equal(articleAffinity(vi.article, hinted), 1);
  t.equal(articleAffinity(hinted, vi.article), 1);
});

t.test('a text whose source line names another original is at best a report of the same event: its places count for less', async (t) => {
  const otherOriginal = 'https://tinnhanh.vn/bo-truong-tran-minh-khoa-kiem-tra-nha-may-dien-than-241990.html';
  const full = articleAffinity(vi.article, en.article);
  t.ok(articleAffinity(vi.article, { ...en.article, sourceUrl: otherOriginal }) <= full / 2, 'the slug names another text');
  t.ok(articleAffinity({ ...vi.article, url: 'https://tinnhanh.vn/x-1.html' }, { ...en.article, sourceUrl: otherOriginal }) <= full / 2, 'another URL');
  t.ok(articleAffinity({ ...vi.article, translationOf: 'z' }, { ...en.article, translationOf: 'y' }) <= full / 2, 'translations of two originals');
  t.ok(articleAffinity({ ...vi.article, translationOf: 'z' }, { ...en.article, translationOf: 'z' }) >= 0.9, 'two translations of one original');
});

t.test('a translation pair is aligned one to one, in order, every link with a confidence', async (t) => {
  const edges = linkArticlePair(vi, en, THRESHOLD);
  t.same(pairs(edges), ALIGNED);
  for (const e of edges) t.ok(e.confidence >= THRESHOLD && e.confidence <= 1, `confidence ${e.confidence}`);
  t.same(linkArticlePair(en, vi, THRESHOLD), edges, 'symmetric: (a, b) and (b, a) give the same edges');
});

t.test('what is not the article (metadata lines, a related-news block) does not shift the places', async (t) => {
  const related = `${VI}\n\nTIN LIÊN QUAN\nEVN đề xuất cơ chế mua điện mặt trời mái nhà\nGiá điện tăng 4,8% từ hôm nay\nHà Nội cắt điện luân phiên ở 12 quận\nThủ tướng yêu cầu không để thiếu điện cho sản xuất`;
  const sourced = ` date 2025-04-11\nSource: ${ORIGINAL_URL}\nTitle: Minister Tran Minh Khoa: no power shortage in the dry season\n\n${EN}`;
  t.same(pairs(linkArticlePair(side('a-vi', 'vi', related, [K, K, K]), side('b-en', 'en', sourced, [K, K, K]), THRESHOLD)), ALIGNED);
});

t.test('quotes without a speaker are aligned all the same', async (t) => {
  t.same(pairs(linkArticlePair(vi, side('b-en', 'en', EN, [null, null, null]), THRESHOLD)), ALIGNED);
  t.same(pairs(linkArticlePair(side('a-vi', 'vi', VI, [K, null, K]), side('b-en', 'en', EN, [null, K, null]), THRESHOLD)), ALIGNED);
});

t.test('a translation that drops a quote keeps the others aligned', async (t) => {
  const dropped = side('b-en', 'en', EN.replace(/"In May[^"]+," the minister said\./, 'Peak load in May and June could reach 24,500 MW, the minister said.'), [K, K]);
  t.same(pairs(linkArticlePair(vi, dropped, THRESHOLD)), ['a-vi-q0 ~ b-en-q0', 'a-vi-q2 ~ b-en-q1']);
});

t.test('two people both versions name: a veto, unless the two quotes are unmistakably each other\'s translation', async (t) => {
  const L = 'Do Van Lam';
  const withLam = (text: string) =>
    text.replace(/Trần Minh Khoa chủ trì/, 'Trần Minh Khoa và Thứ trưởng Đỗ Văn Lâm chủ trì').replace(/Tran Minh Khoa chaired/, 'Tran Minh Khoa and deputy minister Do Van Lam chaired');
  const a = side('a-vi', 'vi', withLam(VI), [K, K, K]);
  // In English, Lam speaks where Khoa spoke in Vietnamese: same place, about the same length, nothing else in common.
  const lamSpeaks = withLam(EN).replace(
    /"In May[^"]+," the minister said\./,
    '"The inspectors will check every plant and every line before the hot months, so that nothing is left to chance," Do Van Lam said.',
  );
  const unattributed = pairs(linkArticlePair(a, side('b-en', 'en', lamSpeaks, [K, null, K]), THRESHOLD));
  t.ok(unattributed.includes('a-vi-q1 ~ b-en-q1'), 'without a speaker, place and length alone link them');
  const named = pairs(linkArticlePair(a, side('b-en', 'en', lamSpeaks, [K, L, K]), THRESHOLD));
  t.notOk(named.includes('a-vi-q1 ~ b-en-q1'), 'Khoa and Lam, both named next to their quotes in both versions: no link');
  t.ok(named.includes('a-vi-q0 ~ b-en-q0') && named.includes('a-vi-q2 ~ b-en-q2'), 'the others still align');
  // The real translation, wrongly given to Lam in English: place, length and figures agree, so the link holds.
  t.ok(pairs(linkArticlePair(a, side('b-en', 'en', withLam(EN), [K, L, K]), THRESHOLD)).includes('a-vi-q1 ~ b-en-q1'));
  // A name the other version does not spell (an organisation in another language) is no conflict.
  t.same(pairs(linkArticlePair(vi, side('b-en', 'en', EN, [K, 'Ministry of Industry', K]), THRESHOLD)), ALIGNED);
});

t.test('"A," he said, "B" in one version and one quote in the other: the one links to both', async (t) => {
  const split = EN.replace(
    /"In May and June alone, peak load in the north could reach 24,500 MW\. We have carefully calculated the scenarios," the minister said\./,
    '"In May and June alone, peak load in the north could reach 24,500 MW," the minister said. "We have carefully calculated the scenarios."',
  );
  const b = side('b-en', 'en', split, [K, K, K, K]);
  t.same(pairs(linkArticlePair(vi, b, THRESHOLD)), ['a-vi-q0 ~ b-en-q0', 'a-vi-q1 ~ b-en-q1', 'a-vi-q1 ~ b-en-q2', 'a-vi-q2 ~ b-en-q3']);
  // Never two quotes of two different people read as one.
  const twoPeople = side('b-en', 'en', split, [K, K, 'Do Van Lam', K]);
  t.notOk(pairs(linkArticlePair(vi, twoPeople, THRESHOLD)).includes('a-vi-q1 ~ b-en-q2'));
});

t.test('same language, two outlets: linked by wording, unless two people said it', async (t) => {
  const a = side('a-vi', 'vi', 'Ông Trần Minh Khoa nói: "Chúng tôi khẳng định không để xảy ra tình trạng thiếu điện như năm 2023."', [K]);
  const b = side('b-vi', 'vi', 'Bộ trưởng Trần Minh Khoa khẳng định: "Chúng tôi khẳng định không để xảy ra tình trạng thiếu điện như năm 2023 nữa."', [null]);
  t.equal(linkArticlePair(a, b, THRESHOLD).length, 1);
  const c = side('c-vi', 'vi', 'Ông Trần Minh Khoa nói: "Giá điện sẽ được điều chỉnh theo lộ trình, minh bạch."', [K]);
  t.equal(linkArticlePair(a, c, THRESHOLD).length, 0);
  const d = side('d-vi', 'vi', 'Ông Đỗ Văn Lâm và ông Trần Minh Khoa. "Chúng tôi khẳng định không để xảy ra tình trạng thiếu điện như năm 2023."', ['Do Van Lam']);
  const e = side('e-vi', 'vi', 'Ông Trần Minh Khoa và ông Đỗ Văn Lâm. "Chúng tôi khẳng định không để xảy ra tình trạng thiếu điện như năm 2023."', [K]);
  t.equal(linkArticlePair(d, e, THRESHOLD).length, 0);
});

t.test('unrelated reports in other languages: one speaker, most anchors of the quote shared', async (t) => {
  // Two stories of different days that both quote the minister's forecast: not translations of each other.
  const a = side(
    'r-vi',
    'vi',
    `Giá điện tăng 4,8% từ hôm nay
Tập đoàn EVN thông báo điều chỉnh giá bán lẻ điện bình quân lên 2.103 đồng/kWh, áp dụng từ ngày 11/10.
Theo EVN, chi phí mua điện từ các nhà máy nhiệt điện đã tăng mạnh trong quý III do giá than nhập khẩu.
Trước đó, Bộ trưởng Trần Minh Khoa cho biết: "Phụ tải đỉnh miền Bắc có thể lên tới 24.500 MW vào tháng 6 năm 2025."
Các chuyên gia cho rằng mức tăng này phù hợp với lộ trình thị trường điện cạnh tranh.`,
    [K],
  );
  const b = side(
    'r-fr',
    'fr',
    `Le Vietnam mise sur l'éolien en mer
Le gouvernement a approuvé jeudi un plan qui prévoit 6 000 MW d'éolien en mer d'ici 2030, avec des investisseurs danois et japonais.
Interrogé sur la sécurité de l'approvisionnement, le ministre Tran Minh Khoa a répété sa prévision : "La charge de pointe du Nord pourrait atteindre 24 500 MW en juin 2025."
Les organisations environnementales saluent un tournant, mais s'inquiètent du rythme des raccordements au réseau.`,
    [K],
  );
  t.same(pairs(linkArticlePair(a, b, THRESHOLD)), ['r-fr-q0 ~ r-vi-q0']);
  const lam = side('r-fr', 'fr', `Le Vietnam mise sur l'éolien en mer
Le vice-ministre Do Van Lam a présenté la même prévision : "La charge de pointe du Nord pourrait atteindre 24 500 MW en juin 2025."`, ['Do Van Lam']);
  t.same(linkArticlePair(a, lam, THRESHOLD), [], 'another speaker');
  const oneFigure = side('r-en', 'en', `Vietnam extends visa exemptions
Foreign minister Tran Minh Khoa said on Monday: "The 12 European countries will keep their visa exemption until 2025."
Tourism arrivals rose 40% in the first nine months.`, [K]);
  t.same(linkArticlePair(a, oneFigure, THRESHOLD), [], 'one shared figure among several');
});

t.test('"A," he said, "b …": a sentence quoted around its attribution is one statement within its article', async (t) => {
  const linked = (text: string, speakers: Array<string | null>) => continuationEdges(text, side('c-en', 'en', text, speakers).quotes).map((e) => `${e.from} ~ ${e.to}`);
  t.same(linked('"The grid will hold," the minister said, "and every household will have power."', [K, K]), ['c-en-q0 ~ c-en-q1']);
  t.same(linked('"La grille tiendra", a dit le ministre, "et chaque foyer aura du courant."', [K, null]), ['c-en-q0 ~ c-en-q1'], 'the comma outside the marks');
  t.same(linked('"The grid will hold," the minister said. "Every household will have power."', [K, K]), [], 'a new sentence is a new statement');
  t.same(linked('"The grid will hold," the minister said, "and every household will have power."', [K, 'Do Van Lam']), [], 'two people');
});

t.test('a figure written in another unit is the same figure', async (t) => {
  const a = side('u-vi', 'vi', `${VI}\n"Gói tín dụng 145.000 tỷ đồng mới giải ngân được 3.200 tỷ đồng" - ông Khoa nói.`, [K, K, K, K]);
  const b = side('u-en', 'en', `${EN}\n"Of the VND145 trillion package, only VND3.2 trillion has been disbursed," Khoa said.`, [K, K, K, K]);
  t.ok(pairs(linkArticlePair(a, b, THRESHOLD)).includes('u-en-q3 ~ u-vi-q3'));
});
