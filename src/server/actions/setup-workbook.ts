// Menu "Thiết lập bảng tính": creates or repairs the sheets and fills the plan; safe to run again.
import { AppError } from '../../core/errors';
import { blankSettings, defaultSettings, isAdmin } from '../../core/settings';
import { seedPlan2024 } from '../../core/seed-plan';
import { planForSetup } from './import-decision';
import { programmeRecord, targetRecord } from '../../core/records';
import { DATE_FORMAT, DATETIME_FORMAT, INT_FORMAT, MONEY_FORMAT, RECORD_TYPES, SHEETS, columnLetter, recordType, type ColumnDef, type SheetDef } from '../../core/sheets';
import type { ListDecl } from '../../core/record-type';
import type { Programme, Target } from '../../core/types';
import { appendRecords, mapHeader } from '../table';
import { loadProgrammes, loadTargets } from '../repo';
import { AUDIT_HEADER_KEY, audit } from '../audit';
import { PROP, deleteProp, getProp, openContext, saveSettingsProp, setProp, type Ctx } from '../context';
import { withLock } from '../lock';
import type { Services } from '../services';
import { refreshDashboard } from '../dashboard';
import { setupRegisters } from '../setup-registers';

export interface SetupOptions {
  template?: 'qd1731-2024' | 'blank' | 'decision';
  year?: number;
  /** Template "decision": the province's pasted decision, and the plan as edited in the import dialog. */
  text?: string;
  edits?: unknown;
}

export interface SetupResult {
  ok: true;
  createdSheets: string[];
  repairedColumns: string[];
  addedPrograms: number;
  addedTargets: number;
  programs: number;
  targets: number;
  year: number;
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

type Template = { template: 'qd1731-2024' | 'blank'; year: number; fromDecision?: undefined } | { template: 'decision'; year: number; fromDecision: ReturnType<typeof planForSetup> };

function checkOptions(options: unknown): Template {
  if (options === undefined || options === null) return { template: 'qd1731-2024', year: 2024 };
  if (typeof options !== 'object' || Array.isArray(options)) throw new AppError('invalidInput', {}, { template: { code: 'invalidType' } });
  const o = options as Record<string, unknown>;
  const template = o.template === undefined ? 'qd1731-2024' : o.template;
  if (template === 'decision') {
    const fromDecision = planForSetup(o.text, o.year, o.edits);
    return { template, year: fromDecision.year, fromDecision };
  }
  if (template !== 'qd1731-2024' && template !== 'blank') {
    throw new AppError('invalidInput', {}, { template: { code: 'invalidChoice', params: { choices: 'qd1731-2024, blank, decision' } } });
  }
  const year = o.year === undefined ? (template === 'qd1731-2024' ? 2024 : NaN) : o.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new AppError('invalidInput', {}, { year: { code: 'invalidType' } });
  }
  if (template === 'qd1731-2024' && year !== 2024) throw new AppError('invalidInput', {}, { year: { code: 'invalidChoice', params: { choices: '2024' } } });
  return { template, year };
}

const FORMATS: Partial<Record<ColumnDef['kind'], string>> = {
  date: DATE_FORMAT,
  datetime: DATETIME_FORMAT,
  money: MONEY_FORMAT,
  int: INT_FORMAT,
  percent: '0.00',
};


/** Applies header style, widths, formats, dropdowns and warning-only protections to some columns. */
type ListSource = (l: ListDecl) => GoogleAppsScript.Spreadsheet.DataValidation | null;

function styleColumns(sheet: Sheet, def: SheetDef, cols: { def: ColumnDef; index: number }[], listSource: ListSource) {
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  for (const { def: c, index } of cols) {
    const col = index + 1;
    if (c.width) sheet.setColumnWidth(col, c.width);
    const fmt = c.format || FORMATS[c.kind];
    if (fmt) sheet.getRange(2, col, rows, 1).setNumberFormat(fmt);
    const dv = c.list ? listSource(c.list) : null;
    if (dv) sheet.getRange(2, col, rows, 1).setDataValidation(dv);
    if (c.computed) {
      const p = sheet.getRange(1, col, rows + 1, 1).protect();
      p.setDescription(`${def.name} – ${c.header}: do LHH Tracker tính, không sửa tay`);
      p.setWarningOnly(true);
    }
  }
}

