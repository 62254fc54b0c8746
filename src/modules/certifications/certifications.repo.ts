/** SQL of the certification register. */
import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Executor } from '../../db/client.ts';
import type { RowOf } from '../../db/rows.ts';

/**
 * The next number of the unit's register for `year`. The counter row stays locked until the
 * transaction ends: a certification that fails gives its number back, and desks wait their turn.
 */
export async function nextRegisterNumber(tx: Executor, unitId: string, year: number): Promise<number> {
  const row = await maybeOne<RowOf<'certification_counters', { last: number }>>(
    tx,
    sql`insert into certification_counters (unit_id, year, last) values (${unitId}, ${year}, 1)
        on conflict (unit_id, year) do update set last = certification_counters.last + 1 returning last`,
  );
  return Number(row!.last);
}

export interface NewCertification {
  id: string;
  unitId: string;
  year: number;
  number: number;
  book: string;
  visitId: string;
  citizenId: string;
  documentName: string;
  pages: number;
  copies: number;
  feeVnd: number;
  documentId: string;
  certifiedBy: string;
}

export async function insertCertification(tx: Executor, c: NewCertification, at: Date): Promise<void> {
  await tx.execute(sql`
    insert into certifications (id, unit_id, year, number, book, visit_id, citizen_id, document_name, pages, copies, fee_vnd, document_id, certified_by, certified_at)
    values (${c.id}, ${c.unitId}, ${c.year}, ${c.number}, ${c.book}, ${c.visitId}, ${c.citizenId}, ${c.documentName}, ${c.pages}, ${c.copies},
            ${c.feeVnd}, ${c.documentId}, ${c.certifiedBy}, ${at.toISOString()})`);
}

export interface CertificationRow {
  id: string;
  number: number;
  book: string;
  year: number;
  document_name: string;
  pages: number;
  copies: number;
  fee_vnd: number;
  certified_at: string;
  certified_by: string;
  citizen: string;
  citizen_id_number: string | null;
  document_id: string;
}

const SELECT = sql`
  select c.id, c.number, c.book, c.year, c.document_name, c.pages, c.copies, c.fee_vnd, c.certified_at,
         s.full_name as certified_by, u.full_name as citizen, u.cccd as citizen_id_number, c.document_id
  from certifications c join users s on s.id = c.certified_by join users u on u.id = c.citizen_id`;

export const certificationsOfVisit = (ex: Executor, visitId: string) =>
  rows<CertificationRow>(ex, sql`${SELECT} where c.visit_id = ${visitId} order by c.number`);

/** The unit's register between two instants, in register order. */
export const registerBetween = (ex: Executor, unitId: string, from: Date, to: Date) =>
  rows<CertificationRow>(
    ex,
    sql`${SELECT} where c.unit_id = ${unitId} and c.certified_at >= ${from.toISOString()} and c.certified_at < ${to.toISOString()} order by c.year, c.number`,
  );
