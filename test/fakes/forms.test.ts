// The FormApp fake: a member association's form, its responses, and the response tab Google keeps in the workbook.

import { createGoogle, formState, respondToForm } from '../../fakes';

const T0 = new Date('2026-03-10T02:00:00Z'); // 09:00 in Hà Nội

function setup(opts: { locale?: string } = {}) {
  const google = createGoogle(opts);
  google.clock.set(T0);
  const exec = google.newExecution({ kind: 'sidebar' });
  return { google, exec, g: google.gas(exec) };
}

function activityForm(g: ReturnType<typeof setup>['g']) {
  const form = g.FormApp.create('Báo cáo kết quả hoạt động của hội thành viên');
  form.setDescription('Quý I năm 2026').setCollectEmail(true).setAllowResponseEdits(false);
  const assoc = form.addTextItem().setTitle('Mã hội').setRequired(true);
  const kind = form.addMultipleChoiceItem().setTitle('Loại hoạt động').setChoiceValues(['Hội nghị tập huấn', 'Hội thảo khoa học']);
  const fields = form.addCheckboxItem().setTitle('Lĩnh vực').setChoiceValues(['Nông nghiệp', 'Y tế', 'Môi trường']);
  const day = form.addDateItem().setTitle('Ngày tổ chức');
  const people = form.addTextItem().setTitle('Số người tham dự');
  return { form, assoc, kind, fields, day, people };
}

