// Damaged sheets: each kind of hand damage gets a precise Vietnamese message (or is simply read right), and setup repairs it without losing a row.
import { ADMIN, world, type World } from '../support/bundle';
import { VI, LEAK, rowsOf } from './story';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const READERS: [string, unknown[]][] = [
  ['getLogView', []],
  ['getProgress', [{}]],
  ['getBudgetView', []],
  ['getDataProblems', []],
  ['previewReport', [{ kind: 'progress', from: '2024-01-01', to: '2024-06-30' }]],
];

function fixture(): { w: World; ids: string[] } {
  const w = world();
  const ok = (r: any) => {
    if (!r.ok) throw new Error(r.message);
    return r;
  };
  ok(w.call('saveSettings', { reportRecipients: ['so.khcn@bacgiang.gov.vn'] }));
  const line = ok(w.call('saveBudgetLine', { programCode: 'P2', targetCode: 'P2.1', item: 'Hội nghị tư vấn', unit: 'cuộc', quantity: 16, unitPrice: 5000000, stage: 'Dự thảo' })).id;
  ok(w.call('saveBudgetLine', { programCode: 'P3', item: 'Hội thảo khoa học', unit: 'hội thảo', quantity: 5, unitPrice: 30000000, stage: 'Dự thảo' }));
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) {
    ids.push(ok(w.call('logEvent', { targetCode: i % 2 ? 'P2.3' : 'P2.1', date: `2024-0${1 + i}-15`, title: `Hoạt động số ${i + 1}`, quantity: 1, cost: 1000000, budgetLineId: i % 2 ? '' : line })).id);
  }
  return { w, ids };
}

/** Edits the workbook as a user would by hand, through a run of its own. */
function byHand(w: World, fn: (ss: Spreadsheet) => void): void {
  const exec = w.google.newExecution({ kind: 'local', user: ADMIN });
  try {
    fn(w.google.gas(exec).SpreadsheetApp.getActiveSpreadsheet());
  } finally {
    exec.end();
  }
}

function sheetOf(ss: Spreadsheet, name: string): Sheet {
  const sh = ss.getSheetByName(name);
  if (!sh) throw new Error(`no sheet ${name}`);
  return sh;
}

function headerCol(sh: Sheet, header: string): number {
  const h = sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0];
  const i = h.indexOf(header);
  if (i < 0) throw new Error(`no header ${header}`);
  return i + 1;
}

function state(w: World): string {
  const s = w.google.state;
  return JSON.stringify([s.spreadsheets, s.docs, s.mail, s.properties]);
}

/** Headers of every data sheet of a clean workbook, as sets. */
const CLEAN = (() => {
  const w = world();
  const out: Record<string, string[]> = {};
  for (const s of ['Chương trình', 'Chỉ tiêu', 'Hoạt động', 'Kinh phí', 'Sổ văn bản', 'Nhật ký']) out[s] = (w.sheet(s)[0] as string[]).filter(Boolean);
  return out;
})();

function missingHeaders(w: World): string[] {
  const out: string[] = [];
  const names = w.google.sheetNames(w.ssId);
  for (const [s, hs] of Object.entries(CLEAN)) {
    if (!names.includes(s)) {
      out.push(`sheet ${s}`);
      continue;
    }
    const have = (w.sheet(s)[0] as unknown[]).map(String);
    for (const h of hs) if (!have.includes(h)) out.push(`${s}: ${h}`);
  }
  return out;
}

const eventIds = (w: World) => rowsOf(w.google, 'Hoạt động').map((r) => String(r['Mã']));

interface Damage {
  name: string;
  damage: (ss: Spreadsheet) => void;
  /** What every reader and writer must say, or null when the damage must simply be read through. */
  message: RegExp | null;
  /** What setup must report it repaired. */
  repaired?: RegExp;
  /**
   * Data a user moved out of the add-on's sight (a renamed header) cannot come back by itself: after
   * the repair the data check must then name every row the user has to fix.
   */
  orphaned?: string;
}

