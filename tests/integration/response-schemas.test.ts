import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

// Every route answers through a response schema of src/contract/ (or src/domain/*-contract.ts):
// the server serializes through it (a field it does not list never leaves), the OpenAPI document
// shows it, and the web app's types are inferred from it. Read from the published OpenAPI
// document, so a route added later is checked without touching this file.
//
// The routes below have none yet (issue 7, "one typed contract"). The list may only shrink: a new
// route without a response schema fails, and so does a listed route that gained one (strike it).
// JSON answers without a response schema yet.
const WITHOUT_RESPONSE_SCHEMA: readonly string[] = [
];
// Answers that are not JSON of ours (files, PDFs, spreadsheets, XML, redirects, Open311's own formats):
// described in their summary, still to be declared with their content type.
const NOT_JSON: readonly string[] = [
  'GET /api/v1/auth/vneid/callback',
  'GET /api/v1/auth/vneid/start',
  'GET /api/v1/certifications/register.pdf',
  'GET /api/v1/documents/{id}/file',
  'GET /api/v1/dossiers/{code}/forms/apology.pdf',
  'GET /api/v1/dossiers/{code}/forms/control-slip.pdf',
  'GET /api/v1/dossiers/{code}/forms/receipt.pdf',
  'GET /api/v1/dossiers/{code}/forms/refusal.pdf',
  'GET /api/v1/dossiers/{code}/forms/stop.pdf',
  'GET /api/v1/dossiers/{code}/forms/supplement.pdf',
  'GET /api/v1/feedback/photos/{id}',
  'GET /api/v1/files/{id}',
  'GET /api/v1/forms/register.pdf',
  'GET /api/v1/indicators/export',
  'GET /api/v1/indicators/report.pdf',
  'GET /api/v1/interop/handovers/{code}/documents/{documentId}',
  'GET /api/v1/interop/schema/status-event.json',
  'GET /api/v1/projects/brief.pdf',
  'GET /api/v1/projects/export.xlsx',
  'GET /api/v1/projects/{id}/files/{fileId}',
  'GET /api/v1/public/files/{fileId}',
  'GET /open311/v2/discovery.json',
  'GET /open311/v2/discovery.xml',
  'GET /open311/v2/requests.json',
  'GET /open311/v2/requests.xml',
  'GET /open311/v2/requests/{file}',
  'GET /open311/v2/services.json',
  'GET /open311/v2/services.xml',
  'GET /open311/v2/services/{file}',
  'GET /open311/v2/tokens/{file}',
  'POST /open311/v2/requests.json',
  'POST /open311/v2/requests.xml',
];

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };

let t: TestApp;
let lacking: string[];
beforeAll(async () => {
  t = await startTestApp();
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, Operation>> }>();
  lacking = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      // A declared 204 has no body to describe; without any schema the document says only 200 "Default Response".
      const schemas = Object.entries(op.responses ?? {}).filter(([status, r]) => status === '204' || (/^[23]\d\d$/.test(status) && r.content && Object.values(r.content).some((c) => c.schema)));
      if (schemas.length === 0) lacking.push(`${method.toUpperCase()} ${path}`);
    }
  }
  lacking.sort();
});
afterAll(() => t?.close());

it('has a response schema on every route but the listed ones', () => {
  expect(lacking).toEqual([...WITHOUT_RESPONSE_SCHEMA, ...NOT_JSON].sort());
});
