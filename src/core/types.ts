// Domain types of the LHH plan: programmes, targets, events, budget lines, settings.
import type { ErrorCode } from './errors';

/** An ISO calendar date, `YYYY-MM-DD`: the only date form that crosses google.script.run. */
export type IsoDate = string;

/** One of the yearly programmes ("nhiệm vụ, chương trình hoạt động") of a decision. */
export interface Programme {
  year: number;
  /** `P1` … `P5`, unique within a year. */
  code: string;
  name: string;
  objectives: string[];
}

/** How a target's quantity reads: an exact count, or a floor ("ít nhất 800", "hơn 20"). */
export type QuantityQualifier = 'exact' | 'min' | 'about';

export const TARGET_STATUSES = ['Chưa thực hiện', 'Đang thực hiện', 'Hoàn thành'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** A content item of the plan ("chỉ tiêu"): quantified when it has a quantity, else qualitative. */
export interface Target {
  year: number;
  /** `P2.1`, unique within a year. */
  code: string;
  programCode: string;
  /** Short label for lists and dashboards ("Tư vấn, phản biện"). */
  name: string;
  /** The item as the decision words it. */
  content: string;
  quantity: number | null;
  /** Upper end of a range ("15–20 cuộc"); progress counts against `quantity`, the lower end. Absent or null: no range. */
  upper?: number | null;
  unit: string;
  qualifier: QuantityQualifier;
  dueDate: IsoDate | null;
  /** Last year the target runs to, for multi-year targets ("năm 2024-2025"); equals `year` otherwise. */
  endYear: number;
  /** Set by staff for qualitative targets (and optionally quantified ones). */
  status: TargetStatus | '';
  note: string;
}

export const EVENT_STATES = ['Hiệu lực', 'Đã hủy'] as const;
export type EventState = (typeof EVENT_STATES)[number];

/** One logged activity ("hoạt động") counting towards a target. */
export interface LoggedEvent {
  /** `HD-2024-0007`: unique and stable. */
  id: string;
  year: number;
  targetCode: string;
  date: IsoDate;
  title: string;
  quantity: number;
  location: string;
  partner: string;
  participants: number | null;
  cost: number | null;
  budgetLineId: string;
  result: string;
  evidenceUrl: string;
  state: EventState;
  cancelReason: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

/** What the staff enter for an event; id, year, state and who/when are the add-on's. */
export type EventFields = Pick<LoggedEvent, 'targetCode' | 'date' | 'title' | 'quantity' | 'location' | 'partner' | 'participants' | 'cost' | 'budgetLineId' | 'result' | 'evidenceUrl'>;

export const BUDGET_STAGES = ['Dự thảo', 'Đã gửi thẩm định', 'Đã thẩm định', 'Đã phê duyệt'] as const;
export type BudgetStage = (typeof BUDGET_STAGES)[number];

/** One line of the budget estimate ("dự toán kinh phí"); amounts are whole VND. */
export interface BudgetLine {
  /** `KP-2024-001`. */
  id: string;
  year: number;
  programCode: string;
  targetCode: string;
  item: string;
  unit: string;
  quantity: number;
  unitPrice: number;
  /** Always quantity × unitPrice. */
  proposed: number;
  appraised: number | null;
  approved: number | null;
  basis: string;
  stage: BudgetStage;
  note: string;
}

/** What a scheduled job sends, and when. */
export interface ScheduleSettings {
  enabled: boolean;
  /** Hour of day (0–23, Asia/Ho_Chi_Minh) the daily trigger runs at. */
  hour: number;
  /** 0 = off; 1 = Monday … 7 = Sunday. */
  weeklyDay: number;
  /** 0 = off; day of month 1–28 the monthly report goes out. */
  monthlyDay: number;
  /** Draft the sơ kết 6 tháng after 30/6 and the tổng kết after 31/12 for admin review. */
  formalReports: boolean;
}

/** The decision a plan year comes from, for the report's opening line. */
export interface DecisionRef {
  number: string;
  date: IsoDate;
  issuer: string;
}

/** Settings kept in document properties and edited in the settings sidebar. */
export interface Settings {
  orgName: string;
  parentOrgName: string;
  place: string;
  orgCode: string;
  signerTitle: string;
  signerAuthority: string;
  signerName: string;
  reportRecipients: string[];
  reportRecipientName: string;
  budgetRecipients: string[];
  budgetRecipientName: string;
  archiveLine: string;
  admins: string[];
  driveFolderId: string;
  planYear: number;
  decision: DecisionRef;
  schedule: ScheduleSettings;
  /** Staff besides the admins who may read the contacts file (experts' and chairs' phones, emails, addresses). */
  contactReaders?: string[];
  /** The controlled list of fields of expertise experts and dossiers are tagged with. */
  expertFields?: string[];
  /** Days before a dossier's deadline the daily run reminds its staff member (0 = no reminders). */
  reminderDays?: number;
  /** Days before a form's deadline the daily run reminds, once, those who have not answered (0 = no reminders). */
  formReminderDays?: number;
  /** A form is open or links wait in the queue: the daily run has form work (kept by the forms actions, not the sidebar). */
  formsDuty?: boolean;
}

/** A failed action, as the sidebar receives it. */
export interface Failure {
  ok: false;
  code: ErrorCode;
  message: string;
  errors: Record<string, string>;
}
