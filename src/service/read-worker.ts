import { analyseArticle, notArticleText, type AnalysedArticle } from '../ingestion/pipeline.ts';
import type { ArticleInput } from '../ingestion/types.ts';
import { textSignals } from '../linking/signals.ts';

/**
 * One chunk of a batch, read in a worker thread: its quotes, and what linking reads in the text besides, which would
 * otherwise be read in the batch's own thread. An article that fails is answered with its error's message.
 */
export default function readChunk(inputs: ArticleInput[]): Array<AnalysedArticle | { error: string }> {
  return inputs.map((input) => {
    try {
      const analysed = analyseArticle(input);
      const { text } = analysed.article;
      return { ...analysed, signals: textSignals(text, notArticleText(text)) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  });
}
