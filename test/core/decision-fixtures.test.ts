// Decisions of the genre as other provinces lay them out: tables, items inside Điều 1, nested headings, PDF and Word pastes, numbers in words.
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseDecision } from '../../src/core/decision-import';

const FIXTURES = join(__dirname, '..', 'fixtures', 'decisions');

/** [quantity, unit] of each target in order; a third element gives the qualifier, a fourth the upper bound. */
type T = [number | null, string] | [number | null, string, 'exact' | 'min' | 'about'] | [number | null, string, 'exact' | 'min' | 'about', number];

interface Expected {
  file: string;
  kind: string;
  decision?: { number: string; date: string | null; province: string | null };
  programmes: string[];
  targets: T[][];
  /** Warning codes expected (in any order); omitted: only the decision-level ones may appear. */
  warnings?: string[];
}

const CASES: Expected[] = [
  {
    file: 'PL-112-QD-UBND-2026-NinhBinh-pipe-table.txt',
    kind: 'table with | separators, column-number row, money subtotals, TỔNG CỘNG',
    decision: { number: '112/QĐ-UBND', date: '2026-01-09', province: 'Ninh Bình' },
    programmes: ['TƯ VẤN, PHẢN BIỆN VÀ GIÁM ĐỊNH XÃ HỘI', 'PHỔ BIẾN KIẾN THỨC KHOA HỌC'],
    targets: [
      [[10, 'cuộc'], [2, 'cuộc']],
      [[12, 'chuyên mục'], [3, 'hội thảo'], [null, '']],
    ],
  },
  {
    file: 'PL-3021-QD-UBND-2025-QuangNinh-tab-table.txt',
    kind: 'tab-separated table, Số lượng before Đơn vị tính, "Tối thiểu 05", "03 - 05"',
    decision: { number: '3021/QĐ-UBND', date: '2025-12-26', province: 'Quảng Ninh' },
    programmes: ['Hoạt động sáng tạo kỹ thuật', 'Tập huấn, chuyển giao kỹ thuật'],
    targets: [
      [[1, 'hội thi'], [5, 'mô hình', 'min']],
      [[6, 'lớp'], [3, 'cuộc', 'exact', 5]],
    ],
  },
  {
    file: 'PL-45-QD-UBND-2026-NgheAn-cell-per-line.txt',
    kind: 'one cell per line (PDF), wrapped cell, "12 (mười hai)", "Hai (02)", "Tối thiểu 08", "03 - 05", two targets in one cell',
    decision: { number: '45/QĐ-UBND', date: '2026-01-07', province: 'Nghệ An' },
    programmes: ['PHỔ BIẾN KIẾN THỨC', 'TƯ VẤN, PHẢN BIỆN'],
    targets: [
      [[12, 'chuyên mục'], [4, 'chuyên đề'], [12, 'hội nghị'], [2, 'cuốn']],
      [[8, 'cuộc', 'min'], [3, 'cuộc', 'exact', 5]],
    ],
  },
  {
    file: 'PL-77-QD-UBND-2026-GiaLai-cells-empty.txt',
    kind: 'one cell per line with empty cells; a row that cannot be rebuilt is a warning',
    decision: { number: '77/QĐ-UBND', date: '2026-01-12', province: 'Gia Lai' },
    programmes: ['HỘI THẢO, HỘI NGHỊ', 'CÂU LẠC BỘ'],
    targets: [
      [[2, 'hội thảo'], [2, 'hội nghị'], [null, '']],
      [[1, 'câu lạc bộ']],
    ],
    warnings: ['table-row-unplaced'],
  },
  {
    file: 'PL-208-QD-UBND-2026-DaNang-markdown-table.txt',
    kind: 'markdown table, the quantity cell holds its unit, a wrapped row, "khoảng 30 trí thức"',
    decision: { number: '208/QĐ-UBND', date: '2026-01-15', province: 'Đà Nẵng' },
    programmes: ['Phổ biến kiến thức và tôn vinh trí thức', 'Hỗ trợ khởi nghiệp sáng tạo'],
    targets: [
      [[4, 'hội thảo'], [6, 'số'], [30, 'trí thức', 'about']],
      [[1, 'ngày hội']],
    ],
  },
  {
    file: 'QD-19-QD-UBND-2026-TuyenQuang-article-items.txt',
    kind: 'no appendix: numbered items of Điều 1 with 1.1 sub-items; Điều 2 items are not programmes',
    decision: { number: '19/QĐ-UBND', date: '2026-01-06', province: 'Tuyên Quang' },
    programmes: ['Tư vấn, phản biện và giám định xã hội', 'Phổ biến kiến thức, tập huấn kỹ thuật', 'Hoạt động sáng tạo'],
    targets: [
      [[8, 'cuộc'], [1, 'cuộc']],
      [[10, 'lớp'], [12, 'chuyên mục'], [null, '']],
      [[1, 'cuộc thi']],
    ],
  },
  {
    file: 'QD-204-QD-UBND-2026-LaoCai-article-bullets.txt',
    kind: 'no appendix: Điều 1 items with "-", "+", "*", "•" bullets',
    decision: { number: '204/QĐ-UBND', date: '2026-01-20', province: 'Lào Cai' },
    programmes: ['Hội thảo, hội nghị khoa học', 'Tuyên truyền, phổ biến kiến thức', 'Xây dựng mô hình'],
    targets: [
      [[4, 'hội thảo'], [2, 'hội nghị']],
      [[4, 'số'], [24, 'tin bài']],
      [[3, 'mô hình'], [1, 'đoàn']],
    ],
  },
  {
    file: 'QD-88-QD-UBND-2026-PhuTho-article-roman-nfd.txt',
    kind: 'no appendix: Roman items in Điều 1, numbered Điều 2, the whole text in NFD',
    decision: { number: '88/QĐ-UBND', date: '2026-01-14', province: 'Phú Thọ' },
    programmes: ['Phản biện xã hội', 'Tập huấn, chuyển giao'],
    targets: [[[6, 'cuộc']], [[15, 'lớp'], [2, 'mô hình']]],
  },
  {
    file: 'PL-501-QD-UBND-2026-ThanhHoa-nested.txt',
    kind: 'nested headings: "I. CHƯƠNG TRÌNH 1: …", "1. Mục tiêu" / "2. Nội dung" restarting, a) b) items',
    decision: { number: '501/QĐ-UBND', date: '2026-01-19', province: 'Thanh Hóa' },
    programmes: ['TƯ VẤN, PHẢN BIỆN VÀ GIÁM ĐỊNH XÃ HỘI', 'PHỔ BIẾN KIẾN THỨC', 'SÁNG TẠO KHOA HỌC KỸ THUẬT'],
    targets: [
      [[12, 'cuộc'], [2, 'cuộc']],
      [[20, 'lớp'], [12, 'chuyên mục'], [500, 'cuốn']],
      [[1, 'hội thi'], [1, 'cuộc thi']],
    ],
  },
  {
    file: 'PL-66-QD-UBND-2026-HungYen-nested-sub.txt',
    kind: 'nested headings with "2.1." items restarting in each programme',
    decision: { number: '66/QĐ-UBND', date: '2026-01-08', province: 'Hưng Yên' },
    programmes: ['HỘI THẢO VÀ TẬP HUẤN', 'TỔ CHỨC VÀ HỘI VIÊN'],
    targets: [
      [[5, 'hội thảo'], [8, 'lớp']],
      [[2, 'hội thành viên'], [1, 'hội nghị'], [null, '']],
    ],
  },
  {
    file: 'PL-930-QD-UBND-2025-NinhBinh-pdf-breaks.txt',
    kind: 'PDF paste: "57-" / "NQ/TW", "kinh tế -" / "xã hội", "cung" / "- cầu", number and unit on two lines, a date cut, page numbers, NBSP, an NFD line',
    decision: { number: '930/QĐ-UBND', date: '2025-12-30', province: 'Ninh Bình' },
    programmes: ['Tuyên truyền Nghị quyết số 57-NQ/TW của Bộ Chính trị', 'Chuyển giao tiến bộ kỹ thuật'],
    targets: [
      [[3, 'hội nghị'], [12, 'chuyên mục']],
      [[4, 'hội thảo'], [2, 'mô hình']],
    ],
  },
  {
    file: 'PL-12-QD-UBND-2026-CaMau-word-bullets.txt',
    kind: 'Word paste: Symbol-font bullets U+F0B7, U+F0A7, U+F076; a "Trang 2/3" footer',
    decision: { number: '12/QĐ-UBND', date: '2026-01-05', province: 'Cà Mau' },
    programmes: ['Tư vấn, phản biện', 'Phổ biến kiến thức'],
    targets: [
      [[6, 'cuộc'], [2, 'hội thảo']],
      [[4, 'số'], [8, 'lớp']],
    ],
  },
  {
    file: 'PL-150-QD-UBND-2026-KhanhHoa-number-words.txt',
    kind: 'quantities as words and after the noun: "mười hai (12)", "01 (một)", "hai mươi lăm", "một", "số lượng: 08 cuộc", "số chuyên mục: 12"',
    decision: { number: '150/QĐ-UBND', date: '2026-01-16', province: 'Khánh Hòa' },
    programmes: ['Tư vấn, phản biện và giám định xã hội', 'Phổ biến kiến thức'],
    targets: [
      [[12, 'cuộc'], [1, 'cuộc'], [8, 'cuộc']],
      [[25, 'lớp'], [1, 'hội nghị'], [12, 'chuyên mục']],
    ],
  },
  {
    file: 'PL-233-QD-UBND-2026-DakLak-ranges.txt',
    kind: 'ranges "từ 15 đến 20", "từ 03 - 05" and qualifiers ít nhất, tối thiểu, không dưới, khoảng',
    decision: { number: '233/QĐ-UBND', date: '2026-01-22', province: 'Đắk Lắk' },
    programmes: ['Tư vấn, phản biện', 'Tập huấn và mô hình'],
    targets: [
      [[15, 'cuộc', 'exact', 20], [3, 'hội thảo', 'exact', 5], [4, 'cuộc', 'min']],
      [[10, 'lớp', 'min'], [3, 'mô hình', 'min'], [6, 'hội nghị', 'about']],
    ],
  },
  {
    file: 'PL-301-QD-UBND-2026-AnGiang-not-targets.txt',
    kind: 'not targets: copies, beneficiaries, frequency, "một số", ordinal, term, decrees, dates, quarter, levels, percentage, money',
    decision: { number: '301/QĐ-UBND', date: '2026-01-28', province: 'An Giang' },
    programmes: ['Tuyên truyền, phổ biến kiến thức', 'Củng cố tổ chức'],
    targets: [
      [[6, 'số'], [4, 'hội nghị'], [null, ''], [null, '']],
      [[null, ''], [null, ''], [null, ''], [1, 'hội nghị']],
    ],
    warnings: ['unrecognised-number', 'unrecognised-number', 'unrecognised-number', 'unrecognised-number'],
  },
  {
    file: 'QD-415-QD-UBND-2026-Hue-city-table.txt',
    kind: 'a whole decision of a centrally governed city, appendix as a | table',
    decision: { number: '415/QĐ-UBND', date: '2026-02-03', province: 'Huế' },
    programmes: ['Bảo tồn di sản và phổ biến kiến thức', 'Tư vấn, phản biện'],
    targets: [
      [[2, 'hội thảo'], [6, 'chuyên đề'], [4, 'lớp']],
      [[5, 'cuộc']],
    ],
  },
  {
    file: 'QD-128-QD-UBND-2026-LamDong-nested.txt',
    kind: 'a whole decision of a merged province, nested appendix',
    decision: { number: '128/QĐ-UBND', date: '2026-01-10', province: 'Lâm Đồng' },
    programmes: ['NÔNG NGHIỆP CÔNG NGHỆ CAO', 'TƯ VẤN, PHẢN BIỆN'],
    targets: [
      [[6, 'hội thảo'], [4, 'mô hình'], [2, 'đoàn']],
      [[10, 'cuộc'], [3, 'cuộc']],
    ],
  },
  {
    file: 'QD-57-QD-UBND-2026-CanTho-article-pdf.txt',
    kind: 'Điều 1 items of a city, pasted from a PDF with a page number and a broken line',
    decision: { number: '57/QĐ-UBND', date: '2026-01-09', province: 'Cần Thơ' },
    programmes: ['Tư vấn, phản biện', 'Phổ biến kiến thức'],
    targets: [
      [[7, 'cuộc'], [2, 'hội thảo']],
      [[12, 'chuyên mục'], [4, 'chuyên đề'], [6, 'lớp']],
    ],
  },
  {
    file: 'PL-340-QD-UBND-2026-QuangTri-cells-ranges.txt',
    kind: 'one cell per line, Số lượng before Đơn vị tính, "khoảng 10", "từ 03 đến 05", "Không dưới 04", a wrapped cell',
    decision: { number: '340/QĐ-UBND', date: '2026-01-21', province: 'Quảng Trị' },
    programmes: ['TẬP HUẤN VÀ CHUYỂN GIAO', 'PHẢN BIỆN XÃ HỘI'],
    targets: [
      [[10, 'lớp', 'about'], [3, 'mô hình', 'exact', 5]],
      [[4, 'cuộc', 'min']],
    ],
  },
  {
    file: 'PL-19-QD-UBND-2026-DongThap-tab-wrapped.txt',
    kind: 'tab table with a content cell wrapped onto the next line and a column-number row',
    decision: { number: '19/QĐ-UBND', date: '2026-01-06', province: 'Đồng Tháp' },
    programmes: ['HOẠT ĐỘNG SÁNG TẠO', 'PHỔ BIẾN KIẾN THỨC'],
    targets: [
      [[1, 'hội thi'], [1, 'cuộc thi']],
      [[12, 'chuyên mục'], [4, 'hội nghị']],
    ],
  },
];

