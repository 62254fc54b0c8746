import { useState } from 'react';
import { useApi } from '../../../api/useApi';
import { boApi } from '../api';

/**
 * "Now" (fixed when the page opened, so the table doesn't shift under the reader) and the end
 * of the "due soon" window, computed by the server's working-day calendar. While that answer is
 * awaited, or if it fails, only "overdue" can be shown; nothing is guessed.
 */
export function useDueClock(): { now: Date; soonLimit: Date | null } {
  const [now] = useState(() => new Date());
  // Rounded to the minute so that pages opened within a minute share the cached answer.
  const [from] = useState(() => new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString());
  const limit = useApi<{ due: string }>(boApi.dueSoonLimit(from));
  const soonLimit = limit.data ? new Date(limit.data.due) : null;
  return { now, soonLimit: soonLimit && !Number.isNaN(soonLimit.getTime()) ? soonLimit : null };
}
