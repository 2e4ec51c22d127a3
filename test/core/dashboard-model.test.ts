// The Tổng hợp dashboard as a grid: one programme with a behind, a complete and a qualitative target, and a budget overspent.
import { buildDashboard, flagText, textBar } from '../../src/core/dashboard-model';
import type { BudgetSummary } from '../../src/core/budget';
import type { ProgrammeProgress, TargetProgress } from '../../src/core/progress';

const target = (x: Partial<TargetProgress> & { code: string }): TargetProgress => ({ programCode: 'P2', name: x.code, unit: 'cuộc', planned: null, upper: null, done: 0, percent: null, status: '', note: '', flags: [], events: 0, ...x });
const targets: TargetProgress[] = [
  target({ code: 'P2.1', name: 'Tư vấn, phản biện', planned: 16, done: 3, percent: 18.75, flags: ['behind'] }),
  target({ code: 'P2.3', name: 'Tọa đàm chuyên đề', planned: 4, done: 5, percent: 125, flags: ['complete', 'over'] }),
  target({ code: 'P2.5', name: 'Giám định xã hội', unit: '', status: 'Đang thực hiện' }),
  target({ code: 'P2.6', name: 'Góp ý văn bản', unit: '' }),
];
const programs: ProgrammeProgress[] = [{ code: 'P2', name: 'Tư vấn, phản biện và Giám định xã hội', percent: 59.38, quantified: 2, complete: 1 }];
const budget: BudgetSummary = {
  proposed: 92000000,
  appraised: 70000000,
  approved: 60000000,
  spent: 66500000,
  remaining: -6500000,
  byProgram: [{ code: 'P2', name: 'Tư vấn, phản biện và Giám định xã hội', proposed: 92000000, appraised: 70000000, approved: 60000000, spent: 66500000, remaining: -6500000 }],
  lines: [],
  overspentLines: ['KP-2024-001'],
};
const m = buildDashboard({ year: 2024, progress: { targets, programs }, budget, updatedAt: '05/07/2024 09:00' });

describe('the text bar and the warnings', () => {
  test('bars have ten blocks, rounded; over 100% stays full; no percent draws nothing', () => {
    expect([textBar(0), textBar(18.75), textBar(59.38), textBar(125), textBar(null)]).toEqual(['░░░░░░░░░░', '██░░░░░░░░', '██████░░░░', '██████████', '']);
  });
  test('flags read in Vietnamese, an unknown one as it is', () => {
    expect(flagText(['overdue', 'behind'])).toBe('Quá hạn, Chậm tiến độ');
    expect(flagText(['complete', 'over', 'mới'])).toBe('Hoàn thành, Vượt kế hoạch, mới');
  });
});

describe('the dashboard of 5 July 2024', () => {
  test('the title, the update time, then the progress table of P2 and its four targets', () => {
    expect(m.values.slice(0, 9)).toEqual([
      ['TỔNG HỢP TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ, CHƯƠNG TRÌNH HOẠT ĐỘNG NĂM 2024', '', '', '', '', '', '', ''],
      ['Cập nhật lúc 05/07/2024 09:00', '', '', '', '', '', '', ''],
      ['', '', '', '', '', '', '', ''],
      ['Mã', 'Chương trình / chỉ tiêu', 'Đơn vị tính', 'Kế hoạch', 'Đã thực hiện', 'Tỷ lệ (%)', 'Tiến độ', 'Cảnh báo'],
      ['P2', 'Tư vấn, phản biện và Giám định xã hội', '', '', '', 59.38, '██████░░░░', '1/2 chỉ tiêu hoàn thành'],
      ['P2.1', 'Tư vấn, phản biện', 'cuộc', 16, 3, 18.75, '██░░░░░░░░', 'Chậm tiến độ'],
      ['P2.3', 'Tọa đàm chuyên đề', 'cuộc', 4, 5, 125, '██████████', 'Hoàn thành, Vượt kế hoạch'],
      ['P2.5', 'Giám định xã hội', '', '', 'Đang thực hiện', '', '', ''],
      ['P2.6', 'Góp ý văn bản', '', '', 'Chưa cập nhật', '', '', ''],
    ]);
  });

  test('a target behind shows red, a complete one green, the rest white; headers bold on blue, programmes on grey', () => {
    expect(m.backgrounds.slice(3, 9).map((r) => r[0])).toEqual(['#e8f0fe', '#f1f3f4', '#fce8e6', '#e6f4ea', '#ffffff', '#ffffff']);
    expect(m.weights.slice(0, 9).map((r) => r[0])).toEqual(['bold', 'normal', 'normal', 'bold', 'bold', 'normal', 'normal', 'normal', 'normal']);
    expect(m.formats[5]).toEqual(['@', '@', '@', '#,##0', '#,##0', '0.00', '@', '@']);
  });

  test('the budget table: P2 spent more than approved, the total, and the overspent line named', () => {
    expect(m.values.slice(9, 15)).toEqual([
      ['', '', '', '', '', '', '', ''],
      ['KINH PHÍ', '', '', '', '', '', '', ''],
      ['Mã', 'Chương trình', 'Đề nghị', 'Thẩm định', 'Phê duyệt', 'Đã chi', 'Còn lại', ''],
      ['P2', 'Tư vấn, phản biện và Giám định xã hội', 92000000, 70000000, 60000000, 66500000, -6500000, 'Chi vượt phê duyệt'],
      ['', 'Tổng cộng', 92000000, 70000000, 60000000, 66500000, -6500000, ''],
      ['', 'Dòng chi vượt số phê duyệt: KP-2024-001', '', '', '', '', '', ''],
    ]);
    expect(m.formats[12]).toEqual(['@', '@', 'money', 'money', 'money', 'money', 'money', '@']);
    expect(m.backgrounds[12][0]).toBe('#fce8e6');
  });

  test('the chart source rows, and where the two charts read them', () => {
    expect(m.values.slice(15)).toEqual([
      ['', '', '', '', '', '', '', ''],
      ['BIỂU ĐỒ', '', '', '', '', '', '', ''],
      ['Chương trình', 'Tỷ lệ hoàn thành (%)', 'Kế hoạch (%)', '', '', '', '', ''],
      ['P2', 59.38, 100, '', '', '', '', ''],
    ]);
    // Sheet rows are 1-based: the chart header is row 18, the budget header row 12.
    expect(m.progressChart).toEqual({ row: 18, col: 1, rows: 2, cols: 3 });
    expect(m.budgetChart).toEqual({ row: 12, col: 1, rows: 2, cols: 7 });
    expect(m.width).toBe(8);
  });

  test('every row of every grid is eight cells wide, so the sheet gets rectangular writes', () => {
    for (const g of [m.values, m.weights, m.backgrounds, m.formats]) {
      expect(g).toHaveLength(19);
      expect(g.every((r) => r.length === 8)).toBe(true);
    }
  });

  test('a budget within its approval has no warning row and no red', () => {
    const ok = buildDashboard({ year: 2024, progress: { targets: [], programs: [] }, budget: { ...budget, remaining: 5000000, overspentLines: [], byProgram: [{ ...budget.byProgram[0], spent: 55000000, remaining: 5000000 }] }, updatedAt: '05/07/2024 09:00' });
    expect(ok.values.map((r) => r[1])).not.toContain('Dòng chi vượt số phê duyệt: KP-2024-001');
    expect(ok.values.find((r) => r[0] === 'P2')?.[7]).toBe('');
  });
});
