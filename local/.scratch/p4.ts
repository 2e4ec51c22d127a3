import { LocalState } from '../state';
const st = new LocalState({ stateDir: '/tmp/proto/st4', reset: true, now: new Date('2024-07-05T09:00:00+07:00') });
const run = (fn: string, ...args: unknown[]) => { const r = st.run(fn, args, { kind: 'sidebar' }); if (!r.ok) throw new Error(r.error!.message); return r.value as any; };
console.log(run('logEvent', { targetCode: 'P2.1', date: '2024-03-12', title: 'Tư vấn phản biện đề án', quantity: 2, cost: 1250000 }).ok);
console.log(JSON.stringify(st.google.sheetValues(st.spreadsheetId, 'Tổng hợp').filter(r => String(r[0]).startsWith('P2'))));
const e = st.edit('Hoạt động', 3, 5, 'Hoạt động nhập tay'); console.log(e.ok, e.error);
const sh = st.google.state.spreadsheets[st.spreadsheetId].sheets.find(s => s.name === 'Hoạt động')!;
console.log(JSON.stringify(sh.rows[2]?.filter(Boolean).filter((c: any) => c.note || c.bg)));
