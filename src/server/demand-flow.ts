// What the demand actions share: reading demands, planned events and suppliers together, adding demands (from staff or a form response), the planned counts the dashboard shows.
import { AppError } from '../core/errors';
import type { Rec, SheetDef } from '../core/record-type';
import { nextRecordId } from '../core/record-type';
import {
  DEMANDS,
  MANUAL_SOURCE,
  PLANNED_EVENTS,
  SUPPLIERS,
  checkAnswers,
  cleanResponseKey,
  plannedByTarget,
  toDemand,
  toPlanned,
  toSupplier,
  type Demand,
  type DemandFields,
  type PlannedEvent,
  type Supplier,
} from '../core/demands';
import { ASSOCIATIONS, ORGANISATIONS, toAssociation, toOrganisation } from '../core/expert-sheets';
import type { Association, Organisation } from '../core/experts';
import { appendRecords, cell, isBlankRow, prefetch, readRecord, readTables, type Table } from './table';
import { audit } from './audit';
import { afterwards } from './respond';
import { getProp, setProp, type Ctx } from './context';

export interface Rows<T> {
  table: Table;
  items: T[];
  /** Index into table.rows of each item. */
  index: number[];
  /** Every code in the key column, good rows or not: new codes never reuse one. */
  codes: string[];
}

function rows<T>(table: Table, map: (r: Rec) => T): Rows<T> {
  const items: T[] = [];
  const index: number[] = [];
  const codes: string[] = [];
  table.rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    codes.push(String(cell(table, row, 'code') ?? '').trim());
    const { rec, problems } = readRecord(table, row);
    if (Object.keys(problems).length) return;
    items.push(map(rec));
    index.push(i);
  });
  return { table, items, index, codes };
}

export interface DemandBook {
  demands: Rows<Demand>;
  planned: Rows<PlannedEvent>;
  suppliers: Rows<Supplier>;
  associations: Rows<Association>;
  organisations: Rows<Organisation>;
}
type Key = keyof DemandBook;
const DEFS: Record<Key, { def: SheetDef; map: (r: Rec) => unknown }> = {
  demands: { def: DEMANDS, map: toDemand },
  planned: { def: PLANNED_EVENTS, map: toPlanned },
  suppliers: { def: SUPPLIERS, map: toSupplier },
  associations: { def: ASSOCIATIONS, map: toAssociation },
  organisations: { def: ORGANISATIONS, map: toOrganisation },
};

/** Reads the sheets an action needs in one batch (one Sheets API call), with `extra` sheets for the caller's own loaders. */
export function loadDemandBook<K extends Key>(ctx: Ctx, keys: readonly K[], extra: SheetDef[] = []): Pick<DemandBook, K> {
  const ready = ctx.prefetched || {};
  prefetch(ctx, [...keys.map((k) => DEFS[k].def), ...extra].filter((d) => !ready[d.name]));
  const tables = readTables(ctx, keys.map((k) => DEFS[k].def));
  const out = {} as Record<K, unknown>;
  keys.forEach((k, i) => (out[k] = rows(tables[i], DEFS[k].map)));
  return out as Pick<DemandBook, K>;
}

export function push<T>(r: Rows<T>, item: T, row: number, code: string): void {
  r.items.push(item);
  r.index.push(row - 2);
  r.codes.push(code);
}

/** The proposer's name from the directories when only its code was given (an association, a body). */
function proposerName(book: Pick<DemandBook, 'associations' | 'organisations'>, code: string): string {
  if (!code) return '';
  const a = book.associations.items.find((x) => x.code === code);
  if (a) return a.name;
  const o = book.organisations.items.find((x) => x.code === code);
  return o ? o.name : '';
}

/** Appends new demands in one write (codes NC-year-000N, never reusing one); the caller holds the lock and writes the audit rows. */
export function appendDemands(ctx: Ctx, book: Pick<DemandBook, 'demands' | 'associations' | 'organisations'>, fields: { demand: DemandFields; source: string }[]): Demand[] {
  const year = ctx.settings.planYear;
  const made: Demand[] = [];
  const codes = book.demands.codes.slice();
  for (const f of fields) {
    const code = nextRecordId(DEMANDS, year, codes);
    codes.push(code);
    const d = f.demand;
    made.push({ ...d, proposerName: d.proposerName || proposerName(book, d.proposerCode), code, year, source: f.source, state: 'Mới', plannedCode: '' });
  }
  if (!made.length) return made;
  const first = appendRecords(
    book.demands.table,
    made.map((d) => ({ ...d, createdBy: ctx.user, createdAt: ctx.now })),
  );
  made.forEach((d, k) => push(book.demands, d, first + k, d.code));
  return made;
}

export interface ResponseDemand {
  /** 'Tập huấn' | 'Hội thảo' | 'Chuyển giao công nghệ' (DEMAND_KINDS). */
  kind: unknown;
  /** Answers keyed as DemandAnswers: topic, field, audience, participants, scale, locality, quarter, proposerCode, proposerName, note. */
  answers: unknown;
  /** The form response's key (forms defines it: recipient code + timestamp); a demand is made once per key. */
  responseKey: unknown;
}

