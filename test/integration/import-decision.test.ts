// Decision import on the built bundle: preview matches the seeded plan, apply adds a year by code, never duplicates or touches events.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STAFF, snapshotSheets, world, type World } from '../support/bundle';

const SEED = readFileSync(join(__dirname, '..', 'fixtures', 'decisions', 'QD-1731-QD-UBND-2023-BacGiang.txt'), 'utf8');
const FIXTURES = join(__dirname, '..', 'fixtures', 'decisions');
/** Thái Nguyên's decision of 20/12/2024 for the 2025 plan: another year, another province. */
const TN_2025 = readFileSync(join(FIXTURES, 'QD-2045-QD-UBND-2024-ThaiNguyen.txt'), 'utf8');

type Row = Record<string, unknown>;
interface TargetOut {
  code: string;
  programCode: string;
  name: string;
  content: string;
  quantity: number | null;
  unit: string;
  qualifier: string;
  dueDate: string | null;
  endYear: number;
  source?: string;
}

/** Rows of a sheet as header → value objects. */
function records(w: World, sheet: string): Row[] {
  const [header, ...rows] = w.sheet(sheet);
  return rows.filter((r) => r.some((v) => v !== '' && v !== null)).map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i]])));
}

/** The edits the dialog sends: the preview's plan without the sources, as plain JSON. */
function editsOf(preview: { programs: unknown[]; targets: TargetOut[] }) {
  return {
    programs: preview.programs,
    targets: preview.targets.map(({ source: _source, ...t }) => t),
  };
}

function yearCodes(w: World): string[] {
  return records(w, 'Chỉ tiêu').map((r) => `${r['Năm']}|${r['Mã']}`);
}

