/**
 * The HTTP contract of signing in and the session (docs/API.md, docs/identity.md): the request
 * bodies the server validates and the answers it serializes through these very schemas (a field
 * missing here never leaves the server). The web app imports the inferred types (`import type`),
 * so no zod reaches the citizen bundle. Pure: no I/O.
 */
import { z } from 'zod';
import { GLOBAL_VERBS, STAFF_ROLES } from '../domain/policy.ts';

/** A unit or department as a session or a list names it. */
export const Ref = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const UserKind = z.enum(['staff', 'citizen', 'business']);

/** The signed-in person as the session presents them. */
export const SessionUser = z.object({
  id: z.string(),
  kind: UserKind,
  fullName: z.string(),
  login: z.string(),
  roles: z.array(z.enum(STAFF_ROLES)),
  unit: Ref.nullable(),
  department: Ref.nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  /** What the authorization policy lets this person do beyond a single dossier: the UI offers exactly these. */
  capabilities: z.array(z.enum(GLOBAL_VERBS)),
  /** An admin set the password: until it is changed, the API refuses everything else (PASSWORD_CHANGE_REQUIRED). */
  mustChangePassword: z.boolean(),
  /** Two-factor sign-in: on or not; required of leaders and admins (until on: TWO_FACTOR_ENROLMENT_REQUIRED). */
  twoFactor: z.object({ enabled: z.boolean(), required: z.boolean() }),
});

/** A session opened (sign-in, sign-up confirmed) or read back (GET /auth/me). */
export const SessionPayload = z.object({ user: SessionUser, csrfToken: z.string() });

/** GET /auth/session: the same, or nobody signed in (200 either way). */
export const MaybeSession = z.union([SessionPayload, z.object({ user: z.null(), csrfToken: z.null() })]);

/** POST /auth/login answers this for an account with two-factor sign-in: no session yet. */
export const TwoFactorChallenge = z.object({
  challenge: z.string(),
  expiresAt: z.string(),
  methods: z.array(z.enum(['totp', 'recovery_code'])),
});

export const LoginBody = z.strictObject({ login: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) });

/** POST /auth/login: a session, or the second step to take. */
export const LoginAnswer = z.union([SessionPayload, z.object({ twoFactor: TwoFactorChallenge })]);

/** POST /auth/login/two-factor: a session, and how many recovery codes are left (null: none were made). */
export const TwoFactorSession = SessionPayload.extend({ recoveryCodesLeft: z.number().int().nullable() });

/** GET /staff: officials of the caller's unit, to assign work to. */
export const StaffQuery = z.strictObject({ role: z.enum(STAFF_ROLES).optional() });
export const StaffList = z.object({
  items: z.array(z.object({ id: z.string(), login: z.string(), fullName: z.string(), roles: z.array(z.enum(STAFF_ROLES)), department: Ref.nullable() })),
});

/** 204 No Content. */
export const NoContent = z.null().describe('No content');

export type Ref = z.infer<typeof Ref>;
export type UserKind = z.infer<typeof UserKind>;
export type SessionUser = z.infer<typeof SessionUser>;
export type SessionPayload = z.infer<typeof SessionPayload>;
export type TwoFactorChallenge = z.infer<typeof TwoFactorChallenge>;
export type LoginAnswer = z.infer<typeof LoginAnswer>;
export type TwoFactorSession = z.infer<typeof TwoFactorSession>;
export type StaffList = z.infer<typeof StaffList>;
