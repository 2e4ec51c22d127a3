// Reading counts in decision text: number words, units, qualifiers, and the numbers that are not counts.
import { matchKey, parseNumberWords, scanNumbers, singularUnit } from '../../src/core/decision-numbers';

/** [raw, kind, value, unit, qualifier] for every number in a phrase. */
const scan = (text: string) => scanNumbers(text).map((m) => [m.raw, m.kind, m.value, m.unit, m.qualifier]);

describe('Vietnamese number words', () => {
  test.each([
    ['một', 1],
    ['ba', 3],
    ['mười', 10],
    ['mười hai', 12],
    ['mười lăm', 15],
    ['hai mươi', 20],
    ['hai mươi mốt', 21],
    ['hai mươi lăm', 25],
    ['ba mươi tư', 34],
    ['một trăm', 100],
    ['một trăm linh năm', 105],
    ['hai trăm năm mươi', 250],
    ['một nghìn hai trăm', 1200],
  ])('%s = %i', (words, value) => {
    expect(parseNumberWords(words.split(' '))).toBe(value);
  });

  test('malformed runs are not numbers', () => {
    expect(parseNumberWords(['hai', 'ba'])).toBeNull();
    expect(parseNumberWords(['mươi'])).toBeNull();
    expect(parseNumberWords(['không'])).toBeNull();
  });
});

describe('counts', () => {
  test('digits with leading zeros, thousands dots, and the unit noun', () => {
    expect(scan('Tổ chức 05 hội thảo khoa học')).toEqual([['05', 'count', 5, 'hội thảo', 'exact']]);
    expect(scan('phát hành 1.200 cuốn tài liệu')).toEqual([['1.200', 'count', 1200, 'cuốn', 'exact']]);
    expect(scan('Tổ chức 05 (năm) hội nghị')).toEqual([['05', 'count', 5, 'hội nghị', 'exact']]);
  });

  test('number words count only before a unit', () => {
    expect(scan('thực hiện mười hai chuyên mục')).toEqual([['mười hai', 'count', 12, 'chuyên mục', 'exact']]);
    expect(scan('Tổ chức hai mươi lăm cuộc tọa đàm')).toEqual([['hai mươi lăm', 'count', 25, 'cuộc', 'exact']]);
    expect(scan('một số hội thảo; hai bên cùng có lợi; một lần nữa khẳng định')).toEqual([]);
    expect(scan('Nhiệm vụ thứ hai')).toEqual([]);
  });

  test('"cuộc" is a classifier before an event noun, and the unit otherwise', () => {
    expect(scan('03 cuộc hội thảo trình diễn')).toEqual([['03', 'count', 3, 'hội thảo', 'exact']]);
    expect(scan('16 cuộc tư vấn, phản biện')).toEqual([['16', 'count', 16, 'cuộc', 'exact']]);
    expect(scan('15 cuộc tọa đàm')).toEqual([['15', 'count', 15, 'cuộc', 'exact']]);
    expect(scan('01 cuộc giám định')).toEqual([['01', 'count', 1, 'cuộc', 'exact']]);
    expect(scan('01 cuộc thi sáng tạo')).toEqual([['01', 'count', 1, 'cuộc thi', 'exact']]);
    expect(scan('05 toạ đàm')).toEqual([['05', 'count', 5, 'tọa đàm', 'exact']]);
  });

  test('floors: hơn, trên, ít nhất, tối thiểu, không dưới, từ … trở lên', () => {
    for (const text of ['hơn 20 cuộc', 'trên 20 cuộc', 'ít nhất 20 cuộc', 'tối thiểu 20 cuộc', 'không dưới 20 cuộc', 'từ 20 cuộc trở lên']) {
      expect(scan(text)).toEqual([['20', 'count', 20, 'cuộc', 'min']]);
    }
    expect(scan('khoảng 20 cuộc')).toEqual([['20', 'count', 20, 'cuộc', 'about']]);
  });
});

describe('numbers that are not counts', () => {
  test.each([
    ['lần thứ 11', 'reference'],
    ['Chỉ thị 05-CT/TW', 'reference'],
    ['Nghị định 45/2010/NĐ-CP', 'reference'],
    ['ngày 15/5/2016', 'reference'],
    ['Điều 3', 'reference'],
    ['Quyết định số 977', 'reference'],
    ['nhiệm kỳ 2018-2023', 'reference'],
    ['(1) Hội nghị sơ kết', 'reference'],
    ['năm 2023', 'year'],
    ['6 tháng đầu năm', 'duration'],
    ['03 năm', 'duration'],
  ])('%s', (text, kind) => {
    const kinds = scanNumbers(text).map((m) => m.kind);
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.every((k) => k === kind)).toBe(true);
  });

  test('a number before an unknown noun is unknown, for the caller to report', () => {
    expect(scan('Phấn đấu 85% hội viên')).toEqual([['85', 'unknown', 85, '', 'exact']]);
    expect(scan('cho 200 đại biểu')).toEqual([['200', 'unknown', 200, '', 'exact']]);
  });
});

describe('one implied by a singular organising verb', () => {
  test.each([
    ['Tổ chức Hội thi Sáng tạo kỹ thuật tỉnh lần thứ 11', 'hội thi'],
    ['Tổ chức ngày hội sáng tạo', 'ngày hội'],
    ['Thiết kế, xây dựng phần mềm hệ thống, số hóa dữ liệu', 'hệ thống'],
    ['Tham mưu tổ chức Hội nghị gặp mặt trí thức', 'hội nghị'],
  ])('%s', (text, unit) => {
    expect(singularUnit(text)?.unit).toBe(unit);
  });

  test.each(['Tổ chức các hội thảo chuyên đề', 'Xây dựng kế hoạch tập huấn', 'Duy trì hoạt động của Trang thông tin', 'Tham gia Hội thi toàn quốc'])(
    'not: %s',
    (text) => {
      expect(singularUnit(text)).toBeNull();
    },
  );
});

test('old and new tone placement compare equal without moving offsets', () => {
  expect(matchKey('Xã hội hoá, toạ đàm, Uỷ ban')).toBe(matchKey('Xã hội hóa, tọa đàm, Ủy ban'));
  expect(matchKey('toạ đàm')).toHaveLength('toạ đàm'.length);
});
