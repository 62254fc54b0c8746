/** The markdown report of scripts/lighthouse.ts: score table, failed audits per page, hints, caveats and the machine. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import type { Result } from 'lighthouse';
import { CATEGORIES, CHROME_FLAGS, CHROME_PATH, metric, PROCEDURE_CODE, score100, TARGETS, type Category, type PageResult } from './shared.ts';

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
    "A request logged an error in the browser console (Chromium logs every 4xx/5xx answer). Public pages must only make requests that succeed for a visitor: the web app asks GET /api/v1/auth/session (200 for visitors), never /auth/me.",
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

/** The whole markdown report (what --write puts in docs/performance/lighthouse.md). */
export function report(results: PageResult[], args: { runs: number }, code: string, load: { before: number[]; after: number[] }): string {
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
    '- `node scripts/build.mjs --if-stale --web` (production Vite build in `dist/web`), then the real server `node --import tsx src/server/main.ts` as a child process:',
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
