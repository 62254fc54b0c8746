import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  header(name: string): string | null;
}

/**
 * A real SMTP server for tests (smtp-server), on 127.0.0.1. `answer` decides what the next DATA
 * gets: accepted, or refused with an SMTP code (451 temporary, 550 permanent). It can be stopped
 * and started again on the same port (a mail server that is down, then back).
 */
export class TestSmtp {
  received: ReceivedMail[] = [];
  answer: { code: number; message: string } | null = null;
  private server: SMTPServer | null = null;
  port = 0;

  async start(port = this.port): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (this.answer) {
            const err = Object.assign(new Error(this.answer.message), { responseCode: this.answer.code });
            callback(err);
            return;
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          this.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            header: (name) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(raw)?.[1]?.trim() ?? null,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  /** The mails whose outbox id (X-NTS-Message-Id) is `id`. */
  withId(id: string): ReceivedMail[] {
    return this.received.filter((m) => m.header('X-NTS-Message-Id') === id);
  }
}
