// Writes a core DocModel into a new Google Doc with the Docs API advanced service: two calls whatever its length.
import { buildDocRequests } from '../core/docs-requests';
import type { DocModel } from '../core/report-model';

/**
 * Creates the document and fills it with one batchUpdate, which Docs applies all or nothing. If the
 * batchUpdate fails, the error propagates and the empty document stays: the caller has written
 * nothing yet (no register row, no number used), so a retry issues the same number into a new file.
 */
export function renderDocWithApi(docs: GoogleAppsScript.Docs, model: DocModel): { id: string; url: string } {
  const doc = docs.Documents.create({ title: model.title });
  const id = doc.documentId as string;
  // The typings predate updateDocumentStyle, updateTableCellStyle and updateTableColumnProperties.
  const requests = buildDocRequests(model) as unknown as GoogleAppsScript.Docs.Schema.Request[];
  docs.Documents.batchUpdate({ requests }, id);
  return { id, url: `https://docs.google.com/document/d/${id}/edit` };
}
