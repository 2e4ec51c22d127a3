// The limits a record type declares (core/sheets.ts), put on its sidebar form's fields; the layout stays in the HTML.
import type { FormField } from '../core/record-type';

export function applyForm(fields: FormField[]): void {
  for (const f of fields) {
    const input = document.getElementById(f.key);
    if ((input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement) && f.max !== undefined && (f.kind === 'text' || f.kind === 'url')) input.maxLength = f.max;
  }
}
