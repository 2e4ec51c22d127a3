// A small 2024 plan of a provincial LHH, written out literally: shared by the report-model and renderer tests.
import type { BudgetLine, LoggedEvent, Programme, Settings, Target } from '../../src/core/types';

export const settings: Settings = {
  orgName: 'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Giang',
  parentOrgName: 'UBND tỉnh Bắc Giang',
  place: 'Bắc Giang',
  orgCode: 'LHH',
  signerTitle: 'Chủ tịch',
  signerAuthority: 'TM. Ban Thường vụ',
  signerName: 'Nguyễn Văn An',
  reportRecipients: ['sokhcn@bacgiang.gov.vn'],
  reportRecipientName: 'Sở Khoa học và Công nghệ tỉnh Bắc Giang',
  budgetRecipients: ['stc@bacgiang.gov.vn'],
  budgetRecipientName: 'Sở Tài chính tỉnh Bắc Giang',
  archiveLine: 'VP',
  admins: ['admin@lhh.vn'],
  driveFolderId: '',
  planYear: 2024,
  decision: { number: '1731/QĐ-UBND', date: '2023-11-13', issuer: 'Chủ tịch UBND tỉnh Bắc Giang' },
  schedule: { enabled: false, hour: 7, weeklyDay: 0, monthlyDay: 0, formalReports: false },
};

export const programs: Programme[] = [
  { year: 2024, code: 'P1', name: 'Tư vấn, phản biện và giám định xã hội', objectives: [] },
  { year: 2024, code: 'P2', name: 'Phổ biến kiến thức khoa học và công nghệ', objectives: [] },
  { year: 2023, code: 'P1', name: 'Chương trình năm trước', objectives: [] },
];

export const target = (t: Partial<Target> & Pick<Target, 'code' | 'programCode' | 'name'>): Target => ({
  year: 2024,
  content: t.name,
  quantity: null,
  unit: '',
  qualifier: 'exact',
  dueDate: null,
  endYear: 2024,
  status: '',
  note: '',
  ...t,
});

export const targets: Target[] = [
  target({ code: 'P1.1', programCode: 'P1', name: 'Tư vấn, phản biện', content: 'Tổ chức tư vấn, phản biện ít nhất 4 chương trình, đề án', quantity: 4, unit: 'đề án', qualifier: 'min' }),
  target({
    code: 'P1.2',
    programCode: 'P1',
    name: 'Khảo sát nhu cầu tư vấn',
    content: 'Khảo sát nhu cầu tư vấn của các sở, ngành',
    dueDate: '2024-05-31',
    status: 'Đang thực hiện',
    note: 'Đã gửi phiếu khảo sát đến 12 sở, ngành',
  }),
  target({ code: 'P1.3', programCode: 'P1', name: 'Hội thảo khoa học', content: 'Tổ chức 02 hội thảo khoa học', quantity: 2, unit: 'hội thảo' }),
  target({
    code: 'P2.1',
    programCode: 'P2',
    name: 'Tập huấn chuyển giao kỹ thuật',
    content: 'Tập huấn chuyển giao kỹ thuật cho ít nhất 800 lượt nông dân',
    quantity: 800,
    unit: 'lượt người',
    qualifier: 'min',
  }),
  target({ code: 'P2.2', programCode: 'P2', name: 'Bản tin khoa học', content: 'Phát hành 12 số bản tin khoa học', quantity: 12, unit: 'số' }),
];

let seq = 0;
export const event = (e: Partial<LoggedEvent> & Pick<LoggedEvent, 'targetCode' | 'date' | 'title' | 'quantity'>): LoggedEvent => ({
  id: `HD-${e.date.slice(0, 4)}-${String(++seq).padStart(4, '0')}`,
  year: +e.date.slice(0, 4),
  location: 'Bắc Giang',
  partner: '',
  participants: null,
  cost: null,
  budgetLineId: '',
  result: '',
  evidenceUrl: '',
  state: 'Hiệu lực',
  cancelReason: '',
  createdBy: 'canbo@lhh.vn',
  createdAt: '2024-01-01T08:00:00+07:00',
  updatedBy: '',
  updatedAt: '',
  ...e,
});

