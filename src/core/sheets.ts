// The workbook's layout: the registry of record types (sheet name, headers, kinds, lists, checks); columns are found by header.
import { field as c, type SheetDef } from './record-type';
import { BUDGET_STAGES, EVENT_STATES, TARGET_STATUSES } from './types';
import { proposedAmount } from './budget';
import { REGISTER_TYPES } from './expert-sheets';
import { DEMAND_TYPES } from './demands';
import { FORM_TYPES } from './forms';

export type { ColumnDef, ColumnKind, SheetDef, RecordType } from './record-type';

export type SheetKey = 'programs' | 'targets' | 'events' | 'budget' | 'dashboard' | 'register' | 'audit';

export const DATE_FORMAT = 'dd/mm/yyyy';
export const DATETIME_FORMAT = 'dd/mm/yyyy hh:mm';
export const MONEY_FORMAT = '#,##0 "đ"';
export const INT_FORMAT = '#,##0';

export const QUALIFIER_LABELS = { exact: 'Chính xác', min: 'Tối thiểu', about: 'Khoảng' } as const;

// Codes and ids the sidebars send: letters, digits, dot, dash.
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,30}$/;
const YEAR = { required: true, width: 60, format: '0' } as const;
const PROGRAM_LIST = { from: { sheet: 'programs', column: 'code' }, help: 'Chọn mã chương trình có trong trang "Chương trình".' };
const TARGET_LIST = { from: { sheet: 'targets', column: 'code' }, help: 'Chọn mã chỉ tiêu có trong trang "Chỉ tiêu".' };
const MONEY_INPUT = { min: 0, input: true, max: 1e13, maxText: '10.000 tỷ' } as const;
const n = (v: unknown) => (typeof v === 'number' ? v : 0);

