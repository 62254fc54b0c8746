import { existsSync } from 'node:fs';
import { appendFile, writeFile } from 'node:fs/promises';
import os, { cpus } from 'node:os';
import type { Ceiling } from './ceiling.ts';
import { SCENARIOS, type PhaseResult, type ScenarioKey } from './phases.ts';

export type DbKind = 'embedded' | 'postgres';

export interface DbRun {
  kind: DbKind;
  /** e.g. "PGlite (embedded, in the server process)" or "PostgreSQL 15.20 …". */
  description: string;
  phases: PhaseResult[];
  /** Peak RSS of the server process over its whole life (max of 200 ms samples and the kernel's VmHWM), MB. */
  peakRssMb: number;
  /** Peak RSS of the first start (creating the schema and the demo data on an empty database), MB, when known. */
  firstStartPeakMb: number | null;
  dossiers: number;
  /** The machine's CPU use by other processes just before the load (all cores), or null. */
  backgroundCpuPct: number | null;
  /** The database's raw ceiling measured in the same run (scripts/bench/ceiling.ts), or null. */
  ceiling: Ceiling | null;
}

/** The API's rate as % of the raw ceiling of the same work on the same database, or null. */
export function ofCeiling(run: DbRun, key: ScenarioKey): number | null {
  const p = find(run, key);
  const c = key === 'submit' ? run.ceiling?.submit : key === 'lookup' ? run.ceiling?.lookup : undefined;
  return p && c ? (100 * p.rate) / c : null;
}

/** CPU time per request (ms of one core): the server and PostgreSQL's processes, or null. */
export function cpuMsPerRequest(p: PhaseResult): number | null {
  const c = p.usage.cpu;
  return c && p.rate > 0 ? ((c.server + (c.postgres ?? 0)) / 100) * 1000 / p.rate : null;
}

/**
 * The ceiling's CPU time per operation as % of the API's per request: the rate the API would
 * reach, as a share of the ceiling's, when CPU is what limits both. Holds on a busy machine,
 * where the rates measured a few seconds apart do not.
 */
export function cpuOfCeiling(run: DbRun, key: ScenarioKey): number | null {
  const p = find(run, key);
  const c = key === 'submit' ? run.ceiling?.submitCpuMs : key === 'lookup' ? run.ceiling?.lookupCpuMs : undefined;
  const api = p ? cpuMsPerRequest(p) : null;
  return c && api ? (100 * c) / api : null;
}

export interface Target {
  label: string;
  limit: string;
  measured: number;
  unit: string;
  ok: boolean;
}

const find = (run: DbRun, key: ScenarioKey) => run.phases.find((p) => p.key === key);

/**
 * The targets for one database. The submission target is compared with the
 * POST /dossiers rate (attachments uploaded beforehand, as the API requires); the complete
 * flow (two uploads + submit) is shown against the same number for information.
 */
export function targetsFor(run: DbRun): Target[] {
  const out: Target[] = [];
  const submit = find(run, 'submit');
  const flow = find(run, 'flow');
  const lookup = find(run, 'lookup');
  const minSubmit = run.kind === 'postgres' ? 150 : 80;
  if (submit) {
    out.push({ label: 'Online submissions/s (POST /dossiers, 2 × 200 KB attachments attached)', limit: `≥ ${minSubmit}`, measured: submit.rate, unit: '/s', ok: submit.rate >= minSubmit });
  }
  if (flow) {
    out.push({
      label: '(stricter reading, informative) complete submissions/s incl. uploading both files',
      limit: `≥ ${minSubmit}`,
      measured: flow.rate,
      unit: '/s',
      ok: flow.rate >= minSubmit,
    });
  }
  if (lookup && run.kind === 'postgres') {
    out.push({ label: 'Public look-ups/s', limit: '≥ 3000', measured: lookup.rate, unit: '/s', ok: lookup.rate >= 3000 });
  }
  for (const key of ['submit', 'lookup'] as const) {
    const share = ofCeiling(run, key);
    if (share === null) continue;
    const what = key === 'submit' ? 'Online submissions' : 'Public look-ups';
    out.push({ label: `${what}: API rate as % of the database's raw ceiling (same run, same database)`, limit: '≥ 50 %', measured: share, unit: ' %', ok: share >= 50 });
    const cpuShare = cpuOfCeiling(run, key);
    if (cpuShare !== null) {
      out.push({ label: `${what}: the same, from CPU time per operation (ceiling's ÷ API's; robust on a busy machine)`, limit: '≥ 50 %', measured: cpuShare, unit: ' %', ok: cpuShare >= 50 });
    }
  }
  if (lookup) out.push({ label: 'Look-up p99 latency', limit: '< 30 ms', measured: lookup.p99, unit: ' ms', ok: lookup.p99 < 30 });
  out.push({ label: 'Server peak memory (RSS of the Node process, start-up and every scenario)', limit: '< 400 MB', measured: run.peakRssMb, unit: ' MB', ok: run.peakRssMb < 400 });
  if (run.firstStartPeakMb !== null) {
    out.push({
      label: '(informative) server peak memory during the very first start (creates the schema, seeds the demo data)',
      limit: '< 400 MB',
      measured: run.firstStartPeakMb,
      unit: ' MB',
      ok: run.firstStartPeakMb < 400,
    });
  }
  return out;
}