export const events: LoggedEvent[] = [
  event({ targetCode: 'P1.1', date: '2024-03-15', title: 'Phản biện Đề án phát triển cây ăn quả', quantity: 1, cost: 12_000_000, budgetLineId: 'KP-2024-001', partner: 'Sở Nông nghiệp và PTNT' }),
  event({ targetCode: 'P1.1', date: '2024-05-20', title: 'Tư vấn quy hoạch vùng nguyên liệu', quantity: 1, location: 'Lục Ngạn', cost: 8_500_000, budgetLineId: 'KP-2024-001' }),
  event({ targetCode: 'P1.2', date: '2024-04-25', title: 'Gửi phiếu khảo sát', quantity: 0 }),
  event({ targetCode: 'P1.3', date: '2024-04-18', title: 'Hội thảo chuyển đổi số trong nông nghiệp', quantity: 1, location: 'TP. Bắc Giang', partner: 'Sở Thông tin và Truyền thông', cost: 25_000_000, budgetLineId: 'KP-2024-002' }),
  event({ targetCode: 'P1.3', date: '2024-06-20', title: 'Hội thảo bảo vệ môi trường làng nghề', quantity: 1, location: 'Việt Yên', cost: 20_000_000, budgetLineId: 'KP-2024-002' }),
  event({ targetCode: 'P2.1', date: '2024-02-20', title: 'Tập huấn kỹ thuật trồng vải', quantity: 100, location: 'Lục Ngạn', cost: 15_000_000 }),
  event({ targetCode: 'P2.1', date: '2024-04-10', title: 'Tập huấn IPM cho nông dân', quantity: 120, location: 'Yên Thế', cost: 9_000_000 }),
  event({ targetCode: 'P2.1', date: '2024-05-02', title: 'Tập huấn bị hủy', quantity: 200, state: 'Đã hủy', cancelReason: 'Trùng lịch' }),
  event({ targetCode: 'P2.1', date: '2024-06-12', title: 'Tập huấn nuôi ong', quantity: 80, location: 'Sơn Động' }),
  event({ targetCode: 'P2.2', date: '2024-03-30', title: 'Bản tin số 1-3', quantity: 3 }),
  event({ targetCode: 'P2.2', date: '2024-06-28', title: 'Bản tin số 4-6', quantity: 3 }),
  // Last year's training must not count towards 2024.
  event({ targetCode: 'P2.1', date: '2023-12-20', title: 'Tập huấn năm trước', quantity: 500 }),
];

export const line = (l: Partial<BudgetLine> & Pick<BudgetLine, 'id' | 'programCode' | 'item' | 'unit' | 'quantity' | 'unitPrice'>): BudgetLine => ({
  year: 2024,
  targetCode: '',
  proposed: l.quantity * l.unitPrice,
  appraised: null,
  approved: null,
  basis: '',
  stage: 'Dự thảo',
  note: '',
  ...l,
});

export const draftLines: BudgetLine[] = [
  line({ id: 'KP-2024-001', programCode: 'P1', item: 'Chi tư vấn, phản biện đề án', unit: 'đề án', quantity: 4, unitPrice: 10_000_000, basis: 'Thông tư số 11/2015/TT-BTC' }),
  line({ id: 'KP-2024-002', programCode: 'P1', item: 'Chi tổ chức hội thảo', unit: 'hội thảo', quantity: 2, unitPrice: 20_000_000, basis: 'Thông tư số 40/2017/TT-BTC' }),
  line({ id: 'KP-2024-003', programCode: 'P2', item: 'Chi tổ chức lớp tập huấn', unit: 'lớp', quantity: 8, unitPrice: 12_500_000, basis: 'Thông tư số 36/2018/TT-BTC; Nghị quyết số 08/2018/NQ-HĐND', note: '100 người/lớp' }),
  line({ id: 'KP-2024-004', programCode: 'P2', item: 'In bản tin khoa học', unit: 'số', quantity: 12, unitPrice: 1_250_000, basis: 'Nghị quyết số 08/2018/NQ-HĐND' }),
];
export const approvedLines: BudgetLine[] = draftLines.map((l) => ({ ...l, appraised: l.proposed, approved: l.proposed, stage: 'Đã phê duyệt' }));

export const quarter2 = { from: '2024-04-01', to: '2024-06-30', label: 'quý II năm 2024', title: 'Báo cáo quý II năm 2024' };

