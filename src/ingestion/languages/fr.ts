import type { LanguageProfile } from './profile.ts';

/** Nouns of nationality, capitalised before a name: `le Belge Thomas Vermeulen`. */
const NATIONALITIES = [
  'français', 'française', 'belge', 'suisse', 'allemand', 'allemande', 'autrichien', 'autrichienne', 'italien',
  'italienne', 'espagnol', 'espagnole', 'portugais', 'portugaise', 'néerlandais', 'néerlandaise', 'anglais', 'anglaise',
  'britannique', 'écossais', 'écossaise', 'irlandais', 'irlandaise', 'danois', 'danoise', 'suédois', 'suédoise',
  'norvégien', 'norvégienne', 'finlandais', 'finlandaise', 'polonais', 'polonaise', 'tchèque', 'croate', 'serbe',
  'grec', 'grecque', 'turc', 'turque', 'russe', 'ukrainien', 'ukrainienne', 'américain', 'américaine', 'canadien',
  'canadienne', 'mexicain', 'mexicaine', 'brésilien', 'brésilienne', 'argentin', 'argentine', 'colombien',
  'colombienne', 'uruguayen', 'uruguayenne', 'chilien', 'chilienne', 'marocain', 'marocaine', 'algérien',
  'algérienne', 'tunisien', 'tunisienne', 'égyptien', 'égyptienne', 'sénégalais', 'sénégalaise', 'ivoirien',
  'ivoirienne', 'camerounais', 'camerounaise', 'malien', 'malienne', 'nigérian', 'nigériane', 'ghanéen', 'ghanéenne',
  'japonais', 'japonaise', 'chinois', 'chinoise', 'coréen', 'coréenne', 'sud-coréen', 'sud-coréenne', 'vietnamien',
  'vietnamienne', 'thaïlandais', 'thaïlandaise', 'indonésien', 'indonésienne', 'indien', 'indienne', 'australien',
  'australienne', 'néo-zélandais', 'néo-zélandaise',
];

/**
 * Words with the elided article too (`l'Italienne Giulia Moretti`, `l'entraîneur Marc Vidal`, `l'ancien ministre`): before a
 * vowel the article and the word are one token, which must match as the word does.
 */
const withElided = (words: string[]) => [...words, ...words.filter((w) => /^[aâàeéèêëiîïoôuûù]/.test(w)).map((w) => `l'${w}`)];

/** The forms of a regular -er verb that news prose uses: présent, imparfait, passé simple, participle, compound pasts. */
function erVerb(infinitive: string): string[] {
  const stem = infinitive.slice(0, -2);
  const participle = `${stem}é`;
  return [`${stem}e`, `${stem}ait`, `${stem}a`, participle, `a ${participle}`, `avait ${participle}`];
}

/** Reflexive verbs (`s'est souvenu`, `se demanda`): the compound past agrees with a woman speaker too. */
function reflexive(participle: string, simple: string[]): string[] {
  return [`s'est ${participle}`, `s'est ${participle}e`, `s’est ${participle}`, `s’est ${participle}e`, ...simple.map((f) => `se ${f}`)];
}

