// Text that Google Docs would drop is cleaned where it enters and again before the document builder counts it.
import { cleanDocText, cleanInputText, hasControlChars, mapWordBullets } from '../../src/core/text-clean';

describe('text as it enters the workbook', () => {
  test('a title pasted from Word: CR LF becomes LF, the symbol-font bullet goes, NFD becomes NFC', () => {
    expect(cleanInputText('\uf0b7 Hội thảo\r\nkhoa học')).toBe(' Hội thảo\nkhoa học');
    expect(cleanInputText('dòng một\rdòng hai')).toBe('dòng một\ndòng hai');
    expect(cleanInputText('Tư vấn'.normalize('NFD'))).toBe('Tư vấn');
    expect(cleanInputText('Tư vấn'.normalize('NFD'))).toHaveLength(6);
  });

  test('other control characters are kept so that input can refuse them', () => {
    expect(cleanInputText('Tư vấn\u0000\u0007')).toBe('Tư vấn\u0000\u0007');
    expect(hasControlChars('Tư vấn\u0000')).toBe(true);
    expect(hasControlChars('a\u000bb')).toBe(true);
    expect(hasControlChars('a\u0085b')).toBe(true);
    expect(hasControlChars('cột 1\tcột 2\ndòng 2')).toBe(false);
    expect(hasControlChars(cleanInputText('a\r\nb'))).toBe(false);
  });
});

describe('text as the document builder counts it', () => {
  test('what Docs drops is gone, tab, newline and vertical tab stay', () => {
    expect(cleanDocText('a\u0000b\u0008c\u000cd\u001fe\rf')).toBe('abcde\nf');
    expect(cleanDocText('a\tb\nc\u000bd')).toBe('a\tb\nc\u000bd');
    expect(cleanDocText('\ue000x\uf8ff')).toBe('x');
    expect(cleanDocText('Hội nghị\r\n\uf0b7')).toBe('Hội nghị\n');
  });
});

describe('Word bullets in an imported decision', () => {
  test('symbol-font bullets become "•" and other private-use characters are left for cleaning', () => {
    expect(mapWordBullets('\uf0b7\tTổ chức 16 cuộc tư vấn')).toBe('•\tTổ chức 16 cuộc tư vấn');
    expect(mapWordBullets('\uf0a7 a\n\uf076 b\n\uf0d8 c\n\uf0fc d')).toBe('• a\n• b\n• c\n• d');
    expect(mapWordBullets('x\ue123')).toBe('x\ue123');
  });
});
