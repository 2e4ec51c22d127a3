// saveDossier: receives a consultation request (or edits one still open), its target from the year's kind → target mapping.
import { AppError } from '../../core/errors';
import { checkDossier, nextDossierCode, type Dossier } from '../../core/dossiers';
import { dossierRecord } from '../../core/expert-sheets';
import { SHEETS } from '../../core/sheets';
import { appendRecords, writeRecord } from '../table';
import { loadPlan } from '../repo';
import { audit } from '../audit';
import { afterwards } from '../respond';
import { openContext } from '../context';
import { withLock } from '../lock';
import { dossierView, replaceItem } from '../dossier-flow';
import { expertFields, findDossier, loadRegisters } from '../registers';
import { ALL_REGISTERS } from './get-dossier-view';
import type { Services } from '../services';

export function saveDossier(svc: Services, input: unknown) {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  return withLock(svc, () => {
    const reg = loadRegisters(ctx, ALL_REGISTERS, [SHEETS.programs, SHEETS.targets, SHEETS.register]);
    const plan = loadPlan(ctx, ctx.settings.planYear);
    const year = plan.year;
    const r = checkDossier(input, { year, targets: plan.targets, organisations: reg.organisations.items, mapping: reg.kindTargets.items, fields: expertFields(ctx) });
    if (Object.keys(r.problems).length) throw new AppError('invalidInput', {}, r.problems);
    const code = typeof (input as { code?: unknown }).code === 'string' ? String((input as { code: string }).code).trim() : '';
    let d: Dossier;
    if (code) {
      const at = findDossier(reg, code);
      if (at.dossier.state === 'Hủy' || at.dossier.state === 'Đã có phản hồi') throw new AppError('dossierBadMove', { code, from: at.dossier.state, to: at.dossier.state });
      d = { ...at.dossier, ...r.dossier };
      writeRecord(reg.dossiers.table, at.index, dossierRecord(d));
      replaceItem(reg, at.index, d);
    } else {
      d = {
        ...r.dossier,
        code: nextDossierCode(year, reg.dossiers.codes),
        year,
        state: 'Tiếp nhận',
        cancelReason: '',
        answerNumber: '',
        answerDate: '',
        answerDocId: '',
        answerUrl: '',
        sentBy: '',
        eventId: '',
        uptake: '',
        uptakeNote: '',
        cost: null,
        remindedDue: '',
        remindedOverdue: '',
      };
      const row = appendRecords(reg.dossiers.table, [{ ...dossierRecord(d), createdBy: ctx.user, createdAt: ctx.now }]);
      reg.dossiers.items.push(d);
      reg.dossiers.index.push(row - 2);
      reg.dossiers.codes.push(d.code);
    }
    afterwards('audit', () => audit(ctx, code ? 'Sửa hồ sơ tư vấn' : 'Tiếp nhận hồ sơ tư vấn', d.code, `${d.consultKind}; ${d.subject}; ${d.requesterCode}; chỉ tiêu ${d.targetCode}`));
    return { ...dossierView(ctx, reg, d.code), code: d.code };
  });
}
