import { connect } from 'node:net';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/db/client.ts';
import { sweepUploads } from '../../src/modules/files/files.sweep.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients, signIn, type Client } from '../support/client.ts';
import { DEMO_CITIZEN } from '../../src/db/seed/demo.ts';
import { buildSubmission, pdfBytes } from '../support/builders.ts';
import { expectError } from '../support/expect.ts';

// Issue 6 "Uploads": refused uploads leave nothing stored, and uploads never attached to a
// dossier are removed after the retention period (UPLOAD_RETENTION_HOURS) by a sweep that keeps
// every blob another upload or a dossier still holds.

const HOUR = 3_600_000;
const RETENTION_HOURS = 48;

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;

beforeAll(async () => {
  t = await startTestApp({ UPLOAD_RETENTION_HOURS: String(RETENTION_HOURS) });
  c = await demoClients(t.app);
});
afterAll(() => t.close());

/** Every stored blob (the fan-out directories), not the staging area. */
async function storedBlobs(): Promise<string[]> {
  const entries = await readdir(t.filesDir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && !join(e.parentPath, e.name).startsWith(join(t.filesDir, 'tmp'))).map((e) => e.name).sort();
}
const staged = async () => (await readdir(join(t.filesDir, 'tmp')).catch(() => [] as string[])).filter((n) => n.endsWith('.part'));
const uploadIds = async () => (await rows<{ id: string }>(t.database.db, sql`select id from uploads order by id`)).map((r) => r.id);
const sweep = () => sweepUploads(t, { now: t.clock.now(), retentionMs: RETENTION_HOURS * HOUR });

async function upload(client: Client, content: Buffer, name = 'giay-to.pdf'): Promise<{ id: string; sha256: string }> {
  const res = await client.upload(name, content);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('refused uploads leave nothing stored', () => {
  it('a file of a refused type is not kept in the blob store (it was)', async () => {
    const before = await storedBlobs();
    const res = await c.citizen.upload('hoa-don.pdf', Buffer.from('MZ\x90\x00\x03 this is a Windows program'));
    expectError(res, 415, 'FILE_TYPE_NOT_ALLOWED');
    expect(await storedBlobs()).toEqual(before);
    expect(await staged()).toEqual([]);
  });

  it('a file over the limit, an empty file and a cut-short body leave nothing either', async () => {
    const small = await startTestApp({ MAX_UPLOAD_MB: '1' });
    try {
      const citizen = await signIn(small.app, DEMO_CITIZEN.cccd);
      const blobsOf = async () => (await readdir(small.filesDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
      // What the demo brings (its progress photos, docs/PROJECTS.md): the refused uploads add nothing to it.
      const blobsBefore = await blobsOf();
      const uploadsBefore = await rows(small.database.db, sql`select id from uploads order by id`);
      expectError(await citizen.upload('lon.pdf', pdfBytes(1100)), 413, 'FILE_TOO_LARGE');
      expectError(await citizen.upload('rong.pdf', Buffer.alloc(0)), 400, 'FILE_EMPTY');
      const boundary = 'nts-cut';
      const cut = await small.app.inject({
        method: 'POST',
        url: '/api/v1/files',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: `nts_session=${citizen.session!.cookie}`, 'x-csrf-token': citizen.session!.csrf },
        payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), pdfBytes(8)]),
      });
      expectError(cut, 400, 'VALIDATION_FAILED');
      expect(await blobsOf()).toEqual(blobsBefore);
      expect(await rows(small.database.db, sql`select id from uploads order by id`)).toEqual(uploadsBefore);
    } finally {
      await small.close();
    }
  });

  it('a client that goes away mid-upload leaves no staged copy and no blob', async () => {
    const port = Number(new URL(await t.app.listen({ port: 0, host: '127.0.0.1' })).port);
    const before = await storedBlobs();
    const boundary = 'nts-abort';
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write(
      [
        'POST /api/v1/files HTTP/1.1',
        `Host: 127.0.0.1:${port}`,
        `Cookie: nts_session=${c.citizen.session!.cookie}`,
        `X-CSRF-Token: ${c.citizen.session!.csrf}`,
        `Content-Type: multipart/form-data; boundary=${boundary}`,
        `Content-Length: ${5 * 1024 * 1024}`,
        '',
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="dang-do.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ].join('\r\n'),
    );
    socket.write(pdfBytes(256));
    // The fact to wait for: the server is receiving the file into its staging area.
    await expect.poll(staged, { timeout: 20_000, interval: 20 }).toHaveLength(1);
    socket.destroy();
    await expect.poll(staged, { timeout: 20_000, interval: 20 }).toEqual([]);
    expect(await storedBlobs()).toEqual(before);
  });
});

