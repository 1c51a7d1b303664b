/**
 * A generated corpus for the benchmark: stories told in four languages (vi original, id/fr/en translations), each
 * article with 1–2 quotes of one speaker, the four versions of a quote linked in one cluster — documents shaped
 * exactly like what IngestService stores (src/storage/documents.ts), so that they can be bulk-loaded straight into
 * Meilisearch. Also fresh, realistic article texts (quote marks and attribution in each language) for ingestion.
 */
import { createHash } from 'node:crypto';
import { rendered, type ArticleDoc, type QuoteDoc, type SpeakerDoc } from '../src/storage/documents.ts';
import { speakerId } from '../src/ingestion/speakers.ts';
import { fold } from '../src/text/fold.ts';
import { articleAnchors } from '../src/linking/signals.ts';

export const LANGS = ['vi', 'id', 'fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hoài', 'Minh', 'Quang', 'Thanh', 'Đức', 'Hữu', 'Ngọc', 'Xuân'];
const GIVEN = ['Trung', 'Hà', 'Vinh', 'Sơn', 'Long', 'Hải', 'Nam', 'Hùng', 'Dũng', 'Tuấn', 'Anh', 'Bình', 'Phúc', 'Khánh', 'Lan', 'Mai'];

/** Words of each language the generated quotes are made of; index k means the same thing in every language. */
const WORDS: Record<Lang, string[]> = {
  vi: 'hội nhập quốc tế kinh tế phát triển bền vững đối ngoại hợp tác chiến lược an ninh quốc phòng đầu tư xuất khẩu công nghệ giáo dục y tế nông nghiệp năng lượng môi trường khí hậu giao thông hạ tầng doanh nghiệp thị trường lao động việc làm thu nhập ngân sách chính sách pháp luật cải cách hành chính minh bạch trách nhiệm nhân dân đất nước tương lai hòa bình ổn định khu vực thế giới đối tác niềm tin cơ hội thách thức'.split(' '),
  id: 'integrasi internasional ekonomi pembangunan berkelanjutan luar negeri kerja sama strategis keamanan pertahanan investasi ekspor teknologi pendidikan kesehatan pertanian energi lingkungan iklim transportasi infrastruktur perusahaan pasar tenaga kerja lapangan pendapatan anggaran kebijakan hukum reformasi administrasi transparansi tanggung jawab rakyat negara masa depan perdamaian stabilitas kawasan dunia mitra kepercayaan peluang tantangan'.split(' '),
  fr: 'intégration internationale économie développement durable affaires étrangères coopération stratégique sécurité défense investissement exportations technologie éducation santé agriculture énergie environnement climat transports infrastructures entreprises marché travail emploi revenus budget politique droit réforme administration transparence responsabilité peuple pays avenir paix stabilité région monde partenaires confiance chances défis'.split(' '),
  en: 'international integration economy sustainable development foreign affairs cooperation strategic security defence investment exports technology education health agriculture energy environment climate transport infrastructure business market labour jobs income budget policy law reform administration transparency accountability people country future peace stability region world partners trust opportunities challenges'.split(' '),
};
const VOCAB = Math.min(...LANGS.map((l) => WORDS[l].length));

export interface BenchSpeaker {
  id: string;
  vi: string;
  plain: string;
  female: boolean;
}

export function speakers(count: number): BenchSpeaker[] {
  const out: BenchSpeaker[] = [];
  for (let i = 0; out.length < count; i++) {
    const vi = `${FAMILY[i % FAMILY.length]} ${MIDDLE[Math.floor(i / FAMILY.length) % MIDDLE.length]} ${GIVEN[Math.floor(i / (FAMILY.length * MIDDLE.length)) % GIVEN.length]}`;
    const plain = vi.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    out.push({ id: speakerId(vi), vi, plain, female: vi.includes(' Thị ') });
    if (i > 100_000) throw new Error('not enough distinct names');
  }
  return out;
}

/** A deterministic pseudo-random stream from a seed. */
export function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

const DAY = 86_400_000;
const START = Date.UTC(2023, 0, 1);
const SPAN_DAYS = 1000;

const hex = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 12);

interface StoryPlan {
  story: number;
  speaker: BenchSpeaker;
  ts: number;
  quotes: Array<{ words: number[]; numbers: number[] }>;
}

