// Demands on the built bundle: staff type one from a letter; the forms review turns accepted answers into demands once per response key.
import { join } from 'node:path';
import { world, type World } from '../support/bundle';
import { variantBundle } from '../support/variant-bundle';

const code = () => variantBundle(join(__dirname, '..', 'support', 'demands-entry.ts'));
const NEED = { topic: 'Ứng dụng chế phẩm sinh học xử lý phụ phẩm nông nghiệp', field: 'Nông nghiệp', scale: '50 hộ', audience: 'Hộ trồng lúa', locality: 'Xã Tân Yên', quarter: 'Quý 2', proposerCode: 'X-TANYEN', proposerName: 'UBND xã Tân Yên' };

describe('demands enter the sheet "Nhu cầu"', () => {
  let w: World;
  beforeAll(() => {
    w = world({ code: code(), now: '2024-03-12T09:00:00+07:00' });
  });

  test('a training demand typed from a letter of the gardening association gets NC-2024-0001, source "Nhập tay"', () => {
    const r = w.call('saveDemand', { demandKind: 'Tập huấn', topic: 'Kỹ thuật trồng bưởi hữu cơ', field: 'Nông nghiệp', participants: '120', locality: 'Phường Bắc Giang', quarter: 'Quý II', proposerName: 'Hội Làm vườn tỉnh', note: 'Công văn số 12/HLV ngày 05/3/2024' });
    expect(r).toMatchObject({ ok: true, code: 'NC-2024-0001', total: 1 });
    const rows = w.sheet('Nhu cầu');
    const head = rows[0] as string[];
    const at = (k: string) => rows[1][head.indexOf(k)];
    expect([at('Mã nhu cầu'), at('Năm'), at('Loại nhu cầu'), at('Số người dự kiến'), at('Quý mong muốn'), at('Nguồn'), at('Trạng thái')]).toEqual(['NC-2024-0001', 2024, 'Tập huấn', 120, 'Quý II', 'Nhập tay', 'Mới']);
    const log = w.sheet('Nhật ký');
    expect(log[log.length - 1].slice(2, 4)).toEqual(['Thêm nhu cầu', 'NC-2024-0001']);
  });

  test('a bad demand is refused field by field in Vietnamese, nothing written', () => {
    const before = JSON.stringify(w.sheet('Nhu cầu'));
    const r = w.call('saveDemand', { demandKind: 'Tập huấn', topic: '', participants: -3, quarter: 'Quý V' });
    expect(r).toMatchObject({ ok: false, code: 'invalidInput' });
    expect(r.errors).toEqual({
      topic: 'Nội dung, chủ đề: Bắt buộc nhập.',
      participants: 'Số người tham dự: Không được là số âm.',
      quarter: 'Quý: Chọn một trong: Quý I, Quý II, Quý III, Quý IV.',
      proposerName: 'Đơn vị đề xuất: Bắt buộc nhập.',
    });
    expect(JSON.stringify(w.sheet('Nhu cầu'))).toBe(before);
  });

  test('an accepted commune answer becomes a technology-transfer need; the same response key again makes nothing new', () => {
    const first = w.call('acceptDemandResponse', 'Chuyển giao công nghệ', NEED, 'X-TANYEN|2024-03-11T08:15:00');
    expect(first).toMatchObject({ ok: true, code: 'NC-2024-0002', created: true });
    const again = w.call('acceptDemandResponse', 'Chuyển giao công nghệ', NEED, 'X-TANYEN|2024-03-11T08:15:00');
    expect(again).toMatchObject({ ok: true, code: 'NC-2024-0002', created: false });
    const rows = w.sheet('Nhu cầu');
    expect(rows).toHaveLength(3);
    const head = rows[0] as string[];
    expect(rows[2][head.indexOf('Nguồn')]).toBe('X-TANYEN|2024-03-11T08:15:00');
    expect(rows[2][head.indexOf('Quý mong muốn')]).toBe('Quý II');
  });

  test('a batch: good answers written together, a bad one named by field, a key repeated in the batch made once', () => {
    const r = w.call('acceptDemandResponses', [
      { kind: 'Hội thảo', answers: { topic: 'Chuyển đổi số trong y tế cơ sở', field: 'Y tế', proposerCode: 'HTV-02' }, responseKey: 'HTV-02|2024-03-11T09:00:00' },
      { kind: 'Hội thảo', answers: { topic: '', proposerCode: 'HTV-03' }, responseKey: 'HTV-03|2024-03-11T09:05:00' },
      { kind: 'Tập huấn', answers: { topic: 'Sơ cấp cứu', proposerCode: 'HTV-04' }, responseKey: 'HTV-04|2024-03-11T09:10:00' },
      { kind: 'Tập huấn', answers: { topic: 'Sơ cấp cứu', proposerCode: 'HTV-04' }, responseKey: 'HTV-04|2024-03-11T09:10:00' },
      { kind: 'Du lịch', answers: { topic: 'Du lịch cộng đồng', proposerCode: 'HTV-05' }, responseKey: 'HTV-05|2024-03-11T09:20:00' },
      { kind: 'Tập huấn', answers: { topic: 'Sơ cấp cứu', proposerCode: 'HTV-06' }, responseKey: 42 },
    ]);
    expect(r.results).toEqual([
      { ok: true, code: 'NC-2024-0003', created: true },
      { ok: false, problems: { topic: { code: 'required' } } },
      { ok: true, code: 'NC-2024-0004', created: true },
      { ok: true, code: 'NC-2024-0004', created: false },
      { ok: false, problems: { demandKind: { code: 'invalidChoice', params: { choices: 'Tập huấn, Hội thảo, Chuyển giao công nghệ' } } } },
      { ok: false, problems: { responseKey: { code: 'badResponseKey' } } },
    ]);
    expect(w.sheet('Nhu cầu')).toHaveLength(5);
    const log = w.sheet('Nhật ký');
    expect(log[log.length - 1].slice(2, 4)).toEqual(['Thêm nhu cầu từ biểu mẫu', 'NC-2024-0003, NC-2024-0004']);
  });

  test('answers as the forms review reads them: the form kind, the pre-filled code, the contact line left in the response tab', () => {
    const answers = { recipientCode: 'HTV-01', demandKind: 'Hội thảo', topic: 'Giống lúa chịu hạn', participants: '1.200', quarter: 'Quý III', contact: 'Ông Nguyễn Văn An, 0912 345 678', consent: 'Tôi đồng ý' };
    expect(w.call('acceptDemandResponse', 'training', answers, 'BM-2024-001|HTV-01|2024-03-11T10:00:00Z')).toMatchObject({ ok: true, code: 'NC-2024-0005', created: true });
    const rows = w.sheet('Nhu cầu');
    const head = rows[0] as string[];
    const last = rows[rows.length - 1];
    expect([last[head.indexOf('Loại nhu cầu')], last[head.indexOf('Mã đơn vị đề xuất')], last[head.indexOf('Số người dự kiến')]]).toEqual(['Hội thảo', 'HTV-01', 1200]);
    expect(JSON.stringify(rows)).not.toContain('0912 345 678');
    expect(w.call('acceptDemandResponse', 'techNeeds', { recipientCode: 'P-BACGIANG', topic: 'Xử lý nước thải làng nghề' }, 'BM-2024-002|P-BACGIANG|2024-03-11T10:05:00Z')).toMatchObject({ ok: true, code: 'NC-2024-0006' });
    expect(w.sheet('Nhu cầu')[6][head.indexOf('Loại nhu cầu')]).toBe('Chuyển giao công nghệ');
  });

  test('bad answers through the single entry give the field messages and write nothing', () => {
    const r = w.call('acceptDemandResponse', 'Tập huấn', { topic: 'x'.repeat(301), proposerName: 'Hội Y học' }, 'HTV-07|2024-03-11T10:00:00');
    expect(r).toMatchObject({ ok: false, code: 'invalidInput', message: 'Nội dung, chủ đề: Quá dài (tối đa 300 ký tự).' });
    expect(w.sheet('Nhu cầu')).toHaveLength(7);
  });
});
