import { randomBytes } from 'node:crypto';
import type { Client } from './client.ts';

/** A small but real PDF (unique bytes each call unless `seed` is given). */
export function pdfBytes(sizeKb = 2, seed?: string): Buffer {
  const head = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\n');
  const pad = Buffer.alloc(Math.max(0, sizeKb * 1024 - head.length - 8), 0x20);
  const marker = Buffer.from(`%${seed ?? randomBytes(8).toString('hex')}\n`);
  return Buffer.concat([head, marker, pad, Buffer.from('\n%%EOF\n')]);
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