export const SHEETS: Record<SheetKey, SheetDef> = {
  programs: {
    key: 'programs',
    name: 'Chương trình',
    color: '#1a73e8',
    columns: [
      c('year', 'Năm', 'int', YEAR),
      c('code', 'Mã', 'text', { required: true, width: 60 }),
      c('name', 'Tên chương trình', 'text', { required: true, width: 360 }),
      c('objectives', 'Mục tiêu', 'text', { width: 480 }),
    ],
  },
  targets: {
    key: 'targets',
    name: 'Chỉ tiêu',
    color: '#1a73e8',
    checked: 'data',
    columns: [
      c('year', 'Năm', 'int', YEAR),
      c('code', 'Mã', 'text', { required: true, width: 60 }),
      c('programCode', 'Mã chương trình', 'text', { required: true, width: 90, list: PROGRAM_LIST }),
      c('name', 'Tên chỉ tiêu', 'text', { required: true, width: 260 }),
      c('content', 'Nội dung (theo quyết định)', 'text', { width: 420 }),
      c('quantity', 'Số lượng', 'int', { required: true, mayBeEmpty: true, width: 80, min: 0 }),
      c('unit', 'Đơn vị tính', 'text', { required: true, mayBeEmpty: true, width: 100 }),
      c('upper', 'Số lượng tối đa', 'int', { width: 90, min: 0 }),
      c('qualifier', 'Loại chỉ tiêu', 'text', {
        width: 100,
        list: { choices: Object.values(QUALIFIER_LABELS), loose: true, help: '"Tối thiểu" khi quyết định giao "ít nhất", "trên"…; "Khoảng" khi giao "khoảng".' },
      }),
      c('dueDate', 'Hạn hoàn thành', 'date', { width: 110 }),
      c('endYear', 'Năm kết thúc', 'int', { width: 90, format: '0' }),
      c('status', 'Trạng thái', 'text', { width: 130, list: { choices: TARGET_STATUSES, help: 'Trạng thái thực hiện chỉ tiêu.' } }),
      c('note', 'Ghi chú', 'text', { width: 240 }),
      c('done', 'Đã thực hiện', 'number', { computed: true, width: 100 }),
      c('percent', 'Tỷ lệ (%)', 'percent', { computed: true, width: 90 }),
    ],
  },
  events: {
    key: 'events',
    name: 'Hoạt động',
    color: '#188038',
    id: { key: 'id', prefix: 'HD', width: 4 },
    checked: 'edits',
    periodField: 'date',
    // A cancelled event stays for the record, greyed; the id stays in view as the staff scroll right.
    greyWhen: { column: 'state', value: EVENT_STATES[1] },
    frozenColumns: 1,
    columns: [
      // A row typed by hand gets its id, year and state from the edit trigger: empty is no error.
      c('id', 'Mã', 'text', { required: true, width: 110, auto: () => '' }),
      c('year', 'Năm', 'int', { ...YEAR, auto: (r) => (typeof r.date === 'string' && /^\d{4}-/.test(r.date) ? +r.date.slice(0, 4) : null) }),
      c('targetCode', 'Mã chỉ tiêu', 'text', { label: 'Chỉ tiêu',
        required: true,
        width: 90,
        list: TARGET_LIST,
        ref: { sheet: 'targets', column: 'code', code: 'unknownTarget', sameYear: true },
        input: true,
        pattern: CODE,
        patternCode: 'unknownTarget',
      }),
      c('date', 'Ngày', 'date', { required: true, width: 100, input: true }),
      c('title', 'Tên hoạt động', 'text', { required: true, width: 280, input: true, max: 300 }),
      // The form may leave it out: an event counts once unless told otherwise.
      c('quantity', 'Số lượng', 'int', { required: true, width: 80, min: 1, input: true, max: 10000, form: { required: false } }),
      c('location', 'Địa điểm', 'text', { width: 160, input: true, max: 200 }),
      c('partner', 'Đơn vị phối hợp', 'text', { width: 160, input: true, max: 200 }),
      c('participants', 'Số người tham dự', 'int', { width: 100, min: 0, input: true, max: 1000000 }),
      c('cost', 'Chi phí', 'money', { width: 120, min: 0, input: true, max: 1e13 }),
      c('budgetLineId', 'Mã dòng kinh phí', 'text', { label: 'Dòng kinh phí',
        width: 110,
        ref: { sheet: 'budget', column: 'id', code: 'unknownBudgetLine' },
        input: true,
        pattern: CODE,
        patternCode: 'unknownBudgetLine',
      }),
      c('result', 'Kết quả, ghi chú', 'text', { width: 260, input: true, max: 2000 }),
      c('evidenceUrl', 'Minh chứng (liên kết)', 'url', { label: 'Liên kết minh chứng', width: 200, input: true, max: 500 }),
      c('state', 'Trạng thái', 'text', { required: true, width: 90, list: { choices: EVENT_STATES, help: 'Hiệu lực hoặc Đã hủy.' }, auto: () => EVENT_STATES[0] }),
      c('cancelReason', 'Lý do hủy', 'text', { width: 180, max: 500 }),
      c('createdBy', 'Người tạo', 'text', { width: 160 }),
      c('createdAt', 'Thời điểm tạo', 'datetime', { width: 130 }),
      c('updatedBy', 'Người sửa', 'text', { width: 160 }),
      c('updatedAt', 'Thời điểm sửa', 'datetime', { width: 130 }),
    ],
  },
  budget: {
    key: 'budget',
    name: 'Kinh phí',
    color: '#e37400',
    id: { key: 'id', prefix: 'KP', width: 3 },
    checked: 'edits',
    // "Đề nghị" is always quantity × unit price, whoever typed them.
    compute: (r) => ({ proposed: proposedAmount(n(r.quantity), n(r.unitPrice)) }),
    columns: [
      // The form sends an id only to edit a line; a new line gets the next.
      c('id', 'Mã', 'text', { required: true, width: 100, input: true, form: { required: false }, pattern: CODE }),
      c('year', 'Năm', 'int', YEAR),
      c('programCode', 'Mã chương trình', 'text', { label: 'Chương trình',
        required: true,
        width: 90,
        list: PROGRAM_LIST,
        ref: { sheet: 'programs', column: 'code', code: 'unknownProgram', sameYear: true },
        input: true,
      }),
      c('targetCode', 'Mã chỉ tiêu', 'text', { label: 'Chỉ tiêu', width: 90, list: TARGET_LIST, ref: { sheet: 'targets', column: 'code', code: 'unknownTarget', sameYear: true },
        input: true,
      }),
      c('item', 'Nội dung chi', 'text', { required: true, width: 300, input: true, max: 300 }),
      c('unit', 'Đơn vị tính', 'text', { width: 90, input: true, max: 60 }),
      // A hand-typed 0 is kept (a line not needed after all); the form asks for more than 0.
      c('quantity', 'Số lượng', 'number', { required: true, width: 80, min: 0, input: true, max: 1e6, maxText: '1.000.000', form: { min: 0.01 } }),
      c('unitPrice', 'Đơn giá', 'money', { required: true, width: 120, ...MONEY_INPUT }),
      c('proposed', 'Đề nghị', 'money', { computed: true, width: 130 }),
      c('appraised', 'Thẩm định', 'money', { label: 'Số thẩm định', width: 130, ...MONEY_INPUT }),
      c('approved', 'Phê duyệt', 'money', { label: 'Số phê duyệt', width: 130, ...MONEY_INPUT }),
      c('spent', 'Đã chi', 'money', { computed: true, width: 130 }),
      c('basis', 'Căn cứ, định mức', 'text', { width: 240, input: true, max: 500 }),
      c('stage', 'Giai đoạn', 'text', {
        required: true,
        width: 130,
        list: { choices: BUDGET_STAGES, help: 'Giai đoạn: Dự thảo → Đã gửi thẩm định → Đã thẩm định → Đã phê duyệt.' },
        input: true,
        // The form may leave it out: a new line starts as "Dự thảo", an edit keeps its own (validateBudgetLine).
        form: { required: false },
      }),
      c('note', 'Ghi chú', 'text', { width: 200, input: true, max: 1000 }),
    ],
  },
  dashboard: { key: 'dashboard', name: 'Tổng hợp', color: '#9334e6', columns: [] },
  register: {
    key: 'register',
    name: 'Sổ văn bản',
    color: '#5f6368',
    columns: [
      c('year', 'Năm', 'int', YEAR),
      c('type', 'Loại', 'text', { required: true, width: 60 }),
      c('seq', 'Số', 'int', { required: true, width: 50, format: '0' }),
      c('number', 'Số, ký hiệu', 'text', { required: true, width: 120 }),
      c('date', 'Ngày', 'date', { width: 100 }),
      c('summary', 'Trích yếu', 'text', { width: 360 }),
      c('periodFrom', 'Kỳ từ ngày', 'date', { width: 100 }),
      c('periodTo', 'Kỳ đến ngày', 'date', { width: 100 }),
      c('recipients', 'Nơi nhận', 'text', { width: 220 }),
      c('docUrl', 'Liên kết', 'url', { width: 220 }),
      c('docId', 'Mã tài liệu', 'text', { required: true, width: 120 }),
      c('state', 'Trạng thái', 'text', { required: true, width: 110 }),
      c('createdBy', 'Người lập', 'text', { width: 160 }),
      c('createdAt', 'Thời điểm lập', 'datetime', { width: 130 }),
      c('sentAt', 'Thời điểm gửi', 'datetime', { width: 130 }),
      c('jobKey', 'Khóa lịch', 'text', { width: 140 }),
      // Added after the first release: the sheet's repair puts them at the end of older workbooks.
      c('kind', 'Loại văn bản', 'text', { width: 150 }),
      c('recipientEmails', 'Email nơi nhận', 'text', { width: 200 }),
      c('subjectKey', 'Thuộc hồ sơ', 'text', { width: 110 }),
      c('note', 'Ghi chú', 'text', { width: 220 }),
    ],
  },
  audit: {
    key: 'audit',
    name: 'Nhật ký',
    color: '#5f6368',
    // Only the add-on writes the log: editing it by hand asks for confirmation first.
    protect: 'Nhật ký do LHH Tracker ghi, không sửa tay',
    columns: [
      c('at', 'Thời điểm', 'datetime', { required: true, width: 130 }),
      c('user', 'Người thực hiện', 'text', { required: true, width: 180 }),
      c('action', 'Thao tác', 'text', { required: true, width: 160 }),
      c('subject', 'Đối tượng', 'text', { width: 140 }),
      c('detail', 'Chi tiết', 'text', { width: 480 }),
    ],
  },
};

/**
 * THE REGISTRY: every record type, in the order of the sheet tabs. Setup creates and repairs each,
 * "Kiểm tra dữ liệu" checks those `checked`, the edit trigger those `checked: 'edits'`. A new record type is
 * declared (see core/record-type.ts) and added here.
 */
export const RECORD_TYPES: SheetDef[] = [SHEETS.dashboard, SHEETS.programs, SHEETS.targets, SHEETS.events, SHEETS.budget, ...REGISTER_TYPES, ...DEMAND_TYPES, ...FORM_TYPES, SHEETS.register, SHEETS.audit];

/** Adds a record type at run time, before the registry's own last two (the register and the log stay last). */
export function registerRecordType(def: SheetDef): void {
  const at = RECORD_TYPES.findIndex((d) => d.key === def.key);
  if (at >= 0) RECORD_TYPES[at] = def;
  else RECORD_TYPES.splice(RECORD_TYPES.length - 2, 0, def);
}

export function recordType(key: string): SheetDef | undefined {
  return RECORD_TYPES.find((d) => d.key === key);
}

/** 0-based column index → its A1 letters (0 → A, 26 → AA). */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
