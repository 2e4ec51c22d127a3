// Reads the LHH's registers (associations, experts, bodies, dossiers, panels, rates, kind → target) in one batch, as domain objects.
import type { Rec } from '../core/record-type';
import {
  ASSOCIATIONS,
  DOSSIERS,
  EXPERTS,
  FEE_RATES,
  KIND_TARGETS,
  ORGANISATIONS,
  PANEL,
  toAssociation,
  toDossier,
  toExpert,
  toFeeRate,
  toKindTarget,
  toOrganisation,
  toPanelMember,
} from '../core/expert-sheets';
import type { SheetDef } from '../core/sheets';
import type { Association, Expert, Organisation } from '../core/experts';
import type { Dossier, KindTarget } from '../core/dossiers';
import type { PanelMember } from '../core/panel';
import type { FeeRate } from '../core/fees';
import { DEFAULT_EXPERT_FIELDS } from '../core/settings';
import { AppError } from '../core/errors';
import { cell, isBlankRow, prefetch, readRecord, readTables, type Table } from './table';
import type { Ctx } from './context';

export interface Rows<T> {
  table: Table;
  items: T[];
  /** Index into table.rows of each item. */
  index: number[];
  /** Every code found in the key column, good rows or not: new codes never reuse one. */
  codes: string[];
}

function rows<T>(table: Table, map: (r: Rec) => T, key?: string): Rows<T> {
  const items: T[] = [];
  const index: number[] = [];
  const codes: string[] = [];
  table.rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    if (key) codes.push(String(cell(table, row, key) ?? '').trim());
    const { rec, problems } = readRecord(table, row);
    if (Object.keys(problems).length) return;
    items.push(map(rec));
    index.push(i);
  });
  return { table, items, index, codes };
}

export interface Registers {
  associations: Rows<Association>;
  experts: Rows<Expert>;
  organisations: Rows<Organisation>;
  dossiers: Rows<Dossier>;
  panel: Rows<PanelMember>;
  feeRates: Rows<FeeRate>;
  kindTargets: Rows<KindTarget>;
}

type Key = keyof Registers;

const DEFS: Record<Key, { def: SheetDef; map: (r: Rec) => unknown; code?: string }> = {
  associations: { def: ASSOCIATIONS, map: toAssociation, code: 'code' },
  experts: { def: EXPERTS, map: toExpert, code: 'code' },
  organisations: { def: ORGANISATIONS, map: toOrganisation, code: 'code' },
  dossiers: { def: DOSSIERS, map: toDossier, code: 'code' },
  panel: { def: PANEL, map: toPanelMember },
  feeRates: { def: FEE_RATES, map: toFeeRate },
  kindTargets: { def: KIND_TARGETS, map: toKindTarget },
};

/**
 * Reads the registers an action needs, together (one Sheets API call, plus whatever else the action
 * prefetched with them): `extra` sheets are read in the same batch for the caller's own loaders.
 */
export function loadRegisters<K extends Key>(ctx: Ctx, keys: readonly K[], extra: SheetDef[] = []): Pick<Registers, K> {
  const ready = ctx.prefetched || {};
  prefetch(ctx, [...keys.map((k) => DEFS[k].def), ...extra].filter((d) => !ready[d.name]));
  const tables = readTables(ctx, keys.map((k) => DEFS[k].def));
  const out = {} as Record<K, unknown>;
  keys.forEach((k, i) => (out[k] = rows(tables[i], DEFS[k].map, DEFS[k].code)));
  return out as Pick<Registers, K>;
}

/** The controlled list of fields of expertise (settings), with the defaults when none is kept. */
export function expertFields(ctx: Ctx): string[] {
  const f = ctx.settings.expertFields;
  return f && f.length ? f : [...DEFAULT_EXPERT_FIELDS];
}

export function findDossier(reg: Pick<Registers, 'dossiers'>, code: unknown): { dossier: Dossier; index: number } {
  if (typeof code !== 'string' || !code.trim()) throw new AppError('invalidInput', {}, { code: { code: 'required' } });
  const i = reg.dossiers.items.findIndex((d) => d.code === code.trim());
  if (i < 0) throw new AppError('dossierNotFound', { code: code.trim().slice(0, 30) });
  return { dossier: reg.dossiers.items[i], index: reg.dossiers.index[i] };
}
