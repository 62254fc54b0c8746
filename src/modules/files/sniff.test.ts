import { describe, expect, it } from 'vitest';
import { ALLOWED_MIME, MIME, sanitizeFileName, sniffAllowedMime, sniffMime } from './sniff.ts';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

/** A ZIP local file header + data, stored (method 0) and without a CRC: enough for sniffing. */
function zipEntry(name: string, data = 'x'): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4); // version needed
  header.writeUInt32LE(data.length, 18); // compressed size
  header.writeUInt32LE(data.length, 22); // uncompressed size
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  return Buffer.concat([header, Buffer.from(name), Buffer.from(data)]);
}
const zip = (...entries: [string, string?][]): Uint8Array => Buffer.concat(entries.map(([n, d]) => zipEntry(n, d)));

const samples = {
  pdf: bytes('%PDF-1.7\n%', [0xe2, 0xe3, 0xcf, 0xd3], '\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'),
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\0'),
  webp: bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '),
  gif: bytes('GIF89a', [1, 0, 1, 0]),
  // Microsoft Word's order: [Content_Types].xml first.
  docx: zip(['[Content_Types].xml', '<Types/>'], ['_rels/.rels'], ['word/document.xml']),
  // LibreOffice's order: [Content_Types].xml comes last, beyond the sniffed head.
  docxLibreOffice: zip(['_rels/.rels'], ['docProps/app.xml'], ['word/_rels/document.xml.rels'], ['word/document.xml']),
  xlsx: zip(['[Content_Types].xml'], ['_rels/.rels'], ['xl/workbook.xml'], ['xl/worksheets/sheet1.xml']),
  pptx: zip(['[Content_Types].xml'], ['_rels/.rels'], ['ppt/presentation.xml']),
  odt: zip(['mimetype', MIME.odt], ['content.xml']),
  ods: zip(['mimetype', MIME.ods], ['content.xml']),
  ott: zip(['mimetype', 'application/vnd.oasis.opendocument.text-template'], ['content.xml']),
  plainZip: zip(['bao-cao.txt', 'hello']),
  wordFolderWithoutOpc: zip(['word/document.xml'], ['setup.exe']),
  exe: bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0], 'This program cannot be run in DOS mode'),
  elf: bytes([0x7f], 'ELF', [2, 1, 1]),
  html: bytes('<!DOCTYPE html><script>alert(1)</script>'),
  wav: bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '),
  pdfAfterJunk: bytes('<html>%PDF-1.4'),
};

describe('sniffMime', () => {
  it.each([
    ['pdf', samples.pdf, MIME.pdf, 'pdf'],
    ['png', samples.png, MIME.png, 'png'],
    ['jpeg', samples.jpeg, MIME.jpeg, 'jpg'],
    ['webp', samples.webp, MIME.webp, 'webp'],
    ['docx (Word)', samples.docx, MIME.docx, 'docx'],
    ['docx (LibreOffice)', samples.docxLibreOffice, MIME.docx, 'docx'],
    ['xlsx', samples.xlsx, MIME.xlsx, 'xlsx'],
    ['odt', samples.odt, MIME.odt, 'odt'],
    ['ods', samples.ods, MIME.ods, 'ods'],
  ])('recognises and allows %s', (_label, head, mime, ext) => {
    expect(sniffMime(head)).toEqual({ mime, ext });
    expect(sniffAllowedMime(head)).toEqual({ mime, ext });
    expect(ALLOWED_MIME.has(mime)).toBe(true);
  });

  it.each([
    ['gif', samples.gif, MIME.gif],
    ['pptx', samples.pptx, MIME.pptx],
    ['a plain zip', samples.plainZip, MIME.zip],
    ['a zip with a word/ folder but no OPC package parts', samples.wordFolderWithoutOpc, MIME.zip],
    ['an ODF template (mimetype must match exactly)', samples.ott, MIME.zip],
  ])('recognises but refuses %s', (_label, head, mime) => {
    expect(sniffMime(head)?.mime).toBe(mime);
    expect(sniffAllowedMime(head)).toBeNull();
  });

  it.each([
    ['a Windows executable (MZ)', samples.exe],
    ['an ELF binary', samples.elf],
    ['HTML', samples.html],
    ['a WAV file (RIFF but not WEBP)', samples.wav],
    ['a PDF signature that does not start the file', samples.pdfAfterJunk],
    ['a truncated PDF signature', bytes('%PD')],
    ['nothing', new Uint8Array(0)],
  ])('returns null for %s', (_label, head) => {
    expect(sniffMime(head)).toBeNull();
  });

  it('goes by content, not by name: PNG bytes uploaded as "to-khai.pdf" are a PNG', () => {
    const uploaded = { name: 'to-khai.pdf', head: samples.png };
    expect(sniffMime(uploaded.head)).toEqual({ mime: MIME.png, ext: 'png' });
  });

  it('tolerates a ZIP header cut short by the end of the head', () => {
    const cut = samples.docx.subarray(0, 40);
    expect(sniffMime(cut)).toEqual({ mime: MIME.zip, ext: 'zip' });
  });
});

