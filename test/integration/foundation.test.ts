// Foundation story on the built bundle: entry points, the menu under AuthMode.NONE, setup and getPlan.
import vm from 'node:vm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGoogle } from '../../fakes/index';
import { loadBundle } from '../../fakes/harness';
import { ADMIN, STAFF, bundleCode, snapshotSheets, world } from '../support/bundle';

const ENTRY_POINTS: string[] = JSON.parse(readFileSync(join(__dirname, '../../build/entrypoints.json'), 'utf8'));

describe('the bundle as Apps Script sees it', () => {
  test('entry points are real top-level functions and no internal helper is global', () => {
    const ctx = vm.createContext({});
    vm.runInContext(bundleCode(), ctx);
    for (const fn of ['onOpen', 'onInstall', 'setupWorkbook', 'getPlan', 'logEvent', 'runScheduledReports']) {
      expect(typeof ctx[fn]).toBe('function');
    }
    const globals = vm.runInContext('Object.getOwnPropertyNames(globalThis)', ctx) as string[];
    const builtins = vm.runInContext('Object.getOwnPropertyNames(globalThis)', vm.createContext({})) as string[];
    const own = globals.filter((g) => !builtins.includes(g));
    const functions = own.filter((g) => typeof ctx[g] === 'function').sort();
    expect(functions).toEqual([...ENTRY_POINTS].sort());
    // Other globals: the namespace the generated functions call into, and zod's own config object.
    expect(own.filter((g) => typeof ctx[g] !== 'function').sort()).toEqual(['__lhh', '__zod_globalConfig']);
  });

  test('every function the menu names is an entry point', () => {
    const google = createGoogle({ user: ADMIN });
    const exec = google.newExecution({ kind: 'simpleTrigger', authMode: 'NONE' });
    const ctx = loadBundle(bundleCode(), exec);
    ctx.onOpen({ authMode: 'NONE' });
    exec.end();
    const items = exec.ui.menus.flatMap((m) => m.items.map((i) => ('functionName' in i ? i.functionName : '')).filter(Boolean));
    expect(items.length).toBeGreaterThan(5);
    for (const fn of items) expect(ENTRY_POINTS).toContain(fn);
  });

  test('onOpen under AuthMode.NONE builds the Vietnamese menu and reads no properties or sheet data', () => {
    const google = createGoogle({ user: ADMIN });
    google.resetCalls();
    const exec = google.newExecution({ kind: 'simpleTrigger', authMode: 'NONE' });
    const ctx = loadBundle(bundleCode(), exec);
    ctx.onOpen({ authMode: 'NONE' });
    exec.end();
    const calls = google.calls();
    const touched = Object.keys(calls).filter((k) => k.startsWith('PropertiesService') || /Range\.|Sheet\.get(Data|Last)/.test(k));
    expect(touched).toEqual([]);
    const captions = exec.ui.menus[0].items.map((i) => ('caption' in i ? i.caption : '')).filter(Boolean);
    expect(captions).toEqual(expect.arrayContaining(['Ghi nhận hoạt động', 'Thiết lập bảng tính', 'Kiểm tra dữ liệu', 'Báo cáo', 'Cài đặt']));
  });

  test('onInstall builds the same menu', () => {
    const google = createGoogle({ user: ADMIN });
    const exec = google.newExecution({ kind: 'install', authMode: 'FULL' });
    loadBundle(bundleCode(), exec).onInstall({ authMode: 'FULL' });
    exec.end();
    expect(exec.ui.menus.length).toBe(1);
  });
});

