// Fidelity of the SpreadsheetApp fake: 1-based ranges, empty cells, dimension errors, typed input, formats, counting, faults.

import { createGoogle, type GasGlobals } from '../../fakes';

function setup(opts: Parameters<typeof createGoogle>[0] = {}) {
  const google = createGoogle({ now: () => new Date('2025-03-10T03:00:00Z'), ...opts });
  const exec = google.newExecution({ kind: 'menu' });
  const g = google.gas(exec);
  const ss = g.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0];
  return { google, exec, g, ss, sheet };
}

describe('ranges and values', () => {
  test('1-based indexes, getLastRow 0 on an empty sheet, "" for empty cells', () => {
    const { sheet } = setup();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
    expect(sheet.getRange(1, 1, 2, 2).getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
    sheet.getRange(2, 3).setValue(7);
    expect(sheet.getRange('C2').getValue()).toBe(7);
    expect(sheet.getRange(2, 3).getA1Notation()).toBe('C2');
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C2');
  });

  test('out-of-range indexes throw like Apps Script', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
  });

  test('setValues dimension mismatch messages', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([[1, 2, 3]])).toThrow('The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.');
  });

  test('values are copies both ways', () => {
    const { sheet } = setup();
    const row = [1, 'a'];
    sheet.getRange(1, 1, 1, 2).setValues([row]);
    row[0] = 99;
    const read = sheet.getRange(1, 1, 1, 2).getValues();
    read[0][1] = 'changed';
    expect(sheet.getRange(1, 1, 1, 2).getValues()).toEqual([[1, 'a']]);
  });

  test('appendRow goes after the last row and grows the sheet', () => {
    const { sheet } = setup();
    sheet.appendRow(['id', 'name']);
    sheet.appendRow([1, 'An']);
    expect(sheet.getLastRow()).toBe(2);
    sheet.deleteRows(3, 998);
    expect(sheet.getMaxRows()).toBe(2);
    sheet.appendRow([2, 'Bình']);
    expect(sheet.getMaxRows()).toBe(3);
    expect(sheet.getRange(3, 2).getValue()).toBe('Bình');
  });

  test('insertRowsAfter shifts content', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([[1], [''], [''], [2], [3]]);
    sheet.deleteRow(2);
    expect(sheet.getRange('A1:A3').getValues().flat()).toEqual([1, '', 2]);
  });

  test('sheets: insert, duplicate names, lookup, delete', () => {
    const { ss } = setup();
    const s = ss.insertSheet('Hoạt động');
    expect(ss.getSheetByName('Hoạt động')!.getSheetId()).toBe(s.getSheetId());
    expect(() => ss.insertSheet('Hoạt động')).toThrow('A sheet with the name "Hoạt động" already exists. Please enter another name.');
    expect(ss.getSheetByName('none')).toBeNull();
    expect(ss.getRange('Hoạt động!B2').getSheet().getName()).toBe('Hoạt động');
    expect(ss.getRange("'Hoạt động'!B2:C3").getNumRows()).toBe(2);
    ss.deleteSheet(s);
    expect(ss.getSheets().length).toBe(1);
  });
});

