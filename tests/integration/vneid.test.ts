import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { maybeOne } from '../../src/db/client.ts';
import { DEMO_CITIZEN, DEMO_CITIZEN_2 } from '../../src/db/seed/demo.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { signIn } from '../support/client.ts';
import { Browser, TestOidcProvider } from '../support/oidc.ts';

// "Đăng nhập bằng VNeID" against a real OpenID provider started here: the authorization code
// flow with PKCE, a tampered state, a verified ID number that links to the citizen record, and
// claims that are unverified or do not match, which link nothing.

let t: TestApp;
let op: TestOidcProvider;
let base = '';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  op = await new TestOidcProvider().start(`${base}/api/v1/auth/vneid/callback`);
  t = await startTestApp({ PUBLIC_URL: base, OIDC_ISSUER: op.issuer, OIDC_CLIENT_ID: op.clientId, OIDC_CLIENT_SECRET: op.clientSecret }, { realClock: true });
  await t.app.listen({ port, host: '127.0.0.1' });
});
afterAll(async () => {
  await t.close();
  await op.stop();
});

const AN = { name: DEMO_CITIZEN.fullName, birthdate: '1990-05-14', gender: 'male', id_number: DEMO_CITIZEN.cccd, id_number_verified: true };
beforeEach(() => {
  op.accounts.clear();
});

/** A browser signs in with VNeID from the portal and comes back; returns where it landed. */
async function roundTrip(browser: Browser, opts: { tamper?: (callback: URL) => URL; returnTo?: string } = {}) {
  const out = await browser.visit(`${base}/api/v1/auth/vneid/start${opts.returnTo ? `?tiep=${encodeURIComponent(opts.returnTo)}` : ''}`, (u) => u.pathname === '/api/v1/auth/vneid/callback');
  const callback = opts.tamper ? opts.tamper(out.last) : out.last;
  const end = await browser.visit(callback.href, (u) => u.origin === base && !u.pathname.startsWith('/api/'));
  return { visited: out.visited, callback, landed: end.last };
}
const sessionOf = async (browser: Browser) => {
  const cookie = browser.cookies('127.0.0.1').get('nts_session');
  if (!cookie) return null;
  const res = await fetch(`${base}/api/v1/auth/me`, { headers: { cookie: `nts_session=${cookie}` } });
  return res.status === 200 ? ((await res.json()) as { user: { login: string; fullName: string } }).user : null;
};

