import { useT, isMessageKey } from '../../../i18n';
import { formatDateTime } from '../../../i18n/format';
import type { DossierStep } from '../../../api/types';
import { Table, Tag, TimelinessTag } from '../../../ui';

/** Who holds the dossier at each step and by when (the processing control slip, simplified). */
export function StepsTable({ steps }: { steps: DossierStep[] }) {
  const { t } = useT();
  if (steps.length === 0) return <p className="secondary-text">{t('dossier.noSteps')}</p>;
  return (
    <Table
      caption={t('dossier.steps')}
      captionHidden
      rows={steps}
      rowKey={(s) => `${s.key}-${s.startedAt ?? ''}`}
      columns={[
        {
          header: t('step.name'),
          cell: (s) => {
            const roleKey = `role.${s.role}`;
            return (
              <>
                <strong>{s.name}</strong>
                <span className="small secondary-text" style={{ display: 'block' }}>
                  {isMessageKey(roleKey) ? t(roleKey) : s.role}
                </span>
              </>
            );
          },
        },
        { header: t('step.started'), cell: (s) => formatDateTime(s.startedAt) || '—' },
        { header: t('step.due'), cell: (s) => formatDateTime(s.dueAt) || '—' },
        {
          header: t('step.finished'),
          cell: (s) =>
            s.finishedAt ? (
              <>
                {formatDateTime(s.finishedAt)} <TimelinessTag value={s.timeliness} />
              </>
            ) : s.startedAt ? (
              <Tag colour="purple">{t('step.inProgress')}</Tag>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}