const SPEECH_VERBS = [
  ...[
    'déclarer', 'affirmer', 'souligner', 'ajouter', 'expliquer', 'indiquer', 'estimer', 'préciser', 'confier', 'insister',
    'assurer', 'noter', 'observer', 'raconter', 'commenter', 'résumer', 'analyser', 'plaider', 'regretter', 'témoigner',
    'relever', 'confirmer', 'déplorer', 'glisser', 'trancher', 'interroger', 'lâcher', 'exhorter', 'saluer', 'évoquer',
    'réclamer', 'alerter', 'détailler', 'demander', 'avouer', 'protester', 'souffler', 'tweeter', 'rétorquer',
    'répliquer', 'objecter', 'clamer', 'proclamer', 'signaler', 'mentionner', 'jurer', 'supplier', 'implorer', 'conseiller',
    'raisonner', 'narrer', 'ironiser', 'conclure', 'marteler', 'rappeler', 'répéter',
  ].filter((v) => v.endsWith('er')).flatMap(erVerb),
  // Stems that change, and irregular verbs.
  'martèle', 'rappelle', 'répète', 'lance', 'lançait', 'lança', 'lancé', 'a lancé', 'juge', 'jugeait', 'jugea', 'jugé', 'a jugé',
  'annonce', 'annonçait', 'annonça', 'annoncé', 'a annoncé', 'dénonce', 'dénonçait', 'dénonça', 'dénoncé', 'a dénoncé',
  'appelle', 'appela', 'a appelé', 'suggère', 'suggéra', 'a suggéré', 'espère', 'a espéré', 'menace', 'menaça', 'a menacé',
  'dit', 'disait', 'a dit', 'avait dit', 'écrit', 'écrivait', 'écrivit', 'a écrit', 'avait écrit',
  'répond', 'répondait', 'répondit', 'répondu', 'a répondu', 'reconnaît', 'reconnaissait', 'reconnut', 'reconnu', 'a reconnu',
  'poursuit', 'poursuivait', 'poursuivit', 'poursuivi', 'a poursuivi', 'conclut', 'concluait', 'conclu', 'a conclu',
  'avertit', 'avertissait', 'averti', 'a averti', 'prévient', 'prévenait', 'prévint', 'a prévenu', 'promet', 'promettait',
  'promit', 'a promis', 'admet', 'admettait', 'admit', 'a admis', 'réagit', 'réagissait', 'réagi', 'a réagi',
  'garantit', 'a garanti', 'maintient', 'maintint', 'a maintenu', 'soutient', 'soutint', 'a soutenu',
  ...reflexive('souvenu', ['souvient', 'souvint', 'souvenait']), ...reflexive('demandé', ['demande', 'demanda', 'demandait']),
  ...reflexive('exclamé', ['exclame', 'exclama']), ...reflexive('interrogé', ['interroge', 'interrogea']),
  ...['remarquer', 'valoir', 'savoir', 'observer'].flatMap((v) => [`fait ${v}`, `a fait ${v}`, `fit ${v}`, `faisait ${v}`]),
  'met en garde', 'a mis en garde', 'mit en garde',
];