describe('typed input interpretation (vi_VN)', () => {
  test('formulas, numbers, dates, booleans, apostrophe, @ format', () => {
    const { sheet } = setup();
    const r = sheet.getRange(1, 1, 1, 8);
    r.setValues([['=HYPERLINK("https://x.vn","Mở")', '001', '1.250', '1,5', '31/12/2024', 'TRUE', "'001", '+84 abc']]);
    const v = r.getValues()[0];
    expect(v[0]).toBe('Mở');
    expect(r.getFormulas()[0][0]).toBe('=HYPERLINK("https://x.vn","Mở")');
    expect(v[1]).toBe(1);
    expect(v[2]).toBe(1250);
    expect(v[3]).toBe(1.5);
    expect(Object.prototype.toString.call(v[4])).toBe('[object Date]');
    // Midnight in the spreadsheet time zone (Asia/Ho_Chi_Minh, UTC+7).
    expect((v[4] as Date).toISOString()).toBe('2024-12-30T17:00:00.000Z');
    expect(v[5]).toBe(true);
    expect(v[6]).toBe('001');
    // Sheets parses a leading + or - as a formula: a phone number typed as text breaks.
    expect(v[7]).toBe('#ERROR!');
    expect(r.getFormulas()[0][7]).toBe('=+84 abc');

    const t = sheet.getRange('A2');
    t.setNumberFormat('@');
    t.setValue('001');
    expect(t.getValue()).toBe('001');
    sheet.getRange('B2').setValue('-abc');
    expect(sheet.getRange('B2').getFormula()).toBe('=-abc');
  });

  test('en_US reads the separators the other way round', () => {
    const { ss, sheet } = setup();
    ss.setSpreadsheetLocale('en_US');
    sheet.getRange('A1:C1').setValues([['1,250', '1.5', '12/31/2024']]);
    const v = sheet.getRange('A1:C1').getValues()[0];
    expect(v[0]).toBe(1250);
    expect(v[1]).toBe(1.5);
    expect((v[2] as Date).toISOString()).toBe('2024-12-30T17:00:00.000Z');
  });

  test('a JS Date is stored as an instant and read back as a Date', () => {
    const { sheet } = setup();
    const d = new Date('2025-01-02T03:04:05Z');
    sheet.getRange('A1').setValue(d);
    const back = sheet.getRange('A1').getValue() as Date;
    expect(back.getTime()).toBe(d.getTime());
    expect(back).not.toBe(d);
  });

  test('simple formulas compute', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setFormula('=SUM(A1:A3)*2');
    sheet.getRange('B2').setFormula('=A1&"-"&A2');
    sheet.getRange('B3').setFormula('=FOO(1)');
    expect(sheet.getRange('B1:B3').getValues().flat()).toEqual([12, '1-2', '#NAME?']);
  });
});

describe('display values and number formats', () => {
  test('dd/mm/yyyy, grouped currency, percent, default', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:D1');
    r.setValues([[new Date('2024-12-31T00:00:00+07:00'), 1234567, 0.125, 3.5]]);
    r.setNumberFormats([['dd/mm/yyyy', '#,##0 "đ"', '0.00%', 'General']]);
    expect(r.getDisplayValues()).toEqual([['31/12/2024', '1.234.567 đ', '12,50%', '3,5']]);
    expect(r.getNumberFormats()[0][1]).toBe('#,##0 "đ"');
  });
});

describe('formats, notes, validation, protection, charts', () => {
  test('data validation reads back its criteria', () => {
    const { g, sheet } = setup();
    const rule = g.SpreadsheetApp.newDataValidation().requireValueInList(['Mở', 'Đóng'], true).setAllowInvalid(false).setHelpText('Chọn').build();
    sheet.getRange('A2:A10').setDataValidation(rule);
    const back = sheet.getRange('A5').getDataValidation()!;
    expect(back.getCriteriaType()).toBe(g.SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST);
    expect(back.getCriteriaValues()).toEqual([['Mở', 'Đóng'], true]);
    expect(back.getAllowInvalid()).toBe(false);
    expect(back.getHelpText()).toBe('Chọn');
    expect(sheet.getRange('A1').getDataValidation()).toBeNull();
    const byRange = g.SpreadsheetApp.newDataValidation().requireValueInRange(sheet.getRange('Z1:Z5')).build();
    expect((byRange.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range).getA1Notation()).toBe('Z1:Z5');
  });

  test('notes, backgrounds, protections, charts', () => {
    const { google, g, sheet } = setup();
    sheet.getRange('A1').setNote('ghi chú').setBackground('#ff0000').setFontWeight('bold');
    expect(sheet.getRange('A1').getNote()).toBe('ghi chú');
    expect(sheet.getRange('A1:B1').getBackgrounds()).toEqual([['#ff0000', '#ffffff']]);
    const p = sheet.protect().setDescription('Khoá').setWarningOnly(true);
    expect(p.isWarningOnly()).toBe(true);
    expect(sheet.getProtections(g.SpreadsheetApp.ProtectionType.SHEET)[0].getDescription()).toBe('Khoá');
    const chart = sheet.newChart().setChartType(g.Charts.ChartType.COLUMN).addRange(sheet.getRange('A1:B3')).setPosition(5, 5, 0, 0).setOption('title', 'T').build();
    sheet.insertChart(chart);
    expect(sheet.getCharts().length).toBe(1);
    // Fakes talking to each other (the builder reading the range) are not counted as script calls.
    expect(google.calls()['SpreadsheetApp.Range.getA1Notation']).toBeUndefined();
    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts().length).toBe(0);
  });
});

