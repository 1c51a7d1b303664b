/**
 * Articles for the reliability tests, written here: the same stories told in Vietnamese (the original), Indonesian,
 * French and English, each with two or three quotes attributed in that language's usual form, numbers that survive
 * translation, and a source line naming the original — what the linker works from.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { ArticleBody } from '../../src/schemas/article.ts';
import type { QuoteDoc } from '../../src/storage/documents.ts';
import type { Store } from '../../src/storage/store.ts';

export const LANGS = ['vi', 'id', 'fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** What a client posts to /articles. */
export type PostedArticle = ArticleBody;

interface Speaker {
  vi: string; // with diacritics
  plain: string; // as the foreign press spells it
  female: boolean;
}

export const SPEAKERS: Speaker[] = [
  { vi: 'Lê Hoài Trung', plain: 'Le Hoai Trung', female: false },
  { vi: 'Nguyễn Thị Thanh Hà', plain: 'Nguyen Thi Thanh Ha', female: true },
  { vi: 'Phạm Quang Vinh', plain: 'Pham Quang Vinh', female: false },
  { vi: 'Trần Văn Sơn', plain: 'Tran Van Son', female: false },
];

type Sentence = Record<Lang, (n: number[]) => string>;

/** Quote bodies, each with numbers that a translator keeps. */
const SENTENCES: Sentence[] = [
  {
    vi: ([a, b]) => `Việt Nam hiện có quan hệ ngoại giao với ${a} quốc gia và vùng lãnh thổ, trong đó có ${b} đối tác chiến lược và toàn diện`,
    id: ([a, b]) => `Vietnam saat ini memiliki hubungan diplomatik dengan ${a} negara dan wilayah, termasuk ${b} mitra strategis dan komprehensif`,
    fr: ([a, b]) => `Le Vietnam entretient aujourd'hui des relations diplomatiques avec ${a} pays et territoires, dont ${b} partenaires stratégiques et globaux`,
    en: ([a, b]) => `Vietnam now has diplomatic relations with ${a} countries and territories, including ${b} strategic and comprehensive partners`,
  },
  {
    vi: ([a, b]) => `Kim ngạch xuất khẩu năm nay đạt ${a} tỷ USD, tăng ${b}% so với cùng kỳ năm trước, và chúng ta phải giữ vững đà tăng trưởng này`,
    id: ([a, b]) => `Nilai ekspor tahun ini mencapai ${a} miliar dolar AS, naik ${b}% dibandingkan periode yang sama tahun lalu, dan kita harus mempertahankan momentum pertumbuhan ini`,
    fr: ([a, b]) => `Les exportations ont atteint cette année ${a} milliards de dollars, en hausse de ${b} % sur un an, et nous devons maintenir cette dynamique de croissance`,
    en: ([a, b]) => `Exports reached ${a} billion USD this year, up ${b}% year on year, and we must keep up this growth momentum`,
  },
  {
    vi: ([a, b]) => `Sau ${a} năm đổi mới, chúng ta đã là thành viên của hơn ${b} tổ chức khu vực và quốc tế, đó là thành quả của cả dân tộc`,
    id: ([a, b]) => `Setelah ${a} tahun pembaruan, kita telah menjadi anggota lebih dari ${b} organisasi regional dan internasional, itu adalah hasil kerja seluruh bangsa`,
    fr: ([a, b]) => `Après ${a} ans de renouveau, nous sommes membres de plus de ${b} organisations régionales et internationales, c'est l'œuvre de toute la nation`,
    en: ([a, b]) => `After ${a} years of renewal, we are members of more than ${b} regional and international organisations, and that is the work of the whole nation`,
  },
];

const VERBS: Record<Lang, string[]> = {
  vi: ['phân tích', 'nhấn mạnh', 'khẳng định'],
  id: ['tegas', 'ujar', 'kata'],
  fr: ['a déclaré', 'a souligné', 'a affirmé'],
  en: ['said', 'stressed', 'added'],
};

