// Sidebar "Kiểm tra dữ liệu": lists the problems getDataProblems finds and jumps to each cell.
import { $, call, clear, el, hideBanner, showBanner, whileBusy, type ResultOf } from './common';

type Problem = ResultOf<'getDataProblems'>['problems'][number];

function problemItem(p: Problem): HTMLLIElement {
  const li = el('li', { class: 'card problem', 'data-sheet': p.sheet, 'data-a1': p.a1 });
  const head = el('div', { class: 'card-head' });
  const where = [p.sheet, p.row ? `dòng ${p.row}` : '', p.column ? `cột ${p.column}` : ''].filter(Boolean).join(' · ');
  head.appendChild(el('span', { class: 'where' }, where));
  const go = el('button', { type: 'button', class: 'link', 'data-action': 'goto', 'aria-label': `Đi tới ${p.sheet} ${p.a1}` }, 'Đi tới');
  go.addEventListener('click', () => void goTo(p));
  if (p.a1) head.appendChild(go);
  li.appendChild(head);
  li.appendChild(el('div', { class: 'msg' }, p.message));
  return li;
}

async function goTo(p: Problem): Promise<void> {
  const r = await whileBusy(() => call('goToCell', p.sheet, p.a1));
  if (!r.ok) showBanner('error', r.message);
}

async function check(): Promise<void> {
  hideBanner();
  $('summary').textContent = 'Đang kiểm tra…';
  $('summary').className = 'muted';
  const r = await whileBusy(() => call('getDataProblems'));
  const list = $('problems');
  clear(list);
  if (!r.ok) {
    $('summary').textContent = '';
    showBanner('error', r.message);
    return;
  }
  const problems = r.problems || [];
  if (!problems.length) {
    $('summary').textContent = 'Không có lỗi nào.';
    $('summary').className = 'ok-note';
    return;
  }
  $('summary').textContent = `Tìm thấy ${problems.length} lỗi. Sửa ô được chỉ ra rồi bấm "Kiểm tra lại".`;
  for (const p of problems) list.appendChild(problemItem(p));
}

$('recheck').addEventListener('click', () => void check());
void check();
