// Concurrency of the consultations domain (interleavings.ts): its writing actions with each other and with the shared ones they touch (events, reports), at every sheet read and write.
import { interleavings, ok, one, sharedActions, sharedSeed, sidebar, type Action, type Ids } from './interleavings';
import { rowsOf } from './story';
import type { World } from '../support/bundle';

const STNMT = { code: 'STNMT', name: 'Sở Tài nguyên và Môi trường tỉnh Bắc Giang', email: 'stnmt@bacgiang.gov.vn' };
const DOSSIER = { consultKind: 'Phản biện', subject: 'Quy hoạch sử dụng đất tỉnh', requesterCode: 'STNMT', requestNumber: '125/STNMT-QLĐĐ', requestDate: '2024-04-02', deadline: '2024-04-30', fields: ['Quản lý đất đai'] };

function seed(w: World): Ids {
  const ids = sharedSeed(w);
  ok(w.call('saveOrganisation', STNMT));
  ok(w.call('saveExpert', { name: 'Trần Thị Bình', academicTitle: 'PGS', degree: 'TS', fields: ['Quản lý đất đai'], consent: true }));
  ok(w.call('saveExpert', { name: 'Lê Văn Cường', degree: 'ThS', fields: ['Quản lý đất đai'], consent: true }));
  const d1 = ok(w.call('saveDossier', DOSSIER)).code;
  ok(w.call('savePanel', d1, [{ expertCode: 'CG-0001', role: 'Chủ tịch hội đồng' }]));
  const d2 = ok(w.call('saveDossier', { ...DOSSIER, subject: 'Đề án phát triển vùng nguyên liệu' })).code;
  return { ...ids, d1, d2 };
}

const dossier = (g: Parameters<Action['landed']>[0], code: string) => rowsOf(g, 'Tư vấn phản biện').find((r) => r['Mã hồ sơ'] === code);

function actions(ids: Ids): Action[] {
  const mine: Action[] = [
    {
      name: 'saveDossier new',
      call: { fn: 'saveDossier', args: [{ ...DOSSIER, subject: 'Dự thảo quy hoạch đô thị song song' }], ctx: sidebar() },
      landed: (g) => one(rowsOf(g, 'Tư vấn phản biện'), 'new dossier', (r) => r['Tên đề án, dự thảo'] === 'Dự thảo quy hoạch đô thị song song'),
    },
    {
      name: 'savePanel D2',
      call: { fn: 'savePanel', args: [ids.d2, [{ expertCode: 'CG-0002', role: 'Phản biện' }]], ctx: sidebar() },
      landed: (g) => one(rowsOf(g, 'Thành viên hội đồng'), 'panel of D2', (r) => r['Mã hồ sơ'] === ids.d2),
    },
    {
      name: 'sendDossierAnswer D1',
      call: { fn: 'sendDossierAnswer', args: [ids.d1], ctx: sidebar() },
      landed: (g) => (dossier(g, ids.d1)?.['Trạng thái'] === 'Đã gửi kết quả' ? one(rowsOf(g, 'Hoạt động'), 'event of D1', (r) => String(r['Kết quả, ghi chú']).includes(ids.d1)) : 'D1 answer not recorded'),
    },
  ];
  const touched = sharedActions(ids).filter((a) => ['logEvent A', 'generateReport'].includes(a.name));
  return [...mine, ...touched];
}

const MINE = ['saveDossier new', 'savePanel D2', 'sendDossierAnswer D1'];
/** Its own actions with each other and with logEvent (both append events); the answer and a report both take a BC number. */
const pairs = (a: Action, b: Action) => {
  const names = [a.name, b.name];
  if (names.every((n) => MINE.includes(n))) return true;
  if (names.includes('logEvent A')) return names.some((n) => MINE.includes(n));
  return names.includes('generateReport') && names.includes('sendDossierAnswer D1');
};
const suite = interleavings({ label: 'dossiers', now: '2024-04-25T09:00:00+07:00', seed, actions, pairs });

test('dossier actions beside each other and beside events and reports: nothing lost, codes, ids and numbers unique, nothing written while waiting', () => {
  expect(suite.report()).toEqual([]);
  expect(suite.interleavings).toBeGreaterThan(20);
});
