/**
 * PAdES signatures on PDFs: a signature field with a /ByteRange and /Contents placeholder
 * (SubFilter ETSI.CAdES.detached, texts in UTF-16 so Vietnamese reads right in any viewer),
 * filled by @signpdf/signpdf with the CAdES signature of cms.ts; and the check of such a
 * signature in a PDF someone hands in.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFString, type PDFDocument, type PDFPage } from 'pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { DEFAULT_BYTE_RANGE_PLACEHOLDER, SIG_FLAGS, ANNOTATION_FLAGS, SUBFILTER_ETSI_CADES_DETACHED, Signer } from '@signpdf/utils';
import { signDetached, verifyDetached, type CmsSigner } from './cms.ts';

/** Room for the signature: a CAdES signature with a chain of three RSA certificates fits with margin. */
const SIGNATURE_BYTES = 12_000;

export interface SignatureFields {
  /** "Ban hành kết quả giải quyết thủ tục hành chính" */
  reason: string;
  /** The signer as people know it ("Ủy ban nhân dân phường Nông Trang"). */
  name: string;
  /** "Nông Trang, Phú Thọ" */
  location: string;
  /** Where to verify (the verification link). */
  contactInfo: string;
  signingTime: Date;
}

class CadesSigner extends Signer {
  constructor(private readonly signer: CmsSigner) {
    super();
  }
  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return signDetached(pdfBuffer, this.signer);
  }
}

/** An invisible signature field on `page` (first page by default) with an empty /Contents of SIGNATURE_BYTES. */
function addPlaceholder(doc: PDFDocument, f: SignatureFields, page: PDFPage = doc.getPage(0)): void {
  const ctx = doc.context;
  const byteRange = PDFArray.withContext(ctx);
  byteRange.push(PDFNumber.of(0));
  for (let i = 0; i < 3; i++) byteRange.push(PDFName.of(DEFAULT_BYTE_RANGE_PLACEHOLDER));
  // ByteRange before Contents: @signpdf looks for /Contents after the /ByteRange it fills in.
  const sig = ctx.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER_ETSI_CADES_DETACHED,
    ByteRange: byteRange,
    Contents: PDFHexString.of('0'.repeat(SIGNATURE_BYTES * 2)),
    Reason: PDFHexString.fromText(f.reason.normalize('NFC')),
    M: PDFString.fromDate(f.signingTime),
    ContactInfo: PDFHexString.fromText(f.contactInfo),
    Name: PDFHexString.fromText(f.name.normalize('NFC')),
    Location: PDFHexString.fromText(f.location.normalize('NFC')),
  });
  const widget = ctx.register(
    ctx.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: [0, 0, 0, 0],
      V: ctx.register(sig),
      T: PDFHexString.fromText('Chữ ký số của cơ quan'),
      F: ANNOTATION_FLAGS.PRINT,
      P: page.ref,
      AP: { N: ctx.register(ctx.formXObject([], { BBox: [0, 0, 0, 0], Resources: {} })) },
    }),
  );
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray) ?? ctx.obj([]);
  annots.push(widget);
  page.node.set(PDFName.of('Annots'), annots);
  let form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (!form) {
    form = ctx.obj({ Fields: [] });
    doc.catalog.set(PDFName.of('AcroForm'), ctx.register(form));
  }
  const flags = form.lookupMaybe(PDFName.of('SigFlags'), PDFNumber)?.asNumber() ?? 0;
  form.set(PDFName.of('SigFlags'), PDFNumber.of(flags | SIG_FLAGS.SIGNATURES_EXIST | SIG_FLAGS.APPEND_ONLY));
  let fields = form.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!fields) {
    fields = ctx.obj([]);
    form.set(PDFName.of('Fields'), fields);
  }
  fields.push(widget);
}

/** The document, saved and signed (PAdES baseline B). */
export async function signPdf(doc: PDFDocument, fields: SignatureFields, signer: CmsSigner): Promise<Buffer> {
  addPlaceholder(doc, fields);
  const unsigned = await doc.save({ useObjectStreams: false });
  return new SignPdf().sign(Buffer.from(unsigned), new CadesSigner(signer));
}

export interface PdfSignatureCheck {
  /** The file carries a signature (its last one is checked). */
  present: boolean;
  /** The signed bytes are unchanged and the signature verifies with the certificate it carries. */
  intact: boolean;
  /** The signature covers the whole file: nothing was added after signing. */
  coversWholeFile: boolean;
  /** The signer's certificate (DER), when it could be read. */
  certDer: Buffer | null;
}

const NONE: PdfSignatureCheck = { present: false, intact: false, coversWholeFile: false, certDer: null };

/** Checks the last signature of a PDF: byte range, digest, signature, padding. Never throws. */
export function checkPdfSignature(bytes: Uint8Array): PdfSignatureCheck {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = file.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = ranges.at(-1);
  if (!last) return NONE;
  const [a, b, c, d] = last.slice(1, 5).map(Number) as [number, number, number, number];
  if (a !== 0 || b <= 0 || c <= b || c + d > file.length) return { ...NONE, present: true };
  const coversWholeFile = c + d === file.length;
  const hex = text.slice(b, c);
  if (!/^<[0-9a-fA-F]*>$/.test(hex)) return { ...NONE, present: true, coversWholeFile };
  const cms = Buffer.from(hex.slice(1, -1), 'hex');
  const signed = Buffer.concat([file.subarray(a, a + b), file.subarray(c, c + d)]);
  try {
    const check = verifyDetached(cms, signed);
    // Whatever follows the signature in /Contents is zero padding; anything else was changed.
    const used = derLength(cms);
    const padded = cms.subarray(used).every((x) => x === 0);
    return { present: true, intact: check.digestMatches && check.signatureValid && padded, coversWholeFile, certDer: check.certDer };
  } catch {
    return { ...NONE, present: true, coversWholeFile };
  }
}

/** Length of the DER element at the start of `b` (tag, length, content). */
function derLength(b: Buffer): number {
  const first = b[1] ?? 0;
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + (b[2 + i] ?? 0);
  return 2 + n + len;
}
