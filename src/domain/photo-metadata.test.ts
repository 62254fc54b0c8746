import { describe, expect, it } from 'vitest';
import { phoneJpeg, phoneTracesIn } from '../../tests/support/photos.ts';
import { PhotoFormatError, hasNoMetadata, metadataOf, photoTypeOf, stripPhotoMetadata } from './photo-metadata.ts';

const png = (chunks: [string, string][]) => {
  const out: Buffer[] = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])];
  for (const [type, data] of chunks) {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    out.push(len, Buffer.from(type, 'latin1'), Buffer.from(data, 'latin1'), Buffer.alloc(4));
  }
  return Buffer.concat(out);
};

const webp = (chunks: [string, Buffer][]) => {
  const body = Buffer.concat(
    chunks.map(([type, data]) => {
      const h = Buffer.alloc(8);
      h.write(type, 0, 'latin1');
      h.writeUInt32LE(data.length, 4);
      return Buffer.concat([h, data, Buffer.alloc(data.length % 2)]);
    }),
  );
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WEBP', 8, 'latin1');
  return Buffer.concat([head, body]);
};

describe('stripping a phone photo', () => {
  const photo = phoneJpeg();

  it('the phone wrote GPS, camera, XMP and a comment', () => {
    expect(metadataOf(photo)).toEqual({ exif: true, gps: true, xmp: true, text: true });
    expect(phoneTracesIn(photo)).toHaveLength(5);
  });

  it('a JPEG keeps its image and its orientation, nothing else', () => {
    const { type, bytes } = stripPhotoMetadata(photo);
    expect(type).toBe('jpeg');
    expect(metadataOf(bytes)).toEqual({ exif: false, gps: false, xmp: false, text: false });
    expect(phoneTracesIn(bytes)).toEqual([]);
    // The scan (the image data) is the same bytes.
    const scan = (b: Uint8Array) => Buffer.from(b).subarray(Buffer.from(b).indexOf(Buffer.from([0xff, 0xda])));
    expect(scan(bytes).equals(scan(photo))).toBe(true);
    // Orientation 6 (rotate 90°) is kept in a fresh EXIF block holding it alone.
    const exif = Buffer.from(bytes).indexOf(Buffer.from('Exif\0\0', 'latin1'));
    expect(exif).toBeGreaterThan(0);
    expect(Buffer.from(bytes).readUInt16BE(exif + 6 + 8 + 2)).toBe(0x0112);
    expect(Buffer.from(bytes).readUInt16BE(exif + 6 + 8 + 2 + 8)).toBe(6);
    // Stripping twice changes nothing.
    expect(Buffer.from(stripPhotoMetadata(bytes).bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it('a PNG loses its eXIf and text chunks, keeps the image chunks', () => {
    const p = png([
      ['IHDR', 'x'.repeat(13)],
      ['eXIf', 'MM\0*gps'],
      ['tEXt', 'Author\0Nguyen Van An'],
      ['IDAT', 'pixels'],
      ['IEND', ''],
    ]);
    expect(metadataOf(p)).toMatchObject({ exif: true, text: true });
    const { bytes } = stripPhotoMetadata(p);
    expect(hasNoMetadata(metadataOf(bytes))).toBe(true);
    expect(Buffer.from(bytes).toString('latin1')).toContain('pixels');
    expect(Buffer.from(bytes).toString('latin1')).not.toContain('Nguyen');
  });

  it('a WebP loses its EXIF and XMP chunks, and its header no longer announces them', () => {
    const vp8x = Buffer.alloc(10);
    vp8x[0] = 0x0c;
    const w = webp([
      ['VP8X', vp8x],
      ['VP8 ', Buffer.from('image-data')],
      ['EXIF', Buffer.from('MM\0*gps-here')],
      ['XMP ', Buffer.from('<x:xmpmeta/>')],
    ]);
    expect(metadataOf(w)).toMatchObject({ exif: true, xmp: true });
    const { bytes } = stripPhotoMetadata(w);
    const b = Buffer.from(bytes);
    expect(hasNoMetadata(metadataOf(b))).toBe(true);
    expect(b.readUInt32LE(4)).toBe(b.length - 8);
    expect(b[20]! & 0x0c).toBe(0);
    expect(b.toString('latin1')).toContain('image-data');
  });

  it('anything else is refused', () => {
    expect(photoTypeOf(Buffer.from('%PDF-1.4'))).toBeNull();
    expect(() => stripPhotoMetadata(Buffer.from('%PDF-1.4'))).toThrow(PhotoFormatError);
    expect(() => stripPhotoMetadata(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]))).toThrow(PhotoFormatError);
  });
});
