// The "Tổng hợp" sheet: progress per programme and target, the budget, two charts; a few batch writes.
import { computeProgress } from '../core/progress';
import { summarizeBudget } from '../core/budget';
import { SHEETS, MONEY_FORMAT } from '../core/sheets';
import { dateTimeToText, dateToIso } from '../core/cells';
import type { BudgetLine, LoggedEvent, Programme, Target } from '../core/types';
import { loadWorkbook, ofYear, type Workbook } from './repo';
import { writeChangedColumns } from './table';
import { batchWrites, targetFor, writeBlock } from './sheets-api';
import { getProp, setProp, type Ctx } from './context';
import { buildDashboard } from '../core/dashboard-model';
import { planOverText, planYearOver } from '../core/schedule';

const LAYOUT_KEY = 'lhh.dashboardLayout';
const STYLE_KEY = 'lhh.dashboardStyle';

export interface DashboardData {
  year: number;
  programs: Programme[];
  targets: Target[];
  events: LoggedEvent[];
  lines: BudgetLine[];
}

/** Reads what the dashboard needs (one read per sheet). */
export function readDashboardData(ctx: Ctx): DashboardData {
  const year = ctx.settings.planYear;
  const wb = loadWorkbook(ctx, year);
  return { year, programs: wb.programs, targets: wb.targets, events: ofYear(wb.events.items, year), lines: ofYear(wb.budget.items, year) };
}

/** A short fingerprint of the dashboard's styles, kept to know when they must be written again. */
function fingerprint(s: string): string {
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = ((h * 33) ^ s.charCodeAt(i)) >>> 0;
  return `${s.length}:${h.toString(36)}`;
}

/**
 * Rewrites the dashboard from data already read. Values are one write; fonts, backgrounds, number
 * formats and the charts are written again only when they changed (or when `force`, from the menu),
 * since a logged event usually changes figures, not the layout.
 */
export function writeDashboard(ctx: Ctx, data: DashboardData, force = false): void {
  const today = dateToIso(ctx.now, ctx.tz);
  const progress = computeProgress(data.programs, data.targets, data.events, { from: `${data.year}-01-01`, to: `${data.year + 1}-12-31` }, today);
  const programOf = new Map(data.targets.map((t) => [t.code, t.programCode]));
  const budget = summarizeBudget(data.programs, data.lines, data.events, (c) => programOf.get(c));
  const planOver = planYearOver(today, data.year) ? planOverText(data.year) : undefined;
  const model = buildDashboard({ year: data.year, progress, budget, updatedAt: dateTimeToText(ctx.now, ctx.tz), planOver });
  const width = model.width;
  const height = model.values.length;
  const style = fingerprint(JSON.stringify([width, height, model.weights, model.backgrounds, model.formats]));
  const restyle = force || getProp(ctx, STYLE_KEY) !== style;
  // Same layout as last time: only the figures change, one write (through the Sheets API, no sheet lookup).
  const api = restyle ? null : targetFor(ctx, SHEETS.dashboard);
  if (api) {
    writeBlock(api, 1, 1, model.values);
    return;
  }
  const sheet = ctx.ss.getSheetByName(SHEETS.dashboard.name);
  if (!sheet) return;
  if (restyle) {
    const maxRows = sheet.getMaxRows();
    sheet.clear();
    if (maxRows < height) sheet.insertRowsAfter(maxRows, height - maxRows);
  }
  const range = sheet.getRange(1, 1, height, width);
  range.setValues(model.values);
  if (!restyle) return;
  range.setFontWeights(model.weights);
  range.setBackgrounds(model.backgrounds);
  range.setNumberFormats(model.formats.map((r) => r.map((f) => (f === 'money' ? MONEY_FORMAT : f))));
  setProp(ctx, STYLE_KEY, style);
  // Charts read fixed cells, so they only need rebuilding when the layout moves (another plan) or one
  // is missing; clear() leaves charts in place, so even the menu's full refresh keeps good ones.
  const layout = JSON.stringify([model.progressChart, model.budgetChart, data.year]);
  const charts = sheet.getCharts();
  if (charts.length === 2 && getProp(ctx, LAYOUT_KEY) === layout) return;
  for (const ch of charts) sheet.removeChart(ch);
  // A new layout: readable widths for the code, name, unit, figures, bar and warning columns.
  [70, 380, 90, 80, 100, 80, 110, 200].forEach((px, i) => sheet.setColumnWidth(i + 1, px));
  const chartRange = (b: { row: number; rows: number; col: number; cols: number }) => sheet.getRange(b.row, b.col, b.rows, b.cols);
  sheet.insertChart(
    sheet
      .newChart()
      .setChartType(ctx.svc.Charts.ChartType.COLUMN)
      .addRange(chartRange(model.progressChart))
      .setPosition(model.chartRow, width + 2, 0, 0)
      .setOption('title', `Tỷ lệ hoàn thành theo chương trình năm ${data.year} (%)`)
      .setOption('vAxis.maxValue', 100)
      .build(),
  );
  sheet.insertChart(
    sheet
      .newChart()
      .setChartType(ctx.svc.Charts.ChartType.BAR)
      .addRange(chartRange(model.budgetChart))
      .setPosition(model.chartRow + 20, width + 2, 0, 0)
      .setOption('title', 'Kinh phí theo chương trình (đồng)')
      .build(),
  );
  setProp(ctx, LAYOUT_KEY, layout);
}

