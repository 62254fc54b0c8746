/**
 * A stand-in of the national public-service portal (Cổng DVC quốc gia) or a provincial system,
 * as Nông Trang Số sees it (README.md beside this file says what follows a published
 * specification and what is our assumption). Two parts:
 * - `PortalClient`: forwards dossiers and reads their status through the machine API, every call
 *   signed as docs/INTEROP.md says;
 * - `CallbackReceiver`: the portal's endpoint for status events. It accepts an event only when it
 *   is signed with the shared secret, recent, carries its Idempotency-Key, and matches the
 *   published JSON Schema (docs/interop/status-event.schema.json); anything else is refused with
 *   the reason, as a real receiver would.
 * Used by `npm run sim:national-portal` (main.ts) and by the integration tests.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import { checkTimestamp, HEADERS, signatureMatches, signRequest, type StatusEvent } from '../../src/domain/interop.ts';
import { PACKAGE_ROOT } from '../../src/package-root.ts';
import { pdfBytes, sampleValue } from '../../tests/support/builders.ts';

/** The published schema of status events, read as any receiver would read it. */
const statusEventSchema = z.fromJSONSchema(JSON.parse(readFileSync(join(PACKAGE_ROOT, 'docs', 'interop', 'status-event.schema.json'), 'utf8')));

export interface PortalAnswer {
  status: number;
  body: unknown;
}

/** Calls the ward's machine API as a connected system. */
export class PortalClient {
  constructor(
    readonly baseUrl: string,
    readonly apiKey: string,
    readonly signingSecret: string,
    readonly now: () => Date = () => new Date(),
  ) {}

  /** The headers of a signed call (exposed so tests can replay or tamper with them). */
  sign(method: string, path: string, body: string): Record<string, string> {
    const timestamp = String(Math.floor(this.now().getTime() / 1000));
    return {
      authorization: `Bearer ${this.apiKey}`,
      [HEADERS.timestamp]: timestamp,
      [HEADERS.signature]: signRequest(this.signingSecret, { timestamp, method, path, body }),
      ...(body ? { 'content-type': 'application/json' } : {}),
    };
  }

  async raw(method: string, path: string, body: string, headers: Record<string, string>): Promise<PortalAnswer> {
    const res = await fetch(new URL(path, this.baseUrl), { method, headers, ...(body ? { body } : {}) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: kept as text
    }
    return { status: res.status, body: parsed };
  }

  async send(method: 'GET' | 'POST', path: string, payload?: unknown): Promise<PortalAnswer> {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    return this.raw(method, path, body, this.sign(method, path, body));
  }

  forward = (dossier: unknown) => this.send('POST', '/api/v1/interop/dossiers', dossier);
  status = (externalCode: string) => this.send('GET', `/api/v1/interop/dossiers/${encodeURIComponent(externalCode)}`);
}

export interface ReceivedEvent {
  event: StatusEvent;
  idempotencyKey: string;
  keyId: string;
  receivedAt: Date;
}

export interface RefusedCall {
  reason: string;
  status: number;
}

/**
 * The portal's callback endpoint. `down` answers 503 to everything (a receiver in maintenance);
 * `stop()` and `start()` close and reopen the port itself (a receiver that is gone).
 */
export class CallbackReceiver {
  /** Accepted events, first delivery of each eventId only, in arrival order. */
  readonly events: ReceivedEvent[] = [];
  /** Deliveries of an eventId already accepted (a redelivery is allowed; it must carry the same key). */
  duplicates = 0;
  readonly refused: RefusedCall[] = [];
  down = false;
  /** The next this many accepted events are answered 502, as if the acknowledgement were lost: the sender must deliver them again. */
  loseAcks = 0;
  private server: Server | null = null;
  private port = 0;

