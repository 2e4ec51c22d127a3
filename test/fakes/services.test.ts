// Mail quota, properties/cache limits, triggers and their owners, Utilities, HtmlService, Drive, persistence.

import { createGoogle, inspectPdf, loadGoogle } from '../../fakes';

const T0 = new Date('2025-03-10T01:00:00Z');

function g0(user?: string) {
  const google = createGoogle({ htmlFiles: { sidebar: '<h1>Hi <?= name ?></h1><?!= raw ?>' } });
  google.clock.set(T0);
  return { google, g: google.gas(google.newExecution({ kind: 'menu', user })) };
}

describe('MailApp', () => {
  test('quota counts every To/Cc/Bcc address and resets the next day', () => {
    const { google, g } = g0();
    expect(g.MailApp.getRemainingDailyQuota()).toBe(100);
    g.MailApp.sendEmail({ to: 'a@x.vn, b@x.vn', cc: 'c@x.vn', bcc: 'd@x.vn', subject: 'Báo cáo', body: 'nội dung', attachments: [g.Utilities.newBlob('abc', 'text/plain', 'a.txt')] });
    g.MailApp.sendEmail('e@x.vn', 'S', 'B', { htmlBody: '<b>B</b>', name: 'LHH' });
    expect(g.MailApp.getRemainingDailyQuota()).toBe(95);
    const [m1, m2] = google.outbox;
    expect(m1.to).toBe('a@x.vn,b@x.vn');
    expect(Buffer.from(m1.attachments[0].bytes).toString()).toBe('abc');
    expect(m2.htmlBody).toBe('<b>B</b>');
    expect(m2.sentAt.getTime()).toBe(T0.getTime());
    expect(() => g.MailApp.sendEmail('not-an-email', 's', 'b')).toThrow('Invalid email: not-an-email');
    const many = Array.from({ length: 95 }, (_, i) => `u${i}@x.vn`).join(',');
    g.MailApp.sendEmail(many, 's', 'b');
    expect(() => g.MailApp.sendEmail('z@x.vn', 's', 'b')).toThrow('Service invoked too many times for one day: email.');
    google.clock.advance(24 * 3600 * 1000);
    expect(g.MailApp.getRemainingDailyQuota()).toBe(100);
    expect(google.calls()['MailApp.sendEmail']).toBe(5);
  });
});

