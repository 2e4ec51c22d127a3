// Hostile input: every corpus entry is refused with a Vietnamese message, no stack trace, and not one byte of state changed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, STAFF, world, type World } from '../support/bundle';
import { CANCELLED_ID, CORPUS, DOC_ID, EVENT_ID, LINE_ID, NO_INPUT, type HostileInput } from './hostile-corpus';
import { LEAK, VI } from './story';

const ENTRY_POINTS: string[] = JSON.parse(readFileSync(join(__dirname, '../../build/entrypoints.json'), 'utf8'));
/** Entry points no sidebar or dialog calls: the menu, triggers and the sidebar openers. */
const NOT_FROM_SIDEBAR = /^(onOpen|onInstall|onEdit|onEditTrigger|runScheduledReports|menu\w+|show\w+)$/;

let w: World;
const ids: Record<string, string> = {};

beforeAll(() => {
  w = world();
  const ok = (r: any) => {
    if (!r.ok) throw new Error(r.message);
    return r;
  };
  ok(w.call('saveSettings', { reportRecipients: ['so.khcn@bacgiang.gov.vn'] }));
  ids[EVENT_ID] = ok(w.call('logEvent', { targetCode: 'P2.1', date: '2024-03-10', title: 'Tư vấn đề án', quantity: 1 })).id;
  ids[CANCELLED_ID] = ok(w.call('logEvent', { targetCode: 'P2.3', date: '2024-03-11', title: 'Tọa đàm', quantity: 1 })).id;
  ok(w.call('cancelEvent', ids[CANCELLED_ID], 'Hoãn'));
  ids[LINE_ID] = ok(w.call('saveBudgetLine', { programCode: 'P2', item: 'Hội nghị', quantity: 1, unitPrice: 1000000, stage: 'Dự thảo' })).id;
  ids[DOC_ID] = ok(w.call('generateReport', { kind: 'progress', from: '2024-01-01', to: '2024-06-30' })).docId;
});

/** Everything a call could change: sheets (values, formats, notes), documents, Drive, mail, properties, triggers. */
function state(): string {
  const s = w.google.state;
  return JSON.stringify([s.spreadsheets, s.docs, s.drive, s.mail, s.properties, s.triggers]);
}

function argsOf(c: HostileInput): unknown[] {
  const fill = (text: string) => Object.entries(ids).reduce((t, [k, v]) => t.split(k).join(v), text);
  if (typeof c.args === 'string') return JSON.parse(fill(c.args)) as unknown[];
  const deep = (v: unknown): unknown => {
    if (typeof v === 'string') return ids[v] ?? v;
    if (Array.isArray(v)) return v.map(deep);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deep(x)]));
    return v;
  };
  return c.args.map(deep);
}

function callCase(c: HostileInput): any {
  const user = c.user === 'staff' ? STAFF : ADMIN;
  return w.run(c.fn, argsOf(c), { kind: c.direct ? 'local' : 'sidebar', user });
}

test('the corpus has at least 60 inputs and touches every server function a sidebar or dialog can call', () => {
  const fromSidebar = ENTRY_POINTS.filter((f) => !NOT_FROM_SIDEBAR.test(f));
  const covered = new Set([...CORPUS.map((c) => c.fn), ...NO_INPUT]);
  expect(fromSidebar.filter((f) => !covered.has(f))).toEqual([]);
  expect(CORPUS.length).toBeGreaterThanOrEqual(60);
  const kinds = new Set(CORPUS.map((c) => c.kind));
  for (const k of ['type', 'missing', 'huge', 'formula', 'html', 'proto', 'date', 'number', 'nfd'] as const) expect(kinds).toContain(k);
});

/** What is wrong with the answer to one corpus entry ([] when it was refused in Vietnamese with nothing written). */
function check(c: HostileInput): string[] {
  const problems: string[] = [];
  const before = state();
  const label = `${c.fn} — ${c.why}`;
  let r: any;
  try {
    r = callCase(c);
  } catch (e) {
    return [`${label}: threw ${String((e as Error)?.message ?? e).slice(0, 160)}`];
  }
  if (!r || r.ok !== false) {
    problems.push(`${label}: accepted (${JSON.stringify(r).slice(0, 120)})`);
  } else {
    const texts = [String(r.message), ...Object.values(r.errors ?? {}).map(String)];
    if (typeof r.message !== 'string' || !VI.test(r.message)) problems.push(`${label}: message not Vietnamese: ${JSON.stringify(r.message)}`);
    if (texts.some((t) => LEAK.test(t))) problems.push(`${label}: internal detail in the message: ${JSON.stringify(texts).slice(0, 200)}`);
    if (texts.some((t) => t.length > 400)) problems.push(`${label}: message echoes the input (${Math.max(...texts.map((t) => t.length))} characters)`);
    if (r.code === 'unexpected') problems.push(`${label}: answered as an unexpected error: ${r.message}`);
  }
  if (state() !== before) problems.push(`${label}: state changed`);
  return problems;
}

test('every hostile input is refused in Vietnamese, with no stack trace, and nothing is written', () => {
  const cases = CORPUS;
  const problems = cases.flatMap(check);
  // Nothing leaked onto Object.prototype of the test's realm either.
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  const byFn: Record<string, number> = {};
  for (const c of CORPUS) byFn[c.fn] = (byFn[c.fn] ?? 0) + 1;
  console.log(
    `hostile inputs: ${CORPUS.length} across ${Object.keys(byFn).length} server functions (${Object.entries(byFn).map(([f, n]) => `${f} ${n}`).join(', ')}); ` +
      `refused in Vietnamese with nothing written: ${cases.length - new Set(problems.map((p) => p.split(':')[0])).size} of ${cases.length} checked here`,
  );
  if (problems.length) console.log(problems.join('\n'));
  expect(problems).toEqual([]);
});

test('functions that take no input ignore junk arguments and write nothing', () => {
  for (const fn of NO_INPUT) {
    const before = state();
    const r = w.run(fn, [JSON.parse('{"__proto__":{"isAdmin":true}}'), '=A1', '<script>x</script>'], { kind: 'sidebar', user: STAFF });
    expect({ fn, ok: r.ok, isAdmin: r.isAdmin ?? false }).toEqual({ fn, ok: true, isAdmin: false });
    expect(state()).toBe(before);
  }
});
