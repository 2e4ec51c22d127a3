// The local run's downloads read back by independent readers: .xlsx (exceljs), .docx (mammoth), .eml (mailparser); state survives a restart.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { simpleParser, type AddressObject } from 'mailparser';
import { startServer, type RunningServer } from '../../local/server';
import { inspectPdf } from '../../fakes/index';
import { readPdf } from '../support/pdf';

const ROOT = join(__dirname, '..', '..');
const NOW = '2024-07-05T09:00:00+07:00';
const RECIPIENT = 'sokhcn@bacgiang.gov.vn';

interface Presented {
  ok: boolean;
  value?: any;
  error?: { message: string };
  alerts?: unknown[];
}

describe('local stand-in: exports', () => {
  let srv: RunningServer;
  let stateDir: string;
  let docId = '';
  let number = '';

  const get = async (path: string) => {
    const r = await fetch(new URL(path, srv.url));
    expect(r.status).toBe(200);
    return { type: r.headers.get('content-type') ?? '', disposition: r.headers.get('content-disposition') ?? '', body: Buffer.from(await r.arrayBuffer()) };
  };
  const post = async (path: string, body: unknown): Promise<Presented> => {
    const r = await fetch(new URL(path, srv.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return (await r.json()) as Presented;
  };
  /** A google.script.run call, as the sidebar bridge makes it. */
  const run = async (fn: string, ...args: unknown[]) => {
    const r = await post('/api/run', { fn, args });
    if (!r.ok) throw new Error(`${fn}: ${r.error?.message}`);
    if (r.value && r.value.ok === false) throw new Error(`${fn}: ${r.value.message}`);
    return r.value;
  };

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'build', 'Code.js'))) throw new Error('build/Code.js is missing: run `node scripts/build.mjs` first.');
    stateDir = mkdtempSync(join(tmpdir(), 'lhh-exports-'));
    srv = await startServer({ port: 0, stateDir, reset: true, quiet: true, now: NOW });
    await run('logEvent', { targetCode: 'P2.1', date: '2024-03-12', title: 'Tư vấn, phản biện Đề án phát triển cây ăn quả', quantity: 2, cost: 1250000 });
    await run('logEvent', { targetCode: 'P3.5', date: '2024-05-15', title: 'Hội thảo khoa học về chuyển đổi số', quantity: 1 });
    // A row typed by hand with only a title: the edit trigger notes and highlights what is missing.
    const edit = await post('/api/edit', { sheet: 'Hoạt động', row: 4, col: 5, text: 'Hoạt động nhập tay' });
    expect(edit.ok).toBe(true);
    await run('saveSettings', { reportRecipients: [RECIPIENT] });
    const rep = await run('generateReport', { kind: 'progress', from: '2024-01-01', to: '2024-06-30' });
    docId = rep.docId;
    number = rep.number;
    await run('sendReport', { kind: 'progress', from: '2024-01-01', to: '2024-06-30', docId });
  });

  afterAll(async () => {
    await srv?.close();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  });

  test('the Google-only rules hold on /api/run: a missing function is an error, not a crash', async () => {
    const r = await post('/api/run', { fn: 'noSuchFunction', args: [] });
    expect(r.ok).toBe(false);
    expect(r.error?.message).toContain('Script function not found: noSuchFunction');
  });

  test('.xlsx: every sheet, values, number formats, frozen header, widths, validations, notes and fills', async () => {
    const { type, disposition, body } = await get('/export.xlsx');
    expect(type).toContain('spreadsheetml');
    expect(disposition).toMatch(/attachment; filename="LHH Tracker\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
    const names = srv.state.google.sheetNames(srv.state.spreadsheetId);
    expect(wb.worksheets.map((w) => w.name)).toEqual(names);
    expect(names).toEqual(expect.arrayContaining(['Tổng hợp', 'Chương trình', 'Chỉ tiêu', 'Hoạt động', 'Kinh phí', 'Sổ văn bản', 'Nhật ký']));

    const ev = wb.getWorksheet('Hoạt động')!;
    const header = (ev.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(col('Ngày')).toBeGreaterThan(0);
    expect(ev.getCell(2, col('Mã')).value).toBe('HD-2024-0001');
    expect(ev.getCell(2, col('Mã chỉ tiêu')).value).toBe('P2.1');
    // Dates are real dates (the wall-clock day, as Sheets shows it), with the sheet's format.
    const date = ev.getCell(2, col('Ngày'));
    expect(date.value).toEqual(new Date(Date.UTC(2024, 2, 12)));
    expect(date.numFmt).toBe('dd/mm/yyyy');
    const cost = ev.getCell(2, col('Chi phí'));
    expect(cost.value).toBe(1250000);
    expect(cost.numFmt).toBe('#,##0 "đ"');
    expect(ev.getCell(2, col('Số lượng')).value).toBe(2);
    expect(ev.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 1 });
    expect(ev.getColumn(col('Tên hoạt động')).width).toBeCloseTo(280 / 7, 0);
    expect(ev.getCell(1, 1).font?.bold).toBe(true);
    // Validations: the target code picks from "Chỉ tiêu", the state from a list.
    expect(ev.getCell(3, col('Mã chỉ tiêu')).dataValidation).toMatchObject({ type: 'list', formulae: ["'Chỉ tiêu'!$B$2:$B$1000"] });
    expect(ev.getCell(2, col('Trạng thái')).dataValidation).toMatchObject({ type: 'list', formulae: ['"Hiệu lực,Đã hủy"'] });
    // The hand-typed row: its date still to type got the edit trigger's soft note and light fill, not an error's red.
    const todo = ev.getCell(4, col('Ngày'));
    expect(String(todo.note)).toBe('LHH Tracker: Cần nhập Ngày. Dòng được tính vào tổng hợp khi nhập đủ.');
    expect((todo.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFEAF1FB');
    expect(ev.getCell(4, col('Tên hoạt động')).value).toBe('Hoạt động nhập tay');

    const targets = wb.getWorksheet('Chỉ tiêu')!;
    const th = (targets.getRow(1).values as unknown[]).slice(1);
    const codes: string[] = [];
    targets.eachRow((row, n) => {
      if (n > 1 && row.getCell(th.indexOf('Mã') + 1).value) codes.push(String(row.getCell(th.indexOf('Mã') + 1).value));
    });
    expect(codes).toHaveLength(24);
    expect(targets.getCell(10, th.indexOf('Mã') + 1).value).toBe('P2.1');
    expect(targets.getCell(10, th.indexOf('Số lượng') + 1).value).toBe(16);
    expect(targets.getCell(2, th.indexOf('Trạng thái') + 1).dataValidation).toMatchObject({ type: 'list', formulae: ['"Chưa thực hiện,Đang thực hiện,Hoàn thành"'] });

    const dash = wb.getWorksheet('Tổng hợp')!;
    let p21: unknown[] = [];
    dash.eachRow((row) => {
      if (row.getCell(1).value === 'P2.1' && !p21.length) p21 = (row.values as unknown[]).slice(1, 7);
    });
    expect(p21).toEqual(['P2.1', 'Tư vấn, phản biện', 'cuộc', 16, 2, 12.5]);
  });

  test('.docx: the report text, header table and annex read back by mammoth', async () => {
    const { type, body } = await get(`/doc/${docId}.docx`);
    expect(type).toContain('wordprocessingml');
    const text = (await mammoth.extractRawText({ buffer: body })).value;
    for (const s of [
      'LIÊN HIỆP CÁC HỘI KHOA HỌC',
      'VÀ KỸ THUẬT TỈNH BẮC GIANG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      `Số: ${number}`,
      'Bắc Giang, ngày 05 tháng 7 năm 2024',
      'BÁO CÁO',
      'Kính gửi: Sở Khoa học và Công nghệ tỉnh Bắc Giang',
      'I. KẾT QUẢ THỰC HIỆN',
      'Nơi nhận:',
      'Tư vấn, phản biện',
    ])
      expect(text).toContain(s);
    const html = (await mammoth.convertToHtml({ buffer: body })).value;
    expect(html).toContain('<strong>BÁO CÁO</strong>');
    expect(html).toMatch(/<table>[\s\S]*Số: 01\/BC-LHH[\s\S]*<\/table>/);
    expect((html.match(/<table>/g) ?? []).length).toBeGreaterThanOrEqual(2);
    // Same text as the Doc itself.
    const docText = srv.state.google
      .document(docId, { saved: true })
      .body.filter((n) => n.type === 'PARAGRAPH')
      .map((n) => (n as { text: string }).text.trim())
      .filter(Boolean);
    for (const p of docText) expect(text.replace(/\s+/g, ' ')).toContain(p.replace(/\s+/g, ' '));
  });

  test('.docx: page numbers per ND30, centred in the top margin from page 2 (a PAGE field in the header, none on page 1)', async () => {
    const zip = await JSZip.loadAsync((await get(`/doc/${docId}.docx`)).body);
    const xml = (name: string) => zip.file(name)!.async('string');
    const document = await xml('word/document.xml');
    const sectPr = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(document)![0];
    // titlePg: the first page has a header of its own.
    expect(sectPr).toMatch(/<w:titlePg\/>|<w:titlePg w:val="(true|1)"\/>/);
    const rels = await xml('word/_rels/document.xml.rels');
    const headerOf = async (type: string) => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`).exec(sectPr)![1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels) ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
      return xml(`word/${target![1]}`);
    };
    const pageField = /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>|w:instr="\s*PAGE\s*"/;
    const others = await headerOf('default');
    expect(others).toMatch(pageField);
    expect(others).toContain('<w:jc w:val="center"/>');
    // 13 pt (26 half-points), Times New Roman.
    expect(others).toContain('<w:sz w:val="26"/>');
    expect(others).toContain('w:ascii="Times New Roman"');
    expect(await headerOf('first')).not.toMatch(pageField);
    // The number sits in the top margin: the header starts 10 mm (567 twips) from the edge, above the 20 mm text margin.
    const pgMar = /<w:pgMar [^>]*>/.exec(sectPr)![0];
    expect(Number(/w:header="(\d+)"/.exec(pgMar)![1])).toBe(567);
    expect(Number(/w:top="(\d+)"/.exec(pgMar)![1])).toBeGreaterThan(567);
  });

  test('PDF: a PDF reader (pdfjs-dist) reads the report in Vietnamese exactly, in embedded Times New Roman metrics (Tinos)', async () => {
    const { type, disposition, body } = await get(`/doc/${docId}.pdf`);
    expect(type).toContain('application/pdf');
    expect(disposition).toMatch(/\.pdf"/);
    const read = await readPdf(new Uint8Array(body), { drawing: true });
    const first = read.lines[0];
    expect(first).toContain('BÁO CÁO');
    expect(first).toContain('Kính gửi: Sở Khoa học và Công nghệ tỉnh Bắc Giang');
    expect(first.some((l) => l.includes('Độc lập - Tự do - Hạnh phúc'))).toBe(true);
    expect(first.some((l) => l.includes('Bắc Giang, ngày 05 tháng 7 năm 2024'))).toBe(true);
    expect(read.text).toContain('I. KẾT QUẢ THỰC HIỆN');
    expect(read.text).not.toMatch(/BAO CAO|Kinh gui|\?\?\?\?/);
    expect(read.fonts.length).toBeGreaterThanOrEqual(2);
    for (const f of read.fonts) expect(f).toEqual({ name: expect.stringMatching(/\+Tinos-(Regular|Bold|Italic|BoldItalic)$/), embedded: true });
    // The annex tables have borders; the page count is the reader's, the same the file declares.
    expect(read.strokes.some((n) => n > 0)).toBe(true);
    expect(inspectPdf(new Uint8Array(body))).toMatchObject({ ok: true, pages: read.pages });
  });

  test('.eml: recipients, subject, HTML body and the PDF read back by mailparser', async () => {
    const { type, body } = await get('/mail/0.eml');
    expect(type).toContain('message/rfc822');
    const mail = await simpleParser(body);
    const sent = srv.state.google.outbox[0];
    expect(mail.subject).toBe(sent.subject);
    expect(mail.subject).toContain(number);
    expect((mail.to as AddressObject).value.map((a) => a.address)).toEqual([RECIPIENT]);
    expect((mail.from as AddressObject).value[0].address).toBe('admin@lhh.example.vn');
    expect(mail.html).toContain('Kính gửi');
    expect(mail.text).toBeTruthy();
    expect(mail.date?.getTime()).toBe(new Date(NOW).getTime());
    expect(mail.attachments).toHaveLength(1);
    const att = mail.attachments[0];
    expect(att.contentType).toBe('application/pdf');
    expect(att.filename).toBe(sent.attachments[0].name);
    expect(att.filename).toMatch(/\.pdf$/);
    expect(Buffer.compare(att.content, Buffer.from(sent.attachments[0].bytes))).toBe(0);
    expect(att.content.subarray(0, 5).toString()).toBe('%PDF-');
    // The document's own PDF (getAs) is the same export the email carried.
    const pdf = await get(`/doc/${docId}.pdf`);
    expect(Buffer.compare(pdf.body, att.content)).toBe(0);
  });

  test('state survives a restart; --reset starts over with the 2024 plan', async () => {
    await srv.close();
    srv = await startServer({ port: 0, stateDir, quiet: true });
    const docs = (await (await fetch(new URL('/api/docs', srv.url))).json()) as { id: string }[];
    expect(docs.map((d) => d.id)).toEqual([docId]);
    const outbox = (await (await fetch(new URL('/api/outbox', srv.url))).json()) as unknown[];
    expect(outbox).toHaveLength(1);
    const state = (await (await fetch(new URL('/api/state', srv.url))).json()) as { clock: { text: string } };
    expect(state.clock.text).toBe('05/07/2024 09:00');
    await srv.close();
    srv = await startServer({ port: 0, stateDir, reset: true, quiet: true, now: NOW });
    expect(await (await fetch(new URL('/api/outbox', srv.url))).json()).toEqual([]);
    const targets = srv.state.google.sheetValues(srv.state.spreadsheetId, 'Chỉ tiêu').slice(1).filter((r) => r[1]);
    expect(targets).toHaveLength(24);
  });
});
