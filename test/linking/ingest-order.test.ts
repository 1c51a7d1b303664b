/**
 * Clusters over a real Meilisearch do not depend on arrival order, and re-posting or deleting an article leaves the
 * store as if the final set of articles had been ingested from scratch.
 */
import t from 'tap';
import { buildServices } from '../helpers/build.ts';
import type { ArticleInput } from '../../src/ingestion/types.ts';
import type { Store } from '../../src/storage/store.ts';

const ORIGINAL = 'https://baomoi.example.vn/thong-doc-pham-thu-ha-lai-suat-cho-vay-se-tiep-tuc-giam-20250620.htm';

const vi: ArticleInput = {
  id: 'ls-vi',
  text: ` date 2025-06-20
Thống đốc Phạm Thu Hà: Lãi suất cho vay sẽ tiếp tục giảm

Tại cuộc họp báo sáng 20/6, Thống đốc Ngân hàng Nhà nước Phạm Thu Hà trả lời nhiều câu hỏi về lãi suất và tín dụng.

"Mặt bằng lãi suất cho vay đã giảm khoảng 0,5 điểm phần trăm so với cuối năm 2024. Chúng tôi sẽ tiếp tục yêu cầu các ngân hàng cắt giảm chi phí" - bà Phạm Thu Hà nói.

Theo Thống đốc, tín dụng toàn hệ thống đã tăng 7,2% so với đầu năm.

"Tăng trưởng tín dụng năm 2025 được định hướng ở mức 16%, nhưng chúng tôi sẵn sàng điều chỉnh nếu lạm phát dưới 4,5%" - bà Hà cho biết.

"Gói tín dụng 145.000 tỷ đồng cho nhà ở xã hội mới giải ngân được khoảng 3.200 tỷ đồng. Đây là con số quá thấp" - bà Hà thừa nhận.
`,
};
const en: ArticleInput = {
  id: 'ls-en',
  text: ` date 2025-06-20
Source: ${ORIGINAL}

Lending rates will keep falling, governor says

State Bank of Vietnam Governor Pham Thu Ha answered questions on interest rates and credit at a press conference on Friday.

"Lending rates have fallen by about 0.5 percentage points compared to the end of 2024. We will keep asking banks to cut their costs," Ms Pham Thu Ha said.

Credit across the system had grown 7.2% since the start of the year, according to the governor.

"Credit growth for 2025 is set at 16%, but we are ready to adjust it if inflation stays below 4.5%," Ha said.

"Of the 145,000 billion dong package for social housing, only about 3,200 billion dong has been disbursed. That figure is far too low," Ha admitted.
`,
};
const id: ArticleInput = {
  id: 'ls-id',
  text: ` date 2025-06-21
Sumber: ${ORIGINAL}

Gubernur Pham Thu Ha: Suku bunga kredit akan terus turun

Gubernur Bank Negara Vietnam Pham Thu Ha menjawab pertanyaan wartawan tentang suku bunga dan kredit, Jumat (20/6).

"Suku bunga kredit telah turun sekitar 0,5 poin persentase dibandingkan akhir 2024. Kami akan terus meminta bank memangkas biaya," kata Ibu Pham Thu Ha.

Menurut Gubernur, kredit di seluruh sistem telah tumbuh 7,2% sejak awal tahun.

"Pertumbuhan kredit tahun 2025 diarahkan pada 16%, tetapi kami siap menyesuaikannya jika inflasi di bawah 4,5%," ujarnya.

"Dari paket kredit 145.000 miliar dong untuk perumahan sosial, baru sekitar 3.200 miliar dong yang tersalurkan. Angka itu terlalu rendah," aku Ha.
`,
};
// The same governor a month later, on something else: nothing here may join the clusters above.
const later: ArticleInput = {
  id: 'ls-later-en',
  text: ` date 2025-07-22
Governor Pham Thu Ha warns banks over gold loans

State Bank Governor Pham Thu Ha on Tuesday told commercial banks to tighten lending against gold collateral.

"Banks that lend against gold without checking its origin will be inspected. We will not tolerate speculation," Ms Pham Thu Ha said.

"Our priority for the second half is stability of the exchange rate and of the banking system," she said.
`,
};
const ALL = [vi, en, id, later];

