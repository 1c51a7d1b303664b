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

/** French: `« … », a déclaré le ministre …, X`, `Selon X, « … »`, `déclare-t-il`. */
export const fr: LanguageProfile = {
  code: 'fr',
  name: 'Français',
  iso6393: 'fra',
  speechVerbs: [
    'a déclaré', 'déclaré', 'déclare', 'a dit', 'dit', 'a affirmé', 'affirmé', 'affirme', 'a souligné', 'souligné',
    'souligne', 'a ajouté', 'ajouté', 'ajoute', 'a expliqué', 'expliqué', 'explique', 'a indiqué', 'indiqué', 'indique',
    'a estimé', 'estimé', 'estime', 'a précisé', 'précisé', 'précise', 'a confié', 'confié', 'confie', 'a insisté',
    'insisté', 'insiste', 'a martelé', 'martelé', 'martèle', 'a rappelé', 'rappelé', 'rappelle', 'a assuré', 'assuré',
    'assure', 'a poursuivi', 'poursuivi', 'poursuit', 'a conclu', 'conclu', 'conclut', 'a lancé', 'lancé', 'lance',
    'a noté', 'noté', 'note', 'a observé', 'observé', 'observe', 'a averti', 'averti', 'avertit', 'a reconnu', 'reconnu',
    'reconnaît', 'a répondu', 'répondu', 'répond', 'a commenté', 'commenté', 'commente', 'a résumé', 'résumé', 'résume',
    'a analysé', 'analysé', 'analyse', 'a annoncé', 'annoncé', 'annonce', 'a plaidé', 'plaidé', 'plaide', 'a prévenu',
    'prévenu', 'prévient', 'a jugé', 'jugé', 'juge', 'a regretté', 'regretté', 'regrette', 'a raconté', 'raconté',
    'raconte', 'a témoigné', 'témoigné', 'témoigne', 'a relevé', 'relevé', 'relève', 'a confirmé', 'confirmé',
    'confirme', 'a réagi', 'réagi', 'réagit', 'a déploré', 'déploré', 'déplore', 'a insisté', 'a glissé', 'glisse',
    'a tranché', 'tranche', 'a interrogé', 'interroge', 'a répété', 'répète', 'a fait valoir', 'fait valoir',
    'a fait savoir', 'a lâché', 'lâche', 'a mis en garde', 'met en garde', 'a exhorté', 'a appelé', 'a promis', 'promet',
    'déclarait', 'affirmait', 'expliquait', 'a salué', 'salué', 'salue', 'a évoqué', 'évoqué', 'évoque', 'a dénoncé',
    'dénoncé', 'dénonce', 'a réclamé', 'réclame', 'a alerté', 'alerte', 'a détaillé', 'détaille',
  ],
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
    'éleveur', 'éleveuse', 'agriculteur', 'agricultrice',
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
    { word: 'il', gender: 'm' }, { word: 'elle', gender: 'f' }, { word: 'celui-ci', gender: 'm' }, { word: 'celle-ci', gender: 'f' },
    { word: 'lui', gender: 'm' },
  ],
  cliticSuffixes: [
    { word: '-t-il', gender: 'm' }, { word: '-t-elle', gender: 'f' }, { word: '-il', gender: 'm' }, { word: '-elle', gender: 'f' },
  ],
  cliticHosts: ['a', 'avait', 'aurait', 'poursuit', 'ajoute'],
  abbreviations: ['m', 'mm', 'no', 'n', 'st', 'ste', 'dr', 'pr', 'me', 'av', 'etc', 'p'],
  surnames: [],
  quotingVerbs: ['cite', 'citant', 'a cité'],
  addresseeMarkers: ['à', 'au', 'aux'],
  prepositions: ['à', 'au', 'aux', 'de', 'du', 'des', 'd\'', 'en', 'dans', 'par', 'pour', 'avec', 'sur', 'sous', 'chez', 'contre', 'vers', 'entre', 'depuis', 'pendant', 'selon', 'après', 'avant', 'comme', 'sans'],
  placePrepositions: ['à', 'au', 'aux', 'en', 'dans', 'vers', 'depuis'],
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
