// importDecision: reads a pasted UBND decision, shows the plan found and its differences, applies it by code.
import { AppError, type FieldProblem } from '../../core/errors';
import { parseDecision, type DecisionParse } from '../../core/decision-import';
import { provinceSettings } from '../../core/province-setup';
import { planDiff } from '../../core/plan-diff';
import { cleanInputText, hasControlChars, mapWordBullets } from '../../core/text-clean';
import { isAdmin } from '../../core/settings';
import { isValidIso } from '../../core/cells';
import { programmeRecord, targetRecord } from '../../core/records';
import type { Programme, Settings, Target } from '../../core/types';
import { programmeJson, targetJson } from '../../core/views';
import { appendRecords, toRow, writeRows } from '../table';
import { loadProgrammes, loadTargets } from '../repo';
import { audit } from '../audit';
import { openContext, saveSettingsProp } from '../context';
import { withLock } from '../lock';
import { afterwards } from '../respond';
import { refreshDashboard } from '../dashboard';
import type { Services } from '../services';

const MAX_TEXT = 300000;

export interface ImportOptions {
  apply?: boolean;
  year?: number;
  /** The plan as the user edited it in the dialog; the parse is used when absent. */
  edits?: { programs?: unknown[]; targets?: unknown[] };
  /** Make the imported year the plan the add-on works on, with the decision's reference. */
  activate?: boolean;
}

function str(v: unknown, max: number, key: string, fields: Record<string, FieldProblem>, required = false): string {
  if (v === undefined || v === null) v = '';
  if (typeof v !== 'string') {
    fields[key] = { code: 'invalidType' };
    return '';
  }
  const s = cleanInputText(v).trim();
  if (required && !s) fields[key] = { code: 'required' };
  else if (s.length > max) fields[key] = { code: 'tooLong', params: { max } };
  else if (hasControlChars(s)) fields[key] = { code: 'controlChars' };
  return s;
}

/** Checks the user's edited plan; field keys name the row: `targets.3.quantity`. */
function checkEdits(edits: NonNullable<ImportOptions['edits']>, year: number): { programs: Programme[]; targets: Target[] } {
  const fields: Record<string, FieldProblem> = {};
  const programs: Programme[] = [];
  const targets: Target[] = [];
  const seenP = new Set<string>();
  (Array.isArray(edits.programs) ? edits.programs : []).forEach((p, i) => {
    const o = (p && typeof p === 'object' ? p : {}) as Record<string, unknown>;
    const code = str(o.code, 20, `programs.${i}.code`, fields, true);
    if (code && seenP.has(code)) fields[`programs.${i}.code`] = { code: 'duplicateId', params: { value: code } };
    seenP.add(code);
    const objectives = Array.isArray(o.objectives) ? o.objectives.filter((x): x is string => typeof x === 'string').map((x) => cleanInputText(x).trim()) : [];
    programs.push({ year, code, name: str(o.name, 500, `programs.${i}.name`, fields, true), objectives });
  });
  const seenT = new Set<string>();
  (Array.isArray(edits.targets) ? edits.targets : []).forEach((t, i) => {
    const o = (t && typeof t === 'object' ? t : {}) as Record<string, unknown>;
    const k = (f: string) => `targets.${i}.${f}`;
    const code = str(o.code, 20, k('code'), fields, true);
    if (code && seenT.has(code)) fields[k('code')] = { code: 'duplicateId', params: { value: code } };
    seenT.add(code);
    const programCode = str(o.programCode, 20, k('programCode'), fields, true);
    if (programCode && !seenP.has(programCode)) fields[k('programCode')] = { code: 'unknownProgram', params: { value: programCode } };
    let quantity: number | null = null;
    if (o.quantity !== null && o.quantity !== undefined && o.quantity !== '') {
      const n = typeof o.quantity === 'string' ? Number(o.quantity.replace(/\./g, '')) : o.quantity;
      if (typeof n !== 'number' || !Number.isInteger(n)) fields[k('quantity')] = { code: 'notInteger' };
      else if (n <= 0) fields[k('quantity')] = { code: 'notPositive' };
      else quantity = n;
    }
    let upper: number | null = null;
    if (o.upper !== null && o.upper !== undefined && o.upper !== '') {
      const n = typeof o.upper === 'string' ? Number(o.upper.replace(/\./g, '')) : o.upper;
      if (typeof n !== 'number' || !Number.isInteger(n)) fields[k('upper')] = { code: 'notInteger' };
      else if (quantity !== null && n <= quantity) fields[k('upper')] = { code: 'notPositive' };
      else if (quantity !== null) upper = n;
    }
    const unit = str(o.unit, 60, k('unit'), fields, quantity !== null);
    const dueDate = o.dueDate ? String(o.dueDate) : null;
    if (dueDate && !isValidIso(dueDate)) fields[k('dueDate')] = { code: 'invalidDate' };
    const endYear = o.endYear === undefined || o.endYear === null || o.endYear === '' ? year : Number(o.endYear);
    if (!Number.isInteger(endYear) || endYear < year || endYear > year + 10) fields[k('endYear')] = { code: 'invalidType' };
    targets.push({
      year,
      code,
      programCode,
      name: str(o.name, 300, k('name'), fields, true),
      content: str(o.content, 4000, k('content'), fields),
      quantity,
      upper,
      unit,
      qualifier: o.qualifier === 'min' || o.qualifier === 'about' ? o.qualifier : 'exact',
      dueDate,
      endYear,
      status: '',
      note: '',
    });
  });
  if (!programs.length) fields.programs = { code: 'required' };
  if (Object.keys(fields).length) throw new AppError('invalidInput', {}, fields);
  return { programs, targets };
}

