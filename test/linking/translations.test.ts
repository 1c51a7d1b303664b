/**
 * Translations found from their content over a real Meilisearch and the HTTP API: every quote of a translation is
 * linked whether its own article attributes it or not, the speaker is the cluster's, one person is one speaker, and a
 * client's `translationOf` pairs two articles for certain. Whatever the arrival order.
 */
import t from 'tap';
import { build } from '../helpers/build.ts';
import type { ArticleInput } from '../../src/ingestion/types.ts';
import type { Quote, QuotePage } from '../../src/schemas/quote.ts';
import type { Speaker } from '../../src/schemas/speaker.ts';

type App = Awaited<ReturnType<typeof build>>;

// An invented story in three languages. English names the minister by surname only; French and Vietnamese in full.
// The Vietnamese version gives the second quote to nobody a reader could take for a person (the ministry's statement).
const en: ArticleInput = {
  id: 'clinics-en',
  text: `Whitfield promises 40 clinics by 2027

Health minister Whitfield presented the plan in Leeds on Monday, with 1,250 new nurses and a budget of 3.4 billion pounds.

"We will open 40 new clinics before 2027, starting in the north," Whitfield said.

The opposition called the plan late and underfunded, pointing to the 7,800 beds closed since 2015.

"Waiting lists must fall below 18 weeks for every patient, wherever they live," Whitfield added.

Unions in Bradford and Hull welcomed the nurses but asked for details on pay.

"Nurses will see their pay rise by 5 percent next year," Whitfield said.`,
};
const fr: ArticleInput = {
  id: 'clinics-fr',
  text: `Amelia Whitfield promet 40 cliniques d’ici 2027

La ministre de la Santé Amelia Whitfield a présenté lundi à Leeds son plan, avec 1 250 nouvelles infirmières et un budget de 3,4 milliards de livres.

« Nous ouvrirons 40 nouvelles cliniques avant 2027, en commençant par le nord », a déclaré Amelia Whitfield.

L’opposition juge le plan tardif et sous-financé, et rappelle les 7 800 lits fermés depuis 2015.

« Les listes d’attente doivent passer sous les 18 semaines pour chaque patient, où qu’il vive », a ajouté Amelia Whitfield.

Les syndicats de Bradford et de Hull saluent les recrutements mais demandent des précisions sur les salaires.

« Le salaire des infirmières augmentera de 5 % l’an prochain », a déclaré Amelia Whitfield.`,
};
const vi: ArticleInput = {
  id: 'clinics-vi',
  text: `Bà Amelia Whitfield hứa mở 40 phòng khám trước năm 2027

Bộ trưởng Y tế Amelia Whitfield đã trình bày kế hoạch tại Leeds hôm thứ Hai, với 1.250 y tá mới và ngân sách 3,4 tỷ bảng.

"Chúng tôi sẽ mở 40 phòng khám mới trước năm 2027, bắt đầu từ miền bắc" - bà Amelia Whitfield nói.

Phe đối lập cho rằng kế hoạch chậm trễ và thiếu kinh phí, nhắc tới 7.800 giường bệnh bị đóng cửa từ năm 2015.

"Thời gian chờ phải giảm xuống dưới 18 tuần cho mọi bệnh nhân, dù họ sống ở đâu" - Bộ Y tế cho biết.

Các công đoàn ở Bradford và Hull hoan nghênh việc tuyển y tá nhưng đề nghị làm rõ về lương.

"Lương y tá sẽ tăng 5% vào năm tới" - bà Amelia Whitfield nói.`,
};
// Another story on another day: it shares the minister's name and nothing else.
const later: ArticleInput = {
  id: 'strike-en',
  text: `Doctors in Manchester vote to strike

Junior doctors in Manchester and Liverpool voted on Thursday for a 48-hour strike in March over working hours.

"The door to my office remains open to every union," Whitfield said.`,
};

