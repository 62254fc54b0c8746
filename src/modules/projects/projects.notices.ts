import { sql } from 'drizzle-orm';
import { rows, type Executor } from '../../db/client.ts';
import { parseLocalVn } from '../../domain/calendar/index.ts';
import { formatWhen, LOCALES, type Locale, type Vars } from '../../domain/notifications.ts';
import { INBOX_PATH, notify, type NotifySettings } from '../notifications/index.ts';
import type { RowOf } from '../../db/rows.ts';

/** Whom a direction is given to, as the projects module knows it. */
export interface DirectionOwner {
  kind: 'department' | 'investor' | 'other';
  departmentId: string | null;
}

/**
 * Tells whoever a leader's direction is given to, in the direction's transaction: the officers
 * (specialists and leaders) of the department, or the investor's linked accounts. An agency
 * outside the platform ("other") is told by the ward's own channels, not here.
 */
export async function notifyDirectionOwners(
  tx: Executor,
  d: { projectId: string; projectName: string; directionId: string; text: string; deadline: string; leaderName: string; owner: DirectionOwner },
  s: NotifySettings,
  now: Date,
  /** The direction given (default), or its deadline passed without completion (once, by projects.reminders.ts). */
  event: 'project.direction_given' | 'project.direction_overdue' = 'project.direction_given',
): Promise<number> {
  const people =
    d.owner.kind === 'department' && d.owner.departmentId
      ? await rows<RowOf<'users', { id: string; full_name: string; kind: string }>>(
          tx,
          sql`select id, full_name, kind from users where department_id = ${d.owner.departmentId} and kind = 'staff' and not disabled
              and ('specialist' = any(roles) or 'leader' = any(roles))`,
        )
      : d.owner.kind === 'investor'
        ? await rows<RowOf<'users', { id: string; full_name: string; kind: string }>>(
            tx,
            sql`select u.id, u.full_name, u.kind from project_investors i join users u on u.id = i.user_id where i.project_id = ${d.projectId} and not u.disabled`,
          )
        : [];
  // The deadline is a calendar day (shown without a time).
  const deadline = parseLocalVn(d.deadline, '12:00');
  for (const p of people) {
    // Officials open the project in the back office; an investor reads the notice in their inbox.
    const path = p.kind === 'staff' ? `/can-bo/du-an/${d.projectId}` : INBOX_PATH;
    const vars = Object.fromEntries(
      LOCALES.map((l: Locale): [Locale, Vars] => [
        l,
        { name: p.full_name, project: d.projectName, direction: d.text, deadline: formatWhen(deadline, l, false), leader: d.leaderName, link: `${s.publicUrl}${path}` },
      ]),
    ) as Record<Locale, Vars>;
    const dedupeKey = `${event === 'project.direction_given' ? 'direction' : 'direction-overdue'}:${d.directionId}:${p.id}`;
    await notify(tx, { userId: p.id, event, vars, path, data: { projectId: d.projectId, directionId: d.directionId }, dedupeKey }, s, now);
  }
  return people.length;
}
