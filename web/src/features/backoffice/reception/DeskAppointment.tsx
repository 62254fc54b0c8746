import { useState } from 'react';
import { useT } from '../../../i18n';
import type { Procedure, ProcedureDefinitionView } from '../../../api/types';
import { useApi } from '../../../api/useApi';
import { boApi } from '../api';
import type { FormError } from '../../../ui';
import { AppointmentFields, useSuggestedAppointment } from '../components/AppointmentFields';
import { appointmentNeeded, emptyAppointment } from '../components/appointment';
import { DESK_APPOINTMENT, type DeskDraft } from './deskDraft';

/**
 * Step 4, only for a procedure whose time limit is unconfirmed: the appointment the officer gives
 * (printed on the receipt), suggested from the unconfirmed amount by the server's calendar.
 */
export function DeskAppointment({ procedure, draft, onChange, errors }: {
  procedure: Procedure;
  draft: DeskDraft;
  onChange: (patch: Partial<DeskDraft>) => void;
  errors: FormError[];
}) {
  const { t } = useT();
  // Rounded to the minute: the suggestion is asked once per page, not on every render.
  const [from] = useState(() => new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString());
  const needed = appointmentNeeded(procedure.timeLimit);
  // Citizens are not shown a tentative amount; the officer's suggestion comes from the full definition.
  const definition = useApi<ProcedureDefinitionView>(needed ? boApi.procedureDefinition(procedure.code) : null);
  const suggested = useSuggestedAppointment(needed ? definition.data?.timeLimit : null, from);
  if (!needed) return null;
  return (
    <section aria-labelledby="desk-appointment-title" className="bo-section">
      <h2 id="desk-appointment-title">{t('clock.appointment.deskTitle')}</h2>
      <AppointmentFields
        prefix={DESK_APPOINTMENT}
        value={draft.appointment ?? emptyAppointment()}
        onChange={(appointment) => onChange({ appointment })}
        errors={errors}
        suggestedAt={suggested}
      />
    </section>
  );
}
