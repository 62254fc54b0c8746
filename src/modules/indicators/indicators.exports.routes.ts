import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authorize } from '../../domain/policy.ts';
import { ExportQuery, ProvinceReportQuery } from '../../domain/indicators-contract.ts';
import { vnDateOf } from '../../domain/calendar/vn-time.ts';
import { lazy } from '../../lazy.ts';
import type { AppDeps } from '../../server/deps.ts';
import { clock } from '../../server/clock.ts';
import { audit, auditContext } from '../audit/audit.ts';
import { loadWorkingCalendar } from '../calendar/calendar.service.ts';
import { tableToCsv } from '../exports/csv.ts';
import { attachment, CSV_TYPE, XLSX_TYPE, type ExportTable } from '../exports/table.ts';
import { tableToXlsx } from '../exports/xlsx.ts';
import { deploymentData } from '../units/units.service.ts';
import { breakdownTable, drillTable, groupsTable, indexTable, riskOfficialsTable, riskTable, tallyTable, targetsTable, trendTable, type ExportTableName } from './indicators.exports.ts';
import { atRisk, drill, report, resolvePeriod, rulesState } from './indicators.service.ts';
import { provinceReport } from './province-report.ts';
import { termTargets } from './targets.service.ts';
import { answers } from '../../contract/bodies.ts';

const tags = ['indicators'];

// pdf-lib and the fonts: loaded on the first report, not at start-up.
const provinceReportPdf = lazy(() => import('./province-report.pdf.ts'), 'provinceReportPdf');

/** The tables that name officials (staff data): their export is in the audit log. */
const NAMES_OFFICIALS: ReadonlySet<ExportTableName> = new Set(['officials', 'at_risk', 'risk_officials', 'dossiers']);

/**
 * Downloads of the leaders' indicators (docs/INDICATORS.md, Exports): any table of the page as
 * CSV or XLSX, and the periodic report to the province as PDF, for whoever may read the page
 * (`indicators.read`).
 */
export function indicatorsExportRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);
  const db = deps.database;

  api.get(
    '/indicators/export',
    { schema: { tags, summary: 'Xuất một bảng chỉ số ra CSV hoặc Excel (XLSX) / export a table of the indicators (CSV or XLSX)', querystring: ExportQuery, response: { 200: answers('Bảng chỉ số, CSV hoặc XLSX (`format`) / the table, as CSV or XLSX (`format`)', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') } } },
    async (req, reply) => {
      const unit = await deploymentData(deps);
      const user = authorize(req.user, 'indicators.read', unit);
      const t = now();
      const q = req.query;
      const period = resolvePeriod(q, t);
      let table: ExportTable;
      if (q.table === 'at_risk' || q.table === 'risk_officials') {
        const risk = await atRisk(db.db, unit.unitId, await loadWorkingCalendar(db.db), t);
        const items = new Map((await rulesState(db.db, t)).inForce.rule.items.map((i) => [i.key, i.vi]));
        table = q.table === 'at_risk' ? riskTable(risk, items) : riskOfficialsTable(risk);
      } else if (q.table === 'dossiers') table = drillTable(await drill(db.db, unit.unitId, { ...q, figure: q.figure ?? 'received' }, await loadWorkingCalendar(db.db), t));
      else if (q.table === 'targets') table = targetsTable({ items: await termTargets(db, unit.unitId, t) });
      else {
        const r = await report(db, unit.unitId, period, q, t);
        if (q.table === 'months') table = trendTable(r);
        else if (q.table === 'index') table = indexTable(r);
        else if (q.table === 'groups') table = groupsTable(r);
        else if (q.table === 'tally') table = tallyTable(r);
        else table = breakdownTable(q.table, r.breakdowns[q.table], period);
      }
      if (NAMES_OFFICIALS.has(q.table)) {
        await db.transaction((tx) =>
          audit(tx, { actorId: user.id, action: 'export_indicators', entityType: 'indicator', entityId: q.table, details: { ...q, rows: table.rows.length }, ...auditContext(req) }, t),
        );
      }
      const name = `chi-so-${q.table}-${period.from}-${period.to}.${q.format}`;
      const body = q.format === 'xlsx' ? await tableToXlsx(table, t) : tableToCsv(table);
      return reply
        .type(q.format === 'xlsx' ? XLSX_TYPE : CSV_TYPE)
        .header('content-disposition', attachment(name))
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );

  api.get(
    '/indicators/report.pdf',
    { schema: { tags, summary: 'Báo cáo định kỳ tình hình, kết quả giải quyết TTHC gửi tỉnh (PDF) / the periodic report to the province', querystring: ProvinceReportQuery, response: { 200: answers('Báo cáo, tệp PDF / the report, a PDF', 'application/pdf') } } },
    async (req, reply) => {
      const unit = await deploymentData(deps);
      authorize(req.user, 'indicators.read', unit);
      const t = now();
      const period = resolvePeriod(req.query, t);
      const data = await provinceReport(db, unit.unitId, period, { parentName: deps.config.unit.parentName, number: req.query.number }, t);
      const bytes = await provinceReportPdf(data);
      return reply
        .type('application/pdf')
        .header('content-disposition', attachment(`bao-cao-tthc-${period.from}-${period.to}-${vnDateOf(t)}.pdf`, 'inline'))
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(bytes));
    },
  );
}
