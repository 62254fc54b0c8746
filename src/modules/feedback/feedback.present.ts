import { toDate } from '../../db/time.ts';
import { formatVn } from '../../domain/calendar/index.ts';
import { areaName, type AreaFeature } from '../../domain/feedback-areas.ts';
import type { PublicReport } from '../../domain/feedback-contract.ts';
import { forwardLate, routeOf, timelinessOf, type RoutingRule } from '../../domain/feedback.ts';
import { clockOf, type EventRow, type PhotoRow, type ReportRow } from './feedback.repo.ts';

export const photoUrl = (id: string) => `/api/v1/feedback/photos/${id}`;
const vnOrNull = (v: string | null) => (v === null ? null : formatVn(toDate(v)));

/** A report as anyone may read it: the moderated text, no reporter, photos not hidden; its area named from the areas in force. */
export function presentPublic(r: ReportRow, photos: readonly PhotoRow[], areas: readonly AreaFeature[]): PublicReport {
  return {
    code: r.code,
    category: r.category,
    status: r.status,
    description: r.public_description,
    lat: r.lat,
    lon: r.lon,
    address: r.address,
    area: r.area_code,
    areaName: areaName(r.area_code, areas),
    department: r.department_name,
    receivedAt: formatVn(toDate(r.received_at)),
    dueAt: formatVn(toDate(r.due_at)),
    answeredAt: vnOrNull(r.answered_at),
    answer: r.answer,
    photos: photos.filter((p) => !p.hidden).map((p) => photoUrl(p.upload_id)),
    mergedInto: r.merged_into_code,
    rating: r.rating,
  };
}

/** Events as the public reads them (internal ones are left out before): officials are "the ward". */
export function presentEvents(events: readonly EventRow[], withNames: boolean) {
  return events.map((e) => ({
    at: formatVn(toDate(e.at)),
    action: e.action,
    by: e.actor_kind === 'staff' ? ('ward' as const) : e.action === 'receive' || e.action === 'rate' || e.action === 'reopen' || e.action === 'fixed' ? ('reporter' as const) : ('system' as const),
    note: e.note,
    internal: e.internal,
    actorName: withNames && e.actor_kind === 'staff' ? e.actor_name : null,
  }));
}

/** A line of the officials' list: the clock, the handling department, and where the routing table in force would send it. */
export function presentQueueItem(
  r: ReportRow,
  photos: readonly PhotoRow[],
  departments: readonly { id: string; code: string; name: string }[],
  routing: readonly RoutingRule[],
  now: Date,
  areas: readonly AreaFeature[],
) {
  const suggested = routeOf(r.category, r.area_code, routing);
  return {
    ...presentPublic(r, photos, areas),
    departmentId: r.department_id,
    assignee: r.assignee_name,
    forwardDueAt: formatVn(toDate(r.forward_due_at)),
    forwardLate: forwardLate(clockOf(r), now),
    timeliness: timelinessOf(clockOf(r), now),
    suggestedDepartment: departments.find((d) => d.code === suggested)?.id ?? null,
  };
}