describe('FormApp', () => {
  test('an admin creates the activity-report form; its links and settings read back as Google gives them', () => {
    const { g } = setup();
    const { form, kind } = activityForm(g);
    expect(form.getTitle()).toBe('Báo cáo kết quả hoạt động của hội thành viên');
    expect(form.getEditUrl()).toBe(`https://docs.google.com/forms/d/${form.getId()}/edit`);
    expect(form.getPublishedUrl()).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/1FAIpQLS[\w-]+\/viewform$/);
    expect(form.collectsEmail()).toBe(true);
    expect(form.canEditResponse()).toBe(false);
    expect(form.getItems().map((i) => [i.getTitle(), i.getType()])).toEqual([
      ['Mã hội', 'TEXT'],
      ['Loại hoạt động', 'MULTIPLE_CHOICE'],
      ['Lĩnh vực', 'CHECKBOX'],
      ['Ngày tổ chức', 'DATE'],
      ['Số người tham dự', 'TEXT'],
    ]);
    const generic = form.getItems()[1];
    expect(generic.asMultipleChoiceItem().getChoices().map((c) => c.getValue())).toEqual(['Hội nghị tập huấn', 'Hội thảo khoa học']);
    expect(() => generic.asTextItem()).toThrow('Invalid conversion for item type: MULTIPLE_CHOICE.');
    expect(() => kind.createResponse('Tham quan')).toThrow('Invalid response submitted to item: Tham quan');
    expect(() => form.getDestinationId()).toThrow('The form currently has no response destination.');
  });

  test('a form is open only to its owner and the editors it names', () => {
    const { google, g } = setup();
    const form = g.FormApp.create('Phiếu khảo sát');
    const other = google.gas(google.newExecution({ user: 'trigger-owner@lhh.example.vn' }));
    expect(() => other.FormApp.openById(form.getId())).toThrow('No item with the given ID could be found, or you do not have permission to access it.');
    form.addEditors(['Trigger-Owner@lhh.example.vn', 'staff@lhh.example.vn']);
    expect(form.getEditors().map((u) => u.getEmail())).toEqual(['admin@lhh.example.vn', 'trigger-owner@lhh.example.vn', 'staff@lhh.example.vn']);
    const theirs = other.FormApp.openByUrl(form.getEditUrl());
    theirs.setAcceptingResponses(false);
    expect(form.isAcceptingResponses()).toBe(false);
  });

  test('responses land in a new first tab "Câu trả lời biểu mẫu 1" with timestamp, email and one column per question', () => {
    const { google, exec, g } = setup();
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    const { form, assoc, kind, fields, day, people } = activityForm(g);
    form.setDestination(g.FormApp.DestinationType.SPREADSHEET, ss.getId());
    expect(form.getDestinationId()).toBe(ss.getId());
    expect(google.sheetNames(ss.getId())).toEqual(['Câu trả lời biểu mẫu 1', 'Sheet1']);
    const tab = ss.getSheetByName('Câu trả lời biểu mẫu 1')!;
    expect(tab.getFormUrl()).toBe(`https://docs.google.com/forms/d/${form.getId()}/viewform`);
    expect(ss.getSheetByName('Sheet1')!.getFormUrl()).toBeNull();
    expect(google.sheetValues(ss.getId(), 'Câu trả lời biểu mẫu 1')).toEqual([['Dấu thời gian', 'Địa chỉ email', 'Mã hội', 'Loại hoạt động', 'Lĩnh vực', 'Ngày tổ chức', 'Số người tham dự']]);

    // An association answers on the web page: its email is collected.
    respondToForm(exec, form.getId(), 'hoinongnghiep@gmail.com', {
      [assoc.getId()]: 'HNN',
      [kind.getId()]: 'Hội nghị tập huấn',
      [fields.getId()]: ['Nông nghiệp', 'Môi trường'],
      [day.getId()]: new Date('2026-03-05T03:00:00Z'),
      [people.getId()]: '120',
    });
    expect(google.sheetValues(ss.getId(), 'Câu trả lời biểu mẫu 1')[1]).toEqual([new Date('2026-03-10T02:00:00Z'), 'hoinongnghiep@gmail.com', 'HNN', 'Hội nghị tập huấn', 'Nông nghiệp, Môi trường', new Date('2026-03-04T17:00:00Z'), 120]);
    expect(tab.getRange('A2').getDisplayValue()).toBe('10/03/2026 09:00:00');
    expect(tab.getRange('F2').getDisplayValue()).toBe('05/03/2026');

    const [resp] = form.getResponses();
    expect(resp.getRespondentEmail()).toBe('hoinongnghiep@gmail.com');
    expect(resp.getTimestamp().getTime()).toBe(T0.getTime());
    expect(resp.getItemResponses().map((r) => [r.getItem().getTitle(), r.getResponse()])).toEqual([
      ['Mã hội', 'HNN'],
      ['Loại hoạt động', 'Hội nghị tập huấn'],
      ['Lĩnh vực', ['Nông nghiệp', 'Môi trường']],
      ['Ngày tổ chức', '2026-03-05'],
      ['Số người tham dự', '120'],
    ]);
  });

  test('a renamed question renames its column at the next response; a new question gets the next column', () => {
    const { google, g } = setup();
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    const form = g.FormApp.create('Phiếu đăng ký nhu cầu tập huấn, hội thảo năm 2026');
    const topic = form.addTextItem().setTitle('Chủ đề');
    form.setDestination(g.FormApp.DestinationType.SPREADSHEET, ss.getId());
    form.createResponse().withItemResponse(topic.createResponse('Nuôi tôm')).submit();
    topic.setTitle('Chủ đề tập huấn');
    const place = form.addListItem().setTitle('Xã/phường').setChoiceValues(['Phường 1', 'Xã An Bình']);
    google.clock.advance(60_000);
    const r = form.createResponse().withItemResponse(place.createResponse('Xã An Bình')).withItemResponse(topic.createResponse('Trồng lúa'));
    r.submit();
    // A script's own response carries no email, and the form was not collecting any.
    expect(r.getRespondentEmail()).toBe('');
    expect(google.sheetValues(ss.getId(), 'Câu trả lời biểu mẫu 1')).toEqual([
      ['Dấu thời gian', 'Chủ đề tập huấn', 'Xã/phường'],
      [new Date('2026-03-10T02:00:00Z'), 'Nuôi tôm', ''],
      [new Date('2026-03-10T02:01:00Z'), 'Trồng lúa', 'Xã An Bình'],
    ]);
  });

  test('in an English workbook the tab and headers are Google\'s English ones; a second form gets tab 2', () => {
    const { google, g } = setup({ locale: 'en_US' });
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    const a = g.FormApp.create('A').setCollectEmail(true);
    a.addParagraphTextItem().setTitle('Need');
    a.setDestination(g.FormApp.DestinationType.SPREADSHEET, ss.getId());
    const b = g.FormApp.create('B');
    b.setDestination(g.FormApp.DestinationType.SPREADSHEET, ss.getId());
    expect(google.sheetNames(ss.getId())).toEqual(['Form Responses 2', 'Form Responses 1', 'Sheet1']);
    expect(google.sheetValues(ss.getId(), 'Form Responses 1')).toEqual([['Timestamp', 'Email Address', 'Need']]);
    expect(ss.getSheetByName('Form Responses 2')!.getFormUrl()).toContain(b.getId());
  });

  test('a pre-filled link carries the recipient code under the entry number, not the item id', () => {
    const { g } = setup();
    const form = g.FormApp.create('Phiếu khảo sát nhu cầu ứng dụng, chuyển giao công nghệ năm 2026');
    const code = form.addTextItem().setTitle('Mã đơn vị');
    const url = form.createResponse().withItemResponse(code.createResponse('XA 07')).toPrefilledUrl();
    expect(url).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/1FAIpQLS[\w-]+\/viewform\?usp=pp_url&entry\.\d+=XA\+07$/);
    expect(url).not.toContain(`entry.${code.getId()}=`);
    expect(form.getResponses()).toEqual([]);
  });

  test('a closed form refuses responses; calls are counted and faults are injected like the other services', () => {
    const { google, exec, g } = setup();
    const form = g.FormApp.create('Đăng ký dự thi');
    const name = form.addTextItem().setTitle('Họ và tên');
    google.resetCalls();
    form.setAcceptingResponses(false);
    expect(() => form.createResponse().withItemResponse(name.createResponse('Nguyễn Văn A')).submit()).toThrow('This form is no longer accepting responses.');
    expect(() => respondToForm(exec, form.getId(), 'a@x.vn', { [name.getId()]: 'B' })).toThrow('This form is no longer accepting responses.');
    expect(formState(google, form.getId())!.responses).toEqual([]);
    google.failOn('FormApp.Form.setAcceptingResponses', 1);
    expect(() => form.setAcceptingResponses(true)).toThrow("We're sorry, a server error occurred. Please wait a bit and try again.");
    expect(form.isAcceptingResponses()).toBe(false);
    expect(google.calls()).toEqual({
      'FormApp.Form.setAcceptingResponses': 2,
      'FormApp.Form.createResponse': 1,
      'FormApp.Item.createResponse': 1,
      'FormApp.FormResponse.withItemResponse': 1,
      'FormApp.FormResponse.submit': 1,
      'FormApp.Form.isAcceptingResponses': 1,
      // The test's own respondToForm arguments: form.getId() twice, name.getId() once.
      'FormApp.Form.getId': 2,
      'FormApp.Item.getId': 1,
    });
  });

  test('a simple trigger may not open forms', () => {
    const google = createGoogle();
    const g = google.gas(google.newExecution({ kind: 'simpleTrigger' }));
    expect(() => g.FormApp.create('X')).toThrow('You do not have permission to call FormApp.create. Required permissions: https://www.googleapis.com/auth/forms');
  });
});