describe('sanitizeFileName', () => {
  it.each([
    ['Tờ khai khai sinh.pdf', 'Tờ khai khai sinh.pdf'],
    ['Giấy chứng nhận quyền sử dụng đất (bản sao).jpg', 'Giấy chứng nhận quyền sử dụng đất (bản sao).jpg'],
    // macOS sends decomposed (NFD) names; stored names are composed (NFC).
    ['To\u0302\u0300 khai.pdf'.normalize('NFD'), 'Tồ khai.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\System32\\cmd.exe', 'cmd.exe'],
    ['/var/lib/nts/secret.pdf', 'secret.pdf'],
    ['C:\\Users\\An\\Giấy tờ\\CCCD mặt trước.jpg', 'CCCD mặt trước.jpg'],
    ['C:bao-cao.pdf', 'bao-cao.pdf'],
    ['a<b>c:d"e|f?g*h.pdf', 'abcdefgh.pdf'],
    ['bao\u0000cao\r\n.pdf', 'baocao.pdf'],
    ['hoa-don\u202Efdp.exe', 'hoa-donfdp.exe'],
    ['\u200Bđơn\uFEFF.docx', 'đơn.docx'],
    ['  .htaccess  ', 'htaccess'],
    ['ten file. . .', 'ten file'],
    ['  Đơn   đề  nghị .docx', 'Đơn đề nghị.docx'],
    ['CON.pdf', '_CON.pdf'],
    ['nul', '_nul'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it.each(['', '..', '.', '...', '/', '\\', '../', '..\\', 'C:\\', 'C:', '   ', '\u0000', '<>:"|?*'])(
    '%j leaves nothing usable',
    (input) => {
      expect(sanitizeFileName(input)).toBeNull();
    },
  );

  it('shortens a long name to 200 characters and keeps the extension', () => {
    const out = sanitizeFileName(`${'a'.repeat(300)}.pdf`);
    expect(out).toHaveLength(200);
    expect(out?.endsWith('aaa.pdf')).toBe(true);
  });

  it('counts Vietnamese letters as one character each and never splits an emoji', () => {
    const vi = sanitizeFileName(`${'ệ'.repeat(300)}.docx`) ?? '';
    expect(Array.from(vi)).toHaveLength(200);
    expect(vi.endsWith('ệ.docx')).toBe(true);

    const emoji = sanitizeFileName(`${'😀'.repeat(250)}.png`) ?? '';
    expect(Array.from(emoji)).toHaveLength(200);
    expect(() => encodeURIComponent(emoji)).not.toThrow(); // throws on a lone surrogate
  });

  it('does not mistake a long dotted tail for an extension', () => {
    const out = sanitizeFileName(`x.${'b'.repeat(300)}`) ?? '';
    expect(out).toHaveLength(200);
    expect(out.startsWith('x.bbb')).toBe(true);
  });
});
