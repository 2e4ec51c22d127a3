// The event form's rules, as the sidebar and the server both apply them.
import { validateEvent, validateEventShape, nextId } from '../../src/core/event-input';
import { fieldMessage } from '../../src/core/messages';
import { seedPlan2024 } from '../../src/core/seed-plan';
import type { BudgetLine } from '../../src/core/types';

const { targets } = seedPlan2024();
const line: BudgetLine = {
  id: 'KP-2024-001',
  year: 2024,
  programCode: 'P2',
  targetCode: 'P2.1',
  item: 'Chi tư vấn',
  unit: 'cuộc',
  quantity: 16,
  unitPrice: 5000000,
  proposed: 80000000,
  appraised: null,
  approved: null,
  basis: '',
  stage: 'Dự thảo',
  note: '',
};
const ok = { targetCode: 'P2.1', date: '2024-03-15', title: 'Phản biện đề án chuyển đổi số' };

describe('an event a user types', () => {
  test('a good event is cleaned: NFC text, default quantity 1, money typed with dots', () => {
    const nfd = 'Hội thảo'.normalize('NFD');
    const e = validateEvent({ ...ok, title: `  ${nfd}  `, cost: '1.250.000', date: '15/03/2024' }, targets, [line]);
    expect(e).toMatchObject({ title: 'Hội thảo', quantity: 1, cost: 1250000, date: '2024-03-15' });
  });

  test('each bad field is named, with a Vietnamese message', () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...ok, date: '2024-02-31' }, 'date', 'Ngày: Ngày không hợp lệ (nhập theo dạng dd/mm/yyyy).'],
      [{ ...ok, date: '31/02/2024' }, 'date', 'Ngày: Ngày không hợp lệ (nhập theo dạng dd/mm/yyyy).'],
      [{ ...ok, quantity: 0 }, 'quantity', 'Số lượng: Phải lớn hơn 0.'],
      [{ ...ok, quantity: 1.5 }, 'quantity', 'Số lượng: Phải là số nguyên.'],
      [{ ...ok, cost: -5 }, 'cost', 'Chi phí: Không được là số âm.'],
      [{ ...ok, cost: 10.5 }, 'cost', 'Chi phí: Số tiền phải là số nguyên đồng, không âm (ví dụ 1.250.000).'],
      [{ ...ok, evidenceUrl: 'javascript:alert(1)' }, 'evidenceUrl', 'Liên kết minh chứng: Liên kết phải bắt đầu bằng http:// hoặc https://.'],
      [{ ...ok, title: 'x'.repeat(10000) }, 'title', 'Tên hoạt động: Quá dài (tối đa 300 ký tự).'],
      [{ ...ok, title: '   ' }, 'title', 'Tên hoạt động: Bắt buộc nhập.'],
    ];
    for (const [input, field, message] of cases) {
      const f = validateEventShape(input);
      expect(Object.keys(f)).toEqual([field]);
      expect(fieldMessage(field, f[field].code, f[field].params)).toBe(message);
    }
  });

  test('the plan decides what target and dates exist', () => {
    const bad = (input: Record<string, unknown>) => {
      try {
        validateEvent(input, targets, [line]);
      } catch (e) {
        return (e as { fields: Record<string, { code: string }> }).fields;
      }
      throw new Error('accepted');
    };
    expect(bad({ ...ok, targetCode: 'P9.9' })).toEqual({ targetCode: { code: 'unknownTarget', params: { value: 'P9.9' } } });
    expect(bad({ ...ok, date: '2025-01-02' }).date.code).toBe('dateOutOfPlan');
    // Hội thi lần thứ 11 spans 2024–2025: a 2025 event is within its years.
    expect(validateEvent({ ...ok, targetCode: 'P4.1', date: '2025-05-01' }, targets, []).date).toBe('2025-05-01');
    expect(bad({ ...ok, targetCode: 'P3.1', budgetLineId: 'KP-2024-001' }).budgetLineId.code).toBe('budgetLineOtherProgram');
  });

  test('ids follow HD-<year>-<4 digits> after the highest in use', () => {
    expect(nextId('HD', 2024, [])).toBe('HD-2024-0001');
    expect(nextId('HD', 2024, ['HD-2024-0007', 'HD-2023-0099', 'x'])).toBe('HD-2024-0008');
  });
});
