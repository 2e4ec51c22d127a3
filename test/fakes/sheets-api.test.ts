// Fidelity of the Sheets API advanced service fake: grid-bounded ranges, trimmed values, serial dates, RAW vs USER_ENTERED, atomic writes, append, counting, faults.

import { createGoogle, type GasGlobals } from '../../fakes';
import { interleave, runEntry } from '../../fakes/harness';

const ACT = 'Hoạt động';

/** A container with 'Hoạt động' of 1000×16 (like the tracker's data sheet) next to the default Sheet1 of 1000×26. */
function setup(opts: Parameters<typeof createGoogle>[0] = {}) {
  const google = createGoogle({ now: () => new Date('2025-03-10T03:00:00Z'), ...opts });
  const exec = google.newExecution({ kind: 'menu' });
  const g = google.gas(exec);
  const ss = g.SpreadsheetApp.getActiveSpreadsheet();
  const act = ss.insertSheet(ACT);
  act.deleteColumns(17, 10);
  const id = ss.getId();
  return { google, exec, g, ss, act, sheet1: ss.getSheetByName('Sheet1')!, id, values: values(g) };
}

function values(g: GasGlobals) {
  return g.Sheets!.Spreadsheets!.Values!;
}

describe('reading: batchGet and get', () => {
  test('one batchGet reads several whole sheets; range tells the grid size, values are trimmed', () => {
    const { act, sheet1, id, values } = setup();
    act.getRange('A1:D1').setValues([['Mã', 'Tên', '', 'Ghi chú']]);
    act.getRange('A2:B2').setValues([[1, 'An']]);
    act.getRange('A4').setValue(3); // row 3 left empty in the middle
    sheet1.getRange('B2').setValue('x');

    const res = values.batchGet(id, { ranges: [`'${ACT}'`, 'Sheet1', 'Sheet1!D5:E9'], valueRenderOption: 'UNFORMATTED_VALUE' });

    expect(res.spreadsheetId).toBe(id);
    expect(res.valueRanges!.map((v) => v.range)).toEqual([`'${ACT}'!A1:P1000`, 'Sheet1!A1:Z1000', 'Sheet1!D5:E9']);
    expect(res.valueRanges![0]).toEqual({
      range: `'${ACT}'!A1:P1000`,
      majorDimension: 'ROWS',
      values: [['Mã', 'Tên', '', 'Ghi chú'], [1, 'An'], [], [3]],
    });
    expect(res.valueRanges![1].values).toEqual([[], ['', 'x']]);
    // An empty range has no `values` at all.
    expect(res.valueRanges![2]).toEqual({ range: 'Sheet1!D5:E9', majorDimension: 'ROWS' });
  });

  test('open ranges are bounded by the grid; get answers one ValueRange', () => {
    const { act, id, values } = setup();
    act.getRange('B3').setValue('b3');
    expect(values.get(id, `'${ACT}'!A2:C`).range).toBe(`'${ACT}'!A2:C1000`);
    expect(values.get(id, `'${ACT}'!A:P`)).toEqual({ range: `'${ACT}'!A1:P1000`, majorDimension: 'ROWS', values: [[], [], ['', 'b3']] });
    expect(values.get(id, `'${ACT}'!B3`)).toEqual({ range: `'${ACT}'!B3`, majorDimension: 'ROWS', values: [['b3']] });
    expect(values.get(id, `'${ACT}'!A1:C3`, { majorDimension: 'COLUMNS' }).values).toEqual([[], ['', '', 'b3']]);
  });

  test('dates come back as serial numbers in the spreadsheet time zone, or as their formatted string', () => {
    const { act, id, values } = setup();
    act.getRange('A1:A2').setNumberFormat('dd/mm/yyyy');
    act.getRange('A1').setValue('05/03/2024'); // typed in vi_VN: 5 March 2024, Asia/Ho_Chi_Minh
    act.getRange('A2').setValue(new Date('2024-03-05T05:00:00Z')); // 12:00 in Hồ Chí Minh
    act.getRange('B1').setValue('05/03/2024 08:30'); // no number format set: a date-time cell

    const serial = values.get(id, `'${ACT}'!A1:B2`, { valueRenderOption: 'UNFORMATTED_VALUE' });
    expect(serial.values).toEqual([
      [45356, 45356 + 8.5 / 24],
      [45356.5],
    ]);
    const strings = values.get(id, `'${ACT}'!A1:B2`, { valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'FORMATTED_STRING' });
    expect(strings.values).toEqual([['05/03/2024', '05/03/2024 08:30:00'], ['05/03/2024']]);
  });

  test('a serial number written into a dd/mm/yyyy cell reads back through SpreadsheetApp as the Date it stands for', () => {
    const { act, id, values } = setup();
    act.getRange('C2:C3').setNumberFormat('dd/mm/yyyy');
    values.batchUpdate({ valueInputOption: 'RAW', data: [{ range: `'${ACT}'!C2:C3`, values: [[45357], [45357.75]] }] }, id);
    const [[d1], [d2]] = act.getRange('C2:C3').getValues() as Date[][];
    expect(d1).toBeInstanceOf(Date);
    expect(d1.toISOString()).toBe('2024-03-05T17:00:00.000Z'); // 06/03/2024 00:00 +07:00
    expect(d2.toISOString()).toBe('2024-03-06T11:00:00.000Z'); // 06/03/2024 18:00 +07:00
    expect(act.getRange('C2').getDisplayValue()).toBe('06/03/2024');
    // ... and back through the API as the same serial.
    expect(values.get(id, `'${ACT}'!C2:C3`, { valueRenderOption: 'UNFORMATTED_VALUE' }).values).toEqual([[45357], [45357.75]]);
  });

  test('UNFORMATTED_VALUE gives typed values, FORMATTED_VALUE the display strings, FORMULA the formulas', () => {
    const { act, id, values } = setup();
    act.getRange('A1:D1').setValues([[1250.5, true, 'chữ', '=A1*2']]);
    act.getRange('A1').setNumberFormat('#,##0.00');
    act.getRange('E1').setValue('05/03/2024');
    const range = `'${ACT}'!A1:E1`;

    expect(values.get(id, range, { valueRenderOption: 'UNFORMATTED_VALUE' }).values).toEqual([[1250.5, true, 'chữ', 2501, 45356]]);
    expect(values.get(id, range).values).toEqual([['1.250,50', 'TRUE', 'chữ', '2501', '05/03/2024']]);
    expect(values.get(id, range).values).toEqual(act.getRange('A1:E1').getDisplayValues());
    expect(values.get(id, range, { valueRenderOption: 'FORMULA' }).values).toEqual([[1250.5, true, 'chữ', '=A1*2', 45356]]);
  });

  test("sheet names with an apostrophe are quoted and the ' doubled, both ways", () => {
    const { ss, id, values } = setup();
    ss.insertSheet("Nhóm's plan").getRange('A1').setValue('ok');
    const res = values.batchGet(id, { ranges: ["'Nhóm''s plan'!A1:B2", "'Nhóm''s plan'"] });
    expect(res.valueRanges!.map((v) => v.range)).toEqual(["'Nhóm''s plan'!A1:B2", "'Nhóm''s plan'!A1:Z1000"]);
    expect(res.valueRanges![0].values).toEqual([['ok']]);
  });

  test('a range the API cannot parse fails the whole batchGet with its message', () => {
    const { id, values } = setup();
    expect(() => values.batchGet(id, { ranges: ['Sheet1', "'Nope'!A1"] })).toThrow("API call to sheets.spreadsheets.values.batchGet failed with error: Unable to parse range: 'Nope'!A1");
    expect(() => values.get(id, "'Nope'")).toThrow("API call to sheets.spreadsheets.values.get failed with error: Unable to parse range: 'Nope'");
    expect(() => values.get(id, `'${ACT}'!A1:Q2`)).toThrow(`API call to sheets.spreadsheets.values.get failed with error: Range ('${ACT}'!A1:Q2) exceeds grid limits. Max rows: 1000, max columns: 16`);
    expect(() => values.batchGet('1SsNoSuchSpreadsheet', { ranges: ['Sheet1'] })).toThrow('API call to sheets.spreadsheets.values.batchGet failed with error: Requested entity was not found.');
  });
});

