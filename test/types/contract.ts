// Type test of the sidebar ↔ server contract, compiled by `npm run typecheck` (tsconfig.client.json): never run.
// Each `@ts-expect-error` is a sidebar-side mistake the compiler must refuse; were the contract to stop holding
// (a result typed `any`, a caller choosing its own result type), the directive would be unused and tsc would fail.
import { call, type ResultOf } from '../../src/ui/common';
import type { BudgetView, LogView } from '../../src/core/views';

export async function sidebarReads(): Promise<void> {
  const log = await call('getLogView');
  if (!log.ok) {
    // A failure carries a Vietnamese message and per-field messages, nothing else.
    const words: string = log.message;
    void words;
    return;
  }
  // What the server returns can be read…
  const year: number = log.year;
  const label: string = log.targets[0].label;
  void year;
  void label;
  // …a field it does not return cannot.
  // @ts-expect-error getLogView returns no `events` (the recent events are `recent`)
  void log.events;
  // @ts-expect-error a target's figures carry `done`, not `achieved`
  void log.targets[0].achieved;

  const budget = await call('getBudgetView');
  if (budget.ok) {
    const spent: number = budget.lines[0].spent;
    void spent;
    // @ts-expect-error a budget line view has no `remaining` (that is a total)
    void budget.lines[0].remaining;
  }

  const settings = await call('getSettings');
  if (settings.ok) {
    // @ts-expect-error getSettings returns `settings.orgName`, not a top-level `orgName`
    void settings.orgName;
  }

  const saved = await call('saveBudgetLine', { programCode: 'P1', item: 'Hội nghị', quantity: 1, unitPrice: 1000000, stage: 'Dự thảo' });
  if (saved.ok) {
    const id: string = saved.id;
    void id;
    // @ts-expect-error saveBudgetLine returns the budget view, not the log view
    const wrong: LogView = saved.view;
    void wrong;
  }
}

export function sidebarCalls(): void {
  // @ts-expect-error not an export of src/main.ts
  void call('deleteEverything');
  // @ts-expect-error goToCell takes the sheet and the cell: two arguments, not three
  void call('goToCell', 'Hoạt động', 'A2', 'B3');
  // @ts-expect-error a Date cannot cross google.script.run (dates are YYYY-MM-DD strings)
  void call('logEvent', { targetCode: 'P2.1', date: new Date(), title: 'Tọa đàm' });
}

// The result types are the server's: a view declared in core is what the function returns.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const budgetIsTheCoreView: Same<ResultOf<'getBudgetView'>, BudgetView> = true;
export const logIsTheCoreView: Same<ResultOf<'getLogView'>, LogView> = true;
