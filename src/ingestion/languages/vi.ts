import type { LanguageProfile } from './profile.ts';

/** Vietnamese: quotes are usually followed by `- ông X phân tích`, or introduced by `X nói:` / `Theo X,`. */
export const vi: LanguageProfile = {
  code: 'vi',
  name: 'Tiếng Việt',
  iso6393: 'vie',
  distinctiveLetters: 'ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ',
  speechVerbs: [
    'nói', 'cho biết', 'cho hay', 'phân tích', 'nêu rõ', 'nêu', 'nhấn mạnh', 'dẫn chứng', 'khẳng định', 'chia sẻ',
    'bày tỏ', 'nhận định', 'nhận xét', 'cho rằng', 'phát biểu', 'tuyên bố', 'lưu ý', 'đề nghị', 'yêu cầu',
    'giải thích', 'trả lời', 'kể', 'kể lại', 'thông tin', 'nhắc lại', 'bổ sung', 'kết luận', 'thừa nhận',
    'quả quyết', 'gợi ý', 'khuyến cáo', 'cảnh báo', 'hỏi', 'trao đổi', 'đánh giá', 'tâm sự', 'tiết lộ', 'nhắn nhủ',
    'chỉ rõ', 'chỉ đạo', 'quán triệt', 'nói thêm', 'nhấn mạnh thêm', 'lý giải', 'ví dụ', 'dẫn lời', 'thông báo',
    'xác nhận', 'cam kết', 'bức xúc', 'phàn nàn', 'than thở', 'băn khoăn', 'kể lại', 'phát biểu rằng', 'trình bày', 'mong muốn', 'kêu gọi', 'đề xuất',
  ],
  sourceMarkers: ['theo', 'theo lời'],
  honorifics: [
    { word: 'ông', gender: 'm' }, { word: 'bà', gender: 'f' }, { word: 'anh', gender: 'm' }, { word: 'chị', gender: 'f' },
    { word: 'cô', gender: 'f' }, { word: 'chú', gender: 'm' }, { word: 'ngài', gender: 'x' }, { word: 'đồng chí', gender: 'x' },
    { word: 'em', gender: 'x' }, { word: 'cụ', gender: 'x' }, { word: 'bác', gender: 'x' },
  ],
  titles: [
    'bộ trưởng', 'thứ trưởng', 'tổng bí thư', 'bí thư', 'chủ tịch', 'thủ tướng', 'phó thủ tướng', 'chủ tịch nước',
    'chủ tịch quốc hội', 'phó chủ tịch', 'người phát ngôn', 'giám đốc', 'phó giám đốc', 'tổng giám đốc', 'đại sứ',
    'tổng thống', 'thị trưởng', 'thống đốc', 'phó thống đốc', 'đại diện', 'trưởng ban', 'phó trưởng ban', 'cục trưởng', 'vụ trưởng', 'viện trưởng',
    'hiệu trưởng', 'trưởng phòng', 'chánh văn phòng', 'tổng thư ký', 'thư ký', 'chủ nhiệm', 'phó chủ nhiệm',
    'trưởng đoàn', 'tư lệnh', 'đại tướng', 'thượng tướng', 'trung tướng', 'thiếu tướng', 'đại tá', 'thượng tá',
    'giáo sư', 'phó giáo sư', 'tiến sĩ', 'thạc sĩ', 'bác sĩ', 'luật sư', 'kỹ sư', 'nhà báo', 'chuyên gia',
    'tổng biên tập', 'trưởng khoa', 'chánh án', 'viện trưởng', 'kiểm sát viên', 'đại biểu', 'nghệ sĩ', 'nhà văn',
    'chủ tịch ubnd', 'bí thư thành ủy', 'bí thư tỉnh ủy', 'ủy viên', 'phó tổng giám đốc', 'trưởng phòng', 'gs', 'pgs', 'ts',
    // Sport: `HLV người Pháp`, `vị chiến lược gia này` point back at a coach named before. Not `cầu thủ`: `các cầu
    // thủ`, `26 cầu thủ` are players in general, not one person.
    'hlv', 'huấn luyện viên', 'nhà cầm quân', 'chiến lược gia', 'trợ lý', 'đội trưởng', 'thủ quân',
    'tiền đạo', 'tiền vệ', 'hậu vệ', 'thủ môn', 'trọng tài', 'tay vợt',
  ],
  titleWords: [
    'quyền', 'phó', 'nguyên', 'thường trực', 'bộ', 'ngoại giao', 'công an', 'quốc phòng', 'tài chính', 'y tế',
    'giáo dục', 'và', 'đào tạo', 'công thương', 'nội vụ', 'tư pháp', 'xây dựng', 'giao thông vận tải', 'kế hoạch',
    'đầu tư', 'nông nghiệp', 'môi trường', 'khoa học', 'công nghệ', 'văn hóa', 'thể thao', 'du lịch', 'lao động',
    'thương binh', 'xã hội', 'thông tin', 'truyền thông', 'ban chấp hành', 'trung ương', 'đảng', 'ban', 'ủy ban',
    'nhân dân', 'thành phố', 'tỉnh', 'quận', 'huyện', 'xã', 'tp', 'hà nội', 'việt nam', 'liên hợp quốc', 'công ty',
    'tập đoàn', 'bệnh viện', 'trường', 'đại học', 'viện', 'sở', 'cục', 'vụ', 'quốc hội', 'chính phủ', 'nhà nước',
    'ủy viên', 'bộ chính trị', 'ban bí thư', 'thành ủy', 'tỉnh ủy', 'ubnd', 'hđnd', 'mặt trận tổ quốc', 'hội',
    'hiệp hội', 'trưởng', 'kiêm', 'đặc mệnh toàn quyền', 'tại', 'của',
  ],
  titleConnectors: ['của', 'tại', 'kiêm'],
  sameRoles: [['huấn luyện viên', 'hlv', 'nhà cầm quân', 'chiến lược gia'], ['đội trưởng', 'thủ quân']],
  originMarkers: ['người', 'gốc', 'quốc tịch'],
  demonyms: [],
  definiteArticles: [],
  ownerSuffixes: [],
  pronouns: [
    { word: 'ông', gender: 'm' }, { word: 'bà', gender: 'f' }, { word: 'anh', gender: 'm' }, { word: 'chị', gender: 'f' },
    { word: 'ông ấy', gender: 'm' }, { word: 'bà ấy', gender: 'f' }, { word: 'anh ấy', gender: 'm' }, { word: 'chị ấy', gender: 'f' },
    { word: 'vị này', gender: 'x' }, { word: 'người này', gender: 'x' },
  ],
  cliticSuffixes: [],
  cliticHosts: [],
  abbreviations: ['tp', 'gs', 'pgs', 'ts', 'ths', 'bs', 'th.s', 'st'],
  namesStartWithSurname: true,
  // Onset, one to three vowels, coda.
  nativeWord: /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹ]{1,3}(?:ch|ng|nh|[cmnpt])?$/,
  surnames: [
    'nguyễn', 'trần', 'lê', 'phạm', 'hoàng', 'huỳnh', 'phan', 'vũ', 'võ', 'đặng', 'bùi', 'đỗ', 'hồ', 'ngô', 'dương',
    'lý', 'tô', 'trịnh', 'đinh', 'lâm', 'mai', 'trương', 'vương', 'hà', 'đào', 'cao', 'lương', 'lưu', 'tạ', 'thái',
    'châu', 'quách', 'tăng', 'chu', 'đoàn', 'kiều', 'khúc', 'lại', 'mạc', 'nghiêm', 'triệu', 'từ', 'hứa',
    'giang', 'tôn', 'thân', 'âu', 'diệp', 'khổng', 'lục', 'mã', 'phùng', 'quan', 'tiêu', 'tống', 'ung', 'viên', 'doãn',
    // Also a title word (`Phó Giám đốc`): before a name and no title head, it is the family name.
    'phó',
  ],
  quotingVerbs: ['dẫn lời', 'trích lời', 'dẫn'],
  addresseeMarkers: ['với'],
  prepositions: ['ở', 'tại', 'từ', 'đến', 'với', 'của', 'cho', 'về', 'trong', 'trên', 'dưới', 'bởi', 'như', 'sau', 'trước', 'giữa', 'tới', 'qua'],
  placePrepositions: ['ở', 'tại', 'từ', 'đến', 'tới'],
  organisationWords: ['đảng', 'bộ', 'sở', 'cục', 'vụ', 'ban', 'ủy ban', 'hội', 'hiệp hội', 'công ty', 'tập đoàn', 'ngân hàng', 'trường', 'đại học', 'học viện', 'viện', 'bệnh viện', 'tòa án', 'quốc hội', 'chính phủ', 'quỹ', 'trung tâm', 'tổ chức', 'liên đoàn', 'câu lạc bộ', 'báo', 'đài', 'kênh', 'hãng', 'nhóm', 'văn phòng', 'thượng viện', 'hạ viện', 'quân đội', 'cảnh sát', 'hội đồng', 'chương trình', 'dịch vụ'],
  calendarWords: ['thứ hai', 'thứ ba', 'thứ tư', 'thứ năm', 'thứ sáu', 'thứ bảy', 'chủ nhật'],
  notQuoteCues: [
    'khẩu hiệu', 'chủ đề', 'phương châm', 'tiêu đề', 'mang tên', 'có tên', 'tên là', 'gọi là', 'được gọi là', 'biệt danh',
    'bài viết', 'bài báo', 'cuốn sách', 'tác phẩm', 'bộ phim', 'bài hát', 'chương trình', 'phong trào', 'chiến dịch',
    'cuộc thi', 'giải thưởng', 'tinh thần', 'với tên', 'tựa đề', 'thương hiệu', 'danh hiệu', 'biểu tượng', 'cụm từ',
    'dự án', 'mô hình', 'khái niệm', 'phương án', 'đề án', 'hội thảo', 'diễn đàn',
  ],
  boilerplate: {
    blockHeadings: ['tin liên quan', 'tin cùng chuyên mục', 'xem thêm', 'đọc thêm', 'tin khác', 'bài liên quan'],
    lineStarts: ['xem video', 'xem clip', 'bình luận', 'nguồn', '[quảng cáo', 'ảnh', 'video', 'clip'],
    lineContains: ['ảnh:', 'ảnh :', '(ảnh', 'ảnh minh họa', 'xem video'],
  },
};
