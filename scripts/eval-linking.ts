/**
 * Scores cross-language linking the way ../shared/eval/evaluate.mjs does, without HTTP: the articles go through the
 * real IngestService over a private embedded Meilisearch, in a shuffled arrival order, then every stored quote is
 * matched to a gold quote (sameQuote) and every pair of matched quotes in different languages is counted; the speaker
 * query (`speaker=<gold speaker>&lang=`) and the translations of each quote are asked of the QueryService as the
 * evaluator asks the API.
 *
 *   node --import tsx scripts/eval-linking.ts [docs.jsonl gold.jsonl] [--seeds 7,11,23] [--verbose]
 *        [--oracle [--drop P] [--wrong P]]
 *
 * Without files it scores test/fixtures/linking/. --verbose prints every wrong pair. --oracle ingests the gold quotes
 * themselves instead of extracting (linking and speakers measured apart from extraction), attributed to the gold
 * speaker (its canonical spelling), each dropped with probability --drop or replaced by another speaker of its
 * article with probability --wrong.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IngestService } from '../src/service/ingest.ts';
import { createMeiliClient } from '../src/storage/meili/client.ts';
import { startEmbeddedMeili, type MeiliConnection } from '../src/storage/meili/embedded/supervisor.ts';
import { Store } from '../src/storage/store.ts';
import type { QuoteDoc } from '../src/storage/documents.ts';
import { QueryService } from '../src/service/queries.ts';
import { textMetadata } from '../src/ingestion/read/index.ts';
import type { ArticleInput, ExtractedQuote } from '../src/ingestion/types.ts';
import type { QuotePage } from '../src/schemas/quote.ts';
import { readJsonl, sameQuote, speakerOk, type EvalDoc, type GoldQuote } from './eval-extraction.ts';

export const LINKING_FIXTURE_DIR = fileURLToPath(new URL('../test/fixtures/linking/', import.meta.url));
export const DEFAULT_SEEDS = [7, 11, 23];

export interface LinkingOptions {
  /** Arrival order: the same generator as evaluate.mjs, so seed 7 here is seed 7 there. */
  seed?: number;
  /** An already running Meilisearch to use (a fresh index prefix is taken); default: a private one for this call. */
  meili?: MeiliConnection;
  linkThreshold?: number;
  /** Ingest the gold quotes instead of extracting them, speakers dropped or swapped with these probabilities. */
  oracle?: { drop?: number; wrong?: number };
}

/** What the evaluator asks of the API beyond links: quotes of a speaker in a language, translations of each quote. */
export interface ServiceScore {
  attribution: number;
  speakerQuery: { asked: number; answered: number; misses: string[] };
  translations: { asked: number; complete: number };
}

export interface LinkError {
  kind: 'linked but different' | 'not linked';
  a: { id: string; lang: string; articleId: string; cluster: string; text: string };
  b: { id: string; lang: string; articleId: string; cluster: string; text: string };
}

export interface LinkingScore extends Partial<ServiceScore> {
  seed: number;
  order: string[];
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
  /** Gold quotes (direct) that no stored quote matched: they cannot be scored for linking. */
  unmatchedGold: number;
  errors: LinkError[];
}

