/**
 * The HTTP contract of a unit admin's staff accounts (docs/API.md, "Administration"): list,
 * create, edit, reset an official's authenticator. A password the admin sets is in the request
 * only; no answer carries one. Pure: no I/O.
 */
import { z } from 'zod';
import { STAFF_ROLES } from '../domain/policy.ts';
import { Ref, UserKind } from './session.ts';

const Role = z.enum(STAFF_ROLES);

export const UserIdParams = z.strictObject({ id: z.uuid() });

/** POST /admin/users: the official chooses their own password at first sign-in. */
export const CreateUserBody = z.strictObject({
  login: z.string().trim().toLowerCase().regex(/^[a-z][a-z0-9._-]{2,39}$/, 'a-z, 0-9, . _ - (3–40 characters)'),
  fullName: z.string().trim().min(2).max(120),
  roles: z.array(Role).min(1).max(4),
  departmentId: z.uuid().nullable().default(null),
  phone: z.string().max(20).optional(),
  email: z.email().max(200).optional(),
  password: z.string().min(10).max(200),
});

/** PUT /admin/users/:id: any of these; a password resets it (the official must change it). */
export const UpdateUserBody = z.strictObject({
  fullName: z.string().trim().min(2).max(120).optional(),
  roles: z.array(Role).min(1).max(4).optional(),
  departmentId: z.uuid().nullable().optional(),
  disabled: z.boolean().optional(),
  password: z.string().min(10).max(200).optional(),
});

/** A staff account as its unit admin sees it. */
export const AdminUser = z.object({
  id: z.string(),
  kind: UserKind,
  fullName: z.string(),
  login: z.string(),
  roles: z.array(Role),
  unit: Ref.nullable(),
  department: Ref.nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  disabled: z.boolean(),
  /** The password was set by an admin and not yet changed by the official. */
  mustChangePassword: z.boolean(),
  twoFactorEnabled: z.boolean(),
});
export const AdminUserList = z.object({ items: z.array(AdminUser) });

export type CreateUserBody = z.input<typeof CreateUserBody>;
export type UpdateUserBody = z.input<typeof UpdateUserBody>;
export type AdminUser = z.infer<typeof AdminUser>;
export type AdminUserList = z.infer<typeof AdminUserList>;
