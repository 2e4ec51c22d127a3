// A small formula evaluator so simple formulas (HYPERLINK, SUM of a range, arithmetic, refs) read back as Sheets computes them.

import { parseA1 } from './values';

export type Scalar = string | number | boolean | Date;
export type Resolver = (sheet: string | null, row: number, col: number, numRows: number | null, numCols: number | null) => Scalar[][] | null;

class FErr {
  constructor(readonly code: string) {}
}

type Tok = { k: 'num'; v: number } | { k: 'str'; v: string } | { k: 'id'; v: string } | { k: 'op'; v: string };

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"') {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new FErr('#ERROR!');
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ k: 'str', v: s });
      continue;
    }
    const num = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num && !/^\d+[A-Za-z:]/.test(src.slice(i))) {
      out.push({ k: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const id = /^('(?:[^']|'')+'!|[A-Za-z_][A-Za-z0-9_.]*!)?\$?[A-Za-z_0-9][A-Za-z0-9_.$]*(:\$?[A-Za-z0-9$]+)?/.exec(src.slice(i));
    if (id) {
      out.push({ k: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = /^(<>|<=|>=|[-+*/^&=<>(),;%])/.exec(src.slice(i));
    if (!op) throw new FErr('#ERROR!');
    out.push({ k: 'op', v: op[0] });
    i += op[0].length;
  }
  return out;
}

type Node = { t: 'lit'; v: Scalar } | { t: 'ref'; v: string } | { t: 'call'; name: string; args: Node[] } | { t: 'bin'; op: string; a: Node; b: Node } | { t: 'neg'; a: Node } | { t: 'pct'; a: Node };

const PREC: Record<string, number> = { '=': 1, '<>': 1, '<': 1, '>': 1, '<=': 1, '>=': 1, '&': 2, '+': 3, '-': 3, '*': 4, '/': 4, '^': 5 };

function parse(toks: Tok[]): Node {
  let p = 0;
  const peek = () => toks[p];
  const expr = (minPrec: number): Node => {
    let left = unary();
    for (;;) {
      const t = peek();
      if (!t || t.k !== 'op' || PREC[t.v] === undefined || PREC[t.v] < minPrec) return left;
      p++;
      const right = expr(PREC[t.v] + (t.v === '^' ? 0 : 1));
      left = { t: 'bin', op: t.v, a: left, b: right };
    }
  };
  const unary = (): Node => {
    const t = peek();
    if (t && t.k === 'op' && (t.v === '-' || t.v === '+')) {
      p++;
      const a = unary();
      return t.v === '-' ? { t: 'neg', a } : a;
    }
    let n = primary();
    while (peek()?.k === 'op' && peek().v === '%') {
      p++;
      n = { t: 'pct', a: n };
    }
    return n;
  };
  const primary = (): Node => {
    const t = toks[p++];
    if (!t) throw new FErr('#ERROR!');
    if (t.k === 'num') return { t: 'lit', v: t.v };
    if (t.k === 'str') return { t: 'lit', v: t.v };
    if (t.k === 'op' && t.v === '(') {
      const e = expr(0);
      if (toks[p++]?.v !== ')') throw new FErr('#ERROR!');
      return e;
    }
    if (t.k === 'id') {
      if (peek()?.k === 'op' && peek().v === '(') {
        p++;
        const args: Node[] = [];
        if (!(peek()?.k === 'op' && peek().v === ')')) {
          for (;;) {
            args.push(expr(0));
            const s = toks[p++];
            if (s?.v === ')') break;
            if (s?.v !== ',' && s?.v !== ';') throw new FErr('#ERROR!');
          }
        } else p++;
        return { t: 'call', name: t.v.toUpperCase(), args };
      }
      const u = t.v.toUpperCase();
      if (u === 'TRUE' || u === 'FALSE') return { t: 'lit', v: u === 'TRUE' };
      return { t: 'ref', v: t.v };
    }
    throw new FErr('#ERROR!');
  };
  const n = expr(0);
  if (p !== toks.length) throw new FErr('#ERROR!');
  return n;
}

type V = Scalar | Scalar[][];

function flat(v: V): Scalar[] {
  return Array.isArray(v) ? v.flat() : [v];
}
function scalar(v: V): Scalar {
  if (Array.isArray(v)) return v[0]?.[0] ?? '';
  return v;
}
function num(v: V): number {
  const s = scalar(v);
  if (s instanceof FErr) throw s;
  if (typeof s === 'number') return s;
  if (typeof s === 'boolean') return s ? 1 : 0;
  if (s instanceof Date) return s.getTime() / 86400000 + 25569;
  if (s === '') return 0;
  const n = Number(s);
  if (Number.isNaN(n)) throw new FErr('#VALUE!');
  return n;
}
function str(v: V): string {
  const s = scalar(v);
  if (typeof s === 'boolean') return s ? 'TRUE' : 'FALSE';
  return String(s);
}
function truthy(v: V): boolean {
  const s = scalar(v);
  if (typeof s === 'string') {
    if (s.toUpperCase() === 'TRUE') return true;
    if (s.toUpperCase() === 'FALSE' || s === '') return false;
    throw new FErr('#VALUE!');
  }
  return Boolean(num(s));
}

function evalNode(n: Node, r: Resolver): V {
  switch (n.t) {
    case 'lit':
      return n.v;
    case 'neg':
      return -num(evalNode(n.a, r));
    case 'pct':
      return num(evalNode(n.a, r)) / 100;
    case 'ref': {
      const a = parseA1(n.v);
      if (!a) throw new FErr('#NAME?');
      const vals = r(a.sheet, a.row, a.col, a.numRows, a.numCols);
      if (!vals) throw new FErr('#REF!');
      return vals;
    }
    case 'bin': {
      const a = evalNode(n.a, r);
      const b = evalNode(n.b, r);
      switch (n.op) {
        case '+':
          return num(a) + num(b);
        case '-':
          return num(a) - num(b);
        case '*':
          return num(a) * num(b);
        case '/': {
          const d = num(b);
          if (d === 0) throw new FErr('#DIV/0!');
          return num(a) / d;
        }
        case '^':
          return Math.pow(num(a), num(b));
        case '&':
          return str(a) + str(b);
        default: {
          const x = scalar(a);
          const y = scalar(b);
          const cmp = typeof x === 'number' && typeof y === 'number' ? x - y : str(x).localeCompare(str(y));
          return { '=': cmp === 0, '<>': cmp !== 0, '<': cmp < 0, '>': cmp > 0, '<=': cmp <= 0, '>=': cmp >= 0 }[n.op] ?? false;
        }
      }
    }
    case 'call':
      return callFn(n.name, n.args, r);
  }
}

function callFn(name: string, args: Node[], r: Resolver): V {
  const ev = (i: number) => evalNode(args[i], r);
  const all = () => args.flatMap((a) => flat(evalNode(a, r)));
  const nums = () => all().filter((x): x is number => typeof x === 'number');
  switch (name) {
    case 'HYPERLINK':
      return args.length > 1 ? str(ev(1)) : str(ev(0));
    case 'SUM':
      return nums().reduce((s, x) => s + x, 0);
    case 'COUNT':
      return nums().length;
    case 'COUNTA':
      return all().filter((x) => x !== '').length;
    case 'AVERAGE': {
      const xs = nums();
      if (!xs.length) throw new FErr('#DIV/0!');
      return xs.reduce((s, x) => s + x, 0) / xs.length;
    }
    case 'MIN':
      return nums().length ? Math.min(...nums()) : 0;
    case 'MAX':
      return nums().length ? Math.max(...nums()) : 0;
    case 'ROUND': {
      const f = Math.pow(10, args.length > 1 ? num(ev(1)) : 0);
      return Math.round(num(ev(0)) * f) / f;
    }
    case 'IF':
      return truthy(ev(0)) ? ev(1) : args.length > 2 ? ev(2) : false;
    case 'IFERROR':
      try {
        return scalar(ev(0));
      } catch {
        return args.length > 1 ? ev(1) : '';
      }
    case 'AND':
      return args.every((_, i) => truthy(ev(i)));
    case 'OR':
      return args.some((_, i) => truthy(ev(i)));
    case 'NOT':
      return !truthy(ev(0));
    case 'CONCATENATE':
    case 'CONCAT':
      return all().map((x) => str(x)).join('');
    case 'LEN':
      return str(ev(0)).length;
    case 'UPPER':
      return str(ev(0)).toUpperCase();
    case 'LOWER':
      return str(ev(0)).toLowerCase();
    case 'TRIM':
      return str(ev(0)).trim().replace(/\s+/g, ' ');
    case 'ABS':
      return Math.abs(num(ev(0)));
    default:
      throw new FErr('#NAME?');
  }
}

/** Evaluates "=..." to a scalar; errors come back as their Sheets error strings. */
export function evaluateFormula(formula: string, resolve: Resolver): Scalar {
  try {
    return scalar(evalNode(parse(lex(formula.replace(/^=/, ''))), resolve));
  } catch (e) {
    if (e instanceof FErr) return e.code;
    return '#ERROR!';
  }
}
