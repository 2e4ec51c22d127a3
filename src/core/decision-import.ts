// Parses the text of a UBND decision assigning the LHH its yearly programmes into programmes, targets and warnings.

import type { IsoDate, Programme, QuantityQualifier, Target } from './types';
import { matchKey, matchUnit, readQuantityCell, scanNumbers, singularUnit, type NumberMention } from './decision-numbers';
import { cleanInputText, mapWordBullets } from './text-clean';
import { findTables, unitOf, type Table, type TableRow } from './decision-table';

/** A target as read from the decision, with the sentence it came from for the user to check. */
export interface ParsedTarget extends Target {
  source: string;
  /** Upper end when the decision gives a range ("từ 15 đến 20 cuộc"); null otherwise. */
  upper: number | null;
}

export interface DecisionWarning {
  /** `outside-programme`, `unrecognised-number`, `unclassified-section`, `outside-section`, … */
  code: string;
  sentence: string;
  programCode?: string;
}

export interface DecisionInfo {
  /** `123/QĐ-UBND`; '' when the text does not give it. */
  number: string;
  date: IsoDate | null;
  /** As the text names it ("Chủ tịch UBND tỉnh"); '' when not found. */
  issuer: string;
  province: string | null;
  title: string | null;
}

export interface DecisionParse {
  decision: DecisionInfo;
  /** "tỉnh" or "thành phố" (a centrally governed city) as the text names the province; null when it names none. */
  level: 'tỉnh' | 'thành phố' | null;
  year: number | null;
  programs: Programme[];
  targets: ParsedTarget[];
  warnings: DecisionWarning[];
}

export interface ParseDecisionOptions {
  /** Plan year to use when the text does not state one. */
  year?: number;
}

// ---------------------------------------------------------------------------------------------
// Line shapes of the genre.

type MarkerType = 'dash' | 'plus' | 'dot' | 'letter' | 'paren' | 'numparen' | 'sub' | 'num' | 'none';

const MARKER = /^(?:([-–—])|(\+)|([•·▪●○◦∙*])|([a-zđA-ZĐ]\))|(\((?:\d{1,2}|[a-zđ])\))|(\d{1,2}\))|(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\.?(?=\s))|(\d{1,2}\.)(?!\d))\s*/u;
const MARKER_TYPES: MarkerType[] = ['dash', 'plus', 'dot', 'letter', 'paren', 'numparen', 'sub', 'num'];

function marker(line: string): { type: MarkerType; rest: string } {
  const m = MARKER.exec(line);
  if (!m) return { type: 'none', rest: line };
  const idx = m.slice(1).findIndex((g) => g !== undefined);
  return { type: MARKER_TYPES[idx], rest: line.slice(m[0].length) };
}

const SEC_PREFIX = String.raw`^(?:(?:\d{1,2}\.){1,3}\d{0,2}\.?|\d{1,2}\)|[a-zđ]\)|[IVX]{1,4}\.)?\s*`;
const OBJ_WORDS = String.raw`mục tiêu(?:\s+(?:chung|cụ thể))?(?:\s*,?\s*(?:và\s+)?yêu cầu)?|mục đích(?:\s*,?\s*(?:và\s+)?yêu cầu)?|yêu cầu`;
const CONTENT_WORDS = String.raw`nội dung(?:\s*(?:,|và)\s*nhiệm vụ)?(?:\s+(?:cụ thể|thực hiện|chủ yếu|chính|hoạt động))?|(?:các\s+)?nhiệm vụ(?:\s*(?:,|và)\s*nội dung)?(?:\s+(?:cụ thể|chủ yếu|trọng tâm))?|chỉ tiêu(?:\s+cụ thể)?`;
const OTHER_WORDS = String.raw`kinh phí(?:\s+thực hiện)?|(?:dự toán|nguồn)\s+kinh phí|thời gian(?:\s+thực hiện)?|tổ chức thực hiện|(?:đơn vị|cơ quan)\s+(?:chủ trì|thực hiện|phối hợp)|(?:kết quả|sản phẩm)\s+(?:dự kiến|cần đạt)`;
const SECTION_RE = new RegExp(`${SEC_PREFIX}(${OBJ_WORDS}|${CONTENT_WORDS}|${OTHER_WORDS})\\s*(?::\\s*(.*)|\\.?)$`, 'iu');
const OBJ_RE = new RegExp(`^(?:${OBJ_WORDS})$`, 'iu');
const CONTENT_RE = new RegExp(`^(?:${CONTENT_WORDS})$`, 'iu');

type SectionKind = 'pre' | 'objectives' | 'content' | 'other';

function sectionHeading(line: string): { kind: SectionKind; heading: string; inline: string } | null {
  const m = SECTION_RE.exec(line);
  if (!m) return null;
  const word = m[1].replace(/\s+/g, ' ');
  const kind: SectionKind = OBJ_RE.test(word) ? 'objectives' : CONTENT_RE.test(word) ? 'content' : 'other';
  return { kind, heading: word, inline: (m[2] ?? '').trim() };
}

/** "1. Nhiệm vụ, chương trình hoạt động thứ nhất: …", "Chương trình 1: …", "Nhiệm vụ thứ hai - …". */
const PROG_EXPLICIT = new RegExp(
  String.raw`^(?:(\d{1,2}|[IVXLC]{1,6})\s*[.):]\s*)?(?:nhiệm vụ\s*,?\s*chương trình(?:\s+hoạt động)?|chương trình(?:\s+hoạt động)?|nhiệm vụ)\s+` +
    String.raw`(?:thứ\s+\p{L}+(?:\s+\p{L}+)?|số\s+\d{1,2}|\d{1,2}|[IVXLC]{1,6})\s*(?:[:.\-–]\s*(.*)|$)`,
  'iu',
);
/** "1. Tư vấn, phản biện", "II. Tuyên truyền …": a programme only when the layout confirms it. */
const PROG_PLAIN = /^(\d{1,2}|[IVXLC]{1,6})[.)]\s+(\S.*)$/u;

