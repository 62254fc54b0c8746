/**
 * Word wrapping of styled text for the printed forms: pure, measured through a callback so that
 * it can be tested without a PDF. Text is NFC-normalised first so that every Vietnamese letter
 * is one precomposed character (one glyph of the font).
 */

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** A piece of text in one style. */
export interface Run {
  text: string;
  style?: FontStyle;
}

/** Width of `text` in `style` at `size` points. */
export type Measure = (text: string, style: FontStyle, size: number) => number;

/** A piece of a laid-out line, at `x` from the line's start (before alignment). */
export interface Piece {
  text: string;
  style: FontStyle;
  x: number;
  width: number;
}

export interface Line {
  pieces: Piece[];
  /** Width from the first piece's start to the last piece's end. */
  width: number;
  /** Number of word gaps (where justification may add space). */
  gaps: number;
  /** The last line of its paragraph (never justified). */
  last: boolean;
}

interface Word {
  segments: { text: string; style: FontStyle; width: number }[];
  width: number;
  /** Width of the space that follows the word, in the style of its last segment. */
  spaceWidth: number;
}

/** Splits runs into words; a word may change style inside (e.g. a bold name followed by a comma). */
function toWords(runs: readonly Run[], size: number, measure: Measure): Word[] {
  const words: Word[] = [];
  let current: Word | null = null;
  for (const run of runs) {
    const style = run.style ?? 'regular';
    const text = run.text.normalize('NFC').replace(/\s+/g, ' ');
    const parts = text.split(' ');
    parts.forEach((part, i) => {
      if (i > 0) current = null; // a space ends the word
      if (part === '') return;
      if (!current) {
        current = { segments: [], width: 0, spaceWidth: 0 };
        words.push(current);
      }
      const width = measure(part, style, size);
      current.segments.push({ text: part, style, width });
      current.width += width;
      current.spaceWidth = measure(' ', style, size);
    });
  }
  return words;
}

function makeWord(parts: readonly { text: string; style: FontStyle }[], spaceWidth: number, size: number, measure: Measure): Word {
  const segments = parts.filter((p) => p.text !== '').map((p) => ({ ...p, width: measure(p.text, p.style, size) }));
  return { segments, width: segments.reduce((n, p) => n + p.width, 0), spaceWidth };
}

const BREAK_AFTER = new Set(['/', '-', '.', '_', '?', '&', '=', ',', ';']);

/**
 * Cuts a word so that its head fits `available` points: after a URL-ish separator when that
 * still uses most of the room, else after the last character that fits. Null when not even one
 * character fits (unless `force`: a glyph wider than the line still has to go somewhere).
 */
function splitWord(word: Word, available: number, size: number, measure: Measure, force: boolean): [Word, Word] | null {
  const chars = word.segments.flatMap((seg) => [...seg.text].map((ch) => ({ ch, style: seg.style })));
  const partsOf = (list: typeof chars) => {
    const parts: { text: string; style: FontStyle }[] = [];
    for (const c of list) {
      const last = parts.at(-1);
      if (last && last.style === c.style) last.text += c.ch;
      else parts.push({ text: c.ch, style: c.style });
    }
    return parts;
  };
  const widthOf = (n: number) => partsOf(chars.slice(0, n)).reduce((w, p) => w + measure(p.text, p.style, size), 0);
  let fit = 0;
  while (fit < chars.length - 1 && widthOf(fit + 1) <= available) fit++;
  if (fit === 0) {
    if (!force) return null;
    fit = 1;
  }
  let cut = fit;
  for (let i = fit; i > 0; i--) {
    if (BREAK_AFTER.has(chars[i - 1]!.ch)) {
      if (widthOf(i) >= available * 0.6) cut = i;
      break;
    }
  }
  return [makeWord(partsOf(chars.slice(0, cut)), word.spaceWidth, size, measure), makeWord(partsOf(chars.slice(cut)), word.spaceWidth, size, measure)];
}

/**
 * Greedy line breaking of `runs` into lines no wider than `maxWidth` (the first line no wider than
 * `firstWidth`, for a first-line indent or a label). A word longer than half a line (a URL, a
 * long code) is cut to fill the line rather than leave a gap, unless `cutLongWords` is false; one
 * wider than a line is always cut.
 */
export function wrapRuns(runs: readonly Run[], size: number, maxWidth: number, measure: Measure, firstWidth = maxWidth, cutLongWords = true): Line[] {
  const queue = toWords(runs, size, measure);
  const lines: Line[] = [];
  let pieces: Piece[] = [];
  let x = 0;
  let gaps = 0;
  // Width of the space after the previous word on this line; null at a line's start.
  let space: number | null = null;
  const flush = (last: boolean) => {
    const end = pieces.at(-1);
    lines.push({ pieces, width: end ? end.x + end.width : 0, gaps, last });
    pieces = [];
    x = 0;
    gaps = 0;
    space = null;
  };
  const place = (word: Word) => {
    if (space !== null) {
      x += space;
      gaps++;
    }
    for (const seg of word.segments) {
      pieces.push({ text: seg.text, style: seg.style, x, width: seg.width });
      x += seg.width;
    }
    space = word.spaceWidth;
  };
  for (let word = queue.shift(); word; word = queue.shift()) {
    const limit = lines.length === 0 ? firstWidth : maxWidth;
    const lead: number = space ?? 0;
    if (x + lead + word.width <= limit) {
      place(word);
      continue;
    }
    const atStart = space === null;
    const longWord = cutLongWords && word.width > maxWidth / 2 && limit - x - lead >= maxWidth / 4;
    const split = atStart || longWord ? splitWord(word, limit - x - lead, size, measure, atStart) : null;
    if (split) {
      place(split[0]);
      queue.unshift(split[1]);
    } else {
      queue.unshift(word);
    }
    flush(false);
  }
  if (pieces.length > 0 || lines.length === 0) flush(true);
  else lines[lines.length - 1]!.last = true;
  return lines;
}

/**
 * Where each piece of a line goes for an alignment: `justify` spreads the free space over the
 * word gaps (except on a paragraph's last line, which stays left-aligned).
 */
export function placePieces(line: Line, width: number, align: 'left' | 'center' | 'right' | 'justify'): { piece: Piece; x: number }[] {
  const free = Math.max(0, width - line.width);
  if (align === 'justify' && !line.last && line.gaps > 0) {
    const extra = free / line.gaps;
    let gapIndex = 0;
    let prevEnd = -1;
    return line.pieces.map((piece) => {
      // A gap lies before every piece that does not touch the previous one.
      if (prevEnd >= 0 && piece.x > prevEnd + 0.001) gapIndex++;
      prevEnd = piece.x + piece.width;
      return { piece, x: piece.x + extra * gapIndex };
    });
  }
  const offset = align === 'center' ? free / 2 : align === 'right' ? free : 0;
  return line.pieces.map((piece) => ({ piece, x: piece.x + offset }));
}
