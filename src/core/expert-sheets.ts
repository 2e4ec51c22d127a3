// Record types of the LHH's own registers (issue 15): associations, experts, bodies, dossiers, panels, fee rates, kind → target; and the contacts file.
import { field as c, defineRecordType, toItem, type Rec } from './record-type';
import { ACADEMIC_TITLES, ASSOCIATION_KINDS, ASSOCIATION_STATES, EXPERT_STATES, PROVINCE_SCOPES, type Association, type Contact, type Expert, type Organisation } from './experts';
import { DOSSIER_FORMS, DOSSIER_KINDS, DOSSIER_STATES, UPTAKE_LEVELS, type Dossier, type KindTarget } from './dossiers';
import { PANEL_ROLES, type PanelMember } from './panel';
import type { FeeRate } from './fees';
import { DEMAND_KINDS } from './demands';

const YES = 'Có';
const NO = 'Không';
const YEAR = { required: true, width: 60, format: '0' } as const;
const ORG_LIST = { from: { sheet: 'organisations', column: 'code' }, help: 'Chọn mã cơ quan có trong trang "Cơ quan, đơn vị".' };

export const ASSOCIATIONS = defineRecordType({
  key: 'associations',
  name: 'Hội thành viên',
  color: '#0b8043',
  checked: 'data',
  columns: [
    c('code', 'Mã hội', 'text', { required: true, width: 80 }),
    c('name', 'Tên hội', 'text', { required: true, width: 280 }),
    c('fields', 'Lĩnh vực', 'text', { width: 200 }),
    c('kind', 'Loại', 'text', { width: 130, list: { choices: ASSOCIATION_KINDS, help: 'Hội thành viên hoặc hội viên tập thể.' } }),
    c('chair', 'Chủ tịch hội', 'text', { width: 160 }),
    c('members', 'Số hội viên', 'int', { width: 90, min: 0 }),
    c('admittedDate', 'Ngày kết nạp', 'date', { width: 100 }),
    c('state', 'Trạng thái', 'text', { width: 120, list: { choices: ASSOCIATION_STATES, help: 'Đang hoạt động, tạm ngừng hoặc giải thể.' } }),
    c('note', 'Ghi chú', 'text', { width: 200 }),
  ],
});

/** The workbook part of an expert: what panel lists and reports need. Phones, emails, addresses are in the contacts file. */
export const EXPERTS = defineRecordType({
  key: 'experts',
  name: 'Chuyên gia',
  color: '#0b8043',
  checked: 'data',
  columns: [
    c('code', 'Mã chuyên gia', 'text', { required: true, width: 90 }),
    c('name', 'Họ và tên', 'text', { required: true, width: 180 }),
    c('academicTitle', 'Học hàm', 'text', { width: 70, list: { choices: ACADEMIC_TITLES, help: 'GS hoặc PGS; để trống nếu không có.' } }),
    c('degree', 'Học vị', 'text', { width: 70 }),
    c('fields', 'Lĩnh vực', 'text', { required: true, width: 200 }),
    c('speciality', 'Chuyên ngành', 'text', { width: 160 }),
    c('workplaceCode', 'Mã cơ quan công tác', 'text', { width: 110, list: { ...ORG_LIST, loose: true }, ref: { sheet: 'organisations', column: 'code', code: 'unknownOrganisation' } }),
    c('workplace', 'Cơ quan công tác', 'text', { width: 220 }),
    c('position', 'Chức vụ', 'text', { width: 120 }),
    c('associationCode', 'Hội thành viên', 'text', { width: 90, ref: { sheet: 'associations', column: 'code', code: 'unknownAssociation' } }),
    c('scope', 'Trong/ngoài tỉnh', 'text', { width: 100, list: { choices: PROVINCE_SCOPES, help: 'Trong tỉnh hoặc ngoài tỉnh.' } }),
    c('consent', 'Đồng ý tham gia', 'text', { width: 90, list: { choices: [YES, NO], help: 'Chuyên gia đồng ý được mời tư vấn, phản biện (Luật 91/2025/QH15).' } }),
    c('consentDate', 'Ngày đồng ý', 'date', { width: 100 }),
    c('note', 'Ghi chú', 'text', { width: 200 }),
    c('state', 'Trạng thái', 'text', { required: true, width: 120, list: { choices: EXPERT_STATES, help: 'Đang hoạt động, ngừng hoạt động hoặc đã ẩn danh.' }, auto: () => EXPERT_STATES[0] }),
  ],
});

/** Requesting bodies and workplaces: conflicts of interest are matched by their code. */
export const ORGANISATIONS = defineRecordType({
  key: 'organisations',
  name: 'Cơ quan, đơn vị',
  color: '#0b8043',
  checked: 'data',
  columns: [
    c('code', 'Mã cơ quan', 'text', { required: true, width: 90 }),
    c('name', 'Tên cơ quan, đơn vị', 'text', { required: true, width: 300 }),
    c('email', 'Email nhận văn bản', 'text', { width: 200 }),
    c('note', 'Ghi chú', 'text', { width: 200 }),
  ],
});