function plan(story: number, pool: BenchSpeaker[]): StoryPlan {
  const rand = rng(story * 7919 + 17);
  const speaker = pool[Math.floor(rand() * pool.length)];
  const ts = START + Math.floor(rand() * SPAN_DAYS) * DAY;
  const n = 1 + (story % 2);
  const quotes = Array.from({ length: n }, () => ({
    words: Array.from({ length: 12 + Math.floor(rand() * 14) }, () => Math.floor(rand() * VOCAB)),
    numbers: [10 + Math.floor(rand() * 990), 1000 + Math.floor(rand() * 9000)],
  }));
  return { story, speaker, ts, quotes };
}

function quoteText(lang: Lang, q: { words: number[]; numbers: number[] }): string {
  const w = q.words.map((k) => WORDS[lang][k]);
  const half = Math.floor(w.length / 2);
  const text = [...w.slice(0, half), String(q.numbers[0]), ...w.slice(half), String(q.numbers[1])].join(' ');
  return text[0].toUpperCase() + text.slice(1);
}

/** Articles [from, to) of the corpus (article i is language i % 4 of story i / 4), with their quotes. */
export function bulkDocuments(from: number, to: number, pool: BenchSpeaker[]): { articles: ArticleDoc[]; quotes: QuoteDoc[] } {
  const articles: ArticleDoc[] = [];
  const quotes: QuoteDoc[] = [];
  for (let i = from; i < to; i++) {
    const story = Math.floor(i / 4);
    const lang = LANGS[i % 4];
    const p = plan(story, pool);
    const articleId = `bulk-${story}-${lang}`;
    const ids = (l: Lang, k: number) => `bulk-${story}-${l}-${hex(`${story}/${l}/${k}`)}`;
    const publishedTs = p.ts + (i % 4) * 3_600_000;
    const publishedAt = new Date(publishedTs).toISOString();
    const url = `https://news-${lang}.example/${lang}/story-${story}`;
    const name = lang === 'vi' ? p.speaker.vi : p.speaker.plain;
    const texts = p.quotes.map((q) => quoteText(lang, q));
    p.quotes.forEach((_, k) => {
      const id = ids(lang, k);
      const members = LANGS.map((l) => ids(l, k));
      quotes.push(rendered({
        id,
        articleId,
        seq: k,
        lang,
        text: texts[k],
        [`text_${lang}`]: texts[k],
        speakerId: p.speaker.id,
        speakerName: name,
        attributionMethod: 'explicit',
        attributionConfidence: 0.95,
        start: 100 + k * 400,
        end: 100 + k * 400 + texts[k].length,
        url,
        title: `Story ${story}`,
        outlet: `outlet-${lang}`,
        publishedAt,
        publishedTs,
        translated: lang !== 'vi',
        clusterId: `c-${[...members].sort()[0]}`,
        original: lang === 'vi',
        linkConfidence: 0.8,
        links: members.filter((m) => m !== id).map((m) => ({ id: m, confidence: 0.8 })),
        clusterLangs: [...LANGS].sort(),
        translations: LANGS.filter((l) => l !== lang).map((l) => ({
          id: ids(l, k),
          lang: l,
          text: quoteText(l, p.quotes[k]),
          original: l === 'vi',
          articleId: `bulk-${story}-${l}`,
        })),
      } as QuoteDoc));
    });
    const vocabulary = [...new Set(texts.join(' ').split(' ').map((w) => fold(w)).filter((w) => w.length >= 2))];
    // What IngestService stores from the text: its anchors (the speaker's name and the quotes' figures), in place.
    const body = texts.map((t) => `"${t}," ${name} said.`).join('\n\n');
    const { anchors, sites } = articleAnchors(body);
    articles.push({
      id: articleId,
      lang,
      url,
      title: `Story ${story}`,
      outlet: `outlet-${lang}`,
      publishedAt,
      publishedTs,
      ...(lang !== 'vi' ? { sourceUrl: `https://news-vi.example/vi/story-${story}` } : {}),
      speakerIds: [p.speaker.id],
      quoteIds: p.quotes.map((_, k) => ids(lang, k)),
      length: body.length,
      numbers: p.quotes.flatMap((q) => q.numbers.map(String)),
      vocabulary,
      anchors,
      anchorSites: sites,
      ingestedAt: new Date(START).toISOString(),
    });
  }
  return { articles, quotes };
}