const CLOSING = /^(?:TM\.|T\/M\.?|KT\.|K\/T\.?|Q\.|TL\.|TUQ\.|CHỦ TỊCH\s*$|PHÓ CHỦ TỊCH\s*$|Nơi nhận\s*:|\((?:Đã ký|đã ký)[^)]*\)\s*$)/u;
const ARTICLE = /^Điều\s+\d+\s*[.:]/u;
const APPENDIX = /^(?:PHỤ LỤC(?![\p{Ll}])|Phụ lục(?:\s+(?:[IVX]+|\d+))?\s*:?\s*$)/u;
const NOTE_LINE = /^(?:Ghi chú|Lưu ý|Tổng cộng|Tổng số)\s*:/iu;
const HEADER_START = /^(?:QUYẾT ĐỊNH|CỘNG HÒA|CỘNG HOÀ|ỦY BAN|UỶ BAN|UBND|Số\s*:|Căn cứ|Theo đề nghị|CHỦ TỊCH|Về việc|V\/v)/iu;

function isUpperLine(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function romanValue(s: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]] ?? 0;
    const b = v[s[i + 1]] ?? 0;
    total += a < b ? -a : a;
  }
  return total;
}

function numeral(s: string): { type: 'arabic' | 'roman'; value: number } {
  return /^\d+$/.test(s) ? { type: 'arabic', value: parseInt(s, 10) } : { type: 'roman', value: romanValue(s.toUpperCase()) };
}

// ---------------------------------------------------------------------------------------------
// Text clean-up and re-joining of wrapped lines.

function normaliseText(text: string): string {
  return (
    // Word's symbol-font bullets are outline markers: "•" before the other private-use characters go.
    cleanInputText(mapWordBullets(text))
      .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\f\v]/g, ' ')
      .replace(/[\u200B-\u200D\uFEFF\u00AD]/g, '')
      // A page number or running footer on a line of its own ("- 3 -", "Trang 3/5").
      .replace(/^[ \t]*(?:-[ \t]*\d{1,3}[ \t]*-|Trang[ \t]+\d{1,3}(?:[ \t]*\/[ \t]*\d{1,3})?)[ \t]*$/gmu, '')
      // A word cut at its hyphen ("57-" / "NQ/TW") or a date cut at its slash ("22/" / "12/2024").
      .replace(/([\p{L}\d][-/])[ \t]*\n[ \t]*(?=[\p{L}\d])/gu, '$1')
      .replace(/([\p{L}\d])[ \t]*\n[ \t]*(?=\/[\p{L}\d])/gu, '$1')
  );
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function isHeadingLine(s: string): boolean {
  return PROG_EXPLICIT.test(s) || PROG_PLAIN.test(s) || SECTION_RE.test(s);
}

/** Lines that begin something new, so the line before them cannot run on into them. */
function isStructural(line: string): boolean {
  // "- xã hội" at a line start is a wrapped "kinh tế - xã hội", not a bullet.
  if (/^[-–—]\s*\p{Ll}/u.test(line)) return false;
  if (/^\p{Ll}/u.test(line) && !/^[a-zđ]\)/u.test(line)) return false;
  return (
    MARKER.test(line) ||
    isHeadingLine(line) ||
    ARTICLE.test(line) ||
    APPENDIX.test(line) ||
    CLOSING.test(line) ||
    NOTE_LINE.test(line) ||
    HEADER_START.test(line) ||
    /^\(Kèm theo/iu.test(line) ||
    isUpperLine(line)
  );
}

function shouldJoin(a: string, b: string, c: string): boolean {
  const aProgramme = PROG_EXPLICIT.test(a) || PROG_PLAIN.test(a);
  // A programme name in capitals may wrap onto a second line of capitals.
  if (aProgramme && isUpperLine(a) && isUpperLine(b) && !isHeadingLine(b) && !APPENDIX.test(b)) return !/[.;:]$/.test(a);
  if (isStructural(b)) return false;
  if (isUpperLine(a) && !aProgramme && !SECTION_RE.test(a)) return false;
  if (/^\p{Ll}/u.test(b)) return true;
  // A programme heading is complete unless it visibly runs on ("thứ nhất:", "…của Đảng,").
  // A line squeezed between the heading and its "Mục tiêu" can only be the rest of the heading.
  if (aProgramme) {
    return /(?:[,;:\-–]|\s(?:của|và|các|những|cho|về|với|trong|tại|theo|để))$/u.test(a) || (!/\.$/.test(a) && SECTION_RE.test(c));
  }
  if (/[.;:!?…]$/.test(a)) return false;
  return true;
}

