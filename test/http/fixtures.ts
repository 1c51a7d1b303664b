import { build } from '../helpers/build.ts';

/**
 * Articles the HTTP tests post: a Vietnamese article, its Indonesian translation (with a `Sumber:` line naming the
 * original), and a French article quoting someone else, so clusters, fallbacks and speaker spellings have material.
 */
export const VI_URL = 'https://vietnamnet.vn/ong-le-hoai-trung-hoi-nhap-quoc-te.html';

export const viArticle = {
  id: 'vi-trung',
  lang: 'vi',
  url: VI_URL,
  title: 'Ông Lê Hoài Trung: Hội nhập quốc tế',
  outlet: 'VietNamNet',
  publishedAt: '2025-09-16',
  text: [
    'Tại hội nghị toàn quốc sáng nay, Quyền Bộ trưởng Ngoại giao Lê Hoài Trung trình bày một số nội dung chính của Nghị quyết số 59.',
    '',
    '"Đến thời kỳ đổi mới, chúng ta mới có thêm nhiều điều kiện để hội nhập quốc tế toàn diện, sâu rộng và thực chất hơn" - ông Lê Hoài Trung phân tích.',
    '',
    'Theo ông, Việt Nam hiện có quan hệ ngoại giao với 194 quốc gia và vùng lãnh thổ.',
    '',
    '"Trong hội nhập phải thể hiện đúng tinh thần là đối tác tích cực, có trách nhiệm và chủ động đóng góp cho công việc chung của cộng đồng quốc tế" - ông Lê Hoài Trung nhấn mạnh.',
  ].join('\n'),
};

export const idArticle = {
  id: 'id-trung',
  lang: 'id',
  url: 'https://vietnam.vnanet.vn/id/le-hoai-trung-integrasi.html',
  title: 'Le Hoai Trung: integrasi internasional',
  outlet: 'VNA',
  publishedAt: '2025-09-17',
  text: [
    'Pada konferensi nasional pagi ini, Penjabat Menteri Luar Negeri Le Hoai Trung menyampaikan beberapa isi utama Resolusi No. 59.',
    '',
    '"Dalam periode renovasi, kita memiliki lebih banyak kondisi untuk integrasi internasional yang lebih komprehensif, mendalam, dan substansial" - Bapak Le Hoai Trung menganalisis.',
    '',
    'Vietnam saat ini memiliki hubungan diplomatik dengan 194 negara dan wilayah.',
    '',
    '"Dalam integrasi, kita harus menunjukkan semangat menjadi mitra yang aktif dan bertanggung jawab serta berkontribusi secara proaktif terhadap pekerjaan bersama komunitas internasional," tegas Bapak Le Hoai Trung.',
    '',
    `Sumber: ${VI_URL}`,
  ].join('\n'),
};

export const frArticle = {
  id: 'fr-hang',
  lang: 'fr',
  url: 'https://lecourrier.vn/le-thi-thu-hang-diplomatie.html',
  title: 'La diplomatie vietnamienne',
  outlet: 'Le Courrier du Vietnam',
  publishedAt: '2025-08-01',
  text: [
    'La vice-ministre des Affaires étrangères Lê Thị Thu Hằng a présenté les résultats de la 32e Conférence diplomatique.',
    '',
    '« La diplomatie doit ouvrir la voie au développement durable du pays », a déclaré Mme Lê Thị Thu Hằng.',
  ].join('\n'),
};

/** Once stored, every HTTP test starts from these three. */
export const ARTICLES = [viArticle, idArticle, frArticle];

interface QuoteRef {
  id: string;
  articleId: string;
  lang: string;
  text: string;
}

/** The app over a fresh store holding ARTICLES; `quotes` are what the ingestion reported, in posting order. */
export async function buildSeeded(t: Parameters<typeof build>[0], config: Parameters<typeof build>[1] = {}) {
  const built = await build(t, config);
  const response = await built.app.inject({ method: 'POST', url: '/articles', headers: built.auth, payload: ARTICLES });
  if (response.statusCode !== 200) throw new Error(`seeding failed: ${response.statusCode} ${response.body}`);
  const quotes = (response.json() as { quotes: QuoteRef[] }).quotes;
  const position = (q: QuoteRef) => ARTICLES.find((a) => a.id === q.articleId)!.text.indexOf(q.text);
  /** The index-th quote of an article in reading order: the first ones of vi-trung and id-trung translate each other. */
  const quoteOf = (articleId: string, index = 0) =>
    quotes.filter((q) => q.articleId === articleId).sort((a, b) => position(a) - position(b))[index];
  return { ...built, quotes, quoteOf };
}
