// Nhật ký wording: values by kind and changes by the declarations' labels, written out by hand.
import { changesText, settingsChanges, valueText } from '../../src/core/audit-text';
import { defaultSettings } from '../../src/core/settings';
import { SHEETS } from '../../src/core/sheets';

describe('Nhật ký wording', () => {
  test('values read as the staff write them', () => {
    expect(valueText('date', '2024-03-15')).toBe('15/03/2024');
    expect(valueText('money', 80000000)).toBe('80.000.000 đ');
    expect(valueText('int', 1500)).toBe('1.500');
    expect(valueText('int', 2024, true)).toBe('2024');
    expect(valueText('text', '')).toBe('(trống)');
    expect(valueText(undefined, ['a@x.vn', 'b@x.vn'])).toBe('a@x.vn, b@x.vn');
  });

  test('changing the stage of line KP-2024-001 says the stage and no amount', () => {
    const before = { stage: 'Dự thảo', quantity: 2, unitPrice: 40000000, proposed: 80000000, appraised: null };
    expect(changesText(SHEETS.budget, before, { ...before, stage: 'Đã gửi thẩm định' })).toBe('Giai đoạn: Dự thảo → Đã gửi thẩm định');
    expect(changesText(SHEETS.budget, before, { ...before, appraised: 75000000, stage: 'Đã thẩm định' })).toBe('Số thẩm định: (trống) → 75.000.000 đ; Giai đoạn: Dự thảo → Đã thẩm định');
  });

  test('an activity moved a day: the date in dd/mm/yyyy under its header', () => {
    expect(changesText(SHEETS.events, { date: '2024-03-15', title: 'Phản biện' }, { date: '2024-03-16', title: 'Phản biện' })).toBe('Ngày: 15/03/2024 → 16/03/2024');
  });

  test('settings by their Vietnamese names, parts of the schedule one by one', () => {
    const a = defaultSettings(2024);
    const b = { ...a, signerName: 'Nguyễn Văn An', schedule: { ...a.schedule, enabled: true, weeklyDay: 1 } };
    expect(settingsChanges(a, b)).toBe('Họ tên người ký: (trống) → Nguyễn Văn An; Bật gửi tự động: không → có; Tóm tắt hằng tuần vào thứ: tắt → Thứ Hai');
    expect(settingsChanges(a, { ...a })).toBe('');
  });
});