/** A new sheet has 26 columns; a record type may declare more (ranges past the last column do not exist). */
function widen(sheet: Sheet, columns: number): void {
  const max = sheet.getMaxColumns();
  if (columns > max) sheet.insertColumnsAfter(max, columns - max);
}

function ensureSheet(
  ctx: Ctx,
  def: SheetDef,
  index: number,
  listSource: ListSource,
  created: string[],
  repaired: string[],
): void {
  let sheet = ctx.ss.getSheetByName(def.name);
  if (!sheet) {
    sheet = ctx.ss.insertSheet(def.name, index);
    created.push(def.name);
    if (def.color) sheet.setTabColor(def.color);
    if (def.protect) {
      const p = sheet.protect();
      p.setDescription(def.protect);
      p.setWarningOnly(true);
    }
    if (!def.columns.length) return;
    const headers = def.columns.map((c) => c.header);
    widen(sheet, headers.length);
    const head = sheet.getRange(1, 1, 1, headers.length);
    head.setValues([headers]);
    head.setFontWeight('bold');
    head.setBackground('#e8f0fe');
    head.setWrap(true);
    sheet.setFrozenRows(1);
    styleColumns(sheet, def, def.columns.map((c, i) => ({ def: c, index: i })), listSource);
    return;
  }
  if (!def.columns.length) return;
  const lastCol = Math.max(sheet.getLastColumn(), 1);
  const header = sheet.getRange(1, 1, 1, lastCol).getValues()[0];
  const { col } = mapHeader(def, header);
  let missing = def.columns.filter((c) => col[c.key] === undefined);
  if (!missing.length) return;
  let end = header.length;
  while (end > 0 && String(header[end - 1]).trim() === '') end--;
  // Repair: a header blanked between two known columns, where exactly one column is missing
  // between them, is written back over its own data; other lost headers come back at the end,
  // so no existing column (nor its data) moves.
  const keyAt = (i: number) => Object.keys(col).find((k) => col[k] === i);
  const order = (k: string | undefined) => (k === undefined ? -1 : def.columns.findIndex((c) => c.key === k));
  for (let i = 0; i < end; i++) {
    if (String(header[i]).trim() !== '') continue;
    let l = i - 1;
    while (l >= 0 && keyAt(l) === undefined) l--;
    let r = i + 1;
    while (r < end && keyAt(r) === undefined) r++;
    const lo = l >= 0 ? order(keyAt(l)) : -1;
    const hi = r < end ? order(keyAt(r)) : def.columns.length;
    const between = missing.filter((c) => {
      const o = order(c.key);
      return o > lo && o < hi;
    });
    if (between.length !== 1 || r - l !== 2) continue;
    const c = between[0];
    const cellRange = sheet.getRange(1, i + 1);
    cellRange.setValue(c.header);
    cellRange.setFontWeight('bold');
    col[c.key] = i;
    header[i] = c.header;
    missing = missing.filter((m) => m !== c);
    repaired.push(`${def.name}: ${c.header}`);
  }
  if (!missing.length) return;
  widen(sheet, end + missing.length);
  const range = sheet.getRange(1, end + 1, 1, missing.length);
  range.setValues([missing.map((c) => c.header)]);
  range.setFontWeight('bold');
  range.setBackground('#e8f0fe');
  if (sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
  styleColumns(sheet, def, missing.map((c, k) => ({ def: c, index: end + k })), listSource);
  repaired.push(...missing.map((c) => `${def.name}: ${c.header}`));
}

/** The cell text of our greying rule: `=$N2="Đã hủy"`, the column found by header. */
const greyFormula = (letter: string, value: string) => `=$${letter}2="${value.replace(/"/g, '""')}"`;
export const GREY = { background: '#f1f3f4', font: '#80868b' };

/**
 * The declared view of a sheet: frozen id column, and one conditional-format rule greying the rows
 * `greyWhen` names (a cancelled event). Idempotent: the rule is added once, put back when lost,
 * moved when its column moved; other rules (the staff's own) are kept.
 */
function ensureView(ctx: Ctx, def: SheetDef, repaired: string[]): void {
  const sheet = ctx.ss.getSheetByName(def.name);
  if (!sheet) return;
  if (def.frozenColumns && sheet.getFrozenColumns() < def.frozenColumns) sheet.setFrozenColumns(def.frozenColumns);
  if (!def.greyWhen) return;
  const width = Math.max(sheet.getLastColumn(), def.columns.length);
  const { col } = mapHeader(def, sheet.getRange(1, 1, 1, width).getValues()[0]);
  const at = col[def.greyWhen.column];
  if (at === undefined) return;
  const formula = greyFormula(columnLetter(at), def.greyWhen.value);
  // Ours is the rule "=$<any column>2=<the value>"; a moved column leaves it stale, so it is replaced.
  const tail = greyFormula('', def.greyWhen.value).slice(2);
  const ours = (r: GoogleAppsScript.Spreadsheet.ConditionalFormatRule) => {
    const c = r.getBooleanCondition();
    const v = c ? String(c.getCriteriaValues()[0] ?? '') : '';
    return /^=\$[A-Z]+2=/.test(v) && v.endsWith(tail) ? v : null;
  };
  const rules = sheet.getConditionalFormatRules();
  const mine = rules.filter((r) => ours(r) !== null);
  if (mine.length === 1 && ours(mine[0]) === formula) return;
  const rule = ctx.svc.SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(formula)
    .setBackground(GREY.background)
    .setFontColor(GREY.font)
    .setRanges([sheet.getRange(`A2:${columnLetter(width - 1)}`)])
    .build();
  sheet.setConditionalFormatRules([...rules.filter((r) => ours(r) === null), rule]);
  if (mine.length) repaired.push(`${def.name}: tô xám dòng ${def.greyWhen.value.toLowerCase()}`);
}

/** Dropdowns from declarations: fixed choices, or the values of another record type's column. */
function listValidations(ctx: Ctx): ListSource {
  const SA = ctx.svc.SpreadsheetApp;
  return (l) => {
    const rule = SA.newDataValidation();
    if (l.choices) rule.requireValueInList(l.choices as string[], true);
    else {
      const def = recordType(l.from ? l.from.sheet : '');
      if (!def || !l.from) return null;
      const letter = columnLetter(def.columns.findIndex((c) => c.key === (l.from as { column: string }).column));
      rule.requireValueInRange(ctx.ss.getRange(`'${def.name}'!${letter}2:${letter}`), true);
    }
    return rule.setAllowInvalid(true).setHelpText(l.help).build();
  };
}

/** Plan rows of the template not yet in the workbook (matched by year and code). */
function missingPlanRows(existingP: Programme[], existingT: Target[], plan: { programs: Programme[]; targets: Target[] }) {
  const hasP = new Set(existingP.map((p) => `${p.year}|${p.code}`));
  const hasT = new Set(existingT.map((t) => `${t.year}|${t.code}`));
  return {
    programs: plan.programs.filter((p) => !hasP.has(`${p.year}|${p.code}`)),
    targets: plan.targets.filter((t) => !hasT.has(`${t.year}|${t.code}`)),
  };
}

/** Creates or repairs the workbook. Idempotent: a second run writes nothing. */
export function setupWorkbook(svc: Services, options?: unknown): SetupResult {
  const opts = checkOptions(options);
  const ctx = openContext(svc);
  if (ctx.configured && ctx.settings.admins.length) {
    if (!isAdmin(ctx.settings, ctx.user)) throw new AppError('notAdmin');
  } else if (!ctx.user) {
    // The first user to set up becomes an admin; an unknown user cannot be one.
    throw new AppError('noUserEmail');
  }
  return withLock(svc, () => {
    const created: string[] = [];
    const repaired: string[] = [];
    if (ctx.ss.getSpreadsheetLocale() !== 'vi_VN') ctx.ss.setSpreadsheetLocale('vi_VN');
    if (ctx.ss.getSpreadsheetTimeZone() !== 'Asia/Ho_Chi_Minh') ctx.ss.setSpreadsheetTimeZone('Asia/Ho_Chi_Minh');
    ctx.tz = 'Asia/Ho_Chi_Minh';
    const lists = listValidations(ctx);
    RECORD_TYPES.forEach((def, i) => ensureSheet(ctx, def, i, lists, created, repaired));
    for (const def of RECORD_TYPES) if (def.greyWhen || def.frozenColumns) ensureView(ctx, def, repaired);
    if (created.includes(SHEETS.audit.name) || repaired.some((r) => r.startsWith(`${SHEETS.audit.name}:`))) {
      if (getProp(ctx, AUDIT_HEADER_KEY) !== null) deleteProp(ctx, AUDIT_HEADER_KEY);
    }
    // Google gives every new spreadsheet a "Sheet1"/"Trang tính1"; drop it when it is empty.
    if (created.length) {
      for (const sh of ctx.ss.getSheets()) {
        const n = sh.getName();
        if (/^(Sheet|Trang tính)\s?1$/.test(n) && sh.getLastRow() === 0 && ctx.ss.getSheets().length > 1) ctx.ss.deleteSheet(sh);
      }
    }

    const programs = loadProgrammes(ctx);
    const targets = loadTargets(ctx);
    const plan = opts.fromDecision ?? (opts.template === 'qd1731-2024' ? seedPlan2024() : { programs: [], targets: [] });
    const add = missingPlanRows(programs.items, targets.items, plan);
    appendRecords(programs.table, add.programs.map(programmeRecord));
    appendRecords(targets.table, add.targets.map(targetRecord));

    let settingsChanged = false;
    if (!ctx.configured) {
      const s = opts.fromDecision ? { ...opts.fromDecision.settings } : opts.template === 'qd1731-2024' ? defaultSettings(opts.year) : blankSettings(opts.year);
      s.admins = [ctx.user];
      saveSettingsProp(ctx, s);
      settingsChanged = true;
    } else if (!ctx.settings.admins.length) {
      saveSettingsProp(ctx, { ...ctx.settings, admins: [ctx.user] });
      settingsChanged = true;
    }
    const registers = setupRegisters(ctx, opts.template === 'qd1731-2024' ? opts.year : null);
    // A time-driven run has no active spreadsheet: it opens this one by id.
    if (ctx.docProps && getProp(ctx, PROP.spreadsheetId) !== ctx.ss.getId()) {
      setProp(ctx, PROP.spreadsheetId, ctx.ss.getId());
    }

    const changed = created.length + repaired.length + add.programs.length + add.targets.length + registers.length > 0 || settingsChanged;
    if (changed) {
      audit(
        ctx,
        'Thiết lập bảng tính',
        // The log names what the plan came from in the staff's words, not the template's code.
        opts.fromDecision?.settings.decision.number || (opts.template === 'qd1731-2024' ? 'Kế hoạch mẫu (QĐ 1731/QĐ-UBND)' : 'Bảng trống'),
        [
          created.length ? `Tạo trang: ${created.join(', ')}` : '',
          repaired.length ? `Khôi phục cột: ${repaired.join('; ')}` : '',
          `Thêm ${add.programs.length} chương trình, ${add.targets.length} chỉ tiêu năm ${opts.year}`,
          ...registers,
        ]
          .filter(Boolean)
          .join('. '),
      );
      refreshDashboard(ctx);
    }
    const year = opts.year;
    return {
      ok: true as const,
      createdSheets: created,
      repairedColumns: repaired,
      addedPrograms: add.programs.length,
      addedTargets: add.targets.length,
      programs: programs.items.filter((p) => p.year === year).length + add.programs.filter((p) => p.year === year).length,
      targets: targets.items.filter((t) => t.year === year).length + add.targets.filter((t) => t.year === year).length,
      year,
    };
  });
}