export type ResponseOutcome =
  | { ok: true; code: string; created: boolean }
  | { ok: false; problems: Record<string, { code: string; params?: Record<string, string | number> }> };

/**
 * THE ENTRY FOR THE FORMS REVIEW (issue 17): turns accepted form answers into demand records.
 *
 * Call it under the document lock (the review holds it), once per batch of accepted responses. Each
 * item is checked field by field (the same rules as staff input: lengths, numbers, quarter, control
 * characters) and written in one append; an invalid item gets its problems and writes nothing. It is
 * idempotent on the response key: a key already on a demand (column "Nguồn") gives that demand's code
 * with `created: false`, so a review that runs twice or dies half-way never makes a second demand.
 * One audit row ("Thêm nhu cầu từ biểu mẫu") lists what was made. Service calls: one read (with the
 * directories), one append, one audit row, whatever the batch size.
 */
export function addDemandsFromResponses(ctx: Ctx, items: readonly ResponseDemand[]): ResponseOutcome[] {
  const book = loadDemandBook(ctx, ['demands', 'associations', 'organisations']);
  const bySource = new Map<string, string>();
  book.demands.table.rows.forEach((row) => {
    const s = String(cell(book.demands.table, row, 'source') ?? '').trim();
    const code = String(cell(book.demands.table, row, 'code') ?? '').trim();
    if (s && s !== MANUAL_SOURCE && code && !bySource.has(s)) bySource.set(s, code);
  });
  const out: ResponseOutcome[] = [];
  const fresh: { demand: DemandFields; source: string; at: number }[] = [];
  items.forEach((it, i) => {
    const key = cleanResponseKey(it.responseKey);
    if (!key) {
      out[i] = { ok: false, problems: { responseKey: { code: 'badResponseKey' } } };
      return;
    }
    if (bySource.has(key)) {
      // Seen before (its code), or earlier in this batch ('' until written: filled in below).
      const had = bySource.get(key) as string;
      if (had) out[i] = { ok: true, code: had, created: false };
      return;
    }
    const r = checkAnswers(it.kind, it.answers);
    if (Object.keys(r.problems).length) {
      out[i] = { ok: false, problems: r.problems };
      return;
    }
    // The same key twice in one batch is one demand.
    bySource.set(key, '');
    fresh.push({ demand: r.demand, source: key, at: i });
  });
  const made = appendDemands(ctx, book, fresh);
  made.forEach((d, k) => {
    out[fresh[k].at] = { ok: true, code: d.code, created: true };
    bySource.set(d.source, d.code);
  });
  items.forEach((it, i) => {
    if (out[i]) return;
    out[i] = { ok: true, code: bySource.get(cleanResponseKey(it.responseKey)) || '', created: false };
  });
  if (made.length) afterwards('audit', () => audit(ctx, 'Thêm nhu cầu từ biểu mẫu', made.map((d) => d.code).join(', ').slice(0, 200), made.map((d) => `${d.code}: ${d.demandKind}; ${d.topic}; ${d.proposerCode || d.proposerName}; phản hồi ${d.source}`).join(' | ')));
  return out;
}

/**
 * One accepted response → one demand: `addDemandsFromResponses` for a single item. Returns the new
 * (or, for a key seen before, the existing) demand's code; bad answers throw the coded field errors
 * (`invalidInput`, one Vietnamese message per field) with nothing written. Call under the lock.
 */
export function addDemandFromResponse(ctx: Ctx, kind: unknown, answers: unknown, responseKey: unknown): { code: string; created: boolean } {
  const [r] = addDemandsFromResponses(ctx, [{ kind, answers, responseKey }]);
  if (!r.ok) throw new AppError('invalidInput', {}, r.problems as ConstructorParameters<typeof AppError>[2]);
  return { code: r.code, created: r.created };
}

// ---------------------------------------------------------------------------------------------------
// Planned counts for the dashboard

/** Document property with the planned (not done) events per target of the plan year: the dashboard reads it with no sheet read. */
export const PLANNED_KEY = 'lhh.plannedByTarget';

export function rememberPlanned(ctx: Ctx, planned: readonly PlannedEvent[]): void {
  const year = ctx.settings.planYear;
  const v = JSON.stringify({ year, byTarget: plannedByTarget(planned, year) });
  if (getProp(ctx, PLANNED_KEY) !== v) setProp(ctx, PLANNED_KEY, v);
}

/** Planned events per target of `year`, as last remembered ({} when none or another year). */
export function plannedCounts(ctx: Pick<Ctx, 'propCache'>, year: number): Record<string, number> {
  const raw = getProp(ctx, PLANNED_KEY);
  if (!raw) return {};
  try {
    const v = JSON.parse(raw) as { year?: unknown; byTarget?: unknown };
    if (v.year !== year || !v.byTarget || typeof v.byTarget !== 'object') return {};
    const out: Record<string, number> = {};
    for (const [k, n] of Object.entries(v.byTarget as Record<string, unknown>)) if (typeof n === 'number' && n > 0) out[k] = n;
    return out;
  } catch {
    return {};
  }
}
