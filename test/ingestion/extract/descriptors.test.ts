import t from 'tap';
import { extractQuotes } from '../../../src/ingestion/extract/index.ts';

/** Speakers named by a descriptor (a role, an origin, a demonstrative) rather than by name. */
const speakers = (text: string, lang: string) => extractQuotes(text, lang).map((q) => q.speakerName);

t.test('vi: a role with an origin phrase points back at the person, never at the country', async (t) => {
  const text = [
    'Huấn luyện viên Marc Lemaire đã có buổi họp báo sau trận hòa 1-1 trên sân Thống Nhất.',
    '"Chúng tôi thi đấu thiếu tập trung trong hiệp hai" - HLV Marc Lemaire thừa nhận.',
    '"Các cầu thủ trẻ cần thêm thời gian để thích nghi với lối chơi pressing" - HLV người Bỉ nói thêm.',
    '"Tôi vẫn tin vào tập thể này" - vị chiến lược gia này khẳng định.',
  ].join('\n');
  t.same(speakers(text, 'vi'), ['Marc Lemaire', 'Marc Lemaire', 'Marc Lemaire']);
});

t.test('vi: another word for the same role finds its holder past a more recent person', async (t) => {
  const text = [
    'HLV Henrik Dalgaard cho biết toàn đội đã hồi phục sau chuyến bay dài.',
    'Đội trưởng Lê Minh Khang cũng có mặt tại buổi họp báo.',
    '"Mục tiêu của chúng tôi là giành vé vào vòng chung kết" - vị chiến lược gia này khẳng định.',
    '"Chúng tôi không ngại bất kỳ đối thủ nào" - thủ quân của đội nói thêm.',
  ].join('\n');
  t.same(speakers(text, 'vi'), ['Henrik Dalgaard', 'Lê Minh Khang']);
});

t.test('fr and en: the coach by another name', async (t) => {
  const fr = 'Le sélectionneur Pieter Van Damme a présenté sa liste. Le capitaine Jonas Berg était présent.\n' +
    '« Je veux des joueurs qui courent », a insisté le technicien.';
  t.same(speakers(fr, 'fr'), ['Pieter Van Damme']);
  const en = 'Manager Tom Ellery named his squad on Friday, with striker Danny Okafor back from injury.\n' +
    '"Everyone has to earn a place," the coach said.';
  t.same(speakers(en, 'en'), ['Tom Ellery']);
});

t.test('vi: with nobody named before it, an origin descriptor stays unresolved', async (t) => {
  const text = '"Sân tập ở đây tốt hơn nhiều so với chúng tôi nghĩ" - HLV người Hàn Quốc cho biết.\n' +
    '"Đồ ăn rất hợp khẩu vị" - một cầu thủ người Nhật chia sẻ.';
  t.same(speakers(text, 'vi'), [undefined, undefined]);
});

t.test('vi: a place right after a title is part of the title, not its holder', async (t) => {
  const text = [
    'Sáng 3/4, Chủ tịch UBND tỉnh Quảng Ngãi Trần Văn Hòa làm việc với các nhà đầu tư tại khu kinh tế Dung Quất.',
    '"Tỉnh sẽ bàn giao mặt bằng sạch trước tháng 9" - Chủ tịch UBND tỉnh Quảng Ngãi nói.',
    'Thủ tướng Đinh Quang Huy cũng gửi thư chúc mừng.',
    '"Đây là dự án trọng điểm của cả khu vực miền Trung" - Thủ tướng nhấn mạnh trong thư.',
  ].join('\n');
  t.same(speakers(text, 'vi'), ['Trần Văn Hòa', 'Đinh Quang Huy']);
});

t.test('vi: a foreign name right after a role is its holder', async (t) => {
  const text = '"Chúng tôi đến đây để thắng" - HLV Patrik Svensson nói trước trận đấu.';
  t.same(speakers(text, 'vi'), ['Patrik Svensson']);
});

t.test('id: a role with tersebut/itu points back at the person last given that role', async (t) => {
  const text = [
    'Pelatih Timnas Indonesia Luis Moreno memuji penampilan gelandang Arkan Saputra dalam laga uji coba melawan Malaysia.',
    '"Dia bermain sangat disiplin dan membaca permainan dengan baik," kata Luis Moreno.',
    '"Saya hanya menjalankan instruksi pelatih," ujar gelandang tersebut.',
    '"Kami masih harus memperbaiki transisi bertahan," kata pelatih asal Spanyol itu.',
  ].join('\n');
  t.same(speakers(text, 'id'), ['Luis Moreno', 'Arkan Saputra', 'Luis Moreno']);
});

