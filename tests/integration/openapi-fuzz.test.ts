import { afterAll, beforeAll, expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { DATABASE_REFUSED } from '../../src/server/http-errors.ts';
import { DEMO_ACCOUNTS, DEMO_BUSINESS, DEMO_CITIZEN } from '../../src/db/seed/demo.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients, signIn, type Client } from '../support/client.ts';
import { buildSubmission, pdfBytes } from '../support/builders.ts';
import {
  branches,
  headerValue,
  INVALID_UTF8,
  jsonBytes,
  sample,
  setAt,
  slots,
  urlValue,
  valuesFor,
  type JsonSchema,
} from '../support/fuzz.ts';

// Walks the OpenAPI document the server publishes and sends malformed values to every operation,
// in every parameter and body field, signed in as every role: no answer may be a 5xx. It reads
// whatever routes exist, so a route added later is fuzzed without touching this file.
// Deterministic: a fixed table of values in a fixed order, fast-check with a fixed seed for
// strings that must match a pattern. FUZZ_STATS=1 prints requests and time per operation.

const ROLES = ['anonymous', 'citizen', 'business', 'reception', 'specialist', 'leader', 'admin', 'otherUnit'] as const;
type Role = (typeof ROLES)[number];

interface Param {
  in: 'path' | 'query' | 'header';
  name: string;
  schema: JsonSchema;
}
interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  path: string;
  params: Param[];
  body: JsonSchema | null;
}
/** One request to send: parameter values (raw, before encoding) and the body. */
interface Variant {
  label: string;
  /** Position of the value in its place's list (valuesFor): lower ranks are sent first. */
  rank: number;
  /** Refused at the edge: costs a quarter of the budget of a request that reaches a route. */
  edge?: boolean;
  params: Record<string, unknown>;
  body?: { kind: 'json'; value: unknown } | { kind: 'raw'; contentType?: string; payload: string | Buffer };
}

let t: TestApp;
let clients: Record<Role, Client>;
/** Values for path parameters, by the collection the parameter names a member of. */
let pathValues: Record<string, string>;
let operations: Operation[];
const failures: string[] = [];
let sent = 0;

beforeAll(async () => {
  t = await startTestApp();
  const demo = await demoClients(t.app);
  clients = { ...demo, business: await signIn(t.app, DEMO_BUSINESS.mst) };
  const filed = await clients.citizen.post('/api/v1/dossiers', await buildSubmission(clients.citizen, '1.001193'));
  expect(filed.statusCode, filed.body).toBe(201);
  const dossier = (await clients.citizen.get(`/api/v1/dossiers/${filed.json().code}`)).json();
  pathValues = {
    dossiers: dossier.code,
    procedures: '1.001193',
    calendar: '2026',
    // A staff account no role here signs in with: editing it (even its password) is harmless.
    users: demo.specialist2.id,
    files: dossier.documents[0].fileId,
  };
  const doc = await clients.anonymous.get('/api/openapi.json');
  expect(doc.statusCode).toBe(200);
  operations = readOperations(doc.json());
});
afterAll(() => t?.close());

function readOperations(doc: { paths: Record<string, Record<string, { parameters?: Param[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      ops.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        params: (op.parameters ?? []).filter((p) => ['path', 'query', 'header'].includes(p.in)),
        body: op.requestBody?.content['application/json']?.schema ?? null,
      });
    }
  }
  return ops;
}

/** The value of a path parameter: a real member of its collection when one is known. */
function pathValue(op: Operation, name: string, schema: JsonSchema): unknown {
  const segments = op.path.split('/');
  const collection = segments[segments.indexOf(`{${name}}`) - 1] ?? '';
  return pathValues[collection] ?? sample(schema, { full: false, name });
}

function baseParams(op: Operation): Record<string, unknown> {
  return Object.fromEntries(op.params.map((p) => [p.name, p.in === 'path' ? pathValue(op, p.name, p.schema) : sample(p.schema, { full: true, name: p.name })]));
}

function toInject(op: Operation, v: Variant, client: Client): InjectOptions {
  let url = op.path;
  const query: string[] = [];
  const headers: Record<string, string> = {};
  for (const p of op.params) {
    const value = v.params[p.name];
    if (value === undefined) continue;
    if (p.in === 'path') url = url.replace(`{${p.name}}`, urlValue(value));
    else if (p.in === 'query') query.push(`${encodeURIComponent(p.name)}=${urlValue(value)}`);
    else headers[p.name] = headerValue(value);
  }
  if (query.length) url += `?${query.join('&')}`;
  if (client.session) {
    headers.cookie = `nts_session=${client.session.cookie}`;
    if (op.method !== 'GET') headers['x-csrf-token'] = client.session.csrf;
  }
  let payload: string | Buffer | undefined;
  if (v.body?.kind === 'json') {
    headers['content-type'] = 'application/json';
    payload = jsonBytes(v.body.value);
  } else if (v.body?.kind === 'raw') {
    if (v.body.contentType) headers['content-type'] = v.body.contentType;
    payload = v.body.payload;
  }
  return { method: op.method, url, headers, ...(payload !== undefined ? { payload } : {}) };
}

