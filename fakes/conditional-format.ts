// SpreadsheetApp conditional format rules (boolean conditions only): builder, rule, condition, kept per sheet.

import { Fake, gasError, unwrap, type Exec } from './core';

/** A rule as the sheet keeps it: its condition, its format and the A1 ranges it covers. */
export interface CfState {
  type: string;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  strikethrough: boolean | null;
  underline: boolean | null;
  /** A1 ranges on the rule's sheet ("A2:V1000"). */
  ranges: string[];
  sheetId: number | null;
}

export const BooleanCriteria = Object.freeze(
  Object.fromEntries(
    [
      'CELL_EMPTY',
      'CELL_NOT_EMPTY',
      'DATE_AFTER',
      'DATE_BEFORE',
      'DATE_EQUAL_TO',
      'NUMBER_BETWEEN',
      'NUMBER_EQUAL_TO',
      'NUMBER_GREATER_THAN',
      'NUMBER_LESS_THAN',
      'TEXT_CONTAINS',
      'TEXT_EQUAL_TO',
      'CUSTOM_FORMULA',
    ].map((k) => [k, k]),
  ) as Record<string, string>,
);

const blank = (): CfState => ({ type: '', values: [], background: null, fontColor: null, bold: null, italic: null, strikethrough: null, underline: null, ranges: [], sheetId: null });

/** A range as the fakes' RangeF carries it (kept loose to avoid a cycle with range.ts). */
interface RangeLike {
  _sheetId: number;
  _ssId: string;
  getA1Notation(): string;
}

export class BooleanConditionF extends Fake {
  static override KEY = 'SpreadsheetApp.BooleanCondition';
  constructor(
    x: Exec,
    readonly _st: CfState,
  ) {
    super(x);
  }
  getCriteriaType(): string {
    return this._st.type;
  }
  getCriteriaValues(): unknown[] {
    return [...this._st.values];
  }
  getBackground(): string | null {
    return this._st.background;
  }
  getFontColor(): string | null {
    return this._st.fontColor;
  }
  getBold(): boolean | null {
    return this._st.bold;
  }
  getItalic(): boolean | null {
    return this._st.italic;
  }
  getStrikethrough(): boolean | null {
    return this._st.strikethrough;
  }
  getUnderline(): boolean | null {
    return this._st.underline;
  }
}

export class ConditionalFormatRuleF extends Fake {
  static override KEY = 'SpreadsheetApp.ConditionalFormatRule';
  constructor(
    x: Exec,
    readonly _st: CfState,
    /** Turns the kept A1 ranges back into Range objects of the rule's sheet. */
    readonly _ranges: (st: CfState) => unknown[],
  ) {
    super(x);
  }
  copy(): ConditionalFormatRuleBuilderF {
    return new ConditionalFormatRuleBuilderF(this._x, structuredClone(this._st), this._ranges);
  }
  getBooleanCondition(): BooleanConditionF | null {
    return this._st.type ? new BooleanConditionF(this._x, this._st) : null;
  }
  getGradientCondition(): null {
    return null;
  }
  getRanges(): unknown[] {
    return this._ranges(this._st);
  }
}

export class ConditionalFormatRuleBuilderF extends Fake {
  static override KEY = 'SpreadsheetApp.ConditionalFormatRuleBuilder';
  constructor(
    x: Exec,
    readonly _st: CfState = blank(),
    readonly _ranges: (st: CfState) => unknown[] = () => [],
  ) {
    super(x);
  }
  _when(type: string, ...values: unknown[]): this {
    this._st.type = type;
    this._st.values = values;
    return this;
  }
  whenFormulaSatisfied(formula: string): this {
    return this._when('CUSTOM_FORMULA', formula);
  }
  whenTextEqualTo(text: string): this {
    return this._when('TEXT_EQUAL_TO', text);
  }
  whenCellEmpty(): this {
    return this._when('CELL_EMPTY');
  }
  whenCellNotEmpty(): this {
    return this._when('CELL_NOT_EMPTY');
  }
  setBackground(color: string | null): this {
    this._st.background = color;
    return this;
  }
  setFontColor(color: string | null): this {
    this._st.fontColor = color;
    return this;
  }
  setBold(v: boolean | null): this {
    this._st.bold = v;
    return this;
  }
  setItalic(v: boolean | null): this {
    this._st.italic = v;
    return this;
  }
  setStrikethrough(v: boolean | null): this {
    this._st.strikethrough = v;
    return this;
  }
  setUnderline(v: boolean | null): this {
    this._st.underline = v;
    return this;
  }
  setRanges(ranges: RangeLike[]): this {
    const raw = ranges.map((r) => unwrap(r));
    const sheets = new Set(raw.map((r) => r._sheetId));
    if (sheets.size > 1) throw gasError(this._x, 'All ranges must be on the same sheet.');
    this._st.ranges = raw.map((r) => r.getA1Notation());
    this._st.sheetId = raw.length ? raw[0]._sheetId : null;
    return this;
  }
  getBooleanCondition(): BooleanConditionF | null {
    return this._st.type ? new BooleanConditionF(this._x, this._st) : null;
  }
  getGradientCondition(): null {
    return null;
  }
  getRanges(): unknown[] {
    return this._ranges(this._st);
  }
  copy(): ConditionalFormatRuleBuilderF {
    return new ConditionalFormatRuleBuilderF(this._x, structuredClone(this._st), this._ranges);
  }
  build(): ConditionalFormatRuleF {
    if (!this._st.type) throw gasError(this._x, 'The rule has no condition.');
    return new ConditionalFormatRuleF(this._x, structuredClone(this._st), this._ranges);
  }
}
