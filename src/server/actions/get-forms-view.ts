// getFormsView: the forms sidebar's view: the year's forms with their sending and review counts, and the recipients one can pick.
import { AppError } from '../../core/errors';
import { FORMS, FORM_REVIEWS, FORM_SENDS } from '../../core/forms';
import { ASSOCIATIONS, ORGANISATIONS } from '../../core/expert-sheets';
import { loadForms } from '../forms';
import { formsView } from '../forms-view';
import { prefetch } from '../table';
import { openContext } from '../context';
import type { Services } from '../services';

export function getFormsView(svc: Services) {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  prefetch(ctx, [FORMS, FORM_SENDS, FORM_REVIEWS, ASSOCIATIONS, ORGANISATIONS]);
  return formsView(ctx, loadForms(ctx));
}
