import { pick, useT } from '../../../i18n';
import type { Procedure } from '../../../api/types';
import { SummaryList } from '../../../ui';
import { formValueText } from '../dossier/labels';
import { formatDateTime } from '../../../i18n/format';
import { appointmentNeeded, vnInstant } from '../components/appointment';
import { deskBody, type DeskDraft } from './deskDraft';

/** What will be filed, checked with the citizen before "Xác nhận". */
export function DeskReview({ draft, procedure }: { draft: DeskDraft; procedure: Procedure }) {
  const { t, lang } = useT();
  const body = deskBody(draft, procedure);
  const a = body.applicant;
  return (
    <>
      <h3>{t('bo.desk.applicant')}</h3>
      <SummaryList
        rows={[
          { key: t('bo.applicant.name'), value: a.fullName },
          { key: t('bo.applicant.cccd'), value: a.cccd },
          { key: t('bo.desk.birthYear'), value: a.birthYear ? String(a.birthYear) : '—' },
          { key: t('bo.desk.gender'), value: a.gender ? t(`gender.${a.gender}`) : '—' },
          { key: t('bo.applicant.phone'), value: a.phone ?? (draft.lookup === 'found' ? draft.citizen?.phoneMasked : null) ?? '—' },
          { key: t('bo.applicant.email'), value: a.email ?? '—' },
          { key: t('bo.applicant.address'), value: a.address ?? '—' },
        ]}
      />
      <h3>{t('bo.desk.procedure')}</h3>
      <p>
        {procedure.name} ({procedure.code})
      </p>
      <h3>{t('bo.desk.fields')}</h3>
      {procedure.formFields.length === 0 ? (
        <p className="secondary-text">{t('bo.desk.noFields')}</p>
      ) : (
        <SummaryList rows={procedure.formFields.map((f) => ({ key: pick(lang, f.label, f.labelEn), value: formValueText(procedure, f.key, body.formData[f.key], lang) }))} />
      )}
      {appointmentNeeded(procedure.timeLimit) && draft.appointment && (
        <>
          <h3>{t('clock.appointment.legend')}</h3>
          <SummaryList
            rows={[
              { key: t('clock.appointment.legend'), value: formatDateTime(vnInstant(draft.appointment.date, draft.appointment.time)) || '—' },
              { key: t('clock.appointment.reason'), value: draft.appointment.reason.trim() || '—' },
            ]}
          />
        </>
      )}
      <h3>{t('bo.desk.docs')}</h3>
      <SummaryList
        rows={procedure.documents.map((doc) => ({
          key: doc.name,
          value: draft.files[doc.id]?.name ?? t('bo.docs.notProvided'),
        }))}
      />
    </>
  );
}
