import { isMessageKey, pick, useT } from '../../../i18n';
import type { DossierStatus } from '../../../api/types';
import { Tag, statusColour, type TagColour } from '../../../ui';
import type { DueState } from './due';


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
  paused: 'blue',
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
