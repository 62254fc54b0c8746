/**
 * `npm run bench [-- --write] [--duration=10] [--warmup=2] [--only=embedded|postgres]`
 *
 * Starts the real server as a child process on a fresh embedded database (and, when DATABASE_URL
 * is set, again on a fresh temporary PostgreSQL database on that server), signs in as the demo
 * citizen and measures with autocannon: 200 KB uploads, online submissions referencing two
 * 200 KB attachments, the complete upload+upload+submit flow, and public look-ups by code;
 * rate, p50/p90/p99 latency, non-2xx answers, and the server process's peak RSS and CPU.
 * Prints markdown; with --write (or BENCH_WRITE=1) appends a dated section to docs/PERFORMANCE.md.
 * Everything it starts (servers, temp dirs, the temp database) is removed, even on error or Ctrl-C.
 * Exit code 1 only when the benchmark itself fails, never for a missed target. See docs/PERFORMANCE.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs as nodeParseArgs } from 'node:util';
import { stopAutocannon } from './bench/autocannon.ts';
import {
  completeFormData,
  createUploadBodyFactory,
  getProcedure,
  login,
  mandatoryDocuments,
  publicLookupPath,
  submissionBody,
  submitOnce,
  uploadOnce,
} from './bench/client.ts';
import { setFlagsFromString } from 'node:v8';
import { embeddedDbThreadFromEnv, openDatabase } from '../src/db/client.ts';
import { measureCeiling, type Ceiling } from './bench/ceiling.ts';
import { CpuAccounting } from './bench/cpu.ts';
import { runPhase, SCENARIOS, type BenchState, type PhaseResult, type ScenarioKey } from './bench/phases.ts';
import { createTempDatabase, redactUrl, tcpOpen } from './bench/postgres.ts';
import { indicatorsTable, runIndicatorsBench } from './bench/indicators.ts';
import { appendToPerformanceDoc, machineDescription, section, targetsFor, type DbKind, type DbRun } from './bench/report.ts';
import { freePort, machineBusyPct, ResourceSampler, startServer, tail } from './bench/server.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PERFORMANCE_DOC = join(ROOT, 'docs', 'PERFORMANCE.md');
const PROCEDURE_CODE = '1.001193'; // Đăng ký khai sinh
const LOCAL_POSTGRES_HINT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Connections per scenario (tuned on a 2-core machine: more only adds queueing latency); --connections overrides. */
const CONNECTIONS: Record<ScenarioKey, number> = { upload: 8, submit: 16, flow: 16, lookup: 32, intake: 8 };
const ORDER: ScenarioKey[] = ['upload', 'submit', 'flow', 'lookup', 'intake'];
/** Machine CPU use (% of all cores) below which the machine counts as quiet before a measurement. */
const QUIET_PCT = 15;
/** CPU used by other processes during a scenario (% of one core) above which it counts as disturbed. */
const DISTURBED_PCT = 25;

/** The machine's CPU use by others now (% of all cores); with --wait-quiet, first waits for it to drop. */
async function waitQuiet(args: Args): Promise<number | null> {
  let busy = await machineBusyPct(1_000);
  if (args.waitQuietS > 0 && busy !== null && busy >= QUIET_PCT) {
    console.log(`  waiting for the machine to be quiet (now ${Math.round(busy)} % busy)…`);
    const until = Date.now() + args.waitQuietS * 1000;
    while (busy !== null && busy >= QUIET_PCT && Date.now() < until) busy = await machineBusyPct(2_000);
  }
  if (busy !== null && busy >= QUIET_PCT) {
    console.warn(`  WARNING: the machine is ${Math.round(busy)} % busy before the load starts (other processes): results will be low and noisy.`);
  }
  return busy;
}

interface Args {
  write: boolean;
  durationS: number;
  warmupS: number;
  only: DbKind | null;
  scenarios: ScenarioKey[];
  /** Directory for V8 CPU profiles of the server (--cpu-prof), or null. */
  cpuProfDir: string | null;
  /** Wait up to this many seconds for other processes to leave the CPU idle before measuring. */
  waitQuietS: number;
  /** The `indicators` scenario's sizes (dossiers in a year), or [] when not asked for. */
  indicators: number[];
}

