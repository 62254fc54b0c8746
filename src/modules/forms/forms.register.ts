/** What form 07, the dossier register, lists: the dossiers a unit received in a period. Reads only. */
import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Executor } from '../../db/client.ts';
import { parseLocalVn } from '../../domain/calendar/index.ts';
import { STATUS_INFO, type Status } from '../../domain/dossier-state.ts';
import { ts, type ApplicantSnapshot } from '../dossiers/dossiers.repo.ts';
import type { Issuer } from './form-parts.ts';
import { templateFor } from './forms.templates.ts';
import type { FormsConfig } from './forms.service.ts';
import type { RegisterData, RegisterRow } from './register.pdf.ts';
import { placeOfUnit, shortParentName } from './wording.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

export interface Row {
  code: string;
  procedure: string;
  applicant: ApplicantSnapshot;
  handling_unit: string;
  received_at: string;
  due_at: string | null;
  forwarded_at: string | null;
  finished_at: string | null;
  returned_at: string | null;
  status: Status;
  outcome: string | null;
}

/** The unit as the header prints it. */
async function issuerOf(ex: Executor, unitId: string, cfg: FormsConfig): Promise<Issuer> {
  const u = (await maybeOne<RowOf<'units', { name: string }> & Computed<{ parent: string | null }>>(ex, sql`select u.name, p.name as parent from units u left join units p on p.id = u.parent_id where u.id = ${unitId}`))!;
  const parent = u.parent ?? (cfg.parentName.trim() || null);
  return { parentName: parent ? shortParentName(parent) : null, agencyName: u.name, place: placeOfUnit(u.name) };
}

/**
 * The register of the dossiers `unitId` received from `from` to `to` (Vietnam dates, both included),
 * in the order received.
 */
export async function loadRegisterData(ex: Executor, unitId: string, from: string, to: string, now: Date, cfg: FormsConfig): Promise<RegisterData> {
  const start = parseLocalVn(from);
  const end = new Date(parseLocalVn(to).getTime() + 86_400_000);
  const list = await rows<Row>(
    ex,
    sql`select d.code, v.definition->>'name' as procedure, d.applicant, hu.name as handling_unit, d.received_at, d.due_at,
               (select min(e.at) from dossier_events e where e.dossier_id = d.id and e.action in ('assign', 'transfer')) as forwarded_at,
               d.finished_at, d.returned_at, d.status, d.outcome
        from dossiers d
        join procedure_versions v on v.procedure_code = d.procedure_code and v.version = d.procedure_version
        join units hu on hu.id = d.handling_unit_id
        where d.receiving_unit_id = ${unitId} and d.received_at >= ${start.toISOString()} and d.received_at < ${end.toISOString()}
        order by d.received_at, d.code`,
  );
  const rowsOut: RegisterRow[] = list.map((r) => ({
    code: r.code,
    procedure: r.procedure,
    sets: 1,
    applicant: r.applicant.fullName,
    contact: [r.applicant.address, r.applicant.phone].filter(Boolean).join('; '),
    handlingUnit: r.handling_unit,
    receivedAt: ts(r.received_at)!,
    dueAt: ts(r.due_at),
    forwardedAt: ts(r.forwarded_at),
    resultAt: ts(r.finished_at),
    returnedAt: ts(r.returned_at),
    note: STATUS_INFO[r.status].vi,
  }));
  return { template: await templateFor(ex, '07', now), issuer: await issuerOf(ex, unitId, cfg), from: start, to: parseLocalVn(to), date: now, rows: rowsOut };
}
