import { DEMO_PORTAL, demoPortalApiKey } from '../../src/modules/interop/interop.demo.ts';
import { PortalClient, sampleDossier } from '../national-portal/portal.ts';
import type { BenchState, PhaseResult } from './phases.ts';
import type { ResourceSampler } from './server.ts';

/** Dossiers forwarded in the measured run (BENCH_INTAKE_COUNT); the warm-up forwards a few. */
const INTAKE_COUNT = Number(process.env.BENCH_INTAKE_COUNT ?? 1000);
const WARMUP_COUNT = 20;
/** Every how many dossiers one is delivered a second time (the portal did not see the answer). */
const REDELIVER_EVERY = 10;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * The `intake` scenario (issue 10): the national-portal stand-in forwards a fixed number of
 * dossiers with their attachments (inline, base64) through the machine API, `connections` at a
 * time, as the demo's connected system; one in ten is delivered again (a retry: it must answer the
 * same dossier, 200). A refused or failed delivery is retried, signed anew. Then every dossier is
 * read back by the portal's code: the run fails on a single loss or duplicate. The rate is dossiers
 * filed per second over the intake, the read-back excluded.
 */
export async function runIntake(state: BenchState, opts: { connections: number; sampler: ResourceSampler | null }): Promise<PhaseResult> {
  const count = opts.sampler ? INTAKE_COUNT : WARMUP_COUNT;
  const proc = state.proc as unknown as Parameters<typeof sampleDossier>[0];
  const prefix = `G22.BENCH-${Date.now().toString(36)}${opts.sampler ? '' : 'W'}`;
  // A retry is signed with a later timestamp: the same signature is accepted once.
  const client = (attempt: number) => new PortalClient(state.baseUrl, demoPortalApiKey(), DEMO_PORTAL.signingSecret, () => new Date(Date.now() + attempt * 1000));
  const statusCodes: Record<string, number> = {};
  const failures: string[] = [];
  const latencies: number[] = [];
  const filed = new Map<string, string>();
  let non2xx = 0;
  let errors = 0;
  let next = 0;

  // Each send of a dossier (a retry, a redelivery) is signed one second later than the one before.
  const deliver = async (d: ReturnType<typeof sampleDossier>, sends: { n: number }): Promise<string | null> => {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const r = await client(sends.n++).forward(d);
        statusCodes[r.status] = (statusCodes[r.status] ?? 0) + 1;
        if (r.status === 200 || r.status === 201) return (r.body as { code: string }).code;
        non2xx++;
        if (failures.length < 3) failures.push(`${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
      } catch (err) {
        errors++;
        if (failures.length < 3) failures.push(String(err));
      }
    }
    return null;
  };

  await opts.sampler?.beginPhase();
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const d = sampleDossier(proc, i + 1, { prefix });
      const t0 = performance.now();
      const sends = { n: 0 };
      const code = await deliver(d, sends);
      latencies.push(performance.now() - t0);
      if (!code) continue;
      filed.set(d.externalCode, code);
      if (i % REDELIVER_EVERY === 0) {
        const again = await deliver(d, sends);
        if (again !== code && failures.length < 3) failures.push(`redelivery of ${d.externalCode} answered ${again}, first ${code}`);
        if (again !== code) non2xx++;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, worker));
  const durationS = (performance.now() - started) / 1000;
  const usage = (await opts.sampler?.endPhase()) ?? { peakRssMb: 0, cpu: null };

  // Read every dossier back by the portal's code: none lost, none filed twice.
  const lost = count - filed.size;
  const duplicates = filed.size - new Set(filed.values()).size;
  let mismatched = 0;
  const reader = client(0);
  for (const [externalCode, code] of filed) {
    const r = await reader.status(externalCode);
    if (r.status !== 200 || (r.body as { current: { dossier: { code: string } } }).current.dossier.code !== code) mismatched++;
  }
  if (lost || duplicates || mismatched) {
    failures.push(`intake of ${count}: ${lost} lost, ${duplicates} filed twice, ${mismatched} not read back as filed`);
    non2xx += lost + duplicates + mismatched;
  } else console.log(`  intake: ${count} dossiers forwarded, ${count} filed once each and read back by the portal's code (${Math.ceil(count / REDELIVER_EVERY)} delivered twice)`);
  state.codes.push(...filed.values());

  const sorted = latencies.sort((a, b) => a - b);
  return {
    key: 'intake',
    connections: opts.connections,
    durationS,
    responses: Object.values(statusCodes).reduce((a, b) => a + b, 0),
    rate: filed.size / durationS,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
    non2xx,
    errors,
    timeouts: 0,
    statusCodes,
    failures,
    usage,
  };
}
