import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { CpuAccounting, type CpuShares } from './cpu.ts';

/** A server child process started for the benchmark. */
export interface BenchServer {
  readonly pid: number;
  readonly baseUrl: string;
  readonly port: number;
  /** The last lines the server wrote (stdout and stderr), for error reports. */
  output(): string;
  /** Stops the server: SIGTERM, then SIGKILL after `graceMs`. Safe to call more than once. */
  stop(graceMs?: number): Promise<void>;
}

export class ServerStartError extends Error {
  override name = 'ServerStartError';
}

/** A TCP port nobody listens on right now (the kernel's pick). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

const OUTPUT_KEEP = 64 * 1024;

/**
 * Starts the built server, `node dist/src/server/main.js`, directly (as a service runs it, not
 * through npm or tsx), so the child's pid is the server's own and its memory can be read from
 * /proc. The caller builds first (`scripts/build.mjs --if-stale --server`). Resolves once
 * `/health` answers 200.
 * @throws ServerStartError when the process exits or does not become healthy in `timeoutMs`.
 */
export async function startServer(opts: {
  cwd: string;
  env: NodeJS.ProcessEnv;
  port: number;
  timeoutMs?: number;
  /** Extra Node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  /** Called once the process is spawned, before it answers (e.g. to register `stop` for clean-up on Ctrl-C). */
  onSpawn?: (server: BenchServer) => void;
}): Promise<BenchServer> {
  const child: ChildProcess = spawn(process.execPath, [...(opts.nodeArgs ?? []), 'dist/src/server/main.js'], {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (out.length > OUTPUT_KEEP) out = out.slice(-OUTPUT_KEEP);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
  });
  if (child.pid === undefined) throw new ServerStartError('could not spawn the server process');
  const pid = child.pid;
  const baseUrl = `http://127.0.0.1:${opts.port}`;

  const stop = async (graceMs = 15_000) => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      if (!exited) child.kill('SIGKILL');
    }, graceMs);
    await exitPromise;
    clearTimeout(timer);
  };
  const server: BenchServer = { pid, baseUrl, port: opts.port, output: () => out, stop };
  opts.onSpawn?.(server);

  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (exited) {
      const e = exited as { code: number | null; signal: NodeJS.Signals | null };
      throw new ServerStartError(`the server exited during start-up (code ${e.code}, signal ${e.signal}):\n${tail(out)}`);
    }
    try {
      const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  await stop();
  throw new ServerStartError(`the server did not answer /health within ${(opts.timeoutMs ?? 120_000) / 1000} s:\n${tail(out)}`);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function tail(text: string, lines = 30): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

function readProc(pid: number): { rssKb: number; hwmKb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    const hwmKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return { rssKb, hwmKb };
  } catch {
    return null;
  }
}

function readRssPs(pid: number): number | null {
  try {
    const kb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
    return Number.isFinite(kb) ? kb : null;
  } catch {
    return null;
  }
}

/** Whole-machine busy and total jiffies from /proc/stat (null off Linux). */
function readMachineCpu(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const total = v.reduce((a, b) => a + b, 0);
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** The whole machine's busy share (all cores) over the next `ms`, or null off Linux. */
export async function machineBusyPct(ms: number): Promise<number | null> {
  const a = readMachineCpu();
  await sleep(ms);
  const b = readMachineCpu();
  if (!a || !b || b.total <= a.total) return null;
  return ((b.busy - a.busy) / (b.total - a.total)) * 100;
}

export interface PhaseUsage {
  /** Highest resident set size sampled during the phase, in MB. */
  peakRssMb: number;
  /** Where the CPU time went during the phase (Linux), or null. */
  cpu: CpuShares | null;
}

/**
 * Samples the server's memory every `intervalMs` (VmRSS from /proc, or `ps -o rss`) and, per
 * phase, where the CPU time went (see CpuAccounting). `peakHwmMb()` is the kernel's own
 * high-water mark of the process (VmHWM).
 */
export class ResourceSampler {
  private timer: NodeJS.Timeout | null = null;
  private phasePeakKb = 0;
  private overallPeakKb = 0;
  private phaseStart: Awaited<ReturnType<CpuAccounting['snapshot']>> = null;
  private readonly useProc: boolean;
  private readonly cpu: CpuAccounting;

  constructor(
    private readonly pid: number,
    private readonly opts: { intervalMs?: number; dbPids?: (() => Promise<number[]>) | undefined } = {},
  ) {
    this.useProc = existsSync(`/proc/${pid}/status`);
    this.cpu = new CpuAccounting(pid, opts.dbPids ?? null);
  }

  private sampleKb(): number | null {
    if (this.useProc) return readProc(this.pid)?.rssKb ?? null;
    return readRssPs(this.pid);
  }

  private sample(): void {
    const kb = this.sampleKb();
    if (kb === null || !Number.isFinite(kb)) return;
    this.phasePeakKb = Math.max(this.phasePeakKb, kb);
    this.overallPeakKb = Math.max(this.overallPeakKb, kb);
  }

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.opts.intervalMs ?? 200);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async beginPhase(): Promise<void> {
    this.phasePeakKb = 0;
    this.sample();
    this.phaseStart = await this.cpu.snapshot();
  }

  async endPhase(): Promise<PhaseUsage> {
    this.sample();
    const end = await this.cpu.snapshot();
    return { peakRssMb: this.phasePeakKb / 1024, cpu: this.cpu.shares(this.phaseStart, end) };
  }

  /** Highest RSS seen by sampling since start(), in MB. */
  peakSampledMb(): number {
    return this.overallPeakKb / 1024;
  }

  /** The kernel's peak RSS of the process over its whole life (VmHWM), in MB, when /proc exists. */
  peakHwmMb(): number | null {
    const p = this.useProc ? readProc(this.pid) : null;
    return p && Number.isFinite(p.hwmKb) ? p.hwmKb / 1024 : null;
  }
}
