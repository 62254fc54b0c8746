import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { maybeOne } from '../../src/db/client.ts';
import { DEMO_TOTP_SECRET } from '../../src/db/seed/demo.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { signIn } from '../support/client.ts';
import { pdfBytes } from '../support/builders.ts';

export const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserEnv {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** A small PDF on disk, for the file pickers. */
  scan: string;
  close(): Promise<void>;
}

/** The app of the running browser env (one per test file): signInUi reads the two-factor state of accounts from it. */
let current: TestApp | null = null;
let currentBaseUrl = '';

/** The real server on a fresh database, listening on a free port, and Debian's Chromium. */
export async function startBrowserEnv(env: Record<string, string> = {}): Promise<BrowserEnv> {
  const t = await startTestApp(env, { realClock: true });
  current = t;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  currentBaseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  const scan = join(tmpdir(), `nts-scan-${process.pid}-${port}.pdf`);
  writeFileSync(scan, pdfBytes(20, `scan-${port}`));
  return {
    t,
    baseUrl: currentBaseUrl,
    browser,
    scan,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/** A fresh browser context (own cookies) at a phone's or a desk's size. */
export async function newPage(env: BrowserEnv, opts: { mobile?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await env.browser.newContext({
    baseURL: env.baseUrl,
    viewport: opts.mobile ? { width: 360, height: 740 } : { width: 1280, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/**
 * Axe and screenshots look at what the browser shows, which does not depend on the database: CI
 * runs them in its embedded half and sets BROWSER_UI_CHECKS=0 for the PostgreSQL half, which
 * replays the same journeys for what the database does (about half of the browser suite's time).
 */
const UI_CHECKS = process.env.BROWSER_UI_CHECKS !== '0';
if (!UI_CHECKS) console.warn('BROWSER_UI_CHECKS=0: axe checks and screenshots are skipped (the embedded run makes them).');

/** Fails on any serious or critical axe violation of the page as it is now. */
export async function expectAccessible(page: Page, name: string) {
  if (!UI_CHECKS) return;
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`),
    `axe on ${name}`,
  ).toEqual([]);
}

export async function screenshot(page: Page, name: string) {
  if (!UI_CHECKS) return;
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * Waits until the page shows what it has loaded: no loading status (spinner) and no table marked
 * busy left, and the fonts are in. Callers first wait for the content they came for; this is not
 * "network idle", which on a busy machine can come before an answer the page still waits for.
 */
export async function settled(page: Page) {
  await expect.poll(() => page.locator('.spinner-wrap[role=status], [aria-busy=true]').count(), { timeout: 15_000 }).toBe(0);
  await page.evaluate('document.fonts.ready.then(() => true)');
}

/** Checks accessibility of what is shown, keeps a screenshot. */
export async function check(page: Page, name: string) {
  const t0 = performance.now();
  await settled(page);
  const t1 = performance.now();
  await expectAccessible(page, name);
  const t2 = performance.now();
  await screenshot(page, name);
  if (process.env.NTS_TEST_TIMINGS) console.warn(`check ${name}: settled ${Math.round(t1 - t0)} ms, axe ${Math.round(t2 - t1)} ms, screenshot ${Math.round(performance.now() - t2)} ms`);
}

/**
 * Signs in through the sign-in page. An account with two-factor sign-in (the demo leader and
 * admin) answers with the code of the demo authenticator; the account's last used time step is
 * forgotten first, since two sign-ins of the same account within 30 seconds share a code, which
 * the platform accepts once.
 */
export async function signInUi(page: Page, login: string, password = 'NongTrang@2026', totpSecret = DEMO_TOTP_SECRET) {
  const started = performance.now();
  const account = current && (await maybeOne<{ two_factor: boolean }>(current.database.db, sql`select (totp_enabled_at is not null) as two_factor from users where login = ${login}`));
  await page.goto('/dang-nhap');
  await page.getByLabel(/CCCD|Tên đăng nhập|đăng nhập/i).first().fill(login);
  await page.getByLabel(/Mật khẩu/i).fill(password);
  // Signed in is a fact: the server's answer to the sign-in, then the page moving on (to the back
  // office or the citizen's dossiers). "Network idle" is not one: on a busy machine it can come
  // before the answer, and the caller's next page.goto would cancel the sign-in.
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login') && r.request().method() === 'POST', { timeout: 30_000 });
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
  const res = await answer;
  expect(res.status(), `sign-in of ${login}: ${await res.text()}`).toBe(200);
  if (account?.two_factor) {
    await page.getByRole('heading', { level: 1, name: 'Xác thực hai lớp' }).waitFor();
    await current!.database.db.execute(sql`update users set totp_last_step = null where login = ${login}`);
    await page.getByLabel('Mã xác thực').fill(await generate({ secret: totpSecret }));
    const second = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login/two-factor') && r.request().method() === 'POST', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    const res2 = await second;
    expect(res2.status(), `two-factor sign-in of ${login}: ${await res2.text()}`).toBe(200);
  }
  await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'), { timeout: 30_000 });
  if (process.env.NTS_TEST_TIMINGS) console.warn(`signInUi ${login}: ${Math.round(performance.now() - started)} ms`);
}

/**
 * Opens a session for `login` in the page's browser context, through the API as `signIn` does
 * (second step, forced password change) rather than through the form: journeys about something
 * else need not replay the sign-in page each time (tests/browser/identity.test.ts walks it, with
 * and without two-factor sign-in), nor load a landing page they leave at once. With `goto`, the
 * page then opens there (`/can-bo`: where the sign-in page leads staff).
 */
export async function signedIn(page: Page, login: string, opts: { goto?: string; password?: string } = {}) {
  if (!current) throw new Error('signedIn: no browser env is running');
  const started = performance.now();
  const { session } = await signIn(current.app, login, opts.password);
  await page.context().addCookies([{ name: 'nts_session', value: session!.cookie, url: currentBaseUrl, httpOnly: true, sameSite: 'Lax' }]);
  // Signed in is a fact: the browser's own session answer names the account.
  const answer = await page.request.get('/api/v1/auth/session');
  expect(((await answer.json()) as { user: { id: string } | null }).user?.id, `session of ${login}`).toBe(session!.user.id);
  if (opts.goto) await page.goto(opts.goto);
  if (process.env.NTS_TEST_TIMINGS) console.warn(`signedIn ${login}: ${Math.round(performance.now() - started)} ms`);
}

/** Fills every field of the application form's step 2 with a plausible value. */
export async function fillFields(page: Page, scope = page.locator('main form')) {
  for (const input of await scope.locator('input, select, textarea').all()) {
    const tag = await input.evaluate((e) => e.tagName);
    const type = await input.getAttribute('type');
    const id = (await input.getAttribute('id')) ?? '';
    if (type === 'radio' || type === 'checkbox' || type === 'hidden' || type === 'file') continue;
    if (tag === 'SELECT') await input.selectOption({ index: 1 });
    else if (type === 'date') await input.fill('2026-02-20');
    else if (id.endsWith('-month')) await input.fill('02');
    else if (id.endsWith('-year')) await input.fill('2026');
    else if ((await input.getAttribute('maxlength')) === '2') await input.fill('20'); // the day box
    else await input.fill('Nguyễn Minh Khang');
  }
}


/** A staff member opens a dossier in the back office and takes an action through its form. */
export async function staffAction(page: Page, label: string, fill?: () => Promise<void>) {
  await page.getByRole('complementary', { name: 'Xử lý hồ sơ' }).getByRole('button', { name: label, exact: true }).click();
  if (fill) {
    await fill();
    await page.getByRole('button', { name: 'Tiếp tục', exact: true }).click();
  }
  await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await page.getByText(`Đã thực hiện: ${label}.`).waitFor();
}

/** The focused element's accessible-ish name: its label, aria-label or text. */
const FOCUSED_NAME = `(() => {
  const el = document.activeElement;
  if (!el) return '';
  const labelled = el.getAttribute('aria-labelledby');
  if (labelled) return labelled.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  const label = el.labels && el.labels[0] ? el.labels[0].textContent : '';
  return (el.getAttribute('aria-label') || label || el.textContent || '').replace(/\\s+/g, ' ').trim();
})()`;

/** Presses Tab (only Tab) until the focused element's name matches; fails if it never does. */
export async function tabTo(page: Page, name: RegExp, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (name.test(String(await page.evaluate(FOCUSED_NAME)))) return;
  }
  throw new Error(`Tab never reached ${name}`);
}