export const DOSSIERS = defineRecordType({
  key: 'dossiers',
  name: 'Tư vấn phản biện',
  color: '#c5221f',
  checked: 'data',
  columns: [
    c('code', 'Mã hồ sơ', 'text', { required: true, width: 120 }),
    c('year', 'Năm', 'int', YEAR),
    c('consultKind', 'Loại hình', 'text', { required: true, width: 130, list: { choices: DOSSIER_KINDS, help: 'Tư vấn, phản biện, giám định xã hội hoặc tọa đàm góp ý văn bản.' } }),
    c('targetCode', 'Mã chỉ tiêu', 'text', { width: 80, ref: { sheet: 'targets', column: 'code', code: 'unknownTarget', sameYear: true } }),
    c('subject', 'Tên đề án, dự thảo', 'text', { required: true, width: 300 }),
    c('requesterCode', 'Mã cơ quan đề nghị', 'text', { required: true, width: 100, list: ORG_LIST, ref: { sheet: 'organisations', column: 'code', code: 'unknownOrganisation' } }),
    c('requestNumber', 'Số văn bản đề nghị', 'text', { width: 130 }),
    c('requestDate', 'Ngày văn bản đề nghị', 'date', { width: 100 }),
    c('deadline', 'Hạn trả lời', 'date', { width: 100 }),
    c('fields', 'Lĩnh vực', 'text', { width: 160 }),
    c('form', 'Hình thức', 'text', { width: 140, list: { choices: DOSSIER_FORMS, help: 'Hội đồng, nhóm chuyên gia, hội thảo/tọa đàm hoặc lấy ý kiến bằng văn bản.' } }),
    c('heldDate', 'Ngày tổ chức', 'date', { width: 100 }),
    c('state', 'Trạng thái', 'text', { required: true, width: 120, list: { choices: DOSSIER_STATES, help: 'Tiếp nhận → Đang thực hiện → Đã gửi kết quả → Đã có phản hồi; hoặc Hủy.' } }),
    c('cancelReason', 'Lý do hủy', 'text', { width: 160 }),
    c('staff', 'Cán bộ phụ trách (email)', 'text', { width: 170 }),
    c('answerNumber', 'Số văn bản trả lời', 'text', { width: 110 }),
    c('answerDate', 'Ngày gửi kết quả', 'date', { width: 100 }),
    c('answerUrl', 'Văn bản trả lời (liên kết)', 'url', { width: 200 }),
    c('answerDocId', 'Mã tài liệu trả lời', 'text', { width: 110 }),
    c('sentBy', 'Cách gửi', 'text', { width: 90 }),
    c('eventId', 'Mã hoạt động', 'text', { width: 110, computed: true }),
    c('uptake', 'Mức độ tiếp thu', 'text', { width: 130, list: { choices: UPTAKE_LEVELS, help: 'Cơ quan đề nghị đã tiếp thu kết quả đến đâu.' } }),
    c('uptakeNote', 'Ghi chú tiếp thu', 'text', { width: 200 }),
    c('cost', 'Chi phí (thù lao)', 'money', { width: 120, computed: true }),
    c('budgetLineId', 'Mã dòng kinh phí', 'text', { width: 100, ref: { sheet: 'budget', column: 'id', code: 'unknownBudgetLine' } }),
    c('remindedDue', 'Đã nhắc sắp đến hạn', 'date', { width: 110, computed: true }),
    c('remindedOverdue', 'Đã nhắc quá hạn', 'date', { width: 110, computed: true }),
    c('note', 'Ghi chú', 'text', { width: 200 }),
    c('createdBy', 'Người tạo', 'text', { width: 160 }),
    c('createdAt', 'Thời điểm tạo', 'datetime', { width: 130 }),
  ],
});

export const PANEL = defineRecordType({
  key: 'panel',
  name: 'Thành viên hội đồng',
  color: '#c5221f',
  checked: 'data',
  columns: [
    c('dossierCode', 'Mã hồ sơ', 'text', { required: true, width: 120, ref: { sheet: 'dossiers', column: 'code', code: 'dossierNotFound' } }),
    c('expertCode', 'Mã chuyên gia', 'text', { required: true, width: 100, ref: { sheet: 'experts', column: 'code', code: 'unknownExpert' } }),
    c('role', 'Vai trò', 'text', { required: true, width: 140, list: { choices: PANEL_ROLES, help: 'Chủ tịch hội đồng, phản biện, ủy viên, thư ký hoặc chuyên gia.' } }),
    c('fee', 'Thù lao', 'money', { width: 110, min: 0 }),
  ],
});

