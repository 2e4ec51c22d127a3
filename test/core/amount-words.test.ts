// Amounts in words as a Sở Tài chính reader expects them under "Bằng chữ:" (ND30 notes, northern usage).
import { amountInWords, numberInWords } from '../../src/core/amount-words';

describe('amountInWords', () => {
  test.each([
    [0, 'Không đồng'],
    [1, 'Một đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [11, 'Mười một đồng'],
    [14, 'Mười bốn đồng'],
    [15, 'Mười lăm đồng'],
    [20, 'Hai mươi đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi bốn đồng'],
    [25, 'Hai mươi lăm đồng'],
    [55, 'Năm mươi lăm đồng'],
    [91, 'Chín mươi mốt đồng'],
    [100, 'Một trăm đồng'],
    [101, 'Một trăm linh một đồng'],
    [104, 'Một trăm linh bốn đồng'],
    [105, 'Một trăm linh năm đồng'],
    [110, 'Một trăm mười đồng'],
    [111, 'Một trăm mười một đồng'],
    [115, 'Một trăm mười lăm đồng'],
    [121, 'Một trăm hai mươi mốt đồng'],
    [1_000, 'Một nghìn đồng'],
    [1_001, 'Một nghìn không trăm linh một đồng'],
    [1_010, 'Một nghìn không trăm mười đồng'],
    [1_100, 'Một nghìn một trăm đồng'],
    [10_000, 'Mười nghìn đồng'],
    [15_000, 'Mười lăm nghìn đồng'],
    [21_000, 'Hai mươi mốt nghìn đồng'],
    [500_000, 'Năm trăm nghìn đồng'],
    [1_000_000, 'Một triệu đồng'],
    [1_005_000, 'Một triệu không trăm linh năm nghìn đồng'],
    [1_000_005, 'Một triệu không trăm linh năm đồng'],
    [1_250_000, 'Một triệu hai trăm năm mươi nghìn đồng'],
    [3_600_000, 'Ba triệu sáu trăm nghìn đồng'],
    [45_500_000, 'Bốn mươi lăm triệu năm trăm nghìn đồng'],
    [125_000_000, 'Một trăm hai mươi lăm triệu đồng'],
    [1_000_000_000, 'Một tỷ đồng'],
    [1_000_001_000, 'Một tỷ không trăm linh một nghìn đồng'],
    [1_050_000_000, 'Một tỷ không trăm năm mươi triệu đồng'],
    [2_021_105_000, 'Hai tỷ không trăm hai mươi mốt triệu một trăm linh năm nghìn đồng'],
    [15_000_000_000, 'Mười lăm tỷ đồng'],
    [1_000_000_000_000, 'Một nghìn tỷ đồng'],
    [1_500_000_000_000, 'Một nghìn năm trăm tỷ đồng'],
    [1_000_001_000_000, 'Một nghìn tỷ không trăm linh một triệu đồng'],
  ])('%d → %s', (n, words) => {
    expect(amountInWords(n)).toBe(words);
  });

  test('output is NFC so it matches text typed by staff', () => {
    const s = amountInWords(2_021_105_000);
    expect(s).toBe(s.normalize('NFC'));
  });

  test('numberInWords is the lower-case reading, for ordinals and counts', () => {
    expect(numberInWords(14)).toBe('mười bốn');
    expect(numberInWords(-25)).toBe('âm hai mươi lăm');
  });

  test('refuses what it cannot read', () => {
    expect(() => amountInWords(Number.NaN)).toThrow('AMOUNT_NOT_FINITE');
    expect(() => amountInWords(1e20)).toThrow('AMOUNT_TOO_LARGE');
  });
});
