import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { maybeOne, rows } from '../../src/db/client.ts';
import { createMessageWorker, enqueueMessage, type MessageSender, type MessageSenders, type NewMessage } from '../../src/modules/messages/index.ts';
import { smtpSender } from '../../src/modules/messages/messages.senders.ts';
import type { OutgoingMessage } from '../../src/modules/messages/messages.senders.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { buildSubmission } from '../support/builders.ts';
import { demoClients } from '../support/client.ts';
import { expectError } from '../support/expect.ts';
import { TestSmtp } from '../support/smtp.ts';

// The outbox: a message exists if and only if the change that caused it committed, is delivered
// after commit, retried with back-off, failed for good after MESSAGE_MAX_ATTEMPTS, and never sent
// twice, however many workers run.

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const retry = { baseDelayMs: 30_000, maxDelayMs: 3_600_000, maxAttempts: 4 };

/** A sender that records what it is asked to send and can be told to fail. */
class RecordingSender implements MessageSender {
  readonly name = 'recording';
  sent: OutgoingMessage[] = [];
  failWith: Error | null = null;
  constructor(readonly channel: 'sms' | 'email') {}
  async send(m: OutgoingMessage) {
    // Give other workers a chance to interleave: a real provider takes time.
    await new Promise((r) => setImmediate(r));
    if (this.failWith) throw this.failWith;
    this.sent.push(m);
    return { providerRef: `ref-${m.id}` };
  }
}

let t: TestApp;
let sms: RecordingSender;
let email: RecordingSender;
let senders: MessageSenders;

beforeAll(async () => {
  // The app's own worker is off here: each test drives workers by hand.
  t = await startTestApp({ MESSAGE_WORKER: 'false' });
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.database.db.execute(sql`delete from messages`);
  t.clock.set('2026-03-02T09:00:00+07:00');
  sms = new RecordingSender('sms');
  email = new RecordingSender('email');
  senders = { sms, email };
});

const worker = (s: MessageSenders = senders, id?: string) =>
  createMessageWorker({ database: t.database, senders: s, now: t.clock.now, log: quiet, retry, pollMs: 60_000, ...(id ? { id } : {}) });
const message = (over: Partial<NewMessage> = {}): NewMessage => ({
  channel: 'sms',
  recipient: '0912345678',
  template: 'account.password_changed',
  data: { login: '025090001234' },
  ...over,
});
const enqueue = (over: Partial<NewMessage> = {}) => t.database.transaction((tx) => enqueueMessage(tx, message(over), t.clock.now()));
const row = (id: string) =>
  maybeOne<{ status: string; attempts: number; last_error: string | null; next_attempt_at: string; body: string; sent_at: string | null }>(
    t.database.db,
    sql`select status, attempts, last_error, next_attempt_at::text, body, sent_at::text from messages where id = ${id}`,
  );
const advance = (ms: number) => t.clock.set(new Date(t.clock.now().getTime() + ms).toISOString());

