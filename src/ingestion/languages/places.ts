/**
 * Countries, regions and cities the news names most, as each first-class language writes them. A capitalised run
 * that is one of them, or starts with one, is a place (`pemimpin Korea Selatan Moon Jae-in`: the leader is Moon
 * Jae-in); a place is never a speaker's name. Places travel between languages as names do, so the lookup takes them
 * all; matching folds case and diacritics.
 */
export const PLACES: readonly string[] = [
  'Afganistan', 'Afghanistan', 'Africa', 'Afrika', 'Afrika Selatan', 'Afrique', 'Afrique du Sud', 'Ai Cập',
  'Algeria', 'Algérie', 'Aljazair', 'Allemagne', 'America', 'Amerika', 'Amerika Latin', 'Amerika Serikat',
  'Amérique', 'Amérique latine', 'Angleterre', 'Anh', 'Arab', 'Arab Saudi', 'Arabe', 'Arabie saoudite',
  'Argentina', 'Argentine', 'Asia', 'Asie', 'Australia', 'Australie', 'Austria', 'Autriche', 'Ba Lan', 'Beijing',
  'Belanda', 'Belgia', 'Belgique', 'Belgium', 'Birmanie', 'Bolivia', 'Bolivie', 'Boston', 'Brasil', 'Brazil',
  'Britain', 'Britania', 'Brésil', 'Bình Nhưỡng', 'Bắc Kinh', 'Bắc Triều Tiên', 'Bỉ', 'Bồ Đào Nha', 'California',
  'Californie', 'Cambodge', 'Cambodia', 'Campuchia', 'Canada', 'Catalogne', 'Catalonia', 'Chicago', 'Chile',
  'Chili', 'China', 'Chine', 'Colombia', 'Colombie', 'Corée', 'Corée du Nord', 'Corée du Sud', 'Cuba', 'Danemark',
  'Denmark', 'Egypt', 'England', 'Eropa', 'Espagne', 'Ethiopia', 'Etiopia', 'Europe', 'European Union', 'Filipina',
  'Finland', 'Finlande', 'Finlandia', 'Florida', 'Floride', 'France', 'Germany', 'Grande-Bretagne', 'Greece',
  'Grèce', 'Hanoi', 'Hanoï', 'Harlem', 'Hoa Kỳ', 'Hy Lạp', 'Hà Lan', 'Hà Nội', 'Hàn Quốc', 'Inde', 'India',
  'Indonesia', 'Indonésie', 'Inggris', 'Inggris Raya', 'Irak', 'Iran', 'Iraq', 'Ireland', 'Irlande', 'Irlandia',
  'Israel', 'Israël', 'Italia', 'Italie', 'Italy', 'Jakarta', 'Japan', 'Japon', 'Jepang', 'Jerman', 'Jordan',
  'Jordanie', 'Kamboja', 'Kanada', 'Katalonia', 'Kenya', 'Kolombia', 'Korea', 'Korea Selatan', 'Korea Utara',
  'Kuba', 'Laos', 'Latin America', 'Lebanon', 'Liban', 'Libya', 'Libye', 'Liên minh châu Âu', 'London', 'Londres',
  'Los Angeles', 'Lào', 'Ma-rốc', 'Macedonia', 'Macédoine', 'Makedonia', 'Malaisie', 'Malaysia', 'Maroc', 'Maroko',
  'Meksiko', 'Mesir', 'Mexico', 'Mexique', 'Middle East', 'Morocco', 'Moscou', 'Moscow', 'Moskow', 'Moyen-Orient',
  'Myanmar', 'Mỹ', 'Mỹ La tinh', 'Na Uy', 'Nam Phi', 'Netherlands', 'New York', 'New Zealand', 'Nga', 'Nhật Bản',
  'Nigeria', 'North Korea', 'Norvège', 'Norway', 'Norwegia', 'Nouvelle-Zélande', 'Pakistan', 'Palestina',
  'Palestine', 'Paris', 'Pays de Galles', 'Pays-Bas', 'Peru', 'Philippines', 'Pháp', 'Phần Lan', 'Poland',
  'Polandia', 'Pologne', 'Portugal', 'Prancis', 'Pyongyang', 'Pékin', 'Pérou', 'Royaume-Uni', 'Rusia', 'Russia',
  'Russie', 'San Diego', 'Saudi Arabia', 'Scotland', 'Selandia Baru', 'Seoul', 'Singapore', 'Singapour',
  'Singapura', 'Skotlandia', 'South Africa', 'South Korea', 'Spain', 'Spanyol', 'Suisse', 'Suriah', 'Suède',
  'Sweden', 'Swedia', 'Swiss', 'Switzerland', 'Syria', 'Syrie', 'Séoul', 'Texas', 'Thailand', 'Thaïlande',
  'Thái Lan', 'Thổ Nhĩ Kỳ', 'Thụy Sĩ', 'Thụy Điển', 'Timur Tengah', 'Tiongkok', 'Tokyo', 'Triều Tiên',
  'Trung Quốc', 'Trung Đông', 'Turkey', 'Turki', 'Turquie', 'Tây Ban Nha', 'Ukraina', 'Ukraine', 'Uni Eropa',
  'Union européenne', 'United Kingdom', 'United States', 'Venezuela', 'Vietnam', 'Viêt Nam', 'Việt Nam',
  'Vương quốc Anh', 'Wales', 'Washington', 'Yordania', 'Yunani', 'châu Phi', 'châu Á', 'châu Âu', 'nước Anh',
  'xứ Wales', 'Áo', 'Écosse', 'Égypte', 'États-Unis', 'Éthiopie', 'Úc', 'Ý', 'Đan Mạch', 'Đức', 'Ả Rập',
  'Ả Rập Xê Út', 'Ấn Độ',
];
