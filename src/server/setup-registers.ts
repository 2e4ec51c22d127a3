// Setup's part for the registers: the seed's kind → target mapping, and the restricted contacts file.
import { SEED_KIND_TARGETS } from '../core/dossiers';
import { SEED_PLANNED_KIND_TARGETS } from '../core/demands';
import { appendRecords } from './table';
import { ensureContactsFile } from './contacts';
import { loadRegisters } from './registers';
import type { Ctx } from './context';

/** Fills the mapping for the seed year when that year has none (idempotent); returns what it did. */
export function setupRegisters(ctx: Ctx, seedYear: number | null): string[] {
  const done: string[] = [];
  if (seedYear !== null) {
    const reg = loadRegisters(ctx, ['kindTargets']);
    const missing = [...SEED_KIND_TARGETS, ...SEED_PLANNED_KIND_TARGETS].filter((m) => m.year === seedYear && !reg.kindTargets.items.some((x) => x.year === m.year && x.kind === m.kind));
    if (missing.length) {
      appendRecords(reg.kindTargets.table, missing.map((m) => ({ ...m })));
      done.push(`Chỉ tiêu tính cho tư vấn năm ${seedYear}: ${missing.map((m) => `${m.kind} → ${m.targetCode}`).join(', ')}`);
    }
  }
  if (ensureContactsFile(ctx)) done.push('Tạo bảng liên hệ riêng (chỉ chia sẻ với quản trị viên và cán bộ được chỉ định)');
  return done;
}