describe('writing: batchUpdate', () => {
  test('RAW stores strings as given; USER_ENTERED reads them as typed, like setValues', () => {
    const { act, id, values } = setup();
    const row = ['=1+1', "'abc", '1.250', 'TRUE', '05/03/2024'];
    values.batchUpdate({ valueInputOption: 'RAW', data: [{ range: `'${ACT}'!A1:E1`, values: [row] }] }, id);
    values.batchUpdate({ valueInputOption: 'USER_ENTERED', data: [{ range: `'${ACT}'!A2:E2`, values: [row] }] }, id);

    expect(act.getRange('A1:E1').getValues()).toEqual([['=1+1', "'abc", '1.250', 'TRUE', '05/03/2024']]);
    expect(act.getRange('A1').getFormula()).toBe('');
    expect(act.getRange('A2:E2').getValues()).toEqual([[2, 'abc', 1250, true, new Date('2024-03-04T17:00:00Z')]]);
    expect(act.getRange('A2').getFormula()).toBe('=1+1');
    // USER_ENTERED strings land exactly as the same strings given to setValues.
    act.getRange('A3:E3').setValues([row]);
    expect(act.getRange('A3:E3').getValues()).toEqual(act.getRange('A2:E2').getValues());
  });

  test('null leaves a cell unchanged, "" clears it; only the values\' extent is written; the response counts it', () => {
    const { act, id, values } = setup();
    act.getRange('A1:C1').setValues([['giữ', 'xóa', 'cũ']]);
    const res = values.batchUpdate(
      {
        valueInputOption: 'RAW',
        data: [
          { range: `'${ACT}'!A1:P10`, values: [[null, '', 'mới'], [7]] },
          { range: 'Sheet1!B2', values: [[1, 2]] },
        ],
      },
      id,
    );
    expect(act.getRange('A1:C2').getValues()).toEqual([
      ['giữ', '', 'mới'],
      [7, '', ''],
    ]);
    expect(res).toEqual({
      spreadsheetId: id,
      totalUpdatedRows: 3,
      totalUpdatedColumns: 5,
      totalUpdatedCells: 6,
      totalUpdatedSheets: 2,
      responses: [
        { spreadsheetId: id, updatedRange: `'${ACT}'!A1:C2`, updatedRows: 2, updatedColumns: 3, updatedCells: 4 },
        { spreadsheetId: id, updatedRange: 'Sheet1!B2:C2', updatedRows: 1, updatedColumns: 2, updatedCells: 2 },
      ],
    });
  });

  test('one range past the grid fails the whole batch and nothing is written; the grid does not grow', () => {
    const { act, sheet1, id, values } = setup();
    const batch = {
      valueInputOption: 'USER_ENTERED',
      data: [
        { range: 'Sheet1!A1', values: [['trước']] },
        { range: `'${ACT}'!A1001:P1001`, values: [Array(16).fill('x')] },
      ],
    };
    expect(() => values.batchUpdate(batch, id)).toThrow(`API call to sheets.spreadsheets.values.batchUpdate failed with error: Range ('${ACT}'!A1001:P1001) exceeds grid limits. Max rows: 1000, max columns: 16`);
    expect(sheet1.getRange('A1').getValue()).toBe('');
    expect(act.getMaxRows()).toBe(1000);
    expect(act.getLastRow()).toBe(0);
  });

  test('values larger than their range, a missing valueInputOption and bad values are refused like Google', () => {
    const { act, id, values } = setup();
    const write = (range: string, vals: unknown[][], opt?: string) => () => values.batchUpdate({ valueInputOption: opt, data: [{ range, values: vals }] }, id);
    expect(write('Sheet1!A2:C400', Array(400).fill([1]), 'RAW')).toThrow('API call to sheets.spreadsheets.values.batchUpdate failed with error: Requested writing within range [Sheet1!A2:C400], but tried writing to row [401]');
    expect(write('Sheet1!A1:B1', [[1, 2, 3]], 'RAW')).toThrow('Requested writing within range [Sheet1!A1:B1], but tried writing to column [C]');
    // A single cell is an anchor: the values may extend from it, but not past the grid.
    expect(write(`'${ACT}'!O1`, [[1, 2, 3]], 'RAW')).toThrow(`Range ('${ACT}'!O1:Q1) exceeds grid limits. Max rows: 1000, max columns: 16`);
    expect(write('Sheet1!A1', [[1]])).toThrow('API call to sheets.spreadsheets.values.batchUpdate failed with error: Invalid valueInputOption: INPUT_VALUE_OPTION_UNSPECIFIED');
    expect(write('Sheet1!A1', [[{ a: 1 }]], 'RAW')).toThrow('Invalid values[0][0]: struct_value');
    expect(act.getLastRow()).toBe(0);
  });
});