describe('the round trip', () => {
  it('code flow with PKCE: the verified ID number signs the citizen in to their own record', async () => {
    op.accounts.set('vneid-an', AN);
    op.nextAccount = 'vneid-an';
    const browser = new Browser();
    const { visited, callback, landed } = await roundTrip(browser, { returnTo: '/ho-so-cua-toi' });
    const authorize = visited.find((u) => u.origin === op.issuer && u.pathname === '/auth')!;
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${base}/api/v1/auth/vneid/callback`);
    expect(callback.searchParams.get('code')).toBeTruthy();
    expect(landed.pathname).toBe('/ho-so-cua-toi');
    expect(await sessionOf(browser)).toMatchObject({ login: DEMO_CITIZEN.cccd, fullName: DEMO_CITIZEN.fullName });
    const linked = await maybeOne<{ id_number: string }>(t.database.db, sql`select id_number from oidc_identities where subject = 'vneid-an'`);
    expect(linked).toEqual({ id_number: DEMO_CITIZEN.cccd });
  });

  it('a citizen the ward does not know yet gets a record from the verified claims', async () => {
    op.accounts.set('vneid-new', { name: 'Đinh Thị Mai', birthdate: '2001-03-09', gender: 'female', id_number: '025301009876', id_number_verified: true });
    op.nextAccount = 'vneid-new';
    const browser = new Browser();
    await roundTrip(browser);
    expect(await sessionOf(browser)).toMatchObject({ login: '025301009876', fullName: 'Đinh Thị Mai' });
    const row = await maybeOne<{ birth_year: number; gender: string; password_hash: string | null }>(t.database.db, sql`select birth_year, gender, password_hash from users where cccd = '025301009876'`);
    expect(row).toEqual({ birth_year: 2001, gender: 'female', password_hash: null });
  });
});

describe('what links nothing', () => {
  it('a tampered state: no token exchange, no session', async () => {
    op.accounts.set('vneid-an', AN);
    op.nextAccount = 'vneid-an';
    const browser = new Browser();
    const { landed } = await roundTrip(browser, {
      tamper: (u) => {
        const x = new URL(u);
        x.searchParams.set('state', `${u.searchParams.get('state')}x`);
        return x;
      },
    });
    expect(landed.pathname).toBe('/dang-nhap');
    expect(landed.searchParams.get('vneid')).toBe('OIDC_STATE_INVALID');
    expect(await sessionOf(browser)).toBeNull();
  });

  it('a callback opened in another browser (no state cookie) is refused; the state is used once', async () => {
    op.accounts.set('vneid-an', AN);
    op.nextAccount = 'vneid-an';
    const first = new Browser();
    const out = await first.visit(`${base}/api/v1/auth/vneid/start`, (u) => u.pathname === '/api/v1/auth/vneid/callback');
    const other = new Browser();
    const end = await other.visit(out.last.href, (u) => u.origin === base && !u.pathname.startsWith('/api/'));
    expect(end.last.searchParams.get('vneid')).toBe('OIDC_STATE_INVALID');
    expect(await sessionOf(other)).toBeNull();
    // The browser that started it still finishes it, once: the state is single-use.
    const own = await first.visit(out.last.href, (u) => u.origin === base && !u.pathname.startsWith('/api/'));
    expect(own.last.pathname).toBe('/ho-so-cua-toi');
    first.setCookie('127.0.0.1', 'nts_oidc_state', out.last.searchParams.get('state')!);
    const again = await first.visit(out.last.href, (u) => u.origin === base && !u.pathname.startsWith('/api/'));
    expect(again.last.searchParams.get('vneid')).toBe('OIDC_STATE_INVALID');
  });

  it('an ID number the provider has not verified', async () => {
    op.accounts.set('vneid-level1', { ...AN, id_number_verified: false });
    op.nextAccount = 'vneid-level1';
    const browser = new Browser();
    const { landed } = await roundTrip(browser);
    expect(landed.searchParams.get('vneid')).toBe('OIDC_ID_UNVERIFIED');
    expect(await sessionOf(browser)).toBeNull();
  });

  it('a verified ID number whose record is another person (name), or whose digits contradict the birth date', async () => {
    op.accounts.set('vneid-other', { ...AN, name: 'Nguyễn Văn Ân' });
    op.nextAccount = 'vneid-other';
    const browser = new Browser();
    const { landed } = await roundTrip(browser);
    expect(landed.searchParams.get('vneid')).toBe('OIDC_ID_MISMATCH');
    expect(await sessionOf(browser)).toBeNull();

    op.accounts.set('vneid-born', { ...AN, birthdate: '1991-05-14' });
    op.nextAccount = 'vneid-born';
    const second = new Browser();
    expect((await roundTrip(second)).landed.searchParams.get('vneid')).toBe('OIDC_ID_MISMATCH');
    const refused = await maybeOne<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where action = 'vneid_refused'`);
    expect(refused!.n).toBeGreaterThanOrEqual(2);
    const links = await maybeOne<{ n: number }>(t.database.db, sql`select count(*)::int as n from oidc_identities where subject in ('vneid-other', 'vneid-born')`);
    expect(links!.n).toBe(0);
  });

  it('signed in as one citizen, a VNeID of another ID number is not linked', async () => {
    const binh = await signIn(t.app, DEMO_CITIZEN_2.cccd);
    op.accounts.set('vneid-an', AN);
    op.nextAccount = 'vneid-an';
    const browser = new Browser();
    // The browser carries Bình's session to the start of the flow.
    browser.setCookie('127.0.0.1', 'nts_session', binh.session!.cookie);
    const { landed } = await roundTrip(browser);
    expect(landed.searchParams.get('vneid')).toBe('OIDC_ID_MISMATCH');
  });

  it('without settings, VNeID is not offered', async () => {
    const plain = await startTestApp();
    try {
      expect((await plain.app.inject({ method: 'GET', url: '/api/v1/auth/providers' })).json()).toEqual({ vneid: { enabled: false, name: 'VNeID' } });
      const res = await plain.app.inject({ method: 'GET', url: '/api/v1/auth/vneid/start' });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('OIDC_NOT_CONFIGURED');
    } finally {
      await plain.close();
    }
  });
});
