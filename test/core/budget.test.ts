// Budget maths: what the Kinh phí sheet proposes, what is spent from the events linked to it, per programme and in total.
import { proposedAmount, summarizeBudget } from '../../src/core/budget';
import type { BudgetLine, LoggedEvent, Programme } from '../../src/core/types';

const programs: Programme[] = [
  { year: 2024, code: 'P2', name: 'Tư vấn, phản biện và Giám định xã hội', objectives: [] },
  { year: 2024, code: 'P3', name: 'Phổ biến kiến thức khoa học', objectives: [] },
];
const programOf = (target: string) => ({ 'P2.1': 'P2', 'P2.3': 'P2', 'P3.5': 'P3' })[target];

const line = (id: string, extra: Partial<BudgetLine>): BudgetLine => ({
  id,
  year: 2024,
  programCode: 'P2',
  targetCode: '',
  item: 'Hội nghị tư vấn, phản biện',
  unit: 'cuộc',
  quantity: 1,
  unitPrice: 0,
  proposed: 0,
  appraised: null,
  approved: null,
  basis: '',
  stage: 'Dự thảo',
  note: '',
  ...extra,
});
const event = (id: string, targetCode: string, cost: number | null, extra: Partial<LoggedEvent> = {}): LoggedEvent => ({
  id,
  year: 2024,
  targetCode,
  date: '2024-04-10',
  title: 'Hội nghị',
  quantity: 1,
  location: 'Bắc Giang',
  partner: '',
  participants: null,
  cost,
  budgetLineId: '',
  result: '',
  evidenceUrl: '',
  state: 'Hiệu lực',
  cancelReason: '',
  createdBy: 'canbo@lhh.example.vn',
  createdAt: '',
  updatedBy: '',
  updatedAt: '',
  ...extra,
});

describe('the proposed amount of a line', () => {
  test('16 conferences at 5.000.000 đ propose 80.000.000 đ', () => {
    expect(proposedAmount(16, 5000000)).toBe(80000000);
  });
  test('2,5 days at 1.333.333 đ round to the đồng: 3.333.333 đ', () => {
    expect(proposedAmount(2.5, 1333333)).toBe(3333333);
  });
});

describe('the 2024 budget of two programmes', () => {
  const lines = [
    line('KP-2024-001', { quantity: 16, unitPrice: 5000000, proposed: 80000000, appraised: 70000000, approved: 60000000, stage: 'Đã phê duyệt' }),
    line('KP-2024-002', { item: 'Tọa đàm', quantity: 4, unitPrice: 3000000, proposed: 12000000 }),
    line('KP-2024-003', { programCode: 'P3', item: 'Hội thảo khoa học', quantity: 5, unitPrice: 30000000, proposed: 150000000, appraised: 150000000, approved: 20000000 }),
  ];
  const events = [
    event('HD-2024-0001', 'P2.1', 25000000, { budgetLineId: 'KP-2024-001' }),
    event('HD-2024-0002', 'P2.1', 40000000, { budgetLineId: 'KP-2024-001' }),
    // Cancelled: spends nothing.
    event('HD-2024-0003', 'P2.1', 9000000, { budgetLineId: 'KP-2024-001', state: 'Đã hủy', cancelReason: 'Nhập trùng' }),
    // Not linked to a line: counts for its programme only.
    event('HD-2024-0004', 'P2.3', 1500000),
    event('HD-2024-0005', 'P3.5', 30000000, { budgetLineId: 'KP-2024-003' }),
    // No cost given.
    event('HD-2024-0006', 'P3.5', null),
  ];
  const s = summarizeBudget(programs, lines, events, programOf);

  test('each line shows what its linked, non-cancelled events spent, and whether that passes what UBND approved', () => {
    expect(s.lines.map((l) => [l.id, l.spent, l.overspent])).toEqual([
      ['KP-2024-001', 65000000, true],
      ['KP-2024-002', 0, false],
      ['KP-2024-003', 30000000, true],
    ]);
    expect(s.overspentLines).toEqual(['KP-2024-001', 'KP-2024-003']);
  });

  test('P2 proposes 92.000.000 đ, has 70.000.000 đ appraised and 60.000.000 đ approved, and spent 66.500.000 đ (its unlinked event included)', () => {
    expect(s.byProgram[0]).toEqual({ code: 'P2', name: 'Tư vấn, phản biện và Giám định xã hội', proposed: 92000000, appraised: 70000000, approved: 60000000, spent: 66500000, remaining: -6500000 });
  });

  test('P3 proposes 150.000.000 đ and has 20.000.000 đ approved, of which 30.000.000 đ is spent', () => {
    expect(s.byProgram[1]).toEqual({ code: 'P3', name: 'Phổ biến kiến thức khoa học', proposed: 150000000, appraised: 150000000, approved: 20000000, spent: 30000000, remaining: -10000000 });
  });

  test('the year’s totals add the programmes up', () => {
    expect({ proposed: s.proposed, appraised: s.appraised, approved: s.approved, spent: s.spent, remaining: s.remaining }).toEqual({ proposed: 242000000, appraised: 220000000, approved: 80000000, spent: 96500000, remaining: -16500000 });
  });

  test('a line not yet approved is never overspent, however much is spent on it', () => {
    const t = summarizeBudget(programs, [line('KP-2024-002', { proposed: 12000000 })], [event('HD-2024-0007', 'P2.1', 50000000, { budgetLineId: 'KP-2024-002' })], programOf);
    expect(t.lines[0]).toMatchObject({ spent: 50000000, overspent: false });
    expect(t.overspentLines).toEqual([]);
  });

  test('an event whose target belongs to no programme of the year is left out of the programmes', () => {
    const t = summarizeBudget(programs, [], [event('HD-2024-0008', 'P9.9', 7000000)], programOf);
    expect(t.byProgram.map((p) => p.spent)).toEqual([0, 0]);
    expect(t.spent).toBe(0);
  });

  test('a year with no lines and no events is all zeros', () => {
    const t = summarizeBudget(programs, [], [], programOf);
    expect(t).toEqual({ proposed: 0, appraised: 0, approved: 0, spent: 0, remaining: 0, byProgram: [
      { code: 'P2', name: 'Tư vấn, phản biện và Giám định xã hội', proposed: 0, appraised: 0, approved: 0, spent: 0, remaining: 0 },
      { code: 'P3', name: 'Phổ biến kiến thức khoa học', proposed: 0, appraised: 0, approved: 0, spent: 0, remaining: 0 },
    ], lines: [], overspentLines: [] });
  });
});
