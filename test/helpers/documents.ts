/** Quote documents as tests write them: quote `n`, saying `text` in `lang`, an original alone in its cluster. */
import type { QuoteDoc } from '../../src/storage/documents.ts';

export function quoteDoc(n: number, text: string, lang = 'en'): QuoteDoc {
  const doc = {
    id: `q${n}`,
    articleId: `a${n}`,
    seq: 0,
    lang,
    text,
    [`text_${lang}`]: text,
    speakerId: 'jane-roe',
    speakerName: `Jane ${text.slice(0, 8)}`,
    attributionMethod: 'explicit',
    attributionConfidence: 0.95,
    start: 0,
    end: text.length,
    title: text,
    publishedAt: '2025-01-02T00:00:00.000Z',
    publishedTs: Date.parse('2025-01-02') + n,
    translated: false,
    clusterId: `c${n}`,
    original: true,
    linkConfidence: 1,
    links: [],
    clusterLangs: [lang],
    translations: [{ id: `q${n}x`, lang: 'vi', text: `${text} "lang":"${lang}"`, original: false, articleId: `b${n}` }],
  };
  return doc as QuoteDoc;
}
