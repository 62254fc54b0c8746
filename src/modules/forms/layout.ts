/**
 * The page layout shared by the printed one-stop forms (Circular 01/2018/TT-VPCP, forms 01–02):
 * an A5 page with Decree 30/2020/NĐ-CP margins, its two-column header (agency and number on the
 * left, Quốc hiệu, Tiêu ngữ and place-date on the right), titles, justified paragraphs, numbered
 * items, bordered tables and signature blocks, breaking pages when the text runs long.
 *
 * Fonts: Liberation Serif 2.x (metric-compatible with Times New Roman, SIL OFL 1.1) from
 * `assets/fonts`, read once per process and embedded as subsets in each document.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { PACKAGE_ROOT } from '../../package-root.ts';
import { placeDateLine, upperVi } from './wording.ts';
import { placePieces, wrapRuns, type FontStyle, type Line, type Run } from './text-layout.ts';

export type { FontStyle, Run } from './text-layout.ts';

const PT_PER_MM = 72 / 25.4;
export const mm = (v: number) => v * PT_PER_MM;

/** A5 portrait, in points. */
export const A5 = { width: mm(148), height: mm(210) } as const;
/** The paper a form is printed on: the one-stop forms on A5, the register on A4 (Decree 118/2025, Circular 03/2025). */
export const PAPER_SIZES = {
  A5,
  A4: { width: mm(210), height: mm(297) },
  A4_landscape: { width: mm(297), height: mm(210) },
} as const;
export type Paper = keyof typeof PAPER_SIZES;
/** Decree 30/2020 Appendix I: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const MARGINS = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } as const;

/**
 * Decree 30 gives sizes for A4 pages; an A5 form is an A4 page scaled by 1/√2, so its sizes are
 * the A4 ones scaled the same way (body 13.5 pt → 9.5 pt), which keeps a receipt on one page.
 */
export const fromA4 = (points: number) => Math.round(points * Math.SQRT1_2 * 4) / 4;
export const BODY_SIZE = fromA4(13.5);
const LINE_FACTOR = 1.15;
const ASCENT = 0.89; // Liberation Serif's ascender, as a share of the size
const BLACK = rgb(0, 0, 0);

const FONT_FILES: Record<FontStyle, string> = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
  boldItalic: 'LiberationSerif-BoldItalic.ttf',
};
const FONT_DIR = pathToFileURL(join(PACKAGE_ROOT, 'assets', 'fonts') + '/');

let fontBytes: Promise<Record<FontStyle, Uint8Array>> | null = null;

/** The four font files, read from disk once per process. */
export function loadFontBytes(): Promise<Record<FontStyle, Uint8Array>> {
  fontBytes ??= (async () => {
    const read = (style: FontStyle) => readFile(new URL(FONT_FILES[style], FONT_DIR));
    const [regular, bold, italic, boldItalic] = await Promise.all([read('regular'), read('bold'), read('italic'), read('boldItalic')]);
    return { regular, bold, italic, boldItalic };
  })().catch((err: unknown) => {
    fontBytes = null; // let a later call retry
    throw err;
  });
  return fontBytes;
}

/** The header of an administrative document (Decree 30/2020 Appendix I, boxes 1–4). */
export interface DocumentHeader {
  /** Parent body ("cơ quan chủ quản"), printed in capitals, not bold; null when none applies. */
  parentName: string | null;
  /** Issuing agency, printed in capitals, bold, with a short rule under it. */
  agencyName: string;
  /** What follows "Số:"; empty for a document without one (a register). */
  number: string;
  /** Place name of the date line ("Nông Trang"). */
  place: string;
  date: Date;
  /** "Mẫu số 01": printed small at the top right, above the Quốc hiệu. */
  formNumber?: string;
}

export interface DocumentInfo {
  title: string;
  subject: string;
  author: string;
  /** Creation date written in the PDF (the form's own date keeps the output reproducible). */
  date: Date;
  /** The form's legal basis and number, for the PDF's keywords. */
  keywords?: string[];
}

export interface ParagraphOptions {
  size?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** Extra indent of the first line (Decree 30: 1–1.27 cm for body paragraphs). */
  firstIndent?: number;
  /** Left offset of the whole paragraph within the text column. */
  left?: number;
  /** Width available from `left` (defaults to the rest of the column). */
  width?: number;
  spaceAfter?: number;
}

