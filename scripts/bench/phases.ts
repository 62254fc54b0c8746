import { runIntake } from './intake.ts';
import { runAutocannon, type AcContext, type AcRequest, type AcResult } from './autocannon.ts';
import {
  API,
  MULTIPART_CONTENT_TYPE,
  createUploadBodyFactory,
  newIdempotencyKey,
  publicLookupPath,
  submissionBody,
  type ProcedureDef,
  type Session,
} from './client.ts';
import type { PhaseUsage, ResourceSampler } from './server.ts';

export type ScenarioKey = 'upload' | 'submit' | 'flow' | 'lookup' | 'intake';

export const SCENARIOS: Record<ScenarioKey, { label: string; request: string; unit: string }> = {
  upload: { label: 'Uploads of 200 KB PDF', request: 'POST /api/v1/files (multipart, one 200 KB file, new content each time)', unit: 'uploads/s' },
  submit: {
    label: 'Online submissions (2 × 200 KB attachments, pre-uploaded)',
    request: 'POST /api/v1/dossiers, procedure 1.001193, full form, two attachment ids, unique Idempotency-Key',
    unit: 'submissions/s',
  },
  flow: {
    label: 'Complete online submission (upload 2 × 200 KB + submit)',
    request: 'per connection: POST /files, POST /files, POST /dossiers with those two ids',
    unit: 'dossiers/s',
  },
  lookup: { label: 'Public look-ups', request: 'GET /api/v1/public/dossiers/:code (no cookie), cycling over every dossier filed', unit: 'look-ups/s' },
  intake: {
    label: `Intake from the national portal (${Number(process.env.BENCH_INTAKE_COUNT ?? 1000).toLocaleString('en')} dossiers, every mandatory document inline, 2 KB PDFs)`,
    request: 'POST /api/v1/interop/dossiers, signed (HMAC), procedure 1.001193, one in ten delivered twice; then every one read back (no loss, no duplicate)',
    unit: 'dossiers/s',
  },
};

export interface PhaseResult {
  key: ScenarioKey;
  connections: number;
  durationS: number;
  /** Responses received (any status). */
  responses: number;
  /** Successful units per second: 2xx responses (for `flow`: completed dossiers) over the duration. */
  rate: number;
  /** Latency in ms: per request (for `flow`: per complete upload+upload+submit sequence). */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** First few non-2xx answers, for the warning. */
  failures: string[];
  usage: PhaseUsage;
}

/** What the phases share: where to send, as whom, the procedure, and what earlier phases produced. */
export interface BenchState {
  baseUrl: string;
  session: Session;
  proc: ProcedureDef;
  formData: Record<string, string | number>;
  requirementIds: string[];
  /** Ids of uploaded files (the pool submissions draw from). */
  fileIds: string[];
  /** Codes of dossiers filed (the look-up set). */
  codes: string[];
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function statusCounts(r: AcResult): Record<string, number> {
  return Object.fromEntries(Object.entries(r.statusCodeStats).map(([k, v]) => [k, v.count]));
}

const MAX_FAILURES_KEPT = 3;

/**
 * Runs one scenario with autocannon for `durationS` seconds. Every phase feeds the shared state
 * (uploads add file ids, submissions add dossier codes), warm-ups included.
 */
export async function runPhase(
  key: ScenarioKey,
  state: BenchState,
  opts: { connections: number; durationS: number; sampler: ResourceSampler | null },
): Promise<PhaseResult> {
  // A fixed number of dossiers, not a duration (scripts/bench/intake.ts).
  if (key === 'intake') return runIntake(state, { connections: opts.connections, sampler: opts.sampler });
  const failures: string[] = [];
  const noteFailure = (status: number, body: string) => {
    if (status >= 300 && failures.length < MAX_FAILURES_KEPT) failures.push(`${status} ${body.slice(0, 300)}`);
  };
  const uploads = createUploadBodyFactory();
  const writeHeaders = state.session.headers;
  let pick = 0;
  const nextFileIds = (): [string, string] => {
    const n = state.fileIds.length;
    const i = pick++;
    return [state.fileIds[(2 * i) % n]!, state.fileIds[(2 * i + 1) % n]!];
  };

  const uploadRequest = (slot: 'a' | 'b' | null): AcRequest => ({
    method: 'POST',
    path: `${API}/files`,
    setupRequest: (req) => ({ ...req, headers: { ...writeHeaders, 'content-type': MULTIPART_CONTENT_TYPE }, body: uploads.next() }),
    onResponse: (status, body, context) => {
      if (status === 201) {
        const id = (JSON.parse(body) as { id: string }).id;
        state.fileIds.push(id);
        if (slot) context[slot] = id;
      } else noteFailure(status, body);
    },
  });
  const submitRequest = (ids: (context: AcContext) => [string, string] | null): AcRequest => ({
    method: 'POST',
    path: `${API}/dossiers`,
    setupRequest: (req, context) => {
      const fileIds = ids(context);
      // A flow whose upload failed restarts from its first request.
      if (!fileIds) return null as unknown as AcRequest;
      return {
        ...req,
        headers: { ...writeHeaders, 'content-type': 'application/json', 'idempotency-key': newIdempotencyKey() },
        body: submissionBody(state.proc, state.formData, state.requirementIds, fileIds),
      };
    },
    onResponse: (status, body, context) => {
      if (status === 201) {
        state.codes.push((JSON.parse(body) as { code: string }).code);
        if (typeof context.started === 'number') flowLatencies.push(performance.now() - context.started);
      } else noteFailure(status, body);
    },
  });
  const flowLatencies: number[] = [];
  let lookup = 0;

  let requests: AcRequest[];
  switch (key) {
    case 'upload':
      requests = [uploadRequest(null)];
      break;
    case 'submit':
      if (state.fileIds.length < 2) throw new Error('submissions need at least two uploaded files');
      requests = [submitRequest(() => nextFileIds())];
      break;
    case 'flow': {
      const first = uploadRequest('a');
      const setupFirst = first.setupRequest!;
      first.setupRequest = (req, context) => {
        context.started = performance.now();
        return setupFirst(req, context);
      };
      requests = [
        first,
        uploadRequest('b'),
        submitRequest((c) => (typeof c.a === 'string' && typeof c.b === 'string' ? [c.a, c.b] : null)),
      ];
      break;
    }
    case 'lookup': {
      if (state.codes.length === 0) throw new Error('look-ups need at least one dossier');
      const codes = state.codes.slice();
      requests = [
        {
          method: 'GET',
          setupRequest: (req) => ({ ...req, path: publicLookupPath(codes[lookup++ % codes.length]!) }),
          onResponse: (status, body) => noteFailure(status, body),
        },
      ];
      break;
    }
  }

  await opts.sampler?.beginPhase();
  const result = await runAutocannon({
    url: state.baseUrl,
    connections: opts.connections,
    duration: opts.durationS,
    timeout: 30,
    requests,
  });
  const usage = (await opts.sampler?.endPhase()) ?? { peakRssMb: 0, cpu: null };

  const durationS = result.duration;
  let rate = result['2xx'] / durationS;
  let latency = { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max };
  if (key === 'flow') {
    const sorted = flowLatencies.sort((a, b) => a - b);
    rate = sorted.length / durationS;
    latency = { p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0 };
  }
  return {
    key,
    connections: opts.connections,
    durationS,
    responses: result.latency.totalCount,
    rate,
    ...latency,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: statusCounts(result),
    failures,
    usage,
  };
}
