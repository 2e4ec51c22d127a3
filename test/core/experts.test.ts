// The expert register: diacritics-free search, checks with one message per field, Excel paste, anonymising.
import { anonymiseExpert, checkExpert, displayName, foldVn, nextExpertCode, parseExpertPaste, searchExperts, type Expert, type Organisation } from '../../src/core/experts';

const orgs: Organisation[] = [
  { code: 'STNMT', name: 'Sở Tài nguyên và Môi trường tỉnh Bắc Giang', email: 'stnmt@bacgiang.gov.vn', note: '' },
  { code: 'DHNL', name: 'Trường Đại học Nông Lâm Bắc Giang', email: '', note: '' },
];
const lists = { fields: ['Quản lý đất đai', 'Môi trường', 'Nông nghiệp', 'Y tế'], organisations: orgs, associations: [{ code: 'HTV-01', name: 'Hội Khoa học Đất', fields: [], kind: 'Hội thành viên', chair: '', members: null, admittedDate: '', state: 'Đang hoạt động', note: '' }] };

function expert(code: string, name: string, extra: Partial<Expert> = {}): Expert {
  return { code, name, academicTitle: '', degree: 'TS', fields: ['Môi trường'], speciality: '', workplaceCode: '', workplace: '', position: '', associationCode: '', scope: 'Trong tỉnh', consent: true, consentDate: '2024-01-10', note: '', state: 'Đang hoạt động', ...extra };
}

const register = [
  expert('CG-0001', 'Nguyễn Văn Đức', { fields: ['Quản lý đất đai'], associationCode: 'HTV-01' }),
  expert('CG-0002', 'Trần Thị Bình', { fields: ['Nông nghiệp', 'Môi trường'] }),
  expert('CG-0003', 'Nguyễn Văn An', { state: 'Ngừng hoạt động' }),
  expert('CG-0004', 'Lê Nguyễn Vân', { fields: ['Y tế'] }),
];

