import { crc32, deflateSync } from 'node:zlib';
import type { Client } from './client.ts';

/** A real PNG of one colour (for evidence photos): `w`×`h`, RGB. */
export function pngBytes(w = 4, h = 3, rgb: [number, number, number] = [200, 120, 40]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w }, () => rgb).flat())]);
  const pixels = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

export interface ListedProject {
  id: string;
  code: string;
  name: string;
  assessment: { state: string; daysLate: number; reasons: { kind: string; milestone?: string }[] };
  obstacles: { open: number; openDirections: number; overdueDirections: number };
}

/** The register as `client` (a ward official) sees it. */
export async function listProjects(client: Client, query = ''): Promise<{ items: ListedProject[]; counts: Record<string, number>; overdueDirections: number }> {
  const res = await client.get(`/api/v1/projects${query}`);
  if (res.statusCode !== 200) throw new Error(`list failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** The id of a project of the demo register by its code (DA-001…). */
export async function projectId(client: Client, code: string): Promise<string> {
  const p = (await listProjects(client)).items.find((i) => i.code === code);
  if (!p) throw new Error(`no project ${code}`);
  return p.id;
}
