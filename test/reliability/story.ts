// The user story the fault suite replays: each step as a user does it (one retry after an error), plus the invariants it must keep.
import { FakeGoogle, createGoogle, type State } from '../../fakes/index';
import { fireDueTriggers, runEntry } from '../../fakes/harness';
import { ADMIN, bundleCode, htmlFiles } from '../support/bundle';

/** Services whose calls are fault points (the ones that talk to Google's storage or mail servers, advanced services included). */
export const FAULT_SERVICES = /^(SpreadsheetApp|DocumentApp|DriveApp|MailApp|Sheets|Docs)\./;

/** Vietnamese diacritics: a message without any is not a Vietnamese sentence. */
export const VI = /[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]/i;
/** What leaks when an exception reaches the user as it is. */
export const LEAK = /\n\s+at |\bat [\w$.<>]+ \(|TypeError|ReferenceError|RangeError|SyntaxError|\bError:|Exception|undefined|\[object |timed out|Service (Spreadsheets|Documents|unavailable)|Address unavailable|API call to|googleapis/;

/** The product's "unexpected error" sentence: what a fault it did not recognise as passing turns into. */
export const UNEXPECTED = /^Đã xảy ra lỗi ngoài dự kiến/;

export const START = '2024-07-05T09:00:00+07:00';
export const SO_KHCN = 'so.khcn@bacgiang.gov.vn';

let cachedCode: string | null = null;
let cachedHtml: Record<string, string> | null = null;
export function code(): string {
  return (cachedCode ??= bundleCode());
}
function html(): Record<string, string> {
  return (cachedHtml ??= htmlFiles());
}
/** The built sidebars, read once per process. */
export const htmlOf = html;

export function newGoogle(now = START): FakeGoogle {
  const g = createGoogle({ user: ADMIN, htmlFiles: html() });
  g.clock.set(new Date(now));
  return g;
}

export type Result = { ok: boolean; code?: string; message?: string; [k: string]: any };

export interface Failure {
  step: string;
  attempt: number;
  code: string;
  message: string;
}

export interface StoryRun {
  /** Failures the user saw (ok:false), each with its message. */
  failures: Failure[];
  /** Calls that threw to the caller instead of answering { ok:false, message }. */
  threw: { step: string; error: string }[];
  /** Steps the user gave up on (failed twice). */
  gaveUp: string[];
  /** What the user believes: titles of events saved, the event updated and cancelled, budget items saved. */
  believed: { events: Map<string, string>; updated: string | null; cancelled: string | null; budgetItems: string[]; sentNumbers: string[] };
  /** Outcomes of every scheduled run, as the trigger returned them. */
  scheduled: unknown[];
}

const TITLES = ['Tư vấn, phản biện đề án chuyển đổi số tỉnh', 'Tọa đàm góp ý dự thảo Luật Khoa học, Công nghệ và Đổi mới sáng tạo', 'Hội thảo khoa học về nông nghiệp công nghệ cao'];
const TARGETS = ['P2.1', 'P2.3', 'P3.5'];
export const UPDATED_LOCATION = 'Hội trường Liên hiệp hội, số 2 Hoàng Văn Thụ';
export const BUDGET_ITEM = 'Tổ chức hội nghị tư vấn, phản biện (16 cuộc)';

/** The story's steps, in order; each returns what the user learnt from it. */
export const STEP_NAMES = ['setupWorkbook', 'saveSettings', 'logEvent#1', 'logEvent#2', 'logEvent#3', 'updateEvent', 'cancelEvent', 'saveBudgetLine', 'generateReport', 'sendReport', 'saveSettings(schedule)', 'scheduled run'];

/**
 * Replays the story on `g` from step `from` (earlier steps' effects already in g's state, their
 * results in `carry`). A user who gets an error retries the same action once; a scheduled run that
 * failed is retried by the next day's firing of the same trigger.
 */
export function runStory(
  g: FakeGoogle,
  opts: { from?: number; carry?: Carry; onStep?: (i: number, carry: Carry) => void; stopBefore?: (i: number, carry: Carry) => boolean } = {},
): StoryRun & { carry: Carry; stoppedBefore: number | null } {
  const c = code();
  const run: StoryRun = { failures: [], threw: [], gaveUp: [], believed: { events: new Map(), updated: null, cancelled: null, budgetItems: [], sentNumbers: [] }, scheduled: [] };
  const carry: Carry = opts.carry ? cloneCarry(opts.carry) : { ids: [], docId: null, believed: null };
  if (carry.believed) run.believed = cloneBelieved(carry.believed);
  const call = (step: string, fn: string, args: unknown[]): Result | null => {
    for (let attempt = 1; attempt <= 2; attempt++) {
      let r: Result;
      try {
        r = runEntry(g, c, fn, args, { kind: 'sidebar', user: ADMIN }) as Result;
      } catch (e) {
        run.threw.push({ step, error: String((e as Error)?.message ?? e) });
        continue;
      }
      if (r && r.ok) return r;
      run.failures.push({ step, attempt, code: String(r?.code), message: String(r?.message) });
    }
    run.gaveUp.push(step);
    return null;
  };
  const steps: (() => void)[] = [
    () => void call('setupWorkbook', 'setupWorkbook', []),
    () => void call('saveSettings', 'saveSettings', [{ reportRecipients: [SO_KHCN], signerName: 'Nguyễn Văn Bình' }]),
    ...[0, 1, 2].map((i) => () => {
      const r = call(`logEvent#${i + 1}`, 'logEvent', [{ targetCode: TARGETS[i], date: `2024-0${i + 3}-1${i}`, title: TITLES[i], quantity: 1, cost: 1500000 * (i + 1), location: 'Bắc Giang' }]);
      carry.ids[i] = r ? (r.id as string) : null;
      if (r) run.believed.events.set(r.id as string, TITLES[i]);
    }),
    () => {
      if (!carry.ids[0]) return;
      if (call('updateEvent', 'updateEvent', [carry.ids[0], { location: UPDATED_LOCATION }])) run.believed.updated = carry.ids[0];
    },
    () => {
      if (!carry.ids[1]) return;
      if (call('cancelEvent', 'cancelEvent', [carry.ids[1], 'Nhập trùng với hoạt động khác'])) run.believed.cancelled = carry.ids[1];
    },
    () => {
      const r = call('saveBudgetLine', 'saveBudgetLine', [{ programCode: 'P2', targetCode: 'P2.1', item: BUDGET_ITEM, unit: 'cuộc', quantity: 16, unitPrice: 5000000, stage: 'Dự thảo' }]);
      if (r) run.believed.budgetItems.push(BUDGET_ITEM);
    },
    () => {
      const r = call('generateReport', 'generateReport', [{ kind: 'progress', from: '2024-01-01', to: '2024-06-30' }]);
      carry.docId = r ? (r.docId as string) : null;
    },
    () => {
      if (!carry.docId) return;
      const r = call('sendReport', 'sendReport', [{ kind: 'progress', docId: carry.docId }]);
      if (r) run.believed.sentNumbers.push(r.number as string);
    },
    () => void call('saveSettings(schedule)', 'saveSettings', [{ schedule: { enabled: true, hour: 7, weeklyDay: 0, monthlyDay: 6, formalReports: true } }]),
    () => {
      // The daily trigger fires the next morning; if that run failed, the following day's firing is its retry.
      for (let day = 0; day < 2; day++) {
        const from = g.clock.now();
        const fired = fireDueTriggers(g, c, from, new Date(from.getTime() + 86400000));
        let failed = false;
        for (const f of fired) {
          if (f.error) {
            run.threw.push({ step: 'scheduled run', error: String((f.error as Error)?.message ?? f.error) });
            failed = true;
            continue;
          }
          const r = f.result as Result & { outcomes?: { outcome: string; message?: string }[] };
          run.scheduled.push(r);
          if (!r.ok) {
            run.failures.push({ step: 'scheduled run', attempt: day + 1, code: String(r.code), message: String(r.message) });
            failed = true;
          }
          for (const o of r.outcomes ?? []) {
            if (o.outcome === 'failed') {
              run.failures.push({ step: 'scheduled run', attempt: day + 1, code: 'job', message: String(o.message) });
              failed = true;
            }
          }
        }
        if (!fired.length || !failed) break;
      }
    },
  ];
  for (let i = opts.from ?? 0; i < steps.length; i++) {
    if (i > (opts.from ?? 0) && opts.stopBefore?.(i, carry)) return { ...run, carry, stoppedBefore: i };
    opts.onStep?.(i, carry);
    steps[i]();
    carry.believed = cloneBelieved(run.believed);
  }
  return { ...run, carry, stoppedBefore: null };
}

export interface Carry {
  ids: (string | null)[];
  docId: string | null;
  believed: StoryRun['believed'] | null;
}
function cloneBelieved(b: StoryRun['believed']): StoryRun['believed'] {
  return { events: new Map(b.events), updated: b.updated, cancelled: b.cancelled, budgetItems: [...b.budgetItems], sentNumbers: [...b.sentNumbers] };
}
function cloneCarry(c: Carry): Carry {
  return { ids: [...c.ids], docId: c.docId, believed: c.believed ? cloneBelieved(c.believed) : null };
}

/** Values of a sheet as objects keyed by header (uncounted reads of the fake state). */
export function rowsOf(g: FakeGoogle, sheet: string): Record<string, unknown>[] {
  const v = g.sheetValues(g.activeSpreadsheetId as string, sheet);
  const head = (v[0] || []).map(String);
  return v
    .slice(1)
    .filter((r) => r.some((x) => x !== '' && x !== null))
    .map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

/** Every way the final state or the user's experience breaks the story's promises; [] when none. */
export type Category = 'threw' | 'message' | 'classification' | 'gaveUp' | 'structure' | 'events' | 'budget' | 'register' | 'email' | 'records';
export interface Violation {
  category: Category;
  text: string;
}

/** What a faulted run's end is compared with: the clean run's sheets, headers, email count and (domain stories) register numbers. */
export interface Baseline {
  sheets: string[];
  headers: Record<string, string[]>;
  emails: number;
  /** Per document type, the numbers a clean run ends with (absent: the main story, whose numbers start at 1). */
  numbers?: Record<string, number[]>;
}

/**
 * The promises every story keeps, the main one and each domain's: no throw, Vietnamese messages, passing
 * errors said as such, no second failure, structure, register numbers, emails once.
 */
export function commonViolations(g: FakeGoogle, run: Pick<StoryRun, 'failures' | 'threw' | 'gaveUp'>, baseline: Baseline): Violation[] {
  const out: Violation[] = [];
  const add = (category: Category) => (text: string) => out.push({ category, text });
  for (const t of run.threw) add('threw')(`${t.step}: threw to the caller instead of answering { ok:false }: ${t.error.slice(0, 160)}`);
  for (const f of run.failures) {
    if (!VI.test(f.message) || LEAK.test(f.message)) add('message')(`${f.step} (attempt ${f.attempt}): message is not a clear Vietnamese sentence: ${JSON.stringify(f.message.slice(0, 200))}`);
    // A passing service error is worth saying so ("try again"), not "unexpected error, tell the admin".
    else if (f.code === 'unexpected' || UNEXPECTED.test(f.message)) add('classification')(`${f.step}: a transient service error reached the user as code ${f.code}: ${JSON.stringify(f.message.slice(0, 120))}`);
  }
  for (const s of run.gaveUp) add('gaveUp')(`${s}: failed again on the user's retry (one fault only was injected)`);
  // Structure: every sheet and header of a clean run is there.
  const names = g.sheetNames(g.activeSpreadsheetId as string);
  for (const s of baseline.sheets) if (!names.includes(s)) add('structure')(`sheet "${s}" missing at the end`);
  for (const [s, h] of Object.entries(baseline.headers)) {
    if (!names.includes(s)) continue;
    const have = (g.sheetValues(g.activeSpreadsheetId as string, s)[0] || []).map(String);
    for (const x of h) if (!have.includes(x)) add('structure')(`sheet "${s}" lost header "${x}"`);
  }
  // Register: numbers 1..k of each type, no gap, no duplicate.
  // (A domain story's register may hold numbers before it starts: each type then starts where the clean run's does.)
  const reg = names.includes('Sổ văn bản') ? rowsOf(g, 'Sổ văn bản') : [];
  const types = new Set(['BC', 'TTr', ...reg.map((r) => String(r['Loại']))]);
  for (const type of types) {
    const seqs = reg.filter((r) => r['Loại'] === type && typeof r['Số'] === 'number').map((r) => r['Số'] as number);
    const sorted = seqs.slice().sort((a, b) => a - b);
    const first = baseline.numbers?.[type]?.length ? Math.min(...baseline.numbers[type]) : 1;
    if (sorted.some((n, i) => n !== i + first)) add('register')(`register ${type} numbers ${JSON.stringify(seqs)} skip or repeat a number`);
  }
  // Email: one per document number, and no more than a clean run sends.
  const outbox = g.outbox;
  const bySubjectNumber = new Map<string, number>();
  for (const m of outbox) {
    const num = /(\d{2,}\/[A-Za-z]+-[A-ZĐ0-9&.-]+)/.exec(m.subject)?.[1] ?? m.subject;
    const key = `${m.subject.startsWith('[Chờ duyệt]') ? 'review ' : ''}${num}`;
    bySubjectNumber.set(key, (bySubjectNumber.get(key) ?? 0) + 1);
  }
  for (const [k, n] of bySubjectNumber) if (n > 1) add('email')(`email for ${k} sent ${n} times`);
  if (outbox.length > baseline.emails) add('email')(`${outbox.length} emails sent, a clean run sends ${baseline.emails}`);
  return out;
}

export function violations(g: FakeGoogle, run: StoryRun, baseline: Baseline): Violation[] {
  const out = commonViolations(g, run, baseline);
  const add = (category: Category) => (text: string) => out.push({ category, text });
  const names = g.sheetNames(g.activeSpreadsheetId as string);
  // Events: ids unique; exactly the events the user believes saved, once each.
  const events = names.includes('Hoạt động') ? rowsOf(g, 'Hoạt động') : [];
  const ids = events.map((e) => String(e['Mã']));
  const dupIds = ids.filter((x, i) => ids.indexOf(x) !== i);
  if (dupIds.length) add('events')(`duplicate event ids: ${dupIds.join(', ')}`);
  const believedTitles = [...run.believed.events.values()].sort();
  const presentTitles = events.map((e) => String(e['Tên hoạt động'])).sort();
  if (JSON.stringify(believedTitles) !== JSON.stringify(presentTitles)) add('events')(`events present ${JSON.stringify(presentTitles)} ≠ events the user believes saved ${JSON.stringify(believedTitles)}`);
  for (const [id, title] of run.believed.events) {
    const e = events.find((x) => x['Mã'] === id);
    if (!e) add('events')(`event ${id} (${title}) the user saw saved is missing`);
  }
  if (run.believed.updated) {
    const e = events.find((x) => x['Mã'] === run.believed.updated);
    if (e && e['Địa điểm'] !== UPDATED_LOCATION) add('events')(`update of ${run.believed.updated} lost: location is ${JSON.stringify(e['Địa điểm'])}`);
  }
  if (run.believed.cancelled) {
    const e = events.find((x) => x['Mã'] === run.believed.cancelled);
    if (e && e['Trạng thái'] !== 'Đã hủy') add('events')(`cancel of ${run.believed.cancelled} lost`);
  }
  // Budget lines: each saved once.
  const lines = names.includes('Kinh phí') ? rowsOf(g, 'Kinh phí') : [];
  const items = lines.map((l) => String(l['Nội dung chi'])).sort();
  if (JSON.stringify(items) !== JSON.stringify(run.believed.budgetItems.slice().sort())) add('budget')(`budget lines ${JSON.stringify(items)} ≠ saved ${JSON.stringify(run.believed.budgetItems)}`);
  const lineIds = lines.map((l) => String(l['Mã']));
  if (new Set(lineIds).size !== lineIds.length) add('budget')(`duplicate budget line ids: ${lineIds.join(', ')}`);
  const outbox = g.outbox;
  for (const n of run.believed.sentNumbers) if (!outbox.some((m) => m.subject.includes(n) && !m.subject.startsWith('[Chờ duyệt]'))) add('email')(`report ${n} the user saw sent is not in the outbox`);
  return out;
}

/** Sheet names and headers of a state, to compare a faulted run's structure with a clean one. */
export function structure(g: FakeGoogle): { sheets: string[]; headers: Record<string, string[]>; emails: number } {
  const sheets = g.sheetNames(g.activeSpreadsheetId as string);
  const headers: Record<string, string[]> = {};
  for (const s of sheets) headers[s] = (g.sheetValues(g.activeSpreadsheetId as string, s)[0] || []).map(String).filter((h) => s !== 'Tổng hợp' && h !== '');
  delete headers['Tổng hợp'];
  return { sheets, headers, emails: g.outbox.length };
}

/** A clean story's fault-point calls in order, where each step starts in that sequence, and the state before each step. */
export interface Recording {
  keys: string[];
  stepStart: number[];
  /** JSON of the whole state before each step: JSON.parse restores it several times faster than structuredClone. */
  before: { state: string; carry: Carry; gate: string }[];
  g: FakeGoogle;
  run: ReturnType<typeof runStory>;
}

export function recordStory(): Recording {
  const g = newGoogle();
  const keys: string[] = [];
  const stepStart: number[] = [];
  const before: Recording['before'] = [];
  g.onCall('*', ({ method }) => {
    if (FAULT_SERVICES.test(method)) keys.push(method);
  });
  let carry: Carry = { ids: [], docId: null, believed: null };
  const run = runStory(g, {
    onStep: (_i, c) => {
      stepStart.push(keys.length);
      carry = c;
      before.push({ state: JSON.stringify(g.state), carry: cloneCarry(carry), gate: gateOf(g.state) });
    },
  });
  return { keys, stepStart, before, g, run };
}

/**
 * A few cheap figures of a state (counters, clock, properties, row counts, mail): two states that
 * differ here differ, so the full comparison (megabytes of JSON) is made only when these agree.
 */
export function gateOf(s: State): string {
  const sheets = Object.values(s.spreadsheets).map((ss) => [ss.nextId, ss.sheets.map((sh) => [sh.name, sh.rows.length, sh.charts?.length ?? 0])]);
  return JSON.stringify([s.seq, s.clock, s.mail.outbox.length, s.triggers.length, Object.keys(s.docs).length, s.properties, sheets]);
}

/**
 * Whether a replay standing before step i is in the clean run's state there, with the same things
 * learnt: the fakes are deterministic (the clock is simulated, ids come from counters in the state),
 * so from here on it would repeat the clean run call for call, as a replay started from that
 * checkpoint does.
 */
export function sameAsClean(rec: Recording, g: FakeGoogle, i: number, carry: Carry): boolean {
  const b = rec.before[i];
  if (gateOf(g.state) !== b.gate) return false;
  if (JSON.stringify([carry.ids, carry.docId, carry.believed && [...carry.believed.events], carry.believed]) !== JSON.stringify([b.carry.ids, b.carry.docId, b.carry.believed && [...b.carry.believed.events], b.carry.believed])) return false;
  return JSON.stringify(g.state) === b.state;
}

/** The step whose calls include the n-th fault-point call (1-based). */
export function stepOf(rec: Recording, n: number): number {
  let k = 0;
  while (k + 1 < rec.stepStart.length && rec.stepStart[k + 1] <= n - 1) k++;
  return k;
}

/** The state just before step k, as a new FakeGoogle (its counters and faults fresh). */
export function googleBefore(rec: Recording, k: number): FakeGoogle {
  return new FakeGoogle({ user: ADMIN, htmlFiles: html() }, JSON.parse(rec.before[k].state) as State);
}

/** failOn's (method, nth) for the global n-th fault-point call (1-based), counted from `offset`. */
export function faultFor(keys: string[], n: number, offset = 0): { method: string; nth: number } {
  const method = keys[n - 1];
  let nth = 0;
  for (let i = offset; i < n; i++) if (keys[i] === method) nth++;
  return { method, nth };
}

export { ADMIN };