describe('setting up the 2024 workbook from QĐ 1731/QĐ-UBND', () => {
  test('setup on an empty spreadsheet, then getPlan, gives the five programmes and every quantified target', () => {
    const w = world({ setup: false });
    const r = w.call('setupWorkbook');
    expect(r).toMatchObject({ ok: true, programs: 5, targets: 24, year: 2024 });
    expect(r.createdSheets).toEqual(['Tổng hợp', 'Chương trình', 'Chỉ tiêu', 'Hoạt động', 'Kinh phí', 'Cơ quan, đơn vị', 'Hội thành viên', 'Chuyên gia', 'Tư vấn phản biện', 'Thành viên hội đồng', 'Định mức chi tư vấn', 'Tư vấn - chỉ tiêu', 'Nhu cầu', 'Kế hoạch tổ chức', 'Đơn vị chuyển giao', 'Biểu mẫu', 'Gửi biểu mẫu', 'Duyệt phản hồi', 'Sổ văn bản', 'Nhật ký']);
    const plan = w.call('getPlan');
    expect(plan.programs.map((p: { code: string }) => p.code)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    const q = Object.fromEntries(plan.targets.filter((t: { quantity: unknown }) => t.quantity !== null).map((t: { code: string; quantity: number; unit: string }) => [t.code, `${t.quantity} ${t.unit}`]));
    // From the decision's appendix, written out here.
    expect(q).toEqual({
      'P1.5': '2 hội nghị',
      'P1.6': '1 hội nghị',
      'P1.7': '1 hệ thống',
      'P1.8': '1 đoàn',
      'P2.1': '16 cuộc',
      'P2.2': '1 cuộc',
      'P2.3': '15 cuộc',
      'P3.1': '12 chuyên mục',
      'P3.2': '4 chuyên đề',
      'P3.4': '10 hội nghị',
      'P3.5': '5 hội thảo',
      'P3.6': '3 hội nghị',
      'P4.1': '1 hội thi',
      'P4.2': '1 cuộc thi',
      'P4.3': '1 ngày hội',
      'P4.4': '6 mô hình',
      'P4.5': '3 sản phẩm',
      'P5.2': '3 hội thảo',
    });
  });

  test('the workbook is Vietnamese: locale, time zone, headers, frozen rows, formats, dropdowns', () => {
    const w = world();
    const exec = w.google.newExecution({ kind: 'menu', user: ADMIN });
    const ss = w.google.gas(exec).SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getSpreadsheetLocale()).toBe('vi_VN');
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Ho_Chi_Minh');
    const ev = ss.getSheetByName('Hoạt động')!;
    expect(ev.getFrozenRows()).toBe(1);
    const header = ev.getRange(1, 1, 1, ev.getLastColumn()).getValues()[0];
    expect(header.slice(0, 6)).toEqual(['Mã', 'Năm', 'Mã chỉ tiêu', 'Ngày', 'Tên hoạt động', 'Số lượng']);
    expect(ev.getRange('D2').getNumberFormat()).toBe('dd/mm/yyyy');
    expect(ev.getRange('J2').getNumberFormat()).toBe('#,##0 "đ"');
    const dv = ev.getRange('C2').getDataValidation();
    expect(dv).not.toBeNull();
    const stages = ss.getSheetByName('Kinh phí')!.getRange('N2').getDataValidation()!.getCriteriaValues()[0];
    expect(stages).toEqual(['Dự thảo', 'Đã gửi thẩm định', 'Đã thẩm định', 'Đã phê duyệt']);
    const prot = ss.getSheetByName('Chỉ tiêu')!.getProtections(w.google.gas(exec).SpreadsheetApp.ProtectionType.RANGE);
    expect(prot.length).toBeGreaterThanOrEqual(2);
    expect(prot.every((p) => p.isWarningOnly())).toBe(true);
    exec.end();
  });

  test('a second run changes nothing: same cell values, no new sheets', () => {
    const w = world();
    const before = snapshotSheets(w);
    const r = w.call('setupWorkbook');
    expect(r).toMatchObject({ ok: true, createdSheets: [], repairedColumns: [], addedPrograms: 0, addedTargets: 0, programs: 5, targets: 24 });
    expect(snapshotSheets(w)).toBe(before);
  });

  test('after a user moves the "Đơn vị tính" column, getPlan still reads right', () => {
    const w = world();
    const exec = w.google.newExecution({ kind: 'menu', user: ADMIN });
    const sh = w.google.gas(exec).SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Chỉ tiêu')!;
    const values = sh.getDataRange().getValues();
    const i = values[0].indexOf('Đơn vị tính');
    // Move the column to the far left, as a user dragging it would, and add a column of their own.
    const moved = values.map((row, r) => [row[i], ...row.filter((_, k) => k !== i), r === 0 ? 'Ghi chú riêng' : 'x']);
    sh.getRange(1, 1, moved.length, moved[0].length).setValues(moved);
    exec.end();
    const plan = w.call('getPlan');
    expect(plan.ok).toBe(true);
    const p21 = plan.targets.find((t: { code: string }) => t.code === 'P2.1');
    expect(p21).toMatchObject({ quantity: 16, unit: 'cuộc' });
  });

  test('after a user deletes a required header, the call names it in Vietnamese and writes nothing', () => {
    const w = world();
    const exec = w.google.newExecution({ kind: 'menu', user: ADMIN });
    const sh = w.google.gas(exec).SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Chỉ tiêu')!;
    const header = sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0];
    sh.getRange(1, header.indexOf('Đơn vị tính') + 1).setValue('');
    exec.end();
    const before = snapshotSheets(w);
    const r = w.call('getPlan');
    expect(r).toEqual({
      ok: false,
      code: 'missingColumn',
      message: 'Trang tính "Chỉ tiêu" thiếu cột bắt buộc "Đơn vị tính". Hãy thêm lại tiêu đề cột này ở dòng 1 (hoặc chạy "Thiết lập bảng tính").',
      errors: {},
    });
    const logged = w.call('logEvent', { targetCode: 'P2.1', date: '2024-03-01', title: 'Phản biện' });
    expect(logged.ok).toBe(false);
    expect(logged.message).toContain('"Đơn vị tính"');
    expect(snapshotSheets(w)).toBe(before);
    // Setup repairs the structure without losing a row.
    const repaired = w.call('setupWorkbook');
    expect(repaired.repairedColumns).toEqual(['Chỉ tiêu: Đơn vị tính']);
    expect(w.call('getPlan').targets).toHaveLength(24);
  });

  test('the first user to set up becomes the admin; setup refuses when Google gives no e-mail', () => {
    const w = world({ setup: false });
    const anon = w.callAs('', 'setupWorkbook');
    expect(anon.ok).toBe(false);
    expect(anon.message).toContain('email');
    expect(w.google.sheetNames(w.ssId)).not.toContain('Hoạt động');
    expect(w.call('setupWorkbook').ok).toBe(true);
    const other = w.callAs(STAFF, 'setupWorkbook');
    expect(other).toMatchObject({ ok: false, code: 'notAdmin' });
  });
});
