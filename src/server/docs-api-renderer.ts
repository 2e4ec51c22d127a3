// Writes a core DocModel into a new Google Doc: the Docs API in a few bounded batches, or DocumentApp when the API refuses.
import { buildDocRequests, splitBatches } from '../core/docs-requests';
import type { DocModel } from '../core/report-model';
import { renderDoc } from './docs-renderer';
import { apiOpen, refused } from './roads';
import type { Ctx } from './context';
import type { Services } from './services';

export interface Rendered {
  id: string;
  url: string;
  road: 'api' | 'classic';
  /** batchUpdate calls made (API road). */
  batches: number;
}

/**
 * Creates the document and fills it with consecutive batchUpdates (docs-requests.ts BATCH_LIMITS). If one
 * fails, the document is put in the trash (best effort, `discard`) and the error propagates: the caller has
 * written nothing yet (no register row, no number used), so a retry issues the same number into a new file,
 * and the user's Drive keeps no half-written "Báo cáo".
 */
export function renderDocWithApi(docs: GoogleAppsScript.Docs, model: DocModel, discard?: (id: string) => void): { id: string; url: string; batches: number } {
  const doc = docs.Documents.create({ title: model.title });
  const id = doc.documentId as string;
  // The typings predate updateDocumentStyle, updateTableCellStyle and updateTableColumnProperties.
  const batches = splitBatches(buildDocRequests(model)) as unknown as GoogleAppsScript.Docs.Schema.Request[][];
  try {
    for (const requests of batches) docs.Documents.batchUpdate({ requests }, id);
  } catch (e) {
    try {
      if (discard) discard(id);
    } catch {
      // Leaving the file is the lesser harm; the user's error is the batchUpdate's.
    }
    throw e;
  }
  return { id, url: `https://docs.google.com/document/d/${id}/edit`, batches: batches.length };
}

/**
 * Puts a document the add-on made in the trash. The Drive advanced service accepts the drive.file scope for
 * files the add-on created; DriveApp (the fallback when the service is not installed) needs the full drive scope.
 */
export function trashDocument(svc: Services, id: string): void {
  if (svc.Drive) svc.Drive.Files.update({ trashed: true }, id);
  else svc.DriveApp.getFileById(id).setTrashed(true);
}

/** DocumentApp: one call per paragraph or attribute, saved and closed so that it can be exported at once. */
export function renderDocClassic(svc: Services, model: DocModel): { id: string; url: string } {
  const doc = renderDoc(svc.DocumentApp, model);
  doc.saveAndClose();
  return { id: doc.getId(), url: doc.getUrl() };
}

/**
 * The document on the road that works: the Docs API while it is open, DocumentApp when it refuses (that
 * document only for a 400; the workbook remembers a 403/404, roads.ts). Transient errors propagate as before.
 */
export function renderOnRoad(ctx: Ctx, model: DocModel): Rendered {
  if (ctx.svc.Docs && apiOpen(ctx, 'docs')) {
    try {
      return { ...renderDocWithApi(ctx.svc.Docs, model, (id) => trashDocument(ctx.svc, id)), road: 'api' };
    } catch (e) {
      if (!refused(ctx, 'docs', e, 'văn bản này')) throw e;
    }
  }
  return { ...renderDocClassic(ctx.svc, model), road: 'classic', batches: 0 };
}
