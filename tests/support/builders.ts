import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type TestApp } from './app.ts';
import { demoClients, type Client } from './client.ts';

/**
 * A small but real PDF: one blank A4 page, a readable structure (catalog, page tree, xref), unique
 * bytes each call unless `seed` is given, padded to about `sizeKb` kilobytes with a comment.
 */
export function pdfBytes(sizeKb = 2, seed?: string): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
  let out = `%PDF-1.4\n%\xe2\xe3\xcf\xd3\n%${seed ?? randomBytes(8).toString('hex')}\n`;
  out += `%${' '.repeat(Math.max(0, sizeKb * 1024 - 400))}\n`;
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export async function uploadPdf(client: Client, name = 'giay-to.pdf'): Promise<string> {
  const res = await client.upload(name, pdfBytes());
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

interface FormFieldLike {
  key: string;
  type: string;
  required: boolean;
  options?: { value: string }[];
}

/** A valid value for a form field of each type. */
export function sampleValue(f: FormFieldLike): string | number {
  switch (f.type) {
    case 'date':
      return '2026-02-20';
    case 'number':
      return 2;
    case 'select':
      return f.options![0]!.value;
    case 'cccd':
      return '025090001234';
    case 'phone':
      return '0912345678';
    case 'email':
      return 'an.nguyen@example.vn';
    default:
      return 'Nguyễn Văn Bình';
  }
}

/**
 * A complete submission for a procedure (every required field, a fresh upload per mandatory
 * document), with overrides.
 */
export async function buildSubmission(client: Client, procedureCode = '1.001193', overrides: Record<string, unknown> = {}) {
  const proc = (await client.get(`/api/v1/procedures/${procedureCode}`)).json();
  const formData: Record<string, string | number> = {};
  for (const f of proc.formFields as FormFieldLike[]) if (f.required) formData[f.key] = sampleValue(f);
  const documents = [];
  for (const d of proc.documents as { id: string; required: boolean | null }[]) {
    if (d.required === true) documents.push({ requirementId: d.id, fileId: await uploadPdf(client) });
  }
  return { procedureCode, formData, documents, ...overrides };
}

/** Files one dossier as the demo citizen (procedure 1.001193, every form field and document) and returns its code. */
export async function fileDemoDossier(citizen: Client, idempotencyKey: string): Promise<string> {
  const res = await citizen.post('/api/v1/dossiers', await buildSubmission(citizen), { 'idempotency-key': idempotencyKey });
  if (res.statusCode !== 201) throw new Error(`submission: ${res.statusCode} ${res.body}`);
  return res.json().code as string;
}

/** For a test file: a test app with one demo dossier filed, started before its tests and closed after. */
export function appWithDemoDossier(idempotencyKey: string): { t: TestApp; code: string } {
  const ctx = {} as { t: TestApp; code: string };
  beforeAll(async () => {
    ctx.t = await startTestApp();
    ctx.code = await fileDemoDossier((await demoClients(ctx.t.app)).citizen, idempotencyKey);
  });
  afterAll(async () => {
    await ctx.t?.close();
  });
  return ctx;
}
