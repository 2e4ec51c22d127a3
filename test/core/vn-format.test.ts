// Numbers, money, dates and document numbers as they appear in the sheet, the sidebar and ND30 documents.
import {
  DOC_TYPES,
  docNumber,
  escapeHtml,
  formatDateTimeVn,
  formatMoney,
  formatNumber,
  formatPercent,
  isValidIsoDate,
  isoToVn,
  ndDateLine,
  parseMoney,
  toIsoInTz,
  upperVn,
  vnToIso,
} from '../../src/core/vn-format';

describe('numbers and money', () => {
  test('dot groups, minus sign, comma decimals', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1000)).toBe('1.000');
    expect(formatNumber(1250000)).toBe('1.250.000');
    expect(formatNumber(-1250000)).toBe('-1.250.000');
    expect(formatNumber(2.5)).toBe('2,5');
    expect(formatNumber(1234.05)).toBe('1.234,05');
  });

  test('money carries the đ sign', () => {
    expect(formatMoney(1250000)).toBe('1.250.000 đ');
    expect(formatMoney(0)).toBe('0 đ');
    expect(formatMoney(-500000)).toBe('-500.000 đ');
  });

  test.each([
    ['1.250.000', 1250000],
    ['1250000', 1250000],
    ['1.250.000 đ', 1250000],
    ['1.250.000đ', 1250000],
    ['1.250.000 đồng', 1250000],
    [' 1 250 000 ', 1250000],
    ['0', 0],
    ['500', 500],
  ])('parseMoney(%p) = %p', (s, n) => {
    expect(parseMoney(s)).toBe(n);
  });

  test.each(['1,5', '-', 'abc', '1.25', '', '  ', '12.50.000', '-5000', '1.250,000', 'đ'])('parseMoney(%p) is null', (s) => {
    expect(parseMoney(s)).toBeNull();
  });

  test('percent: comma decimals, at most two, no trailing zeros', () => {
    expect(formatPercent(18.75)).toBe('18,75');
    expect(formatPercent(100)).toBe('100');
    expect(formatPercent(33.3333)).toBe('33,33');
    expect(formatPercent(12.5)).toBe('12,5');
    expect(formatPercent(0)).toBe('0');
  });
});

describe('dates', () => {
  test('ISO ↔ dd/mm/yyyy', () => {
    expect(isoToVn('2024-01-05')).toBe('05/01/2024');
    expect(isoToVn('2024-13-05')).toBe('');
    expect(vnToIso('5/1/2024')).toBe('2024-01-05');
    expect(vnToIso('05/01/2024')).toBe('2024-01-05');
    expect(vnToIso(' 29/02/2024 ')).toBe('2024-02-29');
  });

  test.each(['31/02/2024', '29/02/2023', '00/01/2024', '2024-01-05', '01/13/2024', '1/1/24', '', 'abc'])(
    'vnToIso(%p) is null',
    (s) => {
      expect(vnToIso(s)).toBeNull();
    },
  );

  test('isValidIsoDate', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2024-1-05')).toBe(false);
    expect(isValidIsoDate(null)).toBe(false);
  });

  test('ND30 date line: leading zero for days < 10 and for January and February only', () => {
    expect(ndDateLine('Bắc Giang', '2024-01-05')).toBe('Bắc Giang, ngày 05 tháng 01 năm 2024');
    expect(ndDateLine('Bắc Giang', '2024-03-09')).toBe('Bắc Giang, ngày 09 tháng 3 năm 2024');
    expect(ndDateLine('Bắc Giang', '2024-02-28')).toBe('Bắc Giang, ngày 28 tháng 02 năm 2024');
    expect(ndDateLine('Bắc Giang', '2024-06-29')).toBe('Bắc Giang, ngày 29 tháng 6 năm 2024');
    expect(ndDateLine('Bắc Giang', '2024-12-31')).toBe('Bắc Giang, ngày 31 tháng 12 năm 2024');
    expect(ndDateLine('', '2024-12-31')).toBe('Ngày 31 tháng 12 năm 2024');
  });

  test('time zone: the calendar day in Vietnam, not on the server', () => {
    const lateUtc = new Date('2024-01-04T18:30:00Z'); // 01:30 on 5 January in Hà Nội
    expect(toIsoInTz(lateUtc, 'Asia/Ho_Chi_Minh')).toBe('2024-01-05');
    expect(toIsoInTz(lateUtc, 'UTC')).toBe('2024-01-04');
    expect(toIsoInTz(lateUtc)).toBe('2024-01-05');
    expect(formatDateTimeVn(lateUtc, 'Asia/Ho_Chi_Minh')).toBe('05/01/2024 01:30');
    expect(formatDateTimeVn(new Date('2024-06-29T17:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe('30/06/2024 00:00');
  });
});

describe('document numbers', () => {
  test('Số, ký hiệu', () => {
    expect(docNumber(5, 'BC', 'LHH')).toBe('05/BC-LHH');
    expect(docNumber(1, 'TTr', 'LHH')).toBe('01/TTr-LHH');
    expect(docNumber(12, 'BC', 'LHH')).toBe('12/BC-LHH');
    expect(docNumber(null, 'BC', 'LHH')).toBe('   /BC-LHH');
  });

  test('type names follow ND30 Phụ lục III', () => {
    expect(DOC_TYPES.BC).toBe('Báo cáo');
    expect(DOC_TYPES.TTr).toBe('Tờ trình');
    expect(DOC_TYPES['QĐ']).toBe('Quyết định');
    expect(DOC_TYPES.KH).toBe('Kế hoạch');
  });
});

describe('text helpers', () => {
  test('escapeHtml', () => {
    expect(escapeHtml(`<b>"Hội" & 'KH'</b>`)).toBe('&lt;b&gt;&quot;Hội&quot; &amp; &#39;KH&#39;&lt;/b&gt;');
    expect(escapeHtml(null)).toBe('');
  });

  test('upperVn keeps Vietnamese letters', () => {
    expect(upperVn('Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Giang')).toBe(
      'LIÊN HIỆP CÁC HỘI KHOA HỌC VÀ KỸ THUẬT TỈNH BẮC GIANG',
    );
  });
});
