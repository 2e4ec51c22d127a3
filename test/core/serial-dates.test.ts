// Dates as the Sheets API gives and takes them: serial numbers in the spreadsheet's time zone.
import { dateToSerial, serialToDate } from '../../src/core/cells';
import { gridRows, quoteSheet } from '../../src/server/sheets-api';

const VN = 'Asia/Ho_Chi_Minh';

describe('serial numbers, the Sheets API form of a date', () => {
  test('05/03/2024 in Hà Nội is serial 45356, whatever the machine clock zone', () => {
    expect(dateToSerial(new Date('2024-03-05T00:00:00+07:00'), VN)).toBe(45356);
    expect(serialToDate(45356, VN).toISOString()).toBe('2024-03-04T17:00:00.000Z');
  });

  test('a time of day is the fraction: 05/07/2024 09:00 is 45478.375', () => {
    expect(dateToSerial(new Date('2024-07-05T09:00:00+07:00'), VN)).toBe(45478.375);
    expect(serialToDate(45478.375, VN).toISOString()).toBe('2024-07-05T02:00:00.000Z');
  });

  test('round trip keeps every second of a year, and the serial epoch is 30/12/1899', () => {
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 7 * 3600 * 1000 + 13 * 1000) {
      expect(serialToDate(dateToSerial(new Date(t), VN), VN).getTime()).toBe(t);
    }
    expect(serialToDate(0, 'UTC').toISOString()).toBe('1899-12-30T00:00:00.000Z');
  });

  test('a zone with summer time reads the offset of the day itself', () => {
    expect(serialToDate(dateToSerial(new Date('2024-07-01T12:00:00Z'), 'Europe/Paris'), 'Europe/Paris').toISOString()).toBe('2024-07-01T12:00:00.000Z');
    expect(dateToSerial(new Date('2024-01-15T00:00:00+01:00'), 'Europe/Paris')).toBe(45306);
  });
});

describe('A1 notation for the Sheets API', () => {
  test('sheet names are quoted, an apostrophe doubled', () => {
    expect(quoteSheet('Hoạt động')).toBe("'Hoạt động'");
    expect(quoteSheet("Kế hoạch '24")).toBe("'Kế hoạch ''24'");
  });

  test('the grid height is read from the range the API echoes', () => {
    expect(gridRows("'Hoạt động'!A1:P1000")).toBe(1000);
    expect(gridRows("'Kế hoạch ''24'!A1:C52")).toBe(52);
    expect(gridRows('Sheet1!A1')).toBe(1);
    expect(gridRows(undefined)).toBe(0);
  });
});
