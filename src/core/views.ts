// What the logging sidebar receives from the server: one shape, shared by both ends of google.script.run.

export interface TargetView {
  code: string;
  programCode: string;
  name: string;
  unit: string;
  planned: number | null;
  done: number;
  percent: number | null;
  /** "Tư vấn, phản biện — 3/16 cuộc". */
  label: string;
  /** The plan years, as the date field's bounds. */
  minDate: string;
  maxDate: string;
}

export interface RecentEvent {
  id: string;
  targetCode: string;
  date: string;
  title: string;
  quantity: number;
  location: string;
  partner: string;
  participants: number | null;
  cost: number | null;
  budgetLineId: string;
  result: string;
  evidenceUrl: string;
  state: string;
  cancelReason: string;
  createdBy: string;
}

export interface LogView {
  ok: true;
  year: number;
  user: string;
  isAdmin: boolean;
  programs: { code: string; name: string; percent: number | null }[];
  targets: TargetView[];
  budgetLines: { id: string; programCode: string; targetCode: string; item: string; label: string }[];
  recent: RecentEvent[];
}
