/**
 * Content sniffing and file-name hygiene for attachments. Pure: no I/O.
 *
 * The type of an attachment is decided from its first bytes, never from the name or the
 * Content-Type the browser sent — both are chosen by the uploader.
 */

export const MIME = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  zip: 'application/zip',
} as const;

export type SniffedType = { mime: string; ext: string };

/** Types a citizen or official may attach. sniffMime also recognises gif, pptx and zip: they are refused. */
export const ALLOWED_MIME: ReadonlySet<string> = new Set<string>([
  MIME.pdf,
  MIME.jpeg,
  MIME.png,
  MIME.webp,
  MIME.docx,
  MIME.xlsx,
  MIME.odt,
  MIME.ods,
]);

/** How many leading bytes sniffMime needs to see; BlobStore.put returns at most this many. */
export const SNIFF_HEAD_BYTES = 16 * 1024;

const latin1 = new TextDecoder('latin1');

function startsWith(head: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (head.length < at + sig.length) return false;
  return sig.every((b, i) => head[at + i] === b);
}

function ascii(s: string): number[] {
  return Array.from(s, (c) => c.charCodeAt(0));
}

const PDF = ascii('%PDF-');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = ascii('GIF87a');
const GIF89 = ascii('GIF89a');
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];

/**
 * Recognises a file type from its first bytes (pass up to SNIFF_HEAD_BYTES).
 * Returns null for anything unrecognised (executables, scripts, plain text, …).
 * The result may be a type outside ALLOWED_MIME (gif, pptx, plain zip): check it, or use
 * sniffAllowedMime.
 */
export function sniffMime(head: Uint8Array): SniffedType | null {
  if (startsWith(head, PDF)) return { mime: MIME.pdf, ext: 'pdf' };
  if (startsWith(head, PNG)) return { mime: MIME.png, ext: 'png' };
  if (startsWith(head, JPEG)) return { mime: MIME.jpeg, ext: 'jpg' };
  if (startsWith(head, GIF87) || startsWith(head, GIF89)) return { mime: MIME.gif, ext: 'gif' };
  if (startsWith(head, RIFF) && startsWith(head, WEBP, 8)) return { mime: MIME.webp, ext: 'webp' };
  if (startsWith(head, ZIP_LOCAL)) return sniffZip(head);
  return null;
}

/** sniffMime, but null unless the type is in ALLOWED_MIME. */
export function sniffAllowedMime(head: Uint8Array): SniffedType | null {
  const t = sniffMime(head);
  return t && ALLOWED_MIME.has(t.mime) ? t : null;
}

function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
}

/** Entry names of the ZIP local file headers found in `head`. */
function zipEntryNames(head: Uint8Array): string[] {
  const names: string[] = [];
  // Scanning for signatures rather than walking sizes: entries written with a data
  // descriptor (flag bit 3) carry no size in their local header, so walking cannot skip them.
  for (let i = 0; i + 30 <= head.length; i++) {
    if (!startsWith(head, ZIP_LOCAL, i)) continue;
    const nameLen = u16(head, i + 26);
    if (nameLen === 0 || i + 30 + nameLen > head.length) continue;
    names.push(latin1.decode(head.subarray(i + 30, i + 30 + nameLen)));
    i += 29 + nameLen;
  }
  return names;
}

function sniffZip(head: Uint8Array): SniffedType {
  // ODF: the first entry is an uncompressed file named "mimetype" holding the media type.
  const nameLen = u16(head, 26);
  const extraLen = u16(head, 28);
  if (nameLen === 8 && latin1.decode(head.subarray(30, 38)) === 'mimetype' && u16(head, 8) === 0) {
    const start = 30 + nameLen + extraLen;
    const declared = latin1.decode(head.subarray(start, start + u32(head, 18)));
    if (declared === MIME.odt) return { mime: MIME.odt, ext: 'odt' };
    if (declared === MIME.ods) return { mime: MIME.ods, ext: 'ods' };
    return { mime: MIME.zip, ext: 'zip' };
  }
  // OOXML: an OPC package ([Content_Types].xml; LibreOffice writes it last, so _rels/.rels
  // also counts) with the main part under word/, xl/ or ppt/.
  const names = zipEntryNames(head);
  const isOpc = names.some((n) => n === '[Content_Types].xml' || n === '_rels/.rels');
  if (isOpc) {
    if (names.some((n) => n.startsWith('word/'))) return { mime: MIME.docx, ext: 'docx' };
    if (names.some((n) => n.startsWith('xl/'))) return { mime: MIME.xlsx, ext: 'xlsx' };
    if (names.some((n) => n.startsWith('ppt/'))) return { mime: MIME.pptx, ext: 'pptx' };
  }
  return { mime: MIME.zip, ext: 'zip' };
}

const MAX_NAME_CHARS = 200;
const MAX_EXT_CHARS = 16;
// Controls (Cc) and invisible format characters (Cf: zero-width, bidi overrides, BOM) — a
// right-to-left override makes "hoa-don\u202Efdp.exe" display as "hoa-donexe.pdf".
const UNSAFE_CHARS = /[\p{Cc}\p{Cf}]/gu;
const RESERVED_CHARS = /[<>:"/\\|?*]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * Makes an uploader-supplied file name safe to store and to offer back in Content-Disposition:
 * NFC, last path segment only, no control or reserved characters, no leading/trailing dots or
 * spaces, at most 200 characters with the extension kept. Returns null when nothing usable is
 * left ("", "..", "/").
 */
export function sanitizeFileName(name: string): string | null {
  let s = name.normalize('NFC').replace(UNSAFE_CHARS, '');
  s = s.split(/[/\\]/).pop() ?? '';
  s = s.replace(/^[a-z]:/i, ''); // "C:bao-cao.pdf", a drive-relative path
  s = s.replace(RESERVED_CHARS, '').replace(/\s+/g, ' ');
  s = trimDotsAndSpaces(s);
  if (s === '') return null;

  const dot = s.lastIndexOf('.');
  let stem = dot > 0 ? s.slice(0, dot) : s;
  let ext = dot > 0 ? s.slice(dot) : '';
  if (Array.from(ext).length > MAX_EXT_CHARS) {
    stem = s;
    ext = '';
  }
  stem = trimDotsAndSpaces(stem); // "Đơn đề nghị .docx"
  if (WINDOWS_DEVICE.test(stem)) stem = `_${stem}`;
  const room = MAX_NAME_CHARS - Array.from(ext).length;
  const chars = Array.from(stem); // code points, so a truncation never splits a surrogate pair
  if (chars.length > room) stem = trimDotsAndSpaces(chars.slice(0, room).join(''));
  return stem === '' ? null : stem + ext;
}

function trimDotsAndSpaces(s: string): string {
  return s.replace(/^[.\s]+|[.\s]+$/g, '');
}