const DAMAGES: Damage[] = [
  {
    name: 'the "Ngày" header of "Hoạt động" deleted',
    damage: (ss) => {
      const sh = sheetOf(ss, 'Hoạt động');
      sh.getRange(1, headerCol(sh, 'Ngày')).setValue('');
    },
    message: /Trang tính "Hoạt động" thiếu cột bắt buộc "Ngày"/,
    repaired: /Hoạt động: Ngày/,
  },
  {
    name: 'the "Tên hoạt động" header renamed "Tên HĐ"',
    damage: (ss) => {
      const sh = sheetOf(ss, 'Hoạt động');
      sh.getRange(1, headerCol(sh, 'Tên hoạt động')).setValue('Tên HĐ');
    },
    message: /Trang tính "Hoạt động" thiếu cột bắt buộc "Tên hoạt động"/,
    repaired: /Hoạt động: Tên hoạt động/,
    orphaned: 'Tên hoạt động',
  },
  {
    name: 'the "Đơn giá" header of "Kinh phí" deleted',
    damage: (ss) => {
      const sh = sheetOf(ss, 'Kinh phí');
      sh.getRange(1, headerCol(sh, 'Đơn giá')).setValue('');
    },
    message: /Trang tính "Kinh phí" thiếu cột bắt buộc "Đơn giá"/,
    repaired: /Kinh phí: Đơn giá/,
  },
  {
    name: 'the "Kinh phí" sheet deleted',
    damage: (ss) => ss.deleteSheet(sheetOf(ss, 'Kinh phí')),
    message: /Không tìm thấy trang tính "Kinh phí"/,
  },
  {
    name: 'the "Chỉ tiêu" sheet renamed',
    damage: (ss) => sheetOf(ss, 'Chỉ tiêu').setName('Chỉ tiêu (cũ)'),
    message: /Không tìm thấy trang tính "Chỉ tiêu"/,
  },
  {
    name: 'columns of "Hoạt động" moved (Mã to the end, Ngày and Tên hoạt động swapped) with a column of the user\'s own',
    damage: (ss) => {
      const sh = sheetOf(ss, 'Hoạt động');
      const v = sh.getDataRange().getValues();
      const h = v[0].map(String);
      const [id, date, title] = ['Mã', 'Ngày', 'Tên hoạt động'].map((x) => h.indexOf(x));
      const rest = h.map((_, i) => i).filter((i) => i !== id && i !== date && i !== title);
      const order = [title, date, ...rest, id];
      const moved = v.map((row, r) => [...order.map((i) => row[i]), r === 0 ? 'Ghi chú riêng' : `ghi chú ${r}`]);
      sh.getRange(1, 1, moved.length, moved[0].length).setValues(moved);
    },
    message: null,
  },
  {
    name: 'blank rows in the middle of "Hoạt động" and "Kinh phí"',
    damage: (ss) => {
      for (const name of ['Hoạt động', 'Kinh phí']) {
        const sh = sheetOf(ss, name);
        const v = sh.getDataRange().getValues();
        const blank = v[0].map(() => '');
        const spread = [v[0], v[1], blank, blank, ...v.slice(2, 3), blank, ...v.slice(3)];
        sh.getRange(1, 1, spread.length, v[0].length).setValues(spread);
      }
    },
    message: null,
  },
];