function joinWrapped(text: string): string[] {
  const out: string[] = [];
  const all = text.split('\n').map(clean);
  let blank = true;
  for (let i = 0; i < all.length; i++) {
    const t = all[i];
    if (!t) {
      blank = true;
      continue;
    }
    const last = out.length - 1;
    // The next line that starts something (lines starting in lower case will run on into this one).
    const after = all.slice(i + 1).find((l) => l !== '' && !/^\p{Ll}/u.test(l)) ?? '';
    if (!blank && last >= 0 && shouldJoin(out[last], t, after)) out[last] = `${out[last]} ${t}`;
    else out.push(t);
    blank = false;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Structure: programmes and their sections.

interface RawSection {
  kind: SectionKind;
  heading: string;
  lines: string[];
}
interface RawProgramme {
  name: string;
  sections: RawSection[];
  /** A numbered item of "Điều 1 … gồm các nhiệm vụ sau:"; only used when nothing else names programmes. */
  fromArticle?: boolean;
  /** Rows of the appendix table, when the programme is a table's row. */
  rows?: TableRow[];
}

type Mode = 'preamble' | 'body' | 'article1' | 'appendix' | 'programme' | 'closing' | 'stray';

interface Structure {
  programmes: RawProgramme[];
  /** Index of the first programme heading in `lines`, or lines.length. */
  firstProgramme: number;
  warnings: DecisionWarning[];
}

function readStructure(lines: string[]): Structure {
  const programmes: RawProgramme[] = [];
  const warnings: DecisionWarning[] = [];
  let mode: Mode = 'preamble';
  let current: RawProgramme | null = null;
  let progType: 'arabic' | 'roman' | null = null;
  let lastNumber = 0;
  let firstProgramme = lines.length;
  let inArticle1 = false;

  const looksLikeContent = (t: string) =>
    mode === 'stray' || (!isUpperLine(t) && !t.startsWith('(') && (marker(t).type !== 'none' || /\d/.test(t)));

  for (let i = 0; i < lines.length; i++) {
    const t = lines[i];
    if (ARTICLE.test(t)) {
      // "Điều 1. Giao … thực hiện các nhiệm vụ sau:": its numbered items may be the programmes.
      inArticle1 = /^Điều\s+1\s*[.:]/u.test(t) && /:$/.test(t);
      mode = inArticle1 ? 'article1' : 'body';
      current = null;
      continue;
    }
    if (APPENDIX.test(t)) {
      if (inArticle1 || programmes.every((p) => p.fromArticle)) {
        progType = null;
        lastNumber = 0;
      }
      inArticle1 = false;
      mode = 'appendix';
      current = null;
      continue;
    }
    if (CLOSING.test(t)) {
      mode = 'closing';
      current = null;
      continue;
    }
    if (NOTE_LINE.test(t)) {
      mode = 'stray';
      current = null;
      warnings.push({ code: 'outside-programme', sentence: t });
      continue;
    }

    const heading = programmeHeading(lines, i, mode, progType, lastNumber);
    if (heading) {
      current = { name: heading.name, sections: [], fromArticle: inArticle1 && !heading.explicit };
      programmes.push(current);
      if (firstProgramme === lines.length) firstProgramme = i;
      mode = 'programme';
      if (heading.type) progType = heading.type;
      lastNumber = heading.value || lastNumber + 1;
      continue;
    }

    if (mode === 'programme' && current) {
      const sec = sectionHeading(t);
      if (sec) {
        current.sections.push({ kind: sec.kind, heading: sec.heading, lines: sec.inline ? [sec.inline] : [] });
        continue;
      }
      let section = current.sections[current.sections.length - 1];
      if (!section) {
        section = { kind: 'pre', heading: '', lines: [] };
        current.sections.push(section);
      }
      section.lines.push(t);
    } else if (mode === 'preamble') {
      if (HEADER_START.test(t) || /,\s*ngày\s+\d/u.test(t)) mode = 'body';
      else if (looksLikeContent(t)) warnings.push({ code: 'outside-programme', sentence: t });
    } else if (mode === 'appendix' || mode === 'stray') {
      if (looksLikeContent(t)) warnings.push({ code: 'outside-programme', sentence: t });
    }
    // 'body' and 'closing' hold the decision's own articles and signature: nothing to import.
  }
  // Programmes of an appendix or named as such win over the numbered items of Điều 1.
  const named = programmes.filter((p) => !p.fromArticle);
  const chosen = named.length ? named : programmes;
  return { programmes: chosen, firstProgramme, warnings };
}

function programmeHeading(
  lines: string[],
  i: number,
  mode: Mode,
  progType: 'arabic' | 'roman' | null,
  lastNumber: number,
): { name: string; type: 'arabic' | 'roman' | null; value: number; explicit?: boolean } | null {
  const t = lines[i];
  const explicit = PROG_EXPLICIT.exec(t);
  if (explicit) {
    const n = explicit[1] ? numeral(explicit[1]) : null;
    return { name: explicit[2] ?? '', type: n?.type ?? null, value: n?.value ?? 0, explicit: true };
  }
  const plain = PROG_PLAIN.exec(t);
  if (!plain || SECTION_RE.test(t)) return null;
  const n = numeral(plain[1]);
  if (mode === 'article1' && progType === null) return { name: plain[2], type: n.type, value: n.value };
  const next = lines[i + 1] ?? '';
  const nextSection = sectionHeading(next);
  // Confirmed by its own "Mục tiêu"/"Nội dung" right below it: the strongest sign, anywhere.
  if (nextSection && nextSection.kind !== 'other') return { name: plain[2], type: n.type, value: n.value };
  // The next number in the sequence the programmes already use.
  if (mode === 'programme' && progType === n.type && n.value === lastNumber + 1) {
    return { name: plain[2], type: n.type, value: n.value };
  }
  // First numbered line of an appendix whose items are bullets.
  if ((mode === 'appendix' || mode === 'preamble') && progType === null) {
    const nm = marker(next);
    const bulletBelow = ['dash', 'plus', 'dot', 'letter'].includes(nm.type) || (PROG_PLAIN.test(next) && numeral(PROG_PLAIN.exec(next)![1]).type !== n.type);
    if (bulletBelow) return { name: plain[2], type: n.type, value: n.value };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Items: bullets with their sub-enumerations folded in.

function hasCount(text: string): boolean {
  return scanNumbers(text).some((m) => m.kind === 'count');
}

interface Item {
  text: string;
  subType: MarkerType | null;
}

/**
 * Groups a section's lines into items. The first marker style seen is the item level; other styles
 * are sub-enumerations of the item above ("gồm: + …; + …"), except under a bare label ("Hoạt động
 * hội thảo:"), whose sub-items are the real items.
 */
function buildItems(lines: string[]): string[] {
  const items: Item[] = [];
  let top: MarkerType | null = null;
  let promoted: MarkerType | null = null;
  for (const line of lines) {
    const { type, rest } = marker(line);
    const prev = items[items.length - 1];
    const add = () => items.push({ text: rest, subType: null });
    // A folded-in line keeps its marker: "(1) Hội nghị sơ kết…" is how the decision words it.
    const append = () => {
      prev.text = `${prev.text} ${line}`;
    };
    if (!prev) {
      top = type;
      add();
    } else if (/:$/.test(prev.text)) {
      if (type === 'none' || hasCount(prev.text) || singularUnit(prev.text)) {
        prev.subType = prev.subType ?? type;
        append();
      } else {
        items.pop();
        if (type !== top) promoted = type;
        add();
      }
    } else if (type === top) {
      if (prev.subType === top && /[;,]$/.test(prev.text)) append();
      else add();
    } else if (type === 'none') {
      // Under bullets, a line without one is the rest of the item that a line break cut off.
      append();
    } else if (type === promoted) {
      add();
    } else if (prev.subType === type) {
      append();
    } else if (/[.!?…]$/.test(prev.text)) {
      add();
    } else {
      prev.subType = type;
      append();
    }
  }
  return items.map((it) => clean(it.text).replace(/\.?\/\.$/, '.')).filter((s) => s !== '' && s !== '.');
}

// ---------------------------------------------------------------------------------------------
// Targets from one item.

interface Draft {
  name: string;
  content: string;
  quantity: number | null;
  unit: string;
  qualifier: QuantityQualifier;
  source: string;
  upper?: number | null;
}

const ABBREVIATIONS = /(?:^|[^\p{L}])(?:TS|ThS|PGS|GS|TP|Tp|BS|KS|CN|TT|NXB|v\.v)\.$/u;

function splitSentences(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of text.matchAll(/[.!?…]+\s+(?=[\p{Lu}])/gu)) {
    const at = m.index ?? 0;
    const head = text.slice(from, at + m[0].trimEnd().length);
    if (ABBREVIATIONS.test(head)) continue;
    out.push(head.trim());
    from = at + m[0].length;
  }
  const rest = text.slice(from).trim();
  if (rest) out.push(rest);
  return out;
}

/** Counts that are breakdowns of an earlier count ("gồm …", "trong đó …", in brackets) are not targets. */
function effectiveMentions(sentence: string): NumberMention[] {
  const all = scanNumbers(sentence);
  const first = all.find((m) => m.kind === 'count');
  if (!first) return all;
  const key = matchKey(sentence);
  const cut = /(?<!\p{L})(?:gồm|bao gồm|trong đó|cụ thể|mỗi)(?!\p{L})/u.exec(key.slice(first.end));
  const cutoff = cut ? first.end + (cut.index ?? 0) : sentence.length;
  const parens: [number, number][] = [];
  for (const p of key.matchAll(/\([^()]*\)/g)) parens.push([p.index ?? 0, (p.index ?? 0) + p[0].length]);
  return all.filter(
    (m) => m === first || (m.start < cutoff && !(m.start > first.end && parens.some(([a, b]) => m.start > a && m.start < b))),
  );
}

const STANDALONE_VERB =
  /^(?:khảo sát|duy trì|tập hợp|tuyên truyền|tham gia|theo dõi|cập nhật|vận động|kiện toàn|củng cố|đôn đốc|kiểm tra|giám sát)(?!\p{L})/u;
const NAME_STOP = /[;:(…]|\.(?!\d)|\s(?:của|gồm|bao gồm|trong đó|nhằm|để|đảm bảo|cụ thể|mỗi)(?!\p{L})/u;
const FILLER = '(?:thực hiện|tổ chức|triển khai|phối hợp|tham mưu|xuất bản|phát hành|biên soạn|với|cho|để|và|được|lựa chọn|chọn|nhằm)';
const TRAILING_FILLER = new RegExp(`(?:^|\\s)${FILLER}\\s*$`, 'iu');
const LEADING_FILLER = new RegExp(`^${FILLER}(?:\\s+|$)`, 'iu');

function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

function shorten(s: string, max = 60): string {
  const t = s.replace(/[\s,;:.–-]+$/u, '');
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(' ', max - 1);
  const head = t.slice(0, cut > 0 ? cut : max - 1).replace(/(?:\s+(?:và|của|cho|với|về|trong|tại|các|những))+$/u, '');
  return `${head.replace(/[\s,;:–-]+$/u, '')}…`;
}

function cutAtStop(text: string): string {
  const m = NAME_STOP.exec(matchKey(text));
  return m ? text.slice(0, m.index) : text;
}

function qualitativeName(text: string): string {
  const first = splitSentences(text)[0] ?? text;
  const stop = /[;:(]|\.(?!\d)/u.exec(first);
  return shorten(capitalise(clean(stop ? first.slice(0, stop.index) : first)));
}

/**
 * The counted noun phrase. A bare unit ("12 chuyên mục"), or one of several counts in a sentence,
 * borrows the words before the number so that the targets of one sentence can be told apart.
 */
function countName(sentence: string, m: NumberMention, segStart: number, segEnd: number, split: boolean): string {
  let phrase = clean(cutAtStop(sentence.slice(m.phraseStart, segEnd)))
    .replace(/\s+trở lên(?!\p{L})/u, '')
    .replace(/[\s,]+$/u, '');
  const pk = matchKey(phrase);
  const bare = pk === '' || pk === matchKey(m.unit) || pk === 'cuộc';
  if (bare || split) {
    const head = sentence.slice(segStart, m.qualStart);
    const lastStop = Math.max(head.lastIndexOf(';'), head.lastIndexOf(': '), head.lastIndexOf('. '));
    let ctx = clean(head.slice(lastStop + 1));
    for (let prev = ''; prev !== ctx; ) {
      prev = ctx;
      ctx = ctx.replace(TRAILING_FILLER, '').replace(LEADING_FILLER, '').replace(/[\s,;:–-]+$/u, '').trim();
    }
    if (ctx.length > 40) {
      const from = ctx.indexOf(' ', ctx.length - 40);
      ctx = ctx.slice(from + 1).replace(/^[\s,;:–-]+/u, '');
    }
    phrase = phrase || m.unit;
    if (ctx && !bare && ctx.length <= 34) return `${shorten(capitalise(phrase), 60 - ctx.length - 3)} – ${ctx}`;
    if (ctx) phrase = `${phrase} – ${ctx}`;
  }
  return shorten(capitalise(phrase));
}

function segmentBounds(sentence: string, counts: NumberMention[]): [number, number][] {
  const key = matchKey(sentence);
  const bounds: [number, number][] = counts.map(() => [0, sentence.length]);
  for (let k = 1; k < counts.length; k++) {
    const gapFrom = counts[k - 1].end;
    const gap = key.slice(gapFrom, counts[k].qualStart);
    let best = -1;
    let len = 0;
    for (const sep of [';', ',', ' và ']) {
      const at = gap.lastIndexOf(sep);
      if (at > best) {
        best = at;
        len = sep.length;
      }
    }
    if (best >= 0) {
      bounds[k - 1][1] = gapFrom + best;
      bounds[k][0] = gapFrom + best + len;
    } else {
      bounds[k - 1][1] = counts[k].qualStart;
      bounds[k][0] = counts[k].qualStart;
    }
  }
  return bounds;
}

function segmentText(sentence: string, [a, b]: [number, number]): string {
  return clean(sentence.slice(a, b)).replace(/[\s,;]+$/u, '');
}

interface Group {
  before: string[];
  sentence: string;
  after: string[];
  counts: NumberMention[];
}

function itemDrafts(item: string, warn: (code: string, sentence: string) => void): Draft[] {
  const sentences = splitSentences(item);
  const analysed = sentences.map((s) => {
    const ms = effectiveMentions(s);
    for (const m of ms) if (m.kind === 'unknown') warn('unrecognised-number', s);
    return { s, counts: ms.filter((m) => m.kind === 'count') };
  });

  if (!analysed.some((a) => a.counts.length)) {
    const first = sentences[0] ?? item;
    const one = singularUnit(first);
    if (one) {
      return [{ name: shorten(capitalise(clean(cutAtStop(first.slice(one.phraseStart))))), content: item, quantity: 1, unit: one.unit, qualifier: 'exact', source: first }];
    }
    return [{ name: qualitativeName(item), content: item, quantity: null, unit: '', qualifier: 'exact', source: item }];
  }

  // Each counted sentence is a group; plain sentences around it belong to it, except a sentence
  // that opens with an ongoing-work verb ("Khảo sát nhu cầu …"), which is a qualitative target of its own.
  const parts: (Group | string)[] = [];
  let pending: string[] = [];
  let lastGroup: Group | null = null;
  for (const a of analysed) {
    if (a.counts.length) {
      lastGroup = { before: pending, sentence: a.s, after: [], counts: a.counts };
      parts.push(lastGroup);
      pending = [];
    } else if (STANDALONE_VERB.test(matchKey(a.s))) {
      parts.push(a.s);
    } else if (lastGroup) {
      lastGroup.after.push(a.s);
    } else {
      pending.push(a.s);
    }
  }

  const drafts: Draft[] = [];
  const single = parts.length === 1 && typeof parts[0] !== 'string' && parts[0].counts.length === 1;
  for (const part of parts) {
    if (typeof part === 'string') {
      drafts.push({ name: qualitativeName(part), content: part, quantity: null, unit: '', qualifier: 'exact', source: part });
      continue;
    }
    const bounds = segmentBounds(part.sentence, part.counts);
    part.counts.forEach((m, k) => {
      const pieces = [segmentText(part.sentence, bounds[k])];
      if (k === 0) pieces.unshift(...part.before);
      if (k === part.counts.length - 1) pieces.push(...part.after);
      drafts.push({
        name: countName(part.sentence, m, bounds[k][0], bounds[k][1], part.counts.length > 1),
        content: single ? item : clean(pieces.join(' ')),
        quantity: m.value,
        upper: m.upper,
        unit: m.unit,
        qualifier: m.qualifier,
        source: part.sentence,
      });
    });
  }
  return drafts;
}

// ---------------------------------------------------------------------------------------------
// Appendix tables: programme rows (Roman TT or in capitals) and the item rows under them.

const ROMAN_TT = /^[IVXLC]{1,6}$/;
const PROG_PREFIX = /^(?:nhiệm vụ\s*,?\s*)?chương trình(?:\s+hoạt động)?\s+(?:số\s+)?(?:\d{1,2}|[IVXLC]{1,6}|thứ\s+\p{L}+)\s*[:.\-–]\s*/iu;

function tablesToProgrammes(tables: Table[]): { programmes: RawProgramme[]; warnings: DecisionWarning[] } {
  const programmes: RawProgramme[] = [];
  const warnings: DecisionWarning[] = [];
  for (const t of tables) {
    let current: RawProgramme | null = null;
    for (const r of t.rows) {
      const content = clean(r.cells.content ?? '');
      const isProgramme = ROMAN_TT.test(r.tt) || (!r.tt && isUpperLine(content)) || PROG_PREFIX.test(content);
      if (isProgramme) {
        current = { name: content.replace(PROG_PREFIX, ''), sections: [], rows: [] };
        programmes.push(current);
      } else if (current) current.rows!.push(r);
      else warnings.push({ code: 'outside-programme', sentence: r.text });
    }
    for (const u of t.unplaced) warnings.push({ code: 'table-row-unplaced', sentence: u });
  }
  return { programmes, warnings };
}

/** The first unit noun the text names ("Tổ chức hội thảo khoa học" → hội thảo), for a quantity cell without a unit. */
function unitNamedIn(text: string): string {
  const key = matchKey(text);
  for (const m of key.matchAll(/(?:^|\s)(?=\p{L})/gu)) {
    const u = matchUnit(key, (m.index ?? 0) + m[0].length);
    if (u && u.unit !== 'số' && u.unit !== 'lần') return u.unit;
  }
  return '';
}

/** Targets of one table row: the quantity and unit from their own columns, the wording from the content cell. */
function rowDrafts(r: TableRow, warn: (code: string, sentence: string) => void): Draft[] {
  const content = clean(r.cells.content ?? '');
  const qty = clean(r.cells.quantity ?? '');
  if (!content && !qty) return [];
  for (const m of scanNumbers(content)) if (m.kind === 'unknown') warn('unrecognised-number', content);
  const name = qualitativeName(content);
  if (!qty) {
    // No quantity column, or an empty cell: the content cell may still count ("Tổ chức 05 hội thảo").
    return itemDrafts(content, warn);
  }
  const one = readQuantityCell(qty);
  if (one) {
    const unit = r.cells.unit ? unitOf(r.cells.unit) : scanNumbers(content).find((m) => m.kind === 'count')?.unit || unitNamedIn(content);
    if (!unit) warn('unit-missing', r.text);
    return [{ name, content, quantity: one.value, upper: one.upper, unit, qualifier: one.qualifier, source: r.text }];
  }
  const counts = scanNumbers(qty).filter((m) => m.kind === 'count');
  // "khoảng 30 trí thức": a number and the noun it counts, in the quantity column.
  const free = counts.length ? null : /^(.*?\d[\d.]*(?:\s*\([\p{L} ]+\))?)\s+(\p{L}[\p{L} ]{0,25})$/u.exec(qty);
  const freeQty = free ? readQuantityCell(free[1]) : null;
  if (freeQty) {
    return [{ name, content, quantity: freeQty.value, upper: freeQty.upper, unit: free![2].toLowerCase(), qualifier: freeQty.qualifier, source: r.text }];
  }
  if (!counts.length) {
    warn('unrecognised-number', r.text);
    return [{ name, content, quantity: null, unit: '', qualifier: 'exact', source: r.text }];
  }
  return counts.map((m) => ({
    name: counts.length > 1 ? shorten(`${capitalise(m.unit)} – ${name}`) : name,
    content,
    quantity: m.value,
    upper: m.upper,
    unit: m.unit,
    qualifier: m.qualifier,
    source: r.text,
  }));
}

/** Last year of a span the item itself runs over ("lần thứ 11, năm 2024-2025"). */
function endYearOf(content: string, year: number): number {
  // "kế hoạch tài chính 03 năm 2025-2027" names a plan period, not how long the item runs.
  const m = /(?<!\d\s*)(?:năm|niên khóa|niên khoá)\s+(\d{4})\s*[-–]\s*(\d{4})/iu.exec(content);
  if (m) {
    const from = parseInt(m[1], 10);
    const to = parseInt(m[2], 10);
    if (to > from && (year === 0 || (from <= year && to > year))) return to;
  }
  return year;
}

function isoDate(d: number, mth: number, y: number): IsoDate | null {
  const dt = new Date(Date.UTC(y, mth - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mth - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${String(mth).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A deadline only when the item states one in so many words ("hoàn thành trước ngày 30/6/2025"). */
function dueDateOf(content: string): IsoDate | null {
  const m =
    /(?:trước|chậm nhất(?: là)?|hạn chót|hạn cuối|không muộn hơn)\s+(?:ngày\s+)?(\d{1,2})\s*(?:\/|-|\.|\s+tháng\s+)\s*(\d{1,2})\s*(?:\/|-|\.|\s+năm\s+)\s*(\d{4})/iu.exec(
      content,
    );
  return m ? isoDate(parseInt(m[1], 10), parseInt(m[2], 10), parseInt(m[3], 10)) : null;
}

// ---------------------------------------------------------------------------------------------
// The decision itself: number, date, issuer, province, title, year.

const DECISION_NO = String.raw`(\d{1,6}[A-Za-z]?\/(?:\d{4}\/)?Q[ĐD]-[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*)`;
const DATE_AFTER = /^[^\n]{0,40}?ngày\s+(\d{1,2})\s*(?:\/|-|\.|\s+tháng\s+)\s*(\d{1,2})\s*(?:\/|-|\.|\s+năm\s+)\s*(\d{4})/iu;
const DATE_LINE = /(?:^|\s)((?:\p{Lu}\p{Ll}+(?:\s+-\s+|\s+))*\p{Lu}\p{Ll}+),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;

function titleCase(s: string): string {
  if (!isUpperLine(s)) return s;
  return s
    .toLowerCase()
    .split(' ')
    .map((w) => capitalise(w))
    .join(' ');
}

function placeName(s: string): string {
  return titleCase(clean(s).replace(/[\s.,;:)]+$/u, ''));
}

interface Meta extends DecisionInfo {
  level: 'tỉnh' | 'thành phố';
}

function readDecision(raw: string[], joined: string[], prelude: string[]): Meta {
  const notCited = (l: string) => !/^(?:Căn cứ|Theo đề nghị)/iu.test(l);
  const lines = raw.filter(notCited);
  // Number, date and issuer may be cut by a line break: read them from re-joined lines.
  const text = joined.filter(notCited).join('\n');

  let number = '';
  let date: IsoDate | null = null;
  const sources = [
    new RegExp(`^\\s*Số\\s*:?\\s*${DECISION_NO}`, 'imu'),
    new RegExp(`Kèm theo\\s+Quyết định\\s+(?:số\\s*:?\\s*)?${DECISION_NO}`, 'iu'),
    new RegExp(`^\\s*QUYẾT ĐỊNH\\s+(?:số\\s*:?\\s*)?${DECISION_NO}`, 'mu'),
  ];
  for (const re of sources) {
    const m = re.exec(text);
    if (!m) continue;
    number = m[1].replace(/QD-/, 'QĐ-');
    const d = DATE_AFTER.exec(text.slice((m.index ?? 0) + m[0].length));
    if (d) date = isoDate(parseInt(d[1], 10), parseInt(d[2], 10), parseInt(d[3], 10));
    break;
  }
  // The appendix names the issuer in its own words: "(Kèm theo Quyết định … của Chủ tịch UBND tỉnh)".
  const annexBy = new RegExp(`Kèm theo\\s+Quyết định\\s+(?:số\\s*:?\\s*)?${DECISION_NO}[^\\n)]*?\\s+của\\s+([^)\\n]+?)\\s*\\)`, 'iu').exec(text);
  let issuer = annexBy ? clean(annexBy[2]) : '';

  // The official date line ("<Tỉnh>, ngày 05 tháng 01 năm 2025") also names the place.
  let datePlace: string | null = null;
  for (const l of prelude.filter(notCited)) {
    const m = DATE_LINE.exec(l);
    if (!m) continue;
    datePlace = placeName(m[1]);
    if (!date) date = isoDate(parseInt(m[2], 10), parseInt(m[3], 10), parseInt(m[4], 10));
    break;
  }

  let province: string | null = null;
  let level: 'tỉnh' | 'thành phố' = 'tỉnh';
  // Who issues: the authority line under the title ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …") decides;
  // failing that the signature, where "TM. ỦY BAN NHÂN DÂN" outranks the "KT. CHỦ TỊCH" under it.
  // The top-left cell of the header also reads "ỦY BAN NHÂN DÂN TỈNH …": only below "QUYẾT ĐỊNH" is it the authority.
  let authority: 'chair' | 'committee' | null = null;
  let signature: 'chair' | 'committee' | null = null;
  let pastHeading = false;
  for (const l of lines) {
    if (/^QUYẾT ĐỊNH\s*$/u.test(l)) pastHeading = true;
    const auth = /^(CHỦ TỊCH\s+)?(?:ỦY|UỶ) BAN NHÂN DÂN(?:\s+(TỈNH|THÀNH PHỐ)\s+(.+))?$/u.exec(l);
    if (auth) {
      if (auth[3] && auth[1]) authority = 'chair';
      else if (auth[3] && pastHeading && !authority) authority = 'committee';
      if (auth[3] && !province) {
        province = placeName(auth[3]);
        level = auth[2] === 'TỈNH' ? 'tỉnh' : 'thành phố';
      }
      continue;
    }
    const unit = /^(TỈNH|THÀNH PHỐ)\s+([\p{Lu}\s-]+)$/u.exec(l);
    if (unit && !province) {
      province = placeName(unit[2]);
      level = unit[1] === 'TỈNH' ? 'tỉnh' : 'thành phố';
    }
    if (/^(?:TM\.|T\/M\.?)\s*(?:ỦY|UỶ) BAN NHÂN DÂN/u.test(l)) signature = 'committee';
    else if (/^(?:KT\.|K\/T\.?)?\s*CHỦ TỊCH\s*$/u.test(l) && !signature) signature = 'chair';
  }
  if (!province) {
    // A heading in capitals ending with the province: "… KHOA HỌC VÀ KỸ THUẬT TỈNH <TÊN TỈNH>".
    for (const l of prelude.filter(notCited)) {
      const m = isUpperLine(l) ? /(?:^|\s)(TỈNH|THÀNH PHỐ)\s+([\p{Lu}\s-]+)$/u.exec(l) : null;
      if (m) {
        province = placeName(m[2]);
        level = m[1] === 'TỈNH' ? 'tỉnh' : 'thành phố';
        break;
      }
    }
  }
  if (!province && annexBy) {
    // "(Kèm theo Quyết định … của Chủ tịch UBND tỉnh Nghệ An)".
    const m = /(?:^|\s)(tỉnh|thành phố)\s+(\p{Lu}.*)$/u.exec(clean(annexBy[2]));
    if (m) {
      province = m[2];
      level = m[1] === 'tỉnh' ? 'tỉnh' : 'thành phố';
    }
  }
  if (!province && datePlace) province = datePlace;
  if (!province) {
    const m = /(?<!\p{L})(?:tỉnh|TỈNH)\s+(\p{Lu}\p{Ll}*(?:[ -]+\p{Lu}\p{Ll}*)*)/u.exec(text);
    if (m) province = m[1];
  }
  const by = authority ?? signature;
  if (!issuer && by) issuer = by === 'chair' ? `Chủ tịch UBND ${level}` : `UBND ${level}`;

  let title: string | null = null;
  for (let i = 0; i < raw.length; i++) {
    const l = clean(raw[i]);
    if (!/^(?:VỀ VIỆC|Về việc|V\/v)(?!\p{L})/u.test(l)) continue;
    const parts = [l];
    for (let j = i + 1; j < raw.length; j++) {
      const n = clean(raw[j]);
      if (!n || !isUpperLine(l) || !isUpperLine(n) || /^(?:CHỦ TỊCH|ỦY BAN|UỶ BAN|BỘ TRƯỞNG)/u.test(n)) break;
      parts.push(n);
    }
    title = parts.join(' ');
    break;
  }

  return { number, date, issuer, province, title, level };
}

function readYear(title: string | null, prelude: string[]): number | null {
  if (title) {
    const m = /năm\s+(\d{4})/iu.exec(title);
    if (m) return parseInt(m[1], 10);
  }
  for (const l of prelude) {
    if (/^(?:Căn cứ|Theo đề nghị)/iu.test(l)) continue;
    const m = /(?:chương trình|nhiệm vụ|kế hoạch)[^\n]{0,80}?\snăm\s+(\d{4})/iu.exec(l);
    if (m) return parseInt(m[1], 10);
  }
  return null;
}

/** How many programmes the decision says it assigns ("thực hiện 05 nhiệm vụ, chương trình"). */
function statedCount(prelude: string[]): number | null {
  for (const l of prelude) {
    if (/^(?:Căn cứ|Theo đề nghị)/iu.test(l)) continue;
    const m = /(?<![\d/])(\d{1,2})\s+(?:\([\p{L} ]+\)\s+)?nhiệm vụ\s*,?\s*chương trình/iu.exec(l);
    if (m) return parseInt(m[1], 10);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

/**
 * Reads a decision (whole, or its appendix alone) into programmes P1…Pn, targets P{n}.{k} and the
 * decision's number, date, issuer and province. Holds no wording of any particular decision: only the
 * genre's section words, verbs and unit nouns. What it cannot classify comes back as a warning.
 */
export function parseDecision(text: string, opts: ParseDecisionOptions = {}): DecisionParse {
  const whole = normaliseText(text).split('\n');
  // The appendix table is read from the lines as pasted: re-joining wrapped lines would merge its cells.
  const tables = findTables(whole);
  const fromTables = tablesToProgrammes(tables);
  const tableLine = new Set(tables.flatMap((t) => Array.from({ length: t.end - t.start }, (_x, k) => t.start + k)));
  // Outside tables, a number alone on a line is a page number.
  const normal = whole.map((l, i) => (tableLine.has(i) || /^\s*\d{1,3}\s*$/.test(l) ? '' : l)).join('\n');
  // The header is a two-column table in the original; pasted, its cells arrive joined by tabs or runs of spaces.
  const raw = normal.split('\n').flatMap((l) => l.split(/\t| {3,}/)).map(clean);
  const lines = joinWrapped(normal.replace(/\t/g, ' '));
  const prose = readStructure(lines);
  const structure = fromTables.programmes.length
    ? { programmes: fromTables.programmes, firstProgramme: tables.length ? Math.min(lines.length, prose.firstProgramme) : prose.firstProgramme, warnings: [...prose.warnings, ...fromTables.warnings] }
    : { ...prose, warnings: [...prose.warnings, ...fromTables.warnings] };
  const prelude = lines.slice(0, structure.firstProgramme);
  const meta = readDecision(raw, lines, prelude);
  const warnings: DecisionWarning[] = [...structure.warnings];

  const found = readYear(meta.title, prelude);
  const year = found ?? opts.year ?? null;
  if (found !== null && opts.year !== undefined && opts.year !== found) {
    warnings.push({ code: 'year-mismatch', sentence: `${found} ≠ ${opts.year}` });
  }
  if (year === null) warnings.push({ code: 'year-unknown', sentence: '' });
  if (!meta.number) warnings.push({ code: 'decision-number-missing', sentence: '' });
  const y = year ?? 0;

  const programs: Programme[] = [];
  const targets: ParsedTarget[] = [];
  structure.programmes.forEach((rp, pi) => {
    const code = `P${pi + 1}`;
    const warn = (c: string, sentence: string) => {
      if (!warnings.some((w) => w.code === c && w.sentence === sentence && w.programCode === code)) {
        warnings.push({ code: c, sentence, programCode: code });
      }
    };
    const objectives: string[] = [];
    const contentItems: string[] = [];
    const hasContent = rp.sections.some((s) => s.kind === 'content');
    for (const s of rp.sections) {
      const items = buildItems(s.lines);
      if (s.kind === 'objectives') objectives.push(...items);
      else if (s.kind === 'content' || (s.kind === 'pre' && !hasContent)) contentItems.push(...items);
      else if (s.kind === 'pre') items.forEach((it) => warn('outside-section', it));
      else items.forEach((it) => warn('unclassified-section', `${s.heading}: ${it}`));
    }
    programs.push({ year: y, code, name: clean(rp.name).replace(/[.:;]+$/u, ''), objectives });

    const drafts = [...contentItems.flatMap((item) => itemDrafts(item, warn)), ...(rp.rows ?? []).flatMap((r) => rowDrafts(r, warn))];
    let k = 0;
    {
      for (const d of drafts) {
        k++;
        targets.push({
          year: y,
          code: `${code}.${k}`,
          programCode: code,
          name: d.name,
          content: d.content,
          quantity: d.quantity,
          upper: d.upper ?? null,
          unit: d.unit,
          qualifier: d.qualifier,
          dueDate: dueDateOf(d.content),
          endYear: endYearOf(d.content, y),
          status: '',
          note: '',
          source: d.source,
        });
      }
    }
    if (k === 0) warn('programme-without-targets', programs[pi].name);
  });

  if (programs.length === 0) {
    warnings.push({ code: 'no-programmes', sentence: lines.find((l) => !isUpperLine(l)) ?? '' });
  }
  const stated = statedCount(prelude);
  if (stated !== null && programs.length > 0 && stated !== programs.length) {
    warnings.push({ code: 'programme-count-mismatch', sentence: `${stated} ≠ ${programs.length}` });
  }

  const { level, ...decision } = meta;
  return { decision, level: meta.province ? level : null, year, programs, targets, warnings };
}
