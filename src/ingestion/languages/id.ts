import type { LanguageProfile } from './profile.ts';

/** Indonesian: `"…," ujar X`, `"…," ujarnya`, `Menurut X, "…"`; `-nya` folds the speaker into the verb. */
export const id: LanguageProfile = {
  code: 'id',
  name: 'Bahasa Indonesia',
  iso6393: 'ind',
  speechVerbs: [
    'ujar', 'kata', 'tegas', 'jelas', 'imbuh', 'tambah', 'lanjut', 'ungkap', 'tutur', 'sebut', 'pungkas', 'terang',
    'papar', 'seru', 'tanya', 'jawab', 'katakan', 'mengatakan', 'menegaskan', 'menjelaskan', 'menambahkan',
    'mengungkapkan', 'menyatakan', 'menyampaikan', 'menganalisis', 'mencontohkan', 'menekankan', 'menuturkan',
    'memaparkan', 'menerangkan', 'menyebut', 'menyebutkan', 'berkata', 'bertanya', 'menjawab', 'mengakui',
    'mengingatkan', 'menilai', 'berpendapat', 'menggarisbawahi', 'menyoroti', 'mengimbau', 'meminta', 'berharap',
    'mengklaim', 'membantah', 'menanggapi', 'berujar', 'bercerita', 'menceritakan', 'mengutip', 'menyimpulkan',
    'mengemukakan', 'berpesan', 'menandaskan', 'menyatakan bahwa', 'mengatakan bahwa', 'kata dia', 'ujar dia',
    'kenang', 'ucap', 'aku', 'sambung', 'kilah', 'cetus', 'sahut', 'pesan', 'disampaikan', 'dikatakan', 'ditegaskan', 'diungkapkan', 'dijelaskan',
  ],
  sourceMarkers: ['menurut', 'menurutnya', 'kata'],
  honorifics: [
    { word: 'bapak', gender: 'm' }, { word: 'pak', gender: 'm' }, { word: 'ibu', gender: 'f' }, { word: 'bu', gender: 'f' },
    { word: 'tn.', gender: 'm' }, { word: 'ny.', gender: 'f' }, { word: 'nn.', gender: 'f' }, { word: 'sdr.', gender: 'x' },
    { word: 'saudara', gender: 'm' }, { word: 'saudari', gender: 'f' }, { word: 'bpk.', gender: 'm' }, { word: 'mas', gender: 'm' },
    { word: 'mbak', gender: 'f' }, { word: 'kawan', gender: 'x' }, { word: 'kamerad', gender: 'x' }, { word: 'h.', gender: 'm' },
    { word: 'hj.', gender: 'f' }, { word: 'prof.', gender: 'x' }, { word: 'dr.', gender: 'x' }, { word: 'drs.', gender: 'x' }, { word: 'ir.', gender: 'x' },
  ],
  titles: [
    'menteri', 'menlu', 'wakil menteri', 'presiden', 'wakil presiden', 'perdana menteri', 'sekretaris jenderal',
    'sekjen', 'sekretaris', 'ketua', 'wakil ketua', 'gubernur', 'wakil gubernur', 'bupati', 'wali kota', 'walikota',
    'direktur', 'direktur jenderal', 'dirjen', 'kepala', 'juru bicara', 'jubir', 'duta besar', 'dubes', 'panglima',
    'kapolri', 'kapolda', 'kepala staf', 'jenderal', 'kolonel', 'profesor', 'guru besar', 'dokter', 'pengamat',
    'analis', 'ekonom', 'peneliti', 'dosen', 'rektor', 'camat', 'lurah', 'kades', 'kepala desa', 'manajer', 'pelatih',
    'anggota', 'koordinator', 'pemimpin', 'ketua umum', 'sekretaris eksekutif', 'komisaris', 'hakim', 'jaksa',
    'penjabat', 'plt', 'pj', 'pendiri', 'ceo', 'pemilik', 'kapten', 'kuasa hukum',
    // Sport: `ujar gelandang tersebut`, `kata pelatih asal Prancis itu` point back at the player or coach named before.
    // Not `pemain`: `para pemain`, `sebagai pemain ke-12` are players in general, not one person.
    'pelatih kepala', 'asisten pelatih', 'juru taktik', 'gelandang', 'penyerang', 'striker', 'bek', 'bek sayap',
    'kiper', 'penjaga gawang', 'wasit', 'pebulu tangkis', 'petenis', 'pembalap',
  ],
  titleWords: [
    'penjabat', 'wakil', 'plt', 'pj', 'luar negeri', 'dalam negeri', 'keuangan', 'pertahanan', 'perdagangan', 'kesehatan',
    'pendidikan', 'kebudayaan', 'pertanian', 'perindustrian', 'perhubungan', 'pariwisata', 'sosial', 'agama',
    'tenaga kerja', 'energi', 'sumber daya mineral', 'lingkungan hidup', 'kehutanan', 'komunikasi', 'informatika',
    'hukum', 'ham', 'negara', 'sekretariat', 'majelis', 'nasional', 'dewan', 'perwakilan', 'rakyat', 'dpr', 'mpr',
    'komite', 'sentral', 'pusat', 'partai', 'kementerian', 'badan', 'umum', 'tetap', 'eksekutif', 'jenderal', 'besar',
    'republik', 'indonesia', 'vietnam', 'provinsi', 'kota', 'kabupaten', 'daerah', 'dinas', 'bank', 'perusahaan',
    'asosiasi', 'perhimpunan', 'lembaga', 'universitas', 'fakultas', 'rumah sakit', 'bidang', 'urusan', 'kantor',
    'polisi', 'kepolisian', 'staf', 'angkatan', 'darat', 'laut', 'udara', 'koordinator', 'politik', 'keamanan',
    'perekonomian', 'bpbd', 'bmkg', 'kpk', 'perdana', 'senior', 'timnas', 'tim', 'klub',
  ],
  titleConnectors: ['dan', 'untuk', 'bidang', 'urusan'],
  sameRoles: [['pelatih', 'juru taktik'], ['kiper', 'penjaga gawang'], ['penyerang', 'striker']],
  originMarkers: ['asal', 'berkebangsaan', 'kelahiran', 'keturunan', 'berdarah', 'warga negara'],
  demonyms: [],
  definiteArticles: [],
  ownerSuffixes: [],
  pronouns: [
    { word: 'beliau', gender: 'x' }, { word: 'dia', gender: 'x' }, { word: 'ia', gender: 'x' },
  ],
  cliticSuffixes: [{ word: 'nya', gender: 'x' }],
  cliticHosts: ['menurut'],
  abbreviations: ['no', 'tn', 'ny', 'nn', 'sdr', 'bpk', 'dr', 'drs', 'ir', 'prof', 'h', 'hj', 'st', 'jl', 'kab', 'kec'],
  surnames: [],
  notQuoteCues: [
    'motto', 'moto', 'semboyan', 'slogan', 'tema', 'bertema', 'bertajuk', 'berjudul', 'judul', 'tajuk', 'julukan',
    'dijuluki', 'disebut', 'istilah', 'program', 'gerakan', 'kampanye', 'buku', 'film', 'lagu', 'artikel', 'identitas',
    'bernama', 'nama', 'sebutan', 'jargon', 'konsep', 'prinsip', 'label', 'logo', 'merek', 'proyek', 'festival',
  ],
  boilerplate: {
    blockHeadings: ['berita terkait', 'baca juga', 'artikel terkait', 'berita lainnya', 'baca selengkapnya'],
    lineStarts: ['tonton video', 'tonton videonya', 'komentar', 'sumber', '[iklan', 'foto', 'baca juga', 'simak video', 'simak videonya', 'editor', 'penulis', 'pewarta'],
    lineContains: ['foto:', 'foto :', '(foto', 'tonton videonya', 'simak videonya'],
  },
};
