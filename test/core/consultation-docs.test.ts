// The dossier's papers in the ND30 layout: the answer to Sở Tài nguyên và Môi trường, the QĐ thành lập hội đồng, the Giấy mời.
import { buildConsultationAnswer, buildInvitation, buildPanelDecision } from '../../src/core/consultation-docs';
import type { Dossier } from '../../src/core/dossiers';
import type { Expert } from '../../src/core/experts';
import { buildDocRequests } from '../../src/core/docs-requests';
import { docModelText, type ParagraphBlock } from '../../src/core/report-model';
import { defaultSettings } from '../../src/core/settings';

const settings = { ...defaultSettings(2024), signerName: 'Nguyễn Văn Hùng', archiveLine: 'VP' };
const org = { code: 'STNMT', name: 'Sở Tài nguyên và Môi trường tỉnh Bắc Giang', email: 'stnmt@bacgiang.gov.vn', note: '' };
const dossier: Dossier = {
  code: 'TVPB-2024-001', year: 2024, consultKind: 'Phản biện', targetCode: 'P2.1', subject: 'Quy hoạch sử dụng đất tỉnh Bắc Giang thời kỳ 2021-2030', requesterCode: 'STNMT', requestNumber: '125/STNMT-QLĐĐ', requestDate: '2024-04-02', deadline: '2024-04-30',
  fields: ['Quản lý đất đai'], form: 'Hội đồng', heldDate: '2024-04-20', state: 'Đang thực hiện', cancelReason: '', staff: '', answerNumber: '', answerDate: '', answerDocId: '', answerUrl: '', sentBy: '', eventId: '', uptake: '', uptakeNote: '', budgetLineId: '', cost: null, remindedDue: '', remindedOverdue: '', note: '',
};
const e = (code: string, name: string, extra: Partial<Expert>): Expert => ({ code, name, academicTitle: '', degree: 'TS', fields: [], speciality: '', workplaceCode: '', workplace: '', position: '', associationCode: '', scope: 'Trong tỉnh', consent: true, consentDate: '', note: '', state: 'Đang hoạt động', ...extra });
const experts = [
  e('CG-0002', 'Trần Thị Bình', { academicTitle: 'PGS', workplace: 'Trường Đại học Nông Lâm Bắc Giang', position: 'Trưởng khoa' }),
  e('CG-0003', 'Lê Văn Cường', { degree: 'ThS', workplace: 'Hội Khoa học Đất tỉnh Bắc Giang' }),
];
const panel = [
  { dossierCode: dossier.code, expertCode: 'CG-0003', role: 'Ủy viên' as const, fee: null },
  { dossierCode: dossier.code, expertCode: 'CG-0002', role: 'Chủ tịch hội đồng' as const, fee: null },
];
const input = { settings, dossier, organisation: org, panel, experts, today: '2024-04-25', number: 3 };

describe('the answer (BÁO CÁO)', () => {
  const m = buildConsultationAnswer(input);
  const text = docModelText(m);
  test('numbered BC, addressed to the body that asked', () => {
    expect(m.header.number).toBe('Số: 03/BC-LHH');
    expect(m.header.dateLine).toBe('Bắc Giang, ngày 25 tháng 4 năm 2024');
    expect(m.docType).toBe('BÁO CÁO');
    expect(m.subject).toBe('Kết quả phản biện Quy hoạch sử dụng đất tỉnh Bắc Giang thời kỳ 2021-2030');
    expect(m.recipients).toEqual(['Kính gửi: Sở Tài nguyên và Môi trường tỉnh Bắc Giang']);
  });
  test('opens with the request, names the panel with titles, chair first', () => {
    expect(text).toContain(
      'Thực hiện đề nghị của Sở Tài nguyên và Môi trường tỉnh Bắc Giang tại Văn bản số 125/STNMT-QLĐĐ ngày 02/04/2024 về việc phản biện Quy hoạch sử dụng đất tỉnh Bắc Giang thời kỳ 2021-2030, Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Giang đã tổ chức phản biện như sau:',
    );
    expect(text).toContain('3. Thành phần hội đồng gồm 2 thành viên:\n- PGS.TS. Trần Thị Bình, Trưởng khoa, Trường Đại học Nông Lâm Bắc Giang - Chủ tịch hội đồng;\n- ThS. Lê Văn Cường, Hội Khoa học Đất tỉnh Bắc Giang - Ủy viên.');
    expect(text).toContain('2. Thời gian: ngày 20/04/2024.');
  });
  test('highlighted places for the opinions, conclusions and recommendations', () => {
    const marked = m.blocks.filter((b): b is ParagraphBlock => b.t === 'p' && !!b.placeholder).map((b) => b.text);
    expect(marked).toEqual([
      '[Cán bộ bổ sung: ý kiến của hội đồng theo từng nội dung của Quy hoạch sử dụng đất tỉnh Bắc Giang thời kỳ 2021-2030]',
      '[Cán bộ bổ sung: kết luận chung]',
      '[Cán bộ bổ sung: kiến nghị với Sở Tài nguyên và Môi trường tỉnh Bắc Giang]',
    ]);
    expect(m.closing.noiNhan).toEqual(['- Như trên;', '- Lưu: VT, VP.']);
  });
  test('goes through the same Docs API request builder as the reports', () => {
    const reqs = buildDocRequests(m);
    expect(reqs.length).toBeGreaterThan(10);
    expect(JSON.stringify(reqs)).toContain('Kính gửi: Sở Tài nguyên và Môi trường tỉnh Bắc Giang');
  });
});

