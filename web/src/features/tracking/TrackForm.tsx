import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { useNavigate } from '../../router';
import { href } from '../../routes';
import { Button, ErrorSummary, TextInput, type FormError } from '../../ui';

/**
 * Dossier code (+ optional last 4 digits of the phone) → /tra-cuu/<code>. Used on the home page
 * and the tracking page; `idPrefix` keeps ids unique when both could be on one page.
 */
export function TrackForm({ idPrefix = 'track', initialCode = '', withSummary = true }: { idPrefix?: string; initialCode?: string; withSummary?: boolean }) {
  const { t } = useT();
  const navigate = useNavigate();
  const [code, setCode] = useState(initialCode);
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);

  const codeId = `${idPrefix}-code`;
  const phoneId = `${idPrefix}-phone`;
  const errorFor = (id: string) => errors.find((e) => e.target === id)?.text ?? null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next: FormError[] = [];
    const c = code.trim();
    if (!c) next.push({ target: codeId, text: t('track.error.codeBlank') });
    else if (!/^[0-9A-Za-z._-]{5,80}$/.test(c)) next.push({ target: codeId, text: t('track.error.codeFormat') });
    if (phone.trim() && !/^\d{4}$/.test(phone.trim())) next.push({ target: phoneId, text: t('track.error.phone') });
    setErrors(next);
    setAttempt((a) => a + 1);
    if (next.length) return;
    navigate(href('trackResult', { code: c.toUpperCase() }, { sdt: phone.trim() }));
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      {withSummary && <ErrorSummary errors={errors} focusKey={attempt} />}
      <TextInput
        id={codeId}
        label={t('track.code')}
        hint={t('track.codeHint')}
        error={errorFor(codeId)}
        value={code}
        onChange={setCode}
        autoComplete="off"
        spellCheck={false}
      />
      <TextInput
        id={phoneId}
        label={t('track.phone')}
        hint={t('track.phoneHint')}
        optional
        error={errorFor(phoneId)}
        value={phone}
        onChange={setPhone}
        inputMode="numeric"
        maxLength={4}
        width="w5"
        autoComplete="off"
      />
      <Button type="submit">{t('track.submit')}</Button>
    </form>
  );
}