describe('writing: append', () => {
  test('appends below the last non-empty row and grows the grid', () => {
    const { act, id, values } = setup();
    act.getRange('A1:C3').setValues([
      ['Mã', 'Tên', 'Ngày'],
      [1, 'An', ''],
      [2, 'Bình', ''],
    ]);
    act.deleteRows(4, 997);
    expect(act.getMaxRows()).toBe(3);

    const res = values.append({ values: [[3, 'Chi', '05/03/2024'], [4, 'Dũng']] }, id, `'${ACT}'!A1`, { valueInputOption: 'USER_ENTERED' });

    expect(res).toEqual({
      spreadsheetId: id,
      tableRange: `'${ACT}'!A1:C3`,
      updates: { spreadsheetId: id, updatedRange: `'${ACT}'!A4:C5`, updatedRows: 2, updatedColumns: 3, updatedCells: 5 },
    });
    expect(act.getMaxRows()).toBe(5);
    expect(act.getRange('A4:C5').getValues()).toEqual([
      [3, 'Chi', new Date('2024-03-04T17:00:00Z')],
      [4, 'Dũng', ''],
    ]);
  });

  test('INSERT_ROWS adds rows for the data even when the grid has room; valueInputOption is required', () => {
    const { act, id, values } = setup();
    act.getRange('A1').setValue('đầu');
    values.append({ values: [['=1+1']] }, id, `'${ACT}'`, { valueInputOption: 'RAW', insertDataOption: 'INSERT_ROWS' });
    expect(act.getMaxRows()).toBe(1001);
    expect(act.getRange('A2').getValue()).toBe('=1+1');
    expect(() => values.append({ values: [['x']] }, id, `'${ACT}'!A1`, {})).toThrow("API call to sheets.spreadsheets.values.append failed with error: 'valueInputOption' is required but not specified");
    expect(act.getLastRow()).toBe(2);
  });

  test('two runs appending at once both land, one after the other', () => {
    const google = createGoogle({ now: () => new Date('2025-03-10T03:00:00Z') });
    const code = `
      function add(name) {
        var id = SpreadsheetApp.getActiveSpreadsheet().getId();
        var res = Sheets.Spreadsheets.Values.append({ values: [[name]] }, id, "'Sheet1'!A1", { valueInputOption: 'RAW' });
        return res.updates.updatedRange;
      }`;
    const r = interleave(google, code, { fn: 'add', args: ['An'] }, { fn: 'add', args: ['Bình'] }, { method: 'Sheets.Spreadsheets.Values.append' });
    expect([r.first, r.second]).toEqual(['Sheet1!A1', 'Sheet1!A2']);
    expect(google.sheetValues(google.activeSpreadsheetId!, 'Sheet1')).toEqual([['An'], ['Bình']]);
  });
});

