// The workbook's layout: sheet names, headers, kinds and formats; columns are found by header.

export type ColumnKind = 'text' | 'int' | 'number' | 'money' | 'date' | 'datetime' | 'percent' | 'url';

export interface ColumnDef {
  key: string;
  header: string;
  kind: ColumnKind;
  required?: boolean;
  /** The header must exist, but a row may leave the cell empty (a qualitative target has no quantity). */
  mayBeEmpty?: boolean;
  /** Written by the add-on; protected with a warning so hand edits are deliberate. */
  computed?: boolean;
  width?: number;
  /** Dropdown source. */
  list?: 'targets' | 'programs' | 'stages' | 'eventStates' | 'targetStatuses' | 'qualifiers';
}

export interface SheetDef {
  key: SheetKey;
  name: string;
  columns: ColumnDef[];
  /** Tab colour, to tell data sheets from those the add-on writes. */
  color?: string;
}

export type SheetKey = 'programs' | 'targets' | 'events' | 'budget' | 'dashboard' | 'register' | 'audit';

export const DATE_FORMAT = 'dd/mm/yyyy';
export const DATETIME_FORMAT = 'dd/mm/yyyy hh:mm';
export const MONEY_FORMAT = '#,##0 "đ"';
export const INT_FORMAT = '#,##0';

const c = (key: string, header: string, kind: ColumnKind, extra: Partial<ColumnDef> = {}): ColumnDef => ({
  key,
  header,
  kind,
  ...extra,
});

export const SHEETS: Record<SheetKey, SheetDef> = {
  programs: {
    key: 'programs',
    name: 'Chương trình',
    color: '#1a73e8',
    columns: [
      c('year', 'Năm', 'int', { required: true, width: 60 }),
      c('code', 'Mã', 'text', { required: true, width: 60 }),
      c('name', 'Tên chương trình', 'text', { required: true, width: 360 }),
      c('objectives', 'Mục tiêu', 'text', { width: 480 }),
    ],
  },
  targets: {
    key: 'targets',
    name: 'Chỉ tiêu',
    color: '#1a73e8',
    columns: [
      c('year', 'Năm', 'int', { required: true, width: 60 }),
      c('code', 'Mã', 'text', { required: true, width: 60 }),
      c('programCode', 'Mã chương trình', 'text', { required: true, width: 90, list: 'programs' }),
      c('name', 'Tên chỉ tiêu', 'text', { required: true, width: 260 }),
      c('content', 'Nội dung (theo quyết định)', 'text', { width: 420 }),
      c('quantity', 'Số lượng', 'int', { required: true, mayBeEmpty: true, width: 80 }),
      c('unit', 'Đơn vị tính', 'text', { required: true, mayBeEmpty: true, width: 100 }),
      c('qualifier', 'Loại chỉ tiêu', 'text', { width: 100, list: 'qualifiers' }),
      c('dueDate', 'Hạn hoàn thành', 'date', { width: 110 }),
      c('endYear', 'Năm kết thúc', 'int', { width: 90 }),
      c('status', 'Trạng thái', 'text', { width: 130, list: 'targetStatuses' }),
      c('note', 'Ghi chú', 'text', { width: 240 }),
      c('done', 'Đã thực hiện', 'number', { computed: true, width: 100 }),
      c('percent', 'Tỷ lệ (%)', 'percent', { computed: true, width: 90 }),
    ],
  },
  events: {
    key: 'events',
    name: 'Hoạt động',
    color: '#188038',
    columns: [
      c('id', 'Mã', 'text', { required: true, width: 110 }),
      c('year', 'Năm', 'int', { required: true, width: 60 }),
      c('targetCode', 'Mã chỉ tiêu', 'text', { required: true, width: 90, list: 'targets' }),
      c('date', 'Ngày', 'date', { required: true, width: 100 }),
      c('title', 'Tên hoạt động', 'text', { required: true, width: 280 }),
      c('quantity', 'Số lượng', 'int', { required: true, width: 80 }),
      c('location', 'Địa điểm', 'text', { width: 160 }),
      c('partner', 'Đơn vị phối hợp', 'text', { width: 160 }),
      c('participants', 'Số người tham dự', 'int', { width: 100 }),
      c('cost', 'Chi phí', 'money', { width: 120 }),
      c('budgetLineId', 'Mã dòng kinh phí', 'text', { width: 110 }),
      c('result', 'Kết quả, ghi chú', 'text', { width: 260 }),
      c('evidenceUrl', 'Minh chứng (liên kết)', 'url', { width: 200 }),
      c('state', 'Trạng thái', 'text', { required: true, width: 90, list: 'eventStates' }),
      c('cancelReason', 'Lý do hủy', 'text', { width: 180 }),
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
    columns: [
      c('id', 'Mã', 'text', { required: true, width: 100 }),
      c('year', 'Năm', 'int', { required: true, width: 60 }),
      c('programCode', 'Mã chương trình', 'text', { required: true, width: 90, list: 'programs' }),
      c('targetCode', 'Mã chỉ tiêu', 'text', { width: 90, list: 'targets' }),
      c('item', 'Nội dung chi', 'text', { required: true, width: 300 }),
      c('unit', 'Đơn vị tính', 'text', { width: 90 }),
      c('quantity', 'Số lượng', 'number', { required: true, width: 80 }),
      c('unitPrice', 'Đơn giá', 'money', { required: true, width: 120 }),
      c('proposed', 'Đề nghị', 'money', { computed: true, width: 130 }),
      c('appraised', 'Thẩm định', 'money', { width: 130 }),
      c('approved', 'Phê duyệt', 'money', { width: 130 }),
      c('spent', 'Đã chi', 'money', { computed: true, width: 130 }),
      c('basis', 'Căn cứ, định mức', 'text', { width: 240 }),
      c('stage', 'Giai đoạn', 'text', { required: true, width: 130, list: 'stages' }),
      c('note', 'Ghi chú', 'text', { width: 200 }),
    ],
  },
  dashboard: { key: 'dashboard', name: 'Tổng hợp', color: '#9334e6', columns: [] },
  register: {
    key: 'register',
    name: 'Sổ văn bản',
    color: '#5f6368',
    columns: [
      c('year', 'Năm', 'int', { required: true, width: 60 }),
      c('type', 'Loại', 'text', { required: true, width: 60 }),
      c('seq', 'Số', 'int', { required: true, width: 50 }),
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
    ],
  },
  audit: {
    key: 'audit',
    name: 'Nhật ký',
    color: '#5f6368',
    columns: [
      c('at', 'Thời điểm', 'datetime', { required: true, width: 130 }),
      c('user', 'Người thực hiện', 'text', { required: true, width: 180 }),
      c('action', 'Thao tác', 'text', { required: true, width: 160 }),
      c('subject', 'Đối tượng', 'text', { width: 140 }),
      c('detail', 'Chi tiết', 'text', { width: 480 }),
    ],
  },
};

export const SHEET_ORDER: SheetKey[] = ['dashboard', 'programs', 'targets', 'events', 'budget', 'register', 'audit'];

export const QUALIFIER_LABELS = { exact: 'Chính xác', min: 'Tối thiểu', about: 'Khoảng' } as const;

/** 0-based column index → its A1 letters (0 → A, 26 → AA). */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
