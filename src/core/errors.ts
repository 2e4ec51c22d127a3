// Coded errors of the domain: the core says what went wrong; the edge (messages.ts) says it in Vietnamese.

export type Params = Record<string, string | number>;

/** A field-level problem: the field name as the sidebar knows it, and a code. */
export interface FieldProblem {
  code: string;
  params?: Params;
}

/** An expected failure (bad input, missing column, no right): never a crash. */
export class AppError extends Error {
  readonly code: string;
  readonly params: Params;
  readonly fields: Record<string, FieldProblem>;

  constructor(code: string, params: Params = {}, fields: Record<string, FieldProblem> = {}) {
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
