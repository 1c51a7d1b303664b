import { createHash } from 'node:crypto';
import { notArticleText, type AnalysedArticle, type TextSignals } from '../ingestion/pipeline.ts';
import { speakerId } from '../ingestion/speakers.ts';
import { anchorWeight, slugWords, textSignals } from '../linking/signals.ts';
import type { CandidateProbe } from '../storage/candidates.ts';
import { ownAttribution, type ArticleDoc, type QuoteDoc } from '../storage/documents.ts';
import { withoutUndefined } from '../shared/without-undefined.ts';

/** An article ready to be linked: its documents, and what finds its candidates among the stored articles. */
export interface PreparedArticle {
  article: AnalysedArticle['article'];
  quotes: QuoteDoc[];
  articleDoc: ArticleDoc;
  probe: CandidateProbe;
  withVocabulary: boolean;
}

/** What linking reads in an article's text, its own words told from the rest: here, or ahead in a worker thread. */
export function articleSignals(text: string): TextSignals {
  return textSignals(text, notArticleText(text));
}

/** An analysed article made into the documents it is stored as, and the probe that finds its candidates: no store needed. */
export function prepareArticle({ article, quotes: extracted, signals }: AnalysedArticle, contentHash: string): PreparedArticle {
  const publishedTs = article.publishedAt ? Date.parse(article.publishedAt) : undefined;
  const source = { url: article.url, title: article.title, outlet: article.outlet, publishedAt: article.publishedAt, publishedTs };
  const seenIds = new Map<string, number>();
  const quotes: QuoteDoc[] = extracted.map((q, seq) => {
    const sid = q.speakerName ? speakerId(q.speakerName) : null;
    const id = quoteId(article.id, q.text, seenIds);
    const own = { speakerId: sid || null, speakerName: sid ? q.speakerName! : null, method: q.attribution.method, confidence: q.attribution.confidence };
    return {
      id,
      articleId: article.id,
      seq,
      lang: article.lang,
      text: q.text,
      speakerId: own.speakerId,
      speakerName: own.speakerName,
      ...(q.role ? { role: q.role } : {}),
      attributionMethod: own.method,
      attributionConfidence: own.confidence,
      own,
      start: q.start,
      end: q.end,
      ...withoutUndefined(source),
      translated: Boolean(article.sourceUrl || article.translationOf),
      clusterId: `c-${id}`,
      original: true,
      linkConfidence: 0,
      links: [],
      clusterLangs: [article.lang],
      translations: [],
    };
  });
  const { skipped, length, numbers, vocabulary, anchors, sites } = signals ?? articleSignals(article.text);
  const articleDoc: ArticleDoc = withoutUndefined({
    id: article.id,
    lang: article.lang,
    url: article.url,
    title: article.title,
    outlet: article.outlet,
    publishedAt: article.publishedAt,
    publishedTs,
    sourceUrl: article.sourceUrl,
    translationOf: article.translationOf,
    speakerIds: [...ownSpeakersOf(quotes)],
    quoteIds: quotes.map((q) => q.id),
    length,
    ...(skipped.length ? { skipped } : {}),
    numbers,
    vocabulary,
    anchors,
    anchorSites: sites,
    contentHash,
    ingestedAt: new Date().toISOString(),
  });
  return {
    article,
    quotes,
    articleDoc,
    probe: {
      id: article.id,
      anchors: anchors.map((anchor) => ({ anchor, weight: anchorWeight(anchor) })),
      speakerIds: articleDoc.speakerIds,
      translationOf: article.translationOf,
      publishedTs,
    },
    // Another article's words matter only to test whether this one's source URL names it.
    withVocabulary: Boolean(article.sourceUrl && slugWords(article.sourceUrl).length),
  };
}

function quoteId(articleId: string, text: string, seen: Map<string, number>): string {
  const digest = createHash('sha1').update(text).digest('hex').slice(0, 12);
  const repeat = seen.get(digest) ?? 0;
  seen.set(digest, repeat + 1);
  return `${articleId}-${digest}${repeat ? `-${repeat}` : ''}`;
}

function ownSpeakersOf(quotes: QuoteDoc[]): Set<string> {
  return new Set(quotes.map((q) => ownAttribution(q).speakerId).filter((s): s is string => Boolean(s)));
}