export interface TableColumn {
  title: string;
  /** Width in points; exactly one column may leave it out and takes the rest. */
  width?: number;
  align?: 'left' | 'center' | 'right';
}

export interface SignatureBlock {
  /** "NGƯỜI NỘP HỒ SƠ"; a line break starts a new line ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"). */
  title: string;
  /** "(Ký và ghi rõ họ tên)" */
  hint?: string;
  /** Printed under the space left for the signature; null leaves it blank. */
  name: string | null;
}

/** A document being written top to bottom, with a cursor and automatic page breaks. */
export class FormWriter {
  private page: PDFPage;
  /** The top of the next line, in points from the bottom of the page. */
  private y: number;

  /** Page size in points. */
  readonly paper: { width: number; height: number };
  /** Decree 30's sizes are for A4; on A5 they scale by 1/√2. */
  private readonly k: number;
  /** Body text size: 13.5 pt on A4. */
  readonly body: number;

  private constructor(
    readonly doc: PDFDocument,
    private readonly fonts: Record<FontStyle, PDFFont>,
    paper: Paper,
    density: number,
  ) {
    this.paper = PAPER_SIZES[paper];
    this.k = (paper === 'A5' ? Math.SQRT1_2 : 1) * density;
    this.body = this.pt(13.5);
    this.page = doc.addPage([this.paper.width, this.paper.height]);
    this.y = this.paper.height - MARGINS.top;
  }

  /** A size given for A4, on this paper (quarter points). */
  pt(a4Points: number): number {
    return Math.round(a4Points * this.k * 4) / 4;
  }

  /**
   * A new document (A5 unless told) with the four fonts embedded (as subsets) and its metadata set.
   * `density` below 1 sets everything a little smaller, to keep a one-page form on one page.
   */
  static async create(info: DocumentInfo, paper: Paper = 'A5', density = 1): Promise<FormWriter> {
    const bytes = await loadFontBytes();
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const fonts = {} as Record<FontStyle, PDFFont>;
    for (const style of Object.keys(FONT_FILES) as FontStyle[]) fonts[style] = await doc.embedFont(bytes[style], { subset: true });
    doc.setTitle(info.title.normalize('NFC'), { showInWindowTitleBar: true });
    doc.setSubject(info.subject.normalize('NFC'));
    doc.setAuthor(info.author.normalize('NFC'));
    doc.setLanguage('vi-VN');
    doc.setCreator('Nông Trang Số');
    doc.setProducer('Nông Trang Số (pdf-lib)');
    doc.setCreationDate(info.date);
    doc.setModificationDate(info.date);
    if (info.keywords) doc.setKeywords(info.keywords.map((k) => k.normalize('NFC')));
    return new FormWriter(doc, fonts, paper, density);
  }

  /** Width of the text column. */
  get width(): number {
    return this.paper.width - MARGINS.left - MARGINS.right;
  }

  readonly measure = (text: string, style: FontStyle, size: number) => this.fonts[style].widthOfTextAtSize(text.normalize('NFC'), size);

  private lineHeight = (size: number) => size * LINE_FACTOR;

  /** Starts a new page unless `height` points still fit above the bottom margin. */
  ensure(height: number): void {
    if (this.y - height >= MARGINS.bottom - 0.01) return;
    this.page = this.doc.addPage([this.paper.width, this.paper.height]);
    this.y = this.paper.height - MARGINS.top;
  }

  /** Pages so far. */
  get pageCount(): number {
    return this.doc.getPageCount();
  }

  /** A PNG (QR code, barcode) `width` × `height` points at `x` from the left margin, its top at the cursor. */
  async image(png: Uint8Array, width: number, height: number, x = 0): Promise<void> {
    const img = await this.doc.embedPng(png);
    this.page.drawImage(img, { x: MARGINS.left + x, y: this.y - height, width, height });
  }

  /** Moves the cursor to `y` (points from the page's bottom), e.g. back to the top of a row of images. */
  get cursor(): number {
    return this.y;
  }
  set cursor(y: number) {
    this.y = y;
  }

  space(points: number): void {
    this.y -= points;
  }

