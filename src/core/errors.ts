// Coded errors of the domain: the core says what went wrong; the edge (messages.ts) says it in Vietnamese.

/**
 * Every error code the add-on knows, field-level and whole-action, in one list.
 * To add a code: append it here (keep one code per line so parallel additions merge cleanly), then
 * give it its Vietnamese words in `src/core/messages.ts` — `tsc` fails until you do.
 */
export const ERROR_CODES = [
  // Field-level codes (a problem with one field of the input or one cell of a row)
  'required',
  'invalidType',
  'tooLong',
  'invalidDate',
  'dateNotReal',
  'dateOutOfPlan',
  'notInteger',
  'negative',
  'notPositive',
  'tooLarge',
  'invalidMoney',
  'invalidUrl',
  'invalidEmail',
  'unknownTarget',
  'unknownProgram',
  'unknownBudgetLine',
  'budgetLineOtherProgram',
  'targetOtherProgram',
  'invalidChoice',
  'unknownField',
  'controlChars',
  'dateOrder',
  'stageTooEarly',
  'stageNeedsAmount',
  'duplicateId',
  'invalidHour',
  'emptyList',
  // Whole-action codes
  'invalidInput',
  'missingSheet',
  'missingColumn',
  'duplicateColumn',
  'badCell',
  'notSetUp',
  'noPlan',
  'notAdmin',
  'noUserEmail',
  'busy',
  'transient',
  'unexpected',
  'eventNotFound',
  'eventCancelled',
  'budgetLineNotFound',
  'periodLocked',
  'quotaShort',
  'weeklyQuotaShort',
  'selfCheckMismatch',
  'noRecipients',
  'invalidPlan',
  'sendUnknown',
  'noTimeTrigger',
  'documentExists',
  'documentSuperseded',
  'periodAlreadySent',
  'documentState',
  // Registers: associations, experts, dossiers (issue 15)
  'invalidPhone',
  'unknownExpertField',
  'unknownOrganisation',
  'unknownAssociation',
  'unknownExpert',
  'expertUnavailable',
  'duplicateExpert',
  'oneChair',
  'tooManyRows',
  'noKindTarget',
  'dossierNotFound',
  'dossierBadMove',
  'dossierNoPanel',
  'dossierAlreadySent',
  'noRequesterEmail',
  'eventOfDossier',
  'notContactReader',
  'noContactsFile',
  'expertNotFound',
  'associationNotFound',
  'panelConflict',
  'pasteHasErrors',
  'futureDate',
  // Contests and replication support (issue 16)
  'unknownEntry',
  'entryIneligible',
  'judgeNotInJury',
  'judgeRecused',
  'duplicateScore',
  'unknownStage',
  'stageNotInspected',
  'stageOverspend',
  // Demands, planned events and technology suppliers (issue 17)
  'unknownDemand',
  'demandTaken',
  'unknownSupplier',
  'demandNotFound',
  'demandBadMove',
  'plannedNotFound',
  'plannedBadMove',
  'supplierNotFound',
  'badResponseKey',
  // Forms (issue 17)
  'formNotFound',
  'formClosed',
  'formKindUnknown',
  'responseNotFound',
  'responseReviewed',
  'responseUnreadable',
  'demandsNotReady',
  'formTabMissing',
  'noRecipientsChosen',
] as const;

/** A code of ERROR_CODES: the closed set `messages.ts` must cover. */
export type ErrorCode = (typeof ERROR_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(ERROR_CODES);

/** Narrows a string (a zod message, a code read back from JSON) to a known code. */
export function isErrorCode(s: unknown): s is ErrorCode {
  return typeof s === 'string' && KNOWN.has(s);
}

export type Params = Record<string, string | number>;

/** A field-level problem: the field name as the sidebar knows it, and a code. */
export interface FieldProblem {
  code: ErrorCode;
  params?: Params;
}

/** An expected failure (bad input, missing column, no right): never a crash. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Params;
  readonly fields: Record<string, FieldProblem>;

  constructor(code: ErrorCode, params: Params = {}, fields: Record<string, FieldProblem> = {}) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.fields = fields;
  }
}

/** Bundles across realms (the vm harness) defeat instanceof, so recognise the shape. */
export function isAppError(e: unknown): e is AppError {
  return !!e && typeof e === 'object' && (e as { name?: unknown }).name === 'AppError' && typeof (e as { code?: unknown }).code === 'string';
}

export function invalid(fields: Record<string, FieldProblem>): AppError {
  return new AppError('invalidInput', {}, fields);
}

/**
 * Sets an own property even for keys like "__proto__", which plain assignment would turn into a
 * prototype change: hostile input names fields, and a problem must be reported under that name.
 */
export function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
