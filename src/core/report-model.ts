// Renderer-neutral models of the ND30 documents (progress report, budget submission) and the report email.
import { amountInWords, numberInWords } from './amount-words';
import { proposedAmount, summarizeBudget, type BudgetSummary } from './budget';
import { periodFromRange, roman, type PeriodKind } from './period';
import { computeProgress, inRange, type ProgrammeProgress, type TargetProgress } from './progress';
import type { BudgetLine, IsoDate, LoggedEvent, Programme, Settings, Target } from './types';
import { docNumber, escapeHtml, formatMoney, formatNumber, formatPercent, isoToVn, ndDateLine, upperVn } from './vn-format';

// ---------------------------------------------------------------------------------------------------
// Model

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** A body paragraph. When `runs` is set, `text` is their concatenation (kept for search and tests). */
export interface ParagraphBlock {
  t: 'p';
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Points; the document's body size when absent. */
  size?: number;
  align?: Align;
  /** ND30 body paragraphs indent their first line; list-like lines and captions do not. */
  indentFirst?: boolean;
  spaceAfter?: number;
  runs?: Run[];
  /** Where staff must write their own words: renderers make it stand out (highlight). */
  placeholder?: boolean;
}

/** Report headings: 1 = "I. KẾT QUẢ …" (upper, bold), 2 = "1. …" (bold), 3 = "a) …" (regular). */
export interface HeadingBlock {
  t: 'heading';
  text: string;
  level: 1 | 2 | 3;
}

export interface TableBlock {
  t: 'table';
  /** Every row has as many cells as the first. */
  rows: string[][];
  /** First row is a header: bold, centred. */
  header?: boolean;
  /** Column widths in points, summing to the text width. */
  widths?: number[];
  /** Indexes into `rows` of rows set in bold (programme rows, totals); bounded by programmes, never by events. */
  boldRows?: number[];
  align?: Align[];
  borderless?: boolean;
  size?: number;
}

export interface PageBreakBlock {
  t: 'pagebreak';
}

/** ND30's short solid rules (under the trích yếu). */
export interface RuleBlock {
  t: 'rule';
  widthPt: number;
}

export type Block = ParagraphBlock | HeadingBlock | TableBlock | PageBreakBlock | RuleBlock;

/** ND30 ô 1–4: the two-column header. Texts are final (already upper-cased where ND30 says so). */
export interface HeaderModel {
  /** Cơ quan chủ quản, not bold; '' when the organisation has none. */
  parentOrg: string;
  /** Cơ quan ban hành, bold, with a rule of 1/3–1/2 its length below. */
  org: string;
  /** `Số: 01/BC-LHH`. */
  number: string;
  nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  /** With a rule below as long as the text. */
  motto: 'Độc lập - Tự do - Hạnh phúc';
  /** Italic: `Bắc Giang, ngày 05 tháng 01 năm 2024`. */
  dateLine: string;
  /** Left and right column widths, points. */
  widths: [number, number];
  sizes: { parentOrg: number; org: number; number: number; nation: number; motto: number; dateLine: number };
  rules: { orgPt: number; mottoPt: number };
}

export interface Signer {
  /** `TM. BAN THƯỜNG VỤ`, `KT. CHỦ TỊCH`; '' when the head signs in their own name. */
  authority: string;
  title: string;
  /** Bold under the signature (ND30 ô 7b); the placeholder when settings have none. */
  name: string;
  /** The name is SIGNER_PLACEHOLDER: renderers highlight it like the other places staff fill. */
  namePlaceholder?: boolean;
}

export interface Annex {
  /** `Phụ lục 1`. */
  title: string;
  /** Upper-case name of the annex. */
  subtitle: string;
  /** Italic: `(Kèm theo Báo cáo số 01/BC-LHH ngày 05/01/2024 của …)`. */
  note: string;
  blocks: Block[];
}

export type DocKind = 'progressReport' | 'budgetSubmission' | 'consultationAnswer' | 'panelDecision' | 'invitation';

/** A whole document as plain JSON: what to write, not how a given API writes it. */
export interface DocModel {
  kind: DocKind;
  /** File name. */
  title: string;
  /** `01/BC-LHH`, or `   /BC-LHH` when the number is left for the văn thư. */
  number: string;
  page: {
    size: 'A4';
    width: number;
    height: number;
    margins: { top: number; bottom: number; left: number; right: number };
  };
  font: { family: 'Times New Roman'; size: 13 | 14 };
  /** Body paragraph defaults: first-line indent and spacing in points, line spacing as a multiple. */
  paragraph: { indentFirst: number; spaceAfter: number; lineSpacing: number };
  header: HeaderModel;
  /** Tên loại: `BÁO CÁO`, `TỜ TRÌNH`. */
  docType: string;
  /** Trích yếu, bold, centred, a short rule below. */
  subject: string;
  /** Kính gửi lines: one line for one recipient, else `Kính gửi:` then `- …;` lines ending in `.`. */
  recipients: string[];
  blocks: Block[];
  closing: { noiNhan: string[]; signer: Signer };
  annexes: Annex[];
}

const MM = 72 / 25.4;
const mm = (n: number): number => Math.round(n * MM * 100) / 100;

/** A4, margins 20/20/30/15 mm (ND30 ranges' usual choice). */
export const PAGE = {
  size: 'A4' as const,
  width: 595.28,
  height: 841.89,
  margins: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
};

/** Width between the margins, points: what table widths add up to. */
export const TEXT_WIDTH = Math.round((PAGE.width - PAGE.margins.left - PAGE.margins.right) * 10) / 10;

/** Docs puts 5 pt of padding on each side of a table cell's text (its default, which the renderers keep). */
export const CELL_PADDING_PT = 5;

// Times New Roman advance widths in 1/1000 em (regular, bold) for the characters that fill narrow
// columns; others take an average that errs wide (Vietnamese marks do not change a letter's width).
const TNR: Record<string, [number, number]> = {
  '0': [500, 500], '1': [500, 500], '2': [500, 500], '3': [500, 500], '4': [500, 500], '5': [500, 500], '6': [500, 500], '7': [500, 500], '8': [500, 500], '9': [500, 500],
  '/': [278, 278], '.': [250, 250], ',': [250, 250], ' ': [250, 250], '(': [333, 333], ')': [333, 333], '%': [833, 1000], '-': [333, 333],
  S: [556, 556], T: [611, 667], I: [333, 389], V: [722, 722], X: [722, 722], L: [611, 667],
};

/** Width of a one-line text in Times New Roman at `size` points. */
export function textWidthPt(text: string, size: number, bold = false): number {
  let w = 0;
  for (const ch of text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')) {
    const m = TNR[ch];
    w += m ? m[bold ? 1 : 0] : ch === ch.toUpperCase() && ch !== ch.toLowerCase() ? (bold ? 760 : 722) : bold ? 540 : 500;
  }
  return (w * size) / 1000;
}