describe.each(DAMAGES)('$name', (d) => {
  test('readers and writers answer precisely (or read through it), write nothing when they refuse, and setup repairs without losing a row', () => {
    const { w, ids } = fixture();
    const lines = rowsOf(w.google, 'Kinh phí').length;
    byHand(w, d.damage);
    // Every reader: either a result, or the precise Vietnamese message.
    for (const [fn, args] of READERS) {
      const before = state(w);
      const r = w.call(fn, ...args);
      if (d.message) {
        // A reader that does not need the damaged part may still answer; one that does must say what is wrong.
        if (!r.ok) {
          expect({ fn, message: r.message }).toEqual({ fn, message: expect.stringMatching(d.message) });
          expect(VI.test(r.message) && !LEAK.test(r.message)).toBe(true);
        }
      } else {
        expect({ fn, ok: r.ok, message: r.message }).toEqual({ fn, ok: true, message: undefined });
      }
      expect(state(w)).toBe(before);
    }
    // Writers: refuse with the message and write nothing, or (undamaged structure) write to the right columns.
    const before = state(w);
    const logged = w.call('logEvent', { targetCode: 'P3.5', date: '2024-08-20', title: 'Hội thảo sau khi sửa sheet', quantity: 1 });
    if (d.message && !logged.ok) {
      expect(logged.message).toMatch(d.message);
      expect(state(w)).toBe(before);
    } else {
      expect(logged.ok).toBe(true);
      const row = rowsOf(w.google, 'Hoạt động').find((r) => r['Mã'] === logged.id)!;
      expect(row).toMatchObject({ 'Tên hoạt động': 'Hội thảo sau khi sửa sheet', 'Mã chỉ tiêu': 'P3.5', 'Số lượng': 1, 'Trạng thái': 'Hiệu lực' });
      const view = w.call('getLogView');
      expect(view.recent.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining([...ids, logged.id]));
      expect(view.recent.find((e: { id: string }) => e.id === ids[0])).toMatchObject({ title: 'Hoạt động số 1', date: '2024-01-15' });
    }
    // Repair: setup restores every sheet and header; no event row is lost.
    const repaired = w.call('setupWorkbook');
    expect(repaired.ok).toBe(true);
    if (d.repaired) expect(repaired.repairedColumns.join('; ')).toMatch(d.repaired);
    expect(missingHeaders(w)).toEqual([]);
    expect(eventIds(w)).toEqual(expect.arrayContaining(ids));
    if (!/"Kinh phí" sheet deleted/.test(d.name)) expect(rowsOf(w.google, 'Kinh phí').length).toBeGreaterThanOrEqual(lines);
    for (const [fn, args] of READERS) expect({ fn, ok: w.call(fn, ...args).ok }).toEqual({ fn, ok: true });
    if (d.orphaned) {
      const problems = w.call('getDataProblems').problems.filter((x: { column: string }) => x.column === d.orphaned);
      expect(problems.map((x: { row: number }) => x.row)).toEqual(expect.arrayContaining([2, 3, 4, 5, 6, 7]));
    }
    const after = w.call('logEvent', { targetCode: 'P3.5', date: '2024-09-01', title: 'Sau sửa chữa', quantity: 1 });
    expect(after.ok).toBe(true);
    const all = eventIds(w);
    expect(new Set(all).size).toBe(all.length);
  });

  // Not lost from the add-on's view either: after the repair every event reads back with its title and date.
  if (!d.orphaned) test(`after the repair every event is read back with its title and date`, () => {
    const { w, ids } = fixture();
    byHand(w, d.damage);
    expect(w.call('setupWorkbook').ok).toBe(true);
    const view = w.call('getLogView');
    const seen = Object.fromEntries(view.recent.map((e: { id: string; title: string; date: string }) => [e.id, `${e.title} ${e.date}`]));
    expect(ids.map((id) => seen[id])).toEqual(ids.map((_, i) => `Hoạt động số ${i + 1} 2024-0${1 + i}-15`));
  });
});

describe('text in number cells and a bad date, typed by hand', () => {
  test('the data check names each bad cell; counts skip those rows; nothing else is lost', () => {
    const { w, ids } = fixture();
    byHand(w, (ss) => {
      const sh = sheetOf(ss, 'Hoạt động');
      sh.getRange(3, headerCol(sh, 'Số lượng')).setValue('ba');
      sh.getRange(4, headerCol(sh, 'Chi phí')).setValue('1 triệu rưỡi');
      sh.getRange(5, headerCol(sh, 'Ngày')).setValue('31/02/2024');
      const kp = sheetOf(ss, 'Kinh phí');
      kp.getRange(2, headerCol(kp, 'Đơn giá')).setValue('năm triệu');
    });
    const before = state(w);
    const p = w.call('getDataProblems');
    expect(p.ok).toBe(true);
    const got = p.problems.map((x: { sheet: string; row: number; column: string; message: string }) => `${x.sheet}!${x.row} ${x.column}`);
    expect(got).toEqual(expect.arrayContaining(['Hoạt động!3 Số lượng', 'Hoạt động!4 Chi phí', 'Hoạt động!5 Ngày', 'Kinh phí!2 Đơn giá']));
    for (const x of p.problems) expect(VI.test(x.message) && !LEAK.test(x.message)).toBe(true);
    // The sidebars still open; the rows with bad cells are left out, the others count.
    for (const [fn, args] of READERS) expect({ fn, ok: w.call(fn, ...args).ok }).toEqual({ fn, ok: true });
    expect(state(w)).toBe(before);
    const progress = w.call('getProgress', {});
    const p21 = progress.targets.find((t: { code: string }) => t.code === 'P2.1');
    expect(p21.done).toBeGreaterThanOrEqual(1);
    // Saving still works and keeps the bad cells for the user to fix, not overwritten.
    const r = w.call('logEvent', { targetCode: 'P2.1', date: '2024-10-01', title: 'Sau khi gõ sai', quantity: 1 });
    expect(r.ok).toBe(true);
    expect(eventIds(w)).toEqual(expect.arrayContaining([...ids, r.id]));
    const raw = w.sheet('Hoạt động');
    const qCol = (raw[0] as string[]).indexOf('Số lượng');
    expect(raw[2][qCol]).toBe('ba');
  });
});
