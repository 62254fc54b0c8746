import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { api } from '../../api/client';
import { useSubmit } from '../../api/useApi';
import { Button, ErrorSummary, TextInput, type FormError } from '../../ui';
import { newPasswordErrors, passwordServerErrors } from './passwordForm';

const IDS = { current: 'current-password', password: 'new-password', confirm: 'confirm-password' };

/** The current password, then the new one twice. Every other session of the person ends. */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t, lang } = useT();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const submit = useSubmit(() => api.post<void>('/auth/password', { currentPassword: current, newPassword: password }).then(() => true));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found = [...(current ? [] : [{ target: IDS.current, text: t('password.error.current') }]), ...newPasswordErrors(password, confirm, t, IDS)];
    setErrors(found);
    setAttempt((a) => a + 1);
    if (found.length) return;
    if (await submit.run()) {
      setCurrent('');
      setPassword('');
      setConfirm('');
      onChanged();
    } else setAttempt((a) => a + 1);
  };

  const all = errors.length ? errors : submit.error ? passwordServerErrors(submit.error, t, lang, { ...IDS, fallback: IDS.current }) : [];
  const errorFor = (id: string) => all.find((x) => x.target === id)?.text ?? null;
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <ErrorSummary errors={all} focusKey={attempt} />
      <TextInput id={IDS.current} type="password" label={t('password.current')} value={current} onChange={setCurrent} error={errorFor(IDS.current)} autoComplete="current-password" width="w20" />
      <TextInput id={IDS.password} type="password" label={t('password.new')} hint={t('password.newHint')} value={password} onChange={setPassword} error={errorFor(IDS.password)} autoComplete="new-password" width="w20" />
      <TextInput id={IDS.confirm} type="password" label={t('password.confirm')} value={confirm} onChange={setConfirm} error={errorFor(IDS.confirm)} autoComplete="new-password" width="w20" />
      <Button type="submit" pending={submit.pending}>
        {t('password.change.submit')}
      </Button>
    </form>
  );
}
