// Test entry: the add-on plus one record type declared only here ("Chuyến thăm"), to prove a declaration alone is enough.
import { defineRecordType, field } from '../../src/core/record-type';
import { registerRecordType } from '../../src/core/sheets';
import { respond } from '../../src/server/respond';
import { globalServices } from '../../src/server/services';
import { openContext } from '../../src/server/context';
import { loadRecords } from '../../src/server/repo';

export * from '../../src/main';

/** Field visits to member associations: nothing in src/ knows this sheet. */
export const VISITS = defineRecordType({
  key: 'visits',
  name: 'Chuyến thăm',
  color: '#00796b',
  id: { key: 'id', prefix: 'CT', width: 3 },
  checked: 'edits',
  compute: (r) => ({ total: typeof r.people === 'number' && typeof r.cost === 'number' ? r.people * r.cost : null }),
  columns: [
    field('id', 'Mã', 'text', { required: true, width: 100, auto: () => '' }),
    field('year', 'Năm', 'int', { required: true, format: '0', auto: (r) => (typeof r.date === 'string' && r.date ? +r.date.slice(0, 4) : null) }),
    field('targetCode', 'Mã chỉ tiêu', 'text', {
      required: true,
      list: { from: { sheet: 'targets', column: 'code' }, help: 'Chọn mã chỉ tiêu có trong trang "Chỉ tiêu".' },
      ref: { sheet: 'targets', column: 'code', code: 'unknownTarget', sameYear: true },
      input: true,
    }),
    field('date', 'Ngày', 'date', { required: true, input: true }),
    field('place', 'Nơi đến', 'text', { required: true, max: 100, input: true }),
    field('mode', 'Hình thức', 'text', { list: { choices: ['Trực tiếp', 'Trực tuyến'], help: 'Trực tiếp hoặc Trực tuyến.' }, input: true }),
    field('people', 'Số người', 'int', { min: 1, max: 50, input: true }),
    field('cost', 'Chi phí mỗi người', 'money', { input: true }),
    field('total', 'Tổng chi', 'money', { computed: true }),
  ],
});

registerRecordType(VISITS);

/** A header-mapped read of the new sheet, as a domain action would make it. */
export function listVisits(): unknown {
  return respond(() => ({ ok: true as const, items: loadRecords(openContext(globalServices()), VISITS).items }));
}