  private drawLine(line: Line, x0: number, width: number, size: number, align: NonNullable<ParagraphOptions['align']>) {
    const baseline = this.y - size * ASCENT;
    // Word gaps are drawn as real space characters, and touching pieces of one style as one
    // string, so that text extraction (search, copy, screen readers) gets the words and spaces.
    const placed = placePieces(line, width, align);
    const ops: { text: string; style: FontStyle; x: number; end: number }[] = [];
    placed.forEach(({ piece, x }, i) => {
      const next = placed[i + 1];
      const text = next && next.piece.x > piece.x + piece.width + 0.001 ? `${piece.text} ` : piece.text;
      const last = ops.at(-1);
      if (last && last.style === piece.style && Math.abs(last.end - x) < 0.01) last.text += text;
      else ops.push({ text, style: piece.style, x, end: x });
      ops.at(-1)!.end = x + this.measure(text, piece.style, size);
    });
    for (const op of ops) this.page.drawText(op.text, { x: x0 + op.x, y: baseline, size, font: this.fonts[op.style], color: BLACK });
    this.y -= this.lineHeight(size);
    return baseline;
  }

  private rule(x: number, y: number, length: number) {
    this.page.drawLine({ start: { x, y }, end: { x: x + length, y }, thickness: 0.6, color: BLACK });
  }

  /** A paragraph of styled runs, wrapped within the column (page breaks between lines); `label` hangs at the margin. */
  paragraph(runs: readonly Run[] | string, opts: ParagraphOptions = {}, label?: string): void {
    const size = opts.size ?? this.body;
    const left = opts.left ?? 0;
    const width = opts.width ?? this.width - left;
    const first = opts.firstIndent ?? 0;
    const list = typeof runs === 'string' ? [{ text: runs }] : runs;
    const lines = wrapRuns(list, size, width, this.measure, width - first);
    // A short paragraph is not split across pages (no line left alone at the top of a page).
    this.ensure((lines.length <= 4 ? lines.length : 1) * this.lineHeight(size));
    if (label) this.page.drawText(label, { x: MARGINS.left, y: this.y - size * ASCENT, size, font: this.fonts.regular, color: BLACK });
    lines.forEach((line, i) => {
      this.ensure(this.lineHeight(size));
      const indent = i === 0 ? first : 0;
      this.drawLine(line, MARGINS.left + left + indent, width - indent, size, opts.align ?? 'justify');
    });
    this.y -= opts.spaceAfter ?? 1;
  }

  /** A numbered item (left-aligned unless told): the label hangs in the left, the text wraps at `hanging`. */
  item(label: string, runs: readonly Run[] | string, opts: Omit<ParagraphOptions, 'left'> & { hanging?: number } = {}): void {
    const hanging = opts.hanging ?? this.measure('00. ', 'regular', opts.size ?? this.body);
    this.paragraph(runs, { align: 'left', ...opts, left: hanging }, label);
  }

  /** A centred title in bold capitals, with optional centred lines under it. */
  title(text: string, below: readonly (readonly Run[])[] = [], size = this.pt(15)): void {
    this.space(6);
    this.paragraph([{ text: upperVi(text), style: 'bold' }], { size, align: 'center', spaceAfter: 1 });
    for (const runs of below) this.paragraph(runs, { align: 'center', spaceAfter: 1 });
    this.space(7);
  }

  /** Lines of `text` no wider than `width`, shrinking the size down to `min` to keep within `maxLines`. */
  private fit(text: string, style: FontStyle, size: number, width: number, maxLines: number, min = 8) {
    let s = size;
    let lines = wrapRuns([{ text, style }], s, width, this.measure);
    while (lines.length > maxLines && s > min) {
      s = Math.max(min, s - 0.25);
      lines = wrapRuns([{ text, style }], s, width, this.measure);
    }
    return { lines, size: s };
  }

  /**
   * A name fitted as `fit` does, its lines then made as even as its words allow: "ỦY BAN NHÂN DÂN /
   * PHƯỜNG NÔNG TRANG", not "ỦY BAN NHÂN DÂN PHƯỜNG NÔNG / TRANG" (the narrowest width that keeps
   * the number of lines, never narrower than its longest word).
   */
  private fitName(text: string, style: FontStyle, size: number, width: number, maxLines: number, min = 8) {
    const fitted = this.fit(text, style, size, width, maxLines, min);
    const count = fitted.lines.length;
    if (count < 2) return fitted;
    const wrap = (w: number) => wrapRuns([{ text, style }], fitted.size, w, this.measure);
    let lo = Math.max(...text.split(/\s+/).map((word) => this.measure(word, style, fitted.size)));
    let hi = width;
    if (lo >= hi || wrap(lo).length <= count) return lo < hi ? { lines: wrap(lo), size: fitted.size } : fitted;
    while (hi - lo > 0.5) {
      const mid = (lo + hi) / 2;
      if (wrap(mid).length <= count) hi = mid;
      else lo = mid;
    }
    return { lines: wrap(hi), size: fitted.size };
  }

