import type { LanguageProfile } from './profile.ts';

/**
 * Rules for any other Latin-script language. The registry merges this with every first-class profile, because an
 * undetected article is most often one of them, and adds the commonest speech verbs and titles of a few more.
 */
export const generic: LanguageProfile = {
  code: 'generic',
  name: 'Latin script',
  iso6393: 'und',
  speechVerbs: [
    'dijo', 'afirmó', 'declaró', 'explicó', 'añadió', 'señaló', 'aseguró', 'sagte', 'erklärte', 'betonte', 'fügte',
    'disse', 'ha detto', 'ha dichiarato', 'afirmou', 'declarou', 'explicou', 'zei', 'verklaarde', 'powiedział',
  ],
  sourceMarkers: ['según', 'laut', 'secondo', 'segundo', 'volgens'],
  honorifics: [
    { word: 'sr.', gender: 'm' }, { word: 'sra.', gender: 'f' }, { word: 'don', gender: 'm' }, { word: 'doña', gender: 'f' },
    { word: 'herr', gender: 'm' }, { word: 'frau', gender: 'f' }, { word: 'signor', gender: 'm' }, { word: 'signora', gender: 'f' },
    { word: 'kamerad', gender: 'x' }, { word: 'genosse', gender: 'm' }, { word: 'dhr.', gender: 'm' }, { word: 'mevr.', gender: 'f' },
  ],
  titles: ['ministro', 'ministra', 'presidente', 'minister', 'präsident', 'präsidentin', 'kanzler', 'kanzlerin', 'portavoz', 'sprecher', 'sprecherin'],
  titleWords: [],
  titleConnectors: ['de', 'del', 'der', 'des', 'di', 'da', 'do', 'van'],
  sameRoles: [],
  originMarkers: [],
  demonyms: [],
  definiteArticles: [],
  ownerSuffixes: [],
  pronouns: [{ word: 'él', gender: 'm' }, { word: 'ella', gender: 'f' }, { word: 'er', gender: 'm' }, { word: 'sie', gender: 'f' }, { word: 'lei', gender: 'f' }],
  cliticSuffixes: [],
  objectSuffixes: [],
  cliticHosts: [],
  objectCliticPrefixes: [],
  abbreviations: ['sr', 'sra', 'dhr', 'mevr', 'nr'],
  surnames: [],
  spokespersonTitles: ['portavoz', 'sprecher', 'sprecherin'],
  quotingVerbs: [],
  addresseeMarkers: [],
  publicationWords: [],
  publicationNouns: [],
  placeWords: [],
  possessives: ['su', 'sus', 'sein', 'seine', 'ihr', 'ihre'],
  subordinators: [],
  documentNouns: [],
  prepositions: [],
  placePrepositions: [],
  postposedDemonstratives: [],
  organisationWords: [],
  calendarWords: [],
  notQuoteCues: ['lema', 'eslogan', 'título', 'titulado', 'motto', 'titel', 'slogan', 'tema', 'titolo'],
  boilerplate: { blockHeadings: [], lineStarts: [], lineContains: [] },
};
