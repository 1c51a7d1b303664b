import t from 'tap';
import { speakerId, stripHonorifics } from '../../../src/ingestion/speakers.ts';
import { SUPPORTED_LANGUAGES, languageProfile } from '../../../src/ingestion/languages/index.ts';

t.test('every spelling of a name gives one speaker id', async (t) => {
  for (const n of ['Lê Hoài Trung', 'Le Hoai Trung', 'Ông Lê Hoài Trung', 'Bapak Le Hoai Trung', 'Tn. Le Hoai Trung', 'M. Le Hoai Trung', 'Quyền Bộ trưởng Ngoại giao Lê Hoài Trung']) {
    t.equal(speakerId(n), 'le-hoai-trung', n);
  }
});

t.test('honorifics and titles go, diacritics and name words that look like connectors stay', async (t) => {
  t.equal(stripHonorifics('Ông Lê Hoài Trung'), 'Lê Hoài Trung');
  t.equal(stripHonorifics('Mme Anne Dupont'), 'Anne Dupont');
  t.equal(stripHonorifics('Comrade To Lam'), 'To Lam');
  t.equal(stripHonorifics('Đồng chí Tô Lâm'), 'Tô Lâm');
  t.equal(stripHonorifics('Ibu Retno Marsudi'), 'Retno Marsudi');
  t.equal(stripHonorifics('Mr. John Smith'), 'John Smith');
  t.equal(stripHonorifics('Bà Mai'), 'Mai');
  // A family name that is also a title word is the name when no title follows it.
  t.equal(stripHonorifics('Ông Phó Đức Lâm'), 'Phó Đức Lâm');
  t.equal(stripHonorifics('Phó Giám đốc Trần Minh Quân'), 'Trần Minh Quân');
});

t.test('each first-class language has its own profile, others the generic one', async (t) => {
  for (const lang of SUPPORTED_LANGUAGES) t.equal(languageProfile(lang).code, lang);
  t.equal(languageProfile('und').code, 'generic');
});
