// The papers of a consultation dossier as ND30 document models: the answer (BC), the panel decision (QĐ), the invitation (GM).
import type { Dossier } from './dossiers';
import { displayName, type Expert, type Organisation } from './experts';
import type { PanelMember } from './panel';
import { baseModel, bodyParagraph as p, listLines, placeholderParagraph, recipientLines, reportFileName, shortOrgName, type Block, type DocModel } from './report-model';
import type { IsoDate, Settings } from './types';
import { docNumber, isoToVn, upperVn } from './vn-format';

export interface PaperInput {
  settings: Settings;
  dossier: Dossier;
  organisation: Organisation | undefined;
  panel: readonly PanelMember[];
  experts: readonly Expert[];
  today: IsoDate;
  /** The register's number for this document; null leaves it for the văn thư. */
  number: number | null;
  /** The panel decision's number, cited by the invitation and the answer when known. */
  decisionNumber?: string;
}

/** How the kind reads inside a sentence: "phản biện", "giám định xã hội", "góp ý". */
export function kindPhrase(kind: string): string {
  if (kind === 'Tọa đàm góp ý văn bản') return 'góp ý';
  return kind.toLowerCase();
}

/** "Hội đồng" for a council, else "Tổ chuyên gia": the body the decision sets up. */
export function panelWord(form: string): string {
  return form === 'Hội đồng' ? 'Hội đồng' : 'Tổ chuyên gia';
}

/** "PGS.TS. Trần Thị Bình, Trường Đại học Nông Lâm Bắc Giang - Chủ tịch hội đồng". */
export function memberLine(m: PanelMember, experts: readonly Expert[]): string {
  const e = experts.find((x) => x.code === m.expertCode);
  if (!e) return `Chuyên gia ${m.expertCode} - ${m.role}`;
  const where = [e.position, e.workplace].filter(Boolean).join(', ');
  return `${displayName(e)}${where ? ', ' + where : ''} - ${m.role}`;
}

const ROLE_ORDER = ['Chủ tịch hội đồng', 'Phản biện', 'Ủy viên', 'Chuyên gia', 'Thư ký'];
function ordered(panel: readonly PanelMember[]): PanelMember[] {
  return panel.slice().sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
}

/** "Văn bản số 125/STNMT-QLĐĐ ngày 02/4/2024 của Sở Tài nguyên và Môi trường". */
function requestRef(d: Dossier): string {
  const num = d.requestNumber ? `Văn bản số ${d.requestNumber}` : 'văn bản';
  const date = d.requestDate ? ` ngày ${isoToVn(d.requestDate)}` : '';
  return `${num}${date}`;
}

const orgName = (o: Organisation | undefined): string => (o ? o.name : '…');

/** BÁO CÁO Kết quả tư vấn/phản biện … to the body that asked, with the panel and places for its opinions. */
export function buildConsultationAnswer(input: PaperInput): DocModel {
  const { settings: s, dossier: d, organisation: o, today } = input;
  const number = docNumber(input.number, 'BC', s.orgCode);
  const what = `${kindPhrase(d.consultKind)} ${d.subject}`;
  const panel = ordered(input.panel);
  const word = panelWord(d.form);
  const blocks: Block[] = [
    p(`Thực hiện đề nghị của ${orgName(o)} tại ${requestRef(d)} về việc ${what}, ${s.orgName} đã tổ chức ${kindPhrase(d.consultKind)} như sau:`),
    { t: 'heading', level: 1, text: 'I. TỔ CHỨC THỰC HIỆN' },
    p(`1. Hình thức: ${d.form}${input.decisionNumber ? ` (thành lập theo Quyết định số ${input.decisionNumber})` : ''}.`),
    p(d.heldDate ? `2. Thời gian: ngày ${isoToVn(d.heldDate)}.` : '2. Thời gian: [Cán bộ bổ sung: ngày họp hoặc thời gian lấy ý kiến].', d.heldDate ? {} : { italic: true, placeholder: true }),
    p(`3. Thành phần ${word.toLowerCase()} gồm ${panel.length} thành viên:`),
    ...listLines(panel.map((m) => `- ${memberLine(m, input.experts)}`)).map((l) => p(l, { indentFirst: false })),
    { t: 'heading', level: 1, text: `II. Ý KIẾN ${upperVn(kindPhrase(d.consultKind))}` },
    placeholderParagraph(`ý kiến của ${word.toLowerCase()} theo từng nội dung của ${d.subject}`),
    { t: 'heading', level: 1, text: 'III. KẾT LUẬN VÀ KIẾN NGHỊ' },
    { t: 'heading', level: 2, text: '1. Kết luận' },
    placeholderParagraph('kết luận chung'),
    { t: 'heading', level: 2, text: '2. Kiến nghị' },
    placeholderParagraph(`kiến nghị với ${orgName(o)}`),
    p(`Trên đây là báo cáo kết quả ${what} của ${s.orgName}, kính gửi ${orgName(o)} nghiên cứu, tiếp thu./.`),
  ];
  return {
    ...baseModel('consultationAnswer', s, number, today),
    title: reportFileName({ typeAbbr: 'BC', number: input.number, orgCode: s.orgCode, title: `Kết quả ${what}`.slice(0, 150), today }),
    docType: 'BÁO CÁO',
    subject: `Kết quả ${what}`,
    recipients: recipientLines(orgName(o)),
    blocks,
    annexes: [],
  };
}

/** The authority line of a decision: "BAN THƯỜNG VỤ LIÊN HIỆP …" when signed TM., else "CHỦ TỊCH LIÊN HIỆP …". */
function authorityLine(s: Settings): string {
  const tm = /^TM\.\s*/i.test(s.signerAuthority || '') ? (s.signerAuthority || '').replace(/^TM\.\s*/i, '') : s.signerTitle || 'CHỦ TỊCH';
  return upperVn(`${tm} ${s.orgName}`);
}

