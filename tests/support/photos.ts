/**
 * Photos as a phone takes them: a JPEG carrying an EXIF block with the camera's make and model,
 * the orientation and a GPS position, an XMP packet and a comment, beside the image segments.
 * `withPhoneMetadata` adds that block to any JPEG (the browser test adds it to a real picture
 * drawn by Chromium); `phoneJpeg` builds a small structurally complete one.
 */

const u16 = (n: number) => [n >> 8, n & 0xff];
const u32 = (n: number) => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const seg = (marker: number, body: number[]) => [0xff, marker, ...u16(body.length + 2), ...body];
const bytes = (s: string) => Array.from(Buffer.from(s, 'latin1'));

/** The coordinates a phone wrote: 21°19'44" N, 105°22'57" E (in the ward). */
export const PHONE_GPS = { lat: [21, 19, 44], lon: [105, 22, 57] } as const;

/** An EXIF APP1 segment (big-endian TIFF): IFD0 with Make, Model, Orientation 6 and the GPS IFD with latitude and longitude. */
export function exifSegment(): number[] {
  // Offsets are from the TIFF header. IFD0 at 8 with 4 entries (2 + 4×12 + 4 = 54 bytes) → data at 62.
  const make = bytes('Samsung\0'); // 8 bytes at 62
  const model = bytes('SM-A546E\0\0'); // 10 bytes at 70
  const gpsIfd = 80;
  const ifd0 = [
    ...u16(4),
    ...[...u16(0x010f), ...u16(2), ...u32(make.length), ...u32(62)],
    ...[...u16(0x0110), ...u16(2), ...u32(model.length), ...u32(70)],
    ...[...u16(0x0112), ...u16(3), ...u32(1), ...u16(6), 0, 0],
    ...[...u16(0x8825), ...u16(4), ...u32(1), ...u32(gpsIfd)],
    ...u32(0),
  ];
  // GPS IFD at 80: 4 entries (2 + 48 + 4 = 54) → rationals at 134 (lat, 24 bytes) and 158 (lon, 24 bytes).
  const rationals = (dms: readonly number[]) => dms.flatMap((v) => [...u32(v), ...u32(1)]);
  const gps = [
    ...u16(4),
    ...[...u16(1), ...u16(2), ...u32(2), ...bytes('N\0'), 0, 0],
    ...[...u16(2), ...u16(5), ...u32(3), ...u32(134)],
    ...[...u16(3), ...u16(2), ...u32(2), ...bytes('E\0'), 0, 0],
    ...[...u16(4), ...u16(5), ...u32(3), ...u32(158)],
    ...u32(0),
  ];
  const tiff = [...bytes('MM'), ...u16(42), ...u32(8), ...ifd0, ...make, ...model, ...gps, ...rationals(PHONE_GPS.lat), ...rationals(PHONE_GPS.lon)];
  return seg(0xe1, [...bytes('Exif\0\0'), ...tiff]);
}

const xmpSegment = () => seg(0xe1, bytes('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:Description exif:GPSLatitude="21,19.73N"/></x:xmpmeta>'));
const commentSegment = () => seg(0xfe, bytes('Nguyen Van An, 0912345678'));

/** A JPEG with the phone's metadata added right after its start marker (and its own APP1 blocks, if any, kept). */
export function withPhoneMetadata(jpeg: Uint8Array): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  return Buffer.concat([Buffer.from(jpeg.subarray(0, 2)), Buffer.from([...exifSegment(), ...xmpSegment(), ...commentSegment()]), Buffer.from(jpeg.subarray(2))]);
}

/**
 * A small JPEG as a phone writes it: SOI, JFIF, the phone's EXIF/XMP/comment, a quantisation
 * table, a frame header, a Huffman table, a scan with its data, EOI. `seed` varies the scan bytes
 * so that each photo is a different file.
 */
export function phoneJpeg(seed = 1): Buffer {
  const jfif = seg(0xe0, [...bytes('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const dqt = seg(0xdb, [0, ...Array.from({ length: 64 }, () => 1)]);
  const sof = seg(0xc0, [8, ...u16(8), ...u16(8), 1, 1, 0x11, 0]);
  const dht = seg(0xc4, [0x00, 0, 1, ...Array(14).fill(0), 0]);
  const sos = seg(0xda, [1, 1, 0, 0, 63, 0]);
  const scan = Array.from({ length: 32 }, (_, i) => (i * 7 + seed) % 0xfe);
  const base = Buffer.from([0xff, 0xd8, ...jfif, ...dqt, ...sof, ...dht, ...sos, ...scan, 0xff, 0xd9]);
  return withPhoneMetadata(base);
}

/** Whether the bytes still hold the phone's traces anywhere (make, model, comment text, XMP). */
export function phoneTracesIn(b: Uint8Array): string[] {
  const text = Buffer.from(b).toString('latin1');
  return ['Samsung', 'SM-A546E', '0912345678', 'ns.adobe.com', 'GPSLatitude'].filter((t) => text.includes(t));
}
