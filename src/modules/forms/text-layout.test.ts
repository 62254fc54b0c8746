import { describe, expect, it } from 'vitest';
import { placePieces, wrapRuns, type Measure } from './text-layout.ts';

// A monospaced stand-in for the font: every character is half the size wide.
const measure: Measure = (text, _style, size) => [...text].length * size * 0.5;
const SIZE = 10; // 5 pt per character
const textOf = (line: { pieces: { text: string }[] }) => line.pieces.map((p) => p.text).join('|');

describe('wrapRuns', () => {
  it('breaks between words, never wider than the column, and keeps every word', () => {
    const text = 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả cho công dân phường Nông Trang';
    const lines = wrapRuns([{ text }], SIZE, 100, measure); // 20 characters per line
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(100);
    expect(lines.flatMap((l) => l.pieces.map((p) => p.text)).join(' ')).toBe(text);
    expect(lines.map((l) => l.last)).toEqual([...lines.slice(1).map(() => false), true]);
  });

  it('normalises to NFC, so a decomposed letter is one character wide', () => {
    const [line] = wrapRuns([{ text: 'Nguyễn'.normalize('NFD') }], SIZE, 100, measure);
    expect(line!.pieces[0]!.text).toBe('Nguyễn');
    expect(line!.width).toBe(30);
  });

  it('keeps a change of style inside a word together (a bold name and its comma)', () => {
    const lines = wrapRuns([{ text: 'Ông ' }, { text: 'An', style: 'bold' }, { text: ', phường' }], SIZE, 1000, measure);
    expect(lines[0]!.pieces.map((p) => [p.text, p.style])).toEqual([
      ['Ông', 'regular'],
      ['An', 'bold'],
      [',', 'regular'],
      ['phường', 'regular'],
    ]);
    expect(lines[0]!.gaps).toBe(2);
  });

  it('cuts a URL to fill the line rather than leave a gap, after a slash when that still fills most of it', () => {
    const url = 'http://localhost:3000/tra-cuu/DEMO.07894.H25-260302-0001';
    const lines = wrapRuns([{ text: `Tra cứu: ${url}` }], SIZE, 160, measure); // 32 characters per line
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(160);
    // 23 characters are left after "Tra cứu: "; the cut goes after the slash at the 22nd.
    expect(textOf(lines[0]!)).toBe('Tra|cứu:|http://localhost:3000/');
    expect(lines.slice(1).map(textOf).join('')).toBe(url.slice('http://localhost:3000/'.length));
  });

  it('cuts where the line is full when no separator is near the end', () => {
    const lines = wrapRuns([{ text: 'Mã: 0123456789012345678901234567890123456789' }], SIZE, 100, measure);
    expect(lines.map(textOf)).toEqual(['Mã:|0123456789012345', '67890123456789012345', '6789']);
  });

  it('uses the first-line width for the first line only', () => {
    const lines = wrapRuns([{ text: 'aaaa bbbb cccc dddd' }], SIZE, 50, measure, 25);
    expect(lines.map(textOf)).toEqual(['aaaa', 'bbbb|cccc', 'dddd']);
  });
});

describe('placePieces', () => {
  const lines = wrapRuns([{ text: 'một hai ba bốn năm sáu bảy' }], SIZE, 100, measure);

  it('justifies a full line to both edges and leaves the last one left-aligned', () => {
    const first = placePieces(lines[0]!, 100, 'justify');
    const end = first.at(-1)!;
    expect(end.x + end.piece.width).toBeCloseTo(100);
    expect(first[0]!.x).toBe(0);
    const last = placePieces(lines.at(-1)!, 100, 'justify');
    expect(last.map((p) => p.x)).toEqual(lines.at(-1)!.pieces.map((p) => p.x));
  });

  it('centres and right-aligns', () => {
    const [line] = wrapRuns([{ text: 'abcd' }], SIZE, 100, measure);
    expect(placePieces(line!, 100, 'center')[0]!.x).toBe(40);
    expect(placePieces(line!, 100, 'right')[0]!.x).toBe(80);
  });
});