describe('counting and faults', () => {
  test('every call is counted by Service.Class.method; cells moved are counted', () => {
    const { google, sheet } = setup();
    google.resetCalls();
    sheet.getRange(1, 1, 2, 3).setValues([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    sheet.getRange(1, 1, 2, 3).getValues();
    sheet.appendRow([1, 2]);
    const calls = google.calls();
    expect(calls['SpreadsheetApp.Sheet.getRange']).toBe(2);
    expect(calls['SpreadsheetApp.Range.setValues']).toBe(1);
    expect(calls['SpreadsheetApp.Range.getValues']).toBe(1);
    expect(calls['SpreadsheetApp.Sheet.appendRow']).toBe(1);
    expect(google.cells()).toEqual({ read: 6, written: 8 });
  });

  test('failOn fires once, on the nth call from now', () => {
    const { google, sheet, ss } = setup();
    sheet.getRange('A1').getValue();
    google.failOn('SpreadsheetApp.Range.getValue', 2);
    expect(() => sheet.getRange('A1').getValue()).not.toThrow();
    expect(() => sheet.getRange('A1').getValue()).toThrow(`Service Spreadsheets timed out while accessing document with id ${ss.getId()}.`);
    expect(() => sheet.getRange('A1').getValue()).not.toThrow();
    expect(google.faultsFired()).toBe(1);
    google.failOn('MailApp.sendEmail', 1, 'Address unavailable: smtp');
  });

  test('onCall hook runs after the call', () => {
    const { google, sheet } = setup();
    const seen: number[] = [];
    const off = google.onCall('SpreadsheetApp.Range.setValue', ({ count }) => seen.push(count));
    sheet.getRange('A1').setValue(1);
    sheet.getRange('A1').setValue(2);
    off();
    sheet.getRange('A1').setValue(3);
    expect(seen).toEqual([1, 2]);
  });
});

describe('execution kinds', () => {
  test('timeTrigger: no active spreadsheet, getUi throws, openById works, no document lock', () => {
    const google = createGoogle();
    const id = google.activeSpreadsheetId!;
    const g: GasGlobals = google.gas(google.newExecution({ kind: 'timeTrigger' }));
    expect(g.SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
    expect(() => g.SpreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(g.SpreadsheetApp.openById(id).getId()).toBe(id);
    expect(g.LockService.getDocumentLock()).toBeNull();
    expect(g.LockService.getScriptLock()).not.toBeNull();
  });

  test('AuthMode NONE: menus yes, data and properties no', () => {
    const google = createGoogle();
    const exec = google.newExecution({ kind: 'simpleTrigger', authMode: 'NONE' });
    const g = google.gas(exec);
    g.SpreadsheetApp.getUi().createAddonMenu().addItem('Mở', 'openSidebar').addToUi();
    expect(exec.ui.menus[0].items).toEqual([{ caption: 'Mở', functionName: 'openSidebar' }]);
    expect(() => g.PropertiesService.getScriptProperties()).toThrow(/You do not have permission to call PropertiesService.getScriptProperties/);
    expect(() => g.SpreadsheetApp.getActiveSpreadsheet()).toThrow(/You do not have permission/);
  });

  test('simple trigger: no mail, empty active user', () => {
    const google = createGoogle();
    const g = google.gas(google.newExecution({ kind: 'simpleTrigger', authMode: 'LIMITED' }));
    expect(g.Session.getActiveUser().getEmail()).toBe('');
    expect(() => g.MailApp.sendEmail('a@b.vn', 's', 'b')).toThrow(/permission/);
    expect(g.SpreadsheetApp.getActiveSpreadsheet()!.getName()).toBe('LHH Tracker');
  });
});
