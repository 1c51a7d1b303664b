/**
 * `npm run eval`: the quality targets in one run, without starting the HTTP service.
 *
 *   1. real news: extraction and attribution per language on ../shared/corpus/newstest-dev (64 articles in four
 *      languages, professional translations, nobody here wrote them): F1 ≥ 92 % and attribution ≥ 92 % overall.
 *      This is the measure of quality; skipped with a note when the corpus is not next to the project.
 *   2. extraction per language on the invented fixtures of test/fixtures/extraction/: precision and recall ≥ 90 %
 *      (each fixture exercises one construction; they are unit tests more than a measure)
 *   3. linking on test/fixtures/linking/ (scripts/eval-linking.ts), three arrival orders: F1 ≥ 90 % on each
 *   4. the linker alone on the same real news (scripts/eval-linker.ts): on the gold quotes, F1 ≥ 90 % with their
 *      speakers and with a fifth of them dropped and a tenth swapped; on extracted quotes, reported
 *
 * Exits 1 when any target is missed. `--verbose` lists every miss, spurious quote, wrong speaker and wrong link.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  evaluateExtraction, printDetails, printScores, readFixtures, readJsonl, totalScore, FIXTURE_DIR, type EvalDoc, type GoldQuote,
} from './eval-extraction.ts';
import { DEFAULT_SEEDS, evaluateLinkingSeeds, printLinking, readLinkingFixtures } from './eval-linking.ts';
import { linkAll, scoreLinks, sides } from './eval-linker.ts';

const EXTRACTION_TARGET = 0.9;
const REAL_NEWS_TARGET = 0.92;
const LINKING_TARGET = 0.9;
const REAL_NEWS_DIR = fileURLToPath(new URL('../../shared/corpus/newstest-dev/', import.meta.url));
const verbose = process.argv.includes('--verbose');
const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);
const misses: string[] = [];

console.log('== real news: extraction and attribution (../shared/corpus/newstest-dev)');
if (!existsSync(REAL_NEWS_DIR)) {
  console.log('  not found next to the project: skipped');
} else {
  const docs = readJsonl<EvalDoc>(`${REAL_NEWS_DIR}docs.jsonl`);
  const gold = readJsonl<GoldQuote>(`${REAL_NEWS_DIR}gold.jsonl`);
  const scores = evaluateExtraction(docs, gold);
  printScores([...scores, totalScore(scores)]);
  const all = totalScore(scores);
  if (all.f1 < REAL_NEWS_TARGET) misses.push(`real news: extraction F1 ${pct(all.f1).trim()} < 92%`);
  if (all.attribution < REAL_NEWS_TARGET) misses.push(`real news: attribution ${pct(all.attribution).trim()} < 92%`);
  if (verbose) printDetails(scores);
}

console.log('\n== extraction (invented fixtures, test/fixtures/extraction)');
if (!existsSync(FIXTURE_DIR)) {
  misses.push('extraction: no fixtures in test/fixtures/extraction');
} else {
  const { docs, gold } = readFixtures();
  const scores = evaluateExtraction(docs, gold);
  printScores(scores);
  for (const s of scores) {
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

if (existsSync(REAL_NEWS_DIR)) {
  console.log('\n== the linker alone on real news (../shared/corpus/newstest-dev), cross-language pairs');
  const docs = readJsonl<EvalDoc>(`${REAL_NEWS_DIR}docs.jsonl`);
  const gold = readJsonl<GoldQuote>(`${REAL_NEWS_DIR}gold.jsonl`);
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
