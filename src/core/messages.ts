// Vietnamese words for every error code and field: the one place where codes become messages.
import type { ErrorCode, Params } from './errors';

/** Field names as the sidebars and the server API know them, with their Vietnamese labels. */
export const FIELD_LABELS: Record<string, string> = {
  id: 'Mã',
  year: 'Năm',
  code: 'Mã',
  programCode: 'Chương trình',
  targetCode: 'Chỉ tiêu',
  date: 'Ngày',
  title: 'Tên hoạt động',
  quantity: 'Số lượng',
  location: 'Địa điểm',
  partner: 'Đơn vị phối hợp',
  participants: 'Số người tham dự',
  cost: 'Chi phí',
  budgetLineId: 'Dòng kinh phí',
  result: 'Kết quả, ghi chú',
  evidenceUrl: 'Liên kết minh chứng',
  reason: 'Lý do hủy',
  item: 'Nội dung chi',
  unit: 'Đơn vị tính',
  unitPrice: 'Đơn giá',
  appraised: 'Số thẩm định',
  approved: 'Số phê duyệt',
  basis: 'Căn cứ, định mức',
  stage: 'Giai đoạn',
  note: 'Ghi chú',
  status: 'Trạng thái',
  name: 'Tên',
  content: 'Nội dung',
  dueDate: 'Hạn hoàn thành',
  from: 'Từ ngày',
  to: 'Đến ngày',
  kind: 'Loại báo cáo',
  orgName: 'Tên cơ quan ban hành',
  parentOrgName: 'Cơ quan chủ quản',
  place: 'Địa danh',
  orgCode: 'Ký hiệu cơ quan',
  signerTitle: 'Chức vụ người ký',
  signerAuthority: 'Thẩm quyền ký',
  signerName: 'Họ tên người ký',
  reportRecipients: 'Email Sở KH&CN',
  reportRecipientName: 'Kính gửi (báo cáo)',
  budgetRecipients: 'Email Sở Tài chính',
  budgetRecipientName: 'Kính gửi (tờ trình)',
  archiveLine: 'Dòng lưu',
  admins: 'Quản trị viên',
  driveFolderId: 'Thư mục Drive',
  planYear: 'Năm kế hoạch',
  decision: 'Quyết định giao nhiệm vụ',
  schedule: 'Lịch gửi',
  text: 'Nội dung quyết định',
  nextNumber: 'Số tiếp theo',
  template: 'Mẫu kế hoạch',
};