/** The menu's full refresh: everything rewritten, whatever was there. */
export function refreshDashboard(ctx: Ctx, force = true): void {
  writeDashboard(ctx, readDashboardData(ctx), force);
}

/**
 * Rewrites the computed columns of the data sheets ("Đã thực hiện", "Tỷ lệ (%)" of targets,
 * "Đề nghị", "Đã chi" of budget lines) from rows already read: one write per column.
 */
export function writeComputed(ctx: Ctx, wb: Workbook): void {
  const today = dateToIso(ctx.now, ctx.tz);
  const years = Array.from(new Set(wb.targetTable.items.map((t) => t.year)));
  const done = new Map<string, { done: number; percent: number | null }>();
  // Targets of every year live in one sheet; each year counts only its own events.
  const allTargets = wb.targetTable.items;
  for (const y of years) {
    const p = computeProgress([], allTargets.filter((t) => t.year === y), wb.events.items.filter((e) => e.year === y), {}, today);
    for (const t of p.targets) done.set(`${y}|${t.code}`, { done: t.done, percent: t.percent });
  }
  const tt = wb.targetTable.table;
  const rowTargets = new Map<number, string>();
  wb.targetTable.index.forEach((ri, k) => rowTargets.set(ri, `${wb.targetTable.items[k].year}|${wb.targetTable.items[k].code}`));
  const doneCol = tt.rows.map((_, ri) => {
    const d = done.get(rowTargets.get(ri) || '');
    return d ? d.done : '';
  });
  const pctCol = tt.rows.map((_, ri) => {
    const d = done.get(rowTargets.get(ri) || '');
    return d && d.percent !== null ? d.percent : '';
  });
  writeChangedColumns(tt, { done: doneCol, percent: pctCol });
  const spent = new Map<string, number>();
  for (const e of wb.events.items) {
    if (e.state === 'Đã hủy' || !e.cost || !e.budgetLineId) continue;
    spent.set(e.budgetLineId, (spent.get(e.budgetLineId) || 0) + e.cost);
  }
  const bt = wb.budget.table;
  const lineAt = new Map<number, BudgetLine>();
  wb.budget.index.forEach((ri, k) => lineAt.set(ri, wb.budget.items[k]));
  writeChangedColumns(bt, {
    proposed: bt.rows.map((_, ri) => (lineAt.has(ri) ? (lineAt.get(ri) as BudgetLine).proposed : '')),
    spent: bt.rows.map((_, ri) => (lineAt.has(ri) ? spent.get((lineAt.get(ri) as BudgetLine).id) || 0 : '')),
  });
}

/** After a change: the computed columns and the dashboard, from what the action already read. */
export function afterChange(ctx: Ctx, wb: Workbook): void {
  // One write for the computed columns of two sheets and the dashboard's figures (Sheets API).
  batchWrites(() => {
    writeComputed(ctx, wb);
    writeDashboard(ctx, { year: wb.year, programs: wb.programs, targets: wb.targets, events: ofYear(wb.events.items, wb.year), lines: ofYear(wb.budget.items, wb.year) });
  });
}