describe('written with the change that causes it', () => {
  it('a rolled-back change leaves no message; a committed one is delivered once, after commit', async () => {
    await expect(
      t.database.transaction(async (tx) => {
        await enqueueMessage(tx, message({ recipient: '0911111111' }), t.clock.now());
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const { id } = await enqueue();
    const w = worker();
    expect(await w.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0, expired: 0 });
    expect(sms.sent.map((m) => m.recipient)).toEqual(['0912345678']);
    expect(sms.sent[0]!.body).toMatch(/^Nong Trang So: mat khau tai khoan cua ban vua duoc thay doi/);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect((await w.runOnce()).sent).toBe(0);
    expect(sms.sent).toHaveLength(1);
  });

  it('the same dedupe key is written once', async () => {
    const a = await enqueue({ dedupeKey: 'password-changed:u1:1' });
    const b = await enqueue({ dedupeKey: 'password-changed:u1:1' });
    expect(a.inserted).toBe(true);
    expect(b).toEqual({ id: a.id, inserted: false });
    await worker().runOnce();
    expect(sms.sent).toHaveLength(1);
  });

  it('email gets a subject and Vietnamese text with diacritics; SMS is written without them', async () => {
    await enqueue({ channel: 'email', recipient: 'an.nguyen@example.vn' });
    await enqueue();
    await worker().runOnce();
    expect(email.sent[0]!.subject).toBe('Nông Trang Số: mật khẩu đã thay đổi / password changed');
    expect(email.sent[0]!.body).toContain('Mật khẩu của tài khoản 025090001234 vừa được thay đổi.');
    expect(sms.sent[0]!.body).not.toMatch(/[^\x20-\x7e]/);
  });
});

describe('retries', () => {
  it('a failing provider is retried with back-off, then the message is failed for good after the last attempt', async () => {
    const { id } = await enqueue();
    sms.failWith = new Error('provider unreachable');
    const w = worker();
    expect(await w.runOnce()).toMatchObject({ retried: 1 });
    let r = (await row(id))!;
    expect(r).toMatchObject({ status: 'pending', attempts: 1, last_error: 'Error: provider unreachable' });
    // Not due before its back-off has passed: 30 s, then 60 s, then 120 s.
    expect(await w.runOnce()).toMatchObject({ retried: 0 });
    for (const wait of [30_000, 60_000, 120_000]) {
      advance(wait - 1000);
      expect((await w.runOnce()).retried, `before ${wait} ms`).toBe(0);
      advance(1000);
      await w.runOnce();
    }
    r = (await row(id))!;
    expect(r).toMatchObject({ status: 'failed', attempts: 4, last_error: 'Error: provider unreachable' });
    sms.failWith = null;
    advance(24 * 3_600_000);
    expect(await w.runOnce()).toMatchObject({ sent: 0 });
    expect(sms.sent).toHaveLength(0);
  });

  it('a provider that comes back delivers what waited, once', async () => {
    const ids = await Promise.all([1, 2, 3].map((i) => enqueue({ recipient: `091000000${i}` }).then((x) => x.id)));
    sms.failWith = new Error('down');
    const w = worker();
    await w.runOnce();
    sms.failWith = null;
    advance(30_000);
    expect(await w.runOnce()).toMatchObject({ sent: 3 });
    expect(sms.sent.map((m) => m.id).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
  });

  it('a message past its expiry is not sent (a code nobody can use any more)', async () => {
    const { id } = await enqueue({ expiresAt: new Date(t.clock.now().getTime() + 300_000) });
    sms.failWith = new Error('down');
    const w = worker();
    await w.runOnce();
    sms.failWith = null;
    advance(300_000);
    expect(await w.runOnce()).toMatchObject({ sent: 0, expired: 1 });
    expect(await row(id)).toMatchObject({ status: 'expired' });
    expect(sms.sent).toHaveLength(0);
  });
});

describe('several workers (several app instances)', () => {
  it('60 messages and 3 workers at once: each message is sent exactly once', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 60; i++) ids.add((await enqueue({ recipient: `09${String(10_000_000 + i)}` })).id);
    const workers = ['a', 'b', 'c'].map((n) => worker(senders, `worker-${n}`));
    const results = await Promise.all(workers.map((w) => w.runOnce()));
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(60);
    expect(sms.sent).toHaveLength(60);
    expect(new Set(sms.sent.map((m) => m.id))).toEqual(ids);
    const statuses = await rows<{ status: string; attempts: number; n: number }>(
      t.database.db,
      sql`select status, attempts, count(*)::int as n from messages group by status, attempts`,
    );
    expect(statuses).toEqual([{ status: 'sent', attempts: 1, n: 60 }]);
  });

  it('PostgreSQL: a message another instance is claiming right now is skipped, not waited for', async (ctx) => {
    if (!process.env.DATABASE_URL) ctx.skip('PostgreSQL only (row locks across connections): runs when DATABASE_URL is set');
    const held = (await enqueue({ recipient: '0911000001' })).id;
    const free = (await enqueue({ recipient: '0911000002' })).id;
    await t.database.transaction(async (tx) => {
      // Another instance, mid-claim, holds this row's lock.
      await tx.execute(sql`select id from messages where id = ${held} for update`);
      const outcome = await Promise.race([
        worker().runOnce(),
        new Promise<'blocked'>((r) => setTimeout(() => r('blocked'), 5_000).unref()),
      ]);
      expect(outcome).toMatchObject({ sent: 1 });
    });
    expect(sms.sent.map((m) => m.id)).toEqual([free]);
    expect(await row(held)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('a worker that dies mid-send: nobody else takes the message until its lease ends, then it is sent once, and the dead worker cannot record it', async () => {
    const { id } = await enqueue();
    // Worker A claims it and never finishes (a provider that never answers).
    const hung: MessageSender = { channel: 'sms', name: 'hung', send: () => new Promise(() => {}) };
    const a = worker({ sms: hung, email }, 'worker-a');
    void a.runOnce();
    await expect.poll(async () => (await row(id))?.status).toBe('sending');
    const b = worker(senders, 'worker-b');
    expect(await b.runOnce()).toMatchObject({ sent: 0 });
    advance(119_000);
    expect(await b.runOnce()).toMatchObject({ sent: 0 });
    advance(1_000); // the 2-minute lease has ended
    expect(await b.runOnce()).toMatchObject({ sent: 1 });
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
    const { finishAttempt } = await import('../../src/modules/messages/messages.repo.ts');
    expect(await finishAttempt(t.database.db, id, 'worker-a', { status: 'pending', nextAttemptAt: t.clock.now(), error: 'late' })).toBe(false);
    expect(await row(id)).toMatchObject({ status: 'sent' });
    expect(sms.sent).toHaveLength(1);
  });
});

describe('several sends at once', () => {
  /** A sender whose sends end when the test says (each message by its recipient). */
  class HeldSender implements MessageSender {
    readonly name = 'held';
    readonly channel = 'sms' as const;
    started: string[] = [];
    private held = new Map<string, () => void>();
    async send(m: OutgoingMessage) {
      this.started.push(m.recipient);
      await new Promise<void>((r) => this.held.set(m.recipient, r));
      return { providerRef: `ref-${m.recipient}` };
    }
    release(recipient: string) {
      this.held.get(recipient)!();
    }
  }
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 500 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
    expect(await check()).toBe(true);
  };

  it('sends up to 4 at a time; each outcome is written as soon as its send ends, not held back by a slow one', async () => {
    const held = new HeldSender();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await enqueue({ recipient: `091234567${i}` })).id);
    const pass = createMessageWorker({ database: t.database, senders: { sms: held, email }, now: t.clock.now, log: quiet, retry, pollMs: 60_000 }).runOnce();
    await until(async () => held.started.length === 4);
    // The first ends: it is recorded sent while the three others are still being sent, and the fifth starts.
    held.release('0912345670');
    await until(async () => (await row(ids[0]!))!.status === 'sent');
    expect((await row(ids[1]!))!.status).toBe('sending');
    await until(async () => held.started.length === 5);
    for (let i = 1; i < 6; i++) {
      await until(async () => held.started.length > i);
      held.release(`091234567${i}`);
    }
    expect(await pass).toMatchObject({ sent: 6 });
    for (const mid of ids) expect(await row(mid)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('sends that end together are recorded together, each with its own outcome', async () => {
    const flaky: MessageSender = {
      channel: 'sms',
      name: 'flaky',
      send: async (m) => {
        if (m.recipient.endsWith('9')) throw new Error('provider busy');
        return { providerRef: `ref-${m.recipient}` };
      },
    };
    const a = (await enqueue({ recipient: '0912345671' })).id;
    const b = (await enqueue({ recipient: '0912345679' })).id;
    const c = (await enqueue({ recipient: '0912345672' })).id;
    expect(await worker({ sms: flaky, email }).runOnce()).toMatchObject({ sent: 2, retried: 1 });
    expect(await row(a)).toMatchObject({ status: 'sent', last_error: null });
    expect(await row(b)).toMatchObject({ status: 'pending', last_error: 'Error: provider busy' });
    expect(await row(c)).toMatchObject({ status: 'sent' });
  });
});

describe('secrets in a message', () => {
  it('the code is in the text sent, and is removed from the stored text once it has expired', async () => {
    const expiresAt = new Date(t.clock.now().getTime() + 300_000);
    const { id } = await enqueue({ template: 'otp.sign_up', data: { minutes: 5 }, secrets: { code: '482913' }, expiresAt });
    // One worker throughout: it scrubs at most once per poll interval (60 s here), not at every pass.
    const w = worker();
    await w.runOnce();
    expect(sms.sent[0]!.body).toContain('482913');
    expect((await row(id))!.body).toContain('482913');
    advance(300_000);
    await w.runOnce();
    const body = (await row(id))!.body;
    expect(body).not.toContain('482913');
    expect(body).toContain('******');
    const stored = await maybeOne<{ data: unknown }>(t.database.db, sql`select data from messages where id = ${id}`);
    expect(JSON.stringify(stored)).not.toContain('482913');
  });
});

describe('email through a real SMTP server', () => {
  let smtp: TestSmtp;
  let mailer: MessageSender;
  beforeAll(async () => {
    smtp = await new TestSmtp().start(0);
    mailer = smtpSender({ host: '127.0.0.1', port: smtp.port, secure: false, user: null, password: null, from: 'Phường Nông Trang <no-reply@nongtrang.example.vn>' });
  });
  afterAll(() => smtp.stop());
  beforeEach(() => {
    smtp.received = [];
    smtp.answer = null;
  });
  const mailWorker = () => worker({ sms, email: mailer });

  it('is delivered with its subject, sender, recipient and an id the receiver can deduplicate on', async () => {
    const { id } = await enqueue({ channel: 'email', recipient: 'an.nguyen@example.vn', template: 'otp.password_reset', data: { minutes: 5 }, secrets: { code: '570142' } });
    expect(await mailWorker().runOnce()).toMatchObject({ sent: 1 });
    const [mail] = smtp.withId(id);
    expect(smtp.received).toHaveLength(1);
    expect(mail!.to).toEqual(['an.nguyen@example.vn']);
    expect(mail!.from).toBe('no-reply@nongtrang.example.vn');
    expect(mail!.header('Message-ID')).toBe(`<${id}@nongtrang.example.vn>`);
    expect(mail!.header('Subject')).toMatch(/=\?UTF-8\?/i); // Vietnamese subject, encoded
    expect(mail!.raw).toContain('570142');
  });

  it('a server that is down, then comes back: nothing lost, nothing sent twice', async () => {
    await smtp.stop();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await enqueue({ channel: 'email', recipient: `nguoi${i}@example.vn` })).id);
    const w = mailWorker();
    expect(await w.runOnce()).toMatchObject({ sent: 0, retried: 5 });
    for (const id of ids) expect((await row(id))!.last_error).toMatch(/ECONNREFUSED|connect/i);
    advance(30_000);
    expect(await w.runOnce()).toMatchObject({ sent: 0, retried: 5 });
    await smtp.start(); // same port
    advance(59_000);
    expect(await w.runOnce()).toMatchObject({ sent: 0 }); // back-off not over yet
    advance(1_000);
    expect(await w.runOnce()).toMatchObject({ sent: 5 });
    advance(3_600_000);
    expect(await w.runOnce()).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(5);
    for (const id of ids) {
      expect(smtp.withId(id)).toHaveLength(1);
      expect(await row(id)).toMatchObject({ status: 'sent', attempts: 3 });
    }
  });

  it('a temporary refusal (451) is retried; a permanent one (550) fails at once', async () => {
    const temp = await enqueue({ channel: 'email', recipient: 'tam.thoi@example.vn' });
    smtp.answer = { code: 451, message: 'Try again later' };
    await mailWorker().runOnce();
    expect(await row(temp.id)).toMatchObject({ status: 'pending', attempts: 1 });
    smtp.answer = { code: 550, message: 'No such user' };
    advance(30_000);
    await mailWorker().runOnce();
    expect(await row(temp.id)).toMatchObject({ status: 'failed', attempts: 2 });
    expect((await row(temp.id))!.last_error).toMatch(/550|No such user/);
    expect(smtp.received).toHaveLength(0);
  });
});

describe('the app runs a worker', () => {
  it('started with the app, delivering after commit; stopped on close', async () => {
    const recorded = new RecordingSender('sms');
    const app = await startTestApp({ MESSAGE_POLL_SECONDS: '0.05' }, { senders: { sms: recorded, email } });
    try {
      await app.database.transaction((tx) => enqueueMessage(tx, message(), app.clock.now()));
      await expect.poll(() => recorded.sent.length, { timeout: 10_000 }).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('a dossier filed or acted on wakes the worker: its notices go out at once, not at the next poll', async () => {
    const texts = new RecordingSender('sms');
    const mails = new RecordingSender('email');
    const app = await startTestApp({ MESSAGE_POLL_SECONDS: '3600' }, { senders: { sms: texts, email: mails } });
    try {
      const c = await demoClients(app.app);
      const before = texts.sent.length + mails.sent.length;
      const res = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.004194'));
      expect(res.statusCode, res.body).toBe(201);
      await expect.poll(() => texts.sent.length + mails.sent.length, { timeout: 10_000 }).toBeGreaterThan(before);
      const afterSubmit = texts.sent.length + mails.sent.length;
      const acted = await c.reception.post(`/api/v1/dossiers/${res.json().code as string}/actions`, { action: 'receive' });
      expect(acted.statusCode, acted.body).toBe(200);
      await expect.poll(() => texts.sent.length + mails.sent.length, { timeout: 10_000 }).toBeGreaterThan(afterSubmit);
    } finally {
      await app.close();
    }
  });
});

describe('GET /admin/messages', () => {
  it('a unit admin reads the outbox (full text outside production); others may not', async () => {
    const c = await demoClients(t.app);
    const { id } = await enqueue({ template: 'otp.sign_up', data: { minutes: 5 }, secrets: { code: '135790' } });
    const res = await c.admin.get('/api/v1/admin/messages?recipient=0912345678');
    expect(res.statusCode, res.body).toBe(200);
    const item = res.json().items.find((m: { id: string }) => m.id === id);
    expect(item).toMatchObject({ channel: 'sms', recipient: '0912345678', status: 'pending', template: 'otp.sign_up', attempts: 0 });
    expect(item.body).toContain('135790');
    expect(item.createdAt).toMatch(/\+07:00$/);
    for (const other of [c.reception, c.leader, c.citizen]) expectError(await other.get('/api/v1/admin/messages'), 403, 'FORBIDDEN');
    expectError(await c.anonymous.get('/api/v1/admin/messages'), 401, 'UNAUTHENTICATED');
  });
});
