// Where an accepted demand answer goes: a record of "Nhu cầu" (demand-flow.ts, by helper `demands`), keyed by the response key so it is made once.
import type { ResponseRow } from '../core/forms';
import { addDemandFromResponse } from './demand-flow';
import type { Ctx } from './context';

/** The demand kinds of form whose accepted answers become demand records. */
export interface DemandIntake {
  formCode: string;
  formKind: 'training' | 'techNeeds';
  proposerName: string;
  response: ResponseRow;
}

/** Records the demand a response asks for (or finds the one a failed review already made) and returns its code. */
export function acceptDemandResponse(ctx: Ctx, intake: DemandIntake): string {
  // The contact line and the consent box stay in the response tab: they are not a demand's.
  const { contact, consent, ...answers } = intake.response.answers;
  void contact;
  void consent;
  return addDemandFromResponse(ctx, intake.formKind, { ...answers, proposerName: intake.proposerName }, intake.response.key).code;
}
