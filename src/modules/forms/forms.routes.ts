import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import type { FormNumber } from '../../domain/form-templates.ts';
import { authorize, mustAudit } from '../../domain/policy.ts';
import type { AppDeps } from '../../server/deps.ts';
import { requireUser, type SessionUser } from '../../server/auth.ts';
import { clock } from '../../server/clock.ts';
import { isoDate } from '../../contract/bounds.ts';
import { lazy } from '../../lazy.ts';
import { audit, auditContext } from '../audit/audit.ts';
import { deploymentData } from '../units/units.service.ts';
import { loadWorkingCalendar } from '../calendar/calendar.service.ts';
import { CodeParams, FormList } from '../../contract/dossiers.ts';
import { readableDossier } from '../dossiers/dossiers.service.ts';
import { scopeOf, type DossierRow } from '../dossiers/dossiers.repo.ts';
import { formsOf, loadControlSlipData, loadNoticeData } from './forms.loaders.ts';
import { loadRegisterData } from './forms.register.ts';
import { loadReceiptData, loadSupplementData, type FormsConfig } from './forms.service.ts';
import { listTemplates, saveTemplate, templateFor } from './forms.templates.ts';
import { FormNumberParams, FormTemplateList, SaveFormTemplateBody } from '../../contract/forms.ts';
import { answers } from '../../contract/bodies.ts';

