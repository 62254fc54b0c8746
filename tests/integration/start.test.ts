import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/db/client.ts';
import { PACKAGE_ROOT } from '../../src/package-root.ts';
import { seededDump } from '../support/app.ts';
import { EMBEDDED_CHECKS, embeddedChecksOnly } from '../support/embedded-checks.ts';
import { reactBuilds } from '../support/react-build.ts';

// The production path as an administrator runs it: `npm start` (the build in dist/, run by node
// as npm's direct child) and `node dist/src/server/main.js`, as processes of their own.
const MAIN = join(PACKAGE_ROOT, 'dist', 'src', 'server', 'main.js');
const LOCK = 'nong-trang-so.lock';

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

/** Whether something accepts connections on the port. */
async function listening(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

/** The environment of a started server: embedded database, nothing from the test run's own settings. */
function serverEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: '', NODE_ENV: 'development', LOG_LEVEL: 'info', MESSAGE_WORKER: 'false', ...settings };
}

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Run {
  const child = spawn(command, args, { cwd: PACKAGE_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, output: () => out, exited };
}

/** Runs the built server with `settings` and expects it to stop at once: its exit code and what it printed. */
async function failedStart(settings: Record<string, string>) {
  const r = run(process.execPath, [MAIN], serverEnv(settings));
  const { code } = await r.exited;
  return { code, lines: r.output().trim().split('\n') };
}

/** One sentence, no stack trace. */
function expectOneSentence(lines: string[], naming: string) {
  expect(lines, lines.join('\n')).toHaveLength(1);
  expect(lines[0]).toContain(naming);
  expect(lines[0]).not.toMatch(/\n\s+at |Error:/);
}

let dataDir: string;

// Every server here runs on an embedded data directory (or fails before opening a database).
embeddedChecksOnly();

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'nts-start-'));
  if (!EMBEDDED_CHECKS) return;
  // What `npm start` does first (a no-op when the build is current).
  execFileSync(process.execPath, [join(PACKAGE_ROOT, 'scripts', 'build.mjs'), '--if-stale'], { cwd: PACKAGE_ROOT, stdio: 'inherit' });
}, 600_000);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm start', () => {
  it('serves the production build of React, and SIGTERM to npm stops the server, freeing the port and the data directory', async () => {
    // An existing data directory (the run's seeded database): no initdb, a start of a few seconds.
    const dump = seededDump();
    const db = await openPglite(dataDir, dump ? { from: dump } : {});
    await db.close();

    const port = await freePort();
    const npm = run('npm', ['start', '--silent'], serverEnv({ PORT: String(port), DATA_DIR: dataDir }));
    try {
      await expect.poll(() => npm.output(), { timeout: 120_000, interval: 250 }).toContain('Server listening');
      expect(existsSync(join(dataDir, LOCK))).toBe(true);

      // The page and the scripts it loads, as a browser gets them: React's production build only.
      const html = await (await fetch(`http://127.0.0.1:${port}/`)).text();
      const scripts = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
      expect(scripts.length).toBeGreaterThan(0);
      const files = Object.fromEntries(await Promise.all(scripts.map(async (s) => [s, await (await fetch(`http://127.0.0.1:${port}/${s}`)).text()] as const)));
      const builds = reactBuilds(files);
      expect(builds.development).toEqual([]);
      expect(builds.production.length).toBeGreaterThan(0);

      // A second server on the same data directory is refused, naming it.
      const second = await failedStart({ PORT: String(await freePort()), DATA_DIR: dataDir });
      expect(second.code).toBe(75);
      expectOneSentence(second.lines, 'DATA_DIR');

      npm.child.kill('SIGTERM');
      const { code } = await npm.exited;
      expect(code, npm.output()).toBe(0);
      expect(npm.output()).toContain('"signal":"SIGTERM"');
      expect(await listening(port)).toBe(false);
      expect(existsSync(join(dataDir, LOCK))).toBe(false);
    } finally {
      npm.child.kill('SIGKILL');
    }
  });

  it('stops on SIGINT (Ctrl-C) too', async () => {
    const port = await freePort();
    const server = run(process.execPath, [MAIN], serverEnv({ PORT: String(port), DATA_DIR: dataDir }));
    try {
      await expect.poll(() => server.output(), { timeout: 120_000, interval: 250 }).toContain('Server listening');
      server.child.kill('SIGINT');
      expect((await server.exited).code).toBe(0);
      expect(await listening(port)).toBe(false);
      expect(existsSync(join(dataDir, LOCK))).toBe(false);
    } finally {
      server.child.kill('SIGKILL');
    }
  });
});

describe('a first start on an empty DATA_DIR', () => {
  it('copies the build\'s created and migrated embedded database instead of an initdb, then seeds it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nts-first-'));
    const port = await freePort();
    const server = run(process.execPath, [MAIN], serverEnv({ PORT: String(port), DATA_DIR: dir }));
    try {
      await expect.poll(() => server.output(), { timeout: 180_000, interval: 250 }).toContain('"msg":"started"');
      expect(server.output()).toContain('"fromBuild":true');
      // The demo's year of history, written with the demo data (DEMO_HISTORY, 1000 by default).
      expect(server.output()).toContain('"history":1000');
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/procedures?q=khai%20sinh`);
      expect(res.status).toBe(200);
      expect(JSON.stringify(await res.json())).toContain('1.001193');
      server.child.kill('SIGTERM');
      expect((await server.exited).code).toBe(0);
      // Neither a half copy nor the lock is left behind.
      expect(readdirSync(dir).filter((f) => f.startsWith('db.copying') || f === LOCK)).toEqual([]);
    } finally {
      server.child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a start that cannot succeed stops at once with one sentence naming the setting', () => {
  let busy: Server;
  let busyPort: number;

  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    busyPort = (busy.address() as { port: number }).port;
  });
  afterAll(() => new Promise((r) => busy.close(r)));

  it('a busy port, before the database is opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nts-busy-'));
    try {
      const { code, lines } = await failedStart({ PORT: String(busyPort), DATA_DIR: dir });
      expect(code).toBe(69);
      expectOneSentence(lines, `PORT`);
      expect(lines[0]).toContain(String(busyPort));
      expect(existsSync(join(dir, 'db'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a bad setting', async () => {
    const { code, lines } = await failedStart({ PORT: 'eighty' });
    expect(code).toBe(78);
    expectOneSentence(lines, 'PORT="eighty"');
  });

  it('a database that cannot be reached, its password hidden', async () => {
    const { code, lines } = await failedStart({ PORT: String(await freePort()), DATABASE_URL: 'postgres://nts:secret@127.0.0.1:1/nongtrang' });
    expect(code).toBe(69);
    expectOneSentence(lines, 'DATABASE_URL=postgres://nts:***@127.0.0.1:1/nongtrang');
    expect(lines[0]).not.toContain('secret');
  });
});
