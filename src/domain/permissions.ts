import { ACTION_ROLES, type Action, type ActorRole } from './dossier-state.ts';

export type StaffRole = 'reception' | 'specialist' | 'leader' | 'unit_admin';

export interface Actor {
  id: string;
  kind: 'staff' | 'citizen' | 'business';
  roles: readonly StaffRole[];
  unitId: string | null;
  departmentId: string | null;
}

export interface DossierScope {
  applicantId: string;
  submittedBy: string;
  receivingUnitId: string;
  handlingUnitId: string;
  assigneeId: string | null;
}

/** Reception-desk actions belong to the unit that received the dossier; the rest to the handling unit. */
const RECEIVING_UNIT_ACTIONS: readonly Action[] = ['receive', 'refuse', 'return_result', 'confirm_payment'];

const isApplicant = (a: Actor, d: DossierScope) => a.id === d.applicantId || a.id === d.submittedBy;
const isStaffOf = (a: Actor, unitId: string) => a.kind === 'staff' && a.unitId === unitId;

/** Whether `actor` may read the dossier: its applicant, or staff of the receiving or handling unit. */
export function canRead(actor: Actor, d: DossierScope): boolean {
  return (
    (actor.kind !== 'staff' && isApplicant(actor, d)) ||
    isStaffOf(actor, d.handlingUnitId) ||
    isStaffOf(actor, d.receivingUnitId)
  );
}

/**
 * The role under which `actor` may take `action` on the dossier, or null if they may not.
 * One place for every authorization rule on dossiers.
 */
export function roleFor(actor: Actor, action: Action, d: DossierScope): ActorRole | null {
  const allowed = ACTION_ROLES[action] as readonly ActorRole[];
  if (allowed.includes('applicant')) {
    return actor.kind !== 'staff' && isApplicant(actor, d) ? 'applicant' : null;
  }
  const unitId = RECEIVING_UNIT_ACTIONS.includes(action) ? d.receivingUnitId : d.handlingUnitId;
  if (!isStaffOf(actor, unitId)) return null;
  // A proposal is made by the specialist the dossier is assigned to.
  if (action === 'propose' && d.assigneeId !== actor.id) return null;
  for (const role of allowed) {
    if (role !== 'applicant' && actor.roles.includes(role)) return role;
  }
  return null;
}

export const canAdminister = (actor: Actor, unitId: string) => isStaffOf(actor, unitId) && actor.roles.includes('unit_admin');
export const isStaff = (actor: Actor) => actor.kind === 'staff';
