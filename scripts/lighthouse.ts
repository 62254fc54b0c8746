/**
 * `npm run lighthouse [-- --write] [--runs=5] [--save=dir]`
 *
 * Lighthouse (mobile: default config, Moto G Power emulation, simulated slow 4G and 4× CPU
 * slowdown) on three pages of the citizen web app, served by the real server:
 *   - the catalogue            /thu-tuc
 *   - a procedure page         /thu-tuc/1.001193
 *   - tracking of a dossier    /tra-cuu/<code>   (a dossier filed by this script)
 * Targets (issue): performance ≥ 90 and accessibility ≥ 95 on each page.
 *
 * Steps: builds the web app if stale (scripts/build.mjs --if-stale --web), starts `src/server/main.ts`
 * as a child process on a fresh embedded database with the demo data, signs in as the demo
 * citizen, uploads a small PDF and files procedure 1.001193, then runs Lighthouse `--runs` times
 * per page in one headless Chromium and keeps the median run (by performance score).
 * Prints a markdown report; with --write (or LIGHTHOUSE_WRITE=1) also writes
 * docs/performance/lighthouse.md. Everything it starts (Chromium, the server, the temp data
 * directory) is removed, even on error or Ctrl-C. Exit code 1 only when the measurement itself
 * fails, never for a missed target.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import { freePort, startServer } from './bench/server.ts';
import { fileDossier } from './lighthouse/dossier.ts';
import { report } from './lighthouse/report.ts';
import { runPage } from './lighthouse/run.ts';
import { CHROME_FLAGS, CHROME_PATH, PROCEDURE_CODE, type Page, type PageResult } from './lighthouse/shared.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DOC = join(ROOT, 'docs', 'performance', 'lighthouse.md');

// --- arguments ----------------------------------------------------------------------------

interface Args {
  write: boolean;
  runs: number;
  /** Directory to keep every run's full Lighthouse result (JSON) and the median runs' HTML reports, or null. */
  saveDir: string | null;
}

const USAGE = `npx tsx scripts/lighthouse.ts [options]   (or npm run lighthouse -- [options])
  --write      write the report to docs/performance/lighthouse.md (or LIGHTHOUSE_WRITE=1)
  --runs=5     Lighthouse runs per page; the median run (by performance score) is reported
  --save=dir   also keep each run's Lighthouse JSON and the median runs' HTML reports in dir
Chromium: /usr/bin/chromium, or CHROME_PATH.`;

function readArgs(argv: string[]): Args {
  const { values: v } = parseArgs({
    args: argv,
    options: { write: { type: 'boolean', default: false }, runs: { type: 'string', default: '5' }, save: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (v.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const runs = Number(v.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1\n${USAGE}`);
  const envWrite = process.env.LIGHTHOUSE_WRITE === '1' || process.env.LIGHTHOUSE_WRITE === 'true';
  return { write: v.write || envWrite, runs, saveDir: v.save ? resolve(v.save) : null };
}

// --- clean-up -----------------------------------------------------------------------------

/** Things to undo, last-in first-out; each runs once, also when Ctrl-C arrives mid-way. */
const cleanups: { what: string; fn: () => Promise<unknown> }[] = [];
function onCleanup(what: string, fn: () => Promise<unknown>) {
  cleanups.push({ what, fn });
}
let cleaning: Promise<void> | null = null;
/** Runs the clean-up once; a second caller (Ctrl-C during an error, or the reverse) waits for the same. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (let t = cleanups.pop(); t; t = cleanups.pop()) {
      try {
        await t.fn();
      } catch (err) {
        console.error(`cleanup: could not ${t.what}: ${(err as Error).message}`);
      }
    }
  })();
  return cleaning;
}
let aborting = false;
async function abort(code: number, why: string) {
  if (aborting) return;
  aborting = true;
  console.error(`\n${why}: stopping and cleaning up…`);
  await cleanUp();
  process.exit(code);
}
process.on('SIGINT', () => void abort(130, 'interrupted'));
process.on('SIGTERM', () => void abort(143, 'terminated'));

// --- the server ---------------------------------------------------------------------------

/**
 * Starts `node --import tsx src/server/main.ts` (scripts/bench/server.ts) on a free port; resolves
 * with its base URL once /health answers. Its stop is registered for clean-up as soon as it is
 * spawned, so Ctrl-C during start-up stops it too.
 */
async function startLighthouseServer(dataDir: string): Promise<string> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = await startServer({
    cwd: ROOT,
    port,
    env: {
      ...process.env,
      NODE_ENV: 'development', // seeds the demo data (procedures, the demo citizen)
      SEED_DEMO: 'true',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      DATA_DIR: dataDir,
      DATABASE_URL: '', // empty = unset (also overrides a .env file): the embedded database
      STORAGE: 'local',
      LOG_LEVEL: 'warn',
    },
    onSpawn: (s) => onCleanup('stop the server', () => s.stop(10_000)),
  });
  return server.baseUrl;
}

// --- main ---------------------------------------------------------------------------------

async function main() {
  const args = readArgs(process.argv.slice(2));
  const loadBefore = os.loadavg();

  console.log('Ensuring the web app is built…');
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--if-stale', '--web'], { cwd: ROOT, stdio: 'inherit' });

  const dataDir = await mkdtemp(join(os.tmpdir(), 'nts-lighthouse-'));
  onCleanup(`remove ${dataDir}`, () => rm(dataDir, { recursive: true, force: true }));
  console.log('Starting the server…');
  const baseUrl = await startLighthouseServer(dataDir);
  console.log(`server on ${baseUrl}`);

  const code = await fileDossier(baseUrl);
  console.log(`dossier to track: ${code}`);

  const chrome = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: CHROME_FLAGS,
    logLevel: 'error',
    // Our own SIGINT handler stops Chromium along with the server and the temp directory.
    handleSIGINT: false,
  });
  onCleanup('stop Chromium', async () => {
    chrome.kill();
  });
  console.log(`Chromium pid ${chrome.pid} (debugging port ${chrome.port})`);

  const pages: Page[] = [
    { name: 'Catalogue', slug: 'catalogue', path: '/thu-tuc' },
    { name: 'Procedure', slug: 'procedure', path: `/thu-tuc/${PROCEDURE_CODE}` },
    { name: 'Tracking', slug: 'tracking', path: `/tra-cuu/${encodeURIComponent(code)}` },
  ];
  if (args.saveDir) await mkdir(args.saveDir, { recursive: true });
  const results: PageResult[] = [];
  for (const page of pages) results.push(await runPage(baseUrl, page, chrome.port, args.runs, args.saveDir));
  if (args.saveDir) console.log(`Lighthouse results kept in ${args.saveDir}`);

  const md = report(results, args, code, { before: loadBefore, after: os.loadavg() });
  console.log(`\n${md}`);
  if (args.write) {
    await mkdir(dirname(DOC), { recursive: true });
    await writeFile(DOC, `${md.trimEnd()}\n`);
    console.log(`\nwritten to ${DOC}`);
  }
}

let exitCode = 0;
try {
  await main();
} catch (err) {
  // After Ctrl-C, the failures of the interrupted run are only noise.
  if (!aborting) console.error(`\nlighthouse: ${(err as Error).stack ?? String(err)}`);
  exitCode = 1;
} finally {
  await cleanUp();
}
if (!aborting) process.exit(exitCode);
