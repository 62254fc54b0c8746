/**
 * The data of the periodic report to the province (docs/INDICATORS.md, *The report to the
 * province*): the lines by field of the Government Office's form from the pre-aggregate, the late
 * dossiers with the reason and apology recorded, and the Decision 766 index of the same period,
 * all from the same figures the leaders' JSON report gives.
 */
import { sql } from 'drizzle-orm';
import { maybeOne, type Database } from '../../db/client.ts';
import { addDays } from '../../domain/calendar/dates.ts';
import type { Period } from '../../domain/indicators.ts';
import { provinceLines, type ReportLine } from '../../domain/province-report.ts';
import type { Issuer } from '../forms/form-parts.ts';
import { placeOfUnit, shortParentName } from '../forms/wording.ts';
import { asOfOf, flowRows, lateDossiers, refreshAggregate, stocks } from './indicators.aggregate.ts';
import { report } from './indicators.service.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

export interface LateLine {
  code: string;
  procedureName: string;
  dueAt: Date;
  finishedAt: Date | null;
  reason: string | null;
  apology: { newDueAt: Date; onTime: boolean } | null;
}

export interface ProvinceReportData {
  issuer: Issuer;
  number: string;
  period: Period;
  /** When the figures were read (the report's date). */
  date: Date;
  fields: { field: string; line: ReportLine }[];
  total: ReportLine;
  late: LateLine[];
  index: Awaited<ReturnType<typeof report>>['index'];
  headline: Awaited<ReturnType<typeof report>>['headline'];
  supplement: Awaited<ReturnType<typeof report>>['tally']['supplement'];
}

/** The issuing unit as the header prints it: the parent body, the unit, the place of the date line. */
async function issuerOf(db: Database, unitId: string, configuredParent: string): Promise<Issuer> {
  const u = (await maybeOne<RowOf<'units', { name: string }> & Computed<{ parent: string | null }>>(db.db, sql`select u.name, p.name as parent from units u left join units p on p.id = u.parent_id where u.id = ${unitId}`))!;
  const parent = u.parent ?? (configuredParent.trim() || null);
  return { parentName: parent ? shortParentName(parent) : null, agencyName: u.name, place: placeOfUnit(u.name) };
}

export async function provinceReport(db: Database, unitId: string, period: Period, opts: { parentName: string; number?: string | undefined }, now: Date): Promise<ProvinceReportData> {
  const json = await report(db, unitId, period, {}, now);
  await refreshAggregate(db);
  const before = addDays(period.from, -1);
  const [flows, atEnd, carried, late, issuer] = await Promise.all([
    flowRows(db.db, unitId, period.from, period.to, {}, false),
    stocks(db.db, unitId, period, [], {}, now),
    stocks(db.db, unitId, { from: before, to: before }, [], {}, now),
    lateDossiers(db.db, unitId, period, asOfOf(period, now)),
    issuerOf(db, unitId, opts.parentName),
  ]);
  const { fields, total } = provinceLines(flows, atEnd.atEnd, carried.atEnd);
  return {
    issuer,
    number: opts.number?.trim() || '      /BC-UBND',
    period,
    date: now,
    fields,
    total,
    late: late.map((d) => ({
      code: d.code,
      procedureName: d.procedureName,
      dueAt: d.dueAt,
      finishedAt: d.finishedAt,
      reason: d.extension?.reason?.trim() || null,
      apology: d.extension ? { newDueAt: new Date(d.extension.dueAt), onTime: d.extension.apologyOnTime } : null,
    })),
    index: json.index,
    headline: json.headline,
    supplement: json.tally.supplement,
  };
}
