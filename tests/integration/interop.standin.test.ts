import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

// `npm run sim:national-portal` as a ward's IT admin runs it, against a server that is not on the
// default address: every URL it prints is that server's.

let t: TestApp;
let server: string;
beforeAll(async () => {
  // Real time: the stand-in signs with the machine's clock, which the server checks.
  t = await startTestApp({ MESSAGE_WORKER: 'false' }, { realClock: true });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  server = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t?.close());

describe('the national-portal stand-in', () => {
  it('forwards to the server it is given and points to that server’s back office', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/national-portal/main.ts', '--server', server, '--count', '1', '--port', '0', '--listen-seconds', '0', '--prefix', 'G22.99.8-STANDIN'],
      { timeout: 60_000 },
    );
    expect(stdout).toMatch(/→ G22\.99\.8-STANDIN-000001 {2}⇒ {2}DEMO\.07894\.H25-/);
    expect(stdout).toContain('1 of 1 dossiers forwarded');
    expect(stdout).toContain(`(${server}/can-bo)`);
    expect(stdout).not.toContain(':3000');
  });
});