describe('search', () => {
  test('"nguyen van" finds Nguyễn Văn Đức and Lê Nguyễn Vân without typing the diacritics, not the inactive one', () => {
    expect(searchExperts(register, { text: 'nguyen van' }).items.map((e) => e.name)).toEqual(['Nguyễn Văn Đức', 'Lê Nguyễn Vân']);
    expect(searchExperts(register, { text: 'nguyen van', includeInactive: true }).items.map((e) => e.name)).toEqual(['Nguyễn Văn An', 'Nguyễn Văn Đức', 'Lê Nguyễn Vân']);
  });
  test('đ is folded to d, and typed diacritics still match', () => {
    expect(foldVn('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(searchExperts(register, { text: 'duc' }).items.map((e) => e.code)).toEqual(['CG-0001']);
    expect(searchExperts(register, { text: 'Bình' }).items.map((e) => e.code)).toEqual(['CG-0002']);
  });
  test('by field and by association', () => {
    expect(searchExperts(register, { field: 'moi truong' }).items.map((e) => e.code)).toEqual(['CG-0002']);
    expect(searchExperts(register, { associationCode: 'HTV-01' }).items.map((e) => e.code)).toEqual(['CG-0001']);
    expect(searchExperts(register, { text: 'y te' }).items.map((e) => e.code)).toEqual(['CG-0004']);
  });
});

describe('checks', () => {
  test('a complete expert: fields matched to the controlled list, workplace named from its code, consent dated today', () => {
    const r = checkExpert({ name: ' Phạm Minh Hòa ', academicTitle: 'PGS', degree: 'TS', fields: 'quan ly dat dai; Môi trường', workplaceCode: 'DHNL', consent: true, phone: '0912 345 678', email: 'Hoa@Example.vn' }, lists, '2024-03-01');
    expect(r.problems).toEqual({});
    expect(r.expert).toMatchObject({ name: 'Phạm Minh Hòa', fields: ['Quản lý đất đai', 'Môi trường'], workplace: 'Trường Đại học Nông Lâm Bắc Giang', consentDate: '2024-03-01', state: 'Đang hoạt động' });
    expect(r.contact).toEqual({ phone: '0912 345 678', email: 'hoa@example.vn', address: '' });
    expect(displayName(r.expert)).toBe('PGS.TS. Phạm Minh Hòa');
  });
  test('one problem per field', () => {
    const r = checkExpert({ name: '', academicTitle: 'Giáo sư', fields: ['Thiên văn'], workplaceCode: 'XYZ', email: 'không-phải-email', phone: 'abc', role: 'x' }, lists, '2024-03-01');
    expect(r.problems).toEqual({
      name: { code: 'required', params: {} },
      academicTitle: { code: 'invalidChoice', params: { choices: 'GS, PGS' } },
      fields: { code: 'unknownExpertField', params: { value: 'Thiên văn' } },
      workplaceCode: { code: 'unknownOrganisation', params: { value: 'XYZ' } },
      email: { code: 'invalidEmail', params: { value: 'không-phải-email' } },
      phone: { code: 'invalidPhone', params: {} },
      role: { code: 'unknownField', params: { value: 'role' } },
    });
  });
  test('codes follow on from the highest in use', () => {
    expect(nextExpertCode(['CG-0001', 'CG-0009', 'X-3'])).toBe('CG-0010');
    expect(nextExpertCode([])).toBe('CG-0001');
  });
});

test('a deletion request leaves "Chuyên gia CG-0007" and nothing else personal', () => {
  const a = anonymiseExpert(expert('CG-0007', 'Hoàng Văn Tám', { academicTitle: 'GS', workplaceCode: 'DHNL', workplace: 'Trường Đại học Nông Lâm Bắc Giang', speciality: 'Thổ nhưỡng', note: 'nghỉ hưu 2025' }));
  expect(a).toEqual({ code: 'CG-0007', name: 'Chuyên gia CG-0007', academicTitle: '', degree: '', fields: ['Môi trường'], speciality: '', workplaceCode: '', workplace: '', position: '', associationCode: '', scope: 'Trong tỉnh', consent: false, consentDate: '', note: '', state: 'Đã ẩn danh' });
});

describe('bulk paste from Excel', () => {
  const text = [
    'Họ và tên\tHọc hàm\tHọc vị\tLĩnh vực\tCơ quan công tác\tĐiện thoại\tEmail\tĐồng ý',
    'Vũ Thị Mai\t\tThS\tNông nghiệp\tTrường Đại học Nông Lâm Bắc Giang\t0987 111 222\tmai@example.vn\tcó',
    '\t\tTS\tMôi trường\t\t\t\t',
    'Đỗ Văn Hùng\tPGS\tTS\tMôi trường, Y tế\tSTNMT\t\tsai-email\tkhông',
    'Trần Thị Bình\t\tTS\tNông nghiệp\t\t\t\tcó',
    '',
  ].join('\n');
  const r = parseExpertPaste(text, { ...lists, existing: register }, '2024-05-02');
  test('the good row is kept with its workplace found by name', () => {
    expect(r.rows.map((x) => [x.line, x.expert.name, x.expert.workplaceCode, x.expert.consent, x.contact.email])).toEqual([[2, 'Vũ Thị Mai', 'DHNL', true, 'mai@example.vn']]);
  });
  test('every bad row is reported by line and field', () => {
    expect(r.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [3, 'name', 'required'],
      [4, 'email', 'invalidEmail'],
      [5, 'name', 'duplicateExpert'],
    ]);
  });
  test('without a header row the default column order is used', () => {
    const r2 = parseExpertPaste('Ngô Quang Huy\tGS\tTSKH\tY tế\t\tDHNL', { ...lists, existing: [] }, '2024-05-02');
    expect(r2.errors).toEqual([]);
    expect(r2.rows[0].expert).toMatchObject({ name: 'Ngô Quang Huy', academicTitle: 'GS', degree: 'TSKH', fields: ['Y tế'], workplaceCode: 'DHNL' });
  });
});
