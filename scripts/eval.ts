/**
 * `npm run eval`: the quality targets in one run, without starting the HTTP service.
 *
 *   1. extraction per language on test/fixtures/extraction/ (scripts/eval-extraction.ts): precision and recall ≥ 90 %
 *   2. linking on test/fixtures/linking/ (scripts/eval-linking.ts), three arrival orders: F1 ≥ 90 % on each
 *   3. the linker alone on real news (../shared/corpus/newstest-dev, when present; scripts/eval-linker.ts): on the gold
 *      quotes, F1 ≥ 90 % with their speakers and with a fifth dropped and a tenth swapped; on extracted quotes, reported
 *
 * Exits 1 when any target is missed. `--verbose` lists every wrong link.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateExtraction, readFixtures, readJsonl, FIXTURE_DIR, type EvalDoc, type GoldQuote, type LanguageScore } from './eval-extraction.ts';
import { DEFAULT_SEEDS, evaluateLinkingSeeds, printLinking, readLinkingFixtures } from './eval-linking.ts';
import { linkAll, scoreLinks, sides } from './eval-linker.ts';

const EXTRACTION_TARGET = 0.9;
const LINKING_TARGET = 0.9;
const verbose = process.argv.includes('--verbose');
const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);
const misses: string[] = [];

console.log('== extraction (test/fixtures/extraction)');
if (!existsSync(FIXTURE_DIR)) {
  misses.push('extraction: no fixtures in test/fixtures/extraction');
} else {
  const { docs, gold } = readFixtures();
  const scores = evaluateExtraction(docs, gold);
  console.log('lang   gold  pred   tp   fp   fn  precision  recall      F1  attribution');
  for (const s of scores) {
    console.log(
      `${s.lang.padEnd(5)} ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(5)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}    ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}      ${pct(s.attribution)}`,
    );
    if (s.gold === 0) continue;
    if (s.precision < EXTRACTION_TARGET) misses.push(`extraction ${s.lang}: precision ${pct(s.precision).trim()} < 90%`);
    if (s.recall < EXTRACTION_TARGET) misses.push(`extraction ${s.lang}: recall ${pct(s.recall).trim()} < 90%`);
  }
  if (verbose) printDetails(scores);
}

console.log('\n== linking (test/fixtures/linking), cross-language pairs, three arrival orders');
const { docs, gold } = readLinkingFixtures();
const linking = await evaluateLinkingSeeds(docs, gold, DEFAULT_SEEDS);
printLinking(linking, verbose);
for (const s of linking) if (s.f1 < LINKING_TARGET) misses.push(`linking seed ${s.seed}: F1 ${pct(s.f1).trim()} < 90%`);

const NEWSTEST = fileURLToPath(new URL('../../shared/corpus/newstest-dev/', import.meta.url));
if (existsSync(NEWSTEST)) {
  console.log('\n== the linker alone on real news (../shared/corpus/newstest-dev), cross-language pairs');
  const docs = readJsonl<EvalDoc>(`${NEWSTEST}/docs.jsonl`);
  const gold = readJsonl<GoldQuote>(`${NEWSTEST}/gold.jsonl`);
  console.log('quotes                                    precision  recall      F1');
  const runs: Array<[string, Parameters<typeof sides>[2], boolean]> = [
    ['gold quotes, gold speakers', { oracle: true }, true],
    ['gold quotes, 20 % unattributed, 10 % wrong', { oracle: true, drop: 0.2, wrong: 0.1 }, true],
    ['extracted quotes (extraction as it is)', {}, false],
  ];
  for (const [label, options, target] of runs) {
    const all = sides(docs, gold, options);
    const s = scoreLinks(all, gold, linkAll(all, 0.6).clusterOf);
    console.log(`${label.padEnd(42)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}`);
    if (target && s.f1 < LINKING_TARGET) misses.push(`linking on newstest-dev, ${label}: F1 ${pct(s.f1).trim()} < 90%`);
  }
}

if (misses.length) {
  console.log(`\n${misses.length} target(s) missed:`);
  for (const m of misses) console.log(`  - ${m}`);
  process.exitCode = 1;
} else {
  console.log('\nall targets met');
}

function printDetails(scores: LanguageScore[]): void {
  for (const s of scores) {
    for (const m of s.missed) console.log(`  ${s.lang} missed   ${m}`);
    for (const m of s.spurious) console.log(`  ${s.lang} spurious ${m}`);
    for (const m of s.wrongSpeaker) console.log(`  ${s.lang} speaker  ${m}`);
  }
}
