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
