// Builds a big workbook fast: setup through the bundle, then the event and budget rows written straight into the fake sheets in one setValues each.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createGoogle, type FakeGoogle } from '../fakes/index';
import { runEntry } from '../fakes/harness';
import { seedPlan2024 } from '../src/core/seed-plan';
import { SHEETS } from '../src/core/sheets';
import { DOSSIERS, EXPERTS, ORGANISATIONS, PANEL } from '../src/core/expert-sheets';
import type { BudgetLine, LoggedEvent, Programme, Target } from '../src/core/types';

export const ADMIN = 'admin@lhh.example.vn';
/** Early January of the next year: the yearly report is due and the whole plan year has happened. */
export const BENCH_NOW = '2025-01-05T09:00:00+07:00';
const YEAR = 2024;
const BUILD = join(__dirname, '..', 'build');

export function bundle(): { code: string; html: Record<string, string> } {
  const p = join(BUILD, 'Code.js');
  if (!existsSync(p)) throw new Error('build/Code.js is missing: run `node scripts/build.mjs` first (npm run bench does).');
  const html: Record<string, string> = {};
  for (const f of ['LogSidebar', 'BudgetSidebar', 'CheckSidebar', 'ReportSidebar', 'SettingsSidebar', 'ImportDialog', 'ExpertsSidebar', 'DossierSidebar']) {
    const h = join(BUILD, `${f}.html`);
    if (existsSync(h)) html[f] = readFileSync(h, 'utf8');
  }
  return { code: readFileSync(p, 'utf8'), html };
}

/** A small deterministic generator, so every run of the bench measures the same workbook. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PLACES = ['Bắc Giang', 'Lục Nam', 'Lạng Giang', 'Yên Thế', 'Tân Yên', 'Hiệp Hòa', 'Việt Yên', 'Sơn Động'];
const PARTNERS = ['Sở KH&CN', 'Hội Nông dân tỉnh', 'Báo Bắc Giang', 'Đài PT-TH tỉnh', 'Hội Y học', 'Trường Đại học Nông Lâm'];

/** The plan and `events` events and `events / 50` budget lines of 2024, as domain objects. */
export function generateData(events: number): { programs: Programme[]; targets: Target[]; events: LoggedEvent[]; lines: BudgetLine[] } {
  const { programs, targets } = seedPlan2024();
  const r = rng(events);
  // At least one line per target, so every programme has lines at every size (the budget document then has the same sections).
  const nLines = Math.max(targets.length, Math.round(events / 50));
  const lines: BudgetLine[] = [];
  for (let i = 0; i < nLines; i++) {
    const t = targets[i % targets.length];
    const quantity = 1 + Math.floor(r() * 20);
    const unitPrice = (1 + Math.floor(r() * 50)) * 500000;
    lines.push({
      id: `KP-${YEAR}-${String(i + 1).padStart(3, '0')}`,
      year: YEAR,
      programCode: t.programCode,
      targetCode: t.code,
      item: `Chi tổ chức ${t.name.toLowerCase()} đợt ${i + 1}`,
      unit: t.unit || 'lần',
      quantity,
      unitPrice,
      proposed: quantity * unitPrice,
      appraised: i % 3 === 0 ? quantity * unitPrice : null,
      approved: i % 6 === 0 ? quantity * unitPrice : null,
      basis: 'Thông tư 02/2023/TT-BKHCN; Nghị quyết 12/2023/NQ-HĐND',
      stage: i % 6 === 0 ? 'Đã phê duyệt' : i % 3 === 0 ? 'Đã thẩm định' : 'Dự thảo',
      note: '',
    });
  }
  const out: LoggedEvent[] = [];
  for (let i = 0; i < events; i++) {
    const t = targets[Math.floor(r() * targets.length)];
    const day = 1 + Math.floor(r() * 365);
    const d = new Date(Date.UTC(YEAR, 0, day));
    const line = r() < 0.4 ? lines[Math.floor(r() * lines.length)] : null;
    out.push({
      id: `HD-${YEAR}-${String(i + 1).padStart(4, '0')}`,
      year: YEAR,
      targetCode: t.code,
      date: d.toISOString().slice(0, 10),
      title: `${t.name} tại ${PLACES[i % PLACES.length]} lần ${i + 1}`,
      quantity: 1,
      location: PLACES[i % PLACES.length],
      partner: PARTNERS[i % PARTNERS.length],
      participants: 20 + Math.floor(r() * 200),
      cost: line ? (1 + Math.floor(r() * 20)) * 100000 : null,
      budgetLineId: line ? line.id : '',
      result: i % 4 === 0 ? 'Đạt yêu cầu; có kiến nghị gửi cơ quan chủ trì' : '',
      evidenceUrl: i % 5 === 0 ? `https://lhhbacgiang.org.vn/tin-tuc/${i + 1}` : '',
      state: i % 20 === 0 ? 'Đã hủy' : 'Hiệu lực',
      cancelReason: i % 20 === 0 ? 'Nhập trùng' : '',
      createdBy: ADMIN,
      createdAt: '',
      updatedBy: '',
      updatedAt: '',
    });
  }
  return { programs, targets, events: out, lines };
}