/** Speaker documents for the pool, with their quote counts in a corpus of `articleCount` articles. */
export function speakerDocuments(pool: BenchSpeaker[], articleCount: number): SpeakerDoc[] {
  const counts = new Map<string, number>();
  for (let story = 0; story < Math.ceil(articleCount / 4); story++) {
    const p = plan(story, pool);
    const langs = Math.min(4, articleCount - story * 4);
    counts.set(p.speaker.id, (counts.get(p.speaker.id) ?? 0) + p.quotes.length * langs);
  }
  return pool.map((s) => ({
    id: s.id,
    name: s.vi,
    names: { vi: s.vi, id: s.plain, fr: s.plain, en: s.plain },
    aliases: [s.vi, s.plain].sort(),
    foldedNames: [fold(s.vi)],
    roles: [],
    languages: [...LANGS].sort(),
    quoteCount: counts.get(s.id) ?? 0,
  }));
}

const VERBS: Record<Lang, string[]> = {
  vi: ['phân tích', 'nhấn mạnh', 'khẳng định'],
  id: ['tegas', 'ujar', 'kata'],
  fr: ['a déclaré', 'a souligné', 'a affirmé'],
  en: ['said', 'stressed', 'added'],
};
const INTRO: Record<Lang, string> = {
  vi: 'Tại hội nghị sáng nay, các đại biểu đã thảo luận về chương trình hành động của Chính phủ trong năm tới.',
  id: 'Pada konferensi pagi ini, para delegasi membahas program aksi Pemerintah untuk tahun depan.',
  fr: "Lors de la conférence de ce matin, les délégués ont débattu du programme d'action du gouvernement pour l'année prochaine.",
  en: "At this morning's conference, delegates discussed the Government's action programme for the coming year.",
};

/**
 * A fresh article as a client would post it: an intro, 2–3 quotes in the language's marks with attribution after
 * them, a source line for translations. Its speaker and date fall inside the corpus, so linking has candidates.
 */
export function freshArticle(k: number, pool: BenchSpeaker[], tag: string): { id: string; text: string; lang: Lang; url: string; publishedAt: string } {
  const rand = rng(k * 104_729 + tag.length * 31 + 5);
  const lang = LANGS[k % 4];
  const p = plan(Math.floor(rand() * 1_000_000), pool);
  const speaker = p.speaker;
  const paragraphs = [INTRO[lang]];
  const n = 2 + (k % 2);
  for (let j = 0; j < n; j++) {
    const body = quoteText(lang, {
      words: Array.from({ length: 14 + Math.floor(rand() * 10) }, () => Math.floor(rand() * VOCAB)),
      numbers: [10 + Math.floor(rand() * 990), 1000 + Math.floor(rand() * 9000)],
    });
    const verb = VERBS[lang][j % 3];
    paragraphs.push(
      lang === 'vi'
        ? `"${body}." - ${speaker.female ? 'bà' : 'ông'} ${speaker.vi} ${verb}.`
        : lang === 'id'
          ? `"${body}," ${verb} ${speaker.female ? 'Ibu' : 'Bapak'} ${speaker.plain}.`
          : lang === 'fr'
            ? `« ${body} », ${verb} ${speaker.female ? 'Mme' : 'M.'} ${speaker.plain}.`
            : `"${body}," ${speaker.plain} ${verb}.`,
    );
    paragraphs.push(INTRO[lang]);
  }
  return {
    id: `fresh-${tag}-${k}`,
    text: paragraphs.join('\n\n'),
    lang,
    url: `https://fresh-${lang}.example/${tag}/${k}`,
    publishedAt: new Date(p.ts).toISOString().slice(0, 10),
  };
}

/** A query mix over the corpus: speaker / lang / q alone and combined, as the API and as raw Meilisearch see them. */
export interface QuerySpec {
  speaker?: string;
  lang?: Lang;
  q?: string;
  offset: number;
}

export const PAGE_SIZE = 20;

export function querySpecs(count: number, pool: BenchSpeaker[], seed: number): QuerySpec[] {
  const rand = rng(seed);
  const out: QuerySpec[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 6;
    const lang = LANGS[Math.floor(rand() * 4)];
    const word = () => WORDS[lang][Math.floor(rand() * VOCAB)];
    const speaker = pool[Math.floor(rand() * pool.length)].id;
    // Clients page through results, so offsets fall on page boundaries (limit 20).
    const offset = PAGE_SIZE * Math.floor(rand() * 3);
    const spec: QuerySpec =
      kind === 0 ? { lang, offset }
      : kind === 1 ? { speaker, offset: 0 }
      : kind === 2 ? { q: `${word()} ${word()}`, lang, offset }
      : kind === 3 ? { speaker, lang, offset: 0 }
      : kind === 4 ? { q: word(), offset }
      : { speaker, lang, q: word(), offset: 0 };
    out.push(spec);
  }
  return out;
}
