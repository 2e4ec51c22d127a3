// Records ↔ domain: what a row of Chương trình, Chỉ tiêu, Hoạt động or Kinh phí means, and what is written back.
import { budgetRecord, eventRecord, programmeRecord, targetRecord, toBudgetLine, toEvent, toProgramme, toTarget } from '../../src/core/records';
import type { Rec } from '../../src/core/records';
import type { BudgetLine, LoggedEvent, Target } from '../../src/core/types';

/** What the table adapter reads back from a row that was written: the same cells, typed. */
const cells = (r: Record<string, unknown>): Rec => r as Rec;

describe('a programme of the 2024 plan', () => {
  test('its objectives, typed as a bulleted list in one cell, are read one per line without the bullets', () => {
    expect(toProgramme({ year: 2024, code: ' P2 ', name: 'Tư vấn, phản biện và Giám định xã hội', objectives: '- Nâng cao chất lượng tư vấn\n• Mở rộng giám định xã hội\n\n+ Phản biện đề án' })).toEqual({
      year: 2024,
      code: 'P2',
      name: 'Tư vấn, phản biện và Giám định xã hội',
      objectives: ['Nâng cao chất lượng tư vấn', 'Mở rộng giám định xã hội', 'Phản biện đề án'],
    });
  });

  test('written back, each objective is a "- " line', () => {
    expect(programmeRecord({ year: 2024, code: 'P2', name: 'Tư vấn', objectives: ['Nâng cao chất lượng', 'Mở rộng'] })).toEqual({ year: 2024, code: 'P2', name: 'Tư vấn', objectives: '- Nâng cao chất lượng\n- Mở rộng' });
  });

  test('an empty row reads as a programme with no year and nothing in it, not as an error', () => {
    expect(toProgramme({})).toEqual({ year: 0, code: '', name: '', objectives: [] });
  });
});

describe('a target', () => {
  const hoiThi: Target = { year: 2024, code: 'P4.2', programCode: 'P4', name: 'Hội thi sáng tạo kỹ thuật', content: 'Tổ chức Hội thi lần thứ 11', quantity: 1, unit: 'hội thi', upper: null, qualifier: 'exact', dueDate: '2025-10-31', endYear: 2025, status: 'Đang thực hiện', note: '' };

  test('a multi-year target keeps its end year; "Tối thiểu" and "Khoảng" are the floor and the estimate', () => {
    expect(targetRecord(hoiThi)).toEqual({ year: 2024, code: 'P4.2', programCode: 'P4', name: 'Hội thi sáng tạo kỹ thuật', content: 'Tổ chức Hội thi lần thứ 11', quantity: 1, unit: 'hội thi', upper: null, qualifier: 'Chính xác', dueDate: '2025-10-31', endYear: 2025, status: 'Đang thực hiện', note: '' });
    expect(targetRecord({ ...hoiThi, qualifier: 'min' }).qualifier).toBe('Tối thiểu');
    expect(targetRecord({ ...hoiThi, qualifier: 'about' }).qualifier).toBe('Khoảng');
  });

  test('a target of one year leaves "Năm kết thúc" empty, and reads it back as its own year', () => {
    const one = targetRecord({ ...hoiThi, endYear: 2024, dueDate: null });
    expect(one.endYear).toBeNull();
    expect(toTarget(one)).toEqual({ ...hoiThi, endYear: 2024, dueDate: null });
  });

  test('a row typed by hand: codes trimmed, an unknown qualifier taken as exact, a range kept with its upper end', () => {
    expect(toTarget({ year: 2024, code: 'P2.1 ', programCode: ' P2', name: 'Tư vấn', content: 'Tư vấn, phản biện 15–20 đề án', quantity: 15, unit: 'đề án', upper: 20, qualifier: 'khoảng chừng', dueDate: '', endYear: null, status: '', note: 'ghi chú' })).toEqual({
      year: 2024,
      code: 'P2.1',
      programCode: 'P2',
      name: 'Tư vấn',
      content: 'Tư vấn, phản biện 15–20 đề án',
      quantity: 15,
      unit: 'đề án',
      upper: 20,
      qualifier: 'exact',
      dueDate: null,
      endYear: 2024,
      status: '',
      note: 'ghi chú',
    });
  });

  test('a qualitative target (no number in "Số lượng") has no quantity', () => {
    expect(toTarget({ year: 2024, code: 'P1.1', quantity: 'nhiều' }).quantity).toBeNull();
  });
});

