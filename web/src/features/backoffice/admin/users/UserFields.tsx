import { useT } from '../../../../i18n';
import type { Ref } from '../../../../api/types';
import { Button, Checkboxes, Select, TextInput, type FormError } from '../../../../ui';
import { randomPassword, ROLES, userIds, type UserFormState } from './userForm';

/** The account's fields; on edit, the login and the initial password are not shown. */
export function UserFields({ s, set, errors, departments, creating, prefix }: {
  s: UserFormState;
  set: (p: Partial<UserFormState>) => void;
  errors: FormError[];
  departments: Ref[];
  creating: boolean;
  prefix: string;
}) {
  const { t } = useT();
  const id = (k: keyof typeof userIds) => `${prefix}${userIds[k]}`;
  const err = (k: keyof typeof userIds) => errors.find((e) => e.target === id(k))?.text ?? null;
  return (
    <>
      <div className="bo-form-grid">
        {creating && (
          <TextInput id={id('login')} label={t('bo.users.login')} hint={t('bo.users.loginHint')} autoComplete="off" spellCheck={false} error={err('login')} value={s.login} onChange={(v) => set({ login: v })} />
        )}
        <TextInput id={id('fullName')} label={t('bo.users.fullName')} autoComplete="off" error={err('fullName')} value={s.fullName} onChange={(v) => set({ fullName: v })} />
        <Select
          id={id('department')}
          label={t('bo.users.department')}
          placeholder={t('bo.users.noDepartment')}
          value={s.departmentId}
          onChange={(v) => set({ departmentId: v })}
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
        />
        {creating && (
          <>
            <TextInput id={id('phone')} label={t('bo.applicant.phone')} optional type="tel" autoComplete="off" error={err('phone')} value={s.phone} onChange={(v) => set({ phone: v })} />
            <TextInput id={id('email')} label={t('bo.applicant.email')} optional type="email" autoComplete="off" error={err('email')} value={s.email} onChange={(v) => set({ email: v })} />
          </>
        )}
      </div>
      <Checkboxes
        id={id('roles')}
        legend={t('bo.users.roles')}
        error={err('roles')}
        value={s.roles}
        onChange={(v) => set({ roles: v as UserFormState['roles'] })}
        options={ROLES.map((r) => ({ value: r, label: t(`bo.role.${r}`) }))}
        inline
      />
      {creating && (
        <div className="search-row">
          <TextInput id={id('password')} label={t('bo.users.password')} hint={t('bo.users.passwordHint')} autoComplete="new-password" spellCheck={false} error={err('password')} value={s.password} onChange={(v) => set({ password: v })} />
          <Button variant="secondary" onClick={() => set({ password: randomPassword() })}>
            {t('bo.users.generate')}
          </Button>
        </div>
      )}
    </>
  );
}
