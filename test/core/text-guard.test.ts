// Text Sheets would read as something else (a formula, a number, a date, a currency) gets an apostrophe so it stays as typed.
import { needsTextGuard, textCell } from '../../src/core/cells';

describe('the text guard', () => {
  test('dates, numbers, scientific notation, currencies and times are kept as text', () => {
    for (const s of ['2024-05-15', '13-11-2023', '15/05/2024', '1e3', '2,5E-3', '$5', '5 €', '₫1.000', '(5)', '9:30 AM', '1.250.000', '45%', '=SUM(A1)', '+84 912', 'TRUE']) {
      expect([s, needsTextGuard(s)]).toEqual([s, true]);
    }
    expect(textCell('2024-05-15')).toBe("'2024-05-15");
  });

  test('ordinary Vietnamese text is left alone', () => {
    for (const s of ['Hội thảo khoa học', 'Lần thứ 11', 'P2.1', 'Phòng 5e', 'Quyết định 1731/QĐ-UBND', '16 cuộc', 'e5', '-']) {
      expect([s, needsTextGuard(s)]).toEqual([s, s === '-']);
    }
  });
});
