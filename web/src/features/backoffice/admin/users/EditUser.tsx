import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useT } from '../../../../i18n';
import { useSubmit } from '../../../../api/useApi';
import type { Ref } from '../../../../api/types';
import { Button, Checkboxes, ErrorSummary, TextInput, type FormError } from '../../../../ui';
import { resetTwoFactor, updateUser, type AdminUser } from '../../api';
import { ActionError } from '../../actions/ActionError';
import { UserFields } from './UserFields';
import { randomPassword, validateUser, type UserFormState } from './userForm';

/** Change an account's name, roles, department, lock it, or reset its password. */
export function EditUser({ user, departments, onSaved, onClose }: {
  user: AdminUser;
  departments: Ref[];
  onSaved: (u: AdminUser, what: 'saved' | 'password' | 'twoFactor') => void;
  onClose: () => void;
}) {
  const { t } = useT();
  const [s, setS] = useState<UserFormState>({ login: user.login, fullName: user.fullName, roles: user.roles, departmentId: user.department?.id ?? '', phone: '', email: '', password: '' });
  const [disabled, setDisabled] = useState(user.disabled);
  const [password, setPassword] = useState('');
  const [pwError, setPwError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [user.id]);
  const save = useSubmit(() => updateUser(user.id, { fullName: s.fullName.trim(), roles: s.roles, departmentId: s.departmentId || null, disabled }));
  const reset = useSubmit(() => updateUser(user.id, { password }));
  const resetTotp = useSubmit(() => resetTwoFactor(user.id).then(() => true));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = validateUser(s, t, false, 'edit-');
    setErrors(problems);
    setAttempt((n) => n + 1);
    if (problems.length) return;
    const u = await save.run();
    if (u) onSaved(u, 'saved');
  };
  const onReset = async () => {
    if (password.length < 10) return setPwError(t('bo.users.err.password'));
    setPwError(null);
    const u = await reset.run();
    if (u) onSaved(u, 'password');
  };

  return (
    <section aria-labelledby="u-edit-title" className="bo-section bo-action">
      <h2 id="u-edit-title" className="mt-0" tabIndex={-1} ref={heading}>
        {t('bo.users.editTitle', { name: user.fullName })}
      </h2>
      <p className="secondary-text">{t('bo.users.loginIs', { login: user.login })}</p>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} focusKey={attempt} />
        <UserFields s={s} set={(p) => setS((x) => ({ ...x, ...p }))} errors={errors} departments={departments} creating={false} prefix="edit-" />
        <Checkboxes
          id="edit-disabled"
          legend={t('bo.users.status')}
          value={disabled ? ['yes'] : []}
          onChange={(v) => setDisabled(v.includes('yes'))}
          options={[{ value: 'yes', label: t('bo.users.disable'), hint: t('bo.users.disableHint') }]}
        />
        {save.error && <ActionError error={save.error} onReload={() => undefined} />}
        <div className="button-group">
          <Button type="submit" pending={save.pending}>
            {t('bo.users.save')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('bo.act.close')}
          </Button>
        </div>
      </form>
      <fieldset className="bo-item">
        <legend className="legend">{t('bo.users.resetTitle')}</legend>
        <div className="search-row">
          <TextInput id="edit-password" label={t('bo.users.newPassword')} hint={t('bo.users.passwordHint')} autoComplete="new-password" spellCheck={false} error={pwError} value={password} onChange={setPassword} />
          <Button variant="secondary" onClick={() => setPassword(randomPassword())}>
            {t('bo.users.generate')}
          </Button>
        </div>
        {reset.error && <ActionError error={reset.error} onReload={() => undefined} />}
        <Button variant="warning" onClick={() => void onReset()} pending={reset.pending}>
          {t('bo.users.reset')}
        </Button>
      </fieldset>
      <fieldset className="bo-item">
        <legend className="legend">{t('bo.users.twoFactorTitle')}</legend>
        <p>{t(user.twoFactorEnabled ? 'bo.users.twoFactorOn' : 'bo.users.twoFactorOff')}</p>
        {user.twoFactorEnabled && (
          <>
            <p className="secondary-text">{t('bo.users.twoFactorResetHint')}</p>
            {resetTotp.error && <ActionError error={resetTotp.error} onReload={() => undefined} />}
            <Button variant="warning" pending={resetTotp.pending} onClick={() => void resetTotp.run().then((ok) => ok && onSaved({ ...user, twoFactorEnabled: false }, 'twoFactor'))}>
              {t('bo.users.twoFactorReset')}
            </Button>
          </>
        )}
      </fieldset>
    </section>
  );
}
