/**
 * `npm run sim:national-portal` — plays the national public-service portal against a running
 * Nông Trang Số server: forwards a batch of dossiers (with attachments), then listens for the
 * status events the ward sends back, checks each one's signature and shape, and prints it.
 *
 *   npm run sim:national-portal -- [--server http://127.0.0.1:3000] [--count 5] [--procedure 1.001193]
 *                                  [--port 4700] [--listen-seconds 600] [--api-key … --signing-secret …]
 *
 * The defaults are the demo's connected system DVCQG-DEMO (docs/INTEROP.md): a server started with
 * `npm start` (demo data) accepts them as they are.
 */
import { parseArgs } from 'node:util';
import { DEMO_PORTAL, demoPortalApiKey } from '../../src/modules/interop/interop.demo.ts';
import { CallbackReceiver, PortalClient, sampleDossier } from './portal.ts';

const { values: o } = parseArgs({
  options: {
    server: { type: 'string', default: 'http://127.0.0.1:3000' },
    count: { type: 'string', default: '5' },
    procedure: { type: 'string', default: '1.001193' },
    port: { type: 'string', default: '4700' },
    'listen-seconds': { type: 'string', default: '600' },
    'api-key': { type: 'string', default: demoPortalApiKey() },
    'signing-secret': { type: 'string', default: DEMO_PORTAL.signingSecret },
    prefix: { type: 'string' },
  },
});

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const receiver = new CallbackReceiver(o['signing-secret']);
  await receiver.start(Number(o.port));
  say(`Cổng DVC quốc gia (mô phỏng) nhận trạng thái tại ${receiver.url}`);
  const portal = new PortalClient(o.server, o['api-key'], o['signing-secret']);
  const procRes = await fetch(new URL(`/api/v1/procedures/${o.procedure}`, o.server));
  if (!procRes.ok) throw new Error(`cannot read procedure ${o.procedure} from ${o.server}: HTTP ${procRes.status}`);
  const proc = (await procRes.json()) as Parameters<typeof sampleDossier>[0];
  const prefix = o.prefix ?? `G22.99.8-${new Date().toISOString().slice(2, 10).replaceAll('-', '')}-${Date.now().toString(36).slice(-4)}`;
  let filed = 0;
  for (let i = 1; i <= Number(o.count); i++) {
    const dossier = sampleDossier(proc, i, { prefix });
    const res = await portal.forward(dossier);
    const body = res.body as { code?: string; created?: boolean; error?: { code: string; messageEn: string; details?: unknown } };
    if (res.status < 300) {
      filed++;
      say(`→ ${dossier.externalCode}  ⇒  ${body.code}  (${body.created ? 'new' : 'already filed'}, ${dossier.documents.length} attachments)`);
    } else say(`→ ${dossier.externalCode}  REFUSED ${res.status} ${body.error?.code}: ${body.error?.messageEn} ${JSON.stringify(body.error?.details ?? {})}`);
  }
  // The back office is served by the same server the dossiers went to.
  say(`${filed} of ${o.count} dossiers forwarded. Process one in the back office (${new URL('/can-bo', o.server).href}); its status events appear here.`);
  say('Ctrl-C to stop.');

  let shown = 0;
  let refused = 0;
  const until = Date.now() + Number(o['listen-seconds']) * 1000;
  const timer = setInterval(() => {
    for (const r of receiver.events.slice(shown)) {
      const e = r.event;
      say(`← ${r.receivedAt.toISOString()}  ${e.dossier.code} (${e.dossier.externalCode ?? '—'})  #${e.sequence} ${e.action}  status ${e.dossier.status} [portal ${e.dossier.portalStatus}]  signature ok (key ${r.keyId})`);
    }
    shown = receiver.events.length;
    for (const r of receiver.refused.slice(refused)) say(`✗ refused a callback: ${r.status} ${r.reason}`);
    refused = receiver.refused.length;
    if (Date.now() > until) void stop();
  }, 500);
  const stop = async () => {
    clearInterval(timer);
    await receiver.stop();
    say(`Received ${receiver.events.length} status events (${receiver.duplicates} redeliveries), refused ${receiver.refused.length}.`);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  process.stderr.write(`sim:national-portal: ${(err as Error).message}\n`);
  process.exit(1);
});
