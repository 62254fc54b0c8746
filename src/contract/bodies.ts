/**
 * Answers that are not JSON of ours — files, PDFs, spreadsheets, XML, Open311's formats,
 * redirects — declared with their content types, so that the OpenAPI document names them. Such a
 * body is sent as it is (a Buffer, a stream or a string): Fastify runs no serializer on those, so
 * the schema only documents it. Pure: no I/O.
 */
import { z } from 'zod';

/** A body sent as it is, documented as binary. */
export const Body = z.custom<Uint8Array | string | { pipe: unknown }>().meta({ type: 'string', format: 'binary' });

/** A JSON body in a format that is not ours (Open311's), documented as such. */
export const ForeignJson = z.unknown().meta({ description: 'JSON theo định dạng của chuẩn / JSON in the format the standard sets' });

/** The response of a route that answers a body of one of `types` (content types). */
export function answers(description: string, ...types: [string, ...string[]]) {
  return { description, content: Object.fromEntries(types.map((type) => [type, { schema: Body }])) as Record<string, { schema: typeof Body }> };
}

/** The response of a route that redirects: no body, `Location` says where (`description`). */
export function redirects(description: string) {
  return z.null().meta({ description });
}
