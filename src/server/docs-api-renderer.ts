// Writes a core DocModel into a new Google Doc with the Docs API advanced service: two calls whatever its length.
import { buildDocRequests } from '../core/docs-requests';
import type { DocModel } from '../core/report-model';

/**
 * Creates the document and fills it with one batchUpdate, which Docs applies all or nothing. If the
 * batchUpdate fails, the empty document is put in the trash (best effort, `discard`) and the error
 * propagates: the caller has written nothing yet (no register row, no number used), so a retry
 * issues the same number into a new file, and the user's Drive keeps no empty "Báo cáo".
 */
export function renderDocWithApi(docs: GoogleAppsScript.Docs, model: DocModel, discard?: (id: string) => void): { id: string; url: string } {
  const doc = docs.Documents.create({ title: model.title });
  const id = doc.documentId as string;
  // The typings predate updateDocumentStyle, updateTableCellStyle and updateTableColumnProperties.
  const requests = buildDocRequests(model) as unknown as GoogleAppsScript.Docs.Schema.Request[];
  try {
    docs.Documents.batchUpdate({ requests }, id);
  } catch (e) {
    try {
      if (discard) discard(id);
    } catch {
      // Leaving an empty file is harmless; the user's error is the batchUpdate's.
    }
    throw e;
  }
  return { id, url: `https://docs.google.com/document/d/${id}/edit` };
}
