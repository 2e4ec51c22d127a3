// getFormResponses: the review sidebar's list of a form's responses not reviewed yet, read from its response tab by item.
import { AppError } from '../../core/errors';
import { FORMS, FORM_REVIEWS } from '../../core/forms';
import { SHEETS } from '../../core/sheets';
import { findForm, loadForms } from '../forms';
import { recipientNames, reviewList } from '../form-review';
import { loadTargets } from '../repo';
import { prefetch } from '../table';
import { openContext } from '../context';
import type { Services } from '../services';

export function getFormResponses(svc: Services, formCode: unknown) {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  prefetch(ctx, [FORMS, FORM_REVIEWS, SHEETS.targets]);
  const book = loadForms(ctx);
  const { form } = findForm(book, formCode);
  const targets = loadTargets(ctx, form.year).items;
  return reviewList(ctx, book, form, targets, recipientNames(ctx));
}
