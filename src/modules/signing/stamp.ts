/**
 * Turns what an official hands in (a PDF, or a scan as JPG/PNG) into the PDF that will be signed,
 * and prints on it the verification mark: a QR code of the verification link at the foot of the
 * first page, with a line saying who signed it and where to check it.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { AppError } from '../../domain/errors.ts';
import { loadFontBytes } from '../forms/layout.ts';

const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };

/** The scan kinds that become a PDF page each. */
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png']);

/**
 * The document to sign, from a PDF or from scanned pages (one image per A4 page, fitted within
 * 10 mm margins, in the order given).
 * @throws AppError DOCUMENT_FILE_UNSUPPORTED when a file is neither a readable, unencrypted PDF nor a JPG/PNG image
 */
export async function documentFromFiles(files: readonly { bytes: Uint8Array; mime: string }[]): Promise<PDFDocument> {
  const out = await PDFDocument.create();
  for (const file of files) {
    if (file.mime === 'application/pdf') {
      let src: PDFDocument;
      let pages: number;
      try {
        src = await PDFDocument.load(file.bytes, { updateMetadata: false });
        pages = src.getPageCount(); // a file without a page tree throws here
      } catch {
        throw new AppError('DOCUMENT_FILE_UNSUPPORTED', { reason: 'pdf_unreadable' });
      }
      if (src.isEncrypted) throw new AppError('DOCUMENT_FILE_UNSUPPORTED', { reason: 'pdf_encrypted' });
      if (pages === 0) throw new AppError('DOCUMENT_FILE_UNSUPPORTED', { reason: 'pdf_unreadable' });
      if (files.length === 1) return src; // kept as it is: its own metadata, forms and links
      for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page);
    } else if (IMAGE_TYPES.has(file.mime)) {
      let image;
      try {
        image = file.mime === 'image/png' ? await out.embedPng(file.bytes) : await out.embedJpg(file.bytes);
      } catch {
        throw new AppError('DOCUMENT_FILE_UNSUPPORTED', { reason: 'image_unreadable' });
      }
      const page = out.addPage([A4.width, A4.height]);
      const scale = Math.min((A4.width - 20 * MM) / image.width, (A4.height - 20 * MM) / image.height);
      const w = image.width * scale;
      const h = image.height * scale;
      page.drawImage(image, { x: (A4.width - w) / 2, y: (A4.height - h) / 2, width: w, height: h });
    } else {
      throw new AppError('DOCUMENT_FILE_UNSUPPORTED', { reason: 'type', mime: file.mime });
    }
  }
  if (out.getPageCount() === 0) throw new AppError('DOCUMENT_FILE_UNSUPPORTED', { reason: 'empty' });
  return out;
}

export interface VerificationMark {
  /** `<PUBLIC_URL>/xac-minh/<id>`: what the QR code holds. */
  url: string;
  /** "Ủy ban nhân dân phường Nông Trang" */
  signer: string;
  /** "ký số ngày 05/3/2026" */
  when: string;
}

/** A QR code as PNG bytes (error correction M, two modules of quiet zone). */
export function qrPng(text: string, scale = 6): Promise<Buffer> {
  return QRCode.toBuffer(text, { errorCorrectionLevel: 'M', margin: 2, scale, type: 'png' });
}

/** Prints the QR code (18 mm) and two lines of 6.5 pt text in the bottom-left corner of `page`. */
export async function stampVerification(doc: PDFDocument, mark: VerificationMark, page: PDFPage = doc.getPage(0)): Promise<void> {
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont((await loadFontBytes()).regular, { subset: true });
  const qr = await doc.embedPng(await qrPng(mark.url));
  const box = page.getMediaBox();
  const size = 18 * MM;
  const x = box.x + 6 * MM;
  const y = box.y + 3 * MM;
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  page.drawImage(qr, { x, y, width: size, height: size });
  const lines = [`Văn bản điện tử do ${mark.signer} ${mark.when}.`, `Xác minh tại: ${mark.url}`];
  const textSize = 6.5;
  lines.forEach((line, i) => {
    page.drawText(line.normalize('NFC'), { x: x + size + 2 * MM, y: y + size / 2 + (lines.length / 2 - i - 1) * textSize * 1.3 + 1, size: textSize, font, color: rgb(0, 0, 0) });
  });
}