type Plan = ReturnType<typeof checkEdits> | { programs: Programme[]; targets: (Target & { source?: string })[] };

function preview(
  parse: DecisionParse,
  plan: Plan,
  year: number,
  existing: boolean,
  diff: { added: string[]; changed: { code: string; fields: string[] }[]; kept: string[]; newPrograms: string[]; changedPrograms: string[] },
  configured = true,
) {
  return {
    ok: true as const,
    applied: false as const,
    year,
    decision: parse.decision,
    programs: plan.programs.map(programmeJson),
    targets: plan.targets.map((t) => ({ ...targetJson(t), source: (t as { source?: string }).source || '' })),
    warnings: parse.warnings,
    existing,
    diff,
    /** False on a spreadsheet not yet set up: the dialog's "Áp dụng" then sets it up for `province`. */
    configured,
    province: parse.decision.province,
  };
}

/**
 * A new province's first plan, for setup (template "decision"): the decision read (or the plan as the user
 * edited it in the dialog), its year, and settings naming that province. Bad input names the field.
 */
export function planForSetup(text: unknown, year: unknown, edits: unknown): { programs: Programme[]; targets: Target[]; year: number; settings: Settings } {
  if (typeof text !== 'string' || !text.trim()) throw new AppError('invalidInput', {}, { text: { code: 'required' } });
  if (text.length > MAX_TEXT) throw new AppError('invalidInput', {}, { text: { code: 'tooLong', params: { max: MAX_TEXT } } });
  if (year !== undefined && (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100)) {
    throw new AppError('invalidInput', {}, { year: { code: 'invalidType' } });
  }
  const clean = cleanInputText(mapWordBullets(text));
  if (hasControlChars(clean)) throw new AppError('invalidInput', {}, { text: { code: 'controlChars' } });
  const parse = parseDecision(clean, year ? { year: year as number } : {});
  const y = (year as number | undefined) || parse.year;
  if (!y) throw new AppError('invalidInput', {}, { year: { code: 'required' } });
  const settings = provinceSettings(parse, y);
  if (!settings) throw new AppError('invalidInput', {}, { province: { code: 'required' } });
  const plan =
    edits && typeof edits === 'object'
      ? checkEdits(edits as NonNullable<ImportOptions['edits']>, y)
      : { programs: parse.programs.map((p) => ({ ...p, year: y })), targets: parse.targets.map(({ source: _s, ...t }) => ({ ...t, year: y, endYear: t.endYear >= y ? t.endYear : y })) };
  if (!plan.programs.length) throw new AppError('invalidInput', {}, { programs: { code: 'required' } });
  return { ...plan, year: y, settings };
}

