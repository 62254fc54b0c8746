// Outgoing messages: the outbox (messages.repo), its texts (messages.templates), the providers
// (messages.senders) and the worker that delivers after commit (messages.worker).
export { enqueueMessage, recentMessages, type NewMessage } from './messages.repo.ts';
export { createMessageWorker, type MessageWorker } from './messages.worker.ts';
export { type Logger, type MessageSender, type MessageSenders } from './messages.senders.ts';
export { sendersFromConfig } from './messages.providers.ts';
export { maskEmail } from './messages.routes.ts';
export type { Channel, TemplateKey } from './messages.templates.ts';
