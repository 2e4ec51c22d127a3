// Where an accepted demand answer goes: the "Nhu cầu" records of helper `demands` (issue 17). Until that lands, accepting one says so and keeps the response for later.
import { AppError } from '../core/errors';
import type { ResponseRow } from '../core/forms';
import type { Ctx } from './context';

/** The demand kinds of form whose accepted answers become demand records. */
export interface DemandIntake {
  formCode: string;
  formKind: 'training' | 'techNeeds';
  proposerName: string;
  response: ResponseRow;
}

/** Records the demand a response asks for and returns its code; the record carries the response key. */
export function acceptDemandResponse(ctx: Ctx, intake: DemandIntake): string {
  void ctx;
  void intake;
  throw new AppError('demandsNotReady');
}