const DECISION_LEVEL = new Set(['decision-number-missing', 'year-unknown']);

describe.each(CASES)('$file', (c) => {
  const r = parseDecision(readFileSync(join(FIXTURES, c.file), 'utf8'));

  test(`${c.kind}: programmes and (quantity, unit) of every target`, () => {
    expect(r.programs.map((p) => p.name)).toEqual(c.programmes);
    const got = r.programs.map((p) =>
      r.targets
        .filter((t) => t.programCode === p.code)
        .map((t): T => {
          if (t.upper !== null) return [t.quantity, t.unit, t.qualifier, t.upper];
          if (t.qualifier !== 'exact') return [t.quantity, t.unit, t.qualifier];
          return [t.quantity, t.unit];
        }),
    );
    expect(got).toEqual(c.targets);
    if (c.decision) {
      expect({ number: r.decision.number, date: r.decision.date, province: r.decision.province }).toEqual(c.decision);
    }
    expect(r.year).toBe(2026);
    expect(r.warnings.map((w) => w.code).filter((w) => !DECISION_LEVEL.has(w)).sort()).toEqual([...(c.warnings ?? [])].sort());
  });
});

describe('what the PDF and Word pastes become', () => {
  const read = (file: string) => parseDecision(readFileSync(join(FIXTURES, file), 'utf8'));

  test('words cut at a hyphen are whole again, "cung / - cầu" is no bullet, a date cut at its slash is a deadline', () => {
    const r = read('PL-930-QD-UBND-2025-NinhBinh-pdf-breaks.txt');
    expect(r.targets.map((t) => t.content)).toEqual([
      'Tổ chức 03 hội nghị quán triệt Nghị quyết cho cán bộ, hội viên các hội thành viên về phát triển kinh tế - xã hội.',
      'Phối hợp với Đài Phát thanh và Truyền hình tỉnh thực hiện 12 chuyên mục về khoa học và công nghệ, hoàn thành trước ngày 30/11/2026.',
      'Tổ chức 04 hội thảo trình diễn công nghệ mới, kết nối cung - cầu sản phẩm nông nghiệp.',
      'Xây dựng 02 mô hình ứng dụng công nghệ sinh học trong sản xuất nấm ăn.',
    ]);
    expect(r.targets.map((t) => t.dueDate)).toEqual([null, '2026-11-30', null, null]);
    expect(r.programs[1].objectives).toEqual(['Đưa tiến bộ kỹ thuật vào sản xuất, kết nối cung - cầu công nghệ giữa doanh nghiệp và hợp tác xã.']);
  });

  test('Symbol-font bullets are items, and no private-use character reaches the plan', () => {
    const r = read('PL-12-QD-UBND-2026-CaMau-word-bullets.txt');
    expect(r.programs.map((p) => p.objectives)).toEqual([['Góp ý các chương trình phát triển kinh tế biển của tỉnh.'], ['Nâng cao hiểu biết của ngư dân về khai thác bền vững.']]);
    expect(JSON.stringify(r)).not.toMatch(/[\ue000-\uf8ff]/u);
  });

  test('a table row that cannot be rebuilt is shown with its cells, not dropped', () => {
    const r = read('PL-77-QD-UBND-2026-GiaLai-cells-empty.txt');
    expect(r.warnings.filter((w) => w.code === 'table-row-unplaced')).toEqual([{ code: 'table-row-unplaced', sentence: '2 15.000.000 20.000.000' }]);
  });

  test('numbers that are not targets are warned with their sentence', () => {
    const r = read('PL-301-QD-UBND-2026-AnGiang-not-targets.txt');
    expect(r.warnings.filter((w) => w.code === 'unrecognised-number').map((w) => w.sentence)).toEqual([
      'Tổ chức 04 hội nghị phổ biến kiến thức cho ít nhất 800 hội viên.',
      'Kiện toàn tổ chức hội ở 02 cấp tỉnh và xã.',
      'Phấn đấu 90% hội thành viên hoạt động hiệu quả.',
      'Tổ chức 01 hội nghị Ban Chấp hành với kinh phí 250 triệu đồng.',
    ]);
  });
});
