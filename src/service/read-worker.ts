import { analyseArticle, type AnalysedArticle } from '../ingestion/pipeline.ts';
import type { ArticleInput } from '../ingestion/types.ts';
import { articleSignals } from './prepare-article.ts';

/**
 * One chunk of a batch, read in a worker thread: its quotes, and what linking reads in the text besides, which would
 * otherwise be read in the batch's own thread. An article that fails is answered with its error's message.
 */
export default function readChunk(inputs: ArticleInput[]): Array<AnalysedArticle | { error: string }> {
  return inputs.map((input) => {
    try {
      const analysed = analyseArticle(input);
      return { ...analysed, signals: articleSignals(analysed.article.text) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  });
}
