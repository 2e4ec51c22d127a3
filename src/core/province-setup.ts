// Settings of a new province's workbook, from the decision its staff pasted: who issues reports, where, to whom, under which decision.
import type { DecisionParse } from './decision-import';
import { blankSettings } from './settings';
import type { Settings } from './types';

/**
 * Blank settings filled from the decision: the LHH of that province or city as the issuing body, its UBND as
 * the parent body, the province as the place of the date line, its Sở KH&CN and Sở Tài chính for "Kính gửi",
 * and the decision the reports cite. Null when the text names no province (the user must type it in settings).
 */
export function provinceSettings(parse: DecisionParse, year: number): Settings | null {
  const province = parse.decision.province;
  if (!province) return null;
  const unit = `${parse.level ?? 'tỉnh'} ${province}`;
  const d = parse.decision;
  // "Chủ tịch UBND tỉnh" as the signature names it: the report cites it with the province's name.
  const issuer = /(?:tỉnh|thành phố)$/u.test(d.issuer) ? `${d.issuer} ${province}` : d.issuer || `UBND ${unit}`;
  return {
    ...blankSettings(year),
    orgName: `Liên hiệp các Hội Khoa học và Kỹ thuật ${unit}`,
    parentOrgName: `UBND ${unit}`,
    place: province,
    reportRecipientName: `Sở Khoa học và Công nghệ ${unit}`,
    budgetRecipientName: `Sở Tài chính ${unit}`,
    decision: { number: d.number, date: d.date || '', issuer },
  };
}
