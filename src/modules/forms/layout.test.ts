import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { A5, FormWriter, loadFontBytes } from './layout.ts';

// Every Vietnamese letter: the 12 vowels with each of the 6 tones, and đ, in both cases, built by
// composing base letters with the tone marks so that none is forgotten (NFC gives 1 code point each).
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const lower = VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC')));
const ALL_LETTERS = [...lower, 'đ', ...lower.map((c) => c.toUpperCase()), 'Đ'];
const SAMPLE = 'ẮẰẲẴẶ ắằẳẵặ Ơ Ư ơ ư Đ đ ỹ Ỹ ọ ộ ờ ử';

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function renderSample(text: string): Promise<Uint8Array> {
  const w = await FormWriter.create({ title: 'Kiểm tra phông chữ', subject: 'glyphs', author: 'test', date: new Date('2026-01-05T08:00:00+07:00') });
  w.paragraph([{ text, style: 'regular' }], { align: 'left' });
  w.paragraph([{ text, style: 'bold' }], { align: 'left' });
  w.paragraph([{ text, style: 'italic' }], { align: 'left' });
  w.paragraph([{ text, style: 'boldItalic' }], { align: 'left' });
  return w.save();
}

describe('Vietnamese text in the forms', () => {
  it('builds all 134 Vietnamese letters plus Đ đ, each a single NFC code point', () => {
    expect(ALL_LETTERS).toHaveLength(12 * 6 * 2 + 2);
    for (const c of ALL_LETTERS) expect([...c]).toHaveLength(1);
  });

  it('every Vietnamese letter has a glyph in each of the four bundled fonts', async () => {
    const bytes = await loadFontBytes();
    for (const [style, data] of Object.entries(bytes)) {
      const font = fontkit.create(data);
      const missing = [...ALL_LETTERS, ...SAMPLE].filter((c) => c !== ' ' && !font.hasGlyphForCodePoint(c.codePointAt(0)!));
      expect(missing, `${style} lacks glyphs`).toEqual([]);
      expect(font.familyName).toBe('Liberation Serif');
    }
  });

  it('embeds the fonts as subsets with a ToUnicode CMap, so the text can be searched and copied', async () => {
    const pdf = await PDFDocument.load(await renderSample(SAMPLE));
    const page = pdf.getPage(0);
    expect(page.getWidth()).toBeCloseTo(A5.width, 1);
    expect(page.getHeight()).toBeCloseTo(A5.height, 1);
    const fonts = pdf.context
      .enumerateIndirectObjects()
      .map(([, obj]) => obj)
      .filter((obj): obj is PDFDict => obj instanceof PDFDict && obj.get(PDFName.of('Type')) === PDFName.of('Font') && obj.get(PDFName.of('Subtype')) === PDFName.of('Type0'));
    expect(fonts).toHaveLength(4);
    for (const f of fonts) {
      expect(f.get(PDFName.of('ToUnicode')), 'ToUnicode').toBeDefined();
      expect(String(f.get(PDFName.of('BaseFont')))).toMatch(/^\/LiberationSerif/);
    }
  });

  it('round-trips every Vietnamese letter, and words with their spaces, through pdftotext (poppler-utils)', async (ctx) => {
    if (!hasPdftotext()) ctx.skip('pdftotext not found: install poppler-utils (apt-get install -y poppler-utils) to run this round-trip');
    const sentence = 'Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Nguyễn Thị Hoa, Phạm Quang Huy, Hoàng Văn Sơn, Vũ Thị Bình.';
    const dir = mkdtempSync(join(tmpdir(), 'nts-forms-'));
    const extract = async (text: string) => {
      const file = join(dir, 'glyphs.pdf');
      writeFileSync(file, await renderSample(text));
      return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC');
    };
    try {
      // Every letter (poppler infers spaces between lone letters from their spacing, so compare
      // the glyphs with spaces removed): each glyph maps back to its letter through ToUnicode.
      const letters = `${SAMPLE} ${ALL_LETTERS.join(' ')}`;
      const noSpace = (s: string) => s.replace(/\s+/g, '');
      expect(noSpace(await extract(letters))).toBe(noSpace(letters).repeat(4));
      // Real words come back with their spaces, in all four styles (lines joined by the wrap).
      const words = (await extract(sentence)).split('\n').map((l) => l.trim()).filter((l) => l !== '').join(' ');
      expect(words).toBe(Array(4).fill(sentence).join(' '));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('breaks the agency’s name evenly in the header, on A5 and on landscape A4', async (ctx) => {
    if (!hasPdftotext()) ctx.skip('pdftotext not found: install poppler-utils (apt-get install -y poppler-utils) to read the header back');
    const dir = mkdtempSync(join(tmpdir(), 'nts-forms-'));
    try {
      for (const paper of ['A5', 'A4_landscape'] as const) {
        const w = await FormWriter.create({ title: 'Sổ', subject: 'header', author: 'test', date: new Date('2026-01-05T08:00:00+07:00') }, paper);
        w.header({ parentName: 'UBND tỉnh Phú Thọ', agencyName: 'Ủy ban nhân dân phường Nông Trang', number: '', place: 'Nông Trang', date: new Date('2026-01-05T08:00:00+07:00') });
        const file = join(dir, `${paper}.pdf`);
        writeFileSync(file, await w.save());
        const lines = execFileSync('pdftotext', ['-enc', 'UTF-8', '-raw', file, '-'], { encoding: 'utf8' }).normalize('NFC').split('\n').map((l) => l.trim());
        expect(lines, paper).toContain('ỦY BAN NHÂN DÂN');
        expect(lines, paper).toContain('PHƯỜNG NÔNG TRANG');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
