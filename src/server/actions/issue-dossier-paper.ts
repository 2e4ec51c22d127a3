// issueDossierPaper: the dossier's answer (BC), panel decision (QĐ) or invitation (GM) as a numbered Google Doc in Sổ văn bản.
import { AppError } from '../../core/errors';
import { SHEETS } from '../../core/sheets';
import { openContext } from '../context';
import { withLock } from '../lock';
import { dossierView, issuePaper, papersOf, type PaperKind } from '../dossier-flow';
import { readRegister } from '../register';
import { findDossier, loadRegisters } from '../registers';
import { ALL_REGISTERS } from './get-dossier-view';
import type { Services } from '../services';

const KINDS: PaperKind[] = ['answer', 'decision', 'invitation'];

export function issueDossierPaper(svc: Services, code: unknown, kind: unknown, again?: unknown) {
  if (typeof kind !== 'string' || !(KINDS as string[]).includes(kind)) throw new AppError('invalidInput', {}, { kind: { code: 'invalidChoice', params: { choices: KINDS.join(', ') } } });
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  return withLock(svc, () => {
    const reg = loadRegisters(ctx, ALL_REGISTERS, [SHEETS.register]);
    const at = findDossier(reg, code);
    const d = at.dossier;
    if (d.state === 'Hủy' || (kind === 'answer' && d.state !== 'Đang thực hiện')) throw new AppError('dossierBadMove', { code: d.code, from: d.state, to: d.state });
    // One paper of each kind: asking twice gives the same document and number, unless a new one is asked for.
    const register = readRegister(ctx);
    const existing = papersOf(register.entries, d.code)[kind as PaperKind];
    const entry = existing && again !== true ? existing : issuePaper(ctx, reg, d, kind as PaperKind, register, again === true);
    return { ...dossierView(ctx, reg, d.code, register), paper: { kind, number: entry.number, url: entry.docUrl, docId: entry.docId, created: entry !== existing } };
  }, { numbering: true });
}
