// "Hoạt động" as staff scroll it: a cancelled event greyed by one conditional-format rule set at setup, the id column and header frozen.
import { ADMIN, world, type World } from '../support/bundle';
import { sheetView } from '../../local/views';

/** The rules of a sheet as Google gives them back: formula, colours, ranges. */
function rules(w: World, name: string) {
  const exec = w.google.newExecution({ kind: 'local', user: ADMIN });
  const sh = w.google.gas(exec).SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!;
  const out = sh.getConditionalFormatRules().map((r) => {
    const c = r.getBooleanCondition()!;
    return { formula: c.getCriteriaValues()[0], background: c.getBackground(), font: c.getFontColor(), ranges: r.getRanges().map((x) => x.getA1Notation()) };
  });
  const frozen = [sh.getFrozenRows(), sh.getFrozenColumns()];
  exec.end();
  return { rules: out, frozen };
}

const count = (w: World, re: RegExp) => Object.entries(w.google.calls()).reduce((n, [k, v]) => (re.test(k) ? n + v : n), 0);

describe('"Hoạt động" shows cancelled events greyed and keeps the id in view', () => {
  const w = world({ now: '2024-03-20T10:00:00+07:00' });

  test('setup freezes the header row and the id column and sets one rule greying rows whose Trạng thái is "Đã hủy"', () => {
    const got = rules(w, 'Hoạt động');
    expect(got.frozen).toEqual([1, 1]);
    expect(got.rules).toEqual([{ formula: '=$N2="Đã hủy"', background: '#f1f3f4', font: '#80868b', ranges: ['A2:S1000'] }]);
  });

  test('cancelling an event touches no formatting (the rule follows), and the local page shows the row grey', () => {
    expect(w.call('logEvent', { targetCode: 'P2.1', date: '2024-03-15', title: 'Phản biện Đề án nước sạch' }).ok).toBe(true);
    expect(w.call('logEvent', { targetCode: 'P2.1', date: '2024-03-16', title: 'Phản biện Đề án giao thông' }).ok).toBe(true);
    w.google.resetCalls();
    expect(w.call('cancelEvent', 'HD-2024-0001', 'Ghi trùng').ok).toBe(true);
    // (Tổng hợp is repainted as after any change; the events sheet gets no formatting call.)
    expect(count(w, /ConditionalFormat|Frozen|setFontColor/)).toBe(0);
    const view = sheetView(w.google, w.ssId, 'Hoạt động');
    expect(view.cells[1][0]).toMatchObject({ v: 'HD-2024-0001', bg: '#f1f3f4', fc: '#80868b' });
    expect(view.cells[1][13]).toMatchObject({ v: 'Đã hủy', bg: '#f1f3f4' });
    expect(view.cells[2][0]!.bg).toBeUndefined();
    expect([view.frozenRows, view.frozenCols]).toEqual([1, 1]);
  });

  test('a hand edit back to "Hiệu lực" ungreys the row with no call of ours', () => {
    const exec = w.google.newExecution({ kind: 'local', user: ADMIN });
    w.google.gas(exec).SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Hoạt động')!.getRange('N2').setValue('Hiệu lực');
    exec.end();
    expect(sheetView(w.google, w.ssId, 'Hoạt động').cells[1][0]!.bg).toBeUndefined();
  });

  test('setup run again keeps one rule; a staff rule stays; a lost rule comes back on repair', () => {
    expect(w.call('setupWorkbook').ok).toBe(true);
    expect(rules(w, 'Hoạt động').rules).toHaveLength(1);
    // A staff member adds their own rule, then someone clears ours.
    const exec = w.google.newExecution({ kind: 'local', user: ADMIN });
    const SA = w.google.gas(exec).SpreadsheetApp;
    const sh = SA.getActiveSpreadsheet().getSheetByName('Hoạt động')!;
    const theirs = SA.newConditionalFormatRule().whenTextEqualTo('P2.1').setBackground('#fff2cc').setRanges([sh.getRange('C2:C1000')]).build();
    sh.setConditionalFormatRules([theirs]);
    exec.end();
    expect(w.call('setupWorkbook').ok).toBe(true);
    const got = rules(w, 'Hoạt động').rules;
    expect(got.map((r) => r.formula)).toEqual(['P2.1', '=$N2="Đã hủy"']);
    expect(w.call('setupWorkbook').ok).toBe(true);
    expect(rules(w, 'Hoạt động').rules).toHaveLength(2);
  });
});
