// The dashboard as a grid of values and styles, built in memory so the sheet gets a few batch writes.
import type { BudgetSummary } from './budget';
import type { ProgrammeProgress, TargetProgress } from './progress';

export interface DashboardModel {
  width: number;
  values: (string | number)[][];
  weights: ('bold' | 'normal')[][];
  backgrounds: string[][];
  /** 'money' or a Sheets number format per cell. */
  formats: string[][];
  progressChart: { row: number; col: number; rows: number; cols: number };
  budgetChart: { row: number; col: number; rows: number; cols: number };
  chartRow: number;
}

const WIDTH = 8;
const BAR = 10;

/** A bar drawn with characters, so it shows in any spreadsheet app and in exports. */
export function textBar(percent: number | null): string {
  if (percent === null) return '';
  const full = Math.max(0, Math.min(BAR, Math.round((Math.min(percent, 100) / 100) * BAR)));
  return '█'.repeat(full) + '░'.repeat(BAR - full);
}

const FLAG_LABELS: Record<string, string> = {
  overdue: 'Quá hạn',
  behind: 'Chậm tiến độ',
  complete: 'Hoàn thành',
  over: 'Vượt kế hoạch',
};

export function flagText(flags: string[]): string {
  return flags.map((f) => FLAG_LABELS[f] || f).join(', ');
}

export function buildDashboard(input: {
  year: number;
  progress: { targets: TargetProgress[]; programs: ProgrammeProgress[] };
  budget: BudgetSummary;
  updatedAt: string;
  /** Set once the plan year is over: said on the row under the update time (the layout does not move). */
  planOver?: string;
}): DashboardModel {
  const values: (string | number)[][] = [];
  const weights: ('bold' | 'normal')[][] = [];
  const backgrounds: string[][] = [];
  const formats: string[][] = [];
  const push = (row: (string | number)[], opts: { bold?: boolean; bg?: string; fmt?: string[] } = {}) => {
    const r = row.slice();
    while (r.length < WIDTH) r.push('');
    values.push(r);
    weights.push(r.map(() => (opts.bold ? 'bold' : 'normal')));
    backgrounds.push(r.map(() => opts.bg || '#ffffff'));
    formats.push(r.map((_, i) => (opts.fmt && opts.fmt[i]) || '@'));
  };
  const num = ['@', '@', '@', '#,##0', '#,##0', '0.00', '@', '@'];
  push([`TỔNG HỢP TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ, CHƯƠNG TRÌNH HOẠT ĐỘNG NĂM ${input.year}`], { bold: true });
  push([`Cập nhật lúc ${input.updatedAt}`]);
  push(input.planOver ? [`${input.planOver}.`] : [], input.planOver ? { bold: true, bg: '#fef7e0' } : {});
  push(['Mã', 'Chương trình / chỉ tiêu', 'Đơn vị tính', 'Kế hoạch', 'Đã thực hiện', 'Tỷ lệ (%)', 'Tiến độ', 'Cảnh báo'], { bold: true, bg: '#e8f0fe' });
  for (const p of input.progress.programs) {
    push([p.code, p.name, '', '', '', p.percent ?? '', textBar(p.percent), `${p.complete}/${p.quantified} chỉ tiêu hoàn thành`], {
      bold: true,
      bg: '#f1f3f4',
      fmt: num,
    });
    for (const t of input.progress.targets.filter((x) => x.programCode === p.code)) {
      const warn = t.flags.includes('overdue') || t.flags.includes('behind');
      push(
        [t.code, t.name, t.unit, t.planned === null ? '' : t.upper ? `${t.planned}–${t.upper}` : t.planned, t.planned === null ? (t.status || 'Chưa cập nhật') : t.done, t.percent ?? '', textBar(t.percent), flagText(t.flags)],
        { bg: warn ? '#fce8e6' : t.flags.includes('complete') ? '#e6f4ea' : '#ffffff', fmt: num },
      );
    }
  }
  push([]);
  push(['KINH PHÍ'], { bold: true });
  const money = ['@', '@', 'money', 'money', 'money', 'money', 'money', '@'];
  push(['Mã', 'Chương trình', 'Đề nghị', 'Thẩm định', 'Phê duyệt', 'Đã chi', 'Còn lại', ''], { bold: true, bg: '#e8f0fe' });
  const budgetStart = values.length + 1;
  for (const b of input.budget.byProgram) {
    push([b.code, b.name, b.proposed, b.appraised, b.approved, b.spent, b.remaining, b.remaining < 0 ? 'Chi vượt phê duyệt' : ''], {
      fmt: money,
      bg: b.remaining < 0 ? '#fce8e6' : '#ffffff',
    });
  }
  const b = input.budget;
  push(['', 'Tổng cộng', b.proposed, b.appraised, b.approved, b.spent, b.remaining, ''], { bold: true, fmt: money });
  if (b.overspentLines.length) push(['', `Dòng chi vượt số phê duyệt: ${b.overspentLines.join(', ')}`], { bg: '#fce8e6' });
  push([]);
  // Chart source: programme code and completion, kept on the sheet so the chart reads real cells.
  push(['BIỂU ĐỒ'], { bold: true });
  push(['Chương trình', 'Tỷ lệ hoàn thành (%)', 'Kế hoạch (%)'], { bold: true });
  const chartStart = values.length + 1;
  for (const p of input.progress.programs) push([p.code, p.percent ?? 0, 100], { fmt: ['@', '0.00', '0'] });
  return {
    width: WIDTH,
    values,
    weights,
    backgrounds,
    formats,
    progressChart: { row: chartStart - 1, col: 1, rows: input.progress.programs.length + 1, cols: 3 },
    budgetChart: { row: budgetStart - 1, col: 1, rows: input.budget.byProgram.length + 1, cols: 7 },
    chartRow: 1,
  };
}
