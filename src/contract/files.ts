/**
 * The HTTP contract of uploads (POST /files): what an upload answers, for a dossier's documents, a
 * supplement's answer or a result to name it by. Pure: no I/O.
 */
import { z } from 'zod';

/** `id` is what a dossier's documents and GET /files/:id take. */
export const UploadedFile = z.object({ id: z.uuid(), sha256: z.string(), name: z.string(), size: z.number().int(), mime: z.string() });

export type UploadedFile = z.infer<typeof UploadedFile>;
