// Typing a new row by hand, cell by cell: only wrong cells turn red; the required cells still empty are marked softly ("cần nhập").
import { ADMIN, world, type World } from '../support/bundle';

/** Types one cell as a user would, then runs onEdit on it as Sheets does. */
function type(w: World, sheetName: string, a1: string, value: string) {
  const exec = w.google.newExecution({ kind: 'local', user: ADMIN });
  w.google.gas(exec).SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName)!.getRange(a1).setValue(value);
  exec.end();
  const trig = w.google.newExecution({ kind: 'simpleTrigger', authMode: 'LIMITED', user: '' });
  const range = w.google.gas(trig).SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName)!.getRange(a1);
  trig.end();
  w.run('onEdit', [{ range, authMode: 'LIMITED', source: null }], { kind: 'simpleTrigger', authMode: 'LIMITED', user: '' });
}

/** Note and background of each cell of a row, by A1. */
function row(w: World, sheetName: string, a1: string): Record<string, { note: string; bg: string }> {
  const exec = w.google.newExecution({ kind: 'local', user: ADMIN });
  const r = w.google.gas(exec).SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName)!.getRange(a1);
  const notes = r.getNotes()[0];
  const bgs = r.getBackgrounds()[0];
  exec.end();
  const out: Record<string, { note: string; bg: string }> = {};
  notes.forEach((n, i) => (out[String.fromCharCode(65 + r.getColumn() - 1 + i)] = { note: n, bg: bgs[i] }));
  return out;
}

const SOFT = '#eaf1fb';
const RED = '#fce8e6';
const WHITE = '#ffffff';

describe('a văn thư types a new activity into "Hoạt động" cell by cell', () => {
  const w = world({ now: '2024-03-20T10:00:00+07:00' });

  test('the first cell typed: nothing red; Ngày, Tên hoạt động and Số lượng say "Cần nhập" softly; Năm (filled in by the add-on) says nothing', () => {
    type(w, 'Hoạt động', 'C2', 'P2.1');
    const r = row(w, 'Hoạt động', 'A2:F2');
    expect(r.C).toEqual({ note: '', bg: WHITE });
    expect(r.D).toEqual({ note: 'LHH Tracker: Cần nhập Ngày. Dòng được tính vào tổng hợp khi nhập đủ.', bg: SOFT });
    expect(r.E).toEqual({ note: 'LHH Tracker: Cần nhập Tên hoạt động. Dòng được tính vào tổng hợp khi nhập đủ.', bg: SOFT });
    expect(r.F).toEqual({ note: 'LHH Tracker: Cần nhập Số lượng. Dòng được tính vào tổng hợp khi nhập đủ.', bg: SOFT });
    expect(r.A).toEqual({ note: '', bg: WHITE });
    expect(r.B).toEqual({ note: '', bg: WHITE });
  });

  test('a date that does not exist is the one red cell; the cells still to type stay soft', () => {
    type(w, 'Hoạt động', 'D2', '31/02/2024');
    const r = row(w, 'Hoạt động', 'C2:F2');
    expect(r.D).toEqual({ note: '⚠ LHH Tracker: Ngày 31/02/2024 không có thật. Dòng này không được tính vào tổng hợp cho đến khi sửa.', bg: RED });
    expect(r.E.bg).toBe(SOFT);
    expect(r.F.bg).toBe(SOFT);
    expect(Object.values(r).filter((c) => c.bg === RED)).toHaveLength(1);
  });

  test('once every cell is typed the marks go, the row gets its id and counts', () => {
    type(w, 'Hoạt động', 'D2', '15/03/2024');
    type(w, 'Hoạt động', 'E2', 'Phản biện Đề án nước sạch nông thôn');
    expect(row(w, 'Hoạt động', 'D2:F2').F.bg).toBe(SOFT);
    type(w, 'Hoạt động', 'F2', '1');
    const r = row(w, 'Hoạt động', 'A2:F2');
    expect(Object.values(r)).toEqual(Array(6).fill({ note: '', bg: WHITE }));
    expect(w.sheet('Hoạt động')[1][0]).toBe('HD-2024-0001');
    expect(w.sheet('Tổng hợp').find((x) => x[0] === 'P2.1')!.slice(3, 5)).toEqual([16, 1]);
  });

  test('in "Kinh phí" too: typing the programme first marks the line\'s required cells softly, none red', () => {
    type(w, 'Kinh phí', 'C2', 'P2');
    const r = row(w, 'Kinh phí', 'A2:O2');
    expect(Object.values(r).filter((c) => c.bg === RED)).toEqual([]);
    // A hand-typed budget line carries its own Mã and Năm; Nội dung chi, Số lượng, Đơn giá, Giai đoạn are still to type.
    expect(Object.entries(r).filter(([, c]) => c.bg === SOFT).map(([k, c]) => `${k} ${c.note.split('.')[0]}`)).toEqual([
      'A LHH Tracker: Cần nhập Mã',
      'B LHH Tracker: Cần nhập Năm',
      'E LHH Tracker: Cần nhập Nội dung chi',
      'G LHH Tracker: Cần nhập Số lượng',
      'H LHH Tracker: Cần nhập Đơn giá',
      'N LHH Tracker: Cần nhập Giai đoạn',
    ]);
  });
});
