import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

// Every route answers through a response schema of src/contract/ (or src/domain/*-contract.ts):
// the server serializes through it (a field it does not list never leaves), the OpenAPI document
// shows it, and the web app's types are inferred from it. Read from the published OpenAPI
// document, so a route added later is checked without touching this file.
//
// A route that answers no JSON of ours (a file, a PDF, a spreadsheet, XML, Open311's formats) declares
// its content types (src/contract/bodies.ts), and a redirect its status: the document names both.
// The list below may only shrink: a new route without a response declaration fails, and so does a
// listed route that gained one (strike it).
const WITHOUT_RESPONSE_SCHEMA: readonly string[] = [];

type Operation = { responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }> };

let t: TestApp;
let lacking: string[];
let doc: { paths: Record<string, Record<string, Operation>> };
beforeAll(async () => {
  t = await startTestApp();
  doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, Operation>> }>();
  lacking = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      // A declared 204 has no body to describe, nor a declared redirect (its description says where to);
      // without any declaration the document says only 200 "Default Response".
      const schemas = Object.entries(op.responses ?? {}).filter(
        ([status, r]) => status === '204' || (/^30[1-8]$/.test(status) && Boolean(r.description)) || (/^[23]\d\d$/.test(status) && r.content && Object.values(r.content).some((c) => c.schema)),
      );
      if (schemas.length === 0) lacking.push(`${method.toUpperCase()} ${path}`);
    }
  }
  lacking.sort();
});
afterAll(() => t?.close());

it('has a response schema on every route but the listed ones', () => {
  expect(lacking).toEqual([...WITHOUT_RESPONSE_SCHEMA].sort());
});

it('names the content types of what is not JSON of ours, and the redirects', () => {
  const types = (path: string, method: string, status: string) => Object.keys(doc.paths[path]?.[method]?.responses?.[status]?.content ?? {});
  expect(types('/api/v1/dossiers/{code}/forms/receipt.pdf', 'get', '200')).toEqual(['application/pdf']);
  expect(types('/api/v1/indicators/export', 'get', '200')).toEqual(['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
  expect(types('/api/v1/files/{id}', 'get', '200')).toEqual(['*/*']);
  expect(types('/open311/v2/requests.xml', 'get', '200')).toEqual(['text/xml']);
  expect(types('/open311/v2/requests/{file}', 'get', '200')).toEqual(['application/json', 'text/xml']);
  expect(types('/api/v1/interop/schema/status-event.json', 'get', '200')).toEqual(['application/schema+json']);
  expect(doc.paths['/api/v1/auth/vneid/start']?.['get']?.responses?.['303']?.description).toBe('Chuyển sang VNeID / to the identity provider');
});
