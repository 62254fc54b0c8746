import { useT, type MessageKey } from '../../i18n';
import { Tag } from '../../ui';
import type { PublicDocumentView } from './api';

/** In force (green), revoked (red), expired (grey). */
export function DocumentStateTag({ state }: { state: PublicDocumentView['state'] }) {
  const { t } = useT();
  return <Tag colour={state === 'valid' ? 'green' : state === 'revoked' ? 'red' : 'grey'}>{t(`verify.state.${state}` as MessageKey)}</Tag>;
}