/** QUYẾT ĐỊNH Về việc thành lập Hội đồng/Tổ chuyên gia …, with its members in the annex. */
export function buildPanelDecision(input: PaperInput): DocModel {
  const { settings: s, dossier: d, organisation: o, today } = input;
  const number = docNumber(input.number, 'QĐ', s.orgCode);
  const word = panelWord(d.form);
  const what = `${kindPhrase(d.consultKind)} ${d.subject}`;
  const office = `Văn phòng ${shortOrgName(s.orgName)}`;
  const grounds = listLines([
    `Căn cứ Điều lệ tổ chức và hoạt động của ${s.orgName}`,
    `Căn cứ ${requestRef(d)} của ${orgName(o)} về việc đề nghị ${what}`,
    `Theo đề nghị của Chánh ${office}`,
  ]);
  const rows = [['STT', 'Họ và tên', 'Nơi công tác', 'Nhiệm vụ']];
  ordered(input.panel).forEach((m, i) => {
    const e = input.experts.find((x) => x.code === m.expertCode);
    rows.push([String(i + 1), e ? displayName(e) : `Chuyên gia ${m.expertCode}`, e ? [e.position, e.workplace].filter(Boolean).join(', ') : '', m.role]);
  });
  const deadline = d.deadline ? `, gửi kết quả trước ngày ${isoToVn(d.deadline)}` : '';
  const blocks: Block[] = [
    p(authorityLine(s), { bold: true, align: 'center', indentFirst: false }),
    ...grounds.map((g) => p(g, { italic: true })),
    p('QUYẾT ĐỊNH:', { bold: true, align: 'center', indentFirst: false }),
    p(`Điều 1. Thành lập ${word} ${what} (danh sách kèm theo).`, { runs: [{ text: 'Điều 1.', bold: true }, { text: ` Thành lập ${word} ${what} (danh sách kèm theo).` }] }),
    p(`Điều 2. ${word} có nhiệm vụ nghiên cứu hồ sơ, cho ý kiến ${kindPhrase(d.consultKind)} theo đề nghị của ${orgName(o)}${deadline}; ${word.toLowerCase()} tự giải thể sau khi hoàn thành nhiệm vụ.`, {
      runs: [{ text: 'Điều 2.', bold: true }, { text: ` ${word} có nhiệm vụ nghiên cứu hồ sơ, cho ý kiến ${kindPhrase(d.consultKind)} theo đề nghị của ${orgName(o)}${deadline}; ${word.toLowerCase()} tự giải thể sau khi hoàn thành nhiệm vụ.` }],
    }),
    p(`Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh ${office} và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`, {
      runs: [{ text: 'Điều 3.', bold: true }, { text: ` Quyết định này có hiệu lực kể từ ngày ký. Chánh ${office} và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.` }],
    }),
  ];
  const base = baseModel('panelDecision', s, number, today);
  return {
    ...base,
    closing: { ...base.closing, noiNhan: ['- Như Điều 3;', ...base.closing.noiNhan.slice(1)] },
    title: reportFileName({ typeAbbr: 'QĐ', number: input.number, orgCode: s.orgCode, title: `Thành lập ${word} ${what}`.slice(0, 150), today }),
    docType: 'QUYẾT ĐỊNH',
    subject: `Về việc thành lập ${word} ${what}`,
    recipients: [],
    blocks,
    annexes: [
      {
        title: '',
        subtitle: upperVn(`Danh sách ${word} ${kindPhrase(d.consultKind)}`),
        note: `(Kèm theo Quyết định số ${number} ngày ${isoToVn(today)} của ${s.orgName})`,
        blocks: [{ t: 'table', rows, header: true, widths: [30, 150, 185, 115], align: ['center', 'left', 'left', 'left'], size: 12 }],
      },
    ],
  };
}

/** GIẤY MỜI to the panel's members for its meeting. */
export function buildInvitation(input: PaperInput): DocModel {
  const { settings: s, dossier: d, today } = input;
  const number = docNumber(input.number, 'GM', s.orgCode);
  const word = panelWord(d.form);
  const what = `${kindPhrase(d.consultKind)} ${d.subject}`;
  const names = ordered(input.panel).map((m) => {
    const e = input.experts.find((x) => x.code === m.expertCode);
    return e ? displayName(e) : `Chuyên gia ${m.expertCode}`;
  });
  const blocks: Block[] = [
    p(`${s.orgName} trân trọng kính mời Ông/Bà tham dự phiên họp ${word} ${what}${input.decisionNumber ? ` (thành lập theo Quyết định số ${input.decisionNumber})` : ''}.`),
    d.heldDate ? p(`Thời gian: [Cán bộ bổ sung: giờ], ngày ${isoToVn(d.heldDate)}.`, { placeholder: true }) : placeholderParagraph('thời gian họp'),
    placeholderParagraph('địa điểm họp'),
    p('Tài liệu của phiên họp gửi kèm Giấy mời này. Rất mong Ông/Bà tham dự đúng thời gian./.'),
  ];
  return {
    ...baseModel('invitation', s, number, today),
    title: reportFileName({ typeAbbr: 'GM', number: input.number, orgCode: s.orgCode, title: `Mời họp ${word} ${what}`.slice(0, 150), today }),
    docType: 'GIẤY MỜI',
    subject: `Tham dự phiên họp ${word} ${what}`,
    recipients: recipientLines(names.join(';')),
    blocks,
    annexes: [],
  };
}
