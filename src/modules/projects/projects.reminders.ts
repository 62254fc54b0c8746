import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { rows, type Database } from '../../db/client.ts';
import { vnDateOf } from '../../domain/calendar/index.ts';
import type { ActorKind } from '../../domain/projects-obstacles.ts';
import type { AppDeps } from '../../server/deps.ts';
import { notifySettings, registerScheduledPass, type NotifySettings } from '../notifications/index.ts';
import { notifyDirectionOwners } from './projects.notices.ts';

export interface OverdueRow {
  id: string;
  project_id: string;
  project_name: string;
  text: string;
  deadline: string;
  owner_kind: ActorKind;
  owner_department_id: string | null;
  leader_name: string;
}

/**
 * Tells the owners of each leader's direction whose deadline (a Vietnam calendar day) has passed
 * without completion, once: each direction is claimed with FOR UPDATE SKIP LOCKED and marked
 * `overdue_notified_at` in the transaction that writes its notices (each with a dedupe key), so
 * several instances, or several passes of one, tell nobody twice. Returns how many directions.
 */
export async function sendOverdueDirectionReminders(database: Database, s: NotifySettings, now: Date): Promise<number> {
  const today = vnDateOf(now);
  let done = 0;
  for (let round = 0; round < 20; round++) {
    const n = await database.transaction(async (tx) => {
      const due = await rows<OverdueRow>(
        tx,
        sql`select x.id, x.project_id, p.name as project_name, x.text, x.deadline::text as deadline, x.owner_kind, x.owner_department_id, u.full_name as leader_name
              from project_directions x join projects p on p.id = x.project_id join users u on u.id = x.given_by
             where x.completed_at is null and x.overdue_notified_at is null and x.deadline < ${today}
             order by x.deadline, x.id limit 20
             for update of x skip locked`,
      );
      for (const d of due) {
        await notifyDirectionOwners(
          tx,
          { projectId: d.project_id, projectName: d.project_name, directionId: d.id, text: d.text, deadline: d.deadline, leaderName: d.leader_name, owner: { kind: d.owner_kind, departmentId: d.owner_department_id } },
          s,
          now,
          'project.direction_overdue',
        );
        await tx.execute(sql`update project_directions set overdue_notified_at = ${now.toISOString()} where id = ${d.id}`);
      }
      return due.length;
    });
    done += n;
    if (n < 20) break;
  }
  return done;
}

/**
 * Runs the pass with the notification scheduler's cadence (NOTIFY_SCHEDULER_SECONDS; 0 turns it
 * off), the first one interval after start: a reminder a few minutes late is harmless, and an
 * app just started (a test's, a deploy's) writes nothing before anyone asked.
 */
export function registerDirectionReminders(app: FastifyInstance, deps: AppDeps): void {
  registerScheduledPass(app, deps, 'overdue direction reminders', (now) => sendOverdueDirectionReminders(deps.database, notifySettings(deps.config), now));
}
