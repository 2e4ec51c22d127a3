// recordDossierSent: the answer was signed and sent outside the add-on (e-office): staff record its number, date and link; the dossier counts itself.
import { isoToVn } from '../../core/vn-format';
import { AppError } from '../../core/errors';
import { FieldReader } from '../../core/field-check';
import { SHEETS } from '../../core/sheets';
import { dateToIso } from '../../core/cells';
import { openContext } from '../context';
import { withLock } from '../lock';
import { countDossier, dossierView } from '../dossier-flow';
import { findDossier, loadRegisters } from '../registers';
import { DATA_SHEETS, loadWorkbook } from '../repo';
import { afterChange } from '../dashboard';
import { audit } from '../audit';
import { afterwards } from '../respond';
import { ALL_REGISTERS } from './get-dossier-view';
import type { Services } from '../services';

export function recordDossierSent(svc: Services, code: unknown, input: unknown) {
  const r = new FieldReader(input, ['answerNumber', 'answerDate', 'answerUrl'], 'answerNumber');
  const answerNumber = r.text('answerNumber', 60, true);
  const answerDate = r.date('answerDate', true);
  const answerUrl = r.text('answerUrl', 500);
  if (answerUrl && !/^https?:\/\/[^\s<>"']+$/i.test(answerUrl)) r.add('answerUrl', 'invalidUrl');
  r.done();
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  if (answerDate > dateToIso(ctx.now, ctx.tz)) throw new AppError('invalidInput', {}, { answerDate: { code: 'futureDate' } });
  return withLock(svc, () => {
    const reg = loadRegisters(ctx, ALL_REGISTERS, [...DATA_SHEETS, SHEETS.register]);
    const wb = loadWorkbook(ctx, ctx.settings.planYear);
    const at = findDossier(reg, code);
    const d = at.dossier;
    if (d.state === 'Đã gửi kết quả' || d.state === 'Đã có phản hồi') throw new AppError('dossierAlreadySent', { code: d.code, number: d.answerNumber });
    if (d.state === 'Hủy') throw new AppError('dossierBadMove', { code: d.code, from: d.state, to: 'Đã gửi kết quả' });
    const counted = countDossier(ctx, wb, reg, at, { answerNumber, answerDate, answerUrl, sentBy: 'outside' });
    afterwards('audit', () => audit(ctx, 'Ghi nhận kết quả tư vấn gửi ngoài', answerNumber, `${d.code}; ngày ${isoToVn(answerDate)}; ${answerUrl}; hoạt động ${counted.eventId}`));
    afterwards('dashboard', () => afterChange(ctx, wb));
    return { ...dossierView(ctx, reg, d.code), eventId: counted.eventId };
  });
}
