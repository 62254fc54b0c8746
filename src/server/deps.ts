import type { Config } from './config.ts';
import type { Database } from '../db/client.ts';
import type { BlobStore } from '../modules/files/storage.ts';
import type { MessageSenders } from '../modules/messages/messages.senders.ts';

/**
 * What every module's routes need from the assembled application. It lives apart from `app.ts`
 * so that modules depend on this small type, never on the file that imports them.
 */
export interface AppDeps {
  config: Config;
  database: Database;
  blobs: BlobStore;
  /** The clock, injectable for tests. */
  now?: () => Date;
  /** Message providers; by default those the settings choose (tests inject their own). */
  senders?: MessageSenders;
  /** Where log lines go (JSON, one a line); standard output by default. Tests read them. */
  logStream?: { write(line: string): void };
  /** Set by the app: asks the outbox worker to deliver now, after a commit that wrote messages. */
  outbox?: { kick(): void };
}
