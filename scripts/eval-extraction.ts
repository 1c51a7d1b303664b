/**
 * Scores extractQuotes() against an annotated corpus with the matching rules of ../shared/eval/evaluate.mjs
 * (sameQuote for texts, speakerOk for names), per language, without running the service.
 *
 *   node --import tsx scripts/eval-extraction.ts [docs.jsonl gold.jsonl]
 *
 * Without arguments it scores every `<lang>.docs.jsonl` / `<lang>.gold.jsonl` pair in test/fixtures/extraction/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractQuotes } from '../src/ingestion/extract/index.ts';

export interface EvalDoc {
  id: string;
  lang: string;
  text: string;
}

export interface GoldQuote {
  id: string;
  lang: string;
  quote: string;
  speaker: string;
  speaker_local?: string;
  speaker_aliases?: string[];
  cluster?: string;
  kind?: string;
}

export interface LanguageScore {
  lang: string;
  gold: number;
  predicted: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  /** Share of matched quotes whose speaker is right. */
  attribution: number;
  missed: string[];
  spurious: string[];
  wrongSpeaker: string[];
}

// The scorer's normalisation and matching, kept identical so that these numbers predict its numbers.
const norm = (s: string) =>
  String(s ?? '')
    .normalize('NFC')
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”„«»]/g, '"')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'.,;:!?…\-–—]+|[\s"'.,;:!?…\-–—]+$/g, '');
const foldName = (s: string) =>
  String(s ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const tokens = (s: string) => norm(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

function tokenF1(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (!ta.length || !tb.length) return 0;
  const count = new Map<string, number>();
  for (const t of tb) count.set(t, (count.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of ta) {
    if ((count.get(t) ?? 0) > 0) {
      common++;
      count.set(t, count.get(t)! - 1);
    }
  }
  if (!common) return 0;
  const p = common / ta.length;
  const r = common / tb.length;
  return (2 * p * r) / (p + r);
}

export function sameQuote(a: string, b: string): boolean {
  const x = norm(a);
  const y = norm(b);
  if (x === y) return true;
  const [s, l] = x.length < y.length ? [x, y] : [y, x];
  if (l.includes(s) && s.length >= 0.8 * l.length) return true;
  return tokenF1(a, b) >= 0.8;
}

export function speakerOk(name: string | undefined, g: GoldQuote): boolean {
  const said = foldName(name ?? '').split(' ').filter(Boolean);
  if (!said.length) return false;
  return [g.speaker, g.speaker_local, ...(g.speaker_aliases ?? [])].filter(Boolean).some((alt) => {
    const want = foldName(alt!).split(' ').filter(Boolean);
    return want.length > 0 && (want.every((w) => said.includes(w)) || (said.every((w) => want.includes(w)) && said.includes(want.at(-1)!)));
  });
}

interface Prediction {
  lang: string;
  articleId: string;
  text: string;
  speakerName?: string;
}

export function evaluateExtraction(docs: EvalDoc[], gold: GoldQuote[]): LanguageScore[] {
  const preds: Prediction[] = docs.flatMap((d) =>
    extractQuotes(d.text, d.lang).map((q) => ({ lang: d.lang, articleId: d.id, text: q.text, speakerName: q.speakerName })),
  );
  const langs = [...new Set([...docs.map((d) => d.lang), ...gold.map((g) => g.lang)])].sort();
  return langs.map((lang) => {
    const langPreds = preds.filter((p) => p.lang === lang);
    const langGold = gold.filter((g) => g.lang === lang);
    const matchOf = new Map<Prediction, GoldQuote>();
    for (const g of langGold) {
      const hit = langPreds.find((p) => !matchOf.has(p) && sameQuote(p.text, g.quote));
      if (hit) matchOf.set(hit, g);
    }
    const direct = langGold.filter((g) => g.kind !== 'optional');
    const hitGold = new Set(matchOf.values());
    const tp = direct.filter((g) => hitGold.has(g)).length;
    const fp = langPreds.filter((p) => !matchOf.has(p)).length;
    const fn = direct.length - tp;
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = direct.length ? tp / direct.length : 0;
    const matched = [...matchOf].filter(([, g]) => g.kind !== 'optional');
    const wrong = matched.filter(([p, g]) => !speakerOk(p.speakerName, g));
    return {
      lang,
      gold: direct.length,
      predicted: langPreds.length,
      tp,
      fp,
      fn,
      precision,
      recall,
      f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
      attribution: matched.length ? (matched.length - wrong.length) / matched.length : 0,
      missed: direct.filter((g) => !hitGold.has(g)).map((g) => `${g.id}: "${g.quote.slice(0, 80)}"`),
      spurious: langPreds.filter((p) => !matchOf.has(p)).map((p) => `${p.articleId}: "${p.text.slice(0, 80)}" (${p.speakerName ?? '?'})`),
      wrongSpeaker: wrong.map(([p, g]) => `${g.id}: "${p.speakerName ?? ''}" should be "${g.speaker}" for "${g.quote.slice(0, 50)}"`),
    };
  });
}

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

export const FIXTURE_DIR = fileURLToPath(new URL('../test/fixtures/extraction/', import.meta.url));

/** Every fixture pair in test/fixtures/extraction/. */
export function readFixtures(): { docs: EvalDoc[]; gold: GoldQuote[] } {
  const docs: EvalDoc[] = [];
  const gold: GoldQuote[] = [];
  for (const file of readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.docs.jsonl')).sort()) {
    docs.push(...readJsonl<EvalDoc>(join(FIXTURE_DIR, file)));
    gold.push(...readJsonl<GoldQuote>(join(FIXTURE_DIR, file.replace('.docs.jsonl', '.gold.jsonl'))));
  }
  return { docs, gold };
}

/** The scores of every language together. */
export function totalScore(scores: LanguageScore[]): LanguageScore {
  const sum = (k: 'gold' | 'predicted' | 'tp' | 'fp' | 'fn') => scores.reduce((s, x) => s + x[k], 0);
  const tp = sum('tp');
  const fp = sum('fp');
  const goldCount = sum('gold');
  const matched = scores.reduce((s, x) => s + x.tp, 0);
  const right = scores.reduce((s, x) => s + x.tp - x.wrongSpeaker.length, 0);
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = goldCount ? tp / goldCount : 0;
  return {
    lang: 'all', gold: goldCount, predicted: sum('predicted'), tp, fp, fn: sum('fn'), precision, recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    attribution: matched ? right / matched : 0, missed: [], spurious: [], wrongSpeaker: [],
  };
}

/** The per-language table, one row per score. */
export function printScores(scores: LanguageScore[]): void {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);
  console.log('lang   gold  pred   tp   fp   fn  precision  recall      F1  attribution');
  for (const s of scores) {
    console.log(
      `${s.lang.padEnd(5)} ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(5)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}    ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}      ${pct(s.attribution)}`,
    );
  }
}

/** Every missed quote, spurious quote and wrong speaker. */
export function printDetails(scores: LanguageScore[]): void {
  for (const s of scores) {
    for (const m of s.missed) console.log(`  ${s.lang} missed   ${m}`);
    for (const m of s.spurious) console.log(`  ${s.lang} spurious ${m}`);
    for (const m of s.wrongSpeaker) console.log(`  ${s.lang} speaker  ${m}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [docsPath, goldPath] = process.argv.slice(2);
  const { docs, gold } = docsPath && goldPath ? { docs: readJsonl<EvalDoc>(docsPath), gold: readJsonl<GoldQuote>(goldPath) } : readFixtures();
  const scores = evaluateExtraction(docs, gold);
  printScores([...scores, totalScore(scores)]);
  printDetails(scores);
}
