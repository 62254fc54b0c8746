/**
 * The few facts an action needs beyond the dossier row, looked up before the domain decides
 * (dossier-decide.ts): one query at most per action, none for most.
 */
import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Executor } from '../../db/client.ts';
import type { ActionFacts, SupplementItemFact } from '../../domain/dossier-decide.ts';
import type { ActionInput } from '../../contract/dossiers.ts';
import type { DossierRow } from './dossiers.repo.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

export interface ItemRow {
  id: string;
  target_type: 'document' | 'field';
  target_key: string;
  reason: string;
}
const item = (r: ItemRow): SupplementItemFact => ({ id: r.id, targetType: r.target_type, targetKey: r.target_key, reason: r.reason });

/** Who uploaded each file; a file uploaded without signing in (a report's photo) is nobody's. */
async function uploaders(ex: Executor, ids: string[]): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const found = await rows<RowOf<'uploads', { id: string; uploaded_by: string | null }>>(
    ex,
    sql`select id, uploaded_by from uploads where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`,
  );
  return Object.fromEntries(found.flatMap((u) => (u.uploaded_by === null ? [] : [[u.id, u.uploaded_by] as const])));
}

export async function loadActionFacts(tx: Executor, d: DossierRow, input: ActionInput): Promise<ActionFacts> {
  switch (input.action) {
    case 'assign': {
      const assignee = await maybeOne<RowOf<'users', { department_id: string | null }>>(
        tx,
        sql`select department_id from users where id = ${input.assigneeId} and kind = 'staff' and unit_id = ${d.handling_unit_id}
            and 'specialist' = any(roles) and not disabled`,
      );
      return { assignee: assignee ? { departmentId: assignee.department_id } : null };
    }
    case 'consult':
      return { department: await maybeOne<RowOf<'departments', { name: string }>>(tx, sql`select name from departments where id = ${input.departmentId}`) };
    case 'transfer':
      return { unit: await maybeOne<RowOf<'units', { id: string; name: string }>>(tx, sql`select id, name from units where code = ${input.unitCode}`) };
    case 'issue_result':
      return { uploaders: await uploaders(tx, input.fileIds) };
    case 'answer_supplement': {
      // The open items and who uploaded each answer's file, in one round trip; `is_item` tells the
      // two apart (a file uploaded without signing in has no uploader either).
      const fileIds = input.answers.flatMap((a) => (a.fileId ? [a.fileId] : []));
      const found = await rows<(ItemRow & Computed<{ is_item: true }>) | (Computed<{ is_item: false }> & RowOf<'uploads', { id: string; uploaded_by: string | null }>)>(
        tx,
        sql`select true as is_item, i.id, i.target_type, i.target_key, i.reason, null as uploaded_by from supplement_items i
            where i.dossier_id = ${d.id} and i.round = ${d.supplement_rounds} and i.answered_at is null
            ${fileIds.length ? sql`union all select false, u.id, null, null, null, u.uploaded_by from uploads u where u.id in (${sql.join(fileIds.map((id) => sql`${id}`), sql`, `)})` : sql``}`,
      );
      return {
        openItems: found.flatMap((r) => (r.is_item ? [item(r)] : [])),
        uploaders: Object.fromEntries(found.flatMap((r) => (!r.is_item && r.uploaded_by !== null ? [[r.id, r.uploaded_by] as const] : []))),
      };
    }
    case 'request_supplement': {
      if (d.status !== 'supplement_proposed') return {};
      const round = d.supplement_rounds + 1;
      // No item yet: one row, the item's columns null (the left join).
      const found = await rows<(ItemRow | Computed<{ [K in keyof ItemRow]: null }>) & RowOf<'supplement_requests', { repeat_reason: string | null }>>(
        tx,
        sql`select i.id, i.target_type, i.target_key, i.reason, r.repeat_reason from supplement_requests r
            left join supplement_items i on i.dossier_id = r.dossier_id and i.round = r.round
            where r.dossier_id = ${d.id} and r.round = ${round} order by i.created_at, i.id`,
      );
      if (found.length === 0) return { proposal: null };
      return { proposal: { round, repeatReason: found[0]!.repeat_reason, items: found.flatMap((r) => (r.id === null ? [] : [item(r)])) } };
    }
    default:
      return {};
  }
}
