import { analyseArticle, type AnalysedArticle } from '../pipeline.ts';
import type { ArticleInput } from '../types.ts';

/** One chunk of a batch, read in a worker thread; an article that fails is answered with its error's message. */
export default function extractChunk(inputs: ArticleInput[]): Array<AnalysedArticle | { error: string }> {
  return inputs.map((input) => {
    try {
      return analyseArticle(input);
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  });
}
