/**
 * A small command-line client of the API, for the README walkthrough and for admins:
 *   npm run cli -- [--url http://localhost:3000] --as <login> [--password P] [--code 123456] <command> …
 * An account with two-factor sign-in (leaders, admins) needs the code of its authenticator app:
 * --code, or NTS_TOTP_SECRET=<the app's key> to compute it here (the demo's key is in the README).
 * Commands:
 *   procedures [query]                      search the catalogue
 *   procedure <code>                        show a procedure (documents, fields)
 *   upload <file>                           upload an attachment, prints its id
 *   submit <procedureCode> [key=value…] [doc:<requirementId>=<file path>…]
 *   act <dossierCode> <action> [json]       take an action, e.g. act CODE receive
 *   show <dossierCode> | events <dossierCode> | queue [name]
 *   track <dossierCode> [phoneLast4]        public tracking (no --as needed)
 *   messages [recipient] [--failed]         recent outgoing SMS/email/Zalo (unit admin; the text, with
 *                                           one-time codes, is shown outside production); --failed:
 *                                           the dead-letter list
 *   replay <messageId>                      send a failed message again (unit admin)
 *   load-areas <file.geojson> official|approximate [source] [note]
 *                                           load the ward's boundary and residential groups for
 *                                           the feedback map (unit admin; docs/FEEDBACK.md)
 *   create-admin <unitCode> <username> <full name>   (direct database access; prompts nothing,
 *                                           reads the password from NTS_ADMIN_PASSWORD)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { basename } from 'node:path';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';

const { values: opts, positionals } = (() => {
  try {
    return parseArgs({
      options: { url: { type: 'string' }, as: { type: 'string' }, password: { type: 'string' }, code: { type: 'string' }, failed: { type: 'boolean', default: false } },
      allowPositionals: true,
    });
  } catch (e) {
    console.error(`${(e as Error).message} — npm run cli -- [--url URL] --as <login> [--password P] [--code 123456] <command> …`);
    process.exit(2);
  }
})();
const base = (opts.url ?? process.env.NTS_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const as = opts.as;
const password = opts.password ?? process.env.NTS_PASSWORD ?? 'NongTrang@2026';
const code = opts.code;
const [command, ...rest] = positionals;

let cookie = '';
let csrf = '';

async function call(method: string, path: string, body?: unknown, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { ...extra };
  if (cookie) headers.cookie = cookie;
  if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
  let payload: string | FormData | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(base + path, { method, headers, body: payload });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) {
    console.error(`${res.status} ${json?.error?.code ?? ''}: ${json?.error?.message ?? text}`);
    if (json?.error?.details) console.error(JSON.stringify(json.error.details, null, 2));
    process.exit(1);
  }
  return { res, json };
}

// Sessions are kept between commands (sign-in is rate limited), one per server and login.
const SESSIONS = join(homedir(), '.cache', 'nong-trang-so-cli.json');
function savedSessions(): Record<string, { cookie: string; csrf: string }> {
  try {
    return JSON.parse(readFileSync(SESSIONS, 'utf8'));
  } catch {
    return {};
  }
}

async function signIn() {
  if (!as) return;
  const key = `${base} ${as}`;
  const saved = savedSessions()[key];
  if (saved) {
    const me = await fetch(base + '/api/v1/auth/me', { headers: { cookie: saved.cookie } });
    if (me.ok) {
      ({ cookie, csrf } = saved);
      return;
    }
  }
  let { res, json } = await call('POST', '/api/v1/auth/login', { login: as, password });
  if (json.twoFactor) {
    const secret = process.env.NTS_TOTP_SECRET;
    if (!code && !secret) {
      console.error(`${as}: tài khoản đăng nhập hai lớp — thêm --code <6 chữ số trong ứng dụng xác thực> hoặc đặt NTS_TOTP_SECRET (two-factor sign-in: add --code or set NTS_TOTP_SECRET)`);
      process.exit(1);
    }
    const { generate } = await import('otplib');
    ({ res, json } = await call('POST', '/api/v1/auth/login/two-factor', { challenge: json.twoFactor.challenge, code: code ?? (await generate({ secret: secret! })) }));
  }
  cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  csrf = json.csrfToken;
  mkdirSync(join(homedir(), '.cache'), { recursive: true });
  writeFileSync(SESSIONS, JSON.stringify({ ...savedSessions(), [key]: { cookie, csrf } }), { mode: 0o600 });
}

async function upload(path: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([readFileSync(path)]), basename(path));
  const { json } = await call('POST', '/api/v1/files', form);
  return json.id;
}

process.stdout.on('error', () => process.exit(0)); // e.g. piped into head
const print = (v: unknown) => console.log(JSON.stringify(v, null, 2));

async function main() {
  if (command === 'create-admin') {
    const { createAdmin } = await import('./create-admin.ts');
    await createAdmin(rest[0]!, rest[1]!, rest.slice(2).join(' '));
    return;
  }
  await signIn();
  switch (command) {
    case 'procedures': {
      const { json } = await call('GET', `/api/v1/procedures?limit=100&q=${encodeURIComponent(rest.join(' '))}`);
      for (const p of json.items) console.log(`${p.code}\t${p.name}`);
      break;
    }
    case 'procedure':
      print((await call('GET', `/api/v1/procedures/${rest[0]}`)).json);
      break;
    case 'upload':
      console.log(await upload(rest[0]!));
      break;
    case 'submit': {
      const [procedureCode, ...pairs] = rest;
      const formData: Record<string, string> = {};
      const documents: { requirementId: string; fileId: string }[] = [];
      for (const pair of pairs) {
        const eq = pair.indexOf('=');
        const key = pair.slice(0, eq);
        const value = pair.slice(eq + 1);
        if (key.startsWith('doc:')) documents.push({ requirementId: key.slice(4), fileId: await upload(value) });
        else formData[key] = value;
      }
      const { json } = await call('POST', '/api/v1/dossiers', { procedureCode, formData, documents }, { 'idempotency-key': randomUUID() });
      console.log(`${json.code}\t${json.statusLabel}`);
      break;
    }
    case 'act': {
      const [code, action, payload] = rest;
      const body: Record<string, unknown> = { action, ...(payload ? JSON.parse(payload) : {}) };
      if (typeof body.assignee === 'string') {
        // Assign by login for convenience: look the specialist up in the unit's staff list.
        const staff = (await call('GET', '/api/v1/staff?role=specialist')).json.items as { id: string; login: string }[];
        body.assigneeId = staff.find((s) => s.login === body.assignee)?.id ?? body.assignee;
        delete body.assignee;
      }
      const { json } = await call('POST', `/api/v1/dossiers/${code}/actions`, body);
      console.log(`${json.code}\t${json.statusLabel}\tdue ${json.dueAt ?? '-'}`);
      break;
    }
    case 'show':
      print((await call('GET', `/api/v1/dossiers/${rest[0]}`)).json);
      break;
    case 'events': {
      const { json } = await call('GET', `/api/v1/dossiers/${rest[0]}/events`);
      for (const e of json.items) console.log(`${e.at}\t${e.label}\t${e.actor.fullName}\t${e.comment ?? ''}`);
      break;
    }
    case 'queue': {
      const { json } = await call('GET', `/api/v1/dossiers?queue=${rest[0] ?? 'all'}`);
      if (json.counts) console.log(Object.entries(json.counts).map(([k, v]) => `${k}: ${v}`).join('  '));
      for (const d of json.items) console.log(`${d.code}\t${d.statusLabel}\t${d.applicantName}\tdue ${d.dueAt ?? '-'}`);
      break;
    }
    case 'replay':
      print((await call('POST', `/api/v1/admin/messages/${rest[0]}/replay`, {})).json);
      break;
    case 'messages': {
      const failed = opts.failed;
      const recipient = rest[0];
      const q = new URLSearchParams({ limit: '20', ...(recipient ? { recipient } : {}), ...(failed ? { status: 'failed' } : {}) });
      const { json } = await call('GET', `/api/v1/admin/messages?${q}`);
      for (const m of json.items) {
        console.log(`${m.createdAt}\t${m.channel}\t${m.recipient}\t${m.status}${m.attempts > 1 ? ` (${m.attempts} attempts)` : ''}\t${m.template}\t${m.id}`);
        if (m.body) console.log(`  ${String(m.body).split('\n')[0]}`);
        if (m.lastError && m.status !== 'sent') console.log(`  ! ${m.lastError}`);
      }
      break;
    }
    case 'load-areas': {
      const [file, accuracy, source = '', note = ''] = rest;
      if (!file || (accuracy !== 'official' && accuracy !== 'approximate')) {
        console.error('load-areas <file.geojson> official|approximate [source] [note]');
        process.exit(2);
      }
      const geojson = JSON.parse(readFileSync(file, 'utf8'));
      const { version } = (await call('GET', '/api/v1/admin/feedback-areas')).json.inForce;
      const { json } = await call('PUT', '/api/v1/admin/feedback-areas', { version, approximate: accuracy === 'approximate', source, note, geojson });
      console.log(`v${json.inForce.version} (${json.inForce.approximate ? 'approximate' : 'official'}): ${json.inForce.areas.map((a: { code: string; name: string }) => `${a.code} ${a.name}`).join('; ')}`);
      break;
    }
    case 'track':
      print((await call('GET', `/api/v1/public/dossiers/${rest[0]}${rest[1] ? `?phoneLast4=${rest[1]}` : ''}`)).json);
      break;
    default:
      console.log(readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0]);
  }
}

await main();
