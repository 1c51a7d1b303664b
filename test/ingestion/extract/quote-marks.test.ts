import t from 'tap';
import { findQuoteSpans } from '../../../src/ingestion/extract/quote-marks.ts';

/** The quoted words of every span, in order. */
const quoted = (text: string) => findQuoteSpans(text).map((s) => text.slice(s.start, s.end));

t.test('a stray mark used as an apostrophe does not shift the pairing of later marks', async (t) => {
  const text = 'The leak was traced to Harper" office on Friday. "We did nothing wrong," Harper said. "Nothing at all."';
  t.same(quoted(text), ['We did nothing wrong,', 'Nothing at all.']);
});

t.test('straight and curly marks pair with each other, whichever way round', async (t) => {
  t.same(quoted('"Itu bukan keputusan yang matang,” katanya. “Kami akan mencoba lagi." Dia tersenyum.'), [
    'Itu bukan keputusan yang matang,',
    'Kami akan mencoba lagi.',
  ]);
  t.same(quoted('Ông nói ”Chúng tôi sẽ làm lại từ đầu” rồi rời đi.'), ['Chúng tôi sẽ làm lại từ đầu']);
});

t.test('a quote nested in a quote is part of it, not a quote of its own', async (t) => {
  // A short term quoted inside a quote.
  t.same(quoted('"They insist on the "freeze-first" plan and call it fair," Lind said.'), ['They insist on the "freeze-first" plan and call it fair,']);
  // Someone's words introduced inside a quote, closed together with it.
  t.same(quoted('"I remember when people said, "This is the end of television as we know it,"" Mr. Aldo told me.'), [
    'I remember when people said, "This is the end of television as we know it,"',
  ]);
  // Inside French guillemets.
  t.same(quoted('« Il m\'a répondu : “ce n\'est pas le moment” et il est parti », raconte Mme Aubert.'), [
    'Il m\'a répondu : “ce n\'est pas le moment” et il est parti',
  ]);
});

t.test('an inner quote left unclosed ends with its outer quote', async (t) => {
  const text = '"Then the call came and I said goodbye. I said, "Mina, I love you. I will be with you soon. I sat there for hours." Later she boarded the plane.';
  t.same(quoted(text), ['Then the call came and I said goodbye. I said, "Mina, I love you. I will be with you soon. I sat there for hours.']);
});

t.test('a quote never closed ends where the next one opens', async (t) => {
  const text = 'Mr Pell said: "It was bound to happen. The statue was always a target. Mr Pell told the Gazette: "We still have much to learn."';
  t.same(quoted(text), ['We still have much to learn.']);
});

t.test('a mark escaped with a backslash is part of the words', async (t) => {
  t.same(quoted('"We never said \\"maybe\\" in this house," she said.'), ['We never said \\"maybe\\" in this house,']);
});

t.test('a closing mark misplaced before the attribution still closes the quote', async (t) => {
  t.same(quoted('"Ông ấy là một người khá trầm tính, "cô nói. "Nhưng ông ấy rất tự hào."'), [
    'Ông ấy là một người khá trầm tính,',
    'Nhưng ông ấy rất tự hào.',
  ]);
});

t.test('a quote reopened at each new paragraph runs on across them', async (t) => {
  const text = '"The first part of the statement ends here.\n"The second paragraph carries on," she said.';
  t.same(quoted(text), ['The first part of the statement ends here.', 'The second paragraph carries on,']);
});

t.test('single quotes: possessives and apostrophes are not marks, a quote inside a quote is kept with it', async (t) => {
  t.same(quoted("The students' union met. 'It won't change students' habits overnight,' he said."), ["It won't change students' habits overnight,"]);
  t.same(quoted("'At the end one girl asked me: 'Why is nobody telling us this?' That surprised me,' he told the Herald."), [
    "At the end one girl asked me: 'Why is nobody telling us this?' That surprised me,",
  ]);
});
