import { isMessageKey, useT } from '../../../i18n';
import { Tag } from '../../../ui';

export type OriginChannel = 'national_portal' | 'provincial_system' | 'unit_system';

/** The name of the system a dossier came from: "Cổng DVC quốc gia", "Hệ thống của tỉnh"… */
export function useOriginName() {
  const { t } = useT();
  return (channel: string | null | undefined) => {
    const key = `io.origin.${channel ?? 'national_portal'}`;
    return isMessageKey(key) ? t(key) : (channel ?? '');
  };
}

/**
 * The mark of a dossier a connected system forwarded (the national portal's, above all): its
 * channel as a tag and its code there, beside ours (docs/INTEROP.md). Nothing for a dossier filed here.
 */
export function OriginMark({ channel, externalCode, compact }: { channel?: string | null | undefined; externalCode?: string | null | undefined; compact?: boolean }) {
  const { t } = useT();
  const name = useOriginName();
  if (!channel && !externalCode) return null;
  // In a table (compact): the tag, then the code under it, as narrow as our own code.
  return (
    <>
      <span className="bo-sub">
        <Tag colour="blue">{name(channel)}</Tag>
      </span>
      {externalCode && (
        <span className="bo-sub">
          {compact ? (
            <>
              <span className="visually-hidden">{t('io.externalCode', { origin: name(channel) })}: </span>
              {externalCode}
            </>
          ) : (
            t('io.externalCodeShort', { origin: name(channel), code: externalCode })
          )}
        </span>
      )}
    </>
  );
}
