import { useState, type FormEvent } from 'react';
import { useT } from '../../../i18n';
import { useSubmit } from '../../../api/useApi';
import { Button, ErrorSummary, Radios, Textarea, type FormError } from '../../../ui';
import { rate } from '../api';

/** One rating per dossier, after the result is returned: 1–5 and an optional comment. */
export function RatingForm({ code, onDone }: { code: string; onDone: () => void }) {
  const { t, lang } = useT();
  const [score, setScore] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const submit = useSubmit(() => rate(code, Number(score), comment));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found = score ? [] : [{ target: 'rating-score', text: t('rating.error.score') }];
    setErrors(found);
    setAttempt((a) => a + 1);
    if (found.length) return;
    if (await submit.run()) onDone();
    else setAttempt((a) => a + 1);
  };
  const all = submit.error ? [...errors, { target: 'rating-score', text: submit.error.localized(lang) }] : errors;
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <ErrorSummary errors={all} focusKey={attempt} />
      <Radios
        id="rating-score"
        legend={t('rating.question')}
        value={score}
        onChange={setScore}
        error={errors[0]?.text ?? null}
        options={[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t(`rating.${n as 1 | 2 | 3 | 4 | 5}`) }))}
      />
      <Textarea id="rating-comment" label={t('rating.comment')} optional value={comment} onChange={setComment} rows={3} maxLength={2000} />
      <Button type="submit" pending={submit.pending}>
        {t('rating.submit')}
      </Button>
    </form>
  );
}
