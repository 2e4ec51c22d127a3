// reviewResponse: staff accept a response (it becomes an event under the chosen target, or a demand) or reject it with a reason; a response key is reviewed once.
import { AppError } from '../../core/errors';
import { checkReview, REVIEW_DECISIONS } from '../../core/forms';
import { isoToVn } from '../../core/vn-format';
import { appendRecords } from '../table';
import { findForm, formKind, loadForms, readResponses, responseTab } from '../forms';
import { importResponse, recipientNames, reviewList } from '../form-review';
import { loadWorkbook } from '../repo';
import { afterChange } from '../dashboard';
import { checkLocked, readLocks } from '../period-locks';
import { audit } from '../audit';
import { afterwards } from '../respond';
import { openContext } from '../context';
import { withLock } from '../lock';
import type { Services } from '../services';

export function reviewResponse(svc: Services, input: unknown) {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  const v = checkReview(input);
  if (!v.ok) throw new AppError('invalidInput', {}, v.problems);
  const { formCode, key, verdict, targetCode, reason } = v.value;
  return withLock(svc, () => {
    const book = loadForms(ctx);
    const { form: f } = findForm(book, formCode);
    const wb = loadWorkbook(ctx, f.year);
    const done = book.reviews.items.find((r) => r.key === key);
    if (done) throw new AppError('responseReviewed', { key, decision: done.decision, result: done.resultId });
    const responses = readResponses(ctx, f, responseTab(ctx, f.formId));
    const r = responses.find((x) => x.key === key);
    if (!r) throw new AppError('responseNotFound', { key: key.slice(0, 80), code: f.code });
    const names = recipientNames(ctx);
    const name = names.get(r.recipientCode) || r.recipientCode;
    let resultId = '';
    const kind = formKind(f);
    if (verdict === 'accept') {
      if (kind === 'activity' && !targetCode) throw new AppError('invalidInput', {}, { targetCode: { code: 'required' } });
      if (kind === 'activity') checkLocked(ctx, readLocks(ctx), [r.answers.date || '']);
      resultId = importResponse(ctx, wb, f, r, targetCode, name);
    }
    // The review row last: until it is written, a retry finds the record by the key it carries.
    appendRecords(book.reviews.table, [
      {
        key,
        formCode: f.code,
        recipientCode: r.recipientCode,
        submittedAt: new Date(r.submittedAt),
        decision: verdict === 'accept' ? REVIEW_DECISIONS[0] : REVIEW_DECISIONS[1],
        reason: verdict === 'reject' ? reason : '',
        resultId,
        targetCode: verdict === 'accept' && kind === 'activity' ? targetCode : '',
        reviewedBy: ctx.user,
        reviewedAt: ctx.now,
      },
    ]);
    book.reviews.items.push({ key, formCode: f.code, recipientCode: r.recipientCode, submittedAt: r.submittedAt, decision: verdict === 'accept' ? REVIEW_DECISIONS[0] : REVIEW_DECISIONS[1], reason, resultId, targetCode, reviewedBy: ctx.user, reviewedAt: ctx.now.toISOString() });
    if (resultId && kind === 'activity') afterwards('dashboard', () => afterChange(ctx, wb));
    afterwards('audit', () =>
      audit(ctx, verdict === 'accept' ? 'Nhận phản hồi biểu mẫu' : 'Từ chối phản hồi biểu mẫu', key, verdict === 'accept' ? `${name}: thành ${resultId}${targetCode ? ` (chỉ tiêu ${targetCode})` : ''}; ngày ${isoToVn(r.answers.date || '') || ''}` : `${name}: ${reason}`),
    );
    return { ...reviewList(ctx, book, f, wb.targets, names, responses), resultId };
  });
}
