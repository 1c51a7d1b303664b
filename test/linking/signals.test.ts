import t from 'tap';
import { anchorNumbers, numbersIn, overlap, properNouns, sameUrl, slugWords, vocabulary } from '../../src/linking/signals.ts';

t.test('a thousand is the same number in every local format', async (t) => {
  for (const text of ['1.000 người', '1,000 people', '1 000 personnes', '1\u00a0000 personnes', '1\u202f000 personnes']) {
    t.same(numbersIn(text), ['1000'], text);
  }
  t.same(numbersIn('5.000 USD'), ['5000']);
  t.same(numbersIn('5,000 USD'), ['5000']);
  t.same(numbersIn('USD 5 000'), ['5000']);
  t.same(numbersIn('24.500 MW'), numbersIn('24,500 MW'));
  t.same(numbersIn('1.234.567 đồng'), ['1234567']);
  t.same(numbersIn('1,234,567 dong'), ['1234567']);
  t.same(numbersIn('145 000 milliards'), ['145000']);
});

t.test('decimals: a separator before other than three digits is a decimal mark', async (t) => {
  t.same(numbersIn('lạm phát 4,5%'), ['4.5']);
  t.same(numbersIn('inflation of 4.5%'), ['4.5']);
  t.same(numbersIn('4,5 %'), numbersIn('4.5 %'));
  t.same(numbersIn('152,6 miliar'), numbersIn('$152.6 billion'));
  t.same(numbersIn('BI-Rate 5,25%'), ['5.25']);
  t.same(numbersIn('pukul 13.00 hingga 15.00'), ['13', '15'], 'a time keeps its hour');
  t.same(numbersIn('4,50 %'), ['4.5']);
});

t.test('document numbers survive translation', async (t) => {
  const vi = anchorNumbers('Nghị quyết số 59-NQ/TW');
  t.same(vi, ['59']);
  t.same(anchorNumbers('Resolusi No. 59'), vi);
  t.same(anchorNumbers('la résolution n° 59'), vi);
  t.same(anchorNumbers('Resolution No.59'), vi);
});

t.test('anchor numbers leave out single digits, which translators spell out', async (t) => {
  t.same(anchorNumbers('5 kết quả chính và 23 phiên họp'), ['23']);
  t.same(anchorNumbers('dix jours, 10 ngày'), ['10']);
  t.same(anchorNumbers('0,5 điểm phần trăm'), ['0.5']);
});

t.test('proper nouns are folded: Hồ Chí Minh = Ho Chi Minh', async (t) => {
  const vi = properNouns('Tư tưởng ấy đã được Hồ Chí Minh đề cập từ rất sớm.');
  const id = properNouns('Gagasan itu telah digagas oleh Ho Chi Minh sejak dini.');
  t.ok(vi.includes('hochiminh'), vi.join());
  t.same(vi, id);
  t.ok(properNouns('quan hệ với Việt Nam').includes('vietnam'));
  t.ok(properNouns('relations with Vietnam').includes('vietnam'));
  t.same(properNouns('ông Lê Hoài Trung nói'), properNouns('kata Le Hoai Trung'));
});

t.test('proper nouns: acronyms kept, a lone capitalised first word of a sentence is not a name', async (t) => {
  const found = properNouns('Chúng tôi đã chỉ đạo EVN. Bộ sẽ làm việc với WHO.');
  t.ok(found.includes('evn'));
  t.ok(found.includes('who'));
  t.notOk(found.includes('chung'));
});

t.test('a capitalised title glued to a name does not hide the name', async (t) => {
  const en = properNouns('President Ho Chi Minh said so.');
  t.ok(en.includes('hochiminh'), en.join());
  t.notOk(en.includes('presidenthochiminh'));
  t.same(properNouns('Chủ tịch Hồ Chí Minh đã nói.'), properNouns('le Président Hồ Chí Minh'));
  t.same(properNouns('Tổng Bí thư Tô Lâm'), properNouns('Sekretaris Jenderal To Lam'));
  t.same(properNouns('Menteri Luar Negeri Sugiono'), ['sugiono']);
  // Translation changes a title, so a title alone is no anchor; a name after a title is one even where a sentence starts.
  t.same(properNouns('He met the Minister and then Presiden Widodo.'), ['widodo']);
  t.same(properNouns('Vietnam Airlines will fly to Paris.'), ['vietnamairlines', 'paris']);
});

t.test('vocabulary, slugs and URLs', async (t) => {
  t.same(slugWords('https://tinnhanh.vn/bo-truong-tran-minh-khoa-khong-de-thieu-dien-2025-241877.html'), [
    'bo', 'truong', 'tran', 'minh', 'khoa', 'khong', 'de', 'thieu', 'dien',
  ]);
  t.same(slugWords('not a url'), []);
  const words = vocabulary('Bộ trưởng Trần Minh Khoa: Không để thiếu điện');
  for (const w of ['bo', 'truong', 'tran', 'khoa', 'thieu', 'dien']) t.ok(words.includes(w), w);
  t.ok(sameUrl('https://www.example.vn/a/b/?utm=1', 'http://example.vn/a/b'));
  t.notOk(sameUrl('https://example.vn/a', undefined));
  t.equal(overlap(['1', '2'], ['2', '3', '4']), 0.5);
  t.equal(overlap([], ['1']), 0);
});
