import { STAFF_ROLES, capabilities, twoFactorRequired, type Actor, type StaffRole } from '../../domain/policy.ts';
import type { AppDeps } from '../../server/deps.ts';
import { homeUnitId } from '../units/units.service.ts';
import { presentUser, type UserRow } from './accounts.service.ts';

/** A user row as the policy sees it. */
export function actorOf(u: UserRow): Actor {
  return {
    id: u.id,
    kind: u.kind,
    roles: u.roles.filter((r): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r)),
    unitId: u.unit_id,
    departmentId: u.department_id,
  };
}

/**
 * The signed-in user as the session presents them, with the global verbs the policy grants
 * them (`capabilities`): the web app offers exactly these (desk filing, administration…), as it
 * offers a dossier's `allowedActions`.
 */
export async function sessionUser(deps: Pick<AppDeps, 'database' | 'config'>, u: UserRow) {
  const actor = actorOf(u);
  return {
    ...presentUser(u),
    // The roles the policy knows (actorOf), as the contract lists them.
    roles: [...actor.roles],
    capabilities: capabilities(actor, await homeUnitId(deps.database, deps.config.unit.code)),
    /** An admin set the password: until the person changes it, the session may do nothing else. */
    mustChangePassword: u.must_change_password,
    twoFactor: { enabled: u.two_factor_enabled, required: twoFactorRequired(actor) },
  };
}