function attributed(lang: Lang, body: string, speaker: Speaker, k: number): string {
  const verb = VERBS[lang][k % 3];
  switch (lang) {
    case 'vi':
      return `"${body}." - ${speaker.female ? 'bà' : 'ông'} ${speaker.vi} ${verb}.`;
    case 'id':
      return `"${body}," ${verb} ${speaker.female ? 'Ibu' : 'Bapak'} ${speaker.plain}.`;
    case 'fr':
      return `« ${body} », ${verb} ${speaker.female ? 'Mme' : 'M.'} ${speaker.plain}.`;
    case 'en':
      return `"${body}," ${speaker.plain} ${verb}.`;
  }
}

const FILLER: Record<Lang, string[]> = {
  vi: [
    'Tại hội nghị toàn quốc sáng nay, các đại biểu đã thảo luận về chương trình hành động của Chính phủ.',
    'Hội nghị được tổ chức tại Hà Nội với sự tham dự của đại diện các bộ, ngành và địa phương.',
  ],
  id: [
    'Pada konferensi nasional pagi ini, para delegasi membahas program aksi Pemerintah.',
    'Konferensi diselenggarakan di Hanoi dengan kehadiran perwakilan kementerian, sektor dan daerah.',
  ],
  fr: [
    "Lors de la conférence nationale de ce matin, les délégués ont débattu du programme d'action du gouvernement.",
    'La conférence s’est tenue à Hanoï en présence de représentants des ministères, des secteurs et des localités.',
  ],
  en: [
    "At this morning's national conference, delegates discussed the Government's action programme.",
    'The conference was held in Hanoi with representatives of ministries, sectors and localities attending.',
  ],
};

const SOURCE_LINE: Record<Lang, string> = { vi: 'Nguồn:', id: 'Sumber:', fr: 'Source :', en: 'Source:' };

export interface StoryOptions {
  /** story number: picks the speaker, numbers, date */
  n: number;
  /** how many quotes (1–3) */
  quotes?: number;
  /** a word appended to every quote, so that a re-post differs */
  variant?: string;
}

/** The vi original of story n and its three translations, as POST /articles bodies. */
export function story({ n, quotes = 2, variant }: StoryOptions): Record<Lang, PostedArticle> {
  const speaker = SPEAKERS[n % SPEAKERS.length];
  const day = String(1 + (n % 27)).padStart(2, '0');
  const date = `2025-09-${day}`;
  const numbers = [100 + 7 * n, 10 + (n % 40), 300 + 11 * n, 2 + (n % 9), 20 + (n % 50), 40 + n];
  const originalUrl = `https://baoquocte.example/vi/hoi-nghi-ngoai-giao-so-${n}-${numbers[0]}.html`;
  const out = {} as Record<Lang, PostedArticle>;
  for (const lang of LANGS) {
    const body: string[] = [`${FILLER[lang][0]} (${numbers[2]}/${numbers[5]})`];
    for (let k = 0; k < quotes; k++) {
      const s = SENTENCES[(n + k) % SENTENCES.length];
      const text = s[lang]([numbers[2 * k] ?? 12 + k, numbers[2 * k + 1] ?? 34 + k]) + (variant ? ` ${variant}` : '');
      body.push(attributed(lang, text, speaker, k));
      if (k === 0) body.push(FILLER[lang][1]);
    }
    if (lang !== 'vi') body.push(`${SOURCE_LINE[lang]} ${originalUrl}`);
    out[lang] = {
      id: `story${n}-${lang}`,
      lang,
      text: body.join('\n\n'),
      url: lang === 'vi' ? originalUrl : `https://news-${lang}.example/${lang}/conference-${n}-${numbers[0]}`,
      title: `Story ${n} (${lang})`,
      outlet: `outlet-${lang}`,
      publishedAt: date,
    };
  }
  return out;
}

