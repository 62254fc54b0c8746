import { API_BASE, apiPath, api, errorFromBody, getCsrfToken, networkError } from '../../api/client';
import type { DocumentList, DocumentView, PublicDocumentView, VerifyFileAnswer } from '@domain/signed-document.schemas.ts';

export type { DocumentList, DocumentView, PublicDocumentView, VerifyFileAnswer };

// Paths double as useApi cache keys.
export const documentApi = {
  verify: (id: string) => apiPath(`/public/verify/${encodeURIComponent(id)}`),
  mine: () => apiPath('/me/documents'),
  ofDossier: (code: string) => apiPath(`/dossiers/${encodeURIComponent(code)}/signed-documents`),
};

/**
 * Sends a PDF to be checked against the document issued (the file is not stored).
 * @throws {ApiError} VERIFY_FILE_REQUIRED, DOCUMENT_NOT_FOUND, FILE_TOO_LARGE, a network error
 */
export async function checkFile(id: string, file: File): Promise<VerifyFileAnswer> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = getCsrfToken();
  if (token) headers['x-csrf-token'] = token;
  let res: Response;
  try {
    res = await fetch(`${API_BASE}/public/verify/${encodeURIComponent(id)}`, { method: 'POST', body: form, headers, credentials: 'same-origin' });
  } catch {
    throw networkError();
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw errorFromBody(res.status, body);
  return body as VerifyFileAnswer;
}

/** @throws {ApiError} FORBIDDEN, DOCUMENT_ALREADY_REVOKED, VALIDATION_FAILED */
export function revokeDocument(id: string, reason: string): Promise<DocumentView> {
  return api.post<DocumentView>(`/documents/${encodeURIComponent(id)}/revoke`, { reason });
}