  constructor(
    readonly signingSecret: string,
    readonly path = '/nts/callbacks',
    readonly now: () => Date = () => new Date(),
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}${this.path}`;
  }

  async start(port = this.port): Promise<string> {
    const server = createServer((req, res) => {
      void this.handle(req).then(({ status, reason }) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(status < 300 ? { ok: true } : { error: reason }));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this.url;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  /** Events of one dossier (our code), in arrival order. */
  eventsOf(code: string): StatusEvent[] {
    return this.events.filter((e) => e.event.dossier.code === code).map((e) => e.event);
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; reason?: string }> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const refuse = (status: number, reason: string) => {
      this.refused.push({ status, reason });
      return { status, reason };
    };
    if (this.down) return { status: 503, reason: 'maintenance' };
    const h = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== this.path) return refuse(404, `no such endpoint: ${req.method} ${req.url}`);
    if (!/^application\/json\b/.test(h('content-type') ?? '')) return refuse(415, 'content-type must be application/json');
    const timestamp = h(HEADERS.timestamp);
    const verdict = checkTimestamp(timestamp, this.now());
    if (verdict !== 'ok') return refuse(401, `timestamp ${verdict}`);
    if (!signatureMatches(this.signingSecret, { timestamp: timestamp!, method: 'POST', path: req.url ?? '', body }, h(HEADERS.signature) ?? '')) {
      return refuse(401, 'signature does not match');
    }
    const key = h(HEADERS.idempotencyKey);
    const keyId = h(HEADERS.keyId);
    if (!key || !keyId) return refuse(400, 'idempotency-key and x-nts-key-id are required');
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return refuse(400, 'body is not JSON');
    }
    const checked = statusEventSchema.safeParse(json);
    if (!checked.success) return refuse(400, `body does not match the status event schema: ${checked.error.message.slice(0, 500)}`);
    const event = json as StatusEvent;
    if (event.eventId !== key) return refuse(400, 'idempotency-key differs from eventId');
    if (h(HEADERS.event) !== event.action) return refuse(400, 'x-nts-event differs from action');
    if (this.events.some((e) => e.event.eventId === event.eventId)) {
      this.duplicates++;
      return { status: 200 };
    }
    this.events.push({ event, idempotencyKey: key, keyId, receivedAt: this.now() });
    if (this.loseAcks > 0) {
      this.loseAcks--;
      return { status: 502, reason: 'acknowledgement lost (simulated)' };
    }
    return { status: 200 };
  }
}

interface ProcedureView {
  code: string;
  formFields: { key: string; type: string; required: boolean; options?: { value: string }[] }[];
  documents: { id: string; name: string; required: boolean | null }[];
}

/** Citizens the stand-in files for (VNeID-verified identities; CCCDs valid for Phú Thọ). */
export const SAMPLE_APPLICANTS = [
  { kind: 'citizen', fullName: 'Nguyễn Văn An', cccd: '025090001234', birthDate: '1990-05-14', gender: 'male', phone: '0912345678', verifiedBy: 'vneid' },
  { kind: 'citizen', fullName: 'Vũ Thị Bình', cccd: '025195004321', birthDate: '1995-08-02', gender: 'female', phone: '0987654321', verifiedBy: 'vneid' },
] as const;

/**
 * A dossier as the portal forwards it: every required field and document of the procedure
 * (read from the ward's public catalogue), documents inline (base64) or, with `attachmentBase`,
 * as URLs on the portal's own server.
 */
export function sampleDossier(proc: ProcedureView, n: number, o: { prefix?: string; filedAt?: Date; applicant?: (typeof SAMPLE_APPLICANTS)[number] } = {}) {
  const formData: Record<string, string | number> = {};
  for (const f of proc.formFields) if (f.required) formData[f.key] = sampleValue(f);
  const documents = proc.documents
    .filter((d) => d.required === true)
    .map((d) => ({ requirementId: d.id, name: `${d.id.slice(0, 40)}.pdf`, contentBase64: pdfBytes(2, `${o.prefix ?? 'G22'}-${n}-${d.id}`).toString('base64') }));
  return {
    externalCode: `${o.prefix ?? 'G22.99.8-260302'}-${String(n).padStart(6, '0')}`,
    procedureCode: proc.code,
    channel: 'national_portal' as const,
    filedAt: (o.filedAt ?? new Date()).toISOString(),
    applicant: o.applicant ?? SAMPLE_APPLICANTS[n % SAMPLE_APPLICANTS.length]!,
    formData,
    documents,
    payment: { status: 'not_required' as const },
  };
}
