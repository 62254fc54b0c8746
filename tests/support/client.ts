import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { DEMO_ACCOUNTS, DEMO_CITIZEN, DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/db/seed/demo.ts';
import { startTestApp, testAppOf } from './app.ts';

export interface Session {
  cookie: string;
  csrf: string;
  user: { id: string; roles: string[]; kind: string };
}

/** A signed-in client over app.inject (no network): cookie and CSRF header handled. */
export class Client {
  constructor(
    readonly app: FastifyInstance,
    readonly session: Session | null = null,
  ) {}

  get id() {
    return this.session!.user.id;
  }

  async request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const h: Record<string, string> = { ...headers };
    if (this.session) {
      h.cookie = `nts_session=${this.session.cookie}`;
      if (method !== 'GET') h['x-csrf-token'] = this.session.csrf;
    }
    return this.app.inject({ method, url, headers: h, ...(body !== undefined ? { payload: body as object } : {}) });
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', url, body ?? {}, headers);
  put = (url: string, body?: unknown) => this.request('PUT', url, body ?? {});
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body ?? {});

  /** Uploads bytes as a multipart "file" part; returns the response. */
  async upload(name: string, content: Buffer, contentType = 'application/octet-stream', url = '/api/v1/files') {
    const boundary = '----nts' + Math.random().toString(16).slice(2);
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${contentType}\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const headers: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${boundary}` };
    if (this.session) {
      headers.cookie = `nts_session=${this.session.cookie}`;
      headers['x-csrf-token'] = this.session.csrf;
    }
    return this.app.inject({ method: 'POST', url, headers, payload });
  }
}

// What `signIn` chose for accounts that had to act first, per app and login: the password an
// official chose after an admin set theirs, the authenticator secret of one who had to enrol.
const chosen = new WeakMap<FastifyInstance, Map<string, { password?: string; totpSecret?: string }>>();
const chosenFor = (app: FastifyInstance, login: string) => {
  if (!chosen.has(app)) chosen.set(app, new Map());
  const byLogin = chosen.get(app)!;
  if (!byLogin.has(login.toLowerCase())) byLogin.set(login.toLowerCase(), {});
  return byLogin.get(login.toLowerCase())!;
};

/** The current code of an authenticator app holding `secret`, at the app's clock. */
export async function totpCode(app: FastifyInstance, secret: string): Promise<string> {
  const now = testAppOf.get(app)?.clock.now() ?? new Date();
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}

/**
 * Signs in as the person would, doing first what the platform asks of them:
 * - an official whose password an admin set chooses their own (`<password>-moi`, remembered
 *   here, so that signing in again with the first password still works in tests);
 * - the second step of two-factor sign-in, with the demo authenticator secret (or the one this
 *   helper enrolled). Tests freeze the clock, so every sign-in falls in the same 30-second step,
 *   which the platform accepts only once: the account's last used step is forgotten first (in
 *   life, a person signs in at most once in 30 seconds);
 * - a leader or admin without an authenticator enrols one.
 */
export async function signIn(app: FastifyInstance, login: string, password = DEMO_PASSWORD): Promise<Client> {
  const mine = chosenFor(app, login);
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password: mine.password ?? password } });
  if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
  let answer = res;
  if (res.json().twoFactor) {
    const t = testAppOf.get(app);
    if (!t) throw new Error('signIn: two-factor sign-in needs an app made by startTestApp');
    await t.database.db.execute(sql`update users set totp_last_step = null where login = ${login.toLowerCase()}`);
    const code = await totpCode(app, mine.totpSecret ?? DEMO_TOTP_SECRET);
    answer = await app.inject({ method: 'POST', url: '/api/v1/auth/login/two-factor', payload: { challenge: res.json().twoFactor.challenge, code } });
    if (answer.statusCode !== 200) throw new Error(`two-factor sign-in of ${login} failed: ${answer.statusCode} ${answer.body}`);
  }
  const cookie = answer.cookies.find((c) => c.name === 'nts_session')!.value;
  const body = answer.json();
  const client = new Client(app, { cookie, csrf: body.csrfToken, user: body.user });
  if (body.user.mustChangePassword) {
    const newPassword = `${password}-moi`;
    const changed = await client.post('/api/v1/auth/password', { currentPassword: password, newPassword });
    if (changed.statusCode !== 204) throw new Error(`password change of ${login} failed: ${changed.statusCode} ${changed.body}`);
    mine.password = newPassword;
  }
  if (body.user.twoFactor?.required && !body.user.twoFactor.enabled) {
    const setup = await client.post('/api/v1/auth/two-factor/setup', { password: mine.password ?? password });
    if (setup.statusCode !== 200) throw new Error(`two-factor enrolment of ${login} failed: ${setup.statusCode} ${setup.body}`);
    const enabled = await client.post('/api/v1/auth/two-factor/enable', { code: await totpCode(app, setup.json().secret) });
    if (enabled.statusCode !== 200) throw new Error(`two-factor enrolment of ${login} failed: ${enabled.statusCode} ${enabled.body}`);
    mine.totpSecret = setup.json().secret;
  }
  return client;
}

/** One signed-in client per demo role. */
export async function demoClients(app: FastifyInstance) {
  const started = performance.now();
  const [citizen, reception, specialist, specialist2, leader, admin, otherUnit] = await Promise.all([
    signIn(app, DEMO_CITIZEN.cccd),
    signIn(app, DEMO_ACCOUNTS.reception.login),
    signIn(app, DEMO_ACCOUNTS.specialist.login),
    signIn(app, DEMO_ACCOUNTS.specialist2.login),
    signIn(app, DEMO_ACCOUNTS.leader.login),
    signIn(app, DEMO_ACCOUNTS.admin.login),
    signIn(app, DEMO_ACCOUNTS.otherUnitSpecialist.login),
  ]);
  if (process.env.NTS_TEST_TIMINGS) console.warn(`demoClients: ${Math.round(performance.now() - started)} ms`);
  return { citizen, reception, specialist, specialist2, leader, admin, otherUnit, anonymous: new Client(app) };
}

/** The test app and a signed-in client per demo role. */
export async function startWithDemoClients(env: Record<string, string> = {}) {
  const t = await startTestApp(env);
  return { t, c: await demoClients(t.app) };
}

/** The session cookie an answer set, if it opened a session (a sign-out sets an empty one). */
export function sessionCookieOf(res: LightMyRequestResponse) {
  return res.cookies.find((k) => k.name === 'nts_session' && k.value !== '');
}

/** A client on the session a sign-in or a confirmed sign-up opened. */
export function clientOf(app: FastifyInstance, res: LightMyRequestResponse): Client {
  const cookie = sessionCookieOf(res);
  if (!cookie) throw new Error(`no session was opened: ${res.statusCode} ${res.body}`);
  return new Client(app, { cookie: cookie.value, csrf: res.json().csrfToken, user: res.json().user });
}
