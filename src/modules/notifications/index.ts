// Notifications: dossier events → templates (versioned, vi/en) → the inbox and the outbox's
// channels (docs/notifications.md).
import type { NotifyChannel } from '../../domain/notifications.ts';
import type { NotifySettings } from './notifications.service.ts';

export { notify, INBOX_PATH, type NotifySettings, type NotificationInput } from './notifications.service.ts';
export { notifyDossierEvent, type AppendedEvent } from './notifications.dossier.ts';

/** What the notifier needs of the settings: the public address, and the channels with a provider here. */
export function notifySettings(config: { publicUrl: string; messages: object }): NotifySettings {
  const channels: NotifyChannel[] = ['email', 'sms'];
  if ('zalo' in config.messages && config.messages.zalo) channels.push('zalo');
  return { publicUrl: config.publicUrl, channels };
}
