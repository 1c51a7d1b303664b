/**
 * The linker alone, without a store or HTTP: every pair of articles of an annotated corpus goes through
 * linkArticlePair, the links are joined into clusters, and cross-language pairs are scored as ../shared/eval/evaluate.mjs
 * scores them. Fast enough to study the linker on its own (seconds), and with `--oracle` it links the gold quotes
 * themselves, so that linking is measured apart from extraction:
 *
 *   node --import tsx scripts/eval-linker.ts DOCS GOLD [--oracle [--drop 0.2] [--wrong 0.1]] [--verbose] [--pair A,B]
 *
 * --drop P: each gold speaker is removed with probability P (an attribution miss); --wrong P: replaced by another
 * speaker of the same article with probability P (a wrong attribution). Without --oracle, quotes come from extraction.
 * --pair prints the links between two articles with their confidences.
 */
import { fileURLToPath } from 'node:url';
import { analyseArticle, notArticleText } from '../src/ingestion/pipeline.ts';
import { speakerId } from '../src/ingestion/speakers.ts';
import { continuationEdges, linkArticlePair, type ArticleSide } from '../src/linking/align.ts';
import { articleAffinity } from '../src/linking/pairing.ts';
import { articleAnchors, anchorNumbers, ownTextLength, vocabulary } from '../src/linking/signals.ts';
import type { LinkEdge } from '../src/linking/types.ts';
import { readJsonl, type EvalDoc, type GoldQuote } from './eval-extraction.ts';
import { goldReader, score } from './eval-linking.ts';

interface Gold extends GoldQuote {
  doc?: string;
  start?: number;
  end?: number;
}

/** An article as the linker sees it, and the links its own text makes between its quotes. */
type EvalSide = ArticleSide & { continuations: LinkEdge[] };

/** Each article as the linker sees it, with its quotes from extraction or from the gold annotation. */
export function sides(docs: EvalDoc[], gold: Gold[], options: { oracle?: boolean; drop?: number; wrong?: number } = {}): EvalSide[] {
  const read = options.oracle ? goldReader(docs, gold, options) : analyseArticle;
  return docs.map((doc) => {
    const { article, quotes } = read({ id: doc.id, text: doc.text });
    const skipped = notArticleText(doc.text);
    const { anchors, sites } = articleAnchors(doc.text, skipped);
    const side: ArticleSide = {
      article: {
        id: doc.id,
        lang: article.lang,
        url: article.url,
        sourceUrl: article.sourceUrl,
        publishedTs: article.publishedAt ? Date.parse(article.publishedAt) : undefined,
        length: ownTextLength(doc.text, skipped),
        skipped,
        numbers: anchorNumbers(doc.text),
        vocabulary: vocabulary(doc.text),
        anchors,
        anchorSites: sites,
      },
      quotes: quotes.map((q, seq) => {
        const id = q.speakerName ? speakerId(q.speakerName) : '';
        return {
          id: `${doc.id}#${seq}`,
          articleId: doc.id,
          lang: article.lang,
          text: q.text,
          seq,
          start: q.start,
          end: q.end,
          speaker: id ? { id, name: q.speakerName!, confidence: q.attribution.confidence } : null,
        };
      }),
    };
    return { ...side, continuations: continuationEdges(doc.text, side.quotes) };
  });
}

/** Every pair of articles linked, clusters as connected components. */
export function linkAll(all: EvalSide[], threshold: number): { clusterOf: Map<string, string>; edges: LinkEdge[] } {
  const edges: LinkEdge[] = all.flatMap((side) => side.continuations);
  for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) edges.push(...linkArticlePair(all[i], all[j], threshold));
  const parent = new Map<string, string>();
  const root = (x: string): string => {
    while (parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  for (const side of all) for (const q of side.quotes) parent.set(q.id, q.id);
  for (const e of edges) parent.set(root(e.from), root(e.to));
  return { clusterOf: new Map([...parent.keys()].map((id) => [id, root(id)])), edges };
}

/** Linked quotes scored as evaluate.mjs scores stored ones. */
export function scoreLinks(all: ArticleSide[], gold: Gold[], clusterOf: Map<string, string>) {
  return score(all.flatMap((s) => s.quotes.map((q) => ({ ...q, clusterId: clusterOf.get(q.id)! }))), gold);
}

/** Article pairs the linker takes for translations, against the documents the corpus says are one (`doc`). */
function pairing(all: ArticleSide[], docs: Array<EvalDoc & { doc?: string }>, threshold: number) {
  const docOf = new Map(docs.map((d) => [d.id, d.doc]));
  let right = 0;
  let wrong = 0;
  let missed = 0;
  const notes: string[] = [];
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const [a, b] = [all[i].article, all[j].article];
      if (a.lang === b.lang) continue;
      const affinity = articleAffinity(a, b);
      const same = docOf.get(a.id) !== undefined && docOf.get(a.id) === docOf.get(b.id);
      if (affinity >= threshold && same) right++;
      else if (affinity >= threshold) {
        wrong++;
        notes.push(`paired but different (${affinity.toFixed(2)}): ${a.id} ${b.id}`);
      } else if (same) {
        missed++;
        notes.push(`not paired (${affinity.toFixed(2)}): ${a.id} ${b.id}`);
      }
    }
  }
  return { right, wrong, missed, notes };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? Number(args[at + 1]) : undefined;
  };
  const files = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--') && args[i - 1] !== '--oracle' && args[i - 1] !== '--verbose'));
  const docs = readJsonl<EvalDoc & { doc?: string }>(files[0]);
  const gold = readJsonl<Gold>(files[1]);
  const threshold = option('threshold') ?? 0.6;
  const all = sides(docs, gold, { oracle: args.includes('--oracle'), drop: option('drop'), wrong: option('wrong') });
  const { TRANSLATION_AFFINITY } = await import('../src/linking/align.ts');
  const pairs = pairing(all, docs, TRANSLATION_AFFINITY);
  const { clusterOf } = linkAll(all, threshold);
  const s = scoreLinks(all, gold, clusterOf);
  const pct = (x: number) => (100 * x).toFixed(1);
  const at = args.indexOf('--pair');
  if (at >= 0) {
    // The links between two articles, e.g. --pair ntrex-x-en,ntrex-x-fr
    const [x, y] = args[at + 1].split(',').map((id) => all.find((s) => s.article.id === id)!);
    console.log(`affinity ${articleAffinity(x.article, y.article).toFixed(3)}`);
    for (const e of linkArticlePair(x, y, threshold)) {
      const quote = (id: string) => [...x.quotes, ...y.quotes].find((q) => q.id === id)!;
      console.log(`${e.confidence}  ${e.from} "${quote(e.from).text.slice(0, 40)}" ~ ${e.to} "${quote(e.to).text.slice(0, 40)}"`);
    }
  }
  if (args.includes('--verbose')) {
    for (const line of pairs.notes) console.log(line);
    for (const e of s.errors) console.log(`${e.kind}: ${e.a.id} "${e.a.text.slice(0, 40)}" ~ ${e.b.id} "${e.b.text.slice(0, 40)}"`);
  }
  console.log(`article pairs: ${pairs.right} right, ${pairs.wrong} wrong, ${pairs.missed} missed`);
  console.log(`linking P ${pct(s.precision)} R ${pct(s.recall)} F1 ${pct(s.f1)} (tp ${s.tp} fp ${s.fp} fn ${s.fn})`);
}
