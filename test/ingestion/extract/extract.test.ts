import t from 'tap';
import { extractQuotes } from '../../../src/ingestion/extract/index.ts';

const only = (text: string, lang: string) => {
  const quotes = extractQuotes(text, lang);
  return quotes.map((q) => ({ text: q.text, speaker: q.speakerName, method: q.attribution.method }));
};

t.test('offsets index the original text and delimit the words inside the marks', async (t) => {
  const text = 'Le maire a pris la parole.\n« Nous tiendrons parole », a déclaré le maire de Lyon, Paul Martin.';
  const [q] = extractQuotes(text, 'fr');
  t.equal(q.text, 'Nous tiendrons parole');
  t.equal(text.slice(q.start, q.end), q.text);
});

t.test('vi: dash attribution after the quote, title and pronoun resolved in the article', async (t) => {
  const text = [
    'Thứ trưởng Bộ Tài chính Nguyễn Văn Hải chủ trì cuộc họp.',
    '"Chúng ta phải giảm chi thường xuyên. Không có ngoại lệ" - ông Nguyễn Văn Hải phân tích.',
    '"Mỗi bộ phải tự rà soát lại chi tiêu của mình" - Thứ trưởng nêu rõ.',
    '"Tôi sẽ kiểm tra từng đơn vị..." - ông nói thêm.',
  ].join('\n');
  const got = only(text, 'vi');
  t.equal(got.length, 3);
  t.same(got.map((q) => q.speaker), ['Nguyễn Văn Hải', 'Nguyễn Văn Hải', 'Nguyễn Văn Hải']);
  t.same(got.map((q) => q.method), ['explicit', 'title', 'pronoun']);
  t.equal(got[2].text, 'Tôi sẽ kiểm tra từng đơn vị...');
});

t.test('vi: X nói: "…" and Theo X, "…"; slogans and scare quotes are not quotes', async (t) => {
  const text = [
    'Bà Lê Thị Mai nói: "Chúng tôi đã sẵn sàng cho mùa lũ năm nay".',
    'Theo ông Trần Quốc Toản, "việc di dời dân phải hoàn thành trước ngày 15/10".',
    'Chiến dịch mang khẩu hiệu "Không để ai bị bỏ lại phía sau" được phát động.',
    'Xã này được gọi là "rốn lũ" của tỉnh.',
  ].join('\n');
  t.same(only(text, 'vi').map((q) => q.speaker), ['Lê Thị Mai', 'Trần Quốc Toản']);
});

t.test('id: tegas/ujar after the quote, -nya clitic, Menurut X, honorific stripped', async (t) => {
  const text = [
    'Menteri Kesehatan Budi Gunadi Sadikin meninjau rumah sakit.',
    '"Kami akan menambah 200 dokter spesialis tahun ini," tegas Bapak Budi Gunadi Sadikin.',
    '“Anggaran sudah disiapkan,” ujar Menteri Kesehatan.',
    '"Tidak boleh ada pasien yang ditolak," ujarnya.',
    'Menurut Tn. Budi Gunadi Sadikin, "layanan primer adalah kunci".',
    'Program "Sehat Untuk Semua" diluncurkan dengan semboyan "sehat itu hak".',
  ].join('\n');
  const got = only(text, 'id');
  t.equal(got.length, 4);
  t.ok(got.every((q) => q.speaker === 'Budi Gunadi Sadikin'), JSON.stringify(got));
  t.same(got.map((q) => q.method), ['explicit', 'title', 'pronoun', 'explicit']);
});

t.test('fr: « … », a déclaré le ministre …, X; Selon X; -t-elle; themes are not quotes', async (t) => {
  const text = [
    'Le ministre des Armées par intérim, Jean Dupuis, a fait une présentation sur le thème « La défense en Europe ».',
    '« Nous devons investir davantage. C\'est une question de souveraineté », a déclaré le ministre des Armées par intérim, Jean Dupuis.',
    'Selon Mme Claire Bernard, « les budgets ne suivent pas la menace ».',
    '« Il faut agir vite », a-t-elle ajouté.',
  ].join('\n');
  const got = only(text, 'fr');
  t.same(got.map((q) => q.speaker), ['Jean Dupuis', 'Claire Bernard', 'Claire Bernard']);
  t.same(got.map((q) => q.method), ['explicit', 'explicit', 'pronoun']);
});

t.test('fr: apostrophes are not single quotes', async (t) => {
  t.same(only("L'intégration n'est pas l'objectif d'aujourd'hui, a dit l'économiste.", 'fr'), []);
});

t.test('en: said X / X said / X said: and he added; policy phrases without a speaker are not quotes', async (t) => {
  const text = [
    '"We will not raise taxes this year," said Finance Minister Anna Lee.',
    'Anna Lee said: "The budget is balanced for the first time in a decade."',
    '"Growth will pick up in the second half," she added.',
    'The strategy aims at "green and inclusive growth for all regions" by 2030.',
    'Lawmakers read the article "Building a Greener Future" before the vote.',
  ].join('\n');
  const got = only(text, 'en');
  t.same(got.map((q) => q.speaker), ['Anna Lee', 'Anna Lee', 'Anna Lee']);
});

