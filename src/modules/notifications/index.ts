// Notifications: dossier events → templates (versioned, vi/en) → the inbox and the outbox's
// channels (docs/notifications.md).
export { notify, notifyContact, notifySettings, noticeFacts, noticeWrites, INBOX_PATH, type NoticeFacts, type NotifySettings, type NotificationInput } from './notifications.service.ts';
export { notifyDossierEvent, submittedNotice, type AppendedEvent } from './notifications.dossier.ts';
export { registerNotificationScheduler } from './notifications.scheduler.ts';
export { registerScheduledPass } from './notifications.passes.ts';