/** Typed by ErrorCode: a code of errors.ts without its words here fails `tsc`. */
const M: Record<ErrorCode, (p: Params) => string> = {
  // Field-level codes
  required: () => 'Bắt buộc nhập.',
  invalidType: () => 'Giá trị không hợp lệ.',
  tooLong: (p) => `Quá dài (tối đa ${p.max} ký tự).`,
  invalidDate: () => 'Ngày không hợp lệ (nhập theo dạng dd/mm/yyyy).',
  dateOutOfPlan: (p) => `Ngày phải thuộc năm kế hoạch ${p.years}.`,
  notInteger: () => 'Phải là số nguyên.',
  negative: () => 'Không được là số âm.',
  notPositive: () => 'Phải lớn hơn 0.',
  tooLarge: (p) => `Giá trị quá lớn (tối đa ${p.max}).`,
  invalidMoney: () => 'Số tiền phải là số nguyên đồng, không âm (ví dụ 1.250.000).',
  invalidUrl: () => 'Liên kết phải bắt đầu bằng http:// hoặc https://.',
  invalidEmail: (p) => `Địa chỉ email không hợp lệ: ${p.value}.`,
  unknownTarget: (p) => `Không có chỉ tiêu mã ${p.value} trong kế hoạch.`,
  unknownProgram: (p) => `Không có chương trình mã ${p.value} trong kế hoạch.`,
  unknownBudgetLine: (p) => `Không có dòng kinh phí mã ${p.value}.`,
  budgetLineOtherProgram: () => 'Dòng kinh phí thuộc chương trình khác với chỉ tiêu đã chọn.',
  targetOtherProgram: () => 'Chỉ tiêu không thuộc chương trình đã chọn.',
  invalidChoice: (p) => `Chọn một trong: ${p.choices}.`,
  unknownField: (p) => `Trường không được hỗ trợ: ${p.value}.`,
  controlChars: () => 'Chứa ký tự điều khiển không hợp lệ.',
  dateOrder: () => 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.',
  stageTooEarly: (p) => `Chỉ nhập khi giai đoạn là "${p.stage}" trở đi.`,
  duplicateId: (p) => `Mã ${p.value} bị trùng với một dòng khác.`,
  invalidHour: () => 'Giờ gửi phải từ 0 đến 23.',
  emptyList: () => 'Cần ít nhất một địa chỉ.',
  // Whole-action codes
  invalidInput: () => 'Dữ liệu chưa hợp lệ, vui lòng kiểm tra các ô được đánh dấu.',
  missingSheet: (p) => `Không tìm thấy trang tính "${p.sheet}". Hãy chạy "Thiết lập bảng tính" để tạo lại.`,
  missingColumn: (p) => `Trang tính "${p.sheet}" thiếu cột bắt buộc "${p.column}". Hãy thêm lại tiêu đề cột này ở dòng 1 (hoặc chạy "Thiết lập bảng tính").`,
  duplicateColumn: (p) => `Trang tính "${p.sheet}" có hai cột cùng tiêu đề "${p.column}".`,
  badCell: (p) => `Trang tính "${p.sheet}", dòng ${p.row}, cột "${p.column}": ${p.problem}`,
  notSetUp: () => 'Bảng tính chưa được thiết lập. Vào menu LHH Tracker → "Thiết lập bảng tính".',
  noPlan: (p) => `Chưa có kế hoạch năm ${p.year}. Hãy thiết lập hoặc nhập kế hoạch từ quyết định.`,
  notAdmin: () => 'Chỉ quản trị viên mới được thực hiện thao tác này. Liên hệ quản trị viên của bảng tính.',
  noUserEmail: () => 'Google không cho biết địa chỉ email của bạn nên không thể chỉ định quản trị viên. Hãy đăng nhập bằng tài khoản Google có email và cấp quyền cho tiện ích.',
  busy: () => 'Có người khác đang ghi dữ liệu. Vui lòng thử lại sau ít giây.',
  transient: () => 'Dịch vụ Google tạm thời không phản hồi. Chưa có gì bị thay đổi ngoài những gì đã báo; vui lòng thử lại.',
  unexpected: (p) => `Đã xảy ra lỗi ngoài dự kiến${p.detail ? `: ${p.detail}` : ''}. Vui lòng thử lại hoặc báo cho quản trị viên.`,
  eventNotFound: (p) => `Không tìm thấy hoạt động mã ${p.id}.`,
  eventCancelled: (p) => `Hoạt động ${p.id} đã bị hủy, không thể sửa.`,
  budgetLineNotFound: (p) => `Không tìm thấy dòng kinh phí mã ${p.id}.`,
  periodLocked: (p) => `Số liệu kỳ ${p.period} đã được báo cáo chính thức (${p.number}); chỉ quản trị viên mới được sửa.`,
  quotaShort: (p) => `Hạn mức email hôm nay của tài khoản còn ${p.remaining} người nhận, cần ${p.needed}. Chưa gửi gì; hãy thử lại vào ngày mai.`,
  weeklyQuotaShort: (p) => `Hạn mức email hôm nay của tài khoản còn ${p.remaining} người nhận, bản tóm tắt tuần cần ${p.needed}. Bản tóm tắt tuần này chưa được gửi.`,
  noRecipients: (p) => `Chưa khai báo địa chỉ email nhận (${p.field}) trong Cài đặt.`,
  invalidPlan: () => 'Kế hoạch có lỗi, chưa áp dụng.',
  sendUnknown: (p) => `Lần gửi văn bản ${p.number} trước đó bị gián đoạn nên chưa rõ đã đến nơi nhận hay chưa. Hãy kiểm tra hộp thư đã gửi; quản trị viên có thể gửi lại từ Cài đặt.`,
  noTimeTrigger: () => 'Lịch gửi tự động chưa được bật.',
};

/** The Vietnamese message of a code; unknown codes still read as a sentence, never as a code. */
export function messageOf(code: ErrorCode, params: Params = {}): string {
  // A code read back from JSON or a hand-edited cell may still be outside the union at run time.
  const f = Object.prototype.hasOwnProperty.call(M, code) ? M[code] : undefined;
  return f ? f(params) : M.unexpected({ detail: code });
}

/** "Ngày: Ngày không hợp lệ …": the label names the field so a message stands on its own. */
export function fieldMessage(field: string, code: ErrorCode, params: Params = {}): string {
  const label = Object.prototype.hasOwnProperty.call(FIELD_LABELS, field) ? FIELD_LABELS[field] : field;
  return `${label}: ${messageOf(code, params)}`;
}

export function hasMessage(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(M, code);
}
