import type { ReactNode } from 'react';
import { useT, type MessageKey } from '../i18n';
import type { DossierStatus, Timeliness } from '../api/types';

export type TagColour = 'grey' | 'blue' | 'green' | 'yellow' | 'orange' | 'red' | 'purple';

export function Tag({ colour = 'grey', children }: { colour?: TagColour; children: ReactNode }) {
  return <strong className={colour === 'grey' ? 'tag' : `tag tag--${colour}`}>{children}</strong>;
}

/** One colour per status, shared by the portal and the back office. */
export const statusColour: Record<DossierStatus, TagColour> = {
  submitted: 'blue',
  received: 'blue',
  refused: 'red',
  in_review: 'purple',
  consulting: 'purple',
  awaiting_approval: 'purple',
  approved: 'purple',
  supplement_proposed: 'purple',
  supplement_requested: 'orange',
  awaiting_payment: 'yellow',
  withdrawn: 'grey',
  stopped: 'red',
  result_ready: 'green',
  returned: 'green',
};

/** The status in plain words, coloured by group; unknown statuses show the server's label. */
export function StatusTag({ status, fallback }: { status: DossierStatus; fallback?: string }) {
  const { t } = useT();
  const known = status in statusColour;
  return <Tag colour={statusColour[status] ?? 'grey'}>{known ? t(`status.${status}` as MessageKey) : (fallback ?? status)}</Tag>;
}

/** Early / on time / late, for a finished step or dossier. */
export function TimelinessTag({ value }: { value: Timeliness }) {
  const { t } = useT();
  if (!value) return null;
  const colour: TagColour = value === 'late' ? 'red' : value === 'early' ? 'green' : 'blue';
  return <Tag colour={colour}>{t(`timeliness.${value}` as MessageKey)}</Tag>;
}
