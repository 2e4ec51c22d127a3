// Consultation fees: rates by kind and role are data (sheet "Định mức chi tư vấn"); a dossier's total is its event's cost.
import type { PanelMember } from './panel';

/** One rate: for a dossier kind ('' = any kind) and a panel role, whole VND per person per dossier. */
export interface FeeRate {
  kind: string;
  role: string;
  amount: number;
  /** Legal basis the staff cite (Thông tư 11/2015/TT-BTC, the province's resolution). */
  basis: string;
}

/** The rate for a kind and role: the kind's own row first, then the any-kind row; null when none. */
export function rateFor(rates: readonly FeeRate[], kind: string, role: string): number | null {
  const own = rates.find((r) => r.kind === kind && r.role === role);
  if (own) return own.amount;
  const any = rates.find((r) => !r.kind && r.role === role);
  return any ? any.amount : null;
}

/** Members with their fee: the one the staff set, else the rate table's. */
export function withFees(rates: readonly FeeRate[], kind: string, members: readonly PanelMember[]): PanelMember[] {
  return members.map((m) => (m.fee !== null ? m : { ...m, fee: rateFor(rates, kind, m.role) }));
}

/** The dossier's cost: the sum of its panel's fees; null when no fee is known at all. */
export function feeTotal(members: readonly PanelMember[]): number | null {
  let total = 0;
  let any = false;
  for (const m of members)
    if (m.fee !== null) {
      total += m.fee;
      any = true;
    }
  return any ? total : null;
}
