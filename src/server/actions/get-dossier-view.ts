// getDossierView: the dossier sidebar's whole state (list, figures, one dossier with its panel, suggestions and papers).
import { AppError } from '../../core/errors';
import { SHEETS } from '../../core/sheets';
import { openContext } from '../context';
import { dossierView } from '../dossier-flow';
import { loadRegisters } from '../registers';
import type { Services } from '../services';

export const ALL_REGISTERS = ['associations', 'experts', 'organisations', 'dossiers', 'panel', 'feeRates', 'kindTargets'] as const;

export function getDossierView(svc: Services, code?: unknown) {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  const reg = loadRegisters(ctx, ALL_REGISTERS, [SHEETS.register]);
  return dossierView(ctx, reg, typeof code === 'string' && code ? code.trim() : undefined);
}