describe('an event of Hoạt động', () => {
  const event: LoggedEvent = {
    id: 'HD-2024-0001',
    year: 2024,
    targetCode: 'P2.1',
    date: '2024-03-10',
    title: 'Tư vấn, phản biện đề án chuyển đổi số tỉnh',
    quantity: 1,
    location: 'Bắc Giang',
    partner: 'Sở Thông tin và Truyền thông',
    participants: 45,
    cost: 1500000,
    budgetLineId: 'KP-2024-001',
    result: '',
    evidenceUrl: 'https://drive.google.com/file/d/abc',
    state: 'Hiệu lực',
    cancelReason: '',
    createdBy: 'canbo@lhh.example.vn',
    createdAt: '2024-03-10 09:00',
    updatedBy: '',
    updatedAt: '',
  };

  test('written, every column but the two times (the caller writes those as dates)', () => {
    const r = eventRecord(event);
    expect(Object.keys(r)).toEqual(['id', 'year', 'targetCode', 'date', 'title', 'quantity', 'location', 'partner', 'participants', 'cost', 'budgetLineId', 'result', 'evidenceUrl', 'state', 'cancelReason', 'createdBy', 'updatedBy']);
    expect(r).toMatchObject({ id: 'HD-2024-0001', participants: 45, cost: 1500000, state: 'Hiệu lực' });
  });

  test('read back, the same event', () => {
    expect(toEvent({ ...cells(eventRecord(event)), createdAt: '2024-03-10 09:00', updatedAt: '' })).toEqual(event);
  });

  test('empty cells read as empty text, and as no number where a number may be missing', () => {
    const e = toEvent({ id: ' HD-2024-0002 ', year: 2024, targetCode: ' P2.3', date: '2024-04-02', title: 'Tọa đàm', quantity: 1, state: 'Hiệu lực' });
    expect(e).toMatchObject({ id: 'HD-2024-0002', targetCode: 'P2.3', location: '', partner: '', participants: null, cost: null, budgetLineId: '', cancelReason: '' });
  });
});

describe('a budget line of Kinh phí', () => {
  const line: BudgetLine = { id: 'KP-2024-001', year: 2024, programCode: 'P2', targetCode: 'P2.1', item: 'Tổ chức hội nghị tư vấn, phản biện (16 cuộc)', unit: 'cuộc', quantity: 16, unitPrice: 5000000, proposed: 80000000, appraised: 70000000, approved: 60000000, basis: 'Thông tư 40/2017/TT-BTC', stage: 'Đã phê duyệt', note: '' };

  test('"Đề nghị" is always quantity × unit price, whatever the cell says (someone typed over it)', () => {
    expect(toBudgetLine({ ...cells(budgetRecord(line)), proposed: 1 }).proposed).toBe(80000000);
    expect(toBudgetLine({ ...cells(budgetRecord(line)), quantity: 20 }).proposed).toBe(100000000);
  });

  test('written and read back, the same line', () => {
    expect(toBudgetLine(cells(budgetRecord(line)))).toEqual(line);
  });

  // Records hold typed cell values: the table adapter has already read an empty money cell as null.
  test('a line not yet appraised has no appraised or approved figure', () => {
    expect(toBudgetLine({ ...cells(budgetRecord(line)), appraised: null, approved: null, stage: 'Dự thảo' })).toMatchObject({ appraised: null, approved: null, stage: 'Dự thảo' });
  });
});
