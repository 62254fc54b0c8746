/**
 * `tsx scripts/bench/hello.ts [duration=8] [warmup=2] [connections=32]`: what HTTP itself costs
 * on this machine, as a reference for the look-up's rate (docs/PERFORMANCE.md). A bare Fastify
 * app and a bare `node:http` server, each in its own process, answer `GET /hello/:code` with a
 * small JSON object; autocannon loads each as the bench loads the look-ups (same connections,
 * warm-up and duration). Prints the rate, and the server's CPU per request from /proc.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { runAutocannon } from './autocannon.ts';

const ANSWER = { code: 'DEMO.07894.H25-260302-0001', status: 'received', applicantName: 'N*** V*** A' };

async function serve(kind: string): Promise<number> {
  if (kind === 'node') {
    const server = createServer((req, res) => {
      const body = JSON.stringify({ ...ANSWER, code: req.url?.slice(7) ?? '' });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }
  const app = Fastify({ logger: false });
  app.get('/hello/:code', async (req) => ({ ...ANSWER, code: (req.params as { code: string }).code }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as AddressInfo).port;
}

const ticks = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10; // ms
};

if (process.argv[2] === 'serve') {
  const port = await serve(process.argv[3]!);
  process.send!({ port });
} else {
  const [duration = 8, warmup = 2, connections = 32] = process.argv.slice(2).map(Number);
  for (const kind of ['node', 'fastify']) {
    const child = fork(process.argv[1]!, ['serve', kind], { execArgv: process.execArgv, stdio: 'inherit' });
    const port = await new Promise<number>((resolve) => child.once('message', (m) => resolve((m as { port: number }).port)));
    let i = 0;
    const load = (s: number) =>
      runAutocannon({
        url: `http://127.0.0.1:${port}`,
        connections,
        duration: s,
        timeout: 30,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/hello/DEMO.07894.H25-260302-${String(i++ % 5000).padStart(4, '0')}` }) }],
      });
    await load(warmup);
    const c0 = ticks(child.pid!);
    const r = await load(duration);
    const cpu = ticks(child.pid!) - c0;
    const rate = r['2xx'] / r.duration;
    console.log(`${kind.padEnd(8)} ${rate.toFixed(0).padStart(6)} requests/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, server CPU ${(cpu / r['2xx']).toFixed(3)} ms per request (${((cpu / (r.duration * 1000)) * 100).toFixed(0)} % of a core)`);
    child.kill();
  }
}
