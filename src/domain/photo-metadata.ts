/**
 * Strips location and camera metadata from a photo before it is stored or shown (JPEG, PNG,
 * WebP), without decoding the image: the pixels are the same bytes. What goes: EXIF (GPS,
 * camera make and serial, times), XMP, IPTC, comments, PNG text chunks. What stays: what the
 * picture needs to look right — JFIF, the colour profile, and for a JPEG the EXIF orientation
 * alone (a phone photo would otherwise show sideways), rewritten in a fresh 36-byte EXIF block.
 * `metadataOf` reads a file back to check what it still carries. Pure, no I/O.
 */

export type PhotoType = 'jpeg' | 'png' | 'webp';

export interface PhotoMetadata {
  /** An EXIF block with any tag beyond the orientation. */
  exif: boolean;
  /** A GPS directory (or a GPS tag) in the EXIF block. */
  gps: boolean;
  xmp: boolean;
  /** IPTC, JPEG comments, PNG text chunks. */
  text: boolean;
}

export class PhotoFormatError extends Error {
  override name = 'PhotoFormatError';
}

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
const u32le = (b: Uint8Array, i: number) => b[i]! + (b[i + 1]! << 8) + (b[i + 2]! << 16) + ((b[i + 3]! << 24) >>> 0);
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

export function photoTypeOf(b: Uint8Array): PhotoType | null {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length > 8 && ascii(b, 1, 3) === 'PNG' && b[0] === 0x89) return 'png';
  if (b.length > 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'webp';
  return null;
}

// --------------------------------------------------------------------------------------------- JPEG

interface Segment {
  marker: number;
  start: number;
  end: number;
}

/** The header segments of a JPEG up to the start of scan (SOS), and where the scan begins. */
function jpegSegments(b: Uint8Array): { segments: Segment[]; scanStart: number } {
  const segments: Segment[] = [];
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) throw new PhotoFormatError('JPEG: a segment does not start with a marker');
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xda) return { segments, scanStart: i };
    if (marker === 0xd9) throw new PhotoFormatError('JPEG: no image data');
    const len = u16be(b, i + 2);
    if (len < 2 || i + 2 + len > b.length) throw new PhotoFormatError('JPEG: a segment runs past the end');
    segments.push({ marker, start: i, end: i + 2 + len });
    i += 2 + len;
  }
  throw new PhotoFormatError('JPEG: no start of scan');
}

interface Tiff {
  le: boolean;
  base: number;
  b: Uint8Array;
}
const tiffU16 = (t: Tiff, i: number) => (t.le ? t.b[t.base + i]! | (t.b[t.base + i + 1]! << 8) : u16be(t.b, t.base + i));
const tiffU32 = (t: Tiff, i: number) => (t.le ? u32le(t.b, t.base + i) : u32be(t.b, t.base + i));

/** The TIFF structure inside an EXIF APP1 segment, or null. */
function tiffOf(b: Uint8Array, seg: Segment): Tiff | null {
  const base = seg.start + 4 + 6;
  if (seg.end - seg.start < 4 + 6 + 8 || ascii(b, seg.start + 4, 6) !== 'Exif\0\0') return null;
  const order = ascii(b, base, 2);
  if (order !== 'II' && order !== 'MM') return null;
  return { le: order === 'II', base, b: b.subarray(0, seg.end) };
}

/** The tags of IFD0: [tag, value of a SHORT] pairs. */
function ifd0Tags(t: Tiff): { tag: number; short: number }[] {
  const ifd = tiffU32(t, 4);
  if (t.base + ifd + 2 > t.b.length) return [];
  const n = tiffU16(t, ifd);
  const out: { tag: number; short: number }[] = [];
  for (let k = 0; k < n && t.base + ifd + 2 + k * 12 + 12 <= t.b.length; k++) {
    const e = ifd + 2 + k * 12;
    out.push({ tag: tiffU16(t, e), short: tiffU16(t, e + 8) });
  }
  return out;
}

const ORIENTATION = 0x0112;
const GPS_IFD = 0x8825;

/** A minimal EXIF APP1 segment holding only the orientation (big-endian TIFF, one IFD0 entry). */
function orientationSegment(orientation: number): Uint8Array {
  const body = [
    ...[0x45, 0x78, 0x69, 0x66, 0, 0], // "Exif\0\0"
    ...[0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8], // "MM", 42, IFD0 at 8
    ...[0, 1], // one entry
    ...[0x01, 0x12, 0, 3, 0, 0, 0, 1, orientation >> 8, orientation & 0xff, 0, 0], // Orientation, SHORT, 1
    ...[0, 0, 0, 0], // no next IFD
  ];
  const len = body.length + 2;
  return Uint8Array.from([0xff, 0xe1, len >> 8, len & 0xff, ...body]);
}

function isXmp(b: Uint8Array, s: Segment) {
  return s.marker === 0xe1 && ascii(b, s.start + 4, Math.min(28, s.end - s.start - 4)).startsWith('http://ns.adobe.com/');
}

