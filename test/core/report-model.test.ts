// The report story: a small 2024 plan, a quarter of logged activities, the quý II report and the dự toán submission.
import { computeProgress } from '../../src/core/progress';
import {
  buildBudgetSubmission,
  buildProgressReport,
  docModelText,
  archiveLine,
  breakOrgName,
  CELL_PADDING_PT,
  ordinalVn,
  reportFileName,
  textWidthPt,
  shortOrgName,
  summaryForEmail,
  type Block,
  type DocModel,
  type TableBlock,
} from '../../src/core/report-model';
import { approvedLines, draftLines, event, events, programs, quarter2, settings, target, targets } from './report-fixture';

function reportQ2(extra: Partial<Parameters<typeof buildProgressReport>[0]> = {}): DocModel {
  return buildProgressReport({ settings, programs, targets, events, period: quarter2, today: '2024-07-05', number: 1, lines: approvedLines, ...extra });
}

const texts = (blocks: Block[]): string[] => blocks.filter((b) => b.t === 'p' || b.t === 'heading').map((b) => (b as { text: string }).text);
const tables = (blocks: Block[]): TableBlock[] => blocks.filter((b): b is TableBlock => b.t === 'table');

describe('progress report, quý II năm 2024', () => {
  const m = reportQ2();
  const body = texts(m.blocks);

  test('ND30 header, type, trích yếu and Kính gửi', () => {
    expect(m.header).toMatchObject({
      parentOrg: 'UBND TỈNH BẮC GIANG',
      // Broken where a person would: before "VÀ", never inside the place name.
      org: 'LIÊN HIỆP CÁC HỘI KHOA HỌC\nVÀ KỸ THUẬT TỈNH BẮC GIANG',
      number: 'Số: 01/BC-LHH',
      nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: 'Độc lập - Tự do - Hạnh phúc',
      dateLine: 'Bắc Giang, ngày 05 tháng 7 năm 2024',
    });
    expect(m.number).toBe('01/BC-LHH');
    expect(m.docType).toBe('BÁO CÁO');
    expect(m.subject).toBe(
      'Kết quả thực hiện nhiệm vụ, chương trình hoạt động quý II năm 2024 theo Quyết định số 1731/QĐ-UBND ngày 13/11/2023 của Chủ tịch UBND tỉnh Bắc Giang',
    );
    expect(m.recipients).toEqual(['Kính gửi: Sở Khoa học và Công nghệ tỉnh Bắc Giang']);
    expect(m.title).toBe('2024-07-05 01-BC-LHH - Báo cáo quý II năm 2024');
  });

  test('page and font per ND30', () => {
    expect(m.page).toEqual({ size: 'A4', width: 595.28, height: 841.89, margins: { top: 56.69, bottom: 56.69, left: 85.04, right: 42.52 } });
    expect(m.font).toEqual({ family: 'Times New Roman', size: 14 });
  });

  test('opening, sections in order and one part per programme', () => {
    expect(body[0]).toBe(
      'Thực hiện Quyết định số 1731/QĐ-UBND ngày 13/11/2023 của Chủ tịch UBND tỉnh Bắc Giang, Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Giang báo cáo kết quả thực hiện nhiệm vụ, chương trình hoạt động quý II năm 2024 (chi tiết từng chỉ tiêu tại Phụ lục 1, danh sách hoạt động tại Phụ lục 2) như sau:',
    );
    const headings = m.blocks.filter((b) => b.t === 'heading').map((b) => (b as { text: string }).text);
    expect(headings).toEqual([
      'I. KẾT QUẢ THỰC HIỆN',
      '1. Tư vấn, phản biện và giám định xã hội',
      '2. Phổ biến kiến thức khoa học và công nghệ',
      'II. ĐÁNH GIÁ CHUNG',
      '1. Ưu điểm',
      '2. Tồn tại, hạn chế',
      '3. Nguyên nhân',
      'III. PHƯƠNG HƯỚNG, NHIỆM VỤ',
      'IV. ĐỀ XUẤT, KIẾN NGHỊ',
    ]);
    expect(body[body.length - 1]).toBe(
      'Trên đây là báo cáo kết quả thực hiện nhiệm vụ, chương trình hoạt động quý II năm 2024 của Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Giang./.',
    );
  });

  test('each programme is summarised from its data: what was done in the period by short name, then what is behind or overdue', () => {
    const part1 = body.slice(body.indexOf('I. KẾT QUẢ THỰC HIỆN'), body.indexOf('II. ĐÁNH GIÁ CHUNG'));
    expect(part1).toEqual([
      'I. KẾT QUẢ THỰC HIỆN',
      '1. Tư vấn, phản biện và giám định xã hội',
      'Lũy kế từ đầu năm, hoàn thành 1/2 chỉ tiêu định lượng, tỷ lệ bình quân đạt 75%. Trong kỳ thực hiện 4 hoạt động:',
      '- Tư vấn, phản biện: thực hiện 1 đề án trong kỳ (Tư vấn quy hoạch vùng nguyên liệu, 20/05/2024); lũy kế 2 đề án, đạt 50% kế hoạch (ít nhất 4 đề án).',
      '- Khảo sát nhu cầu tư vấn: 1 hoạt động trong kỳ (Gửi phiếu khảo sát, 25/04/2024); tình trạng: đang thực hiện; quá hạn (hạn 31/05/2024).',
      '- Hội thảo khoa học: thực hiện 2 hội thảo trong kỳ (Hội thảo chuyển đổi số trong nông nghiệp, 18/04/2024; Hội thảo bảo vệ môi trường làng nghề, 20/06/2024); lũy kế 2 hội thảo, đạt 100% kế hoạch (2 hội thảo), hoàn thành.',
      '2. Phổ biến kiến thức khoa học và công nghệ',
      'Lũy kế từ đầu năm, hoàn thành 0/2 chỉ tiêu định lượng, tỷ lệ bình quân đạt 43,75%. Trong kỳ thực hiện 3 hoạt động:',
      '- Tập huấn chuyển giao kỹ thuật: thực hiện 200 lượt người trong kỳ (Tập huấn IPM cho nông dân, 10/04/2024; Tập huấn nuôi ong, 12/06/2024); lũy kế 300 lượt người, đạt 37,5% kế hoạch (ít nhất 800 lượt người), chậm so với tiến độ.',
      '- Bản tin khoa học: thực hiện 3 số trong kỳ (Bản tin số 4-6, 28/06/2024); lũy kế 6 số, đạt 50% kế hoạch (12 số).',
    ]);
    // The decision's full wording is left to the sheet; the body never repeats "chưa cập nhật".
    expect(body.join('\n')).not.toContain('Tổ chức tư vấn, phản biện ít nhất 4 chương trình, đề án');
    expect(body.join('\n')).not.toContain('chưa cập nhật');
  });

  test('a programme with nothing in the period: overdue and behind named once, the other targets grouped in one sentence', () => {
    const quiet = reportQ2({
      targets: [...targets, target({ code: 'P1.4', programCode: 'P1', name: 'Duy trì trang thông tin điện tử', status: 'Đang thực hiện' })],
      events: events.filter((e) => !e.targetCode.startsWith('P1.') || e.date < '2024-04-01'),
    });
    const t = texts(quiet.blocks);
    const part = t.slice(t.indexOf('1. Tư vấn, phản biện và giám định xã hội'), t.indexOf('2. Phổ biến kiến thức khoa học và công nghệ'));
    expect(part).toEqual([
      '1. Tư vấn, phản biện và giám định xã hội',
      'Lũy kế từ đầu năm, hoàn thành 0/2 chỉ tiêu định lượng, tỷ lệ bình quân đạt 12,5%. Trong kỳ chưa có hoạt động được ghi nhận. ' +
        'Quá hạn, chưa hoàn thành: Khảo sát nhu cầu tư vấn (hạn 31/05/2024). ' +
        'Chậm so với tiến độ: Tư vấn, phản biện (lũy kế đạt 25%); Hội thảo khoa học. ' +
        'Các chỉ tiêu khác chưa có hoạt động trong kỳ: Duy trì trang thông tin điện tử (đang thực hiện).',
    ]);
  });

  test('đánh giá chung opens with the data, names what is behind, then leaves room for staff', () => {
    expect(body).toContain(
      'Lũy kế đến ngày 30/06/2024, 1/4 chỉ tiêu định lượng đã hoàn thành kế hoạch năm (Hội thảo khoa học); 0/1 chỉ tiêu định tính đã hoàn thành. Trong kỳ đã thực hiện 7 hoạt động.',
    );
    expect(body).toContain('Có 1 chỉ tiêu đã quá hạn nhưng chưa hoàn thành: Khảo sát nhu cầu tư vấn (hạn 31/05/2024, tình trạng: Đang thực hiện).');
    expect(body).toContain('Có 1 chỉ tiêu chậm so với tiến độ kế hoạch: Tập huấn chuyển giao kỹ thuật (lũy kế đạt 37,5%).');
    const placeholders = m.blocks.filter((b) => b.t === 'p' && b.placeholder).map((b) => (b as { text: string }).text);
    expect(placeholders).toEqual([
      '[Cán bộ bổ sung: những kết quả nổi bật, cách làm hiệu quả trong kỳ.]',
      '[Cán bộ bổ sung: tồn tại, hạn chế khác.]',
      '[Cán bộ bổ sung: nguyên nhân của kết quả đạt được và của tồn tại, hạn chế (khách quan, chủ quan).]',
      '[Cán bộ bổ sung: nhiệm vụ, giải pháp trọng tâm quý III năm 2024.]',
      '[Cán bộ bổ sung: đề xuất, kiến nghị với cơ quan cấp trên.]',
    ]);
  });

  test('phương hướng lists what remains; đề xuất flags overspending and lateness', () => {
    expect(body).toContain('Trong quý III năm 2024, tập trung thực hiện các chỉ tiêu chưa hoàn thành:');
    expect(body).toContain('- Nhiệm vụ 1: Tư vấn, phản biện (còn 2 đề án); Khảo sát nhu cầu tư vấn (hạn 31/05/2024);');
    expect(body).toContain('- Nhiệm vụ 2: Tập huấn chuyển giao kỹ thuật (còn 500 lượt người); Bản tin khoa học (còn 6 số).');
    expect(body).toContain(
      'Một số nội dung chi đã vượt dự toán được phê duyệt: Chi tổ chức hội thảo (đã chi 45.000.000 đồng, phê duyệt 40.000.000 đồng). Đề nghị xem xét, điều chỉnh, bổ sung kinh phí cho các nội dung trên.',
    );
    expect(body).toContain(
      'Đề nghị Sở Khoa học và Công nghệ tỉnh Bắc Giang quan tâm, tạo điều kiện để Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Giang hoàn thành các chỉ tiêu còn chậm tiến độ.',
    );
  });

  test('nơi nhận and signer', () => {
    expect(m.closing).toEqual({
      noiNhan: ['- Như trên;', '- Lưu: VT, VP.'],
      signer: { authority: 'TM. BAN THƯỜNG VỤ', title: 'CHỦ TỊCH', name: 'Nguyễn Văn An' },
    });
  });

  test('Phụ lục 1: programme rows show only their rate, target rows the figures', () => {
    const a = m.annexes[0];
    expect(a.title).toBe('Phụ lục 1');
    expect(a.subtitle).toBe('KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU QUÝ II NĂM 2024');
    expect(a.note).toBe('(Kèm theo Báo cáo số 01/BC-LHH ngày 05/07/2024 của Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Giang)');
    const [t] = tables(a.blocks);
    expect(t.rows).toEqual([
      ['STT', 'Nội dung nhiệm vụ', 'Đơn vị tính', 'Kế hoạch năm', 'Trong kỳ', 'Lũy kế', 'Tỷ lệ lũy kế (%)', 'Ghi chú'],
      ['I', 'Tư vấn, phản biện và giám định xã hội', '', '', '', '', '75', ''],
      ['1', 'Tư vấn, phản biện', 'đề án', 'ít nhất 4', '1', '2', '50', ''],
      ['2', 'Khảo sát nhu cầu tư vấn', '', '', '', '', '', 'Đang thực hiện; quá hạn (hạn 31/05/2024); 1 hoạt động trong kỳ; Đã gửi phiếu khảo sát đến 12 sở, ngành'],
      ['3', 'Hội thảo khoa học', 'hội thảo', '2', '2', '2', '100', 'Hoàn thành'],
      ['II', 'Phổ biến kiến thức khoa học và công nghệ', '', '', '', '', '43,75', ''],
      ['1', 'Tập huấn chuyển giao kỹ thuật', 'lượt người', 'ít nhất 800', '200', '300', '37,5', 'Chậm tiến độ'],
      ['2', 'Bản tin khoa học', 'số', '12', '3', '6', '50', ''],
    ]);
    expect(t.header).toBe(true);
    expect(t.boldRows).toEqual([0, 1, 5]);
    expect(t.widths!.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(467.72);
  });

  test('Phụ lục 2: the period’s events in one table, cancelled ones left out', () => {
    const a = m.annexes[1];
    expect(a.subtitle).toBe('DANH SÁCH HOẠT ĐỘNG QUÝ II NĂM 2024');
    const ts = tables(a.blocks);
    expect(ts).toHaveLength(1);
    expect(ts[0].rows).toEqual([
      ['STT', 'Ngày', 'Hoạt động', 'Chỉ tiêu', 'Số lượng', 'Địa điểm', 'Đơn vị phối hợp', 'Chi phí (đồng)'],
      ['1', '10/04/2024', 'Tập huấn IPM cho nông dân', 'Tập huấn chuyển giao kỹ thuật', '120', 'Yên Thế', '', '9.000.000'],
      ['2', '18/04/2024', 'Hội thảo chuyển đổi số trong nông nghiệp', 'Hội thảo khoa học', '1', 'TP. Bắc Giang', 'Sở Thông tin và Truyền thông', '25.000.000'],
      ['3', '25/04/2024', 'Gửi phiếu khảo sát', 'Khảo sát nhu cầu tư vấn', '0', 'Bắc Giang', '', ''],
      ['4', '20/05/2024', 'Tư vấn quy hoạch vùng nguyên liệu', 'Tư vấn, phản biện', '1', 'Lục Ngạn', '', '8.500.000'],
      ['5', '12/06/2024', 'Tập huấn nuôi ong', 'Tập huấn chuyển giao kỹ thuật', '80', 'Sơn Động', '', ''],
      ['6', '20/06/2024', 'Hội thảo bảo vệ môi trường làng nghề', 'Hội thảo khoa học', '1', 'Việt Yên', '', '20.000.000'],
      ['7', '28/06/2024', 'Bản tin số 4-6', 'Bản tin khoa học', '3', 'Bắc Giang', '', ''],
      ['', '', 'Tổng cộng (7 hoạt động)', '', '', '', '', '62.500.000'],
    ]);
    expect(ts[0].boldRows).toEqual([0, 8]);
  });

  test('figures are the ones getProgress shows for the same ranges', () => {
    const ytd = computeProgress(programs.slice(0, 2), targets, events.filter((e) => e.year === 2024), { from: '2024-01-01', to: '2024-06-30' }, '2024-06-30');
    const annexYtd = tables(m.annexes[0].blocks)[0].rows.filter((r) => /^\d+$/.test(r[0]) && r[5]).map((r) => r[5]);
    expect(annexYtd).toEqual(ytd.targets.filter((t) => t.planned !== null).map((t) => String(t.done)));
  });

  test('many events change no structure: the body names two per target and sends the rest to Phụ lục 2', () => {
    const many = [...events];
    for (let i = 0; i < 500; i++)
      many.push(event({ targetCode: 'P2.1', date: '2024-05-15', title: `Lớp tập huấn ${i + 1}`, quantity: 0 }));
    const big = reportQ2({ events: many });
    expect(big.blocks.map((b) => b.t)).toEqual(m.blocks.map((b) => b.t));
    expect(texts(big.blocks)).toContain(
      '- Tập huấn chuyển giao kỹ thuật: thực hiện 200 lượt người trong kỳ (Tập huấn IPM cho nông dân, 10/04/2024; Lớp tập huấn 1, 15/05/2024; và 500 hoạt động khác); lũy kế 300 lượt người, đạt 37,5% kế hoạch (ít nhất 800 lượt người), chậm so với tiến độ.',
    );
    expect(tables(big.annexes[1].blocks)[0].rows).toHaveLength(509);
  });

  test('no number yet: a blank for the văn thư, and the file says draft', () => {
    const draft = reportQ2({ number: null });
    expect(draft.header.number).toBe('Số:    /BC-LHH');
    expect(draft.title).toBe('2024-07-05 BC-LHH (dự thảo) - Báo cáo quý II năm 2024');
  });

  test('plain text lists the document top to bottom', () => {
    const text = docModelText(m);
    expect(text.startsWith('UBND TỈNH BẮC GIANG\nLIÊN HIỆP CÁC HỘI KHOA HỌC\nVÀ KỸ THUẬT TỈNH BẮC GIANG\nSố: 01/BC-LHH\n')).toBe(true);
    expect(text).toContain('Nơi nhận:\n- Như trên;\n- Lưu: VT, VP.\nTM. BAN THƯỜNG VỤ\nCHỦ TỊCH\nNguyễn Văn An\nPhụ lục 1');
    expect(text).toBe(text.normalize('NFC'));
  });
});

describe('sơ kết 6 tháng with nothing late', () => {
  test('says so, and looks ahead to the second half', () => {
    const done = targets.map((t) => ({ ...t, status: 'Hoàn thành' as const, dueDate: null }));
    const full = [
      ...events,
      event({ targetCode: 'P1.1', date: '2024-06-01', title: 'Phản biện thêm', quantity: 2 }),
      event({ targetCode: 'P2.1', date: '2024-06-02', title: 'Tập huấn thêm', quantity: 500 }),
      event({ targetCode: 'P2.2', date: '2024-06-03', title: 'Bản tin 7-12', quantity: 6 }),
    ];
    const m = buildProgressReport({
      settings,
      programs,
      targets: done,
      events: full,
      period: { from: '2024-01-01', to: '2024-06-30', label: '6 tháng đầu năm 2024', title: 'Sơ kết 6 tháng đầu năm 2024' },
      today: '2024-07-02',
      number: 12,
    });
    const body = texts(m.blocks);
    expect(m.header.number).toBe('Số: 12/BC-LHH');
    expect(body).toContain('Đến ngày 30/06/2024, không có chỉ tiêu quá hạn hoặc chậm so với tiến độ kế hoạch.');
    expect(body).toContain('Các chỉ tiêu của kế hoạch năm đã hoàn thành; tiếp tục duy trì, nâng cao chất lượng các hoạt động.');
    expect(body).toContain('[Cán bộ bổ sung: nhiệm vụ, giải pháp trọng tâm 6 tháng cuối năm 2024.]');
    expect(body.some((t) => t.startsWith('Một số nội dung chi'))).toBe(false);
    expect(body.some((t) => t.startsWith('Đề nghị Sở'))).toBe(false);
  });
});

describe('budget submission (Tờ trình dự toán)', () => {
  const m = buildBudgetSubmission({ settings, programs, targets, lines: draftLines, events, today: '2024-01-05', number: 3, year: 2024 });

  test('header, type, trích yếu, Kính gửi Sở Tài chính', () => {
    expect(m.header.number).toBe('Số: 03/TTr-LHH');
    expect(m.header.dateLine).toBe('Bắc Giang, ngày 05 tháng 01 năm 2024');
    expect(m.docType).toBe('TỜ TRÌNH');
    expect(m.subject).toBe('Về việc đề nghị thẩm định dự toán kinh phí thực hiện nhiệm vụ, chương trình hoạt động năm 2024');
    expect(m.recipients).toEqual(['Kính gửi: Sở Tài chính tỉnh Bắc Giang']);
    expect(m.title).toBe('2024-01-05 03-TTr-LHH - Dự toán kinh phí năm 2024');
  });

  test('căn cứ: the decision, then each legal basis the lines cite, once', () => {
    expect(texts(m.blocks).slice(0, 5)).toEqual([
      'Căn cứ Quyết định số 1731/QĐ-UBND ngày 13/11/2023 của Chủ tịch UBND tỉnh Bắc Giang;',
      'Căn cứ Thông tư số 11/2015/TT-BTC;',
      'Căn cứ Thông tư số 40/2017/TT-BTC;',
      'Căn cứ Thông tư số 36/2018/TT-BTC;',
      'Căn cứ Nghị quyết số 08/2018/NQ-HĐND.',
    ]);
  });

  test('body: per programme, total and the amount in words', () => {
    const body = texts(m.blocks);
    expect(body).toContain('1. Tư vấn, phản biện và giám định xã hội: 80.000.000 đồng;');
    expect(body).toContain('2. Phổ biến kiến thức khoa học và công nghệ: 115.000.000 đồng.');
    expect(body).toContain('Tổng kinh phí đề nghị: 195.000.000 đồng.');
    expect(body).toContain('Bằng chữ: Một trăm chín mươi lăm triệu đồng.');
    expect(body[body.length - 1]).toBe(
      'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Giang kính trình Sở Tài chính tỉnh Bắc Giang xem xét, thẩm định./.',
    );
  });

  test('DỰ TOÁN KINH PHÍ annex: grouped per programme with subtotals, Tổng cộng, Bằng chữ', () => {
    const a = m.annexes[0];
    expect(a.subtitle).toBe('DỰ TOÁN KINH PHÍ THỰC HIỆN NHIỆM VỤ, CHƯƠNG TRÌNH HOẠT ĐỘNG NĂM 2024');
    expect(a.note).toBe('(Kèm theo Tờ trình số 03/TTr-LHH ngày 05/01/2024 của Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Giang)');
    const [t] = tables(a.blocks);
    expect(t.rows).toEqual([
      ['STT', 'Nội dung chi', 'Đơn vị tính', 'Số lượng', 'Đơn giá (đồng)', 'Thành tiền (đồng)', 'Căn cứ/Ghi chú'],
      ['I', 'Tư vấn, phản biện và giám định xã hội', '', '', '', '80.000.000', ''],
      ['1', 'Chi tư vấn, phản biện đề án', 'đề án', '4', '10.000.000', '40.000.000', 'Thông tư số 11/2015/TT-BTC'],
      ['2', 'Chi tổ chức hội thảo', 'hội thảo', '2', '20.000.000', '40.000.000', 'Thông tư số 40/2017/TT-BTC'],
      ['II', 'Phổ biến kiến thức khoa học và công nghệ', '', '', '', '115.000.000', ''],
      ['1', 'Chi tổ chức lớp tập huấn', 'lớp', '8', '12.500.000', '100.000.000', 'Thông tư số 36/2018/TT-BTC; Nghị quyết số 08/2018/NQ-HĐND; 100 người/lớp'],
      ['2', 'In bản tin khoa học', 'số', '12', '1.250.000', '15.000.000', 'Nghị quyết số 08/2018/NQ-HĐND'],
      ['', 'Tổng cộng', '', '', '', '195.000.000', ''],
    ]);
    expect(t.boldRows).toEqual([0, 1, 4, 7]);
    expect(texts(a.blocks)).toEqual(['Bằng chữ: Một trăm chín mươi lăm triệu đồng.']);
  });

  test('a Tờ trình asking for appraisal has no approval column; a figure already appraised is shown beside the proposal', () => {
    const reviewed = approvedLines.map((l) => (l.id === 'KP-2024-003' ? { ...l, appraised: 90_000_000, approved: 90_000_000 } : l));
    const r = buildBudgetSubmission({ settings, programs, targets, lines: reviewed, today: '2024-03-01', number: 4, year: 2024 });
    const [t] = tables(r.annexes[0].blocks);
    expect(t.rows[0]).toEqual(['STT', 'Nội dung chi', 'Đơn vị tính', 'Số lượng', 'Đơn giá (đồng)', 'Thành tiền (đồng)', 'Thẩm định (đồng)', 'Căn cứ/Ghi chú']);
    expect(t.rows[4]).toEqual(['II', 'Phổ biến kiến thức khoa học và công nghệ', '', '', '', '115.000.000', '105.000.000', '']);
    expect(t.rows[t.rows.length - 1]).toEqual(['', 'Tổng cộng', '', '', '', '195.000.000', '185.000.000', '']);
    expect(t.widths).toHaveLength(8);
  });

  test('annex columns hold STT, a full date and amounts on one line in Times New Roman with Docs cell padding', () => {
    const q = reportQ2();
    const [a1] = tables(q.annexes[0].blocks);
    const [a2] = tables(q.annexes[1].blocks);
    const pad = 2 * CELL_PADDING_PT;
    // Hand-measured Times New Roman: "STT" bold 11 pt is 20.8 pt wide; "28/12/2024" 50.1 pt; "9.999.999.999" 63.3 pt.
    expect(textWidthPt('STT', 11, true)).toBeCloseTo(20.8, 0);
    expect(textWidthPt('28/12/2024', 11, true)).toBeCloseTo(50.1, 0);
    expect(textWidthPt('9.999.999.999', 11, true)).toBeCloseTo(63.3, 0);
    expect(a1.widths![0]).toBeGreaterThanOrEqual(20.8 + pad);
    expect(a2.widths![0]).toBeGreaterThanOrEqual(20.8 + pad);
    expect(a2.widths![1]).toBeGreaterThanOrEqual(50.1 + pad);
    expect(a2.widths![7]).toBeGreaterThanOrEqual(63.3 + pad);
    for (const t of [a1, a2]) expect(t.widths!.reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(467.72);
    const b = tables(buildBudgetSubmission({ settings, programs, targets, lines: approvedLines, today: '2024-03-01', number: 4, year: 2024 }).annexes[0].blocks)[0];
    expect(b.widths![5]).toBeGreaterThanOrEqual(textWidthPt('9.999.999.999', b.size!, true) + pad);
  });

  test('the issuing body breaks where a person would, and "VT" is named once in the Lưu line', () => {
    expect(breakOrgName('LIÊN HIỆP CÁC HỘI KHOA HỌC VÀ KỸ THUẬT TỈNH BẮC GIANG', 195, 12)).toBe('LIÊN HIỆP CÁC HỘI KHOA HỌC\nVÀ KỸ THUẬT TỈNH BẮC GIANG');
    expect(breakOrgName('LIÊN HIỆP CÁC HỘI KHOA HỌC VÀ KỸ THUẬT TỈNH BÀ RỊA - VŨNG TÀU', 195, 12)).toBe('LIÊN HIỆP CÁC HỘI KHOA HỌC\nVÀ KỸ THUẬT\nTỈNH BÀ RỊA - VŨNG TÀU');
    expect(breakOrgName('LIÊN HIỆP HỘI TỈNH', 195, 12)).toBe('LIÊN HIỆP HỘI TỈNH');
    expect(archiveLine('VT, VP')).toBe('- Lưu: VT, VP.');
    expect(archiveLine('VP')).toBe('- Lưu: VT, VP.');
    expect(archiveLine('Lưu: VT; VP; vt.')).toBe('- Lưu: VT, VP.');
    expect(archiveLine('')).toBe('- Lưu: VT.');
  });

  test('without a signer name the signature block holds a highlighted placeholder', () => {
    const r = reportQ2({ settings: { ...settings, signerName: '  ' } });
    expect(r.closing.signer).toEqual({ authority: 'TM. BAN THƯỜNG VỤ', title: 'CHỦ TỊCH', name: '[Họ và tên người ký]', namePlaceholder: true });
  });

  test('Thành tiền is số lượng × đơn giá even if the sheet holds a stale amount', () => {
    const stale = [{ ...draftLines[0], proposed: 1 }];
    const r = buildBudgetSubmission({ settings, programs, targets, lines: stale, today: '2024-01-05', number: 3, year: 2024 });
    expect(tables(r.annexes[0].blocks)[0].rows[2][5]).toBe('40.000.000');
    expect(texts(r.blocks)).toContain('Bằng chữ: Bốn mươi triệu đồng.');
  });
});

describe('report email', () => {
  const mail = summaryForEmail({
    settings,
    programs,
    targets,
    events,
    period: quarter2,
    today: '2024-07-05',
    number: 1,
    lines: approvedLines,
    docUrl: 'https://docs.google.com/document/d/abc/edit',
  });

  test('subject names the number, the period and the organisation', () => {
    expect(mail.subject).toBe('Báo cáo số 01/BC-LHH: kết quả thực hiện nhiệm vụ, chương trình hoạt động quý II năm 2024 – LHH tỉnh Bắc Giang');
  });

  test('HTML has inline styles only, a bar per quantified target, the budget and the link', () => {
    expect(mail.html).not.toMatch(/<style|class=|<script/i);
    expect(mail.html).toContain('<td width="38%" style="width:38%;background:#e37400');
    expect(mail.html).toContain('<td width="100%" style="width:100%;background:#188038');
    expect(mail.html).toContain('Phê duyệt</td><td style="padding:4px 6px;border-bottom:1px solid #e8eaed;vertical-align:middle;font-size:13px;text-align:right">195.000.000 đ</td>');
    expect(mail.html).toContain('Đã chi</td><td style="padding:4px 6px;border-bottom:1px solid #e8eaed;vertical-align:middle;font-size:13px;text-align:right">89.500.000 đ</td>');
    expect(mail.html).toContain('<a href="https://docs.google.com/document/d/abc/edit"');
  });

  test('plain text says the same', () => {
    expect(mail.text).toContain('I. Tư vấn, phản biện và giám định xã hội – 75%');
    expect(mail.text).toContain('- Tập huấn chuyển giao kỹ thuật: 300/800 lượt người (37,5%), chậm so với tiến độ');
    expect(mail.text).toContain('- Khảo sát nhu cầu tư vấn: Đang thực hiện, quá hạn (hạn 31/05/2024)');
    expect(mail.text).toContain('- Còn lại: 105.500.000 đ');
    expect(mail.text).toContain('Xem báo cáo: https://docs.google.com/document/d/abc/edit');
  });

  test('every interpolated value is escaped and unsafe links are dropped', () => {
    const evil = summaryForEmail({
      settings: { ...settings, orgName: 'LHH <script>alert(1)</script>', reportRecipientName: 'A & B' },
      programs: [{ ...programs[0], name: '<img src=x onerror=alert(1)>' }],
      targets: [{ ...targets[0], name: '"quoted" <b>' }],
      events: [],
      period: quarter2,
      today: '2024-07-05',
      number: null,
      docUrl: 'javascript:alert(1)',
    });
    expect(evil.html).not.toContain('<script>');
    expect(evil.html).not.toContain('<img');
    expect(evil.html).toContain('&quot;quoted&quot; &lt;b&gt;');
    expect(evil.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(evil.html).toContain('Kính gửi: A &amp; B,');
    expect(evil.html).not.toContain('javascript:');
    expect(evil.subject).toBe('Báo cáo: kết quả thực hiện nhiệm vụ, chương trình hoạt động quý II năm 2024 – LHH <script>alert(1)</script>');
  });
});

describe('helpers', () => {
  test('ordinals and short names', () => {
    expect([1, 2, 3, 4, 5, 10, 11].map(ordinalVn)).toEqual(['thứ nhất', 'thứ hai', 'thứ ba', 'thứ tư', 'thứ năm', 'thứ mười', 'thứ mười một']);
    expect(shortOrgName('Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Giang')).toBe('LHH tỉnh Bắc Giang');
    expect(shortOrgName('Hội Tin học')).toBe('Hội Tin học');
    expect(reportFileName({ typeAbbr: 'BC', number: 7, orgCode: 'LHH', title: 'Tổng kết năm 2024', today: '2025-01-03' })).toBe(
      '2025-01-03 07-BC-LHH - Tổng kết năm 2024',
    );
  });

  test('several recipients: one per line, ";" between and "." at the end', () => {
    const m = buildProgressReport({
      settings: { ...settings, reportRecipientName: 'Sở Khoa học và Công nghệ tỉnh Bắc Giang\nLiên hiệp các Hội Khoa học và Kỹ thuật Việt Nam' },
      programs,
      targets,
      events,
      period: quarter2,
      today: '2024-07-05',
      number: 1,
    });
    expect(m.recipients).toEqual(['Kính gửi:', '- Sở Khoa học và Công nghệ tỉnh Bắc Giang;', '- Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam.']);
  });
});

describe('a very busy year', () => {
  test('Phụ lục 2 lists the first 1,000 events, says how many more there are, and totals them all', () => {
    const many = Array.from({ length: 1005 }, (_, i) =>
      event({ targetCode: 'P2.1', date: '2024-05-01', title: `Phản biện số ${i + 1}`, quantity: 1, cost: 1000 }),
    );
    const m = buildProgressReport({ settings, programs, targets, events: many, period: quarter2, today: '2024-07-05', number: 1 });
    const rows = (m.annexes[1].blocks.find((b) => b.t === 'table') as { rows: string[][] }).rows;
    expect(rows).toHaveLength(1 + 1000 + 2);
    expect(rows[1001][2]).toBe('… và 5 hoạt động khác (danh sách đầy đủ tại trang "Hoạt động" của bảng tính)');
    expect(rows[1002]).toEqual(['', '', 'Tổng cộng (1.005 hoạt động)', '', '', '', '', '1.005.000']);
  });
});
