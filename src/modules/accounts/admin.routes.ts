import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { maybeOne, rows } from '../../db/client.ts';
import { AppError } from '../../domain/errors.ts';
import { authorize } from '../../domain/policy.ts';
import { compareViPersonNames, nfc, searchKey } from '../../domain/text.ts';
import type { AppDeps } from '../../server/deps.ts';
import { clock } from '../../server/clock.ts';
import { audit, auditContext } from '../audit/audit.ts';
import { hashPassword } from './password.ts';
import { assertAcceptablePassword } from './password.service.ts';
import { USER_SELECT, presentUser, type UserRow } from './accounts.service.ts';
import { actorOf } from './session-user.ts';
import { AdminUser, AdminUserList, CreateUserBody, UpdateUserBody, UserIdParams } from '../../contract/admin.ts';
import type { RowOf } from '../../db/rows.ts';

const present = (u: UserRow) => ({ ...presentUser(u), roles: [...actorOf(u).roles], disabled: u.disabled, mustChangePassword: u.must_change_password, twoFactorEnabled: u.two_factor_enabled });

/** Unit admins manage their own unit's staff accounts and roles. */
export function adminRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);
  // Staff accounts of the admin's own unit: what they list, create and edit (a target elsewhere is not found).
  const admin = (req: FastifyRequest) => authorize(req.user, 'users.manage', { unitId: req.user?.unitId ?? '' });
  const checkDepartment = async (unitId: string, departmentId: string | null | undefined) => {
    if (!departmentId) return;
    const d = await maybeOne(deps.database.db, sql`select id from departments where id = ${departmentId} and unit_id = ${unitId}`);
    if (!d) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'departmentId', message: 'Không phải phòng ban của đơn vị / not a department of your unit' }] });
  };

  api.get('/admin/users', { schema: { tags: ['admin'], summary: 'Cán bộ của đơn vị / staff accounts', response: { 200: AdminUserList } } }, async (req) => {
    const user = admin(req);
    const list = await rows<UserRow>(deps.database.db, sql`${USER_SELECT} where u.kind = 'staff' and u.unit_id = ${user.unitId}`);
    return { items: list.map(present).sort((a, b) => compareViPersonNames(a.fullName, b.fullName)) };
  });

  api.post('/admin/users', { schema: { tags: ['admin'], summary: 'Tạo tài khoản cán bộ / create a staff account', body: CreateUserBody, response: { 201: AdminUser } } }, async (req, reply) => {
    const user = admin(req);
    await checkDepartment(user.unitId, req.body.departmentId);
    assertAcceptablePassword(req.body.password, req.body.login, 'password');
    const id = randomUUID();
    const hash = await hashPassword(req.body.password);
    const fullName = nfc(req.body.fullName);
    await deps.database.transaction(async (tx) => {
      const exists = await maybeOne(tx, sql`select id from users where login = ${req.body.login}`);
      if (exists) throw new AppError('ACCOUNT_EXISTS');
      // The admin knows this password: the official chooses their own at first sign-in.
      await tx.execute(sql`insert into users (id, kind, login, full_name, name_search, unit_id, department_id, roles, phone, email, password_hash, must_change_password)
        values (${id}, 'staff', ${req.body.login}, ${fullName}, ${searchKey(fullName)}, ${user.unitId}, ${req.body.departmentId},
                ${`{${req.body.roles.join(',')}}`}, ${req.body.phone ?? null}, ${req.body.email ?? null}, ${hash}, true)`);
      await audit(tx, { actorId: user.id, action: 'user_create', entityType: 'user', entityId: id, details: { roles: req.body.roles }, ...auditContext(req) }, now());
    });
    const created = (await maybeOne<UserRow>(deps.database.db, sql`${USER_SELECT} where u.id = ${id}`))!;
    return reply.code(201).send(present(created));
  });

  api.put(
    '/admin/users/:id',
    { schema: { tags: ['admin'], summary: 'Sửa vai trò, phòng ban, khóa tài khoản / update a staff account', params: UserIdParams, body: UpdateUserBody, response: { 200: AdminUser } } },
    async (req) => {
      const user = admin(req);
      const b = req.body;
      await checkDepartment(user.unitId, b.departmentId);
      if (b.password) authorize(req.user, 'users.reset_password', { unitId: user.unitId });
      const hash = b.password ? await hashPassword(b.password) : null;
      await deps.database.transaction(async (tx) => {
        const target = await maybeOne<RowOf<'users', { id: string; login: string }>>(tx, sql`select id, login from users where id = ${req.params.id} and kind = 'staff' and unit_id = ${user.unitId}`);
        if (!target) throw new AppError('USER_NOT_FOUND');
        if (b.password) {
          // One's own password is changed with the current one (POST /auth/password), not reset.
          if (target.id === user.id) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'password', message: 'Đổi mật khẩu của chính mình tại trang Đổi mật khẩu / change your own password with POST /auth/password' }] });
          assertAcceptablePassword(b.password, target.login, 'password');
        }
        if (target.id === user.id && (b.disabled || (b.roles && !b.roles.includes('unit_admin')))) {
          throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'roles', message: 'Không thể tự bỏ quyền quản trị của mình / you cannot remove your own administration rights' }] });
        }
        await tx.execute(sql`update users set
          full_name = coalesce(${b.fullName ? nfc(b.fullName) : null}, full_name),
          name_search = coalesce(${b.fullName ? searchKey(b.fullName) : null}, name_search),
          roles = coalesce(${b.roles ? `{${b.roles.join(',')}}` : null}::text[], roles),
          department_id = ${b.departmentId === undefined ? sql`department_id` : b.departmentId},
          disabled = coalesce(${b.disabled ?? null}::boolean, disabled),
          password_hash = coalesce(${hash}, password_hash),
          must_change_password = ${hash ? true : sql`must_change_password`},
          failed_logins = 0, locked_until = null
          where id = ${target.id}`);
        if (b.disabled || hash) await tx.execute(sql`delete from sessions where user_id = ${target.id}`);
        await audit(tx, { actorId: user.id, action: hash ? 'password_reset' : 'user_update', entityType: 'user', entityId: target.id, details: { ...b, password: b.password ? '***' : undefined }, ...auditContext(req) }, now());
      });
      return present((await maybeOne<UserRow>(deps.database.db, sql`${USER_SELECT} where u.id = ${req.params.id}`))!);
    },
  );
}