/** Rates are data the staff keep up to date with Thông tư 11/2015/TT-BTC and the province's rules. */
export const FEE_RATES = defineRecordType({
  key: 'feeRates',
  name: 'Định mức chi tư vấn',
  color: '#e37400',
  checked: 'data',
  columns: [
    c('kind', 'Loại hình', 'text', { width: 140, list: { choices: DOSSIER_KINDS, help: 'Để trống: áp dụng cho mọi loại hình.' } }),
    c('role', 'Vai trò', 'text', { required: true, width: 140, list: { choices: PANEL_ROLES, help: 'Vai trò trong hội đồng, tổ chuyên gia.' } }),
    c('amount', 'Mức chi (đồng/người/hồ sơ)', 'money', { required: true, width: 150, min: 0 }),
    c('basis', 'Căn cứ', 'text', { width: 280 }),
  ],
});

/** Which target each kind counts for, per plan year: another province's plan has its own codes. */
export const KIND_TARGETS = defineRecordType({
  key: 'kindTargets',
  name: 'Tư vấn - chỉ tiêu',
  color: '#e37400',
  checked: 'data',
  columns: [
    c('year', 'Năm', 'int', YEAR),
    // Planned events of demands (tập huấn, hội thảo, kết nối cung - cầu) take their target from the same mapping.
    c('kind', 'Loại hình', 'text', { required: true, width: 160, list: { choices: [...DOSSIER_KINDS, ...DEMAND_KINDS], help: 'Loại hình tư vấn, hoặc loại hoạt động đáp ứng nhu cầu.' } }),
    c('targetCode', 'Mã chỉ tiêu', 'text', { required: true, width: 90, ref: { sheet: 'targets', column: 'code', code: 'unknownTarget', sameYear: true } }),
  ],
});

/** The one sheet of the separate contacts spreadsheet (never part of the workbook's registry). */
export const CONTACTS = defineRecordType({
  key: 'contacts',
  name: 'Liên hệ',
  color: '#5f6368',
  columns: [
    c('code', 'Mã', 'text', { required: true, width: 90 }),
    c('name', 'Họ và tên / Tên', 'text', { width: 200 }),
    c('phone', 'Điện thoại', 'text', { width: 120 }),
    c('email', 'Email', 'text', { width: 200 }),
    c('address', 'Địa chỉ', 'text', { width: 260 }),
    c('updatedAt', 'Cập nhật', 'datetime', { width: 130 }),
  ],
});

// Order matters: a dropdown drawn from another sheet needs that sheet to exist first.
export const REGISTER_TYPES = [ORGANISATIONS, ASSOCIATIONS, EXPERTS, DOSSIERS, PANEL, FEE_RATES, KIND_TARGETS];

// ---------------------------------------------------------------------------------------------------
// Rows ↔ domain objects

const list = (v: unknown): string[] =>
  String(v ?? '')
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
const joinList = (xs: readonly string[]): string => xs.join('; ');

export function toExpert(r: Rec): Expert {
  const o = toItem<Record<string, unknown>>(EXPERTS, r);
  return { ...(o as unknown as Expert), fields: list(o.fields), consent: String(o.consent || '').trim() === YES, state: (String(o.state || '').trim() || EXPERT_STATES[0]) as Expert['state'] };
}
export const expertRecord = (e: Expert): Record<string, unknown> => ({ ...e, fields: joinList(e.fields), consent: e.consent ? YES : NO });

export function toAssociation(r: Rec): Association {
  const o = toItem<Record<string, unknown>>(ASSOCIATIONS, r);
  return { ...(o as unknown as Association), fields: list(o.fields) };
}
export const associationRecord = (a: Association): Record<string, unknown> => ({ ...a, fields: joinList(a.fields) });

export const toOrganisation = (r: Rec): Organisation => toItem<Organisation>(ORGANISATIONS, r);

export function toDossier(r: Rec): Dossier {
  const o = toItem<Record<string, unknown>>(DOSSIERS, r);
  const text = (k: string) => (r[k] === null || r[k] === undefined ? '' : String(r[k]).trim());
  return {
    ...(o as unknown as Dossier),
    fields: list(o.fields),
    sentBy: (['addon', 'outside'].includes(String(o.sentBy)) ? o.sentBy : '') as Dossier['sentBy'],
    // Columns the add-on writes (protected with a warning) are still the dossier's own state.
    eventId: text('eventId'),
    cost: typeof r.cost === 'number' ? r.cost : null,
    remindedDue: text('remindedDue'),
    remindedOverdue: text('remindedOverdue'),
  };
}
export const dossierRecord = (d: Dossier): Record<string, unknown> => ({ ...d, fields: joinList(d.fields) });

export const toPanelMember = (r: Rec): PanelMember => toItem<PanelMember>(PANEL, r);
export const toFeeRate = (r: Rec): FeeRate => {
  const o = toItem<FeeRate>(FEE_RATES, r);
  return { ...o, amount: Number(o.amount) || 0 };
};
export const toKindTarget = (r: Rec): KindTarget => toItem<KindTarget>(KIND_TARGETS, r);
export const toContact = (r: Rec): Contact => toItem<Contact>(CONTACTS, r);
