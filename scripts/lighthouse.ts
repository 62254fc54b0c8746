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
 * Steps: builds the web app if stale (scripts/ensure-web-build.mjs), starts `src/server/main.ts`
 * as a child process on a fresh embedded database with the demo data, signs in as the demo
 * citizen, uploads a small PDF and files procedure 1.001193, then runs Lighthouse `--runs` times
 * per page in one headless Chromium and keeps the median run (by performance score).
 * Prints a markdown report; with --write (or LIGHTHOUSE_WRITE=1) also writes
 * docs/performance/lighthouse.md. Everything it starts (Chromium, the server, the temp data
 * directory) is removed, even on error or Ctrl-C. Exit code 1 only when the measurement itself
 * fails, never for a missed target.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { generateReport, type Flags, type Result } from 'lighthouse';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DOC = join(ROOT, 'docs', 'performance', 'lighthouse.md');
const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
const TARGETS: Partial<Record<Category, number>> = { performance: 90, accessibility: 95 };
const PROCEDURE_CODE = '1.001193'; // Đăng ký khai sinh
const DEMO_CITIZEN = { login: '025090001234', password: 'NongTrang@2026' };
const API = '/api/v1';
/** Attempts per Lighthouse run before the script gives up. */
const MAX_ATTEMPTS = 3;

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

function parseArgs(argv: string[]): Args {
  const args: Args = { write: process.env.LIGHTHOUSE_WRITE === '1' || process.env.LIGHTHOUSE_WRITE === 'true', runs: 5, saveDir: null };
  for (const a of argv) {
    const [k, v] = a.split('=', 2) as [string, string | undefined];
    if (k === '--write') args.write = true;
    else if (k === '--runs' && v && Number.isInteger(Number(v)) && Number(v) >= 1) args.runs = Number(v);
    else if (k === '--save' && v) args.saveDir = resolve(v);
    else if (k === '--help' || k === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  return args;
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

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const tail = (text: string, lines = 30) => text.trimEnd().split('\n').slice(-lines).join('\n');

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => (port ? resolvePort(port) : reject(new Error('no free port'))));
    });
  });
}