describe('importDecision', () => {
  test('preview of QĐ 1731 gives the five programmes and, per code, the quantity and unit of the seeded 2024 plan; it writes nothing', () => {
    const w = world();
    const before = snapshotSheets(w);
    const r = w.call('importDecision', SEED, {});
    expect(r.ok).toBe(true);
    expect(r.applied).toBe(false);
    expect(r.year).toBe(2024);
    expect(r.decision).toMatchObject({ number: '1731/QĐ-UBND', date: '2023-11-13' });
    expect(r.decision.issuer).toBeTruthy();
    expect(r.programs.map((p: { code: string }) => p.code)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    // Every target says where it came from, so the user can check it against the decision.
    for (const t of r.targets as TargetOut[]) expect(t.source).toBeTruthy();
    for (const warning of r.warnings as { sentence: string }[]) expect(warning.sentence).toBeTruthy();

    const plan = w.call('getPlan', { year: 2024 });
    expect(plan.ok).toBe(true);
    const seeded = new Map<string, TargetOut>(plan.targets.map((t: TargetOut) => [t.code, t]));
    const found = new Map<string, TargetOut>((r.targets as TargetOut[]).map((t) => [t.code, t]));
    expect([...found.keys()].sort()).toEqual([...seeded.keys()].sort());
    for (const [code, t] of seeded) {
      expect({ code, quantity: found.get(code)!.quantity, unit: found.get(code)!.unit }).toEqual({ code, quantity: t.quantity, unit: t.unit });
    }
    // The seeded year already has this plan: nothing to add, no count or unit differs.
    expect(r.existing).toBe(true);
    // Names and wording of existing targets are the staff's: a re-import only compares what the decision decides.
    expect(r.diff).toEqual({ added: [], changed: [], kept: [], newPrograms: [], changedPrograms: [] });
    expect(snapshotSheets(w)).toBe(before);
  });

  test('applying another decision for 2025 adds its plan, leaves the 2024 events and budget lines as they were, and is audited; twice adds nothing', () => {
    const w = world();
    const ev = w.call('logEvent', { targetCode: 'P2.1', date: '2024-03-12', title: 'Phản biện Đề án chuyển đổi số tỉnh', cost: '2.500.000' });
    expect(ev.ok).toBe(true);
    const line = w.call('saveBudgetLine', { programCode: 'P2', targetCode: 'P2.1', item: 'Chi hội nghị phản biện', unit: 'cuộc', quantity: 16, unitPrice: 5000000, stage: 'Dự thảo' });
    expect(line.ok).toBe(true);
    const events = JSON.stringify(w.sheet('Hoạt động'));
    const budget = JSON.stringify(w.sheet('Kinh phí'));
    const plan2024 = w.call('getPlan', { year: 2024 });
    const auditBefore = w.sheet('Nhật ký').length;

    const preview = w.call('importDecision', TN_2025, { year: 2025 });
    expect(preview.ok).toBe(true);
    expect(preview.year).toBe(2025);
    expect(preview.existing).toBe(false);
    expect(preview.decision).toMatchObject({ number: '2045/QĐ-UBND', date: '2024-12-20' });
    expect(preview.targets.length).toBeGreaterThan(0);
    expect(preview.diff.added).toEqual(preview.targets.map((t: TargetOut) => t.code));

    const applied = w.call('importDecision', TN_2025, { apply: true, year: 2025, edits: editsOf(preview) });
    expect(applied).toMatchObject({ ok: true, applied: true, year: 2025 });
    expect(applied.changes).toBeGreaterThan(0);

    const plan2025 = w.call('getPlan', { year: 2025 });
    expect(plan2025.ok).toBe(true);
    expect(plan2025.programs.map((p: { code: string }) => p.code)).toEqual(preview.programs.map((p: { code: string }) => p.code));
    expect(plan2025.targets.map((t: TargetOut) => [t.code, t.programCode, t.quantity, t.unit])).toEqual(
      preview.targets.map((t: TargetOut) => [t.code, t.programCode, t.quantity, t.unit]),
    );
    // Earlier years untouched: the same event (same id), the same budget line, the same 2024 plan.
    expect(JSON.stringify(w.sheet('Hoạt động'))).toBe(events);
    expect(records(w, 'Hoạt động').map((r) => r['Mã'])).toEqual([ev.id]);
    expect(JSON.stringify(w.sheet('Kinh phí'))).toBe(budget);
    expect(w.call('getPlan', { year: 2024 })).toEqual(plan2024);

    const audit = w.sheet('Nhật ký');
    expect(audit.length).toBe(auditBefore + 1);
    const entry = audit[audit.length - 1].map(String);
    expect(entry).toEqual(expect.arrayContaining(['Nhập kế hoạch từ quyết định', '2045/QĐ-UBND']));
    expect(entry.join(' ')).toContain('Năm 2025');

    const sheetsAfterFirst = snapshotSheets(w);
    const again = w.call('importDecision', TN_2025, { apply: true, year: 2025, edits: editsOf(preview) });
    expect(again).toMatchObject({ ok: true, applied: true, changes: 0 });
    expect(again.diff).toMatchObject({ added: [], changed: [], newPrograms: [], changedPrograms: [] });
    const keys = yearCodes(w);
    expect(new Set(keys).size).toBe(keys.length);
    // Nothing written the second time, not even an audit entry.
    expect(snapshotSheets(w)).toBe(sheetsAfterFirst);
  });

  test('applying without edits uses the parse as is and is just as idempotent', () => {
    const w = world();
    const first = w.call('importDecision', TN_2025, { apply: true, year: 2025 });
    expect(first).toMatchObject({ ok: true, applied: true });
    const count = records(w, 'Chỉ tiêu').length;
    const second = w.call('importDecision', TN_2025, { apply: true, year: 2025 });
    expect(second).toMatchObject({ ok: true, changes: 0 });
    expect(records(w, 'Chỉ tiêu').length).toBe(count);
  });

  test('re-importing 2024 with a new quantity for P2.1 shows that one change, then updates the target by code without touching its events', () => {
    const w = world();
    const logged = [
      w.call('logEvent', { targetCode: 'P2.1', date: '2024-02-20', title: 'Phản biện Đề án chuyển đổi số tỉnh' }),
      w.call('logEvent', { targetCode: 'P2.1', date: '2024-04-08', title: 'Tư vấn dự thảo Nghị quyết HĐND về KH&CN' }),
    ];
    for (const e of logged) expect(e.ok).toBe(true);
    const events = JSON.stringify(w.sheet('Hoạt động'));

    // The dialog's table after the user corrected one cell of a plan that otherwise matches the workbook.
    const current = w.call('getPlan', { year: 2024 });
    const edits = { programs: current.programs, targets: current.targets.map(({ status: _status, ...t }: TargetOut & { status: string }) => t) as TargetOut[] };
    const p21 = edits.targets.find((t) => t.code === 'P2.1')!;
    expect(p21.quantity).toBe(16);
    p21.quantity = 20;

    const check = w.call('importDecision', SEED, { year: 2024, edits });
    expect(check).toMatchObject({ ok: true, applied: false, existing: true });
    expect(check.diff.changed).toEqual([{ code: 'P2.1', fields: ['quantity'] }]);
    expect(check.diff.added).toEqual([]);
    expect(check.diff.kept).toEqual([]);

    const applied = w.call('importDecision', SEED, { apply: true, year: 2024, edits });
    expect(applied).toMatchObject({ ok: true, applied: true, changes: 1 });
    expect(JSON.stringify(w.sheet('Hoạt động'))).toBe(events);
    const progress = w.call('getProgress');
    expect(progress.ok).toBe(true);
    const t = progress.targets.find((x: { code: string }) => x.code === 'P2.1');
    expect(t).toMatchObject({ planned: 20, done: 2 });
    expect(t.percent).toBe(10);
    const keys = yearCodes(w);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('a target left out of the edits is kept, not deleted', () => {
    const w = world();
    const preview = w.call('importDecision', SEED, { year: 2024 });
    const edits = editsOf(preview);
    edits.targets = edits.targets.filter((t) => t.code !== 'P3.1');
    const before = records(w, 'Chỉ tiêu').length;
    const r = w.call('importDecision', SEED, { apply: true, year: 2024, edits });
    expect(r.ok).toBe(true);
    expect(r.diff.kept).toEqual(['P3.1']);
    expect(records(w, 'Chỉ tiêu').length).toBe(before);
  });

  test('edits with a bad cell are refused with the cell named, and nothing is written', () => {
    const w = world();
    const preview = w.call('importDecision', SEED, { year: 2024 });
    const edits = editsOf(preview);
    const i = edits.targets.findIndex((t) => t.code === 'P2.1');
    (edits.targets[i] as Record<string, unknown>).quantity = 'mười sáu';
    (edits.targets[i] as Record<string, unknown>).dueDate = '2024-02-31';
    const before = snapshotSheets(w);
    const r = w.call('importDecision', SEED, { apply: true, year: 2024, edits });
    expect(r).toMatchObject({ ok: false, code: 'invalidInput' });
    expect(Object.keys(r.errors).sort()).toEqual([`targets.${i}.dueDate`, `targets.${i}.quantity`]);
    expect(snapshotSheets(w)).toBe(before);
  });

  test('a user who is not an admin may preview but not apply: notAdmin, nothing written', () => {
    const w = world();
    const before = snapshotSheets(w);
    const preview = w.callAs(STAFF, 'importDecision', TN_2025, { year: 2025 });
    expect(preview.ok).toBe(true);
    const r = w.callAs(STAFF, 'importDecision', TN_2025, { apply: true, year: 2025, edits: editsOf(preview) });
    expect(r).toMatchObject({ ok: false, code: 'notAdmin' });
    expect(r.message).toMatch(/quản trị viên/);
    expect(snapshotSheets(w)).toBe(before);
    expect(w.call('getPlan', { year: 2025 }).targets).toEqual([]);
  });

  test('activate makes the imported year the working plan, with the decision for the report header', () => {
    const w = world();
    expect(w.call('getSettings').settings.planYear).toBe(2024);
    const r = w.call('importDecision', TN_2025, { apply: true, year: 2025, activate: true });
    expect(r).toMatchObject({ ok: true, applied: true, activated: true });
    const s = w.call('getSettings').settings;
    expect(s.planYear).toBe(2025);
    expect(s.decision).toMatchObject({ number: '2045/QĐ-UBND', date: '2024-12-20' });
    expect(w.call('getPlan').year).toBe(2025);
    // Activating again with the same decision changes nothing.
    const again = w.call('importDecision', TN_2025, { apply: true, year: 2025, activate: true });
    expect(again).toMatchObject({ ok: true, activated: false, changes: 0 });
  });

  test('a range and "khoảng" reach "Chỉ tiêu": lower bound in Số lượng, upper in Số lượng tối đa', () => {
    const w = world();
    const text = readFileSync(join(FIXTURES, 'PL-233-QD-UBND-2026-DakLak-ranges.txt'), 'utf8');
    const preview = w.call('importDecision', text, { year: 2026 });
    expect(preview.ok).toBe(true);
    const shown = (preview.targets as (TargetOut & { upper: number | null })[]).map((t) => [t.code, t.quantity, t.upper, t.unit, t.qualifier]);
    expect(shown).toEqual([
      ['P1.1', 15, 20, 'cuộc', 'exact'],
      ['P1.2', 3, 5, 'hội thảo', 'exact'],
      ['P1.3', 4, null, 'cuộc', 'min'],
      ['P2.1', 10, null, 'lớp', 'min'],
      ['P2.2', 3, null, 'mô hình', 'min'],
      ['P2.3', 6, null, 'hội nghị', 'about'],
    ]);
    // The dialog sends the plan back as edited: the range and "khoảng" survive the round trip.
    const applied = w.call('importDecision', text, { apply: true, year: 2026, edits: editsOf(preview) });
    expect(applied).toMatchObject({ ok: true, applied: true });
    const rows = records(w, 'Chỉ tiêu')
      .filter((r) => r['Năm'] === 2026)
      .map((r) => [r['Mã'], r['Số lượng'], r['Số lượng tối đa'], r['Loại chỉ tiêu']]);
    expect(rows).toEqual([
      ['P1.1', 15, 20, 'Chính xác'],
      ['P1.2', 3, 5, 'Chính xác'],
      ['P1.3', 4, '', 'Tối thiểu'],
      ['P2.1', 10, '', 'Tối thiểu'],
      ['P2.2', 3, '', 'Tối thiểu'],
      ['P2.3', 6, '', 'Khoảng'],
    ]);
    // An upper bound below the lower one is refused, naming the field.
    const bad = editsOf(preview);
    (bad.targets[0] as Record<string, unknown>).upper = 10;
    const refused = w.call('importDecision', text, { apply: true, year: 2026, edits: bad });
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(refused)).toContain('targets.0.upper');
  });
});
