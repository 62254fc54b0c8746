import { useT } from '../../i18n';

/** "Step 2 of 4" plus the list of steps, the current one marked for screen readers. */
export function StepNav({ current }: { current: number; code: string }) {
  const { t } = useT();
  const steps = [1, 2, 3, 4] as const;
  return (
    <nav aria-label={t('apply.steps')}>
      <p className="secondary-text mb-0">{t('apply.stepOf', { n: current, total: steps.length })}</p>
      <ol className="step-nav">
        {steps.map((n) => (
          <li key={n} aria-current={n === current ? 'step' : undefined}>
            {n}. {t(`apply.step${n}`)}
          </li>
        ))}
      </ol>
    </nav>
  );
}
