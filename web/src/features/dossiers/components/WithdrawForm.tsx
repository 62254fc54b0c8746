import { useState, type FormEvent } from 'react';
import { useT } from '../../../i18n';
import { useSubmit } from '../../../api/useApi';
import type { Dossier } from '../../../api/types';
import { Button, ErrorSummary, Textarea, type FormError } from '../../../ui';
import { runAction } from '../api';

/** Withdrawing is final, so it takes two steps: open the form, then confirm with a reason. */
export function WithdrawForm({ dossier, onDone }: { dossier: Dossier; onDone: (d: Dossier) => void }) {
  const { t, lang } = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const submit = useSubmit((r: string) => runAction(dossier, 'withdraw', { reason: r }));

  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('withdraw.open')}
      </Button>
    );
  }
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found = reason.trim() ? [] : [{ target: 'withdraw-reason', text: t('withdraw.error.reason') }];
    setErrors(found);
    setAttempt((a) => a + 1);
    if (found.length) return;
    const d = await submit.run(reason.trim());
    if (d) onDone(d);
    else setAttempt((a) => a + 1);
  };
  const all = submit.error ? [...errors, { target: 'withdraw-reason', text: submit.error.localized(lang) }] : errors;
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <ErrorSummary errors={all} focusKey={attempt} />
      <Textarea
        id="withdraw-reason"
        label={t('withdraw.reason')}
        hint={t('withdraw.warning')}
        error={errors[0]?.text ?? null}
        value={reason}
        onChange={setReason}
        rows={3}
        autoFocus
      />
      <div className="button-group">
        <Button type="submit" variant="warning" pending={submit.pending}>
          {t('withdraw.confirm')}
        </Button>
        <Button variant="link" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