const USAGE = `npm run bench [-- options]
  --write                 append the results to docs/PERFORMANCE.md (or BENCH_WRITE=1)
  --duration=10           seconds per measured scenario (or BENCH_DURATION)
  --warmup=2              seconds of unmeasured warm-up before each scenario (or BENCH_WARMUP)
  --only=embedded|postgres
  --scenarios=upload,submit,flow,lookup,intake[,indicators]   indicators: PostgreSQL only, not run by default
  --indicators-sizes=10000,100000[,1000000]            dossiers per year for the indicators scenario
  --connections=lookup:32,submit:16   connections per scenario (defaults: upload:8, submit:16, flow:16, lookup:32)
  --wait-quiet[=300]      before measuring, wait (up to 300 s) until other processes use < 15 % of the CPU
  --cpu-prof[=dir]        run the server with V8's --cpu-prof; profiles are kept in dir (default: a new temp dir)
PostgreSQL is measured too when DATABASE_URL is set (a temporary database is created there and dropped).`;

/** Flags that take a value only sometimes (`--wait-quiet`, `--wait-quiet=60`): util.parseArgs needs one. */
const OPTIONAL_VALUES: Record<string, string> = { '--wait-quiet': '300', '--cpu-prof': '' };

function parseArgs(argv: string[]): Args {
  const parse = () => nodeParseArgs({
    args: argv.map((a) => (a in OPTIONAL_VALUES ? `${a}=${OPTIONAL_VALUES[a]}` : a)),
    options: {
      write: { type: 'boolean' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      only: { type: 'string' },
      scenarios: { type: 'string' },
      'indicators-sizes': { type: 'string' },
      connections: { type: 'string' },
      'wait-quiet': { type: 'string' },
      'cpu-prof': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  let values: ReturnType<typeof parse>['values'];
  try {
    ({ values } = parse());
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${USAGE}`, { cause: err });
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const args: Args = {
    write: values.write === true || process.env.BENCH_WRITE === '1' || process.env.BENCH_WRITE === 'true',
    durationS: Number(values.duration ?? process.env.BENCH_DURATION ?? 10),
    warmupS: Number(values.warmup ?? process.env.BENCH_WARMUP ?? 2),
    only: null,
    scenarios: [...ORDER],
    cpuProfDir: values['cpu-prof'] === undefined ? null : values['cpu-prof'] ? resolve(values['cpu-prof']) : '',
    waitQuietS: values['wait-quiet'] === undefined ? 0 : Number(values['wait-quiet']),
    indicators: [],
  };
  if (values.only !== undefined) {
    if (values.only !== 'embedded' && values.only !== 'postgres') throw new Error(`--only=embedded or --only=postgres, not ${values.only}\n${USAGE}`);
    args.only = values.only;
  }
  const indicatorSizes = values['indicators-sizes'] ? values['indicators-sizes'].split(',').map(Number) : [10_000, 100_000];
  if (values.scenarios !== undefined) {
    const listed = values.scenarios.split(',').map((x) => x.trim());
    if (listed.includes('indicators')) args.indicators = [0];
    const wanted = listed.filter((x) => x !== 'indicators');
    const bad = wanted.filter((x) => !(ORDER as string[]).includes(x));
    if (bad.length) throw new Error(`unknown scenario ${bad.join(', ')} (known: ${ORDER.join(', ')}, indicators)`);
    args.scenarios = ORDER.filter((x) => wanted.includes(x));
  }
  for (const pair of values.connections ? values.connections.split(',') : []) {
    const [name, n] = pair.split(':') as [string, string | undefined];
    if (!(ORDER as string[]).includes(name) || !(Number(n) >= 1)) throw new Error(`bad --connections entry ${pair}`);
    CONNECTIONS[name as ScenarioKey] = Math.floor(Number(n));
  }
  if (!(args.durationS > 0) || !(args.warmupS >= 0)) throw new Error('--duration must be > 0 and --warmup >= 0');
  if (!(args.waitQuietS >= 0)) throw new Error('--wait-quiet takes a number of seconds');
  if (args.indicators.length) args.indicators = indicatorSizes;
  if (indicatorSizes.some((n) => !Number.isSafeInteger(n) || n < 1)) throw new Error('--indicators-sizes: whole numbers of dossiers');
  return args;
}

/** Things to undo, run last-in first-out; each runs once even if run() is called again (Ctrl-C). */
class Cleanup {
  private readonly tasks: { what: string; fn: () => Promise<unknown> }[] = [];
  add(what: string, fn: () => Promise<unknown>) {
    this.tasks.push({ what, fn });
  }
  async run() {
    for (let t = this.tasks.pop(); t; t = this.tasks.pop()) {
      try {
        await t.fn();
      } catch (err) {
        console.error(`cleanup: could not ${t.what}: ${(err as Error).message}`);
      }
    }
  }
}

class Interrupted extends Error {
  override name = 'Interrupted';
}

const active = new Set<Cleanup>();
let aborting = false;
async function abort(code: number, why: string) {
  if (aborting) return;
  aborting = true;
  console.error(`\n${why}: stopping and cleaning up…`);
  stopAutocannon();
  for (const c of active) await c.run();
  process.exit(code);
}
process.on('SIGINT', () => void abort(130, 'interrupted'));
process.on('SIGTERM', () => void abort(143, 'terminated'));
process.on('uncaughtException', (err) => void abort(1, `unexpected error: ${err.stack ?? err.message}`));
process.on('unhandledRejection', (err) => void abort(1, `unexpected error: ${(err as Error)?.stack ?? String(err)}`));

function describePhase(p: PhaseResult): string {
  const s = SCENARIOS[p.key];
  const c = p.usage.cpu;
  const cpu = c ? `; CPU % of a core: server ${Math.round(c.server)}${c.postgres === null ? '' : `, PostgreSQL ${Math.round(c.postgres)}`}, load generator ${Math.round(c.loadGenerator)}, kernel ${Math.round(c.kernel)}, others ${Math.round(c.others)}` : '';
  return `  ${s.label}: ${p.rate.toFixed(1)} ${s.unit}, p50 ${p.p50.toFixed(1)} ms, p99 ${p.p99.toFixed(1)} ms, peak RSS ${Math.round(p.usage.peakRssMb)} MB${cpu}`;
}

async function runDatabase(kind: DbKind, args: Args, adminUrl: string | null): Promise<DbRun> {
  const scope = new Cleanup();
  active.add(scope);
  try {
    const dataDir = await mkdtemp(join(tmpdir(), 'nts-bench-'));
    scope.add(`remove ${dataDir}`, () => rm(dataDir, { recursive: true, force: true }));

    let databaseUrl = '';
    let dbPids: (() => Promise<number[]>) | undefined;
    let description = 'PGlite (embedded, in the server process), fresh data directory, local file storage';
    if (kind === 'postgres') {
      const temp = await createTempDatabase(adminUrl!);
      scope.add(`drop database ${temp.name}`, () => temp.drop());
      databaseUrl = temp.url;
      dbPids = () => temp.backendPids();
      const version = /^PostgreSQL [\d.]+/.exec(temp.serverVersion)?.[0] ?? temp.serverVersion;
      const host = new URL(adminUrl!).host;
      description = `${version} at ${host} (temporary database ${temp.name}, dropped afterwards), local file storage`;
      console.log(`\n== PostgreSQL: ${redactUrl(temp.url)}`);
    } else {
      console.log(`\n== Embedded database (PGlite) in ${dataDir}`);
    }

    const nodeArgs: string[] = [];
    if (args.cpuProfDir !== null) {
      const dir = join(args.cpuProfDir, kind);
      await mkdir(dir, { recursive: true });
      nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${dir}`);
      console.log(`CPU profile of the server → ${dir} (written when it stops)`);
    }
    const serverEnv = (port: number): NodeJS.ProcessEnv => ({
      ...process.env,
      NODE_ENV: 'development',
      SEED_DEMO: 'true',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      // Empty means unset for the server (it drops empty variables), which also overrides a .env file.
      DATABASE_URL: databaseUrl,
      STORAGE: 'local',
      LOG_LEVEL: 'warn',
    });
    // First start: creates the schema and seeds the demo data (a one-time cost, reported apart),
    // then a restart on that database, as a deployed server runs.
    let port = await freePort();
    const first = await startServer({ cwd: ROOT, env: serverEnv(port), port });
    scope.add('stop the first server', () => first.stop());
    const firstStartPeakMb = new ResourceSampler(first.pid).peakHwmMb();
    await first.stop();
    port = await freePort();
    const server = await startServer({ cwd: ROOT, env: serverEnv(port), port, nodeArgs });
    scope.add('stop the server', () => server.stop());
    const sampler = new ResourceSampler(server.pid, { dbPids });
    sampler.start();
    scope.add('stop sampling', async () => sampler.stop());
    console.log(`server pid ${server.pid} listening on ${server.baseUrl}`);

    // Set-up and a smoke test of each request shape, outside the measurement: a failure here is a real failure.
    const session = await login(server.baseUrl);
    const proc = await getProcedure(server.baseUrl, PROCEDURE_CODE);
    const state: BenchState = {
      baseUrl: server.baseUrl,
      session,
      proc,
      formData: completeFormData(proc),
      requirementIds: mandatoryDocuments(proc),
      fileIds: [],
      codes: [],
    };
    const bodies = createUploadBodyFactory();
    state.fileIds.push(await uploadOnce(server.baseUrl, session, bodies.next()), await uploadOnce(server.baseUrl, session, bodies.next()));
    state.codes.push(await submitOnce(server.baseUrl, session, submissionBody(proc, state.formData, state.requirementIds, [state.fileIds[0]!, state.fileIds[1]!])));
    const probe = await fetch(`${server.baseUrl}${publicLookupPath(state.codes[0]!)}`);
    if (probe.status !== 200) throw new Error(`public look-up answered ${probe.status}: ${await probe.text()}`);
    console.log(
      `procedure ${proc.code} (${proc.name}): ${Object.keys(state.formData).length} form fields, ${state.requirementIds.length} mandatory documents (${state.requirementIds.join(', ')})`,
    );

    // Scenarios run alone still get their inputs: a pool of files to attach, dossiers to look up.
    if (args.scenarios.includes('submit') && !args.scenarios.includes('upload')) {
      while (state.fileIds.length < 64) state.fileIds.push(await uploadOnce(server.baseUrl, session, bodies.next()));
    }
    if (args.scenarios.includes('lookup') && !args.scenarios.some((k) => k === 'submit' || k === 'flow')) {
      while (state.codes.length < 500) {
        const n = state.codes.length;
        const ids: [string, string] = [state.fileIds[(2 * n) % state.fileIds.length]!, state.fileIds[(2 * n + 1) % state.fileIds.length]!];
        state.codes.push(await submitOnce(server.baseUrl, session, submissionBody(proc, state.formData, state.requirementIds, ids)));
      }
    }

    const backgroundCpuPct = await waitQuiet(args);

    const phases: PhaseResult[] = [];
    for (const key of args.scenarios) {
      const connections = CONNECTIONS[key];
      let best: PhaseResult | null = null;
      // With --wait-quiet, a scenario disturbed by other processes is measured again (at most twice
      // more) and the least disturbed attempt is kept; its "other processes" CPU is reported.
      for (let attempt = 1; attempt <= (args.waitQuietS > 0 ? 3 : 1); attempt++) {
        if (attempt > 1) {
          console.log(`  (other processes used ${Math.round(best!.usage.cpu?.others ?? 0)} % of a core during it: measuring again)`);
          await waitQuiet(args);
        }
        if (args.warmupS > 0) await runPhase(key, state, { connections, durationS: args.warmupS, sampler: null });
        if (aborting) throw new Interrupted();
        const p = await runPhase(key, state, { connections, durationS: args.durationS, sampler });
        if (aborting) throw new Interrupted();
        if (!best || (p.usage.cpu?.others ?? 0) < (best.usage.cpu?.others ?? 0)) best = p;
        if ((best.usage.cpu?.others ?? 0) <= DISTURBED_PCT) break;
      }
      const p = best!;
      phases.push(p);
      console.log(describePhase(p));
      if (p.non2xx > 0 || p.errors > 0 || p.timeouts > 0) {
        console.warn(
          `  WARNING: ${p.non2xx} non-2xx answers, ${p.errors} errors, ${p.timeouts} timeouts; status codes ${JSON.stringify(p.statusCodes)}` +
            (p.failures.length ? `\n  first failures:\n    ${p.failures.join('\n    ')}` : '') +
            `\n  server output (tail):\n${tail(server.output(), 10)}`,
        );
      }
      if ((p.usage.cpu?.others ?? 0) > DISTURBED_PCT) {
        const top = p.usage.cpu!.topOthers.map((o) => `${o.comm} ${Math.round(o.pct)} %`).join(', ');
        console.warn(`  WARNING: other processes used ${Math.round(p.usage.cpu!.others)} % of a core during this scenario (${top || 'short-lived'}): its numbers are low and noisy.`);
      }
    }
    sampler.stop();
    const peakRssMb = Math.max(sampler.peakSampledMb(), sampler.peakHwmMb() ?? 0);
    await server.stop();

    // The raw ceiling of the same database, now that the server has let it go (PGlite: one process).
    let ceiling: Ceiling | null = null;
    if (args.scenarios.includes('submit') || args.scenarios.includes('lookup')) {
      await waitQuiet(args);
      // PGlite in this thread, whatever thread the server gave it (EMBEDDED_DB_THREAD): the database
      // with nothing between it and its caller, the stricter ceiling (a worker's crossings cost).
      const database = await openDatabase({ databaseUrl: databaseUrl || null, dataDir, poolSize: 10, embeddedThread: 'main' });
      try {
        ceiling = await measureCeiling(database, {
          codes: state.codes,
          submitConnections: CONNECTIONS.submit,
          lookupConnections: CONNECTIONS.lookup,
          durationS: args.durationS,
          warmupS: args.warmupS,
          // The bench process (PGlite in it) and the database's processes; no server runs now.
          cpu: new CpuAccounting(-1, dbPids ?? null),
        });
      } finally {
        await database.close();
      }
      console.log(`  raw ceiling (no HTTP): ${ceiling.submit.toFixed(0)} submission transactions/s, ${ceiling.lookup.toFixed(0)} look-up queries/s`);
    }
    return { kind, description, phases, peakRssMb, firstStartPeakMb, dossiers: state.codes.length, backgroundCpuPct, ceiling };
  } finally {
    await scope.run();
    active.delete(scope);
  }
}

/** The commit measured, and which files under src/ had uncommitted changes. */
function gitRevision(): string {
  try {
    const git = (...a: string[]) => execFileSync('git', a, { cwd: ROOT, encoding: 'utf8' }).trim();
    const head = git('log', '-1', '--format=%h (%cd)', '--date=format:%Y-%m-%d %H:%M');
    const changed = git('status', '--porcelain', '--', 'src')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3).replace(/^src\//, ''));
    if (changed.length === 0) return head;
    const list = changed.slice(0, 6).join(', ') + (changed.length > 6 ? ` and ${changed.length - 6} more` : '');
    return `${head} + uncommitted changes in src/ (${list})`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  // The server measured is the build, as `npm start` and a service run it.
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--if-stale', '--server'], { cwd: ROOT, stdio: 'inherit' });
  // The ceiling opens PGlite in this process: with the server's WebAssembly setting (src/server/main.ts).
  setFlagsFromString('--liftoff-only');
  const startedAt = new Date();
  if (args.cpuProfDir === '') args.cpuProfDir = await mkdtemp(join(tmpdir(), 'nts-bench-prof-'));
  const adminUrl = process.env.DATABASE_URL?.trim() || null;
  console.log(`Nông Trang Số benchmark — ${machineDescription()}`);
  console.log(`${args.durationS} s per scenario after ${args.warmupS} s warm-up; connections ${JSON.stringify(CONNECTIONS)}`);
  console.log(`Embedded database's thread (EMBEDDED_DB_THREAD): ${embeddedDbThreadFromEnv()}`);

  const kinds: DbKind[] = [];
  if (args.only !== 'postgres') kinds.push('embedded');
  if (args.only !== 'embedded' && adminUrl) kinds.push('postgres');
  if (args.only === 'postgres' && !adminUrl) throw new Error('--only=postgres needs DATABASE_URL');
  const notes: string[] = [];
  if (!adminUrl && (await tcpOpen('127.0.0.1', 5432))) {
    console.log(`\nHint: PostgreSQL answers at 127.0.0.1:5432; set DATABASE_URL=${LOCAL_POSTGRES_HINT_URL} to benchmark PostgreSQL too.`);
  }

  const runs: DbRun[] = [];
  const failures: string[] = [];
  if (args.indicators.length) {
    if (!adminUrl) throw new Error('the indicators scenario needs DATABASE_URL (PostgreSQL)');
    console.log(`\nindicators (PostgreSQL): ${process.env.INDICATORS_BENCH_DB ? `the kept database ${process.env.INDICATORS_BENCH_DB}` : `${args.indicators.join(', ')} dossiers`}`);
    const table = indicatorsTable(await runIndicatorsBench(adminUrl, args.indicators, console.log, process.env.INDICATORS_BENCH_DB));
    console.log(`\n${table}`);
    if (args.write) await appendToPerformanceDoc(PERFORMANCE_DOC, `### Indicators (Decision 766) at scale — ${startedAt.toISOString().slice(0, 10)}, ${machineDescription()}, revision ${gitRevision()}\n\n${table}\n`);
    if (args.scenarios.length === 0) return 0;
  }
  for (const kind of kinds) {
    try {
      runs.push(await runDatabase(kind, args, adminUrl));
    } catch (err) {
      if (aborting) throw err;
      // The other database is still measured; the exit code says something failed.
      failures.push(`${kind}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      console.error(`\n${kind} benchmark failed: ${failures.at(-1)}`);
    }
  }
  if (runs.length === 0) throw new Error(`nothing was measured:\n${failures.join('\n')}`);

  notes.push(
    'The submission target is compared with POST /dossiers (the attachments are uploaded beforehand through POST /files, as the API requires; each submission references two distinct 200 KB files from a pool of uploads made during the run, the third mandatory document reuses one of them). The complete flow row uploads both files and then submits, per simulated applicant, and is shown against the same target for information only.',
  );
  if (args.waitQuietS > 0) {
    notes.push(
      `Run with --wait-quiet on a shared machine: each scenario started once other processes left the CPU idle (< ${QUIET_PCT} % busy); a scenario during which other processes used more than ${DISTURBED_PCT} % of a core was measured again (at most 3 attempts) and the least disturbed attempt is shown.`,
    );
  }
  const text = section({ startedAt, durationS: args.durationS, warmupS: args.warmupS, runs, notes, revision: gitRevision() });
  console.log(`\n${text}`);
  const missed = runs.flatMap((r) => targetsFor(r).filter((t) => !t.ok && !t.label.startsWith('(')).map((t) => `${r.kind}: ${t.label}`));
  if (missed.length) console.log(`Targets missed (not an error): ${missed.join('; ')}`);
  if (failures.length) {
    console.error(`\nbenchmark failed on ${failures.length} database(s)${args.write ? '; docs/PERFORMANCE.md left unchanged' : ''}.`);
    return 1;
  }
  if (args.write) {
    await appendToPerformanceDoc(PERFORMANCE_DOC, text);
    console.log(`Appended to ${PERFORMANCE_DOC}`);
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  async (err: unknown) => {
    if (aborting) return;
    console.error(`\nbenchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    for (const c of active) await c.run();
    process.exitCode = 1;
  },
);
