// Nhật ký wording for the staff: values by their field's kind (dd/mm/yyyy, 80.000.000 đ), changes as "Nhãn: cũ → mới".
import { labelOf, type ColumnKind, type SheetDef } from './record-type';
import { FIELD_LABELS } from './messages';
import { formatMoney, formatNumber, isoToVn } from './vn-format';
import type { Settings } from './types';

/** What an empty value reads as in the log: a change from nothing must still say so. */
export const EMPTY_TEXT = '(trống)';

const isEmpty = (v: unknown) => v === '' || v === null || v === undefined || (Array.isArray(v) && !v.length);

/** One value as the staff read it: dates dd/mm/yyyy, money in đồng, numbers grouped (years not). */
export function valueText(kind: ColumnKind | 'bool' | undefined, v: unknown, plain = false): string {
  if (isEmpty(v)) return EMPTY_TEXT;
  if (Array.isArray(v)) return v.map((x) => valueText(kind, x, plain)).join(', ');
  if (typeof v === 'boolean') return v ? 'có' : 'không';
  if (typeof v === 'number') return kind === 'money' ? formatMoney(v) : plain ? String(v) : formatNumber(v);
  const s = String(v);
  if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(s)) return isoToVn(s) || s;
  if (kind === 'money' && /^\d+$/.test(s)) return formatMoney(Number(s));
  return s;
}

/** A column's value text, by its declaration (a year is written 2024, never 2.024). */
function columnText(def: SheetDef, key: string, v: unknown): string {
  const c = def.columns.find((x) => x.key === key);
  return valueText(c ? c.kind : undefined, v, !!c && c.format === '0');
}

/** The value of a field of a record, for a row of the log ("Ngày: 15/03/2024"). */
export function fieldText(def: SheetDef, key: string, v: unknown): string {
  return `${labelOf(def, key)}: ${columnText(def, key, v)}`;
}

const same = (a: unknown, b: unknown) => (isEmpty(a) && isEmpty(b)) || String(a ?? '') === String(b ?? '');

/**
 * "Giai đoạn: Dự thảo → Đã gửi thẩm định; Số thẩm định: (trống) → 75.000.000 đ": only the fields
 * (of `keys`, else every declared column) whose value changed, labelled as the sheet's header says.
 */
export function changesText(def: SheetDef, before: object, after: object, keys?: readonly string[]): string {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const out: string[] = [];
  for (const k of keys || def.columns.map((c) => c.key)) {
    if (same(a[k], b[k])) continue;
    out.push(`${labelOf(def, k)}: ${columnText(def, k, a[k])} → ${columnText(def, k, b[k])}`);
  }
  return out.join('; ');
}

/** Parts of the settings that are objects, by their Vietnamese labels (the sidebar's words). */
const SETTING_PARTS: Record<string, Record<string, { label: string; kind?: ColumnKind | 'bool' }>> = {
  decision: {
    number: { label: 'Số quyết định' },
    date: { label: 'Ngày quyết định', kind: 'date' },
    issuer: { label: 'Người ký quyết định' },
  },
  schedule: {
    enabled: { label: 'Bật gửi tự động', kind: 'bool' },
    hour: { label: 'Giờ chạy' },
    weeklyDay: { label: 'Tóm tắt hằng tuần vào thứ' },
    monthlyDay: { label: 'Báo cáo tháng gửi vào ngày' },
    formalReports: { label: 'Lập dự thảo sơ kết, tổng kết để duyệt', kind: 'bool' },
  },
};

const WEEKDAYS = ['tắt', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'];

function partText(part: string, key: string, v: unknown): string {
  if (part === 'schedule' && key === 'weeklyDay' && typeof v === 'number') return WEEKDAYS[v] || String(v);
  if (part === 'schedule' && key === 'monthlyDay' && v === 0) return 'tắt';
  if (part === 'schedule' && key === 'hour' && typeof v === 'number') return `${v} giờ`;
  return valueText(SETTING_PARTS[part][key].kind, v, true);
}

/** "Họ tên người ký: (trống) → Nguyễn Văn An; Giờ chạy: 7 giờ → 8 giờ": each changed setting, never raw JSON. */
export function settingsChanges(before: Settings, after: Settings): string {
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  const out: string[] = [];
  for (const k of Object.keys(b)) {
    const parts = SETTING_PARTS[k];
    if (parts) {
      const x = (a[k] || {}) as Record<string, unknown>;
      const y = (b[k] || {}) as Record<string, unknown>;
      for (const p of Object.keys(parts)) if (!same(x[p], y[p])) out.push(`${parts[p].label}: ${partText(k, p, x[p])} → ${partText(k, p, y[p])}`);
      continue;
    }
    if (JSON.stringify(a[k] ?? null) === JSON.stringify(b[k] ?? null) || (isEmpty(a[k]) && isEmpty(b[k]))) continue;
    const label = Object.prototype.hasOwnProperty.call(FIELD_LABELS, k) ? FIELD_LABELS[k] : k;
    out.push(`${label}: ${valueText(undefined, a[k], true)} → ${valueText(undefined, b[k], true)}`);
  }
  return out.join('; ');
}
