// Contest juries and results: conflicts of interest, score-row checks, and ranks and prizes recomputed from the score rows.
import type { FieldProblem } from './errors';
import type { Problems } from './field-check';
import { foldVn } from './experts';

export const PRIZES = ['Nhất', 'Nhì', 'Ba', 'Khuyến khích'] as const;
export type Prize = (typeof PRIZES)[number];

/** A scoring criterion of a contest, e.g. "Tính mới, tính sáng tạo" out of 30. */
export interface Criterion {
  code: string;
  name: string;
  max: number;
}

/** One prize of one field: how many may be given, and the average an entry needs to deserve it. */
export interface PrizeRule {
  prize: Prize;
  quota: number;
  minAverage: number;
}

export interface ContestRules {
  criteria: readonly Criterion[];
  /** Prize structure per field (lĩnh vực); a field without rules gets no prizes. */
  prizes: Readonly<Record<string, readonly PrizeRule[]>>;
  /** Drop each entry's highest and lowest judge total when at least 5 judges scored it. */
  dropExtremes: boolean;
}

export interface Author {
  name: string;
  workplace?: string;
}

export interface Entry {
  code: string;
  field: string;
  authors: readonly Author[];
  /** Code of the submitting unit in "Cơ quan, đơn vị", when it has one. */
  unitCode: string;
  unitName: string;
  /** Ineligible entries (không hợp lệ) are neither scored nor ranked. */
  eligible: boolean;
}

/** A jury member: an expert of the directory, assigned to one field of the contest. */
export interface JuryMember {
  judgeCode: string;
  name: string;
  field: string;
  role: 'Trưởng ban' | 'Ủy viên';
  workplaceCode: string;
  workplace: string;
}

export interface Recusal {
  judgeCode: string;
  entryCode: string;
  reason: string;
  /** True when found by the add-on, false when the judge recused by hand. */
  auto: boolean;
}

/** One row of "Phiếu chấm": one entry × one judge, one number per criterion code. */
export interface ScoreRow {
  entryCode: string;
  judgeCode: string;
  scores: Readonly<Record<string, unknown>>;
}

function sameOrg(judge: JuryMember, entry: Entry): boolean {
  // Codes are exact when both sides have one; names typed by different people differ in case and diacritics.
  if (judge.workplaceCode && entry.unitCode) return judge.workplaceCode.trim() === entry.unitCode.trim();
  const a = foldVn(judge.workplace);
  return !!a && a === foldVn(entry.unitName);
}

/**
 * The recusals that apply: automatic ones (the judge is an author of the entry, or works at its
 * submitting unit) for judges of the entry's field, then the manual ones, which need a reason.
 * One recusal per judge × entry; an automatic reason wins over a manual one.
 */