/** The narrowest column that holds `samples` on one line with Docs' cell padding, rounded up to 2 pt. */
const fitWidth = (samples: string[], size: number, bold = true): number =>
  Math.ceil((Math.max(...samples.map((t) => textWidthPt(t, size, bold))) + 2 * CELL_PADDING_PT + 1) / 2) * 2;

const BODY_SIZE = 14;
const TABLE_SIZE = 11;
/** How many of a target's events the body names; the full list is Phụ lục 2. */
export const MAX_CITED_EVENTS = 2;

// ---------------------------------------------------------------------------------------------------
// Small text helpers

const capFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);


/** "thứ nhất", "thứ hai", … "thứ tư" as Vietnamese ordinals read. */
export function ordinalVn(n: number): string {
  if (n === 1) return 'thứ nhất';
  if (n === 4) return 'thứ tư';
  return 'thứ ' + numberInWords(n);
}

/** Short name for subjects and emails: "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Giang" → "LHH tỉnh Bắc Giang". */
export function shortOrgName(orgName: string): string {
  const s = (orgName || '').trim();
  const short = s.replace(/^liên hiệp các hội khoa học (và|&) kỹ thuật/i, 'LHH');
  return short === s ? s : short.trim();
}

function plannedText(t: Target): string {
  if (t.quantity === null) return '';
  const prefix = t.qualifier === 'min' ? 'ít nhất ' : t.qualifier === 'about' ? 'khoảng ' : '';
  return prefix + formatNumber(t.quantity) + (t.upper ? `–${formatNumber(t.upper)}` : '');
}

const withUnit = (n: number | string, unit: string): string =>
  [typeof n === 'number' ? formatNumber(n) : n, unit].filter(Boolean).join(' ');

/** Lines ending in ";" and the last in ".", as ND30 lists end. */
function listLines(items: string[]): string[] {
  return items.map((s, i) => s.replace(/[.;,]+$/, '') + (i === items.length - 1 ? '.' : ';'));
}

function p(text: string, extra: Partial<ParagraphBlock> = {}): ParagraphBlock {
  return { t: 'p', text, indentFirst: true, align: 'justify', ...extra };
}

const placeholder = (what: string): ParagraphBlock =>
  p(`[Cán bộ bổ sung: ${what}]`, { italic: true, placeholder: true });

function recipientLines(name: string): string[] {
  const names = (name || '')
    .split(/\n|;/)
    .map((s) => s.trim().replace(/^-\s*/, ''))
    .filter(Boolean);
  if (names.length <= 1) return [`Kính gửi: ${names[0] || '…'}`];
  return ['Kính gửi:', ...listLines(names.map((n) => `- ${n}`))];
}

function decisionRef(s: Settings): string {
  const d = s.decision;
  if (!d || !d.number) return '';
  return [`Quyết định số ${d.number}`, d.date ? `ngày ${isoToVn(d.date)}` : '', d.issuer ? `của ${d.issuer}` : '']
    .filter(Boolean)
    .join(' ');
}

/** The header's left column: the issuing body's name in two lines, the Quốc hiệu on one line at the right. */
const HEADER_LEFT = 205;

/**
 * Breaks an upper-case organisation name into lines of at most `width` points (12 pt bold), where a
 * person would: never inside the place name that ends it ("TỈNH BẮC GIANG" stays whole), and
 * preferably before "VÀ", "TỈNH", "THÀNH PHỐ". Lines are joined with "\n" (one paragraph each).
 */
export function breakOrgName(name: string, width: number, size: number): string {
  const words = name.split(/\s+/).filter(Boolean);
  if (!words.length || textWidthPt(name, size, true) <= width) return name;
  // Units that never split: the place phrase from TỈNH / THÀNH PHỐ to the end, then single words.
  let placeAt = words.findIndex((w, i) => w === 'TỈNH' || (w === 'THÀNH' && words[i + 1] === 'PHỐ'));
  if (placeAt < 0) placeAt = words.length;
  const units = [...words.slice(0, placeAt), ...(placeAt < words.length ? [words.slice(placeAt).join(' ')] : [])];
  const lines: string[] = [];
  let cur = '';
  for (const u of units) {
    const tryLine = cur ? `${cur} ${u}` : u;
    if (cur && textWidthPt(tryLine, size, true) > width) {
      lines.push(cur);
      cur = u;
    } else cur = tryLine;
  }
  if (cur) lines.push(cur);
  // Prefer a break before "VÀ" when the first line would end with it.
  for (let i = 0; i < lines.length - 1; i++) {
    const ws = lines[i].split(' ');
    if (ws[ws.length - 1] === 'VÀ' && ws.length > 1) {
      lines[i] = ws.slice(0, -1).join(' ');
      lines[i + 1] = `VÀ ${lines[i + 1]}`;
    }
  }
  return lines.join('\n');
}

function buildHeader(s: Settings, number: string, today: IsoDate): HeaderModel {
  return {
    parentOrg: upperVn(s.parentOrgName || ''),
    org: breakOrgName(upperVn(s.orgName || ''), HEADER_LEFT - 2 * CELL_PADDING_PT, 12),
    number: `Số: ${number}`,
    nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    dateLine: ndDateLine(s.place, today),
    widths: [HEADER_LEFT, Math.round((TEXT_WIDTH - HEADER_LEFT) * 10) / 10],
    sizes: { parentOrg: 12, org: 12, number: 13, nation: 12, motto: 13, dateLine: 13 },
    rules: { orgPt: 60, mottoPt: 170 },
  };
}

/** Shown in the signature block while settings have no signer's name: staff must fill it before signing. */
export const SIGNER_PLACEHOLDER = '[Họ và tên người ký]';

