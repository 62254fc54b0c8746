import { randomBytes } from 'node:crypto';

/** The demo citizen of src/db/seed/demo.ts (seeded when NODE_ENV=development). */
export const DEMO_CITIZEN_LOGIN = '025090001234';
export const DEMO_PASSWORD = 'NongTrang@2026';

export const API = '/api/v1';

export class BenchClientError extends Error {
  override name = 'BenchClientError';
}

export interface Session {
  cookie: string;
  csrfToken: string;
  /** Headers every write needs: the session cookie and the CSRF token. */
  headers: Record<string, string>;
}

async function failure(res: Response, what: string): Promise<BenchClientError> {
  const text = await res.text().catch(() => '');
  return new BenchClientError(`${what}: HTTP ${res.status} ${text.slice(0, 500)}`);
}

/** Signs in (POST /auth/login) and returns the cookie and CSRF token. */
export async function login(baseUrl: string, loginName = DEMO_CITIZEN_LOGIN, password = DEMO_PASSWORD): Promise<Session> {
  const res = await fetch(`${baseUrl}${API}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: loginName, password }),
  });
  if (!res.ok) throw await failure(res, 'login failed');
  const body = (await res.json()) as { csrfToken?: string };
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('nts_session='));
  if (!session || !body.csrfToken) throw new BenchClientError('login answered without a session cookie or csrfToken');
  return { cookie: session, csrfToken: body.csrfToken, headers: { cookie: session, 'x-csrf-token': body.csrfToken } };
}

export interface FormFieldDef {
  key: string;
  type: 'text' | 'textarea' | 'date' | 'number' | 'select' | 'cccd' | 'phone' | 'email';
  required: boolean;
  options?: { value: string }[];
  maxLength?: number;
}

export interface ProcedureDef {
  code: string;
  name: string;
  formFields: FormFieldDef[];
  documents: { id: string; required: boolean | null }[];
}

export async function getProcedure(baseUrl: string, code: string): Promise<ProcedureDef> {
  const res = await fetch(`${baseUrl}${API}/procedures/${encodeURIComponent(code)}`);
  if (!res.ok) throw await failure(res, `GET /procedures/${code}`);
  return (await res.json()) as ProcedureDef;
}

function fieldValue(f: FormFieldDef): string | number {
  const fit = (s: string) => (f.maxLength !== undefined ? s.slice(0, f.maxLength) : s);
  switch (f.type) {
    case 'text':
      return fit('Nguyễn Văn Bình');
    case 'textarea':
      return fit('Đăng ký khai sinh cho con, nộp trực tuyến (đo hiệu năng).');
    case 'date':
      return '2026-01-10';
    case 'number':
      return 1;
    case 'select': {
      const first = f.options?.[0]?.value;
      if (!first) throw new BenchClientError(`select field ${f.key} has no options`);
      return first;
    }
    case 'cccd':
      return DEMO_CITIZEN_LOGIN;
    case 'phone':
      return '0912345678';
    case 'email':
      return 'an.nguyen@example.vn';
  }
}

/** A complete form (every field, required or not, with a valid value for its type). */
export function completeFormData(proc: ProcedureDef): Record<string, string | number> {
  return Object.fromEntries(proc.formFields.map((f) => [f.key, fieldValue(f)]));
}

/** The requirement ids a submission must cover (`required: true`; `null` = to be confirmed = optional). */
export function mandatoryDocuments(proc: ProcedureDef): string[] {
  return proc.documents.filter((d) => d.required === true).map((d) => d.id);
}

/**
 * The JSON body of POST /dossiers: the two files are attached to the mandatory requirements in
 * turn (a procedure with more than two mandatory documents reuses them).
 */
export function submissionBody(
  proc: ProcedureDef,
  formData: Record<string, string | number>,
  requirementIds: readonly string[],
  fileIds: readonly [string, string],
): string {
  return JSON.stringify({
    procedureCode: proc.code,
    formData,
    documents: requirementIds.map((requirementId, i) => ({ requirementId, fileId: fileIds[i % 2]! })),
  });
}

// --- 200 KB attachments -------------------------------------------------------------------

export const ATTACHMENT_BYTES = 200 * 1024;
const NONCE_LENGTH = 32; // hex characters
const BOUNDARY = '----nts-bench-7d1f0c2a9b';
export const MULTIPART_CONTENT_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/**
 * A multipart body with one part `file` holding a ~200 KB PDF-looking file
 * (`%PDF-1.4`, comment lines as padding, `%%EOF`). Each call to `next()` returns a copy with a
 * fresh random nonce inside the PDF, so every upload has new content: the store is
 * content-addressed and identical bytes would not be written twice.
 */
export function createUploadBodyFactory() {
  const head = Buffer.from(`%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n% nts-bench ${'0'.repeat(NONCE_LENGTH)}\n`, 'latin1');
  const eof = Buffer.from('%%EOF\n', 'latin1');
  const line = Buffer.from(`%${'x'.repeat(78)}\n`, 'latin1');
  const padBytes = ATTACHMENT_BYTES - head.length - eof.length;
  const pad = Buffer.alloc(padBytes, line.toString('latin1'), 'latin1');
  pad[padBytes - 1] = 0x0a;
  const pdf = Buffer.concat([head, pad, eof]);
  const nonceOffsetInPdf = head.indexOf('0'.repeat(NONCE_LENGTH), 0, 'latin1');
  let n = 0;
  const prefix = (name: string) =>
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
      'latin1',
    );
  const suffix = Buffer.from(`\r\n--${BOUNDARY}--\r\n`, 'latin1');
  return {
    /** A fresh multipart body (Buffer) for POST /files. */
    next(): Buffer {
      n++;
      const pre = prefix(`giay-to-${n}.pdf`);
      const body = Buffer.concat([pre, pdf, suffix]);
      body.write(randomBytes(NONCE_LENGTH / 2).toString('hex'), pre.length + nonceOffsetInPdf, 'latin1');
      return body;
    },
  };
}

/** POST /files; returns the new file's id. */
async function postFile(baseUrl: string, headers: Record<string, string>, body: Buffer | FormData): Promise<string> {
  const res = await fetch(`${baseUrl}${API}/files`, { method: 'POST', headers, body });
  if (res.status !== 201) throw await failure(res, 'POST /files');
  return ((await res.json()) as { id: string }).id;
}

/** Uploads one body made by createUploadBodyFactory (outside the measured phases). */
export function uploadOnce(baseUrl: string, session: Session, body: Buffer): Promise<string> {
  return postFile(baseUrl, { ...session.headers, 'content-type': MULTIPART_CONTENT_TYPE }, body);
}

/** Uploads one file as the multipart part `file` named `name`; returns its id. */
export function uploadFile(baseUrl: string, session: Session, file: Blob, name: string): Promise<string> {
  const form = new FormData();
  form.append('file', file, name);
  return postFile(baseUrl, session.headers, form);
}

/** Files one dossier (outside the measured phases) and returns its code. */
export async function submitOnce(baseUrl: string, session: Session, body: string): Promise<string> {
  const res = await fetch(`${baseUrl}${API}/dossiers`, {
    method: 'POST',
    headers: { ...session.headers, 'content-type': 'application/json', 'idempotency-key': newIdempotencyKey() },
    body,
  });
  if (res.status !== 201) throw await failure(res, 'POST /dossiers');
  return ((await res.json()) as { code: string }).code;
}

export function newIdempotencyKey(): string {
  return `bench-${randomBytes(12).toString('hex')}`;
}

export const publicLookupPath = (code: string) => `${API}/public/dossiers/${encodeURIComponent(code)}`;
