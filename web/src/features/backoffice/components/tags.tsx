import { isMessageKey, pick, useT } from '../../../i18n';
import type { DossierStatus } from '../../../api/types';
import { Tag, type TagColour } from '../../../ui';
import type { DueState } from './due';

const statusColour: Record<DossierStatus, TagColour> = {
  submitted: 'blue',
  received: 'blue',
  refused: 'red',
  in_review: 'purple',
  consulting: 'purple',
  awaiting_approval: 'purple',
  approved: 'purple',
  supplement_requested: 'orange',
  awaiting_payment: 'yellow',
  withdrawn: 'grey',
  stopped: 'red',
  result_ready: 'green',
  returned: 'green',
};

/** The status as officials name it (the server's label when it sends one). */
export function BoStatusTag({ status, label, labelEn }: { status: DossierStatus; label?: string; labelEn?: string }) {
  const { t, lang } = useT();
  const key = `bo.status.${status}`;
  const text = label ? pick(lang, label, labelEn) : isMessageKey(key) ? t(key) : status;
  return <Tag colour={statusColour[status] ?? 'grey'}>{text}</Tag>;
}

const dueColour: Record<Exclude<DueState, null>, TagColour> = {
  overdue: 'red',
  due_soon: 'orange',
  on_track: 'grey',
  early: 'green',
  on_time: 'blue',
  late: 'red',
};

/** Timeliness in words and colour: "Quá hạn", "Sắp đến hạn", "Trong hạn", "Trước hạn"… */
export function DueTag({ state }: { state: DueState }) {
  const { t } = useT();
  if (!state) return null;
  return (
    <Tag colour={dueColour[state]}>
      {(state === 'overdue' || state === 'due_soon' || state === 'late') && <span aria-hidden="true">⚠ </span>}
      {t(`bo.due.${state}`)}
    </Tag>
  );
}