export function findRecusals(entries: readonly Entry[], jury: readonly JuryMember[], manual: readonly Omit<Recusal, 'auto'>[] = []): Recusal[] {
  const out: Recusal[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    for (const j of jury) {
      if (j.field !== e.field) continue;
      let reason = '';
      const judgeName = foldVn(j.name);
      if (judgeName && e.authors.some((a) => foldVn(a.name) === judgeName)) reason = 'Là tác giả của giải pháp';
      else if (sameOrg(j, e)) reason = `Công tác tại đơn vị dự thi (${e.unitName || e.unitCode})`;
      if (!reason) continue;
      seen.add(`${j.judgeCode}\u0000${e.code}`);
      out.push({ judgeCode: j.judgeCode, entryCode: e.code, reason, auto: true });
    }
  }
  for (const m of manual) {
    const key = `${m.judgeCode}\u0000${m.entryCode}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ judgeCode: m.judgeCode, entryCode: m.entryCode, reason: m.reason.normalize('NFC').trim(), auto: false });
  }
  return out;
}

/** Checks a manual recusal: a known judge of the entry's field, and a reason. */
export function checkManualRecusal(r: { judgeCode: string; entryCode: string; reason: string }, entries: readonly Entry[], jury: readonly JuryMember[]): Problems {
  const problems: Problems = {};
  const entry = entries.find((e) => e.code === r.entryCode);
  if (!entry) problems.entryCode = { code: 'unknownEntry', params: { value: r.entryCode } };
  else if (!jury.some((j) => j.judgeCode === r.judgeCode && j.field === entry.field)) problems.judgeCode = { code: 'judgeNotInJury', params: { judge: r.judgeCode, field: entry.field } };
  if (!String(r.reason || '').trim()) problems.reason = { code: 'required' };
  return problems;
}

/**
 * Checks one score row: a known, eligible entry; a judge of the entry's field who is not recused
 * from it; a number from 0 to the criterion's maximum for every criterion. Problems are keyed by
 * field (`entryCode`, `judgeCode`) or by criterion code.
 */
export function checkScoreRow(row: ScoreRow, ctx: { rules: ContestRules; entries: readonly Entry[]; jury: readonly JuryMember[]; recusals: readonly Recusal[] }): Problems {
  const problems: Problems = {};
  const entry = ctx.entries.find((e) => e.code === row.entryCode);
  if (!entry) problems.entryCode = { code: 'unknownEntry', params: { value: row.entryCode } };
  else if (!entry.eligible) problems.entryCode = { code: 'entryIneligible', params: { value: row.entryCode } };
  else if (!ctx.jury.some((j) => j.judgeCode === row.judgeCode && j.field === entry.field)) problems.judgeCode = { code: 'judgeNotInJury', params: { judge: row.judgeCode, field: entry.field } };
  else {
    const r = ctx.recusals.find((x) => x.judgeCode === row.judgeCode && x.entryCode === row.entryCode);
    if (r) problems.judgeCode = { code: 'judgeRecused', params: { judge: row.judgeCode, entry: row.entryCode, reason: r.reason } };
  }
  for (const c of ctx.rules.criteria) {
    const p = scoreProblem(row.scores[c.code], c.max);
    if (p) problems[c.code] = p;
  }
  return problems;
}

function scoreProblem(v: unknown, max: number): FieldProblem | null {
  if (v === undefined || v === null || v === '') return { code: 'required' };
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim().replace(',', '.')) : NaN;
  if (!Number.isFinite(n)) return { code: 'invalidType' };
  if (n < 0) return { code: 'negative' };
  if (n > max) return { code: 'tooLarge', params: { max } };
  return null;
}

function toScore(v: unknown): number {
  return typeof v === 'number' ? v : Number(String(v).trim().replace(',', '.'));
}

export type ResultFlag = 'notFullyScored' | 'tieOnBoundary';

export interface EntryResult {
  entryCode: string;
  field: string;
  /** Valid totals by judge, in the order of the jury list. */
  judgeTotals: { judgeCode: string; total: number }[];
  /** Judges of the field not recused from this entry who have not (validly) scored it. */
  missingJudges: string[];
  /** Mean of the judges' totals, rounded to 2 decimals (the figure ranked and printed). */
  average: number | null;
  rank: number | null;
  prize: Prize | '';
  flags: ResultFlag[];
  /** When tied on a prize boundary: the prize the jury must decide. */
  tiePrize?: Prize;
}

export interface FieldResult {
  field: string;
  /** False while some eligible entry is not fully scored: prizes wait until it is. */
  complete: boolean;
  prizes: { prize: Prize; quota: number; minAverage: number; awarded: string[]; unawarded: number }[];
  /** A tie the jury must break: entries with equal averages straddling the last place of a prize. */
  tie: { prize: Prize; places: number; entries: string[] } | null;
}

export interface ContestResults {
  entries: EntryResult[];
  fields: FieldResult[];
  /** Score rows refused by `checkScoreRow`, with their problems: they count for nothing. */
  rejectedRows: { index: number; problems: Problems }[];
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * Recomputes every average, rank and prize from the score rows alone (nothing typed into a
 * computed column survives). Ranks are competition ranks per field (1, 2, 2, 4). Prizes go in
 * order Nhất → Khuyến khích to the best remaining entries whose average reaches the prize's
 * minimum, up to its quota; places not deserved stay unawarded (they do not pass to a lower prize).
 * A tie across a prize's last place stops the field's allocation there for the jury to decide.
 */
export function computeResults(rules: ContestRules, entries: readonly Entry[], jury: readonly JuryMember[], recusals: readonly Recusal[], rows: readonly ScoreRow[]): ContestResults {
  const rejectedRows: ContestResults['rejectedRows'] = [];
  const byPair = new Map<string, number>();
  rows.forEach((row, index) => {
    const problems = checkScoreRow(row, { rules, entries, jury, recusals });
    const key = `${row.entryCode}\u0000${row.judgeCode}`;
    if (!Object.keys(problems).length && byPair.has(key)) problems.judgeCode = { code: 'duplicateScore', params: { judge: row.judgeCode, entry: row.entryCode } };
    if (Object.keys(problems).length) {
      rejectedRows.push({ index, problems });
      return;
    }
    byPair.set(key, rules.criteria.reduce((s, c) => s + toScore(row.scores[c.code]), 0));
  });

  const results: EntryResult[] = [];
  for (const e of entries) {
    if (!e.eligible) continue;
    const judges = jury.filter((j) => j.field === e.field && !recusals.some((r) => r.judgeCode === j.judgeCode && r.entryCode === e.code));
    const judgeTotals: EntryResult['judgeTotals'] = [];
    const missingJudges: string[] = [];
    for (const j of judges) {
      const t = byPair.get(`${e.code}\u0000${j.judgeCode}`);
      if (t === undefined) missingJudges.push(j.judgeCode);
      else judgeTotals.push({ judgeCode: j.judgeCode, total: round2(t) });
    }
    let totals = judgeTotals.map((t) => t.total).sort((a, b) => a - b);
    if (rules.dropExtremes && totals.length >= 5) totals = totals.slice(1, -1);
    const average = totals.length ? round2(totals.reduce((s, t) => s + t, 0) / totals.length) : null;
    const flags: ResultFlag[] = missingJudges.length || !judges.length ? ['notFullyScored'] : [];
    results.push({ entryCode: e.code, field: e.field, judgeTotals, missingJudges, average, rank: null, prize: '', flags });
  }

  const fieldNames = [...new Set(entries.map((e) => e.field))];
  const fields = fieldNames.map((field) => allocateField(field, rules.prizes[field] || [], results.filter((r) => r.field === field)));
  return { entries: results, fields, rejectedRows };
}

function allocateField(field: string, rulesOfField: readonly PrizeRule[], inField: EntryResult[]): FieldResult {
  const ranked = inField.filter((r) => r.average !== null).sort((a, b) => (b.average as number) - (a.average as number));
  ranked.forEach((r, i) => {
    r.rank = i > 0 && ranked[i - 1].average === r.average ? (ranked[i - 1].rank as number) : i + 1;
  });
  const complete = inField.every((r) => !r.flags.includes('notFullyScored'));
  const ordered = PRIZES.map((p) => rulesOfField.find((x) => x.prize === p)).filter((x): x is PrizeRule => !!x);
  const prizes: FieldResult['prizes'] = ordered.map((r) => ({ prize: r.prize, quota: r.quota, minAverage: r.minAverage, awarded: [], unawarded: r.quota }));
  let tie: FieldResult['tie'] = null;
  if (complete) {
    let next = 0;
    for (const p of prizes) {
      const deserving: EntryResult[] = [];
      for (let i = next; i < ranked.length && (ranked[i].average as number) >= p.minAverage; i++) deserving.push(ranked[i]);
      const take = Math.min(p.quota, deserving.length);
      if (take > 0 && take < deserving.length && deserving[take - 1].average === deserving[take].average) {
        const level = deserving[take - 1].average;
        const tied = deserving.filter((d) => d.average === level);
        const above = deserving.slice(0, take).filter((d) => d.average !== level);
        for (const d of above) award(d, p);
        for (const d of tied) {
          d.flags.push('tieOnBoundary');
          d.tiePrize = p.prize;
        }
        tie = { prize: p.prize, places: take - above.length, entries: tied.map((d) => d.entryCode) };
        break;
      }
      for (const d of deserving.slice(0, take)) award(d, p);
      next += take;
    }
  }
  return { field, complete, prizes, tie };
}

function award(d: EntryResult, p: FieldResult['prizes'][number]): void {
  d.prize = p.prize;
  p.awarded.push(d.entryCode);
  p.unawarded = p.quota - p.awarded.length;
}
