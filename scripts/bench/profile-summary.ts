/**
 * `tsx scripts/bench/profile-summary.ts <file.cpuprofile> [top=40] [filter]`: where a V8 CPU
 * profile's time went (from `npm run bench -- --cpu-prof` or PROFILE=<dir> for
 * scripts/bench/inproc.ts). Prints the share of the sampled time by package or area, then the
 * functions with the most self time and with the most total time (inclusive of their callees,
 * counted once per sample even when recursive). `filter` keeps the samples whose stack has a
 * frame whose name or file contains it (e.g. `routeHandler` for request work only).
 * LAST=<s>: only the samples of the last <s> seconds before the profile's last request work (a
 * server's profile spans its whole life: `LAST=8` keeps the bench's last scenario).
 * CALLERS=<name>: also who calls the functions whose label contains <name> (their self time).
 */
import { readFileSync } from 'node:fs';

interface Frame { functionName: string; url: string; lineNumber: number }
interface Node { id: number; callFrame: Frame; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const [file, topArg = '40', filter] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top] [filter]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const top = Number(topArg);

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const label = (f: Frame) => `${f.functionName || '(anonymous)'} ${area(f.url)}${f.url ? `:${f.lineNumber + 1}` : ''}`;
function area(url: string): string {
  if (!url) return '';
  const nm = url.lastIndexOf('node_modules/');
  if (nm !== -1) {
    const rest = url.slice(nm + 13).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return url;
  const src = url.indexOf('/src/');
  if (src !== -1) return url.slice(src + 1);
  const scripts = url.indexOf('/scripts/');
  return scripts !== -1 ? url.slice(scripts + 1) : url;
}
const group = (f: Frame) => {
  if (!f.url) return f.functionName.startsWith('(') ? f.functionName : '(native)';
  const a = area(f.url);
  if (a.startsWith('src/')) return a.split('/').slice(0, 3).join('/');
  if (a.startsWith('node:')) return 'node: (internal)';
  return a;
};

const stackOf = (id: number): Node[] => {
  const out: Node[] = [];
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) out.push(byId.get(cur)!);
  return out;
};

const callers = new Map<string, number>();
const self = new Map<string, number>();
const total = new Map<string, number>();
const groups = new Map<string, number>();
let all = 0;
// Each sample's time; with LAST, the window ends at the last sample under Fastify's request handling.
const at: number[] = [];
for (let i = 0, t = profile.startTime; i < profile.samples.length; i++) at.push((t += profile.timeDeltas[i] ?? 0));
let from = -Infinity;
let to = Infinity;
if (process.env.LAST) {
  const busy = profile.samples.map((id, i) => (stackOf(id).some((n) => n.callFrame.functionName === 'routeHandler') ? at[i]! : -Infinity));
  to = Math.max(...busy);
  from = to - Number(process.env.LAST) * 1e6;
}
for (let i = 0; i < profile.samples.length; i++) {
  if (at[i]! < from || at[i]! > to) continue;
  const dt = profile.timeDeltas[i + 1] ?? 0;
  const leaf = byId.get(profile.samples[i]!)!;
  if (leaf.callFrame.functionName === '(idle)') continue;
  const stack = stackOf(leaf.id);
  if (filter && !stack.some((n) => n.callFrame.functionName.includes(filter) || n.callFrame.url.includes(filter))) continue;
  all += dt;
  const l = label(leaf.callFrame);
  self.set(l, (self.get(l) ?? 0) + dt);
  const g = group(leaf.callFrame);
  groups.set(g, (groups.get(g) ?? 0) + dt);
  for (const l2 of new Set(stack.map((n) => label(n.callFrame)))) total.set(l2, (total.get(l2) ?? 0) + dt);
  const wanted = process.env.CALLERS;
  if (wanted && l.includes(wanted)) {
    const chain = stack.slice(1, 5).map((n) => label(n.callFrame)).join(' ← ');
    callers.set(chain, (callers.get(chain) ?? 0) + dt);
  }
}

const pct = (v: number) => `${((v / all) * 100).toFixed(1).padStart(5)} %`;
const print = (title: string, m: Map<string, number>, n: number) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${pct(v)}  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`);
};
process.stdout.on('error', () => process.exit(0)); // piped into head
console.log(`${file}: ${(all / 1000).toFixed(0)} ms of non-idle samples${filter ? ` with "${filter}" on the stack` : ''}${process.env.LAST ? ` in the last ${process.env.LAST} s of request work` : ''}`);
print('By area (self time)', groups, 25);
print('Self time', self, top);
print('Total time', total, top);
if (process.env.CALLERS) print(`Callers of "${process.env.CALLERS}"`, callers, 15);