  /**
   * The header: agency (parent body, agency name, a rule of a third of its width, "Số: …") on the
   * left; Quốc hiệu, Tiêu ngữ underlined its full length and the italic place-date line on the right.
   */
  header(h: DocumentHeader): void {
    const gap = 6;
    const leftW = this.width * 0.36;
    const rightW = this.width - leftW;
    const leftX = MARGINS.left;
    const rightX = MARGINS.left + leftW;
    if (h.formNumber) {
      // In the top margin, right-aligned: it names the form, it is not part of the document.
      const size = this.pt(10);
      const text = h.formNumber.normalize('NFC');
      const x = this.paper.width - MARGINS.right - this.measure(text, 'italic', size);
      this.page.drawText(text, { x, y: this.paper.height - MARGINS.top / 2 - size / 2, size, font: this.fonts.italic, color: BLACK });
    }
    const top = this.y;
    const centred = (lines: Line[], x: number, w: number, size: number) => {
      let lastBaseline = 0;
      let widest = 0;
      for (const line of lines) {
        lastBaseline = this.drawLine(line, x, w, size, 'center');
        widest = Math.max(widest, line.width);
      }
      return { lastBaseline, widest };
    };

    // Right column: Quốc hiệu (bold capitals) and Tiêu ngữ (bold, underlined its full length).
    const national = this.fit('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'bold', this.pt(12.5), rightW, 1);
    centred(national.lines, rightX, rightW, national.size);
    const motto = this.fit('Độc lập - Tự do - Hạnh phúc', 'bold', this.pt(13.5), rightW, 1);
    const m = centred(motto.lines, rightX, rightW, motto.size);
    this.rule(rightX + (rightW - m.widest) / 2, m.lastBaseline - 2.2, m.widest);
    const rightBottom = this.y;

    // Left column: parent body (capitals, regular), agency (capitals, bold), a short centred rule.
    this.y = top;
    const textW = leftW - gap;
    // Both names in one size: the agency's, shrunk until it takes at most two lines.
    const agency = this.fitName(upperVi(h.agencyName), 'bold', this.pt(12.5), textW, 2, 7.5);
    if (h.parentName) {
      const parent = this.fitName(upperVi(h.parentName), 'regular', agency.size, textW, 2, 7.5);
      centred(parent.lines, leftX, textW, parent.size);
    }
    const a = centred(agency.lines, leftX, textW, agency.size);
    const ruleW = a.widest / 3;
    this.rule(leftX + (textW - ruleW) / 2, a.lastBaseline - 3, ruleW);

    // "Số: …" on the left and the place-date line, centred under the Tiêu ngữ, share one line
    // (Decree 30 boxes 3–4). A long number (a dossier code) takes the room left of the date,
    // both shrinking a little before the number wraps.
    const numberText = h.number ? `Số: ${h.number}` : '';
    const dateText = placeDateLine(h.place, h.date);
    let numberSize = this.pt(13);
    let dateSize = this.pt(13.5);
    while (this.measure(dateText, 'italic', dateSize) > rightW && dateSize > 8.5) dateSize -= 0.25;
    // At least 9 pt between the number and the date, so that the two never read as one phrase.
    const room = () => rightX + rightW / 2 - this.measure(dateText, 'italic', dateSize) / 2 - gap * 1.5 - leftX;
    while (this.measure(numberText, 'regular', numberSize) > room() && (numberSize > 7.75 || dateSize > 8.75)) {
      if (numberSize - 7.75 >= dateSize - 8.75) numberSize -= 0.25;
      else dateSize -= 0.25;
    }
    const numberW = Math.min(textW, room());
    this.y = Math.min(this.y, rightBottom) - 5;
    const rowTop = this.y;
    if (numberText) {
      const number = this.fit(numberText, 'regular', numberSize, Math.max(numberW, room()), 2, numberSize);
      centred(number.lines, leftX, number.lines.length > 1 || number.lines[0]!.width > numberW ? room() : numberW, number.size);
    }
    const afterNumber = this.y;
    this.y = rowTop;
    const date = this.fit(dateText, 'italic', dateSize, rightW, 2, dateSize);
    centred(date.lines, rightX, rightW, date.size);
    this.y = Math.min(this.y, afterNumber);
  }

  /** A bordered table; cells wrap, rows never split across pages, the heading row repeats. */
  table(columns: readonly TableColumn[], body: readonly (readonly string[])[], size = this.pt(12.5)): void {
    const fixed = columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
    const widths = columns.map((c) => c.width ?? this.width - fixed);
    const pad = 2.5;
    const lh = this.lineHeight(size);
    const layoutRow = (cells: readonly string[], style: FontStyle) =>
      // A cell's words are cut only when one is wider than the cell (dates and codes stay whole).
      cells.map((cell, i) => wrapRuns([{ text: cell, style }], size, widths[i]! - 2 * pad, this.measure, undefined, false));
    const drawRow = (cells: Line[][], aligns: readonly ('left' | 'center' | 'right')[]) => {
      const height = Math.max(...cells.map((c) => c.length)) * lh + 2 * pad;
      const top = this.y;
      let x = MARGINS.left;
      cells.forEach((lines, i) => {
        const w = widths[i]!;
        this.page.drawRectangle({ x, y: top - height, width: w, height, borderColor: BLACK, borderWidth: 0.5 });
        this.y = top - pad;
        for (const line of lines) this.drawLine(line, x + pad, w - 2 * pad, size, aligns[i]!);
        x += w;
      });
      this.y = top - height;
    };
    const headCells = layoutRow(columns.map((c) => c.title), 'bold');
    const headHeight = Math.max(...headCells.map((c) => c.length)) * lh + 2 * pad;
    const headAligns = columns.map(() => 'center' as const);
    const aligns = columns.map((c) => c.align ?? 'left');
    let headDrawnOnPage: PDFPage | null = null;
    for (const row of body) {
      const cells = layoutRow(row, 'regular');
      const height = Math.max(...cells.map((c) => c.length)) * lh + 2 * pad;
      this.ensure(height + (headDrawnOnPage === this.page ? 0 : headHeight));
      if (headDrawnOnPage !== this.page) {
        drawRow(headCells, headAligns);
        headDrawnOnPage = this.page;
      }
      drawRow(cells, aligns);
    }
    if (body.length === 0) {
      this.ensure(headHeight);
      drawRow(headCells, headAligns);
    }
    this.space(4);
  }

  /** Signature blocks side by side (one block sits on the right half); kept on one page. */
  signatures(blocks: readonly SignatureBlock[], gapForSignature = this.pt(48)): void {
    const size = this.body;
    const lh = this.lineHeight(size);
    const titleLines = Math.max(...blocks.map((b) => b.title.split('\n').length));
    const height = titleLines * lh + this.lineHeight(size - 0.5) + gapForSignature + lh;
    this.space(6);
    this.ensure(height);
    const top = this.y;
    // One block stands on the right (Decree 30), wide enough for "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ" on one
    // line of an A5 page; several share the width.
    const slots =
      blocks.length === 1
        ? [{ block: blocks[0]!, x: MARGINS.left + this.width * 0.4, w: this.width * 0.6 }]
        : blocks.map((block, index) => ({ block, x: MARGINS.left + (this.width / blocks.length) * index, w: this.width / blocks.length }));
    let bottom = top;
    for (const { block, x, w } of slots) {
      this.y = top;
      for (const line of block.title.split('\n')) this.paragraph([{ text: upperVi(line), style: 'bold' }], { size, align: 'center', left: x - MARGINS.left, width: w, spaceAfter: 0 });
      if (block.hint) this.paragraph([{ text: block.hint, style: 'italic' }], { size: size - 0.5, align: 'center', left: x - MARGINS.left, width: w, spaceAfter: 0 });
      this.space(gapForSignature);
      if (block.name) this.paragraph([{ text: block.name, style: 'bold' }], { size, align: 'center', left: x - MARGINS.left, width: w, spaceAfter: 0 });
      bottom = Math.min(bottom, this.y);
    }
    this.y = bottom;
  }

  /** The finished PDF; pages after the first are numbered at the top centre (Decree 30). */
  save(): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    pages.slice(1).forEach((page, i) => {
      const label = String(i + 2);
      const size = this.body;
      const x = MARGINS.left + (this.width - this.measure(label, 'regular', size)) / 2;
      page.drawText(label, { x, y: this.paper.height - MARGINS.top / 2 - size / 2, size, font: this.fonts.regular, color: BLACK });
    });
    return this.doc.save();
  }
}