t.test('en: a fragment is a quote when a named speaker says it in the same sentence', async (t) => {
  const text = 'President Ho Chi Minh stated that Vietnam wanted peace, expressing the desire to "be friends with all nations of the world".';
  t.same(only(text, 'en'), [{ text: 'be friends with all nations of the world', speaker: 'Ho Chi Minh', method: 'explicit' }]);
});

t.test('boilerplate blocks, captions and counters are skipped', async (t) => {
  const text = [
    'Xem video:',
    '"Chúng tôi sẽ mở rộng tuyến metro" - ông Phạm Văn Nam cho biết.',
    'TIN LIÊN QUAN',
    'Bộ trưởng: "Không có vùng cấm trong xử lý sai phạm"',
    'Related news',
    'Minister: "We will act now," he said',
    'Ông Phạm Văn Nam phát biểu. Ảnh: "Minh Hà" nói',
    'Bình luận (0)',
  ].join('\n');
  t.same(only(text, 'vi').map((q) => q.text), ['Chúng tôi sẽ mở rộng tuyến metro']);
  const id = 'BERITA TERKAIT | |\n![]() | Menteri: "Tidak ada kelangkaan," katanya |\n"Harga turun," ujar Ibu Sri Wahyuni.\nKomentar (0)';
  t.same(only(id, 'id').map((q) => q.speaker), ['Sri Wahyuni']);
});

t.test('unresolvable speaker: no name, low confidence', async (t) => {
  const [q] = extractQuotes('"The vote was rigged," he said.', 'en');
  t.equal(q.speakerName, undefined);
  t.ok(q.attribution.confidence < 0.3);
});

t.test('confidence orders explicit > title > pronoun', async (t) => {
  const text = 'Menteri Keuangan Sri Wahyuni hadir.\n"Satu," ujar Sri Wahyuni.\n"Dua dan tiga," ujar Menteri Keuangan.\n"Empat lima," katanya.';
  const c = extractQuotes(text, 'id').map((q) => q.attribution.confidence);
  t.ok(c[0] > c[1] && c[1] > c[2], String(c));
});

t.test('other languages get the generic rules', async (t) => {
  const got = only('"Vamos a ganar este partido," dijo Carlos Ruiz.', 'es');
  t.same(got.map((q) => q.speaker), ['Carlos Ruiz']);
  t.same(only('"We will win," said Carlos Ruiz.', 'und').map((q) => q.speaker), ['Carlos Ruiz']);
});

t.test('en: a quote sentence of its own continues the previous speaker; apposition before the verb; initials', async (t) => {
  const text = [
    '"We are not in crisis," Guardiola told reporters on Saturday. "I trust these players."',
    '"We see a sharp rise," Dr. Siti Nadia Tarmizi, a spokeswoman for the Health Ministry, said on Monday.',
    '"This case should send a clear message," said Assistant U.S. Attorney Karen Whitfield.',
    'Fans held a banner reading "Pep Out? Never" near the away end.',
  ].join('\n');
  const got = only(text, 'en');
  t.same(got.map((q) => [q.text, q.speaker]), [
    ['We are not in crisis,', 'Guardiola'],
    ['I trust these players.', 'Guardiola'],
    ['We see a sharp rise,', 'Siti Nadia Tarmizi'],
    ['This case should send a clear message,', 'Karen Whitfield'],
  ]);
  t.equal(got[1].method, 'context');
});

t.test('fr: incise inside the guillemets splits the quote; interrupted quote; name particles; Selon lui', async (t) => {
  const text = [
    'Le PDG de Renault, Luca de Meo, a défendu la stratégie du groupe. Selon lui, les prix des batteries « vont continuer à baisser ».',
    "« Nous discutons avec tous les partenaires », a répondu M. de Meo, « mais rien n'est signé ».",
    "Son avocate, Mme Claire Roux, a réagi. « Mon client n'a rien touché, a-t-elle ajouté. Le tribunal s'est trompé. »",
  ].join('\n');
  const got = only(text, 'fr');
  t.same(got.map((q) => [q.text, q.speaker]), [
    ['vont continuer à baisser', 'Luca de Meo'],
    ['Nous discutons avec tous les partenaires', 'Luca de Meo'],
    ["mais rien n'est signé", 'Luca de Meo'],
    ["Mon client n'a rien touché,", 'Claire Roux'],
    ["Le tribunal s'est trompé.", 'Claire Roux'],
  ]);
});

t.test('a full stop with no blank after it does not end a sentence (PGS.TS, TP.HCM, 1.200)', async (t) => {
  const vi = '"Chúng tôi mong cộng đồng hiểu hơn về ý nghĩa của việc hiến tạng" - PGS.TS Vũ Minh Đức bày tỏ.';
  t.same(extractQuotes(vi, 'vi').map((q) => q.speakerName), ['Vũ Minh Đức']);
  const id = 'Pengamat Sutrisno Hadi mengatakan dari 1.200 hektare sawah di desanya hanya separuh yang terairi: "Air irigasi baru datang dua minggu terakhir."';
  t.same(extractQuotes(id, 'id').map((q) => q.speakerName), ['Sutrisno Hadi']);
});

t.test('a verb of saying that starts within the window after a long title and name counts', async (t) => {
  const vi = '"Nguồn nước đã ổn định trở lại từ sáng nay" - Phó Giám đốc Sở Xây dựng Trần Minh Quân cho biết.';
  t.same(extractQuotes(vi, 'vi').map((q) => q.speakerName), ['Trần Minh Quân']);
});