t.test('id: every role a person was given counts, not only the first', async (t) => {
  const text = [
    'Kapten Timnas Indonesia Arkan Saputra kembali berlatih setelah cedera.',
    'Pelatih Luis Moreno menyebut gelandang Arkan Saputra sebagai kunci permainan tim.',
    '"Dia pemimpin di lapangan," kata Luis Moreno.',
    '"Kaki saya sudah pulih sepenuhnya," ujar gelandang tersebut.',
  ].join('\n');
  t.same(speakers(text, 'id'), ['Luis Moreno', 'Arkan Saputra']);
});

t.test('id: a title at the end of a sentence does not take the name that opens the next one', async (t) => {
  const text = [
    'Gelandang Rizal Pratomo mencetak gol pada menit ke-88.',
    '"Saya sudah lama berlatih tendangan bebas," ujar gelandang tersebut.',
    'Pelatih Diego Alvarado memuji anak asuhnya.',
    '"Dia pantas menjadi pemain terbaik malam ini," kata Diego Alvarado.',
  ].join('\n');
  t.same(extractQuotes(text, 'id').map((q) => [q.speakerName, q.role]), [['Rizal Pratomo', 'gelandang'], ['Diego Alvarado', 'Pelatih']]);
});

t.test('id: an origin phrase is never a speaker', async (t) => {
  const text = '"Lapangan ini terlalu keras," ujar pemain asal Brasil itu.';
  t.same(speakers(text, 'id'), [undefined]);
});

t.test('en: a possessive origin before a name is not part of it', async (t) => {
  const text = [
    '"We were second best for most of the afternoon," France\'s Claire Vasseur said after the final.',
    '"Our defence simply did not turn up," said Brazil’s Ana Ribeiro.',
    '"The wind made every serve a lottery," said Spaniard Marta Olivares, who lost in three sets.',
    'Atlético Norte\'s Iker Etxeberria said: "We knew one goal would be enough."',
    'Indonesia\'s Trade Minister Budi Santoso told reporters: "Exports will recover by the second quarter."',
  ].join('\n');
  t.same(speakers(text, 'en'), ['Claire Vasseur', 'Ana Ribeiro', 'Marta Olivares', 'Iker Etxeberria', 'Budi Santoso']);
});

t.test('fr: a nationality noun before a name is not part of it', async (t) => {
  const text = [
    '« Nous avons manqué de réalisme devant le but », a déclaré le Belge Thomas Vermeulen.',
    "L'Italienne Giulia Moretti a reconnu : « Je n'avais plus de jambes dans le dernier set. »",
    "« J'ai gardé des forces pour la fin », a expliqué l'Espagnol Iñigo Arrieta.",
    '« La délégation vietnamienne a fait des propositions concrètes », a déclaré le Premier ministre.',
  ].join('\n');
  t.same(speakers(text, 'fr'), ['Thomas Vermeulen', 'Giulia Moretti', 'Iñigo Arrieta', 'Iñigo Arrieta']);
  // A nationality alone is never a speaker.
  t.same(speakers('« Nous reviendrons plus forts », a lancé le Français.\nLe Français a ensuite déclaré : « Rien n\'est fini. »', 'fr'), [undefined, undefined]);
});

t.test('fr: a title with an elided article introduces a name, as a nationality does', async (t) => {
  const text = [
    "L'entraîneur Marc Vidal a déclaré : « Nous avons manqué de rigueur en seconde période. »",
    "« Le groupe reste soudé malgré les blessures », a souligné l'attaquante Léa Fontaine.",
    "« Les prix de l'aliment ont doublé en un an », a expliqué l’éleveuse Odile Marchal.",
  ].join('\n');
  const quotes = extractQuotes(text, 'fr');
  t.same(quotes.map((q) => q.speakerName), ['Marc Vidal', 'Léa Fontaine', 'Odile Marchal']);
  t.same(quotes.map((q) => q.role), ['entraîneur', 'attaquante', 'éleveuse']);
});

t.test('fr: a title with an elided article points back at the person introduced with it', async (t) => {
  const text = [
    "L'entraîneur Marc Vidal a présenté son groupe jeudi. Le gardien Hugo Perrin était absent.",
    "« Nous devons rester humbles face à cet adversaire », a ajouté l'entraîneur.",
    "L’éleveuse Odile Marchal a ouvert sa ferme aux visiteurs samedi. Le maire Paul Ledoux l'accompagnait.",
    "Selon l'éleveuse, « le prix du lait ne couvre plus les coûts de production ».",
    "L'ancien ministre Jacques Morel a visité l'exploitation dans l'après-midi, avec le préfet Alain Roux.",
    "« La filière mérite mieux que des promesses », a estimé l'ancien ministre.",
  ].join('\n');
  t.same(speakers(text, 'fr'), ['Marc Vidal', 'Odile Marchal', 'Jacques Morel']);
});
