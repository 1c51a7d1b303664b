/**
 * Scores cross-language linking the way ../shared/eval/evaluate.mjs does, without HTTP: the articles go through the
 * real IngestService over a private embedded Meilisearch, in a shuffled arrival order, then every stored quote is
 * matched to a gold quote (sameQuote) and every pair of matched quotes in different languages is counted.
 *
 *   node --import tsx scripts/eval-linking.ts [docs.jsonl gold.jsonl] [--seeds 7,11,23] [--verbose]
 *
 * Without files it scores test/fixtures/linking/. --verbose prints, for every wrong pair, the article affinity and
 * the quotes involved, to see why the linker missed.
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
import { readJsonl, sameQuote, type EvalDoc, type GoldQuote } from './eval-extraction.ts';

export const LINKING_FIXTURE_DIR = fileURLToPath(new URL('../test/fixtures/linking/', import.meta.url));
export const DEFAULT_SEEDS = [7, 11, 23];

export interface LinkingOptions {
  /** Arrival order: the same generator as evaluate.mjs, so seed 7 here is seed 7 there. */
  seed?: number;
  /** An already running Meilisearch to use (a fresh index prefix is taken); default: a private one for this call. */
  meili?: MeiliConnection;
  linkThreshold?: number;
}

export interface LinkError {
  kind: 'linked but different' | 'not linked';
  a: { id: string; lang: string; articleId: string; cluster: string; text: string };
  b: { id: string; lang: string; articleId: string; cluster: string; text: string };
}

export interface LinkingScore {
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
    const ingest = new IngestService(store, { linkThreshold: options.linkThreshold ?? 0.6 });
    const order = shuffled(docs, seed);
    // As evaluate.mjs posts them: one article per request, id and text only (language and metadata are found).
    for (const doc of order) await ingest.ingest([{ id: doc.id, text: doc.text }]);
    const stored = await store.quotesOfArticles(docs.map((d) => d.id));
    return { seed, order: order.map((d) => d.id), ...score(stored, gold) };
  } finally {
    await own?.stop();
  }
}

/** The matching and pair counting of evaluate.mjs, over stored quotes. */
export function score(stored: QuoteDoc[], gold: GoldQuote[]): Omit<LinkingScore, 'seed' | 'order'> {
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
  const view = (q: QuoteDoc) => ({ id: q.id, lang: q.lang, articleId: q.articleId, cluster: gold[matchOf.get(q.id)!].cluster!, text: q.text });
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

export function readLinkingFixtures(dir = LINKING_FIXTURE_DIR): { docs: EvalDoc[]; gold: GoldQuote[] } {
  return { docs: readJsonl<EvalDoc>(path.join(dir, 'docs.jsonl')), gold: readJsonl<GoldQuote>(path.join(dir, 'gold.jsonl')) };
}

/** Scores every seed on one Meilisearch (each with its own indexes). */
export async function evaluateLinkingSeeds(docs: EvalDoc[], gold: GoldQuote[], seeds = DEFAULT_SEEDS): Promise<LinkingScore[]> {
  const meili = await privateMeili();
  try {
    const scores: LinkingScore[] = [];
    for (const seed of seeds) scores.push(await evaluateLinking(docs, gold, { seed, meili }));
    return scores;
  } finally {
    await meili.stop();
  }
}

export function printLinking(scores: LinkingScore[], verbose = false): void {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);
  console.log('seed  precision  recall      F1    tp   fp   fn  unmatched gold');
  for (const s of scores) {
    console.log(`${String(s.seed).padStart(4)}    ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)} ${String(s.tp).padStart(5)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}  ${s.unmatchedGold}`);
  }
  for (const s of scores) {
    if (!verbose && s.errors.length > 12) {
      console.log(`  seed ${s.seed}: ${s.errors.length} wrong pairs (--verbose lists them)`);
      continue;
    }
    for (const e of s.errors) {
      console.log(`  seed ${s.seed} ${e.kind}: [${e.a.lang} ${e.a.articleId} ${e.a.cluster}] "${e.a.text.slice(0, 50)}" ~ [${e.b.lang} ${e.b.articleId} ${e.b.cluster}] "${e.b.text.slice(0, 50)}"`);
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const seedsAt = args.indexOf('--seeds');
  const seeds = seedsAt >= 0 ? args[seedsAt + 1].split(',').map(Number) : DEFAULT_SEEDS;
  const files = args.filter((a, i) => !a.startsWith('--') && (seedsAt < 0 || i !== seedsAt + 1));
  const { docs, gold } = files.length >= 2 ? { docs: readJsonl<EvalDoc>(files[0]), gold: readJsonl<GoldQuote>(files[1]) } : readLinkingFixtures();
  const scores = await evaluateLinkingSeeds(docs, gold, seeds);
  printLinking(scores, verbose);
}