/** Starts `node --import tsx src/server/main.ts`; resolves with its base URL once /health answers. */
async function startServer(dataDir: string): Promise<string> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
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
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString('utf8')).slice(-64 * 1024);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  const exit = new Promise<void>((r) => child.once('exit', () => ((exited = true), r())));
  onCleanup('stop the server', async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => exited || child.kill('SIGKILL'), 10_000);
    await exit;
    clearTimeout(timer);
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the server exited during start-up (code ${child.exitCode}):\n${tail(out)}`);
    try {
      const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return baseUrl;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`the server did not answer /health within 120 s:\n${tail(out)}`);
}

// --- a dossier to track -------------------------------------------------------------------

async function expectStatus(res: Response, status: number, what: string): Promise<void> {
  if (res.status === status) return;
  const text = await res.text().catch(() => '');
  throw new Error(`${what}: HTTP ${res.status} (expected ${status}) ${text.slice(0, 500)}`);
}

interface FormField {
  key: string;
  type: string;
  required?: boolean;
  options?: { value: string }[];
  maxLength?: number;
}

function fieldValue(f: FormField): string | number {
  const fit = (s: string) => (f.maxLength !== undefined ? s.slice(0, f.maxLength) : s);
  switch (f.type) {
    case 'text':
    case 'textarea':
      return fit('Nguyễn Minh Khang');
    case 'date':
      return '2026-02-20';
    case 'select': {
      const first = f.options?.[0]?.value;
      if (first === undefined) throw new Error(`select field ${f.key} has no options`);
      return first;
    }
    case 'cccd':
      return DEMO_CITIZEN.login;
    case 'phone':
      return '0912345678';
    case 'number':
      return 1;
    case 'email':
      return 'khang.nguyen@example.vn';
    default:
      throw new Error(`form field ${f.key} has a type this script does not fill: ${f.type}`);
  }
}

/** A small valid PDF (the server checks the file's signature, not its name). */
function tinyPdf(): Blob {
  const pdf = [
    '%PDF-1.4',
    '%\u00e2\u00e3\u00cf\u00d3',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    `% lighthouse ${randomBytes(8).toString('hex')}`,
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n');
  return new Blob([Buffer.from(pdf, 'latin1')], { type: 'application/pdf' });
}

/** Signs in as the demo citizen, uploads a PDF and files procedure 1.001193; returns the dossier code. */
async function fileDossier(baseUrl: string): Promise<string> {
  const loginRes = await fetch(`${baseUrl}${API}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_CITIZEN),
  });
  await expectStatus(loginRes, 200, 'POST /auth/login');
  const { csrfToken } = (await loginRes.json()) as { csrfToken?: string };
  const cookie = loginRes.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('nts_session='));
  if (!cookie || !csrfToken) throw new Error('login answered without the nts_session cookie or a csrfToken');
  const auth = { cookie, 'x-csrf-token': csrfToken };

  const form = new FormData();
  form.append('file', tinyPdf(), 'giay-chung-sinh.pdf');
  const upRes = await fetch(`${baseUrl}${API}/files`, { method: 'POST', headers: auth, body: form });
  await expectStatus(upRes, 201, 'POST /files');
  const { id: fileId } = (await upRes.json()) as { id: string };

  const procRes = await fetch(`${baseUrl}${API}/procedures/${encodeURIComponent(PROCEDURE_CODE)}`);
  await expectStatus(procRes, 200, `GET /procedures/${PROCEDURE_CODE}`);
  const proc = (await procRes.json()) as { formFields?: FormField[]; documents?: { id: string; required: boolean | null }[] };
  const formData = Object.fromEntries((proc.formFields ?? []).filter((f) => f.required).map((f) => [f.key, fieldValue(f)]));
  const documents = (proc.documents ?? []).filter((d) => d.required === true).map((d) => ({ requirementId: d.id, fileId }));

  const subRes = await fetch(`${baseUrl}${API}/dossiers`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': `lighthouse-${randomBytes(8).toString('hex')}` },
    body: JSON.stringify({ procedureCode: PROCEDURE_CODE, formData, documents }),
  });
  await expectStatus(subRes, 201, 'POST /dossiers');
  const { code } = (await subRes.json()) as { code?: string };
  if (!code) throw new Error('POST /dossiers answered without a code');
  return code;
}

// --- Lighthouse ---------------------------------------------------------------------------

interface Page {
  name: string;
  /** File-name stem for --save. */
  slug: string;
  path: string;
}

interface PageResult {
  page: Page;
  /** The median run (by performance score). */
  lhr: Result;
  /** Performance score (0–100) of every run, in run order. */
  perfRuns: number[];
  /** The median run's layout shifts, read from its trace. */
  shifts: Shift[];
  /** Runs Lighthouse could not complete and that were repeated (their error codes). */
  retried: string[];
}

/** A layout shift of the main frame: when, how much, and which boxes moved (CSS px). */
interface Shift {
  ms: number;
  score: number;
  moves: { from: number[]; to: number[] }[];
}

/**
 * The layout shifts in a run's trace. Lighthouse's own "layout-shifts" audit (which names the
 * elements) needs its trace engine, which fails on newer Chromium builds; the raw LayoutShift
 * events still give the size and the moved boxes.
 */
function layoutShifts(traceEvents: readonly { name: string; ts: number; args: unknown }[], url: string): Shift[] {
  type NavData = { data?: { documentLoaderURL?: string } };
  type ShiftData = {
    data?: { is_main_frame?: boolean; score?: number; weighted_score_delta?: number; impacted_nodes?: { old_rect?: number[]; new_rect?: number[] }[] };
  };
  const nav = traceEvents.find((e) => e.name === 'navigationStart' && (e.args as NavData).data?.documentLoaderURL === url);
  const t0 = nav?.ts ?? traceEvents[0]?.ts ?? 0;
  return traceEvents
    .filter((e) => e.name === 'LayoutShift' && (e.args as ShiftData).data?.is_main_frame !== false)
    .map((e) => {
      const d = (e.args as ShiftData).data ?? {};
      return {
        ms: Math.round((e.ts - t0) / 1000),
        score: d.weighted_score_delta ?? d.score ?? 0,
        moves: (d.impacted_nodes ?? []).map((n) => ({ from: n.old_rect ?? [], to: n.new_rect ?? [] })),
      };
    })
    .filter((x) => x.score > 0);
}

