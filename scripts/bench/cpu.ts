import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * Where the machine's CPU time went during a scenario, from /proc (Linux only): the server, the
 * PostgreSQL processes (the benchmark database's backends and the server's own background
 * processes), the load generator (this process), the kernel (its threads, interrupts and softirqs:
 * disk writeback, loopback networking), and everything else. "Everything else" is other work on a
 * shared machine: a large value means the scenario was disturbed. Shares are in % of one core.
 */
export interface CpuShares {
  server: number;
  postgres: number | null;
  loadGenerator: number;
  kernel: number;
  others: number;
  machine: number;
  /** The busiest other processes by command name (for the warning on a disturbed scenario). */
  topOthers: { comm: string; pct: number }[];
}

const CLOCK_TICKS = 100; // USER_HZ

type Kind = 'server' | 'postgres' | 'loadGenerator' | 'kernel' | 'process';

interface Proc {
  ppid: number;
  comm: string;
  ticks: number;
}

interface Snapshot {
  at: number;
  /** Per-process accumulated user+system ticks and their kind. */
  procs: Map<number, { kind: Kind; ticks: number; comm: string }>;
  /** /proc/stat: user+nice+system, irq+softirq, and the total over all cores. */
  userSystem: number;
  interrupts: number;
  total: number;
}

function readProcs(): Map<number, Proc> {
  const out = new Map<number, Proc>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const open = stat.indexOf('(');
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      out.set(Number(name), { comm: stat.slice(open + 1, close), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

function readMachine(): { userSystem: number; interrupts: number; total: number } {
  const v = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  const at = (i: number) => v[i] ?? 0;
  // user nice system idle iowait irq softirq steal guest guest_nice (guest time is already in user)
  return { userSystem: at(0) + at(1) + at(2), interrupts: at(5) + at(6), total: at(0) + at(1) + at(2) + at(3) + at(4) + at(5) + at(6) + at(7) };
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

// PostgreSQL's own processes (postmaster, checkpointer, WAL writer, autovacuum …), not client backends.
const POSTGRES_AUX = /postgres: .*(checkpointer|background writer|walwriter|autovacuum|logical replication|stats|archiver|walsender|walreceiver|io worker)|bin\/postgres\b/;

export class CpuAccounting {
  private readonly cores = Math.max(1, cpus().length);
  readonly available: boolean;

  constructor(
    private readonly serverPid: number,
    private readonly dbBackendPids: (() => Promise<number[]>) | null,
  ) {
    try {
      readMachine();
      this.available = true;
    } catch {
      this.available = false;
    }
  }

  async snapshot(): Promise<Snapshot | null> {
    if (!this.available) return null;
    const backends = new Set((await this.dbBackendPids?.().catch(() => [])) ?? []);
    const procs = readProcs();
    const machine = readMachine();
    const inTree = (pid: number, root: number) => {
      for (let p: number | undefined = pid, hops = 0; p && hops < 64; p = procs.get(p)?.ppid, hops++) if (p === root) return true;
      return false;
    };
    const out = new Map<number, { kind: Kind; ticks: number; comm: string }>();
    for (const [pid, p] of procs) {
      let kind: Kind;
      if (inTree(pid, this.serverPid)) kind = 'server';
      else if (inTree(pid, process.pid)) kind = 'loadGenerator';
      else if (pid === 2 || p.ppid === 2) kind = 'kernel';
      else if (this.dbBackendPids && (backends.has(pid) || (p.comm === 'postgres' && POSTGRES_AUX.test(cmdline(pid))))) kind = 'postgres';
      else kind = 'process';
      out.set(pid, { kind, ticks: p.ticks, comm: p.comm });
    }
    return { at: performance.now(), procs: out, ...machine };
  }

  /** CPU shares between two snapshots. */
  shares(a: Snapshot | null, b: Snapshot | null): CpuShares | null {
    if (!a || !b) return null;
    const seconds = (b.at - a.at) / 1000;
    if (seconds <= 0) return null;
    const sum: Record<Kind, number> = { server: 0, postgres: 0, loadGenerator: 0, kernel: 0, process: 0 };
    const byComm = new Map<string, number>();
    for (const [pid, now] of b.procs) {
      // A process that started during the scenario counts from zero (its kind is the one seen at the end).
      const before = a.procs.get(pid);
      const ticks = now.ticks - (before && before.kind === now.kind ? before.ticks : 0);
      sum[now.kind] += ticks;
      if (now.kind === 'process' && ticks > 0) byComm.set(now.comm, (byComm.get(now.comm) ?? 0) + ticks);
    }
    const pct = (ticks: number) => (ticks / CLOCK_TICKS / seconds) * 100;
    // Machine-wide jiffies are per core; /proc/stat and USER_HZ agree on 100 ticks per second per core.
    const userSystem = b.userSystem - a.userSystem;
    const interrupts = b.interrupts - a.interrupts;
    const ours = sum.server + sum.postgres + sum.loadGenerator + sum.kernel;
    return {
      server: pct(sum.server),
      postgres: this.dbBackendPids ? pct(sum.postgres) : null,
      loadGenerator: pct(sum.loadGenerator),
      kernel: pct(sum.kernel + interrupts),
      // Everything else, including processes that began and ended within the scenario.
      others: Math.max(0, pct(userSystem - ours)),
      machine: Math.min(this.cores * 100, pct(userSystem + interrupts)),
      topOthers: [...byComm]
        .sort((x, y) => y[1] - x[1])
        .slice(0, 4)
        .map(([comm, t]) => ({ comm, pct: pct(t) })),
    };
  }
}