/** The PDF inline (the browser's viewer prints it), never cached: it carries personal data. */
function sendPdf(reply: FastifyReply, bytes: Uint8Array, fileName: string) {
  return reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

// The PDF builders load pdf-lib, its font engine and the barcode writer (≈ 40 MB, ≈ 1 s): they are
// imported when the first form is printed, not at start-up.
const buildReceiptPdf = lazy(() => import('./receipt.pdf.ts'), 'buildReceiptPdf');
const buildSupplementPdf = lazy(() => import('./supplement.pdf.ts'), 'buildSupplementPdf');
const buildNoticePdf = lazy(() => import('./notices.pdf.ts'), 'buildNoticePdf');
const buildControlSlipPdf = lazy(() => import('./control-slip.pdf.ts'), 'buildControlSlipPdf');
const buildRegisterPdf = lazy(() => import('./register.pdf.ts'), 'buildRegisterPdf');

type Ctx = { tx: Executor; d: DossierRow; cfg: FormsConfig; now: Date };

/** The forms of a dossier: URL name, file suffix, audit action, and how each is made. */
const DOSSIER_FORMS: Record<Exclude<FormNumber, '07'>, { name: string; file: string; make: (c: Ctx) => Promise<Uint8Array> }> = {
  '01': { name: 'receipt', file: 'bien-nhan', make: async (c) => buildReceiptPdf(await loadReceiptData(c.tx, c.d, c.cfg)) },
  '02': { name: 'supplement', file: 'yeu-cau-bo-sung', make: async (c) => buildSupplementPdf(await loadSupplementData(c.tx, c.d, c.cfg)) },
  '03': { name: 'refusal', file: 'tu-choi', make: async (c) => buildNoticePdf(await loadNoticeData(c.tx, c.d, '03', c.cfg)) },
  '04': { name: 'apology', file: 'xin-loi-hen-lai', make: async (c) => buildNoticePdf(await loadNoticeData(c.tx, c.d, '04', c.cfg)) },
  '05': { name: 'stop', file: 'dung-giai-quyet', make: async (c) => buildNoticePdf(await loadNoticeData(c.tx, c.d, '05', c.cfg)) },
  '06': {
    name: 'control-slip',
    file: 'phieu-kiem-soat',
    make: async (c) => buildControlSlipPdf(await loadControlSlipData(c.tx, c.d, await loadWorkingCalendar(c.tx), c.now, c.cfg)),
  },
};
const AUDIT_ACTION: Record<string, string> = { receipt: 'print_receipt', supplement: 'print_supplement_request' };

const DateRange = z
  .strictObject({ from: isoDate(), to: isoDate() })
  .refine((r) => r.from <= r.to, { message: 'from ≤ to', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 366 * 86_400_000, { message: 'một năm trở xuống / at most a year', path: ['to'] });

/** The one-stop forms of Circular 03/2025/TT-VPCP (01–07) as PDFs, and their templates. */
export function formsRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);
  const db = deps.database;
  const cfg: FormsConfig = { publicUrl: deps.config.publicUrl, parentName: deps.config.unit.parentName };

  api.get(
    '/dossiers/:code/forms',
    { schema: { tags: ['forms'], summary: 'Các biểu mẫu của hồ sơ (mẫu 01–06) / the forms a dossier has', params: CodeParams, response: { 200: FormList } } },
    async (req) => {
      const user = requireUser(req);
      const t = now();
      return db.transaction(async (tx) => {
        const d = await readableDossier(tx, user, req.params.code, false, 'dossier.forms');
        const items = [];
        for (const number of await formsOf(tx, d)) {
          const form = DOSSIER_FORMS[number as Exclude<FormNumber, '07'>];
          const tpl = await templateFor(tx, number, t);
          items.push({ number, title: tpl.title, legalBasis: tpl.legalBasis, paper: tpl.paper, url: `/api/v1/dossiers/${encodeURIComponent(d.code)}/forms/${form.name}.pdf` });
        }
        return { items };
      });
    },
  );

  for (const [number, form] of Object.entries(DOSSIER_FORMS)) {
    api.get(
      `/dossiers/:code/forms/${form.name}.pdf`,
      {
        schema: {
          tags: ['forms'],
          summary: `Mẫu số ${number} (PDF) / form ${number} of Circular 03/2025/TT-VPCP`,
          response: { 200: answers('Biểu mẫu, tệp PDF / the form, a PDF', 'application/pdf') },
          description: '404 DOSSIER_NOT_FOUND for a dossier the caller may not read; 409 DOSSIER_ACTION_NOT_ALLOWED when the dossier has no such form (yet).',
          params: CodeParams,
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        const t = now();
        // An official's read of the applicant's personal data is recorded with the read itself.
        const { code, bytes } = await db.transaction(async (tx) => {
          const d = await readableDossier(tx, user, req.params.code, false, 'dossier.forms');
          const out = await form.make({ tx, d, cfg, now: t });
          if (mustAudit(user, 'dossier.forms', scopeOf(d))) {
            await audit(tx, { actorId: user.id, action: AUDIT_ACTION[form.name] ?? `print_form_${number}`, entityType: 'dossier', entityId: d.code, ...auditContext(req) }, t);
          }
          return { code: d.code, bytes: out };
        });
        return sendPdf(reply, bytes, `${code}-${form.file}.pdf`);
      },
    );
  }

  api.get(
    '/forms/register.pdf',
    {
      schema: {
        tags: ['forms'],
        summary: 'Sổ theo dõi hồ sơ (mẫu 07, A4) của một khoảng thời gian / the dossier register for a period',
        response: { 200: answers('Sổ theo dõi hồ sơ (mẫu 07), tệp PDF / the register (form 07), a PDF', 'application/pdf') },
        description: 'Dossiers received by the caller’s unit from `from` to `to` (dates, Vietnam time, at most a year). Reception and leaders of the unit; audited.',
        querystring: DateRange,
      },
    },
    async (req, reply) => {
      const user = requireUser(req) as SessionUser;
      const actor = authorize(user, 'dossier.register', { unitId: user.unitId ?? '' });
      const t = now();
      const data = await db.transaction(async (tx) => {
        const out = await loadRegisterData(tx, actor.unitId, req.query.from, req.query.to, t, cfg);
        await audit(tx, { actorId: user.id, action: 'print_register', entityType: 'dossier', entityId: '*', details: { from: req.query.from, to: req.query.to, count: out.rows.length }, ...auditContext(req) }, t);
        return out;
      });
      return sendPdf(reply, await buildRegisterPdf(data), `so-theo-doi-ho-so-${req.query.from}-${req.query.to}.pdf`);
    },
  );

  api.get('/admin/form-templates', { schema: { tags: ['forms'], summary: 'Các mẫu biểu và phiên bản / form templates and their versions', response: { 200: FormTemplateList } } }, async (req) => {
    const user = requireUser(req);
    authorize(user, 'forms.edit', await deploymentData(deps));
    return { items: await listTemplates(db.db, now()) };
  });

  api.put(
    '/admin/form-templates/:number',
    {
      schema: {
        tags: ['forms'],
        summary: 'Lưu phiên bản mẫu biểu có hiệu lực từ một ngày / save a version of a form taking effect on a date',
        params: FormNumberParams,
        body: SaveFormTemplateBody,
        response: { 200: FormTemplateList },
      },
    },
    async (req) => {
      const user = requireUser(req);
      authorize(user, 'forms.edit', await deploymentData(deps));
      const t = now();
      await db.transaction(async (tx) => {
        await saveTemplate(tx, { ...req.body, number: req.params.number }, user.id, t);
        await audit(tx, { actorId: user.id, action: 'form_template_save', entityType: 'procedure', entityId: `form:${req.params.number}`, details: { effectiveFrom: req.body.effectiveFrom }, ...auditContext(req) }, t);
      });
      return { items: await listTemplates(db.db, t) };
    },
  );

}
