import { useState, type FormEvent } from 'react';
import { useT } from '../../../../i18n';
import { useSubmit } from '../../../../api/useApi';
import type { Ref } from '../../../../api/types';
import { Button, ErrorSummary, type FormError } from '../../../../ui';
import { createUser, type AdminUser } from '../../api';
import { ActionError } from '../../actions/ActionError';
import { UserFields } from './UserFields';
import { emptyUser, validateUser, type UserFormState } from './userForm';

/** A new staff account of the admin's unit: login, name, roles, department, initial password. */
export function CreateUser({ departments, onCreated }: { departments: Ref[]; onCreated: (u: AdminUser, password: string) => void }) {
  const { t } = useT();
  const [s, setS] = useState<UserFormState>(emptyUser);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const save = useSubmit(() =>
    createUser({
      login: s.login.trim().toLowerCase(),
      fullName: s.fullName.trim(),
      roles: s.roles,
      departmentId: s.departmentId || null,
      ...(s.phone.trim() ? { phone: s.phone.replace(/\s/g, '') } : {}),
      ...(s.email.trim() ? { email: s.email.trim() } : {}),
      password: s.password,
    }),
  );
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = validateUser(s, t, true, 'new-');
    setErrors(problems);
    setAttempt((n) => n + 1);
    if (problems.length) return;
    const u = await save.run();
    if (u) {
      onCreated(u, s.password);
      setS(emptyUser());
      setErrors([]);
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="u-create-title" className="bo-section">
      <h2 id="u-create-title">{t('bo.users.create')}</h2>
      <ErrorSummary errors={errors} focusKey={attempt} />
      <UserFields s={s} set={(p) => setS((x) => ({ ...x, ...p }))} errors={errors} departments={departments} creating prefix="new-" />
      {save.error && <ActionError error={save.error} onReload={() => undefined} />}
      <Button type="submit" pending={save.pending}>
        {t('bo.users.createSubmit')}
      </Button>
    </form>
  );
}
