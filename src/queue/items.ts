import { ArticleSchema } from '../schemas/article.ts';
import type { JobItem } from './types.ts';

/** An NDJSON line that could not be read as JSON text: it becomes the error of its item. */
export class UnreadableItem {
  constructor(readonly message: string) {}
}

/** Checks each posted item against the Article schema on its own: a bad one is kept as its error, never as its text. */
export function checkJobItems(items: unknown[]): JobItem[] {
  return items.map((item) => {
    if (item instanceof UnreadableItem) return { invalid: { message: item.message } };
    const parsed = ArticleSchema.safeParse(item);
    if (parsed.success) return { article: parsed.data };
    const issue = parsed.error.issues[0];
    const articleId = readableId(item);
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    return { invalid: { ...(articleId ? { articleId } : {}), message: `${where}${issue.message}` } };
  });
}

function readableId(item: unknown): string | undefined {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length <= 128 ? id : undefined;
}