/** evaluate.mjs's shuffle: a linear congruential generator and Fisher–Yates. */
export function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = Number(seed) || 1;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Starts a private Meilisearch in a temporary directory; `stop` also removes the directory. */
export async function privateMeili(): Promise<MeiliConnection & { stop(): Promise<void> }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'polyquote-eval-meili-'));
  try {
    const meili = await startEmbeddedMeili({ bin: process.env.MEILI_BIN, dataDir });
    return {
      url: meili.url,
      masterKey: meili.masterKey,
      stop: async () => {
        await meili.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}

export async function evaluateLinking(docs: EvalDoc[], gold: GoldQuote[], options: LinkingOptions = {}): Promise<LinkingScore> {
  const seed = options.seed ?? 7;
  const own = options.meili ? undefined : await privateMeili();
  const connection = options.meili ?? own!;
  try {
    const store = new Store(createMeiliClient({ url: connection.url, masterKey: connection.masterKey, timeoutMs: 30_000 }), `eval${randomBytes(4).toString('hex')}_`);
    await store.setup();
    const analyse = options.oracle ? goldReader(docs, gold, options.oracle) : undefined;
    const ingest = new IngestService(store, { linkThreshold: options.linkThreshold ?? 0.6, ...(analyse ? { analyse } : {}) });
    const order = shuffled(docs, seed);
    // As evaluate.mjs posts them: one article per request, id and text only (language and metadata are found).
    for (const doc of order) await ingest.ingest([{ id: doc.id, text: doc.text }]);
    const stored = await store.quotesOfArticles(docs.map((d) => d.id));
    return { seed, order: order.map((d) => d.id), ...score(stored, gold), ...(await serviceScore(new QueryService(store), stored, gold)) };
  } finally {
    await own?.stop();
  }
}

/** The matching and pair counting of evaluate.mjs, over stored quotes (or anything shaped like them). */
export function score(stored: Array<Pick<QuoteDoc, 'id' | 'lang' | 'articleId' | 'seq' | 'text' | 'clusterId'>>, gold: GoldQuote[]): Omit<LinkingScore, 'seed' | 'order'> {
  // evaluate.mjs reads the quotes language by language; keep that order so that ties are matched alike.
  const langs = [...new Set(gold.map((g) => g.lang))];
  const preds = [...stored].sort((x, y) => langs.indexOf(x.lang) - langs.indexOf(y.lang) || x.articleId.localeCompare(y.articleId) || x.seq - y.seq);
  const matchOf = new Map<string, number>();
  gold.forEach((g, gi) => {
    const hit = preds.find((p) => !matchOf.has(p.id) && p.lang === g.lang && sameQuote(p.text, g.quote));
    if (hit) matchOf.set(hit.id, gi);
  });
  const direct = (gi: number) => gold[gi].kind !== 'optional';
  const matched = preds.filter((p) => matchOf.has(p.id) && direct(matchOf.get(p.id)!));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: LinkError[] = [];
  const view = (q: (typeof stored)[number]) => ({ id: q.id, lang: q.lang, articleId: q.articleId, cluster: gold[matchOf.get(q.id)!].cluster!, text: q.text });
  for (let i = 0; i < matched.length; i++) {
    for (let j = i + 1; j < matched.length; j++) {
      const a = matched[i];
      const b = matched[j];
      if (a.lang === b.lang) continue;
      const g = gold[matchOf.get(a.id)!].cluster === gold[matchOf.get(b.id)!].cluster;
      const p = a.clusterId !== undefined && a.clusterId === b.clusterId;
      if (g && p) tp++;
      else if (p) {
        fp++;
        errors.push({ kind: 'linked but different', a: view(a), b: view(b) });
      } else if (g) {
        fn++;
        errors.push({ kind: 'not linked', a: view(a), b: view(b) });
      }
    }
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const hitGold = new Set(matchOf.values());
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    tp,
    fp,
    fn,
    unmatchedGold: gold.filter((g, gi) => direct(gi) && !hitGold.has(gi)).length,
    errors,
  };
}

/** The gold quotes of each article as extraction would give them, speakers dropped or swapped at the rates asked. */
export function goldReader(docs: EvalDoc[], gold: Array<GoldQuote & { start?: number; end?: number }>, { drop = 0, wrong = 0 }: { drop?: number; wrong?: number }) {
  let s = 12345;
  const random = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const byArticle = new Map<string, ExtractedQuote[]>();
  for (const doc of docs) {
    const rows = gold.filter((g) => g.id === doc.id && g.kind !== 'optional' && g.start !== undefined).sort((x, y) => x.start! - y.start!);
    const names = [...new Set(rows.map((g) => g.speaker))];
    byArticle.set(
      doc.id,
      rows.map((g) => {
        let name: string | undefined = g.speaker;
        const roll = random();
        if (roll < drop) name = undefined;
        else if (roll < drop + wrong && names.length > 1) name = names.filter((n) => n !== name)[Math.floor(random() * (names.length - 1))];
        return {
          text: g.quote,
          start: g.start!,
          end: g.end!,
          ...(name ? { speakerName: name } : {}),
          attribution: name ? { method: 'explicit' as const, confidence: 0.95 } : { method: 'none' as const, confidence: 0.15 },
        };
      }),
    );
  }
  const langOf = new Map(docs.map((d) => [d.id, d.lang]));
  return (input: ArticleInput) => ({ article: { ...textMetadata(input.text), ...input, lang: langOf.get(input.id) ?? 'und' }, quotes: byArticle.get(input.id) ?? [] });
}

/** The speaker query and the translations as ../shared/eval/evaluate.mjs counts them, asked of the QueryService. */
async function serviceScore(queries: QueryService, stored: QuoteDoc[], gold: GoldQuote[]): Promise<ServiceScore> {
  const direct = gold.map((g, gi) => gi).filter((gi) => gold[gi].kind !== 'optional');
  const langs = [...new Set(gold.map((g) => g.lang))];
  const preds = [...stored].sort((x, y) => langs.indexOf(x.lang) - langs.indexOf(y.lang) || x.articleId.localeCompare(y.articleId) || x.seq - y.seq);
  const matchOf = new Map<string, number>();
  const hit = new Set<number>();
  gold.forEach((g, gi) => {
    const p = preds.find((q) => !matchOf.has(q.id) && q.lang === g.lang && sameQuote(q.text, g.quote));
    if (p) {
      matchOf.set(p.id, gi);
      hit.add(gi);
    }
  });
  const matched = preds.filter((p) => matchOf.has(p.id) && gold[matchOf.get(p.id)!].kind !== 'optional');
  const right = matched.filter((p) => speakerOk(p.speakerName ?? undefined, gold[matchOf.get(p.id)!])).length;

  const foldName = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^\p{L}\p{N} ]/gu, ' ').replace(/\s+/g, ' ').trim();
  const bySpeaker = new Map<string, number[]>();
  for (const gi of direct) {
    const key = `${foldName(gold[gi].speaker)}|${gold[gi].lang}`;
    bySpeaker.set(key, [...(bySpeaker.get(key) ?? []), gi]);
  }
  let asked = 0;
  let answered = 0;
  const misses: string[] = [];
  for (const gis of bySpeaker.values()) {
    const { speaker, lang } = gold[gis[0]];
    const page = JSON.parse((await queries.searchQuotes({ speaker, lang, limit: 100, offset: 0 } as Parameters<QueryService['searchQuotes']>[0], 'http://eval.invalid')).toString('utf8')) as QuotePage;
    for (const gi of gis) {
      asked++;
      if (page.data.some((q) => q.lang === lang && sameQuote(q.text, gold[gi].quote))) answered++;
      else misses.push(`speaker=${speaker}&lang=${lang} misses "${gold[gi].quote.slice(0, 50)}" (${gold[gi].id})`);
    }
  }
  let transAsked = 0;
  let complete = 0;
  for (const p of matched) {
    const cluster = gold[matchOf.get(p.id)!].cluster;
    const want = new Set(direct.filter((gi) => gold[gi].cluster === cluster && gold[gi].lang !== p.lang && hit.has(gi)).map((gi) => gold[gi].lang));
    if (!want.size) continue;
    transAsked++;
    const have = new Set((await queries.getQuote(p.id))?.translations.map((t) => t.lang) ?? []);
    if ([...want].every((l) => have.has(l))) complete++;
  }
  return { attribution: matched.length ? right / matched.length : 0, speakerQuery: { asked, answered, misses }, translations: { asked: transAsked, complete } };
}

