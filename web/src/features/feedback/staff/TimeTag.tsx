import { useT, type MessageKey } from '../../../i18n';
import { Tag, type TagColour } from '../../../ui';
import type { QueueItem } from './api';

const COLOUR: Record<QueueItem['timeliness'], TagColour> = { overdue: 'red', late: 'orange', open: 'blue', on_time: 'green', not_counted: 'grey' };

/** Where a report stands against its answer deadline. */
export function TimeTag({ value }: { value: QueueItem['timeliness'] }) {
  const { t } = useT();
  return <Tag colour={COLOUR[value]}>{t(`fbs.time.${value}` as MessageKey)}</Tag>;
}