/** All stored quote documents under the store's prefix. */
export async function allQuotes(store: Store): Promise<QuoteDoc[]> {
  const out: QuoteDoc[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await store.quotes.getDocuments<QuoteDoc>({ limit: 1000, offset });
    out.push(...page.results);
    if (page.results.length < 1000) return out;
  }
}

/**
 * What must hold of the stored quotes whatever happened: every link points at a stored quote and is returned by it,
 * every member of a cluster lists exactly the other members in `translations`, and clusters are connected components
 * of the links. Returns the problems found (empty when consistent).
 */
export function clusterProblems(docs: QuoteDoc[]): string[] {
  const problems: string[] = [];
  const byId = new Map(docs.map((d) => [d.id, d]));
  const members = new Map<string, string[]>();
  for (const d of docs) members.set(d.clusterId, [...(members.get(d.clusterId) ?? []), d.id]);
  for (const d of docs) {
    for (const link of d.links) {
      const other = byId.get(link.id);
      if (!other) problems.push(`${d.id} links to missing ${link.id}`);
      else if (!other.links.some((l) => l.id === d.id)) problems.push(`link ${d.id} → ${link.id} is not symmetric`);
      else if (other.clusterId !== d.clusterId) problems.push(`${d.id} and ${link.id} are linked but in different clusters`);
    }
    const others = members.get(d.clusterId)!.filter((id) => id !== d.id).sort();
    const listed = d.translations.map((t) => t.id).sort();
    if (JSON.stringify(others) !== JSON.stringify(listed)) {
      problems.push(`${d.id} (cluster ${d.clusterId}) lists [${listed}] but the cluster holds [${others}]`);
    }
    for (const t of d.translations) {
      const other = byId.get(t.id);
      if (other && (other.lang !== t.lang || other.text !== t.text)) problems.push(`${d.id} has a stale translation ${t.id}`);
    }
    const originals = members.get(d.clusterId)!.filter((id) => byId.get(id)?.original);
    if (originals.length !== 1) problems.push(`cluster ${d.clusterId} has ${originals.length} originals`);
  }
  // connected components: a cluster whose members are not all reachable from one another through links
  for (const [clusterId, ids] of members) {
    const seen = new Set([ids[0]]);
    const queue = [ids[0]];
    while (queue.length) {
      for (const l of byId.get(queue.pop()!)!.links) {
        if (seen.has(l.id) || !byId.has(l.id)) continue;
        seen.add(l.id);
        queue.push(l.id);
      }
    }
    if (seen.size !== ids.length) problems.push(`cluster ${clusterId} is not connected by its links`);
  }
  return [...new Set(problems)];
}

/** A small deterministic PRNG, so that a failing interleaving can be replayed with the same SEED. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

export function shuffle<T>(xs: T[], rand: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Each article's quote texts, sorted: equal to a single ingest's when no article holds a quote twice. */
export function perArticle(quotes: QuoteDoc[]) {
  const out: Record<string, string[]> = {};
  for (const q of quotes) (out[q.articleId] ??= []).push(q.text);
  for (const texts of Object.values(out)) texts.sort();
  return out;
}

/** Every speaker's quote count, by id. */
export async function speakerCounts(store: Store) {
  const speakers = (await store.speakers.getDocuments({ limit: 1000 })).results;
  return Object.fromEntries(speakers.map((s) => [s.id, s.quoteCount]).sort());
}

/** The clusters as a comparable value: sorted lists of member ids, the partition whatever the cluster ids. */
export function partition(docs: QuoteDoc[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const d of docs) groups.set(d.clusterId, [...(groups.get(d.clusterId) ?? []), d.id]);
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** Polls until `cond` holds; throws after `ms` (a bound on a wait, not a timing assertion). */
export async function until(what: string, cond: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    let ok: boolean;
    try {
      ok = await cond();
    } catch {
      ok = false;
    }
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}