async function send(op: Operation, v: Variant, role: Role): Promise<LightMyRequestResponse> {
  const res = await t.app.inject(toInject(op, v, clients[role]));
  sent++;
  // A 400 that only the database's refusal produced is a bound missing from the route's schema.
  const schemaGap = res.statusCode === 400 && res.body.includes(`"path":"${DATABASE_REFUSED.path}"`);
  if (res.statusCode >= 500 || schemaGap) {
    failures.push(`${res.statusCode}${schemaGap ? ' (database refused)' : ''} ${op.method} ${op.path} as ${role}: ${v.label} → ${res.body.slice(0, 300)}`);
  }
  return res;
}

/** Malformed requests per operation beyond the baselines (the most telling first when more): the CI budget. */
const REQUESTS_PER_OPERATION = 100;

function variantsFor(op: Operation): Variant[][] {
  const params = baseParams(op);
  const bodies = op.body ? branches(op.body).map((b) => ({ base: sample(b, { full: false }), full: sample(b, { full: true }), schema: b })) : [];
  // One group per body branch (or one without a body); its first variant is the valid baseline.
  const groups: Variant[][] = [];
  const paramVariants = (body: Variant['body']): Variant[] =>
    op.params.flatMap((p) => valuesFor(p.schema).map((m, rank) => ({ label: `${p.in} ${p.name} = ${m.label}`, rank, edge: m.edge, params: { ...params, [p.name]: m.value }, body })));
  if (bodies.length === 0) {
    const group: Variant[] = [{ label: 'baseline', rank: 0, params }, ...paramVariants(undefined)];
    if (op.method !== 'GET') group.push(...wholeBodyVariants(params), ...multipartVariants(params));
    groups.push(group);
  }
  // A field shared by several branches (comment, expectedVersion) is fuzzed in the first only.
  const seen = new Set<string>();
  for (const [i, b] of bodies.entries()) {
    const baseline: Variant = { label: `body branch ${i} baseline`, rank: 0, params, body: { kind: 'json', value: b.base } };
    const group = [baseline];
    if (i === 0) group.push(...paramVariants(baseline.body), ...wholeBodyVariants(params));
    for (const slot of slots(b.schema)) {
      const key = `${slot.path.join('.')} ${JSON.stringify(slot.schema)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      for (const [rank, m] of valuesFor(slot.schema).entries()) {
        group.push({ label: `body branch ${i} ${slot.path.join('.')} = ${m.label}`, rank, edge: m.edge, params, body: { kind: 'json', value: setAt(b.base, b.full, slot.path, m.value) } });
      }
    }
    groups.push(group);
  }
  return groups;
}

/**
 * The malformed requests to send after the baselines: all of them when they fit the budget, else
 * the most telling value of every place first, then the second of every place, and so on.
 */
function pick<T extends { cost: number; v: Variant }>(planned: T[], budget: number): T[] {
  if (planned.reduce((n, x) => n + x.cost, 0) <= budget) return planned;
  const order = [...planned.keys()].sort((a, b) => planned[a]!.v.rank - planned[b]!.v.rank || a - b);
  const keep = new Set<number>();
  let spent = 0;
  for (const i of order) {
    if (spent + planned[i]!.cost > budget) continue;
    keep.add(i);
    spent += planned[i]!.cost;
  }
  return planned.filter((_, i) => keep.has(i));
}

function wholeBodyVariants(params: Record<string, unknown>): Variant[] {
  const raw = (label: string, payload: string | Buffer, contentType = 'application/json'): Variant => ({ label, rank: 0, params, body: { kind: 'raw', contentType, payload } });
  return [
    { label: 'no body, no content type', rank: 0, params, body: { kind: 'raw', payload: '' } },
    raw('empty JSON body', ''),
    raw('JSON null', 'null'),
    raw('JSON array', '[]'),
    raw('JSON string', '"x"'),
    raw('JSON 100 000 levels deep', '['.repeat(100_000) + ']'.repeat(100_000)),
    raw('NUL in a key', '{"a\\u0000":1}'),
    raw('prototype pollution', '{"__proto__":{"isAdmin":true}}'),
    raw('truncated JSON', '{"a":'),
    raw('invalid UTF-8 JSON', Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d])),
    raw('text/plain', 'xin chào', 'text/plain'),
  ];
}

function multipartVariants(params: Record<string, unknown>): Variant[] {
  const boundary = 'nts-fuzz';
  const form = (label: string, ...parts: (string | Buffer)[]): Variant => ({
    label,
    rank: 0,
    params,
    body: {
      kind: 'raw',
      contentType: `multipart/form-data; boundary=${boundary}`,
      payload: Buffer.concat([...parts.flatMap((p) => [Buffer.from(`--${boundary}\r\n`), Buffer.from(p), Buffer.from('\r\n')]), Buffer.from(`--${boundary}--\r\n`)]),
    },
  });
  const file = (name: string | Buffer, content: Buffer = pdfBytes(1, 'fuzz')) =>
    Buffer.concat([Buffer.from('Content-Disposition: form-data; name="file"; filename="'), Buffer.from(name), Buffer.from('"\r\nContent-Type: application/pdf\r\n\r\n'), content]);
  return [
    form('multipart file name with NUL', file('a\u0000.pdf')),
    form('multipart file name not UTF-8', file(Buffer.from([0x61, 0xc3, 0x28]))),
    form('multipart file name 10 000 characters', file(`${'ậ'.repeat(10_000)}.pdf`)),
    form('multipart field with NUL', 'Content-Disposition: form-data; name="note"\r\n\r\na\u0000b', file('a.pdf')),
    form('multipart empty file', file('a.pdf', Buffer.alloc(0))),
    form('multipart executable', file('a.pdf', Buffer.from('MZ\x90\x00 not a pdf'))),
    form('multipart with no parts'),
    { label: 'multipart cut short', rank: 0, params, body: { kind: 'raw', contentType: `multipart/form-data; boundary=${boundary}`, payload: Buffer.concat([Buffer.from(`--${boundary}\r\n`), file('a.pdf')]) } },
  ];
}

const LOGINS: Record<Exclude<Role, 'anonymous'>, string> = {
  citizen: DEMO_CITIZEN.cccd,
  business: DEMO_BUSINESS.mst,
  reception: DEMO_ACCOUNTS.reception.login,
  specialist: DEMO_ACCOUNTS.specialist.login,
  leader: DEMO_ACCOUNTS.leader.login,
  admin: DEMO_ACCOUNTS.admin.login,
  otherUnit: DEMO_ACCOUNTS.otherUnitSpecialist.login,
};

/**
 * Keeps every role able to act: the wrong passwords the fuzz sends (password change, two-factor
 * enrolment, turning it off) count as failed sign-ins and would lock the demo accounts, so that
 * the next sign-in — and every later operation checking a password — only met ACCOUNT_LOCKED.
 * Then signs a role in again if a request (a sign-out, say) ended its session.
 */
async function keepSessions() {
  const logins = Object.values(LOGINS).map((l) => sql`${l.toLowerCase()}`);
  await t.database.db.execute(sql`update users set failed_logins = 0, locked_until = null where login in (${sql.join(logins, sql`, `)})`);
  for (const role of ROLES) {
    if (role === 'anonymous') continue;
    const res = await clients[role].get('/api/v1/auth/session');
    if (res.json().user?.id !== clients[role].id) clients[role] = await signIn(t.app, LOGINS[role]);
  }
}

/** What a baseline answer says about the path it took: its status and error code. */
function outcome(res: LightMyRequestResponse): string {
  if (res.statusCode < 400) return String(res.statusCode);
  try {
    return `${res.statusCode} ${res.json().error?.code}`;
  } catch {
    return String(res.statusCode);
  }
}

it('no operation answers 5xx to malformed input, for any role', { timeout: 600_000 }, async () => {
  const started = Date.now();
  expect(operations.length).toBeGreaterThan(20);
  for (const op of operations) {
    const opStart = Date.now();
    const sentBefore = sent;
    // Roles whose baselines answer alike take the same path through the code: each malformed
    // value goes to one role of each such class, taking turns within the class.
    const planned: { v: Variant; cost: number; classes: Role[][] }[] = [];
    for (const group of variantsFor(op)) {
      const classes = new Map<string, Role[]>();
      for (const role of ROLES) {
        const key = outcome(await send(op, group[0]!, role));
        classes.set(key, [...(classes.get(key) ?? []), role]);
      }
      for (const v of group.slice(1)) planned.push({ v, cost: classes.size * (v.edge ? 0.25 : 1), classes: [...classes.values()] });
    }
    for (const [i, { v, classes }] of pick(planned, REQUESTS_PER_OPERATION).entries()) {
      for (const roles of classes) await send(op, v, roles[i % roles.length]!);
    }
    await keepSessions();
    if (process.env.FUZZ_STATS) console.warn(`${op.method} ${op.path}: ${sent - sentBefore} requests, ${Date.now() - opStart} ms`);
  }
  if (process.env.FUZZ_STATS) console.warn(`openapi fuzz: ${operations.length} operations, ${sent} requests, ${Date.now() - started} ms`);
  expect(failures).toEqual([]);
  // No fuzzed request changed a demo account's password or disabled it: each still signs in.
  for (const login of Object.values(LOGINS)) await expect(signIn(t.app, login)).resolves.toBeDefined();
  // The guard rejects invalid UTF-8 bytes whatever the route: the marker really reached the wire.
  expect(jsonBytes({ a: INVALID_UTF8 }).includes(Buffer.from([0xc3, 0x28]))).toBe(true);
});