export function readLinkingFixtures(dir = LINKING_FIXTURE_DIR): { docs: EvalDoc[]; gold: GoldQuote[] } {
  return { docs: readJsonl<EvalDoc>(path.join(dir, 'docs.jsonl')), gold: readJsonl<GoldQuote>(path.join(dir, 'gold.jsonl')) };
}

/** Scores every seed on one Meilisearch (each with its own indexes). */
export async function evaluateLinkingSeeds(docs: EvalDoc[], gold: GoldQuote[], seeds = DEFAULT_SEEDS, oracle?: LinkingOptions['oracle']): Promise<LinkingScore[]> {
  const meili = await privateMeili();
  try {
    const scores: LinkingScore[] = [];
    for (const seed of seeds) scores.push(await evaluateLinking(docs, gold, { seed, meili, oracle }));
    return scores;
  } finally {
    await meili.stop();
  }
}

export function printLinking(scores: LinkingScore[], verbose = false): void {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);
  console.log('seed  precision  recall      F1    tp   fp   fn  unmatched gold  attribution  speaker query  translations');
  for (const s of scores) {
    const service = s.speakerQuery && s.translations
      ? `   ${pct(s.attribution ?? 0)}      ${`${s.speakerQuery.answered}/${s.speakerQuery.asked}`.padStart(9)}     ${`${s.translations.complete}/${s.translations.asked}`.padStart(9)}`
      : '';
    console.log(`${String(s.seed).padStart(4)}    ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)} ${String(s.tp).padStart(5)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}  ${String(s.unmatchedGold).padStart(14)}${service}`);
  }
  for (const s of scores) {
    if (!verbose && s.errors.length > 12) {
      console.log(`  seed ${s.seed}: ${s.errors.length} wrong pairs (--verbose lists them)`);
      continue;
    }
    for (const miss of verbose ? (s.speakerQuery?.misses ?? []) : []) console.log(`  seed ${s.seed} ${miss}`);
    for (const e of s.errors) {
      console.log(`  seed ${s.seed} ${e.kind}: [${e.a.lang} ${e.a.articleId} ${e.a.cluster}] "${e.a.text.slice(0, 50)}" ~ [${e.b.lang} ${e.b.articleId} ${e.b.cluster}] "${e.b.text.slice(0, 50)}"`);
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const valueOf = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
  const seeds = valueOf('seeds')?.split(',').map(Number) ?? DEFAULT_SEEDS;
  const files = args.filter((a, i) => !a.startsWith('--') && !['--seeds', '--drop', '--wrong'].includes(args[i - 1]));
  const { docs, gold } = files.length >= 2 ? { docs: readJsonl<EvalDoc>(files[0]), gold: readJsonl<GoldQuote>(files[1]) } : readLinkingFixtures();
  const oracle = args.includes('--oracle') ? { drop: Number(valueOf('drop') ?? 0), wrong: Number(valueOf('wrong') ?? 0) } : undefined;
  const scores = await evaluateLinkingSeeds(docs, gold, seeds, oracle);
  printLinking(scores, verbose);
}