const f0 = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const pct = (n: number | null) => (n === null ? '–' : `${Math.round(n)} %`);
const num = (n: number) => (n >= 100 ? f0(n) : f1(n));

export function resultsTable(run: DbRun): string {
  const lines = [
    `| Scenario | Conns | Rate | % of raw ceiling | CPU per request (server + PostgreSQL) | p50 | p90 | p99 | Responses | non-2xx / errors | Server peak RSS | CPU: server | CPU: PostgreSQL | CPU: load generator | CPU: kernel | CPU: other processes | CPU: machine (of ${cpus().length * 100} %) |`,
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const p of run.phases) {
    const s = SCENARIOS[p.key];
    const c = p.usage.cpu;
    lines.push(
      `| ${s.label} | ${p.connections} | **${num(p.rate)}** ${s.unit} | ${pct(ofCeiling(run, p.key))} | ${f1(cpuMsPerRequest(p) ?? NaN)} ms | ${f1(p.p50)} ms | ${f1(p.p90)} ms | ${f1(p.p99)} ms | ${f0(p.responses)} | ${p.non2xx} / ${p.errors + p.timeouts} | ${f0(p.usage.peakRssMb)} MB | ${pct(c?.server ?? null)} | ${pct(c?.postgres ?? null)} | ${pct(c?.loadGenerator ?? null)} | ${pct(c?.kernel ?? null)} | ${pct(c?.others ?? null)} | ${pct(c?.machine ?? null)} |`,
    );
  }
  return lines.join('\n');
}

export function targetsTable(run: DbRun): string {
  const lines = ['| Target | Required | Measured | |', '|---|---|--:|:-:|'];
  for (const t of targetsFor(run)) {
    lines.push(`| ${t.label} | ${t.limit} | ${num(t.measured)}${t.unit} | ${t.ok ? '✓' : '✗'} |`);
  }
  return lines.join('\n');
}

export function machineDescription(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  const gib = os.totalmem() / 1024 ** 3;
  return `${model} × ${cpus.length} logical CPUs, ${gib.toFixed(1)} GiB RAM, ${os.type()} ${os.release()} (${os.arch()}), Node ${process.version}`;
}

export interface RunInfo {
  startedAt: Date;
  durationS: number;
  warmupS: number;
  runs: DbRun[];
  notes: string[];
  /** The commit measured. */
  revision: string;
}

/** The dated section appended to docs/PERFORMANCE.md (and printed). */
export function section(info: RunInfo): string {
  const stamp = info.startedAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const out = [
    `### Run of ${stamp}`,
    '',
    `- Code: ${info.revision}`,
    `- Machine: ${machineDescription()}`,
    `- Databases: ${info.runs.map((r) => r.description).join('; ')}`,
    `- Load: autocannon in the bench process on the same machine; ${info.durationS} s per scenario after a ${info.warmupS} s warm-up; server started with NODE_ENV=development, LOG_LEVEL=warn, default settings otherwise (DATABASE_POOL_SIZE=10). Rate counts 2xx answers only. CPU columns (from /proc) are in % of one core (100 % = one core busy) over the measured seconds: the server process; PostgreSQL (the benchmark database's backends and PostgreSQL's background processes); the load generator; the kernel (its threads, interrupts and softirqs: disk writeback, loopback networking); other processes (other work on a shared machine: a large value means the scenario was disturbed).`,
    '',
  ];
  for (const run of info.runs) {
    out.push(`#### ${run.kind === 'postgres' ? 'PostgreSQL' : 'Embedded database (PGlite)'}`, '');
    const background = run.backgroundCpuPct === null ? '' : ` Machine CPU busy with other processes just before the load: ${pct(run.backgroundCpuPct)}.`;
    const firstStart = run.firstStartPeakMb === null ? '' : ` (first start on the empty database, measured apart: ${f0(run.firstStartPeakMb)} MB)`;
    out.push(`${run.description}. ${run.dossiers.toLocaleString('en-US')} dossiers filed during the run; server peak RSS ${f0(run.peakRssMb)} MB${firstStart}.${background}`, '');
    if (run.ceiling) {
      out.push(
        `Raw ceiling of this database, measured in the same run after the server stopped (scripts/bench/ceiling.ts; no HTTP, no application code): ${num(run.ceiling.submit)} bare submission transactions/s (the day's counter, the dossier, its documents, its event, its step, its audit entry, its notice and the notice's outbox messages; ${f1(run.ceiling.submitCpuMs ?? NaN)} ms of CPU each), ${num(run.ceiling.lookup)} look-up queries/s (${f1(run.ceiling.lookupCpuMs ?? NaN)} ms of CPU each).`,
        '',
      );
    }
    out.push(resultsTable(run), '', targetsTable(run), '');
  }
  for (const n of info.notes) out.push(`> ${n}`, '');
  return out.join('\n');
}

const HEADER = `# Performance\n\nMeasured with \`npm run bench\` (scripts/bench.ts).\n\n## Results\n\nEach run of \`npm run bench -- --write\` adds a section here.\n`;

export async function appendToPerformanceDoc(path: string, text: string): Promise<void> {
  if (!existsSync(path)) await writeFile(path, HEADER, 'utf8');
  await appendFile(path, `\n${text}`, 'utf8');
}