export function importDecision(svc: Services, text: unknown, options?: unknown) {
  if (typeof text !== 'string' || !text.trim()) throw new AppError('invalidInput', {}, { text: { code: 'required' } });
  if (text.length > MAX_TEXT) throw new AppError('invalidInput', {}, { text: { code: 'tooLong', params: { max: MAX_TEXT } } });
  const o = (options && typeof options === 'object' && !Array.isArray(options) ? options : {}) as ImportOptions;
  if (o.year !== undefined && (typeof o.year !== 'number' || !Number.isInteger(o.year) || o.year < 2000 || o.year > 2100)) {
    throw new AppError('invalidInput', {}, { year: { code: 'invalidType' } });
  }
  // Word's symbol-font bullets are outline markers: "•" before parsing, other private-use characters dropped.
  const parse = parseDecision(cleanInputText(mapWordBullets(text)), o.year ? { year: o.year } : {});
  const year = o.year || parse.year;
  if (!year) throw new AppError('invalidInput', {}, { year: { code: 'required' } });
  const ctx = openContext(svc);
  // A new workbook may preview its province's decision: applying it is setup's job (template "decision").
  if (!ctx.configured && o.apply) throw new AppError('notSetUp');
  const plan = o.edits ? checkEdits(o.edits, year) : { programs: parse.programs.map((p) => ({ ...p, year })), targets: parse.targets.map(({ source, ...t }) => ({ ...t, year, endYear: t.endYear && t.endYear >= year ? t.endYear : year, source })) };
  if (o.apply && !isAdmin(ctx.settings, ctx.user)) throw new AppError('notAdmin');

  const run = () => {
    if (!ctx.configured) {
      const none = { added: plan.targets.map((t) => t.code), changed: [], kept: [], newPrograms: plan.programs.map((p) => p.code), changedPrograms: [] };
      return preview(parse, plan, year, false, none, false);
    }
    const pt = loadProgrammes(ctx);
    const tt = loadTargets(ctx);
    const oldP = pt.items.filter((p) => p.year === year);
    const oldT = tt.items.filter((t) => t.year === year);
    const { added, changed, kept, newPrograms, changedPrograms } = planDiff(oldP, oldT, plan);
    const result = preview(parse, plan, year, oldT.length > 0, {
      added,
      changed,
      kept,
      newPrograms: newPrograms.map((p) => p.code),
      changedPrograms: changedPrograms.map((p) => p.code),
    });
    if (!o.apply) return result;
    // Update by code: rows keep their place, status and note; events are never touched.
    let rewriteP = false;
    for (const p of changedPrograms) {
      const k = pt.items.findIndex((x) => x.year === year && x.code === p.code);
      pt.table.rows[pt.index[k]] = toRow(pt.table, programmeRecord(p), pt.table.rows[pt.index[k]]);
      rewriteP = true;
    }
    if (rewriteP) writeRows(pt.table, 0, pt.table.rows);
    appendRecords(pt.table, newPrograms.map(programmeRecord));
    let rewriteT = false;
    for (const c of changed) {
      const k = tt.items.findIndex((x) => x.year === year && x.code === c.code);
      const old = tt.items[k];
      const next = plan.targets.find((t) => t.code === c.code) as Target;
      tt.table.rows[tt.index[k]] = toRow(tt.table, targetRecord({ ...next, name: old.name, content: old.content, status: old.status, note: old.note }), tt.table.rows[tt.index[k]]);
      rewriteT = true;
    }
    if (rewriteT) writeRows(tt.table, 0, tt.table.rows);
    appendRecords(tt.table, plan.targets.filter((t) => added.includes(t.code)).map((t) => targetRecord(t as Target)));
    const changes = added.length + changed.length + newPrograms.length + changedPrograms.length;
    let activated = false;
    if (o.activate && (ctx.settings.planYear !== year || (parse.decision.number && parse.decision.number !== ctx.settings.decision.number))) {
      saveSettingsProp(ctx, {
        ...ctx.settings,
        planYear: year,
        decision: parse.decision.number
          ? { number: parse.decision.number, date: parse.decision.date || '', issuer: parse.decision.issuer || ctx.settings.decision.issuer }
          : ctx.settings.decision,
      });
      activated = true;
    }
    if (changes || activated) {
      afterwards('audit', () =>
        audit(
          ctx,
          'Nhập kế hoạch từ quyết định',
          parse.decision.number || String(year),
          `Năm ${year}: thêm ${newPrograms.length} chương trình, ${added.length} chỉ tiêu; cập nhật ${changedPrograms.length} chương trình, ${changed.length} chỉ tiêu${kept.length ? `; giữ nguyên ${kept.length} chỉ tiêu không có trong quyết định` : ''}${activated ? `; dùng làm kế hoạch hiện hành` : ''}`,
        ),
      );
      afterwards('dashboard', () => refreshDashboard(ctx));
    }
    return { ...result, applied: true as const, activated, changes };
  };
  return o.apply ? withLock(svc, run) : run();
}