/** "- Lưu: VT, VP.": the văn thư (VT) keeps every issued document, named once whatever the setting says. */
export function archiveLine(setting: string): string {
  const parts = (setting || '')
    .replace(/^\s*-?\s*lưu\s*:?/i, '')
    .split(/[,;]/)
    .map((x) => x.trim().replace(/[.;]+$/, ''))
    .filter(Boolean);
  const seen = new Set<string>(['VT']);
  const rest = parts.filter((x) => {
    const k = x.toUpperCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return `- Lưu: ${['VT', ...rest].join(', ')}.`;
}

function closing(s: Settings): DocModel['closing'] {
  const name = (s.signerName || '').trim();
  return {
    noiNhan: ['- Như trên;', archiveLine(s.archiveLine)],
    signer: { authority: upperVn(s.signerAuthority || ''), title: upperVn(s.signerTitle || ''), name: name || SIGNER_PLACEHOLDER, ...(name ? {} : { namePlaceholder: true }) },
  };
}

function baseModel(kind: DocKind, s: Settings, number: string, today: IsoDate): Omit<DocModel, 'title' | 'docType' | 'subject' | 'recipients' | 'blocks' | 'annexes'> {
  return {
    kind,
    number,
    page: { ...PAGE, margins: { ...PAGE.margins } },
    font: { family: 'Times New Roman', size: BODY_SIZE },
    paragraph: { indentFirst: 36, spaceAfter: 6, lineSpacing: 1.15 },
    header: buildHeader(s, number, today),
    closing: closing(s),
  };
}

/** File name of an issued document: `2024-07-05 01-BC-LHH - Sơ kết 6 tháng đầu năm 2024`. */
export function reportFileName(input: { typeAbbr: string; number: number | null; orgCode: string; title: string; today: IsoDate }): string {
  const code = [input.typeAbbr, (input.orgCode || '').trim()].filter(Boolean).join('-');
  const num = input.number === null ? `${code} (dự thảo)` : docNumber(input.number, input.typeAbbr, input.orgCode).replace(/\//g, '-');
  return `${input.today} ${num} - ${input.title}`.replace(/[\\/:*?"<>|]/g, '-');
}

// ---------------------------------------------------------------------------------------------------
// Progress data shared by the report and the email

export interface ReportPeriod {
  from: IsoDate;
  to: IsoDate;
  label: string;
  title?: string;
  kind?: PeriodKind;
}

export interface ProgressReportInput {
  settings: Settings;
  programs: Programme[];
  targets: Target[];
  events: LoggedEvent[];
  period: ReportPeriod;
  today: IsoDate;
  number: number | null;
  /** Plan year; the year the period ends in when absent. */
  year?: number;
  /** Budget lines of the year, for the overspending line of IV and the email's totals. */
  lines?: BudgetLine[];
}

export interface TargetRow {
  target: Target;
  /** Within the period. */
  period: TargetProgress;
  /** From 1 January of the plan year to the end of the period (lũy kế). */
  ytd: TargetProgress;
  /** Non-cancelled events of the period, by date. */
  events: LoggedEvent[];
}

export interface ProgrammeRow {
  programme: Programme;
  period: ProgrammeProgress;
  ytd: ProgrammeProgress;
  targets: TargetRow[];
}

export interface ReportData {
  year: number;
  /** Flags are judged at the end of the period, or today if the period has not ended. */
  asOf: IsoDate;
  programmes: ProgrammeRow[];
  periodEvents: LoggedEvent[];
  budget: BudgetSummary | null;
}

const ORPHANS = '\u0000orphans';

const byDate = (a: LoggedEvent, b: LoggedEvent): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Figures for a period through computeProgress, once for the period and once year-to-date, so the
 * report shows exactly what getProgress shows for the same ranges.
 */
export function computeReportData(input: ProgressReportInput): ReportData {
  const { period, today } = input;
  const year = input.year ?? +period.to.slice(0, 4);
  const programs = input.programs.filter((p) => p.year === year);
  const known = new Set(programs.map((p) => p.code));
  const targets = input.targets.filter((t) => t.year === year);
  // Targets of an unknown programme must still show up rather than vanish from the report.
  const hasOrphans = targets.some((t) => !known.has(t.programCode));
  if (hasOrphans) programs.push({ year, code: ORPHANS, name: 'Chỉ tiêu chưa gắn nhiệm vụ, chương trình', objectives: [] });
  const events = input.events.filter((e) => e.year === year);
  // A report on a past period judges "behind" and "overdue" at the period's end, as it stood then.
  const asOf = today < period.to ? today : period.to;
  const inPeriod = computeProgress(programs, targets, events, { from: period.from, to: period.to }, asOf);
  const ytd = computeProgress(programs, targets, events, { from: `${year}-01-01`, to: period.to }, asOf);
  const periodEvents = events.filter((e) => e.state !== 'Đã hủy' && inRange(e.date, period)).sort(byDate);
  const eventsOf = new Map<string, LoggedEvent[]>();
  for (const e of periodEvents) {
    const list = eventsOf.get(e.targetCode) || [];
    list.push(e);
    eventsOf.set(e.targetCode, list);
  }
  const programmes: ProgrammeRow[] = programs.map((prog, pi) => ({
    programme: prog,
    period: inPeriod.programs[pi],
    ytd: ytd.programs[pi],
    targets: targets
      .map((t, ti) => ({ t, ti }))
      .filter(({ t }) => (known.has(t.programCode) ? t.programCode === prog.code : prog.code === ORPHANS))
      .map(({ t, ti }) => ({ target: t, period: inPeriod.targets[ti], ytd: ytd.targets[ti], events: eventsOf.get(t.code) || [] })),
  }));
  let budget: BudgetSummary | null = null;
  if (input.lines) {
    const programOf = new Map(targets.map((t) => [t.code, t.programCode]));
    budget = summarizeBudget(
      programs,
      input.lines.filter((l) => l.year === year),
      events,
      (code) => programOf.get(code),
    );
  }
  return { year, asOf, programmes, periodEvents, budget };
}

const isQuantified = (r: TargetRow): boolean => r.target.quantity !== null && r.target.quantity > 0;
const isComplete = (r: TargetRow): boolean => r.ytd.flags.includes('complete');

function allTargets(d: ReportData): TargetRow[] {
  return d.programmes.reduce<TargetRow[]>((a, p) => a.concat(p.targets), []);
}

function pct(r: TargetRow): string {
  return r.ytd.percent === null ? '' : formatPercent(r.ytd.percent);
}

function nextLabel(kind: PeriodKind | undefined, period: ReportPeriod): string {
  const y = +period.to.slice(0, 4);
  const m = +period.to.slice(5, 7);
  switch (kind) {
    case 'month':
      return m === 12 ? `tháng 1 năm ${y + 1}` : `tháng ${m + 1} năm ${y}`;
    case 'quarter':
      return m === 12 ? `quý I năm ${y + 1}` : `quý ${roman(m / 3 + 1)} năm ${y}`;
    case 'half':
      return m === 6 ? `6 tháng cuối năm ${y}` : `năm ${y + 1}`;
    case 'nineMonths':
      return `quý IV năm ${y}`;
    case 'year':
      return `năm ${y + 1}`;
    default:
      return 'thời gian tới';
  }
}

// ---------------------------------------------------------------------------------------------------
// Progress report

function flagText(r: TargetRow): string {
  const f = r.ytd.flags;
  if (f.includes('over')) return 'vượt kế hoạch';
  if (f.includes('complete')) return 'hoàn thành';
  if (f.includes('overdue')) return `quá hạn (hạn ${isoToVn(r.target.dueDate || '')})`;
  if (f.includes('behind')) return 'chậm so với tiến độ';
  return '';
}

function citeEvents(r: TargetRow): string {
  const cited = r.events.slice(0, MAX_CITED_EVENTS).map((e) => `${e.title.trim()}, ${isoToVn(e.date)}`);
  const more = r.events.length - cited.length;
  return cited.join('; ') + (more > 0 ? `; và ${more} hoạt động khác` : '');
}

/** "- Tư vấn, phản biện: thực hiện 1 đề án trong kỳ (…, 20/05/2024); lũy kế 2 đề án, đạt 50% kế hoạch (ít nhất 4 đề án)." */
function doneLine(r: TargetRow): string {
  const t = r.target;
  const flag = flagText(r);
  if (isQuantified(r)) {
    return (
      `- ${t.name}: thực hiện ${withUnit(r.period.done, t.unit)} trong kỳ (${citeEvents(r)}); ` +
      `lũy kế ${withUnit(r.ytd.done, t.unit)}, đạt ${pct(r)}% kế hoạch (${withUnit(plannedText(t), t.unit)})${flag ? `, ${flag}` : ''}.`
    );
  }
  const state = t.status ? `; tình trạng: ${t.status.toLowerCase()}` : '';
  const overdue = r.ytd.flags.includes('overdue') ? `; ${flagText(r)}` : '';
  return `- ${t.name}: ${r.events.length} hoạt động trong kỳ (${citeEvents(r)})${state}${overdue}.`;
}

/**
 * One programme's part of I: its rate, then what was done in the period target by target, what is
 * behind or overdue, and one sentence for the targets with nothing in the period. Targets go by
 * their short names; the decision's wording and every figure stay in Phụ lục 1.
 */
function programmeSummary(row: ProgrammeRow): Block[] {
  const blocks: Block[] = [];
  const periodEvents = row.targets.reduce((n, r) => n + r.events.length, 0);
  const rate =
    row.ytd.percent !== null
      ? `Lũy kế từ đầu năm, hoàn thành ${row.ytd.complete}/${row.ytd.quantified} chỉ tiêu định lượng, tỷ lệ bình quân đạt ${formatPercent(row.ytd.percent)}%.`
      : '';
  const idle = row.targets.filter((r) => !r.events.length);
  const overdue = idle.filter((r) => r.ytd.flags.includes('overdue'));
  const behind = idle.filter((r) => !r.ytd.flags.includes('overdue') && r.ytd.flags.includes('behind'));
  const named = new Set([...overdue, ...behind]);
  const rest = idle.filter((r) => !named.has(r));
  const active = row.targets.filter((r) => r.events.length);
  // What has nothing in the period goes in one paragraph: overdue, behind, then the rest.
  const quiet: string[] = [];
  if (overdue.length) quiet.push(`Quá hạn, chưa hoàn thành: ${namesList(overdue, (r) => [`hạn ${isoToVn(r.target.dueDate || '')}`, isQuantified(r) ? `đạt ${pct(r)}%` : ''].filter(Boolean).join(', '))}.`);
  if (behind.length) quiet.push(`Chậm so với tiến độ${active.length ? ', trong kỳ chưa có hoạt động' : ''}: ${namesList(behind, (r) => (r.ytd.done ? `lũy kế đạt ${pct(r)}%` : ''))}.`);
  if (rest.length) {
    const detail = (r: TargetRow): string => (isComplete(r) ? 'đã hoàn thành' : isQuantified(r) ? (r.ytd.done ? `lũy kế đạt ${pct(r)}%` : '') : (r.target.status || '').toLowerCase());
    quiet.push(`${active.length || named.size ? 'Các chỉ tiêu khác' : 'Các chỉ tiêu'} chưa có hoạt động trong kỳ: ${namesList(rest, detail)}.`);
  }
  const head = `${rate}${rate ? ' ' : ''}${periodEvents ? `Trong kỳ thực hiện ${periodEvents} hoạt động:` : 'Trong kỳ chưa có hoạt động được ghi nhận.'}`;
  if (!active.length) {
    blocks.push(p([head, ...quiet].join(' ')));
    return blocks;
  }
  blocks.push(p(head));
  blocks.push(...active.map((r) => p(doneLine(r))));
  if (quiet.length) blocks.push(p(quiet.join(' ')));
  return blocks;
}

function namesList(rows: TargetRow[], detail: (r: TargetRow) => string): string {
  return rows.map((r) => `${r.target.name}${detail(r) ? ` (${detail(r)})` : ''}`).join('; ');
}

/** Past this many, II counts the targets behind instead of naming them again. */
const MAX_NAMED_IN_REVIEW = 5;

function evaluationBlocks(d: ReportData, period: ReportPeriod): Block[] {
  const rows = allTargets(d);
  const quant = rows.filter(isQuantified);
  const qual = rows.filter((r) => !isQuantified(r));
  const done = quant.filter(isComplete);
  const qualDone = qual.filter((r) => r.target.status === 'Hoàn thành');
  const overdue = rows.filter((r) => r.ytd.flags.includes('overdue'));
  const behind = rows.filter((r) => r.ytd.flags.includes('behind'));
  const blocks: Block[] = [{ t: 'heading', level: 1, text: 'II. ĐÁNH GIÁ CHUNG' }, { t: 'heading', level: 2, text: '1. Ưu điểm' }];
  blocks.push(
    p(
      `Lũy kế đến ngày ${isoToVn(period.to)}, ${done.length}/${quant.length} chỉ tiêu định lượng đã hoàn thành kế hoạch năm` +
        (done.length ? ` (${namesList(done, () => '')})` : '') +
        (qual.length ? `; ${qualDone.length}/${qual.length} chỉ tiêu định tính đã hoàn thành` : '') +
        `. Trong kỳ đã thực hiện ${d.periodEvents.length} hoạt động.`,
    ),
  );
  blocks.push(placeholder('những kết quả nổi bật, cách làm hiệu quả trong kỳ.'));
  blocks.push({ t: 'heading', level: 2, text: '2. Tồn tại, hạn chế' });
  const issues: string[] = [];
  if (overdue.length)
    issues.push(
      `Có ${overdue.length} chỉ tiêu đã quá hạn nhưng chưa hoàn thành: ` +
        namesList(overdue, (r) => [`hạn ${isoToVn(r.target.dueDate || '')}`, isQuantified(r) ? `đạt ${pct(r)}%` : `tình trạng: ${r.target.status || 'chưa cập nhật'}`].join(', ')) +
        '.',
    );
  // Part I already names them programme by programme: a long list is not repeated here.
  if (behind.length > MAX_NAMED_IN_REVIEW) {
    const none = behind.filter((r) => !r.ytd.done).length;
    issues.push(`Có ${behind.length}/${rows.length} chỉ tiêu chậm so với tiến độ kế hoạch (nêu tại mục I)${none ? `, trong đó ${none} chỉ tiêu chưa có kết quả` : ''}.`);
  } else if (behind.length) issues.push(`Có ${behind.length} chỉ tiêu chậm so với tiến độ kế hoạch: ` + namesList(behind, (r) => `lũy kế đạt ${pct(r)}%`) + '.');
  if (!issues.length) issues.push(`Đến ngày ${isoToVn(d.asOf)}, không có chỉ tiêu quá hạn hoặc chậm so với tiến độ kế hoạch.`);
  blocks.push(...issues.map((i) => p(i)));
  blocks.push(placeholder('tồn tại, hạn chế khác.'));
  blocks.push({ t: 'heading', level: 2, text: '3. Nguyên nhân' });
  blocks.push(placeholder('nguyên nhân của kết quả đạt được và của tồn tại, hạn chế (khách quan, chủ quan).'));
  return blocks;
}

function directionBlocks(d: ReportData, period: ReportPeriod): Block[] {
  const rows = allTargets(d).filter((r) => !isComplete(r));
  const named = periodFromRange(period.from, period.to);
  const next = nextLabel(period.kind ?? (named.ok ? named.kind : undefined), period);
  const blocks: Block[] = [{ t: 'heading', level: 1, text: 'III. PHƯƠNG HƯỚNG, NHIỆM VỤ' }];
  if (!rows.length) {
    blocks.push(p('Các chỉ tiêu của kế hoạch năm đã hoàn thành; tiếp tục duy trì, nâng cao chất lượng các hoạt động.'));
  } else {
    blocks.push(p(`Trong ${next}, tập trung thực hiện các chỉ tiêu chưa hoàn thành:`));
    // One line per programme, naming its unfinished targets and what remains of each.
    const remaining = (r: TargetRow): string => {
      const t = r.target;
      const due = t.dueDate ? `hạn ${isoToVn(t.dueDate)}` : '';
      // Untouched targets go by name alone: what remains is the whole plan (Phụ lục 1).
      const left = isQuantified(r) && r.ytd.done > 0 ? `còn ${withUnit(Math.max(0, (t.quantity as number) - r.ytd.done), t.unit)}` : '';
      return [left, due].filter(Boolean).join(', ');
    };
    // Ongoing qualitative work without a deadline is said once, not target by target.
    const listed = (r: TargetRow): boolean => isQuantified(r) || !!r.target.dueDate;
    const items = d.programmes
      .map((prog, i) => ({ i, open: prog.targets.filter((r) => !isComplete(r) && listed(r)) }))
      .filter((x) => x.open.length)
      .map((x) => `- Nhiệm vụ ${x.i + 1}: ${namesList(x.open, remaining)}`);
    if (rows.some((r) => !listed(r))) items.push('- Duy trì các nhiệm vụ thường xuyên (chỉ tiêu định tính)');
    blocks.push(...listLines(items).map((l) => p(l)));
  }
  blocks.push(placeholder(`nhiệm vụ, giải pháp trọng tâm ${next}.`));
  return blocks;
}

function proposalBlocks(d: ReportData, s: Settings): Block[] {
  const blocks: Block[] = [{ t: 'heading', level: 1, text: 'IV. ĐỀ XUẤT, KIẾN NGHỊ' }];
  const rows = allTargets(d);
  if (d.budget && d.budget.overspentLines.length) {
    const over = d.budget.lines.filter((l) => l.overspent);
    blocks.push(
      p(
        'Một số nội dung chi đã vượt dự toán được phê duyệt: ' +
          over.map((l) => `${l.item} (đã chi ${formatNumber(l.spent)} đồng, phê duyệt ${formatNumber(l.approved || 0)} đồng)`).join('; ') +
          '. Đề nghị xem xét, điều chỉnh, bổ sung kinh phí cho các nội dung trên.',
      ),
    );
  }
  if (rows.some((r) => r.ytd.flags.includes('overdue') || r.ytd.flags.includes('behind'))) {
    blocks.push(
      p(
        `Đề nghị ${s.reportRecipientName || 'cơ quan cấp trên'} quan tâm, tạo điều kiện để ${s.orgName || 'đơn vị'} hoàn thành các chỉ tiêu còn chậm tiến độ.`,
      ),
    );
  }
  blocks.push(placeholder('đề xuất, kiến nghị với cơ quan cấp trên.'));
  return blocks;
}

function programmeBlocks(d: ReportData): Block[] {
  const blocks: Block[] = [{ t: 'heading', level: 1, text: 'I. KẾT QUẢ THỰC HIỆN' }];
  d.programmes.forEach((row, i) => {
    blocks.push({ t: 'heading', level: 2, text: `${i + 1}. ${row.programme.name}` });
    blocks.push(...programmeSummary(row));
  });
  return blocks;
}

/** Room for "STT" and a row number up to 1000, bold, at the tables' size. */
const STT_W = fitWidth(['STT', '1000', 'VIII'], TABLE_SIZE);
/** A date in full: 28/12/2024. */
const DATE_W = fitWidth(['28/12/2024'], TABLE_SIZE);
/** Amounts up to 9.999.999.999 đồng (a total), bold. */
const AMOUNT_W = fitWidth(['9.999.999.999'], TABLE_SIZE);
/** Whatever the fixed columns leave for the one that wraps (Nội dung, Hoạt động). */
const rest = (fixed: number[]): number => Math.floor((TEXT_WIDTH - fixed.reduce((a, b) => a + b, 0)) * 10) / 10;
const ANNEX1_FIXED = [STT_W, 45, 45, 42, 42, 45, 70];
const ANNEX1_WIDTHS = [STT_W, rest(ANNEX1_FIXED), ...ANNEX1_FIXED.slice(1)];
const ANNEX2_FIXED = [STT_W, DATE_W, 60, 40, 50, 50, AMOUNT_W];
const ANNEX2_WIDTHS = [STT_W, DATE_W, rest(ANNEX2_FIXED), ...ANNEX2_FIXED.slice(2)];

function annexTargets(d: ReportData): Block[] {
  const rows: string[][] = [['STT', 'Nội dung nhiệm vụ', 'Đơn vị tính', 'Kế hoạch năm', 'Trong kỳ', 'Lũy kế', 'Tỷ lệ lũy kế (%)', 'Ghi chú']];
  const bold: number[] = [0];
  d.programmes.forEach((prog, i) => {
    bold.push(rows.length);
    // Units differ between targets, so a programme row shows only its completion rate, never a sum.
    rows.push([roman(i + 1), prog.programme.name, '', '', '', '', prog.ytd.percent === null ? '' : formatPercent(prog.ytd.percent), '']);
    prog.targets.forEach((r, j) => {
      const t = r.target;
      const q = isQuantified(r);
      // The narrow Ghi chú column takes the short words of the dashboard ("Chậm tiến độ").
      const flag = flagText(r) === 'chậm so với tiến độ' ? 'chậm tiến độ' : flagText(r);
      const note = q
        ? [flag, t.note.trim()]
        : [t.status || 'Chưa cập nhật', r.ytd.flags.includes('overdue') ? flagText(r) : '', r.period.events ? `${r.period.events} hoạt động trong kỳ` : '', t.note.trim()];
      note[0] = capFirst(note[0]);
      rows.push([
        String(j + 1),
        // Short names, as in the body: the decision's wording stays in the "Chỉ tiêu" sheet.
        t.name || t.content,
        q ? t.unit : '',
        q ? plannedText(t) : '',
        q ? formatNumber(r.period.done) : '',
        q ? formatNumber(r.ytd.done) : '',
        q ? pct(r) : '',
        note.filter(Boolean).join('; '),
      ]);
    });
  });
  return [
    { t: 'table', rows, header: true, widths: ANNEX1_WIDTHS, boldRows: bold, size: TABLE_SIZE, align: ['center', 'left', 'center', 'right', 'right', 'right', 'right', 'left'] },
    p(
      'Ghi chú: Tỷ lệ của mỗi nhiệm vụ, chương trình là bình quân tỷ lệ hoàn thành các chỉ tiêu định lượng của nhiệm vụ, chương trình đó (mỗi chỉ tiêu tính tối đa 100%); chỉ tiêu định tính ghi tình trạng thực hiện.',
      { italic: true, size: 12, indentFirst: false },
    ),
  ];
}

/** Most events one annex lists; a year of a busy LHH is a few hundred. */
export const MAX_ANNEX_EVENTS = 1000;

function annexEvents(d: ReportData): Block[] {
  if (!d.periodEvents.length) return [p('Trong kỳ chưa có hoạt động được ghi nhận.', { indentFirst: false })];
  const nameOf = new Map<string, string>();
  for (const prog of d.programmes) for (const r of prog.targets) nameOf.set(r.target.code, r.target.name);
  const rows: string[][] = [['STT', 'Ngày', 'Hoạt động', 'Chỉ tiêu', 'Số lượng', 'Địa điểm', 'Đơn vị phối hợp', 'Chi phí (đồng)']];
  let total = 0;
  for (const e of d.periodEvents) total += e.cost || 0;
  // A signed annex of thousands of pages helps nobody: past MAX_ANNEX_EVENTS the list stops, says how
  // many more there are and where they are; the total still covers every event of the period.
  const listed = d.periodEvents.slice(0, MAX_ANNEX_EVENTS);
  listed.forEach((e, i) => {
    rows.push([
      String(i + 1),
      isoToVn(e.date),
      e.title,
      nameOf.get(e.targetCode) || e.targetCode,
      formatNumber(e.quantity),
      e.location,
      e.partner,
      e.cost ? formatNumber(e.cost) : '',
    ]);
  });
  const more = d.periodEvents.length - listed.length;
  if (more > 0) rows.push(['', '', `… và ${formatNumber(more)} hoạt động khác (danh sách đầy đủ tại trang "Hoạt động" của bảng tính)`, '', '', '', '', '']);
  rows.push(['', '', `Tổng cộng (${formatNumber(d.periodEvents.length)} hoạt động)`, '', '', '', '', formatNumber(total)]);
  return [
    {
      t: 'table',
      rows,
      header: true,
      widths: ANNEX2_WIDTHS,
      boldRows: [0, rows.length - 1],
      size: TABLE_SIZE,
      align: ['center', 'center', 'left', 'left', 'right', 'left', 'left', 'right'],
    },
  ];
}

/** The periodic progress report (BC) per ND30 and DESIGN §4, with its two annexes. */
export function buildProgressReport(input: ProgressReportInput): DocModel {
  const { settings: s, period, today } = input;
  const d = computeReportData(input);
  const number = docNumber(input.number, 'BC', s.orgCode);
  const ref = decisionRef(s);
  const org = s.orgName || '';
  const title = period.title || `Báo cáo ${period.label}`;
  const ofDoc = `(Kèm theo Báo cáo số ${number} ngày ${isoToVn(today)} của ${org})`;
  const blocks: Block[] = [
    p(
      ref
        ? `Thực hiện ${ref}, ${org} báo cáo kết quả thực hiện nhiệm vụ, chương trình hoạt động ${period.label} (chi tiết từng chỉ tiêu tại Phụ lục 1, danh sách hoạt động tại Phụ lục 2) như sau:`
        : `${org} báo cáo kết quả thực hiện nhiệm vụ, chương trình hoạt động ${period.label} (chi tiết từng chỉ tiêu tại Phụ lục 1, danh sách hoạt động tại Phụ lục 2) như sau:`,
    ),
    ...programmeBlocks(d),
    ...evaluationBlocks(d, period),
    ...directionBlocks(d, period),
    ...proposalBlocks(d, s),
    p(`Trên đây là báo cáo kết quả thực hiện nhiệm vụ, chương trình hoạt động ${period.label} của ${org}./.`),
  ];
  return {
    ...baseModel('progressReport', s, number, today),
    title: reportFileName({ typeAbbr: 'BC', number: input.number, orgCode: s.orgCode, title, today }),
    docType: 'BÁO CÁO',
    subject: `Kết quả thực hiện nhiệm vụ, chương trình hoạt động ${period.label}${ref ? ` theo ${ref}` : ''}`,
    recipients: recipientLines(s.reportRecipientName),
    blocks,
    annexes: [
      { title: 'Phụ lục 1', subtitle: upperVn(`Kết quả thực hiện các chỉ tiêu ${period.label}`), note: ofDoc, blocks: annexTargets(d) },
      { title: 'Phụ lục 2', subtitle: upperVn(`Danh sách hoạt động ${period.label}`), note: ofDoc, blocks: annexEvents(d) },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------
// Budget submission (Tờ trình đề nghị thẩm định dự toán)

export interface BudgetSubmissionInput {
  settings: Settings;
  programs: Programme[];
  targets: Target[];
  lines: BudgetLine[];
  /** Not used by the submission itself (a dự toán precedes spending); accepted so callers pass one shape. */
  events?: LoggedEvent[];
  today: IsoDate;
  number: number | null;
  year: number;
}

/** Legal bases cited by the lines, each once, in the order first cited. */
function bases(lines: BudgetLine[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const l of lines)
    for (const part of (l.basis || '').split(/;|\n/)) {
      const b = part.trim().replace(/[.;,]+$/, '');
      const key = b.toLowerCase();
      if (b && !seen.has(key)) {
        seen.add(key);
        out.push(b);
      }
    }
  return out;
}

/** The Tờ trình asking Sở Tài chính to appraise the year's estimate, with the DỰ TOÁN KINH PHÍ annex. */
export function buildBudgetSubmission(input: BudgetSubmissionInput): DocModel {
  const { settings: s, year, today } = input;
  const number = docNumber(input.number, 'TTr', s.orgCode);
  const org = s.orgName || '';
  const lines = input.lines.filter((l) => l.year === year);
  const programs = input.programs.filter((p) => p.year === year);
  const known = new Set(programs.map((p) => p.code));
  const groups: { name: string; lines: BudgetLine[] }[] = programs
    .map((p) => ({ name: p.name, lines: lines.filter((l) => l.programCode === p.code) }))
    .filter((g) => g.lines.length);
  const other = lines.filter((l) => !known.has(l.programCode));
  if (other.length) groups.push({ name: 'Nội dung chi khác', lines: other });
  const amount = (l: BudgetLine): number => proposedAmount(l.quantity, l.unitPrice);
  const sum = (ls: BudgetLine[], f: (l: BudgetLine) => number): number => ls.reduce((a, l) => a + f(l), 0);
  const total = sum(lines, amount);
  // The Tờ trình asks for appraisal: approval is UBND's later step, so no approval column; a figure
  // already appraised (a resubmission) is shown beside the proposal.
  const reviewed = lines.some((l) => l.appraised !== null);
  const scope = `nhiệm vụ, chương trình hoạt động năm ${year}`;
  const ref = decisionRef(s);

  const canCu = [ref, ...bases(lines)].filter(Boolean).map((b) => (/^căn cứ/i.test(b) ? b : `Căn cứ ${b}`));
  const blocks: Block[] = listLines(canCu).map((l) => p(l, { italic: true }));
  blocks.push(
    p(`${org} xây dựng dự toán kinh phí thực hiện ${scope} (chi tiết tại Phụ lục kèm theo), gồm các nội dung sau:`),
    ...groups.map((g, i) => p(`${i + 1}. ${g.name}: ${formatNumber(sum(g.lines, amount))} đồng${i === groups.length - 1 ? '.' : ';'}`)),
    p(`Tổng kinh phí đề nghị: ${formatNumber(total)} đồng.`, {
      runs: [{ text: 'Tổng kinh phí đề nghị: ' }, { text: `${formatNumber(total)} đồng`, bold: true }, { text: '.' }],
    }),
    p(`Bằng chữ: ${amountInWords(total)}.`, { italic: true }),
    p(`${org} kính trình ${s.budgetRecipientName || 'cơ quan tài chính'} xem xét, thẩm định./.`),
  );

  const head = ['STT', 'Nội dung chi', 'Đơn vị tính', 'Số lượng', 'Đơn giá (đồng)', 'Thành tiền (đồng)'];
  if (reviewed) head.push('Thẩm định (đồng)');
  head.push('Căn cứ/Ghi chú');
  const rows: string[][] = [head];
  const bold: number[] = [0];
  const money = (n: number | null): string => (n === null ? '' : formatNumber(n));
  groups.forEach((g, i) => {
    bold.push(rows.length);
    const r = [roman(i + 1), g.name, '', '', '', formatNumber(sum(g.lines, amount))];
    if (reviewed) r.push(money(sum(g.lines, (l) => l.appraised || 0)));
    rows.push([...r, '']);
    g.lines.forEach((l, j) => {
      const row = [String(j + 1), l.item, l.unit, formatNumber(l.quantity), formatNumber(l.unitPrice), formatNumber(amount(l))];
      if (reviewed) row.push(money(l.appraised));
      rows.push([...row, [l.basis, l.note].map((x) => (x || '').trim()).filter(Boolean).join('; ')]);
    });
  });
  bold.push(rows.length);
  const totalRow = ['', 'Tổng cộng', '', '', '', formatNumber(total)];
  if (reviewed) totalRow.push(formatNumber(sum(lines, (l) => l.appraised || 0)));
  rows.push([...totalRow, '']);
  const size = reviewed ? 10 : TABLE_SIZE;
  const money10 = fitWidth(['9.999.999.999'], size);
  const fixed = reviewed ? [fitWidth(['STT', '100'], size), 38, 34, fitWidth(['99.999.999'], size), money10, money10, 60] : [STT_W, 45, 40, fitWidth(['99.999.999'], size), money10, 80];
  const widths = [fixed[0], rest(fixed), ...fixed.slice(1)];
  const align: Align[] = reviewed
    ? ['center', 'left', 'center', 'right', 'right', 'right', 'right', 'left']
    : ['center', 'left', 'center', 'right', 'right', 'right', 'left'];

  return {
    ...baseModel('budgetSubmission', s, number, today),
    title: reportFileName({ typeAbbr: 'TTr', number: input.number, orgCode: s.orgCode, title: `Dự toán kinh phí năm ${year}`, today }),
    docType: 'TỜ TRÌNH',
    subject: `Về việc đề nghị thẩm định dự toán kinh phí thực hiện ${scope}`,
    recipients: recipientLines(s.budgetRecipientName),
    blocks,
    annexes: [
      {
        title: 'Phụ lục',
        subtitle: upperVn(`Dự toán kinh phí thực hiện ${scope}`),
        note: `(Kèm theo Tờ trình số ${number} ngày ${isoToVn(today)} của ${org})`,
        blocks: [
          { t: 'table', rows, header: true, widths, boldRows: bold, size, align },
          p(`Bằng chữ: ${amountInWords(total)}.`, { italic: true, indentFirst: false }),
        ],
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------
// Plain text (tests, previews)

function blockText(b: Block): string {
  switch (b.t) {
    case 'p':
    case 'heading':
      return b.text;
    case 'table':
      return b.rows.map((r) => r.join(' | ')).join('\n');
    case 'pagebreak':
      return '\f';
    case 'rule':
      return '';
  }
}

/** The document as plain text, top to bottom, one element per line; table rows as `a | b | c`. */
export function docModelText(m: DocModel): string {
  const h = m.header;
  const sig = m.closing.signer;
  return [
    h.parentOrg,
    h.org,
    h.number,
    h.nation,
    h.motto,
    h.dateLine,
    m.docType,
    m.subject,
    ...m.recipients,
    ...m.blocks.map(blockText),
    'Nơi nhận:',
    ...m.closing.noiNhan,
    sig.authority,
    sig.title,
    sig.name,
    ...m.annexes.reduce<string[]>((a, x) => a.concat([x.title, x.subtitle, x.note, ...x.blocks.map(blockText)]), []),
  ]
    .filter(Boolean)
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Email

export interface EmailSummaryInput extends ProgressReportInput {
  /** Link to the Google Doc; only https links are written. */
  docUrl?: string;
  /** The weekly summary: an email alone, no document, no number, nothing attached. */
  weekly?: boolean;
}

const COLORS = { complete: '#188038', overdue: '#d93025', behind: '#e37400', normal: '#1a73e8', track: '#e8eaed' };

function barColor(flags: string[]): string {
  if (flags.includes('complete')) return COLORS.complete;
  if (flags.includes('overdue')) return COLORS.overdue;
  if (flags.includes('behind')) return COLORS.behind;
  return COLORS.normal;
}

/** A progress bar Gmail keeps: a table whose first cell is `pct`% wide; no CSS classes, no images. */
function barHtml(percent: number, color: string): string {
  const w = Math.max(0, Math.min(100, Math.round(percent)));
  const cell = (width: number, bg: string): string =>
    `<td width="${width}%" style="width:${width}%;background:${bg};height:8px;line-height:8px;font-size:1px;padding:0">&nbsp;</td>`;
  const cells = (w > 0 ? cell(w, color) : '') + (w < 100 ? cell(100 - w, COLORS.track) : '');
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%"><tr>${cells}</tr></table>`;
}

function safeUrl(url: string | undefined): string {
  return url && /^https:\/\/[^\s"'<>]+$/i.test(url) ? url : '';
}

/** Subject, HTML body (inline styles only, every value escaped) and plain-text body of the report email. */
export function summaryForEmail(input: EmailSummaryInput): { subject: string; html: string; text: string } {
  const { settings: s, period, today } = input;
  const d = computeReportData(input);
  const number = input.number === null ? '' : docNumber(input.number, 'BC', s.orgCode);
  const org = s.orgName ? ` – ${shortOrgName(s.orgName)}` : '';
  const range = `${isoToVn(period.from)} – ${isoToVn(period.to)}`;
  const subject = input.weekly
    ? `Tóm tắt tiến độ tuần ${range}${org}`
    : `Báo cáo${number ? ` số ${number}` : ''}: kết quả thực hiện nhiệm vụ, chương trình hoạt động ${period.label}${org}`;
  const rows = allTargets(d);
  const quant = rows.filter(isQuantified);
  const done = quant.filter(isComplete).length;
  const url = safeUrl(input.docUrl);
  const intro = input.weekly
    ? `${s.orgName} gửi bản tóm tắt tiến độ thực hiện nhiệm vụ, chương trình hoạt động trong tuần từ ngày ${isoToVn(period.from)} đến ngày ${isoToVn(period.to)}, ` +
      `theo số liệu ghi nhận đến ngày ${isoToVn(today)}. Đây là thư tóm tắt, không phải báo cáo chính thức.`
    : `${s.orgName} gửi Báo cáo${number ? ` số ${number}` : ''} ngày ${isoToVn(today)} về kết quả thực hiện nhiệm vụ, ` +
      `chương trình hoạt động ${period.label} (tệp PDF đính kèm).`;
  const summary = `Lũy kế đến ngày ${isoToVn(period.to)}: ${done}/${quant.length} chỉ tiêu định lượng đã hoàn thành; ${d.periodEvents.length} hoạt động trong kỳ.`;

  const e = escapeHtml;
  const td = 'padding:4px 6px;border-bottom:1px solid #e8eaed;vertical-align:middle;font-size:13px';
  const html: string[] = [
    '<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#202124;max-width:680px">',
    `<p style="margin:0 0 12px">Kính gửi: ${e(s.reportRecipientName)},</p>`,
    `<p style="margin:0 0 12px">${e(intro)}</p>`,
    `<p style="margin:0 0 16px"><b>${e(summary)}</b></p>`,
  ];
  const text: string[] = [`Kính gửi: ${s.reportRecipientName},`, '', intro, '', summary, ''];
  d.programmes.forEach((prog, i) => {
    const pp = prog.ytd.percent;
    const head = `${roman(i + 1)}. ${prog.programme.name}`;
    html.push(
      `<h3 style="font-size:15px;margin:16px 0 6px;color:#202124">${e(head)}${pp === null ? '' : ` <span style="font-weight:normal;color:#5f6368">– ${e(formatPercent(pp))}%</span>`}</h3>`,
      '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%">',
    );
    text.push(head + (pp === null ? '' : ` – ${formatPercent(pp)}%`));
    for (const r of prog.targets) {
      const t = r.target;
      const q = isQuantified(r);
      const figure = q ? `${formatNumber(r.ytd.done)}/${withUnit(t.quantity as number, t.unit)}` : t.status || 'Chưa cập nhật';
      const flag = flagText(r);
      html.push(
        '<tr>',
        `<td style="${td};width:45%">${e(t.name)}${flag ? `<br><span style="font-size:12px;color:${barColor(r.ytd.flags)}">${e(capFirst(flag))}</span>` : ''}</td>`,
        `<td style="${td};width:20%;white-space:nowrap">${e(figure)}</td>`,
        `<td style="${td};width:25%">${q ? barHtml(r.ytd.percent || 0, barColor(r.ytd.flags)) : ''}</td>`,
        `<td style="${td};width:10%;text-align:right;white-space:nowrap">${q ? e(pct(r)) + '%' : ''}</td>`,
        '</tr>',
      );
      text.push(`- ${t.name}: ${figure}${q ? ` (${pct(r)}%)` : ''}${flag ? `, ${flag}` : ''}`);
    }
    html.push('</table>');
    text.push('');
  });
  if (d.budget) {
    const b = d.budget;
    const cells: [string, number][] = [
      ['Đề nghị', b.proposed],
      ['Thẩm định', b.appraised],
      ['Phê duyệt', b.approved],
      ['Đã chi', b.spent],
      ['Còn lại', b.remaining],
    ];
    html.push(
      `<h3 style="font-size:15px;margin:16px 0 6px;color:#202124">Kinh phí năm ${d.year}</h3>`,
      '<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse">',
      ...cells.map(([k, v]) => `<tr><td style="${td}">${e(k)}</td><td style="${td};text-align:right">${e(formatMoney(v))}</td></tr>`),
      '</table>',
    );
    text.push(`Kinh phí năm ${d.year}:`, ...cells.map(([k, v]) => `- ${k}: ${formatMoney(v)}`), '');
  }
  if (url) {
    html.push(`<p style="margin:16px 0"><a href="${e(url)}" style="color:#1a73e8">Xem báo cáo trên Google Docs</a></p>`);
    text.push(`Xem báo cáo: ${url}`, '');
  }
  html.push('<p style="margin:16px 0 0;font-size:12px;color:#5f6368">Thư được gửi từ LHH Tracker.</p>', '</div>');
  text.push('Thư được gửi từ LHH Tracker.');
  return { subject, html: html.join(''), text: text.join('\n') };
}

/** Subject, HTML and text of the email carrying the budget submission (its PDF attached) to Sở Tài chính. */
export function budgetEmail(input: { settings: Settings; budget: BudgetSummary; number: string; year: number; docUrl?: string }): { subject: string; html: string; text: string } {
  const { settings: s, budget: b, number, year } = input;
  const e = escapeHtml;
  const subject = `Tờ trình số ${number}: đề nghị thẩm định dự toán kinh phí năm ${year}${s.orgName ? ` – ${shortOrgName(s.orgName)}` : ''}`;
  const rows = b.byProgram
    .filter((p) => p.proposed)
    .map((p) => `<tr><td style="padding:4px 8px;border-bottom:1px solid #e8eaed">${e(p.code)}. ${e(p.name)}</td><td style="padding:4px 8px;border-bottom:1px solid #e8eaed;text-align:right">${e(formatMoney(p.proposed))}</td></tr>`)
    .join('');
  const intro = `${s.orgName} gửi Tờ trình số ${number} đề nghị thẩm định dự toán kinh phí thực hiện nhiệm vụ, chương trình hoạt động năm ${year} (tệp PDF đính kèm).`;
  const url = safeUrl(input.docUrl);
  const html =
    `<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#202124">` +
    `<p>Kính gửi: ${e(s.budgetRecipientName)}</p>` +
    `<p>${e(intro)}</p>` +
    `<table style="border-collapse:collapse">${rows}<tr><td style="padding:4px 8px;font-weight:bold">Tổng cộng</td><td style="padding:4px 8px;text-align:right;font-weight:bold">${e(formatMoney(b.proposed))}</td></tr></table>` +
    `<p><i>Bằng chữ: ${e(amountInWords(b.proposed))}</i></p>` +
    (url ? `<p><a href="${e(url)}">Mở văn bản</a></p>` : '') +
    `</div>`;
  const text = `Kính gửi: ${s.budgetRecipientName}\n\n${intro}\nTổng cộng: ${formatMoney(b.proposed)}\nBằng chữ: ${amountInWords(b.proposed)}\n${input.docUrl || ''}`;
  return { subject, html, text };
}
/** Building blocks for the other ND30 documents (consultation papers) so they share one layout. */
export { baseModel, recipientLines, listLines, p as bodyParagraph, placeholder as placeholderParagraph };
