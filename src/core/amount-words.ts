// Vietnamese reading of numbers for "Bằng chữ: …" (northern usage: linh, mốt, lăm, nghìn, tỷ).

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** Reads one three-digit group; `full` forces "không trăm" and "linh" for groups after the leading one. */
function readGroup(n: number, full: boolean): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor(n / 10) % 10;
  const u = n % 10;
  const w: string[] = [];
  const withHundreds = full || h > 0;
  if (withHundreds) w.push(DIGITS[h], 'trăm');
  if (t === 0) {
    if (u > 0) {
      if (withHundreds) w.push('linh');
      w.push(DIGITS[u]);
    }
  } else {
    if (t === 1) w.push('mười');
    else w.push(DIGITS[t], 'mươi');
    if (u === 1) w.push(t >= 2 ? 'mốt' : 'một');
    // "bốn" rather than "tư" after tens: one spelling everywhere, the one financial forms use.
    else if (u === 5) w.push('lăm');
    else if (u > 0) w.push(DIGITS[u]);
  }
  return w;
}

const GROUP_NAMES = ['', 'nghìn', 'triệu'];

/**
 * Reads n; `leading` is false when a higher part has already been read, so that every group then
 * reads in full ("một triệu không trăm linh năm nghìn"). Above 999.999.999 the count of tỷ is read
 * recursively, so 1.500 tỷ is "một nghìn năm trăm tỷ", not "một nghìn tỷ năm trăm tỷ".
 */
function readNumber(n: number, leading: boolean): string[] {
  const words: string[] = [];
  const high = Math.floor(n / 1e9);
  const low = n % 1e9;
  if (high > 0) {
    words.push(...readNumber(high, leading), 'tỷ');
    leading = false;
  }
  const groups = [low % 1000, Math.floor(low / 1000) % 1000, Math.floor(low / 1e6)];
  for (let i = 2; i >= 0; i--) {
    if (groups[i] === 0) continue;
    words.push(...readGroup(groups[i], !leading));
    if (GROUP_NAMES[i]) words.push(GROUP_NAMES[i]);
    leading = false;
  }
  return words;
}

/**
 * A whole number in lower-case words: `2021105000` → "hai tỷ không trăm hai mươi mốt triệu một trăm
 * linh năm nghìn". Fractions are rounded; negatives start with "âm".
 */
export function numberInWords(value: number): string {
  // Programming guards, not user errors: every amount is validated (at most 10.000 tỷ a line) before it is read out.
  // eslint-disable-next-line no-restricted-syntax
  if (!Number.isFinite(value)) throw new RangeError('AMOUNT_NOT_FINITE');
  const n = Math.round(Math.abs(value));
  // eslint-disable-next-line no-restricted-syntax
  if (!Number.isSafeInteger(n)) throw new RangeError('AMOUNT_TOO_LARGE');
  if (n === 0) return 'không';
  return (value < 0 ? 'âm ' : '') + readNumber(n, true).join(' ');
}

/** ND30 amount in words, capitalised and ending in "đồng": `125000000` → "Một trăm hai mươi lăm triệu đồng". */
export function amountInWords(n: number): string {
  const s = numberInWords(n) + ' đồng';
  return s.charAt(0).toUpperCase() + s.slice(1);
}
