// The "Tổng hợp" sheet: progress per programme and target, the budget, two charts; a few batch writes.
import { computeProgress } from '../core/progress';
import { summarizeBudget } from '../core/budget';
import { SHEETS, MONEY_FORMAT } from '../core/sheets';
import { dateTimeToText, dateToIso } from '../core/cells';
import type { BudgetLine, LoggedEvent, Programme, Target } from '../core/types';
import { loadBudget, loadEvents, loadPlan } from './repo';
import type { Ctx } from './context';
import { buildDashboard } from '../core/dashboard-model';

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
  const plan = loadPlan(ctx, year);
  return { year, programs: plan.programs, targets: plan.targets, events: loadEvents(ctx, year).items, lines: loadBudget(ctx, year).items };
}

/**
 * Rewrites the dashboard from data already read: one clear, one value write, one write each for
 * fonts, backgrounds and number formats, and the two charts updated in place.
 */
export function writeDashboard(ctx: Ctx, data: DashboardData): void {
  const sheet = ctx.ss.getSheetByName(SHEETS.dashboard.name);
  if (!sheet) return;
  const today = dateToIso(ctx.now, ctx.tz);
  const progress = computeProgress(data.programs, data.targets, data.events, { from: `${data.year}-01-01`, to: `${data.year + 1}-12-31` }, today);
  const programOf = new Map(data.targets.map((t) => [t.code, t.programCode]));
  const budget = summarizeBudget(data.programs, data.lines, data.events, (c) => programOf.get(c));
  const model = buildDashboard({ year: data.year, progress, budget, updatedAt: dateTimeToText(ctx.now, ctx.tz) });
  const width = model.width;
  const height = model.values.length;
  const maxRows = sheet.getMaxRows();
  sheet.clear();
  if (maxRows < height) sheet.insertRowsAfter(maxRows, height - maxRows);
  const range = sheet.getRange(1, 1, height, width);
  range.setValues(model.values);
  range.setFontWeights(model.weights);
  range.setBackgrounds(model.backgrounds);
  range.setNumberFormats(model.formats.map((r) => r.map((f) => (f === 'money' ? MONEY_FORMAT : f))));
  if (sheet.getFrozenRows() !== 0) sheet.setFrozenRows(0);
  for (const ch of sheet.getCharts()) sheet.removeChart(ch);
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
}

export function refreshDashboard(ctx: Ctx): void {
  writeDashboard(ctx, readDashboardData(ctx));
}
