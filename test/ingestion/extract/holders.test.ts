import t from 'tap';
import { extractQuotes } from '../../../src/ingestion/extract/index.ts';

/** Where a title ends and its holder's name starts, and what stands between a name and its verb. */
const speakers = (text: string, lang: string) => extractQuotes(text, lang).map((q) => q.speakerName);

t.test('a title word at the end of a run of name words is part of the name', async (t) => {
  t.same(speakers('"Kami tidak akan mengubah strategi hanya karena satu kekalahan," kata Rizal Hakim kepada wartawan di Samarinda.', 'id'), ['Rizal Hakim']);
  t.same(speakers('Pelatih Rizal Hakim mengatakan: "Anak-anak sudah bekerja keras sepanjang pekan ini."', 'id'), ['Rizal Hakim']);
  t.same(speakers('"Roads in the north of the county will reopen on Thursday," Paul Mayor said.', 'en'), ['Paul Mayor']);
  t.same(speakers('« Le dossier sera réglé avant la fin du mois », a déclaré Jean Maire.', 'fr'), ['Jean Maire']);
  t.same(speakers('"Nguồn nước đã ổn định trở lại từ sáng nay" - ông Phó Đức Lâm cho biết.', 'vi'), ['Phó Đức Lâm']);
});

t.test('a title word that introduces a name is still a title', async (t) => {
  t.same(speakers('"Terdakwa terbukti bersalah," ujar Hakim Ketua Agus Salim.', 'id'), ['Agus Salim']);
  t.same(speakers('"Roads will reopen on Thursday," said Mayor Linda Park.', 'en'), ['Linda Park']);
  t.same(speakers('« Le dossier sera réglé avant la fin du mois », a déclaré le maire Jean Dupuis.', 'fr'), ['Jean Dupuis']);
  t.same(speakers('"Nguồn nước đã ổn định" - Giám đốc Sở Xây dựng Trần Minh Quân cho biết.', 'vi'), ['Trần Minh Quân']);
  // Titles and bodies alone, with no name word before the title, name nobody.
  t.same(speakers('"We will keep the briefing short," said White House Press Secretary.', 'en'), [undefined]);
});

t.test('an organisation named by an acronym or a team code stands between the title and its holder', async (t) => {
  t.same(speakers('"Kami akan bangkit di laga berikutnya," ujar pelatih Borneo FC Heru Santoso.', 'id'), ['Heru Santoso']);
  t.same(speakers('"Pemain muda butuh jam terbang," kata pelatih Timnas U-23 Luis Moreno.', 'id'), ['Luis Moreno']);
  t.same(speakers('"Bonus sudah kami siapkan sejak awal," tegas Ketua Umum PSSI Erick Pratama.', 'id'), ['Erick Pratama']);
  t.same(speakers('"Các cầu thủ đã chơi đúng tinh thần" - HLV U23 Việt Nam Kim Sang-woo cho biết.', 'vi'), ['Kim Sang-woo']);
  // The organisation is part of the role, the holder found again by it.
  const quotes = extractQuotes('Pelatih Borneo FC Heru Santoso memuji lini belakang timnya.\n"Mereka disiplin sepanjang laga," ujar Heru.', 'id');
  t.same(quotes.map((q) => [q.speakerName, q.role]), [['Heru Santoso', 'Pelatih Borneo FC']]);
});

