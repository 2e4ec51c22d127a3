// The one text normaliser: what text becomes where it enters the workbook, and what the document builder lets reach Docs.
//
// Google Docs silently drops from inserted text every C0 control character but tab, newline and vertical tab, and
// every private-use character (U+E000–U+F8FF, e.g. the "" bullet Word pastes from its Symbol font). Our document
// indexes count UTF-16 units, so one such character shifts every later index and Google refuses the whole batch.
// Text is therefore cleaned where it enters (cleanInputText) and, as a second guard, before any length is counted
// (cleanDocText). Other control characters are refused at input (hasControlChars), not silently removed: they
// usually mean a broken paste or a hostile client, and the user should see it.

/* eslint-disable no-control-regex */
/** Control characters refused at input: C0 but tab, LF and CR (CR is turned into LF first), DEL and C1. */
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** What Docs drops from inserted text: C0 but tab, LF and VT; private use area. */
const DOCS_DROPS = /[\u0000-\u0008\u000c-\u001f\ue000-\uf8ff]/g;
const PRIVATE_USE = /[\ue000-\uf8ff]/g;
/* eslint-enable no-control-regex */

/**
 * Word's symbol-font bullets as they arrive in pasted text (Symbol/Wingdings glyphs mapped into the private use
 * area at U+F000 + the font's code): •, §/▪, ❖, ➢, ✓, ■, ●, ◆, ➔, ○, □, ◦.
 */
const WORD_BULLETS = /[\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e\uf06c\uf0a8\uf0e8\uf0d9\uf071\uf075\uf0b2\uf0a1\uf0f0\uf06f\uf0e0]/g;

/** True when `s` holds a control character that input must refuse (after cleanInputText). */
export function hasControlChars(s: string): boolean {
  return CONTROL_CHARS.test(s);
}

/**
 * Text as it enters (sidebar fields, hand-typed cells, settings, imported decisions): NFC, CR LF and lone CR
 * turned into LF, private-use characters dropped. Other control characters are kept for the validator to refuse.
 */
export function cleanInputText(s: string): string {
  return s.normalize('NFC').replace(/\r\n?/g, '\n').replace(PRIVATE_USE, '');
}

/** cleanInputText for any value: strings are cleaned, anything else is returned as is (for the validator to judge). */
export function cleanInputValue<T>(v: T): T {
  return (typeof v === 'string' ? cleanInputText(v) : v) as T;
}

/**
 * Text as Docs will keep it: cleanInputText, then every character Docs drops from inserted text removed, so that
 * the lengths the builder counts are the lengths Google stores. Applied just before indexes are computed.
 */
export function cleanDocText(s: string): string {
  return cleanInputText(s).replace(DOCS_DROPS, '');
}

/**
 * Word's symbol-font bullets → "•", for imported decision text before it is parsed: they are outline markers
 * there, and dropping them would merge an item into the line before it. Other private-use characters are left
 * for cleanInputText/cleanDocText to drop.
 */
export function mapWordBullets(s: string): string {
  return s.replace(WORD_BULLETS, '•');
}

/**
 * Every string in a document model as Docs will keep it (cleanDocText), arrays and plain objects walked: the
 * document builders call it before they count a single length.
 */
export function cleanDocStrings<T>(v: T): T {
  if (typeof v === 'string') return cleanDocText(v) as T;
  if (Array.isArray(v)) return v.map(cleanDocStrings) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = cleanDocStrings(x);
    return out as T;
  }
  return v;
}