describe('counting, faults, permissions, installation', () => {
  test('one call per batchGet whatever the number of ranges; reaching Sheets.Spreadsheets.Values is free', () => {
    const { google, g, id } = setup();
    google.resetCalls();
    const v = g.Sheets!.Spreadsheets.Values;
    v.batchGet(id, { ranges: ['Sheet1', `'${ACT}'`, 'Sheet1!A1:B2'] });
    v.get(id, 'Sheet1!A1');
    v.batchUpdate({ valueInputOption: 'RAW', data: [{ range: 'Sheet1!A1', values: [[1]] }] }, id);
    v.append({ values: [[2]] }, id, 'Sheet1', { valueInputOption: 'RAW' });
    expect(google.calls()).toEqual({
      'Sheets.Spreadsheets.Values.batchGet': 1,
      'Sheets.Spreadsheets.Values.get': 1,
      'Sheets.Spreadsheets.Values.batchUpdate': 1,
      'Sheets.Spreadsheets.Values.append': 1,
    });
  });

  test('failOn injects a transient API error into the nth batchGet; onCall hooks see the calls', () => {
    const { google, id, values } = setup();
    const seen: number[] = [];
    const off = google.onCall('Sheets.Spreadsheets.Values.batchGet', ({ count }) => seen.push(count));
    google.failOn('Sheets.Spreadsheets.Values.batchGet', 2);
    values.batchGet(id, { ranges: ['Sheet1'] });
    expect(() => values.batchGet(id, { ranges: ['Sheet1'] })).toThrow('API call to sheets.spreadsheets.values.batchGet failed with error: The service is currently unavailable.');
    expect(values.batchGet(id, { ranges: ['Sheet1'] }).valueRanges).toHaveLength(1);
    expect(google.faultsFired()).toBe(1);
    off();
    expect(seen).toEqual([1, 3]); // the failed call is counted but its hook does not run
  });

  test('AuthMode.NONE and simple triggers are refused the advanced service', () => {
    const { google, id } = setup();
    for (const ctx of [{ kind: 'simpleTrigger' as const, authMode: 'NONE' as const }, { kind: 'simpleTrigger' as const, authMode: 'LIMITED' as const }]) {
      const v = google.gas(google.newExecution(ctx)).Sheets!.Spreadsheets.Values;
      expect(() => v.batchGet(id, { ranges: ['Sheet1'] })).toThrow('You do not have permission to call Sheets.Spreadsheets.Values.batchGet. Required permissions: https://www.googleapis.com/auth/spreadsheets');
    }
  });

  test('without Sheets in advancedServices the run has no Sheets global, as when the manifest does not enable it', () => {
    const code = 'function probe() { return typeof Sheets; }';
    const without = createGoogle({ advancedServices: [] });
    expect('Sheets' in without.newExecution().globals).toBe(false);
    expect(runEntry(without, code, 'probe')).toBe('undefined');
    expect(runEntry(createGoogle(), code, 'probe')).toBe('object');
    expect(runEntry(createGoogle({ advancedServices: ['Sheets'] }), code, 'probe')).toBe('object');
  });

  test('inside the script realm, answers are realm arrays and errors realm Errors', () => {
    const google = createGoogle();
    google.gas(google.newExecution()).SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue(5);
    const code = `
      function read() {
        var id = SpreadsheetApp.getActiveSpreadsheet().getId();
        var r = Sheets.Spreadsheets.Values.get(id, 'Sheet1!A1:B2', { valueRenderOption: 'UNFORMATTED_VALUE' });
        var err;
        try { Sheets.Spreadsheets.Values.get(id, 'Nope!A1'); } catch (e) { err = e instanceof Error && e.message; }
        return [r.values instanceof Array, r.values[0][0], r.range, err];
      }`;
    expect(runEntry(google, code, 'read')).toEqual([true, 5, 'Sheet1!A1:B2', 'API call to sheets.spreadsheets.values.get failed with error: Unable to parse range: Nope!A1']);
  });
});