async function post(app: App, articles: ArticleInput[]) {
  for (const article of articles) {
    const res = await app.app.inject({ method: 'POST', url: '/articles', headers: app.auth, payload: article });
    if (res.statusCode !== 200) throw new Error(`POST ${article.id}: ${res.statusCode} ${res.body}`);
  }
}

async function quotes(app: App, query: string): Promise<Quote[]> {
  const res = await app.app.inject({ method: 'GET', url: `/quotes?${query}&limit=100` });
  return (res.json() as QuotePage).data;
}

/** Each article's quotes in order: the other articles of its cluster, and its speaker. */
async function snapshot(app: App, articles: ArticleInput[]): Promise<string[]> {
  const out: string[] = [];
  for (const article of articles) {
    const list = (await quotes(app, `articleId=${article.id}`)).sort((x, y) => x.offsets.start - y.offsets.start);
    for (const q of list) {
      out.push(`${article.id}: ${q.translations.map((x) => x.articleId).sort().join(',')} | ${q.speaker?.id ?? '-'} ${q.attribution.method}`);
    }
  }
  return out;
}

t.test('every quote of a translation is linked; the speaker is the cluster\'s; one person is one speaker', async (t) => {
  const app = await build(t);
  await post(app, [en, fr, vi, later]);
  t.same(await snapshot(app, [en, fr, vi, later]), [
    'clinics-en: clinics-fr,clinics-vi | amelia-whitfield explicit',
    'clinics-en: clinics-fr,clinics-vi | amelia-whitfield explicit',
    'clinics-en: clinics-fr,clinics-vi | amelia-whitfield explicit',
    'clinics-fr: clinics-en,clinics-vi | amelia-whitfield explicit',
    'clinics-fr: clinics-en,clinics-vi | amelia-whitfield explicit',
    'clinics-fr: clinics-en,clinics-vi | amelia-whitfield explicit',
    'clinics-vi: clinics-en,clinics-fr | amelia-whitfield explicit',
    'clinics-vi: clinics-en,clinics-fr | amelia-whitfield cluster',
    'clinics-vi: clinics-en,clinics-fr | amelia-whitfield explicit',
    'strike-en:  | whitfield explicit',
  ]);

  // The Vietnamese statement its article gives to nobody is found under the minister's name, in Vietnamese.
  const inVietnamese = await quotes(app, `speaker=${encodeURIComponent('Amelia Whitfield')}&lang=vi`);
  t.equal(inVietnamese.length, 3);
  const lent = inVietnamese.find((q) => q.attribution.method === 'cluster')!;
  t.match(lent.text, /^Thời gian chờ/);
  t.equal(lent.speaker?.name, 'Amelia Whitfield');
  const own = inVietnamese.find((q) => q.attribution.method === 'explicit')!;
  t.ok(lent.confidence.attribution < own.confidence.attribution, 'a speaker lent by the cluster is less certain');

  // The surname the English article uses is the same person: any spelling finds all of her English quotes.
  for (const spelling of ['Amelia Whitfield', 'Whitfield', 'amelia-whitfield', 'AMELIA WHITFIELD']) {
    t.equal((await quotes(app, `speaker=${encodeURIComponent(spelling)}&lang=en`)).length, 4, spelling);
  }
  // Listed once, with every spelling and all her quotes.
  const speakers = (await app.app.inject({ method: 'GET', url: '/speakers?q=whitfield' })).json() as { data: Speaker[] };
  t.same(speakers.data.map((s) => s.id), ['amelia-whitfield']);
  const amelia = speakers.data[0];
  t.same(amelia.languages, ['en', 'fr', 'vi']);
  t.same(amelia.aliases, ['Amelia Whitfield', 'Whitfield']);
  t.equal(amelia.quoteCount, 10);
  t.equal(amelia.names.vi, 'Amelia Whitfield');
  t.equal((await app.app.inject({ method: 'GET', url: '/speakers/whitfield' })).json().id, 'amelia-whitfield');
  // A second Whitfield: the surname alone is nobody in particular any more.
  await post(app, [{ id: 'council-en', text: '"The library will reopen in June," councillor John Whitfield said.' }]);
  const now = (await app.app.inject({ method: 'GET', url: '/speakers?q=whitfield' })).json() as { data: Speaker[] };
  t.same(now.data.map((s) => s.id).sort(), ['amelia-whitfield', 'john-whitfield', 'whitfield']);
  t.equal(now.data.find((s) => s.id === 'amelia-whitfield')!.quoteCount, 9);
  t.equal((await quotes(app, 'speaker=Whitfield&lang=en')).length, 1, 'the surname finds its own quote only');
});

