import t from 'tap';
import { evaluateExtraction, readFixtures } from '../../../scripts/eval-extraction.ts';
import { SUPPORTED_LANGUAGES } from '../../../src/ingestion/languages/index.ts';

t.test('annotated fixtures: precision and recall at least 90 % in every language', async (t) => {
  const { docs, gold } = readFixtures();
  const scores = evaluateExtraction(docs, gold);
  for (const lang of SUPPORTED_LANGUAGES) {
    const s = scores.find((x) => x.lang === lang);
    t.ok(s, `fixtures exist for ${lang}`);
    if (!s) continue;
    t.ok(s.precision >= 0.9, `${lang} precision ${s.precision.toFixed(3)}: ${s.spurious.join('; ')}`);
    t.ok(s.recall >= 0.9, `${lang} recall ${s.recall.toFixed(3)}: ${s.missed.join('; ')}`);
  }
});
