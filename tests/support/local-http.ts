import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * An HTTP server on 127.0.0.1 and a free port, for the local stand-ins of outside services
 * (SMS gateway, Zalo, VNeID). `handler` is read at each request, so it may be set after start.
 */
export class LocalHttp {
  handler: Handler = (_req, res) => res.end();
  private server: ReturnType<typeof createServer> | null = null;
  port = 0;

  async listen(): Promise<number> {
    const server = createServer((req, res) => this.handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this.port;
  }

  async close(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}
