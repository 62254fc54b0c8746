import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../server/deps.ts';
import { requireUser } from '../../server/auth.ts';
import { clock } from '../../server/clock.ts';
import { audit, auditContext } from '../audit/audit.ts';
import { CodeParams } from '../dossiers/dossiers.schemas.ts';
import { readableDossier } from '../dossiers/dossiers.service.ts';
import { scopeOf } from '../dossiers/dossiers.repo.ts';
import { mustAudit } from '../../domain/policy.ts';
import { loadReceiptData, loadSupplementData, type FormsConfig } from './forms.service.ts';
import { buildReceiptPdf } from './receipt.pdf.ts';
import { buildSupplementPdf } from './supplement.pdf.ts';

/** The PDF inline (the browser's viewer prints it), never cached: it carries personal data. */
function sendPdf(reply: FastifyReply, bytes: Uint8Array, fileName: string) {
  return reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** Printable one-stop forms (Circular 01/2018/TT-VPCP): 01 receipt, 02 request to supplement. */
export function formsRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);
  const db = deps.database;
  const cfg: FormsConfig = { publicUrl: deps.config.publicUrl, parentName: deps.config.unit.parentName };

  api.get(
    '/dossiers/:code/forms/receipt.pdf',
    {
      schema: {
        tags: ['forms'],
        summary: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01, PDF A5) / receipt with appointment date',
        description: '404 DOSSIER_NOT_FOUND for a dossier the caller may not read; 409 DOSSIER_ACTION_NOT_ALLOWED before it is received.',
        params: CodeParams,
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      // An official's read of the applicant's personal data is recorded with the read itself.
      const data = await db.transaction(async (tx) => {
        const d = await readableDossier(tx, user, req.params.code, false, 'dossier.forms');
        const out = await loadReceiptData(tx, d, cfg);
        if (mustAudit(user, 'dossier.forms', scopeOf(d))) {
          await audit(tx, { actorId: user.id, action: 'print_receipt', entityType: 'dossier', entityId: d.code, ...auditContext(req) }, now());
        }
        return out;
      });
      return sendPdf(reply, await buildReceiptPdf(data), `${data.code}-bien-nhan.pdf`);
    },
  );

  api.get(
    '/dossiers/:code/forms/supplement.pdf',
    {
      schema: {
        tags: ['forms'],
        summary: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02, PDF A5) / request to supplement, latest round',
        description: '404 DOSSIER_NOT_FOUND for a dossier the caller may not read; 409 DOSSIER_ACTION_NOT_ALLOWED when no supplement was ever requested.',
        params: CodeParams,
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const data = await db.transaction(async (tx) => {
        const d = await readableDossier(tx, user, req.params.code, false, 'dossier.forms');
        const out = await loadSupplementData(tx, d, cfg);
        if (mustAudit(user, 'dossier.forms', scopeOf(d))) {
          await audit(tx, { actorId: user.id, action: 'print_supplement_request', entityType: 'dossier', entityId: d.code, ...auditContext(req) }, now());
        }
        return out;
      });
      return sendPdf(reply, await buildSupplementPdf(data), `${data.code}-yeu-cau-bo-sung.pdf`);
    },
  );
}