/** Cell value of a domain field as a user's sheet holds it: dates as Date cells, empty as ''. */
function cellOf(key: string, v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (key === 'date' || key === 'requestDate' || key === 'deadline' || key === 'consentDate' || key === 'remindedDue' || key === 'remindedOverdue') return v ? new Date(`${String(v)}T00:00:00+07:00`) : '';
  return v;
}

/** Writes records under a sheet's header row, one setValues, growing the sheet first if needed. */
function writeRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, header: string[], keyOf: Record<string, string>, recs: Record<string, unknown>[], extra: Record<string, unknown> = {}): void {
  if (!recs.length) return;
  const keys = header.map((h) => keyOf[h]);
  const rows = recs.map((rec) => keys.map((k) => (k === undefined ? '' : k in extra ? extra[k] : cellOf(k, rec[k]))));
  const need = rows.length + 1;
  if (sheet.getMaxRows() < need) sheet.insertRowsAfter(sheet.getMaxRows(), need - sheet.getMaxRows());
  sheet.getRange(2, 1, rows.length, header.length).setValues(rows);
}

const FIELDS = ['Quản lý đất đai', 'Môi trường', 'Nông nghiệp', 'Y tế', 'Giáo dục', 'Kinh tế', 'Pháp luật'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Ngô'];
const GIVEN = ['Văn An', 'Thị Bình', 'Văn Cường', 'Thị Dung', 'Minh Đức', 'Thu Hà', 'Quang Huy', 'Thị Mai'];

/** The registers at a size proportionate to the events: experts = events / 10, dossiers = events / 20 (1,000 and 500 at 10,000 events). */
function writeRegisters(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, events: number): void {
  const rand = rng(7);
  const orgs = Array.from({ length: 30 }, (_, i) => ({ code: `DV-${String(i + 1).padStart(3, '0')}`, name: `Cơ quan số ${i + 1} tỉnh Bắc Giang`, email: `dv${i + 1}@bacgiang.gov.vn`, note: '' }));
  const experts = Array.from({ length: Math.round(events / 10) }, (_, i) => ({
    code: `CG-${String(i + 1).padStart(4, '0')}`,
    name: `${FAMILY[i % FAMILY.length]} ${GIVEN[Math.floor(i / FAMILY.length) % GIVEN.length]} ${i}`,
    academicTitle: i % 7 === 0 ? 'PGS' : '',
    degree: 'TS',
    fields: [FIELDS[i % FIELDS.length], FIELDS[(i + 3) % FIELDS.length]].join('; '),
    workplaceCode: orgs[i % orgs.length].code,
    workplace: orgs[i % orgs.length].name,
    scope: 'Trong tỉnh',
    consent: i % 5 === 0 ? 'Không' : 'Có',
    consentDate: i % 5 === 0 ? '' : '2024-01-15',
    state: 'Đang hoạt động',
  }));
  const n = Math.round(events / 20);
  const dossiers = Array.from({ length: n }, (_, i) => ({
    code: `TVPB-2024-${String(i + 1).padStart(3, '0')}`,
    year: 2024,
    consultKind: 'Phản biện',
    targetCode: 'P2.1',
    subject: `Đề án số ${i + 1}`,
    requesterCode: orgs[i % orgs.length].code,
    requestDate: '2024-03-01',
    deadline: i % 3 === 0 ? '2024-12-30' : '2024-06-30',
    fields: FIELDS[i % FIELDS.length],
    form: 'Hội đồng',
    state: i % 4 === 0 ? 'Đang thực hiện' : 'Đã gửi kết quả',
    remindedDue: '2024-06-25',
    remindedOverdue: '2024-07-01',
  }));
  const panel = dossiers.flatMap((d, i) => [
    { dossierCode: d.code, expertCode: experts[(i * 2) % experts.length].code, role: 'Chủ tịch hội đồng', fee: 1500000 },
    { dossierCode: d.code, expertCode: experts[(i * 2 + 1) % experts.length].code, role: 'Phản biện', fee: Math.round(rand() * 10) * 100000 },
  ]);
  for (const [def, recs] of [
    [ORGANISATIONS, orgs],
    [EXPERTS, experts],
    [DOSSIERS, dossiers],
    [PANEL, panel],
  ] as const) {
    const sheet = ss.getSheetByName(def.name)!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    const keyOf = Object.fromEntries(def.columns.map((c) => [c.header, c.key]));
    writeRows(sheet, header, keyOf, recs as unknown as Record<string, unknown>[]);
  }
}

export interface BenchWorld {
  google: FakeGoogle;
  code: string;
  ssId: string;
  triggerUid: string;
  events: number;
  lines: number;
  generateMs: number;
}

/** A set-up workbook with `events` events and proportionate budget lines, recipients and the daily schedule on. */
export function generateWorkbook(events: number): BenchWorld {
  const t0 = performance.now();
  const { code, html } = bundle();
  const google = createGoogle({ user: ADMIN, htmlFiles: html });
  google.clock.set(new Date(BENCH_NOW));
  const call = (fn: string, ...args: unknown[]) => {
    const r = runEntry(google, code, fn, args, { kind: 'sidebar', user: ADMIN }) as { ok: boolean; message?: string };
    if (!r.ok) throw new Error(`${fn}: ${r.message}`);
    return r;
  };
  call('setupWorkbook');
  call('saveSettings', {
    reportRecipients: ['so.khcn@bacgiang.gov.vn'],
    budgetRecipients: ['stc@bacgiang.gov.vn'],
    signerName: 'Nguyễn Văn Bình',
    schedule: { enabled: true, hour: 7, weeklyDay: 0, monthlyDay: 0, formalReports: true },
  });
  const data = generateData(events);
  const exec = google.newExecution({ kind: 'local', user: ADMIN });
  try {
    const ss = google.gas(exec).SpreadsheetApp.getActiveSpreadsheet();
    for (const [def, recs] of [
      [SHEETS.events, data.events],
      [SHEETS.budget, data.lines],
    ] as const) {
      const sheet = ss.getSheetByName(def.name)!;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
      const keyOf = Object.fromEntries(def.columns.map((c) => [c.header, c.key]));
      writeRows(sheet, header, keyOf, recs as unknown as Record<string, unknown>[], def === SHEETS.events ? { createdAt: new Date(BENCH_NOW) } : {});
    }
    writeRegisters(ss, events);
  } finally {
    exec.end();
  }
  // The dashboard and computed columns as any earlier change would have left them: the bench measures the steady state.
  runEntry(google, code, 'menuRefreshDashboard', [], { kind: 'menu', user: ADMIN });
  const trigger = google.state.triggers.find((t) => t.handler === 'runScheduledReports');
  if (!trigger) throw new Error('the schedule trigger was not created');
  return { google, code, ssId: google.activeSpreadsheetId as string, triggerUid: trigger.uid, events, lines: data.lines.length, generateMs: performance.now() - t0 };
}
