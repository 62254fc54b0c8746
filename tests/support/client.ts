import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DEMO_ACCOUNTS, DEMO_CITIZEN, DEMO_PASSWORD } from '../../src/db/seed/demo.ts';

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

  async request(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
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

export async function signIn(app: FastifyInstance, login: string, password = DEMO_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'nts_session')!.value;
  const body = res.json();
  return new Client(app, { cookie, csrf: body.csrfToken, user: body.user });
}

/** One signed-in client per demo role. */
export async function demoClients(app: FastifyInstance) {
  const [citizen, reception, specialist, specialist2, leader, admin, otherUnit] = await Promise.all([
    signIn(app, DEMO_CITIZEN.cccd),
    signIn(app, DEMO_ACCOUNTS.reception.login),
    signIn(app, DEMO_ACCOUNTS.specialist.login),
    signIn(app, DEMO_ACCOUNTS.specialist2.login),
    signIn(app, DEMO_ACCOUNTS.leader.login),
    signIn(app, DEMO_ACCOUNTS.admin.login),
    signIn(app, DEMO_ACCOUNTS.otherUnitSpecialist.login),
  ]);
  return { citizen, reception, specialist, specialist2, leader, admin, otherUnit, anonymous: new Client(app) };
}