t.test('a full name finds the quotes of a person known by surname alone', async (t) => {
  const app = await build(t);
  await post(app, [later]);
  t.equal((await quotes(app, `speaker=${encodeURIComponent('Amelia Whitfield')}`)).length, 1);
  await post(app, [{ id: 'council-en', text: '"The library will reopen in June," councillor John Whitfield said.' }]);
  t.equal((await quotes(app, `speaker=${encodeURIComponent('Amelia Whitfield')}`)).length, 0, 'not once another Whitfield is known by full name');
});

t.test('the same clusters and speakers whatever the arrival order', async (t) => {
  const reference = await build(t);
  await post(reference, [en, fr, vi, later]);
  const expected = await snapshot(reference, [en, fr, vi, later]);
  for (const order of [[later, vi, fr, en], [fr, later, en, vi], [vi, en, later, fr]]) {
    const app = await build(t);
    await post(app, order);
    t.same(await snapshot(app, [en, fr, vi, later]), expected, order.map((a) => a.id).join(', '));
  }
});

t.test('a deleted translation takes its links and the speakers it lent with it', async (t) => {
  const app = await build(t);
  await post(app, [en, fr, vi]);
  const res = await app.app.inject({ method: 'DELETE', url: `/articles/${en.id}`, headers: app.auth });
  t.equal(res.statusCode, 204);
  const reference = await build(t);
  await post(reference, [fr, vi]);
  t.same(await snapshot(app, [fr, vi]), await snapshot(reference, [fr, vi]), 'as if it had never been ingested');
});

// Two versions with nothing in common a linker could see: no name, no figure. Only the client knows.
const school: ArticleInput = {
  id: 'school-fr',
  text: `La directrice rassure les parents

« Nous resterons ouverts tout l’été pour les enfants qui en ont besoin », a déclaré la directrice.

Les parents avaient demandé une solution avant les vacances.

« Les repas seront servis comme pendant l’année scolaire », a-t-elle ajouté.`,
};
const schoolEn: ArticleInput = {
  id: 'school-en',
  text: `Headteacher reassures parents

"We will stay open all summer for the children who need it," the headteacher said.

Parents had asked for a solution before the holidays.

"Meals will be served as during the school year," she added.`,
};

t.test('translationOf pairs two articles for certain, whichever arrives first', async (t) => {
  const apart = await build(t);
  await post(apart, [school, schoolEn]);
  t.same(await snapshot(apart, [schoolEn]), ['school-en:  | - none', 'school-en:  | - none'], 'without the hint, nothing to go by');
  for (const order of [[school, { ...schoolEn, translationOf: school.id }], [{ ...schoolEn, translationOf: school.id }, school]]) {
    const app = await build(t);
    await post(app, order);
    t.same(await snapshot(app, [schoolEn]), ['school-en: school-fr | - none', 'school-en: school-fr | - none'], order.map((a) => a.id).join(', '));
  }
  const bad = await apart.app.inject({ method: 'POST', url: '/articles', headers: apart.auth, payload: { ...schoolEn, translationOf: 'not an id!' } });
  t.equal(bad.statusCode, 400);
  t.match(bad.json(), { detail: /translationOf/ });
});