t.test('a comma-bounded apposition after a name is skipped whatever its length', async (t) => {
  t.same(speakers('Ông Trịnh Quốc Bảo, chuyên gia kinh tế trưởng của một ngân hàng thương mại cổ phần lớn có trụ sở tại TP.HCM, nhận định: "Mặt bằng lãi suất khó giảm thêm trong quý tới".', 'vi'),
    ['Trịnh Quốc Bảo']);
  t.same(speakers('"Inflation will not return to target before next spring," Sarah Collins, the long-serving head of research at a regional lender based in Leeds, said on Monday.', 'en'),
    ['Sarah Collins']);
  t.same(speakers('Sarah Collins, the long-serving head of research at a regional lender based in Leeds, said: "Inflation will not return to target before next spring."', 'en'),
    ['Sarah Collins']);
  t.same(speakers('Sophie Marchand, qui dirige depuis douze ans la recherche économique d\'une grande banque régionale lyonnaise, a estimé : « Les taux ne baisseront pas avant le printemps. »', 'fr'),
    ['Sophie Marchand']);
  t.same(speakers('Bhima Prasetyo, direktur eksekutif sebuah lembaga kajian ekonomi independen yang berkantor di Jakarta Selatan, mengatakan: "Daya beli masyarakat belum pulih."', 'id'),
    ['Bhima Prasetyo']);
  t.same(speakers('Dedi Kurniawan, Kepala Dinas Pertanian Jawa Tengah yang baru dilantik awal bulan ini oleh gubernur, mengatakan: "Stok pupuk aman sampai akhir musim tanam."', 'id'),
    ['Dedi Kurniawan']);
  // An introductory place, then the speaker with his title and his apposition.
  t.same(speakers('À Vierzon, le docteur Alain Roussel, seul pédiatre encore installé dans toute la commune depuis trois ans, résume : « Je ne prends plus aucun nouveau patient. »', 'fr'),
    ['Alain Roussel']);
  // A name inside the apposition describes the head; it is not the speaker.
  t.same(speakers('Bà Lương Thu Hà, cố vấn lâu năm của ông Đặng Văn Khoa trong nhiều dự án hạ tầng ở miền Trung, cho biết: "Tiến độ giải phóng mặt bằng vẫn chậm".', 'vi'),
    ['Lương Thu Hà']);
});

t.test('a bare nationality noun points back at the person the article described with it', async (t) => {
  const fr = 'Le Français Hugo Martinet a remporté la 12e étape devant le Belge Pieter Claes.\n' +
    'Pieter Claes a perdu du temps dans la descente.\n' +
    '« J\'ai attaqué au pied du dernier col, c\'était le bon moment », a ajouté le Français.\n' +
    'Le Français a ensuite déclaré : « Le maillot jaune n\'est plus un rêve. »';
  t.same(speakers(fr, 'fr'), ['Hugo Martinet', 'Hugo Martinet']);
  const en = 'Frenchman Hugo Martinet won the 12th stage ahead of Belgian Pieter Claes.\n' +
    'Claes lost time on the descent.\n' +
    '"I attacked at the foot of the last climb, it was the right moment," the Frenchman added.';
  t.same(speakers(en, 'en'), ['Hugo Martinet']);
  // Nobody was described as Spanish: the noun stays unresolved rather than taking the last person named.
  t.same(speakers('Pieter Claes a terminé deuxième.\n« Je n\'avais plus de jambes », a reconnu l\'Espagnol.', 'fr'), [undefined]);
  // An adjective before a noun is not a person.
  t.same(speakers('German Lukas Brandt won the stage.\n"The race is not over," the German team said in a statement.', 'en'), [undefined]);
  // `un Français` introduces someone new; only the definite article points back.
  t.same(speakers('Le Français Hugo Martinet a gagné.\n« Nous avons tout donné », a confié un Français du peloton.', 'fr'), [undefined]);
});

t.test('a role in apposition after a titled name is kept with the title', async (t) => {
  const cases: Array<[lang: string, lines: string[], speaker: string]> = [
    ['vi', [
      'Tiền vệ Đỗ Thành Nam, đội trưởng của CLB Sông Lam Nghệ An, đã trở lại tập luyện sau chấn thương.',
      'HLV Marco Bellini cho biết toàn đội đã sẵn sàng.',
      '"Tôi đã sẵn sàng cho trận đấu cuối tuần" - đội trưởng này khẳng định.',
    ], 'Đỗ Thành Nam'],
    ['en', [
      'Midfielder Jack Hale, the club captain, returned to training on Tuesday.',
      'Manager Tom Ellery said the squad was fit.',
      '"We owe the fans a performance," the captain said.',
    ], 'Jack Hale'],
    ['fr', [
      'Le milieu de terrain Lucas Perrin, capitaine de l\'équipe, a repris l\'entraînement mardi.',
      'Le sélectionneur Marc Vidal a confirmé sa présence.',
      '« Nous devons une victoire aux supporters », a lancé le capitaine.',
    ], 'Lucas Perrin'],
  ];
  for (const [lang, lines, speaker] of cases) t.same(speakers(lines.join('\n'), lang), [speaker], lang);
});

t.test('a title written with an elision in lower case matches the text that splits it before a capital', async (t) => {
  const said = (text: string) => extractQuotes(text, 'fr').map((q) => q.speakerName ?? null);
  t.same(said('Marc Dupuis a parlé. Le secrétaire d’État américain Paul Hervey a déclaré : « Les sanctions doivent être maintenues. »'), ['Paul Hervey']);
});