/** French: `« … », a déclaré le ministre …, X`, `Selon X, « … »`, `déclare-t-il`. */
export const fr: LanguageProfile = {
  code: 'fr',
  name: 'Français',
  iso6393: 'fra',
  speechVerbs: SPEECH_VERBS,

  sourceMarkers: ['selon', "d'après", 'pour'],
  honorifics: [
    { word: 'm.', gender: 'm' }, { word: 'mm.', gender: 'm' }, { word: 'mme', gender: 'f' }, { word: 'mmes', gender: 'f' },
    { word: 'mlle', gender: 'f' }, { word: 'monsieur', gender: 'm' }, { word: 'madame', gender: 'f' },
    { word: 'mademoiselle', gender: 'f' }, { word: 'me', gender: 'x' }, { word: 'maître', gender: 'x' }, { word: 'dr', gender: 'x' },
    { word: 'dre', gender: 'f' }, { word: 'pr', gender: 'x' }, { word: 'camarade', gender: 'x' },
  ],
  titles: withElided([
    'ministre', 'vice-ministre', 'président', 'présidente', 'vice-président', 'vice-présidente', 'premier ministre',
    'secrétaire', 'secrétaire général', 'secrétaire générale', 'secrétaire d’état', "secrétaire d'état", 'porte-parole',
    'directeur', 'directrice', 'directeur général', 'directrice générale', 'ambassadeur', 'ambassadrice', 'maire',
    'préfet', 'préfète', 'député', 'députée', 'sénateur', 'sénatrice', 'chef', 'cheffe', 'général', 'colonel',
    'professeur', 'professeure', 'chercheur', 'chercheuse', 'économiste', 'analyste', 'avocat', 'avocate', 'juge',
    'procureur', 'procureure', 'commissaire', 'gouverneur', 'chancelier', 'chancelière', 'roi', 'reine', 'pdg',
    'fondateur', 'fondatrice', 'responsable', 'délégué', 'déléguée', 'conseiller', 'conseillère', 'entraîneur',
    'adjoint', 'adjointe', 'coordinateur', 'coordinatrice', 'rapporteur', 'rapporteuse', 'docteur', 'médecin',
    'représentant', 'représentante', 'capitaine', 'sélectionneur', 'sélectionneuse', 'technicien', 'technicienne', 'défenseur',
    'attaquant', 'attaquante', 'joueur', 'joueuse', 'gardien', 'élu', 'élue', 'généraliste', 'syndicaliste', 'coach',
    'milieu de terrain', 'ailier', 'buteur', 'coureur', 'coureuse', 'grimpeur', 'sprinteur', 'cycliste', 'nageur', 'nageuse', 'pilote',
    'éleveur', 'éleveuse', 'agriculteur', 'agricultrice', 'rappeur', 'chanteur', 'chanteuse', 'acteur', 'actrice', 'plongeur',
    'plongeuse', 'golfeur', 'athlète', 'écrivain', 'animateur', 'animatrice', 'journaliste', 'producteur', 'productrice',
    'humoriste', 'star', 'vedette', 'auteur', 'autrice', 'procureur général',
  ]),
  titleWords: withElided([
    'vice', 'adjoint', 'adjointe', 'délégué', 'déléguée', 'par intérim', 'intérim', 'affaires étrangères', 'affaires',
    'étrangères', 'intérieur', 'économie', 'finances', 'défense', 'santé', 'éducation', 'nationale', 'national', 'culture',
    'travail', 'justice', 'agriculture', 'environnement', 'transports', 'industrie', 'commerce', 'comité', 'central',
    'centrale', 'parti', 'communiste', 'gouvernement', 'assemblée', 'conseil', 'banque', 'état', 'république', 'ministère',
    'populaire', 'permanent', 'permanente', 'général', 'générale', 'exécutif', 'bureau', 'politique', 'sécurité',
    'extérieur', 'européenne', 'union', 'nations unies', 'onu', 'ville', 'province', 'région', 'municipal', 'municipale',
    'hôpital', 'université', 'institut', 'entreprise', 'groupe', 'fédération', 'association', 'syndicat', 'mission',
    'cabinet', 'service', 'direction', 'administration', 'armée', 'police', 'vietnam', 'france', 'indonésie', 'premier',
    'première', 'ancien', 'ancienne', 'principal', 'principale', 'diplomatie', 'recherche', 'relations', 'extérieures',
  ]),
  titleConnectors: ['de', 'des', 'du', 'de la', "de l'", 'la', 'le', 'et', 'par', 'chargé', 'chargée', 'en'],
  sameRoles: [['entraîneur', 'sélectionneur', 'sélectionneuse', 'technicien', 'technicienne', 'coach']],
  originMarkers: ["d'origine", 'originaire de', 'originaire du', 'natif de', 'native de'],
  demonyms: withElided(NATIONALITIES),
  demonymsAreNouns: true,
  definiteArticles: ['le', 'la', "l'"],
  ownerSuffixes: [],
  pronouns: [
    { word: 'il', gender: 'm', refersTo: 'either' }, { word: 'elle', gender: 'f', refersTo: 'either' }, { word: 'celui-ci', gender: 'm' },
    { word: 'celle-ci', gender: 'f' }, { word: 'ils', gender: 'x', refersTo: 'bodies' }, { word: 'elles', gender: 'x', refersTo: 'bodies' },
    { word: 'lui', gender: 'm' },
  ],
  cliticSuffixes: [
    { word: '-t-il', gender: 'm', refersTo: 'either' }, { word: '-t-elle', gender: 'f', refersTo: 'either' }, { word: '-il', gender: 'm', refersTo: 'either' },
    { word: '-elle', gender: 'f', refersTo: 'either' },
  ],
  objectSuffixes: [],
  cliticHosts: ['a', 'avait', 'aurait', 'poursuit', 'ajoute', 'fit', 'fait', "m'a", "l'a", "m'avait", 'nous a'],
  objectCliticPrefixes: [],
  abbreviations: ['m', 'mm', 'no', 'n', 'st', 'ste', 'dr', 'pr', 'me', 'av', 'etc', 'p'],
  surnames: [],
  spokespersonTitles: ['porte-parole'],
  quotingVerbs: ['cite', 'citant', 'a cité'],
  addresseeMarkers: ['à', 'au', 'aux'],
  publicationWords: [],
  publicationNouns: ['journal', 'quotidien', 'hebdomadaire', 'magazine', 'chaîne', 'radio', 'agence', 'site', 'émission'],
  ageDescriptor: /^(?:âgée?s? )?de \d{1,3} ans\b/u,
  placeWords: ['ville', 'province', 'département', 'île', 'îles', 'rivière', 'fleuve', 'lac', 'mer', 'rue', 'avenue', 'boulevard', 'région', 'aéroport', 'mont', 'golfe', 'baie'],
  ageLeadWords: ['de', 'âgé', 'âgée', 'âgés', 'âgées'],
  possessives: ['son', 'sa', 'ses', 'leur', 'leurs', 'mon', 'ma', 'mes', 'notre', 'nos', 'votre', 'vos'],
  subordinators: ['quand', 'lorsque', 'lorsqu', 'alors que', 'tandis que', 'après que', 'avant que', 'bien que', 'si', 'parce que', 'puisque', 'comme', 'qui', 'que', 'dont'],
  documentNouns: withElided(['mémoire', 'déclaration', 'communiqué', 'rapport', 'lettre', 'notification', 'arrêt', 'décision', 'plainte', 'document', 'note', 'avis', 'amicus curiae', 'jugement', 'acte', 'requête']),
  prepositions: ['à', 'au', 'aux', 'de', 'du', 'des', 'd\'', 'en', 'dans', 'par', 'pour', 'avec', 'sur', 'sous', 'chez', 'contre', 'vers', 'entre', 'depuis', 'pendant', 'selon', 'après', 'avant', 'comme', 'sans'],
  placePrepositions: ['à', 'au', 'aux', 'en', 'dans', 'vers', 'depuis'],
  postposedDemonstratives: [],
  organisationWords: ['parti', 'ministère', 'département', 'bureau', 'agence', 'université', 'école', 'institut', 'fondation', 'société', 'association', 'fédération', 'union', 'ligue', 'club', 'comité', 'conseil', 'commission', 'cour', 'tribunal', 'banque', 'compagnie', 'entreprise', 'groupe', 'réseau', 'journal', 'radio', 'télévision', 'chaîne', 'centre', 'hôpital', 'police', 'armée', 'gouvernement', 'parlement', 'sénat', 'congrès', 'assemblée', 'église', 'musée', 'fonds', 'programme', 'plan', 'projet', 'organisation', 'autorité', 'administration', 'croix', 'service'],
  calendarWords: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  notQuoteCues: [
    'thème', 'thèmes', 'intitulé', 'intitulée', 'intitulés', 'titre', 'titré', 'titrée', 'devise', 'slogan', 'mot d’ordre',
    "mot d'ordre", 'surnommé', 'surnommée', 'surnom', 'baptisé', 'baptisée', 'appelé', 'appelée', 'dénommé', 'dénommée',
    'nommé', 'nommée', 'livre', 'ouvrage', 'film', 'chanson', 'article', 'programme', 'campagne', 'opération', 'projet',
    'concept', 'notion', 'expression', 'formule', 'label', 'marque', 'festival', 'mouvement', 'plan', 'initiative',
    'dite', 'fameux', 'fameuse', 'prétendu', 'prétendue', 'soi-disant', 'identité', 'esprit', 'terme',
  ],
  boilerplate: {
    blockHeadings: ['lire aussi', 'à lire aussi', 'voir aussi', 'articles liés', 'sur le même sujet', 'nos articles', 'à voir aussi'],
    lineStarts: ['commentaire', 'comment', 'source', 'photo', 'crédit', 'lire aussi', 'voir la vidéo', 'regarder la vidéo', 'vidéo'],
    lineContains: ['- photo :', '- photo:', 'photo :', '(photo', '© ', 'crédit photo'],
  },
};