test('the QĐ thành lập hội đồng: authority, grounds, three articles, the members in the annex', () => {
  const m = buildPanelDecision({ ...input, number: 7 });
  expect(m.header.number).toBe('Số: 07/QĐ-LHH');
  expect(m.docType).toBe('QUYẾT ĐỊNH');
  expect(m.subject).toBe('Về việc thành lập Hội đồng phản biện Quy hoạch sử dụng đất tỉnh Bắc Giang thời kỳ 2021-2030');
  expect(m.recipients).toEqual([]);
  const t = docModelText(m);
  expect(t).toContain('BAN THƯỜNG VỤ LIÊN HIỆP CÁC HỘI KHOA HỌC VÀ KỸ THUẬT TỈNH BẮC GIANG');
  expect(t).toContain('Căn cứ Văn bản số 125/STNMT-QLĐĐ ngày 02/04/2024 của Sở Tài nguyên và Môi trường tỉnh Bắc Giang về việc đề nghị phản biện Quy hoạch sử dụng đất tỉnh Bắc Giang thời kỳ 2021-2030;');
  expect(t).toContain('QUYẾT ĐỊNH:');
  expect(t).toContain('gửi kết quả trước ngày 30/04/2024');
  expect(m.closing.noiNhan[0]).toBe('- Như Điều 3;');
  expect(m.annexes[0].subtitle).toBe('DANH SÁCH HỘI ĐỒNG PHẢN BIỆN');
  expect(m.annexes[0].note).toBe('(Kèm theo Quyết định số 07/QĐ-LHH ngày 25/04/2024 của Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Giang)');
  expect(m.annexes[0].blocks[0]).toMatchObject({ rows: [['STT', 'Họ và tên', 'Nơi công tác', 'Nhiệm vụ'], ['1', 'PGS.TS. Trần Thị Bình', 'Trưởng khoa, Trường Đại học Nông Lâm Bắc Giang', 'Chủ tịch hội đồng'], ['2', 'ThS. Lê Văn Cường', 'Hội Khoa học Đất tỉnh Bắc Giang', 'Ủy viên']] });
});

test('the Giấy mời to each member, citing the decision', () => {
  const m = buildInvitation({ ...input, number: 2, decisionNumber: '07/QĐ-LHH' });
  expect(m.header.number).toBe('Số: 02/GM-LHH');
  expect(m.docType).toBe('GIẤY MỜI');
  expect(m.recipients).toEqual(['Kính gửi:', '- PGS.TS. Trần Thị Bình;', '- ThS. Lê Văn Cường.']);
  expect(docModelText(m)).toContain('trân trọng kính mời Ông/Bà tham dự phiên họp Hội đồng phản biện Quy hoạch sử dụng đất tỉnh Bắc Giang thời kỳ 2021-2030 (thành lập theo Quyết định số 07/QĐ-LHH).');
});

test('an anonymised member stays as "Chuyên gia CG-0007"', () => {
  const gone = [e('CG-0007', 'Chuyên gia CG-0007', { degree: '', state: 'Đã ẩn danh' })];
  const m = buildConsultationAnswer({ ...input, experts: gone, panel: [{ dossierCode: dossier.code, expertCode: 'CG-0007', role: 'Phản biện', fee: null }] });
  expect(docModelText(m)).toContain('- Chuyên gia CG-0007 - Phản biện.');
});
