/** A dossier for the tracking page, filed through the API with the benchmark's client. */
import { randomBytes } from 'node:crypto';
import { completeFormData, getProcedure, login, mandatoryDocuments, submissionBody, submitOnce, uploadFile } from '../bench/client.ts';
import { PROCEDURE_CODE } from './shared.ts';

/** A small valid PDF (the server checks the file's signature, not its name). */
function tinyPdf(): Blob {
  const pdf = [
    '%PDF-1.4',
    '%\u00e2\u00e3\u00cf\u00d3',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    `% lighthouse ${randomBytes(8).toString('hex')}`,
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n');
  return new Blob([Buffer.from(pdf, 'latin1')], { type: 'application/pdf' });
}

/** Signs in as the demo citizen, uploads a PDF and files procedure 1.001193; returns the dossier code. */
export async function fileDossier(baseUrl: string): Promise<string> {
  const session = await login(baseUrl);
  const fileId = await uploadFile(baseUrl, session, tinyPdf(), 'giay-chung-sinh.pdf');
  const proc = await getProcedure(baseUrl, PROCEDURE_CODE);
  return submitOnce(baseUrl, session, submissionBody(proc, completeFormData(proc), mandatoryDocuments(proc), [fileId, fileId]));
}
