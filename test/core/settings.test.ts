// Settings: the template's defaults, what the Cài đặt sidebar may change, and who is an admin.
import { AppError } from '../../src/core/errors';
import { blankSettings, defaultSettings, isAdmin, isEmail, validateSettings } from '../../src/core/settings';
import type { Settings } from '../../src/core/types';

const current: Settings = { ...defaultSettings(2024), admins: ['admin@lhh.example.vn'] };

function problems(input: unknown, base: Settings = current): Record<string, string> {
  try {
    validateSettings(input, base);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return Object.fromEntries(Object.entries(e.fields).map(([k, p]) => [k, p.code]));
  }
  throw new Error('the settings were accepted');
}

describe('the settings a new workbook starts with', () => {
  test('the Bắc Giang template names its union, UBND, Sở KH&CN and Sở Tài chính, and its 2024 decision', () => {
    const s = defaultSettings();
    expect(s).toMatchObject({
      orgName: 'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Giang',
      parentOrgName: 'UBND tỉnh Bắc Giang',
      place: 'Bắc Giang',
      orgCode: 'LHH',
      reportRecipientName: 'Sở Khoa học và Công nghệ tỉnh Bắc Giang',
      budgetRecipientName: 'Sở Tài chính tỉnh Bắc Giang',
      planYear: 2024,
      schedule: { enabled: false, hour: 7, weeklyDay: 0, monthlyDay: 0, formalReports: true },
    });
    expect(s.admins).toEqual([]);
  });

  test('a blank template for another province assumes no organisation and no decision', () => {
    const s = blankSettings(2025);
    expect(s).toMatchObject({ orgName: '', parentOrgName: '', place: '', planYear: 2025, reportRecipientName: 'Sở Khoa học và Công nghệ', budgetRecipientName: 'Sở Tài chính', decision: { number: '', date: '', issuer: '' } });
  });

  test('each call gives its own copy: changing one workbook’s decision leaves the template alone', () => {
    const a = defaultSettings();
    a.decision.number = '99/QĐ-LHH';
    expect(defaultSettings().decision.number).not.toBe('99/QĐ-LHH');
  });
});

describe('an admin changes the settings', () => {
  test('a patch changes only what it names; lists are trimmed, lower-cased and deduplicated', () => {
    const s = validateSettings({ signerName: '  Nguyễn Văn Bình ', reportRecipients: ['So.KHCN@bacgiang.gov.vn', 'so.khcn@bacgiang.gov.vn '] }, current);
    expect(s.signerName).toBe('Nguyễn Văn Bình');
    expect(s.reportRecipients).toEqual(['so.khcn@bacgiang.gov.vn']);
    expect(s.orgName).toBe('Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Giang');
  });

  test('a list typed as one line, separated by commas, semicolons or spaces, is split', () => {
    expect(validateSettings({ budgetRecipients: 'stc@bacgiang.gov.vn; ketoan@lhh.example.vn, vp@lhh.example.vn' }, current).budgetRecipients).toEqual(['stc@bacgiang.gov.vn', 'ketoan@lhh.example.vn', 'vp@lhh.example.vn']);
  });

  test('turning the schedule on keeps the parts of it the patch does not mention', () => {
    expect(validateSettings({ schedule: { enabled: true, monthlyDay: 6 } }, current).schedule).toEqual({ enabled: true, hour: 7, weeklyDay: 0, monthlyDay: 6, formalReports: true });
  });

  test('the decision’s date is checked as a calendar date', () => {
    expect(validateSettings({ decision: { date: '2024-02-29' } }, current).decision.date).toBe('2024-02-29');
    expect(problems({ decision: { date: '2023-02-29' } })).toEqual({ decision: 'invalidDate' });
  });
});

describe('what the settings refuse, naming the field', () => {
  test('an address that is not an email, in any list', () => {
    expect(problems({ reportRecipients: ['so.khcn@bacgiang.gov.vn', 'so khcn'] })).toEqual({ reportRecipients: 'invalidEmail' });
    expect(problems({ admins: 'admin@lhh' })).toEqual({ admins: 'invalidEmail' });
  });

  test('removing the last admin: someone must be able to change the settings again', () => {
    expect(problems({ admins: [] })).toEqual({ admins: 'emptyList' });
  });

  test('a send hour of 24, a weekly day of 8, a monthly day of 29 (not every month has one)', () => {
    expect(problems({ schedule: { hour: 24, weeklyDay: 8, monthlyDay: 29 } })).toEqual({ schedule: 'invalidHour' });
    expect(problems({ schedule: { weeklyDay: 8 } })).toEqual({ schedule: 'invalidType' });
    expect(problems({ schedule: { monthlyDay: 29 } })).toEqual({ schedule: 'invalidType' });
  });

  test('an empty organisation name, a name past 200 characters, a lower-case ký hiệu', () => {
    expect(problems({ orgName: '   ' })).toEqual({ orgName: 'required' });
    expect(problems({ orgName: 'x'.repeat(201) })).toEqual({ orgName: 'tooLong' });
    expect(problems({ orgCode: 'lhh' })).toEqual({ orgCode: 'invalidType' });
  });

  test('a plan year outside 2000–2100 or with a fraction', () => {
    expect(problems({ planYear: 1999 })).toEqual({ planYear: 'invalidType' });
    expect(problems({ planYear: 2024.5 })).toEqual({ planYear: 'notInteger' });
  });

  test('a setting that does not exist, and a patch that is not an object', () => {
    expect(problems({ theme: 'dark' })).toEqual({ theme: 'unknownField' });
    expect(problems('orgName=x')).toEqual({ settings: 'invalidType' });
  });

  test('a key named like an object’s own machinery is refused, not obeyed', () => {
    const p = problems(JSON.parse('{"__proto__": {"admins": []}}'));
    expect(Object.entries(p)).toEqual([['__proto__', 'unknownField']]);
    expect(current.admins).toEqual(['admin@lhh.example.vn']);
  });
});

describe('who is an admin', () => {
  test('the address is compared without case or surrounding spaces', () => {
    expect(isAdmin(current, ' Admin@LHH.example.vn ')).toBe(true);
    expect(isAdmin(current, 'canbo@lhh.example.vn')).toBe(false);
  });
  test('an unknown user (an empty address, as in a simple trigger) is no admin', () => {
    expect(isAdmin(current, '')).toBe(false);
  });
  test('emails are told apart from near misses', () => {
    expect([isEmail('so.khcn@bacgiang.gov.vn'), isEmail('so.khcn@bacgiang'), isEmail('a b@c.vn'), isEmail('<a@b.vn>')]).toEqual([true, false, false, false]);
  });
});
