// Importing a new decision over the plan: which targets and programmes it adds, changes and leaves alone.
import { planDiff } from '../../src/core/plan-diff';
import type { Programme, Target } from '../../src/core/types';

const prog = (code: string, name: string): Programme => ({ year: 2024, code, name, objectives: [] });
const target = (code: string, quantity: number | null, extra: Partial<Target> = {}): Target => ({
  year: 2024, code, programCode: code.split('.')[0], name: `Chỉ tiêu ${code}`, content: '', quantity, unit: quantity ? 'cuộc' : '', qualifier: 'exact', dueDate: null, endYear: 2024, status: '', note: '', ...extra,
});

test('a decision raising one count, adding a target and a programme, and silent on one target', () => {
  const oldP = [prog('P2', 'Tư vấn, phản biện'), prog('P3', 'Phổ biến kiến thức')];
  const oldT = [target('P2.1', 16), target('P2.2', 1), target('P3.1', 12)];
  const plan = {
    programs: [prog('P2', 'Tư vấn, phản biện và giám định xã hội'), prog('P3', 'Phổ biến kiến thức'), prog('P6', 'Chuyển đổi số')],
    // Staff shortened P2.1's name: a different name alone is not a change the decision makes.
    targets: [target('P2.1', 18, { name: 'Tư vấn' }), target('P3.1', 12), target('P6.1', 2)],
  };
  const d = planDiff(oldP, oldT, plan);
  expect(d.added).toEqual(['P6.1']);
  expect(d.changed).toEqual([{ code: 'P2.1', fields: ['quantity'] }]);
  expect(d.kept).toEqual(['P2.2']);
  expect(d.newPrograms.map((p) => p.code)).toEqual(['P6']);
  expect(d.changedPrograms.map((p) => p.code)).toEqual(['P2']);
});