describe('abandoned uploads are swept after the retention period', () => {
  it('removes an old upload no dossier refers to, with its blob; keeps a recent one', async () => {
    const old = await upload(c.citizen, pdfBytes(2, 'bo-quen'));
    t.clock.advanceHours(RETENTION_HOURS - 1);
    const recent = await upload(c.citizen, pdfBytes(2, 'moi-tai'));
    t.clock.advanceHours(2);

    const result = await sweep();
    expect(result.uploads).toBeGreaterThanOrEqual(1);
    const ids = await uploadIds();
    expect(ids).not.toContain(old.id);
    expect(ids).toContain(recent.id);
    expect(await t.blobs.has(old.sha256)).toBe(false);
    expect(await t.blobs.has(recent.sha256)).toBe(true);
    expectError(await c.citizen.get(`/api/v1/files/${old.id}`), 404, 'NOT_FOUND');
    expect((await c.citizen.get(`/api/v1/files/${recent.id}`)).statusCode).toBe(200);
  });

  it('keeps uploads attached to a dossier, however old, and blobs another upload shares', async () => {
    const body = await buildSubmission(c.citizen, '1.001193');
    const filed = await c.citizen.post('/api/v1/dossiers', body);
    expect(filed.statusCode, filed.body).toBe(201);
    const attached = body.documents[0]!.fileId;
    const attachedSha = (await rows<{ sha256: string }>(t.database.db, sql`select sha256 from uploads where id = ${attached}`))[0]!.sha256;
    // The same bytes uploaded again and abandoned: its row goes, the shared blob stays.
    const content = pdfBytes(2, 'chia-se');
    const shared = await upload(c.citizen, content, 'ban-1.pdf');
    const sharedAgain = await upload(c.specialist, content, 'ban-2.pdf');
    expect(sharedAgain.sha256).toBe(shared.sha256);
    t.clock.advanceHours(RETENTION_HOURS + 1);
    const third = await upload(c.reception, content, 'ban-3.pdf'); // a fresh upload of the same bytes

    await sweep();
    const ids = await uploadIds();
    expect(ids).toContain(attached);
    expect(await t.blobs.has(attachedSha)).toBe(true);
    expect(ids).not.toContain(shared.id);
    expect(ids).not.toContain(sharedAgain.id);
    expect(ids).toContain(third.id);
    expect(await t.blobs.has(shared.sha256)).toBe(true);
    const download = await c.reception.get(`/api/v1/files/${third.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(content)).toBe(true);
    expect((await c.citizen.get(`/api/v1/files/${attached}`)).statusCode).toBe(200);

    // Once the last copy is old too, the blob goes.
    t.clock.advanceHours(RETENTION_HOURS + 1);
    await sweep();
    expect(await t.blobs.has(shared.sha256)).toBe(false);
    expect(await t.blobs.has(attachedSha)).toBe(true);
  });

  it('two sweeps at once (two app instances) share the work and fail nothing', async () => {
    const made = [];
    for (let i = 0; i < 6; i++) made.push(await upload(c.citizen, pdfBytes(1, `song-song-${i}`)));
    t.clock.advanceHours(RETENTION_HOURS + 1);
    const [a, b] = await Promise.all([sweep(), sweep()]);
    expect(a.uploads + b.uploads).toBeGreaterThanOrEqual(made.length);
    const ids = await uploadIds();
    for (const m of made) {
      expect(ids).not.toContain(m.id);
      expect(await t.blobs.has(m.sha256)).toBe(false);
    }
  });

  it('an upload racing a sweep of the same content keeps its blob', async () => {
    for (let i = 0; i < 4; i++) {
      const content = pdfBytes(1, `dua-${i}`);
      await upload(c.citizen, content);
      t.clock.advanceHours(RETENTION_HOURS + 1);
      const [again] = await Promise.all([upload(c.citizen, content), sweep()]);
      const download = await c.citizen.get(`/api/v1/files/${again.id}`);
      expect(download.statusCode, `round ${i}`).toBe(200);
      expect(download.rawPayload.equals(content)).toBe(true);
    }
  });

  it('removes staged copies a crashed process left behind, once they are old', async () => {
    const dir = join(t.filesDir, 'tmp');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'bi-bo-lai.part'), 'x');
    await writeFile(join(dir, 'moi.part'), 'x');
    const longAgo = new Date(t.clock.now().getTime() - (RETENTION_HOURS + 1) * HOUR);
    await utimes(join(dir, 'bi-bo-lai.part'), longAgo, longAgo);
    const result = await sweep();
    expect(result.staging).toBe(1);
    expect(await staged()).toEqual(['moi.part']);
  });
});

describe('the background sweep', () => {
  it('runs by itself every UPLOAD_SWEEP_INTERVAL_MINUTES and stops with the app', async () => {
    const app = await startTestApp({ UPLOAD_RETENTION_HOURS: '1', UPLOAD_SWEEP_INTERVAL_MINUTES: '0.005' });
    try {
      const citizen = await signIn(app.app, DEMO_CITIZEN.cccd);
      const res = await citizen.upload('bo-quen.pdf', pdfBytes(1));
      expect(res.statusCode).toBe(201);
      const id = res.json().id;
      const has = async () => (await rows(app.database.db, sql`select 1 from uploads where id = ${id}`)).length;
      expect(await has()).toBe(1);
      app.clock.advanceHours(2);
      await expect.poll(has, { timeout: 20_000, interval: 50 }).toBe(0);
    } finally {
      await app.close();
    }
  });
});
