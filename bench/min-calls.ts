// The fewest service calls each action could possibly make: one read per sheet it needs, one write per block it changes, plus what it cannot do without.
import { MENU_ITEMS } from '../src/server/menu';

/** One term of a minimum: how many calls, and why the action cannot do without them. */
export interface Term {
  n: number;
  why: string;
}

/** Sheets every action over the plan needs: Chương trình, Chỉ tiêu, Hoạt động, Kinh phí. */
const DATA_SHEETS = 4;

const open: Term = { n: 1, why: 'open the spreadsheet (getActiveSpreadsheet, or openById in a trigger)' };
const settings: Term = { n: 1, why: 'read the settings (one document property)' };
const user: Term = { n: 1, why: "read the user's email (rights, audit)" };
const lock: Term = { n: 2, why: 'take and release the document lock' };
const reads: Term = { n: DATA_SHEETS, why: 'read Chương trình, Chỉ tiêu, Hoạt động, Kinh phí (one getValues each)' };
const audit: Term = { n: 1, why: 'append one audit row' };
const register: Term = { n: 1, why: 'read Sổ văn bản' };
const nextNumber: Term = { n: 1, why: 'read the admin-set next number (one property)' };
const registerAppend: Term = { n: 1, why: 'append the register row' };

/**
 * A new document is one block, written whole: create it, then write its content. The Docs API takes
 * page setup, every paragraph, table and style in batchUpdates, so counting a write per paragraph (as
 * DocumentApp needs) would let a chatty renderer look minimal. The add-on bounds each batch
 * (BATCH_LIMITS in src/core/docs-requests.ts: 500 requests or 256 KB): the fewest writes are the
 * batches that bound forces, `batches` (1 when the run made none, as on the DocumentApp road).
 */
export function docTerms(blocks: { paragraphs: number; tables: number; pageBreaks: number; batches?: number }): Term[] {
  const n = Math.max(1, blocks.batches || 0);
  return [
    { n: 1, why: 'create the document' },
    {
      n,
      why: `write its content in ${n === 1 ? 'one batch' : `${n} batches of at most 500 requests or 256 KB`} (${blocks.paragraphs} paragraphs, ${blocks.tables} tables, ${blocks.pageBreaks} page breaks, page setup and styles)`,
    },
  ];
}

const send: Term[] = [
  { n: 1, why: 'read the remaining mail quota' },
  { n: 1, why: 'open the saved document' },
  { n: 1, why: 'export it as PDF (getAs)' },
  { n: 2, why: 'register state before and after the send ("Đang gửi", "Đã gửi")' },
  { n: 1, why: 'sendEmail' },
  { n: 1, why: 'audit row of the send' },
];

export type Blocks = { paragraphs: number; tables: number; pageBreaks: number; batches?: number };

/** The minimum of each action, as terms; `doc` is the block count of the document the action made. */
export function minimumTerms(action: string, doc: Blocks | null): Term[] {
  const d = doc ? docTerms(doc) : [];
  switch (action) {
    case 'onOpen':
      return [
        { n: 2, why: 'getUi and createAddonMenu' },
        { n: MENU_ITEMS.length, why: `${MENU_ITEMS.filter(Boolean).length} menu items and ${MENU_ITEMS.filter((x) => !x).length} separators` },
        { n: 1, why: 'addToUi' },
      ];
    case 'sidebarLoad':
      return [
        { n: 3, why: 'showLogSidebar: create the HTML output, getUi, showSidebar' },
        open,
        settings,
        user,
        reads,
      ];
    case 'logEvent':
      return [
        open,
        settings,
        user,
        lock,
        reads,
        { n: 1, why: 'read the locked periods (one property)' },
        { n: 1, why: 'append the event row' },
        { n: 1, why: 'write "Đã thực hiện" and "Tỷ lệ (%)" of Chỉ tiêu (adjacent: one block)' },
        { n: 1, why: 'write "Đã chi" of Kinh phí' },
        { n: 1, why: 'write the dashboard values (formats and charts unchanged: in place)' },
        audit,
      ];
    case 'getProgress':
      return [open, settings, reads];
    case 'dashboardRefresh':
      return [
        open,
        settings,
        reads,
        { n: 4, why: 'dashboard values, font weights, backgrounds, number formats (one call each)' },
        { n: 2, why: 'two charts (insert or update in place)' },
        { n: 1, why: 'toast' },
      ];
    case 'yearlyReport':
    case 'budgetDocument':
      return [open, settings, user, lock, reads, register, nextNumber, ...d, registerAppend, audit];
    case 'sendReport':
      return [open, settings, user, lock, reads, register, ...send, { n: 1, why: 'record the reported period as locked (one property)' }];
    case 'scheduledRun':
      return [
        { n: 1, why: "read the trigger's home (one user property)" },
        open,
        settings,
        { n: 2, why: 'read and update the trigger record (one property each)' },
        lock,
        reads,
        register,
        nextNumber,
        ...d,
        registerAppend,
        audit,
        ...send,
      ];
    // Registers and dossiers (issue 15): the same terms, over the sheets each action needs.
    case 'expertSearch':
      return [open, settings, user, { n: 3, why: 'read Chuyên gia, Hội thành viên, Cơ quan đơn vị' }];
    case 'saveExpert':
      return [open, settings, user, lock, { n: 3, why: 'read Chuyên gia, Hội thành viên, Cơ quan đơn vị' }, { n: 1, why: 'append the expert row' }, audit];
    case 'dossierView':
      return [open, settings, user, { n: 8, why: 'read the seven registers and Sổ văn bản' }];
    case 'saveDossier':
      return [open, settings, user, lock, { n: 10, why: 'read the seven registers, Chương trình, Chỉ tiêu, Sổ văn bản' }, { n: 1, why: 'append the dossier row' }, audit];
    case 'savePanel':
      return [open, settings, user, lock, { n: 8, why: 'read the seven registers and Sổ văn bản' }, { n: 1, why: 'append the panel rows (one block)' }, { n: 1, why: 'write the dossier row' }, audit];
    case 'sendDossierAnswer':
      return [
        open,
        settings,
        user,
        lock,
        { n: 12, why: 'read the seven registers, the four data sheets and Sổ văn bản' },
        nextNumber,
        ...d,
        registerAppend,
        ...send,
        { n: 1, why: 'append the counted event' },
        { n: 1, why: 'write the dossier row' },
        { n: 3, why: 'computed columns of Chỉ tiêu, Kinh phí and the dashboard values' },
      ];
    default:
      throw new Error(`no minimum for ${action}`);
  }
}

export function minimum(action: string, doc: Blocks | null): number {
  return minimumTerms(action, doc).reduce((a, t) => a + t.n, 0);
}
