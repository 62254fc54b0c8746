import type { Translate } from '../../../../i18n';
import type { Role } from '../../../../api/types';
import type { FormError } from '../../../../ui';
import { isPhone } from '../../../../lib/validate';

export const ROLES: Role[] = ['reception', 'specialist', 'leader', 'unit_admin'];

export interface UserFormState {
  login: string;
  fullName: string;
  roles: Role[];
  departmentId: string;
  phone: string;
  email: string;
  password: string;
}

export const emptyUser = (): UserFormState => ({ login: '', fullName: '', roles: [], departmentId: '', phone: '', email: '', password: '' });

const collator = new Intl.Collator('vi', { sensitivity: 'base' });
function split(name: string) {
  const parts = name.trim().split(/\s+/);
  return { given: parts[parts.length - 1] ?? '', rest: parts.slice(0, -1).join(' ') };
}
/** Vietnamese order: by given name, then family and middle names ("Nguyễn Văn An" < "Lê Thị Anh"). */
export function compareViNames(a: string, b: string): number {
  const x = split(a);
  const y = split(b);
  return collator.compare(x.given, y.given) || collator.compare(x.rest, y.rest);
}

/** Random, readable, ≥ 10 characters with upper, lower, digit and symbol (the server's minimum). */
export function randomPassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '@#%+='];
  const bytes = new Uint32Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b, i) => {
    const set = sets[i % sets.length] ?? sets[0]!;
    return set[b % set.length];
  }).join('');
}

export const userIds = { login: 'u-login', fullName: 'u-full-name', roles: 'u-roles', department: 'u-department', phone: 'u-phone', email: 'u-email', password: 'u-password' };

export function validateUser(s: UserFormState, t: Translate, creating: boolean, prefix: string): FormError[] {
  const errs: FormError[] = [];
  const at = (k: keyof typeof userIds) => `${prefix}${userIds[k]}`;
  if (creating && !/^[a-z][a-z0-9._-]{2,39}$/.test(s.login.trim().toLowerCase())) errs.push({ target: at('login'), text: t('bo.users.err.login') });
  if (s.fullName.trim().length < 2) errs.push({ target: at('fullName'), text: t('bo.users.err.fullName') });
  if (s.roles.length === 0) errs.push({ target: at('roles'), text: t('bo.users.err.roles') });
  if (creating && s.password.length < 10) errs.push({ target: at('password'), text: t('bo.users.err.password') });
  if (s.phone.trim() && !isPhone(s.phone)) errs.push({ target: at('phone'), text: t('bo.users.err.phone') });
  if (s.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.email.trim())) errs.push({ target: at('email'), text: t('bo.users.err.email') });
  return errs;
}