function stripJpeg(b: Uint8Array): Uint8Array {
  const { segments, scanStart } = jpegSegments(b);
  const parts: Uint8Array[] = [b.subarray(0, 2)];
  let orientation: number | null = null;
  for (const s of segments) {
    if (s.marker === 0xe1) {
      const t = tiffOf(b, s);
      const o = t && ifd0Tags(t).find((e) => e.tag === ORIENTATION)?.short;
      if (o && o >= 1 && o <= 8) orientation = o;
      continue;
    }
    // APP0 (JFIF) and APP2 (ICC colour profile) stay; APP3–APP15 (IPTC in APP13, makers' notes) and comments go.
    if ((s.marker >= 0xe3 && s.marker <= 0xef) || s.marker === 0xfe) continue;
    parts.push(b.subarray(s.start, s.end));
  }
  if (orientation !== null && orientation !== 1) parts.splice(1, 0, orientationSegment(orientation));
  parts.push(b.subarray(scanStart));
  return concat(parts);
}

function jpegMetadata(b: Uint8Array): PhotoMetadata {
  const m: PhotoMetadata = { exif: false, gps: false, xmp: false, text: false };
  for (const s of jpegSegments(b).segments) {
    if (s.marker === 0xfe || s.marker === 0xed) m.text = true;
    if (isXmp(b, s)) m.xmp = true;
    const t = s.marker === 0xe1 ? tiffOf(b, s) : null;
    if (t) {
      const tags = ifd0Tags(t);
      if (tags.some((e) => e.tag !== ORIENTATION)) m.exif = true;
      if (tags.some((e) => e.tag === GPS_IFD)) m.gps = true;
    }
  }
  return m;
}

// --------------------------------------------------------------------------------------------- PNG

/** Chunks a PNG needs to show as it was; every other ancillary chunk (eXIf, tEXt, zTXt, iTXt, tIME…) goes. */
const PNG_KEEP = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'pHYs', 'bKGD', 'acTL', 'fcTL', 'fdAT']);

function pngChunks(b: Uint8Array): { type: string; start: number; end: number }[] {
  const out: { type: string; start: number; end: number }[] = [];
  let i = 8;
  while (i + 12 <= b.length) {
    const len = u32be(b, i);
    const type = ascii(b, i + 4, 4);
    const end = i + 12 + len;
    if (end > b.length) throw new PhotoFormatError('PNG: a chunk runs past the end');
    out.push({ type, start: i, end });
    i = end;
    if (type === 'IEND') break;
  }
  return out;
}

const stripPng = (b: Uint8Array) => concat([b.subarray(0, 8), ...pngChunks(b).filter((c) => PNG_KEEP.has(c.type)).map((c) => b.subarray(c.start, c.end))]);

function pngMetadata(b: Uint8Array): PhotoMetadata {
  const types = pngChunks(b).map((c) => c.type);
  return { exif: types.includes('eXIf'), gps: types.includes('eXIf'), xmp: false, text: types.some((t) => ['tEXt', 'zTXt', 'iTXt'].includes(t)) };
}

// --------------------------------------------------------------------------------------------- WebP

function webpChunks(b: Uint8Array): { type: string; start: number; end: number }[] {
  const out: { type: string; start: number; end: number }[] = [];
  let i = 12;
  while (i + 8 <= b.length) {
    const len = u32le(b, i + 4);
    const end = i + 8 + len + (len % 2);
    if (i + 8 + len > b.length) throw new PhotoFormatError('WebP: a chunk runs past the end');
    out.push({ type: ascii(b, i, 4), start: i, end: Math.min(end, b.length) });
    i = end;
  }
  return out;
}

function stripWebp(b: Uint8Array): Uint8Array {
  const kept = webpChunks(b)
    .filter((c) => c.type !== 'EXIF' && c.type !== 'XMP ')
    .map((c) => {
      const bytes = b.slice(c.start, c.end);
      if (c.type === 'VP8X') bytes[8] = bytes[8]! & ~0x0c; // the flags no longer announce EXIF (0x08) or XMP (0x04)
      return bytes;
    });
  const body = concat(kept);
  const size = body.length + 4;
  const head = Uint8Array.from([...b.subarray(0, 4), size & 0xff, (size >> 8) & 0xff, (size >> 16) & 0xff, (size >>> 24) & 0xff, ...b.subarray(8, 12)]);
  return concat([head, body]);
}

function webpMetadata(b: Uint8Array): PhotoMetadata {
  const types = webpChunks(b).map((c) => c.type);
  return { exif: types.includes('EXIF'), gps: types.includes('EXIF'), xmp: types.includes('XMP '), text: false };
}

// ---------------------------------------------------------------------------------------------

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The photo without location, camera and text metadata (see the module comment).
 * @throws PhotoFormatError when the bytes are not a well-formed JPEG, PNG or WebP
 */
export function stripPhotoMetadata(b: Uint8Array): { type: PhotoType; bytes: Uint8Array } {
  const type = photoTypeOf(b);
  if (type === 'jpeg') return { type, bytes: stripJpeg(b) };
  if (type === 'png') return { type, bytes: stripPng(b) };
  if (type === 'webp') return { type, bytes: stripWebp(b) };
  throw new PhotoFormatError('not a JPEG, PNG or WebP photo');
}

/**
 * What metadata a photo carries (to check a stored file).
 * @throws PhotoFormatError when the bytes are not a well-formed JPEG, PNG or WebP
 */
export function metadataOf(b: Uint8Array): PhotoMetadata {
  const type = photoTypeOf(b);
  if (type === 'jpeg') return jpegMetadata(b);
  if (type === 'png') return pngMetadata(b);
  if (type === 'webp') return webpMetadata(b);
  throw new PhotoFormatError('not a JPEG, PNG or WebP photo');
}

export const hasNoMetadata = (m: PhotoMetadata) => !m.exif && !m.gps && !m.xmp && !m.text;