interface Snapshot {
  /** Cluster membership, as sorted lists of quote ids. */
  clusters: string[];
  /** clusterId and original flag of every quote. */
  quotes: string[];
}

async function snapshot(store: Store, articles: ArticleInput[]): Promise<Snapshot> {
  const quotes = await store.quotesOfArticles(articles.map((a) => a.id));
  const byCluster = new Map<string, string[]>();
  for (const q of quotes) byCluster.set(q.clusterId, [...(byCluster.get(q.clusterId) ?? []), q.id]);
  return {
    clusters: [...byCluster.values()].map((ids) => ids.sort().join(' + ')).sort(),
    quotes: quotes.map((q) => `${q.id} ${q.clusterId} ${q.original ? 'original' : ''} [${q.translations.map((x) => x.id).sort().join(',')}]`).sort(),
  };
}

function shuffle<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

async function ingestedFromScratch(t: Parameters<typeof buildServices>[0], articles: ArticleInput[]): Promise<Snapshot> {
  const services = await buildServices(t);
  for (const a of articles) await services.ingest.ingest([a]);
  return snapshot(services.store, articles);
}

t.test('the same clusters whatever the arrival order', async (t) => {
  const reference = await ingestedFromScratch(t, ALL);
  // Three quotes in three languages each, and the two later quotes alone.
  t.same(reference.clusters.map((c) => c.split(' + ').map((q) => q.split('-').slice(0, -1).join('-')).join(' + ')), [
    'ls-en + ls-id + ls-vi',
    'ls-en + ls-id + ls-vi',
    'ls-en + ls-id + ls-vi',
    'ls-later-en',
    'ls-later-en',
  ]);
  const seeds = [3, 17, 101, 4242, 90001, Date.now() % 100000];
  for (const seed of seeds) {
    const order = shuffle(ALL, seed);
    const got = await ingestedFromScratch(t, order);
    t.same(got, reference, `order ${order.map((a) => a.id).join(', ')} (seed ${seed})`);
  }
  // All at once, in one request.
  const services = await buildServices(t);
  await services.ingest.ingest(shuffle(ALL, 7));
  t.same(await snapshot(services.store, ALL), reference, 'one batch');
});

t.test('re-posting an article replaces its quotes and repairs the clusters', async (t) => {
  const services = await buildServices(t);
  for (const a of ALL) await services.ingest.ingest([a]);
  // The English outlet corrects its article: the social-housing quote is cut.
  const corrected: ArticleInput = { id: en.id, text: en.text.replace(/\n"Of the 145,000[^\n]*\n/, '\n') };
  t.not(corrected.text, en.text);
  const result = await services.ingest.ingest([corrected]);
  t.equal(result.articles[0].replaced, true);
  const finalSet = [vi, corrected, id, later];
  t.same(await snapshot(services.store, finalSet), await ingestedFromScratch(t, finalSet), 'as if ingested with the correction');
  // And back.
  await services.ingest.ingest([en]);
  t.same(await snapshot(services.store, ALL), await ingestedFromScratch(t, ALL), 'the original text restores the clusters');
});

t.test('deleting an article splits what only it held together, and adding it back merges again', async (t) => {
  const services = await buildServices(t);
  for (const a of ALL) await services.ingest.ingest([a]);
  t.equal(await services.ingest.remove(vi.id), true);
  t.equal(await services.ingest.remove(vi.id), false, 'a second delete finds nothing');
  const rest = [en, id, later];
  const afterDelete = await snapshot(services.store, ALL);
  t.notOk(afterDelete.quotes.some((q) => q.startsWith('ls-vi-')), 'its quotes are gone');
  t.notOk(afterDelete.quotes.some((q) => q.includes('ls-vi-')), 'no translation still points at them');
  t.same(afterDelete, await ingestedFromScratch(t, rest), 'as if it had never been ingested');
  await services.ingest.ingest([vi]);
  t.same(await snapshot(services.store, ALL), await ingestedFromScratch(t, ALL), 'back to the full clusters');
});