describe('PropertiesService and CacheService', () => {
  test('per-user stores, 9 KB value limit, document store per container', () => {
    const { google, g } = g0();
    const p = g.PropertiesService.getScriptProperties();
    p.setProperty('a', '1').setProperties({ b: '2' });
    expect(p.getProperties()).toEqual({ a: '1', b: '2' });
    expect(p.getKeys()).toEqual(['a', 'b']);
    expect(() => p.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    g.PropertiesService.getUserProperties().setProperty('me', 'admin');
    const other = google.gas(google.newExecution({ user: 'staff@lhh.example.vn' }));
    expect(other.PropertiesService.getUserProperties().getProperty('me')).toBeNull();
    expect(other.PropertiesService.getScriptProperties().getProperty('a')).toBe('1');
    g.PropertiesService.getDocumentProperties().setProperty('sid', 'x');
    expect(google.state.properties.document[google.activeSpreadsheetId!]).toEqual({ sid: 'x' });
    // The call that threw is counted too.
    expect(google.calls()['PropertiesService.Properties.setProperty']).toBe(4);
  });

  test('cache entries expire on the simulated clock; 100 KB limit', () => {
    const { google, g } = g0();
    const c = g.CacheService.getScriptCache();
    c.put('k', 'v', 60);
    c.putAll({ a: '1', b: '2' });
    expect(c.getAll(['a', 'b', 'zz'])).toEqual({ a: '1', b: '2' });
    google.clock.advance(61_000);
    expect(c.get('k')).toBeNull();
    expect(c.get('a')).toBe('1');
    expect(() => c.put('big', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
  });
});

describe('ScriptApp triggers', () => {
  test('triggers belong to their creator and are invisible to others', () => {
    const { google, g } = g0();
    const t = g.ScriptApp.newTrigger('runSchedule').timeBased().everyDays(1).atHour(7).nearMinute(15).create();
    expect(t.getHandlerFunction()).toBe('runSchedule');
    expect(t.getEventType()).toBe(g.ScriptApp.EventType.CLOCK);
    expect(g.ScriptApp.getProjectTriggers().map((x) => x.getUniqueId())).toEqual([t.getUniqueId()]);
    expect(() => g.ScriptApp.newTrigger('again').timeBased().everyHours(1).create()).toThrow(/too many time-based triggers/);
    const staff = google.gas(google.newExecution({ user: 'staff@lhh.example.vn' }));
    expect(staff.ScriptApp.getProjectTriggers()).toEqual([]);
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    expect(g.ScriptApp.getUserTriggers(ss).length).toBe(1);
    expect(staff.ScriptApp.getUserTriggers(ss).length).toBe(0);
    g.ScriptApp.newTrigger('onEditHandler').forSpreadsheet(ss).onEdit().create();
    expect(g.ScriptApp.getProjectTriggers().length).toBe(2);

    // Daily at 07:15 Asia/Ho_Chi_Minh = 00:15 UTC.
    const due = google.dueTriggers(new Date('2025-03-10T00:00:00Z'), new Date('2025-03-12T00:00:00Z'));
    expect(due.map((d) => [d.handler, d.owner, d.at.toISOString()])).toEqual([
      ['runSchedule', 'admin@lhh.example.vn', '2025-03-11T00:15:00.000Z'],
    ]);
    g.ScriptApp.deleteTrigger(t);
    expect(g.ScriptApp.getProjectTriggers().length).toBe(1);
  });

  test('a timeTrigger execution runs as the trigger owner, with the trigger document for document properties', () => {
    const { google, g } = g0();
    const t = g.ScriptApp.newTrigger('job').timeBased().everyHours(1).create();
    g.PropertiesService.getDocumentProperties().setProperty('k', 'v');
    const tg = google.gas(google.newExecution({ kind: 'timeTrigger', triggerUid: t.getUniqueId() }));
    expect(tg.Session.getActiveUser().getEmail()).toBe('admin@lhh.example.vn');
    expect(tg.PropertiesService.getDocumentProperties().getProperty('k')).toBe('v');
  });
});

describe('Utilities, Session, Logger, HtmlService, Drive', () => {
  test('formatDate in any IANA zone', () => {
    const { g } = g0();
    const d = new Date('2024-12-31T18:30:00Z');
    expect(g.Utilities.formatDate(d, 'Asia/Ho_Chi_Minh', 'dd/MM/yyyy HH:mm:ss EEE')).toBe('01/01/2025 01:30:00 Wed');
    expect(g.Utilities.formatDate(d, 'America/New_York', "yyyy-MM-dd'T'HH:mmXXX")).toBe('2024-12-31T13:30-05:00');
    expect(g.Session.getScriptTimeZone()).toBe('Asia/Ho_Chi_Minh');
  });

  test('sleep advances the clock; blobs and base64', () => {
    const { google, g } = g0();
    g.Utilities.sleep(5000);
    expect(google.clock.now().getTime()).toBe(T0.getTime() + 5000);
    const b = g.Utilities.newBlob('Xin chào', 'text/plain', 'x.txt');
    expect(b.getDataAsString()).toBe('Xin chào');
    expect(g.Utilities.newBlob(g.Utilities.base64Decode(g.Utilities.base64Encode('đ'))).getDataAsString()).toBe('đ');
    expect(b.copyBlob().setName('y.txt').getName()).toBe('y.txt');
    expect(g.Utilities.computeDigest(g.Utilities.DigestAlgorithm.MD5, 'a').length).toBe(16);
  });

  test('HtmlService files and templates', () => {
    const { g } = g0();
    expect(() => g.HtmlService.createHtmlOutputFromFile('nope')).toThrow('No HTML file named nope was found.');
    const t = g.HtmlService.createTemplateFromFile('sidebar') as GoogleAppsScript.HTML.HtmlTemplate & { name: string; raw: string };
    t.name = '<b>';
    t.raw = '<i>x</i>';
    const out = t.evaluate().setTitle('LHH');
    expect(out.getContent()).toBe('<h1>Hi &lt;b&gt;</h1><i>x</i>');
    expect(out.getTitle()).toBe('LHH');
  });

  test('Logger and console record per execution', () => {
    const google = createGoogle();
    const exec = google.newExecution();
    const g = google.gas(exec);
    g.Logger.log('n=%s', 3);
    g.console.warn('careful', { a: 1 });
    expect(exec.logs.map((l) => [l.level, l.message])).toEqual([
      ['log', 'n=3'],
      ['warn', 'careful {"a":1}'],
    ]);
  });

  test('Drive finds docs, spreadsheets and created files', () => {
    const { google, g } = g0();
    const doc = g.DocumentApp.create('Báo cáo');
    doc.getBody().appendParagraph('x');
    doc.saveAndClose();
    const f = g.DriveApp.getFileById(doc.getId());
    expect(f.getName()).toBe('Báo cáo');
    expect(inspectPdf(new Uint8Array(f.getAs('application/pdf').getBytes())).ok).toBe(true);
    const folder = g.DriveApp.createFolder('Reports');
    const file = folder.createFile(g.Utilities.newBlob('a,b', 'text/csv', 'x.csv'));
    expect(g.DriveApp.getFileById(file.getId()).getBlob().getDataAsString()).toBe('a,b');
    f.moveTo(folder);
    expect(folder.getFiles().hasNext()).toBe(true);
    expect(g.DriveApp.getFileById(google.activeSpreadsheetId!).getMimeType()).toBe('application/vnd.google-apps.spreadsheet');
    expect(() => g.DriveApp.getFileById('nope')).toThrow(/No item with the given ID could be found/);
  });
});

describe('persistence', () => {
  test('toJSON / loadGoogle round trip keeps sheets, docs, mail, properties and triggers', () => {
    const { google, g } = g0();
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    ss.getSheets()[0].getRange('A1:B1').setValues([[new Date('2025-01-01T00:00:00Z'), 'x']]);
    g.PropertiesService.getScriptProperties().setProperty('a', 'b');
    g.MailApp.sendEmail('a@x.vn', 's', 'b', { attachments: [g.Utilities.newBlob([1, 2, 255], 'application/octet-stream', 'b.bin')] });
    g.ScriptApp.newTrigger('job').timeBased().everyHours(1).create();
    const doc = g.DocumentApp.create('D');
    doc.getBody().appendParagraph('hello');
    const json = JSON.parse(JSON.stringify(google.toJSON()));
    const again = loadGoogle(json);
    expect(again.sheetValues(ss.getId(), 'Sheet1')).toEqual([[new Date('2025-01-01T00:00:00Z'), 'x']]);
    expect(again.outbox[0].attachments[0].bytes).toEqual(new Uint8Array([1, 2, 255]));
    expect(again.document(doc.getId()).body.map((n) => ('text' in n ? n.text : ''))).toEqual(['', 'hello']);
    const g2 = again.gas(again.newExecution());
    expect(g2.PropertiesService.getScriptProperties().getProperty('a')).toBe('b');
    expect(g2.ScriptApp.getProjectTriggers().length).toBe(1);
    expect(again.clock.now().getTime()).toBe(T0.getTime());
    expect(g2.SpreadsheetApp.getActiveSpreadsheet().getId()).toBe(ss.getId());
  });
});
