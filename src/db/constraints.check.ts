// The lists the database's CHECKs close (src/db/migrations/0035_closed_lists.sql and earlier) are
// the domain's: src/db/schema.generated.ts types each such column as its list, and each line below
// fails `npm run typecheck` when that list and the domain constant differ either way.
import type { Tables } from './schema.generated.ts';
import type { StaffRole } from '../domain/policy.ts';
import type { InteropScope, SystemKind } from '../domain/interop.ts';
import type { NotificationEvent, NotifyChannel } from '../domain/notifications.ts';
import type { FeedbackCategory } from '../domain/feedback.ts';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : { inDatabase: A; inDomain: B }) : { inDatabase: A; inDomain: B };
type Proved<T extends true> = T;

export type ListsProved = [
  Proved<Same<Tables['users']['roles'][number], StaffRole>>,
  Proved<Same<Tables['interop_systems']['scopes'][number], InteropScope>>,
  Proved<Same<Tables['interop_systems']['kind'], SystemKind>>,
  Proved<Same<Tables['notification_preferences']['channels'][number], NotifyChannel>>,
  Proved<Same<Tables['notifications']['event'], NotificationEvent>>,
  Proved<Same<Tables['notification_templates']['event'], NotificationEvent>>,
  Proved<Same<Tables['feedback_reports']['category'], FeedbackCategory>>,
];
