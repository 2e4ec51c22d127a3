// The visual decisions shared by both document renderers (Docs API and DocumentApp): sizes, rules, highlight.
import type { Align, DocModel, ParagraphBlock } from './report-model';

export const RULE_CHAR = '\u2500';
export const RULE_SIZE = 8;
/** Advance width of U+2500 in Times New Roman, in em. */
export const RULE_EM = 0.722;
/** Light yellow behind the places left for the staff's own words. */
export const HIGHLIGHT = '#fff2cc';
/** Blank lines between the signer's title and name, for the signature and seal. */
export const SIGNATURE_SPACE_LINES = 4;

/**
 * Line spacing of upper-case lines (the header's names, "I. KẾT QUẢ …"): capitals carrying stacked
 * marks (Ễ, Ỗ, Ậ) reach above the line box at the body's 1.15 and touch the line above.
 */
export const CAPS_LINE_SPACING = 1.25;

/** One paragraph's look, everything a renderer sets so nothing depends on the previous paragraph. */
export interface ParaStyle {
  bold?: boolean;
  italic?: boolean;
  size: number;
  align?: Align;
  indentFirst?: number;
  indentStart?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  lineSpacing?: number;
  highlight?: boolean;
}

/** A short solid rule: box-drawing characters about `widthPt` wide at RULE_SIZE. */
export const ruleText = (widthPt: number): string => RULE_CHAR.repeat(Math.max(1, Math.round(widthPt / (RULE_EM * RULE_SIZE))));
export const RULE_STYLE: ParaStyle = { size: RULE_SIZE, align: 'center', lineSpacing: 0.8 };

/** A body paragraph of the report: justified, first-line indent and spacing of the decree unless it says otherwise. */
export function bodyParaStyle(b: ParagraphBlock, model: DocModel): ParaStyle {
  const pd = model.paragraph;
  return {
    size: b.size || model.font.size,
    bold: b.bold,
    italic: b.italic,
    align: b.align || 'justify',
    indentFirst: b.indentFirst === false ? 0 : pd.indentFirst,
    spaceAfter: b.spaceAfter === undefined ? pd.spaceAfter : b.spaceAfter,
    lineSpacing: pd.lineSpacing,
    highlight: b.placeholder,
  };
}

/** Section headings (I., 1., a)): body size, bold above level 3, a little air before level 1. */
export function headingStyle(level: number, model: DocModel): ParaStyle {
  const pd = model.paragraph;
  return {
    size: model.font.size,
    bold: level < 3,
    align: 'justify',
    indentFirst: pd.indentFirst,
    spaceBefore: level === 1 ? 6 : 0,
    spaceAfter: pd.spaceAfter,
    lineSpacing: level === 1 ? Math.max(pd.lineSpacing, CAPS_LINE_SPACING) : pd.lineSpacing,
  };
}