const score100 = (lhr: Result, c: Category): number | null => {
  const s = lhr.categories[c]?.score;
  return s === null || s === undefined ? null : Math.round(s * 100);
};

async function runPage(baseUrl: string, page: Page, port: number, runs: number, saveDir: string | null): Promise<PageResult> {
  const url = `${baseUrl}${page.path}`;
  const results: Result[] = [];
  const shiftsByRun = new Map<Result, Shift[]>();
  const retried: string[] = [];
  for (let i = 1; i <= runs; i++) {
    // A run that Lighthouse itself could not complete (runtimeError, e.g. a trace it could not
    // record on a busy machine) is retried; only repeated failures are a failure of the script.
    let lhr: Result | undefined;
    for (let attempt = 1; !lhr; attempt++) {
      // No config: Lighthouse's default, i.e. mobile form factor with simulated throttling.
      const flags: Flags = { port, logLevel: 'error', output: 'json', onlyCategories: [...CATEGORIES] };
      const rr = await lighthouse(url, flags);
      if (!rr) throw new Error(`Lighthouse returned no result for ${url}`);
      const problem = rr.lhr.runtimeError
        ? `${rr.lhr.runtimeError.code} ${rr.lhr.runtimeError.message}`
        : CATEGORIES.some((c) => score100(rr.lhr, c) === null)
          ? `no score for ${CATEGORIES.filter((c) => score100(rr.lhr, c) === null).join(', ')} (${rr.lhr.runWarnings.join(' | ')})`
          : null;
      if (!problem) {
        lhr = rr.lhr;
        shiftsByRun.set(lhr, layoutShifts(rr.artifacts.Trace?.traceEvents ?? [], url));
      } else if (attempt < MAX_ATTEMPTS) {
        retried.push(rr.lhr.runtimeError?.code ?? 'NO_SCORE');
        console.warn(`  ${page.name} run ${i}: Lighthouse could not measure ${url} (${problem}); retrying`);
      } else {
        throw new Error(`Lighthouse could not measure ${url} in ${MAX_ATTEMPTS} attempts: ${problem}`);
      }
    }
    results.push(lhr);
    if (saveDir) await writeFile(join(saveDir, `${page.slug}-run${i}.json`), JSON.stringify(lhr));
    console.log(
      `  ${page.name} run ${i}/${runs}: ${CATEGORIES.map((c) => `${c} ${score100(lhr!, c)}`).join(', ')}` +
        ` (LCP ${metric(lhr, 'largest-contentful-paint')}, TBT ${metric(lhr, 'total-blocking-time')}, CLS ${metric(lhr, 'cumulative-layout-shift')})`,
    );
  }
  const sorted = [...results].sort((a, b) => (score100(a, 'performance') ?? 0) - (score100(b, 'performance') ?? 0));
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  if (saveDir) await writeFile(join(saveDir, `${page.slug}-median.html`), generateReport(median, 'html'));
  return { page, lhr: median, perfRuns: results.map((r) => score100(r, 'performance') ?? 0), shifts: shiftsByRun.get(median) ?? [], retried };
}

function metric(lhr: Result, id: string): string {
  const a = lhr.audits[id];
  if (!a || a.numericValue === undefined) return 'n/a';
  if (id === 'cumulative-layout-shift') return a.numericValue.toFixed(3);
  if (a.numericUnit === 'millisecond' && id !== 'total-blocking-time') return `${(a.numericValue / 1000).toFixed(1)} s`;
  return `${Math.round(a.numericValue)} ms`;
}

// --- the report ---------------------------------------------------------------------------

const mdCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
/** Lighthouse titles and descriptions use markdown links `[text](url)`; keep only the text. */
const plain = (s: string) => mdCell(s.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1'));

function mark(lhr: Result, c: Category): string {
  const target = TARGETS[c];
  const s = score100(lhr, c);
  if (target === undefined || s === null) return '';
  return s >= target ? '✓' : '✗';
}

function missedTargets(r: PageResult): Category[] {
  return CATEGORIES.filter((c) => TARGETS[c] !== undefined && (score100(r.lhr, c) ?? 0) < TARGETS[c]!);
}

function scoreTable(results: PageResult[], runs: number): string {
  const head =
    '| Page | Performance | Accessibility | Best practices | SEO | FCP | LCP | TBT | CLS | Speed Index | Perf ≥ 90 | A11y ≥ 95 |\n' +
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|:---:|';
  const rows = results.map(({ page, lhr, perfRuns }) => {
    const perf = runs > 1 ? `${score100(lhr, 'performance')} (runs: ${perfRuns.join(', ')})` : String(score100(lhr, 'performance'));
    return (
      `| ${page.name} \`${page.path}\` | ${perf} | ${score100(lhr, 'accessibility')} | ${score100(lhr, 'best-practices')} | ${score100(lhr, 'seo')} ` +
      `| ${metric(lhr, 'first-contentful-paint')} | ${metric(lhr, 'largest-contentful-paint')} | ${metric(lhr, 'total-blocking-time')} ` +
      `| ${metric(lhr, 'cumulative-layout-shift')} | ${metric(lhr, 'speed-index')} | ${mark(lhr, 'performance')} | ${mark(lhr, 'accessibility')} |`
    );
  });
  return [head, ...rows].join('\n');
}

type AuditResult = Result['audits'][string];

const failing = (a: AuditResult | undefined): a is AuditResult =>
  !!a && a.score !== null && a.score < 1 && !['notApplicable', 'manual', 'informative', 'error'].includes(a.scoreDisplayMode);

function savings(a: AuditResult): string {
  const parts: string[] = [];
  const ms = a.details && 'overallSavingsMs' in a.details ? (a.details.overallSavingsMs as number | undefined) : undefined;
  const bytes = a.details && 'overallSavingsBytes' in a.details ? (a.details.overallSavingsBytes as number | undefined) : undefined;
  if (ms) parts.push(`~${Math.round(ms)} ms`);
  if (bytes) parts.push(`~${Math.round(bytes / 1024)} KiB`);
  for (const [k, v] of Object.entries(a.metricSavings ?? {})) {
    if (typeof v === 'number' && v > 0) parts.push(`${k} ${k === 'CLS' ? v.toFixed(3) : `${Math.round(v)} ms`}`);
  }
  return parts.join(', ') || '—';
}

/** Weight for ordering: the metric time an audit would save, then its byte savings. */
function impact(a: AuditResult): number {
  const m = a.metricSavings ?? {};
  const metricMs = (m.LCP ?? 0) + (m.FCP ?? 0) + (m.TBT ?? 0) + (m.CLS ?? 0) * 10_000;
  const ms = a.details && 'overallSavingsMs' in a.details ? ((a.details.overallSavingsMs as number | undefined) ?? 0) : 0;
  const bytes = a.details && 'overallSavingsBytes' in a.details ? ((a.details.overallSavingsBytes as number | undefined) ?? 0) : 0;
  return metricMs * 1e6 + ms * 1e3 + bytes / 1024;
}

/** The URLs (or nodes) an audit lists, so the reader knows what to change. */
function items(a: AuditResult, max = 4): string[] {
  const d = a.details as { items?: Record<string, unknown>[] } | undefined;
  const out: string[] = [];
  for (const it of d?.items ?? []) {
    if (out.length >= max) break;
    const node = it.node as { snippet?: string; selector?: string; explanation?: string } | undefined;
    if (node?.snippet) {
      const why = node.explanation ? ` — ${node.explanation.split('\n').slice(0, 2).join(' ')}` : '';
      out.push(`\`${node.snippet.slice(0, 160)}\`${why}`);
    } else if (typeof it.url === 'string') {
      const extra = [
        typeof it.wastedMs === 'number' && it.wastedMs > 0 ? `${Math.round(it.wastedMs)} ms` : '',
        typeof it.wastedBytes === 'number' && it.wastedBytes > 0 ? `${Math.round(it.wastedBytes / 1024)} KiB wasted` : '',
        typeof it.totalBytes === 'number' && it.totalBytes > 0 ? `${Math.round(it.totalBytes / 1024)} KiB` : '',
        typeof it.cacheLifetimeMs === 'number' ? `cache ${Math.round(it.cacheLifetimeMs / 1000)} s` : '',
      ].filter(Boolean);
      out.push(`\`${it.url.replace(/^https?:\/\/127\.0\.0\.1:\d+/, '')}\`${extra.length ? ` (${extra.join(', ')})` : ''}`);
    } else if (typeof it.description === 'string') {
      out.push(plain(it.description));
    }
  }
  return out;
}

function auditLines(lhr: Result, category: Category, filter: (groupId: string | undefined) => boolean, limit: number): string[] {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  const list = refs
    .filter((ref) => filter(ref.group))
    .map((ref) => lhr.audits[ref.id])
    .filter(failing)
    .sort((a, b) => impact(b) - impact(a))
    .slice(0, limit);
  return list.map((a) => {
    const shown = items(a);
    const sub = shown.map((s) => `\n    - ${s}`).join('');
    const value = a.displayValue ? ` — ${mdCell(a.displayValue)}` : '';
    return `- \`${a.id}\` ${plain(a.title)}${value} (savings: ${savings(a)})${sub}`;
  });
}

function pageDetails(r: PageResult): string {
  const { page, lhr } = r;
  const out: string[] = [`### ${page.name} (\`${page.path}\`)`, ''];
  const missed = missedTargets(r);
  if (missed.includes('performance')) {
    out.push(`Performance ${score100(lhr, 'performance')} < ${TARGETS.performance}. Metrics (score 0–1):`, '');
    for (const ref of lhr.categories.performance?.auditRefs ?? []) {
      if (ref.group !== 'metrics' || !ref.weight) continue;
      const a = lhr.audits[ref.id];
      if (a) out.push(`- ${plain(a.title)}: ${a.displayValue ?? ''} (score ${a.score ?? 'n/a'}, weight ${ref.weight})`);
    }
    out.push('', 'Top opportunities and diagnostics:', '');
    const lines = auditLines(lhr, 'performance', (g) => g === 'diagnostics', 8);
    out.push(...(lines.length ? lines : ['- (none flagged)']), '');
    if ((lhr.audits['cumulative-layout-shift']?.score ?? 1) < 0.9 && r.shifts.length) {
      const vp = lhr.configSettings.screenEmulation;
      out.push(`Layout shifts in the trace (boxes as [x, y, width, height] in CSS px; viewport ${vp.width}×${vp.height}; [0, 0, 0, 0] = moved out of the viewport):`, '');
      for (const sh of [...r.shifts].sort((a, b) => b.score - a.score).slice(0, 5)) {
        const moves = sh.moves.map((m) => `[${m.from.join(', ')}] → [${m.to.join(', ')}]`).join('; ');
        out.push(`- at ${sh.ms} ms: score ${sh.score.toFixed(3)}${moves ? `; ${moves}` : ''}`);
      }
      out.push('');
    }
  }
  const a11y = auditLines(lhr, 'accessibility', () => true, 100);
  if (missed.includes('accessibility') || a11y.length) {
    out.push(`Accessibility ${score100(lhr, 'accessibility')}: failed audits:`, '');
    out.push(...(a11y.length ? a11y : ['- (none; the score is below target for another reason)']), '');
  }
  const others = [...auditLines(lhr, 'best-practices', () => true, 20), ...auditLines(lhr, 'seo', () => true, 20)];
  if (others.length) out.push('Failed best-practices / SEO audits:', '', ...others, '');
  if (r.retried.length) out.push(`Runs repeated because Lighthouse could not complete them: ${r.retried.join(', ')}.`, '');
  if (lhr.runWarnings.length) out.push('Lighthouse warnings:', '', ...lhr.runWarnings.map((w) => `- ${mdCell(w)}`), '');
  if (out.length === 2) out.push('All targets met; no accessibility, best-practices or SEO audit failed.', '');
  return out.join('\n');
}

/**
 * What would fix a failed audit in this code base, from an inspection of the code when this script
 * was written (shown only for audits that fail in the run; check them against the current code).
 */
const HINTS: Record<string, string> = {
  'cumulative-layout-shift':
    "While a page fetches its data, `<main>` is short and the footer — held at the bottom of the viewport by `body { min-height: 100vh }` (web/src/ui/styles/base.css) and `.footer { margin-top: auto }` (web/src/ui/styles/layout.css) — is on screen; when the data arrives the footer is pushed below the fold, a shift of its whole box (the shift listed above is a box at the bottom of the viewport moving out of it). Fix: let the page area fill the viewport, e.g. `#main-content { flex: 1 0 auto; min-height: 100vh; }` in web/src/ui/styles/layout.css, so the footer starts below the fold (or give the loading state placeholders of the final height).",
  'unused-javascript':
    'All citizen pages are in the one entry chunk: web/src/app/App.tsx imports them statically (only the back office is `lazy`). Loading the pages that are never a first view with `React.lazy` (sign-in/up, apply, receipt, my dossiers, dossier) shrinks the JavaScript the catalogue, procedure and tracking pages download and execute.',
  'total-blocking-time': 'Main-thread time is mostly parsing and running the single entry chunk; see unused-javascript (route-level `React.lazy` in web/src/app/App.tsx).',
  'uses-long-cache-ttl':
    "src/server/web.ts serves dist/web with `maxAge: '1h'`. The files under /assets/ carry a content hash in their names: send `cache-control: public, max-age=31536000, immutable` for them (a `setHeaders` option of @fastify/static checking for /assets/), and keep `no-cache` for index.html.",
  'errors-in-console':
    "An anonymous visitor's GET /api/v1/auth/me answers 401 (src/modules/accounts/accounts.routes.ts, `requireUser`), and Chromium logs every 4xx/5xx response as a console error; web/src/api/session.tsx asks on every page load. Answer 200 `{ user: null, csrfToken: null }` when nobody is signed in (and read that in session.tsx), or skip the call when no session is present.",
  'robots-txt':
    '/robots.txt falls through to the SPA fallback (index.html), which is not a valid robots.txt. Add web/public/robots.txt (e.g. `User-agent: *`, `Disallow: /api/`, `Disallow: /can-bo`); Vite copies web/public into dist/web.',
};

function hints(results: PageResult[]): string[] {
  const failed = new Set<string>();
  for (const { lhr } of results) {
    // Metrics count as failed below 0.9 (Lighthouse's "good" band); other audits below 1.
    const metrics = new Set((lhr.categories.performance?.auditRefs ?? []).filter((ref) => ref.group === 'metrics').map((ref) => ref.id));
    for (const [id, a] of Object.entries(lhr.audits)) {
      if (metrics.has(id) ? (a.score ?? 1) < 0.9 : failing(a)) failed.add(id);
    }
  }
  return Object.entries(HINTS)
    .filter(([id]) => failed.has(id))
    .map(([id, text]) => `- \`${id}\`: ${text}`);
}

/** Audits Lighthouse could not compute (errors), once per audit over all pages, with their weight in the scores. */
function erroredAudits(results: PageResult[]): { id: string; message: string; weight: number }[] {
  const seen = new Map<string, { id: string; message: string; weight: number }>();
  for (const { lhr } of results) {
    for (const [id, a] of Object.entries(lhr.audits)) {
      if (a.scoreDisplayMode !== 'error' || seen.has(id)) continue;
      const weight = Object.values(lhr.categories).reduce((w, c) => w + (c.auditRefs.find((ref) => ref.id === id)?.weight ?? 0), 0);
      seen.set(id, { id, message: (a.errorMessage ?? 'error').split('\n')[0]!.slice(0, 200), weight });
    }
  }
  return [...seen.values()];
}

function caveats(results: PageResult[], version: string): string[] {
  const errored = erroredAudits(results);
  if (!errored.length) return [];
  const weighted = errored.some((e) => e.weight > 0);
  return [
    '## Caveats',
    '',
    `Lighthouse ${version} could not compute these audits in this run (with Chromium newer than this Lighthouse release, its bundled trace engine fails to read the trace). ` +
      (weighted
        ? 'Some of them carry weight in a category score (see below), so those scores are affected.'
        : 'None carries weight in a category score, so the scores and metrics are unaffected; layout shifts are read from the raw trace instead (see Details).'),
    '',
    ...errored.map((e) => `- \`${e.id}\` (weight ${e.weight}): ${mdCell(e.message)}`),
    '',
  ];
}

function chromiumVersion(): string {
  try {
    // The Debian wrapper script prints shell noise on stderr; the version is on stdout.
    return execFileSync(CHROME_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return `unknown (${CHROME_PATH} --version failed)`;
  }
}

function machine(lhr: Result | undefined): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  const lines = [
    `- CPU: ${model} × ${cpus.length} logical cores; memory ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB; ${os.type()} ${os.release()} (${os.arch()})`,
    `- Node ${process.version}; ${chromiumVersion()} (headless); Lighthouse ${lhr?.lighthouseVersion ?? 'n/a'}`,
  ];
  if (lhr?.environment) {
    lines.push(
      `- Lighthouse CPU benchmark index ${lhr.environment.benchmarkIndex} (the simulated 4× slowdown is applied to this machine's own speed; a busier or slower machine scores lower)`,
    );
  }
  return lines.join('\n');
}

function report(results: PageResult[], args: Args, code: string, load: { before: number[]; after: number[] }): string {
  const first = results[0]?.lhr;
  const s = first?.configSettings;
  const t = s?.throttling;
  const missed = results.flatMap((r) => missedTargets(r).map((c) => `${r.page.name}: ${c} ${score100(r.lhr, c)} < ${TARGETS[c]}`));
  const la = (v: number[]) => v.map((x) => x.toFixed(2)).join(' / ');
  return [
    '# Lighthouse (mobile)',
    '',
    'Issue target: on the catalogue, a procedure page and tracking, Lighthouse mobile **performance ≥ 90** and **accessibility ≥ 95**.',
    'Performance is measured by this script, never by timed assertions in tests.',
    '',
    `Generated by \`npm run lighthouse -- --write\` (scripts/lighthouse.ts) on ${new Date().toISOString()}.`,
    '',
    '## Machine',
    '',
    machine(first),
    `- Load average (1/5/15 min) before: ${la(load.before)}, after: ${la(load.after)}`,
    '',
    '## Method',
    '',
    '- `node scripts/ensure-web-build.mjs` (production Vite build in `dist/web`), then the real server `node --import tsx src/server/main.ts` as a child process:',
    '  `NODE_ENV=development` (demo data seeded), fresh embedded database (PGlite) in a temporary `DATA_DIR`, `HOST=127.0.0.1`, a free port, `LOG_LEVEL=warn`; static files served by the server itself (`@fastify/static`, `@fastify/compress`), plain HTTP/1.1 on loopback.',
    `- A dossier to track: sign in as the demo citizen, upload a small PDF (\`POST /api/v1/files\`), file procedure ${PROCEDURE_CODE} (\`POST /api/v1/dossiers\`) → \`${code}\`.`,
    `- Lighthouse ${first?.lighthouseVersion ?? ''} via its Node API, default configuration: form factor **${s?.formFactor ?? 'mobile'}** (${s?.screenEmulation.width ?? '?'}×${s?.screenEmulation.height ?? '?'} @${s?.screenEmulation.deviceScaleFactor ?? '?'}x), throttling **${s?.throttlingMethod ?? 'simulate'}**` +
      (t ? ` (RTT ${t.rttMs} ms, ${Math.round((t.throughputKbps ?? 0) / 1024 * 10) / 10} Mbit/s, CPU slowdown ${t.cpuSlowdownMultiplier}×)` : '') +
      `; categories ${CATEGORIES.join(', ')}; anonymous visitor (fresh Chromium profile, storage cleared before each run).`,
    `- Chromium flags: \`${CHROME_FLAGS.join(' ')}\`.`,
    `- ${args.runs} run(s) per page in one Chromium; the table shows the median run by performance score (all runs' performance scores in brackets).`,
    '',
    '## Results',
    '',
    scoreTable(results, args.runs),
    '',
    missed.length ? `**Missed targets:** ${missed.join('; ')}.` : '**All targets met.**',
    '',
    '## Details',
    '',
    ...results.map(pageDetails),
    ...(() => {
      const h = hints(results);
      return h.length ? ['## What would fix the failed audits', '', ...h, ''] : [];
    })(),
    ...caveats(results, first?.lighthouseVersion ?? ''),
  ].join('\n');
}

// --- main ---------------------------------------------------------------------------------

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const loadBefore = os.loadavg();

  console.log('Ensuring the web app is built…');
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'ensure-web-build.mjs')], { cwd: ROOT, stdio: 'inherit' });

  const dataDir = await mkdtemp(join(os.tmpdir(), 'nts-lighthouse-'));
  onCleanup(`remove ${dataDir}`, () => rm(dataDir, { recursive: true, force: true }));
  console.log('Starting the server…');
  const baseUrl = await startServer(dataDir);
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
