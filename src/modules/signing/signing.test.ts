import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { signDetached, verifyDetached } from './cms.ts';
import { checkPdfSignature, signPdf } from './pdf-signature.ts';
import { certificateInfo, createDemoPkcs12, DEMO_LABEL, Pkcs12Error, readPkcs12, type KeyMaterial } from './pkcs12.ts';

let unit: KeyMaterial;
let other: KeyMaterial;
const NOW = new Date('2026-03-04T10:00:00+07:00');

beforeAll(() => {
  const a = createDemoPkcs12('Ủy ban nhân dân phường Nông Trang', NOW);
  unit = readPkcs12(a.p12, a.password);
  const b = createDemoPkcs12('Ủy ban nhân dân xã Thụy Vân', NOW);
  other = readPkcs12(b.p12, b.password);
});

async function signedPdf(signer: KeyMaterial = unit): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([420, 595]);
  return signPdf(doc, { reason: 'Ban hành kết quả', name: 'UBND phường Nông Trang', location: 'Nông Trang', contactInfo: 'http://x/xac-minh/1', signingTime: NOW }, signer);
}

describe('the demo certificate', () => {
  it('says it is a demo in its subject, in Vietnamese, and lasts ten years', () => {
    const info = certificateInfo(unit.certDer);
    expect(info.subject).toContain(DEMO_LABEL);
    expect(info.subject).toContain('CN=Ủy ban nhân dân phường Nông Trang (DEMO)');
    expect(info.notAfter.getUTCFullYear()).toBe(2036);
    expect(info.fingerprint).toBe(createHash('sha256').update(unit.certDer).digest('hex'));
  });

  it('a wrong password does not open the file', () => {
    const made = createDemoPkcs12('UBND', NOW);
    expect(() => readPkcs12(made.p12, 'sai-mat-khau')).toThrow(Pkcs12Error);
    expect(() => readPkcs12(Buffer.from('not a p12'), '')).toThrow(Pkcs12Error);
  });
});

describe('CAdES detached signatures', () => {
  const content = Buffer.from('Nội dung văn bản', 'utf8');

  it('verify with the signer’s certificate, and not after a change', () => {
    const cms = signDetached(content, unit);
    expect(verifyDetached(cms, content)).toMatchObject({ digestMatches: true, signatureValid: true });
    expect(verifyDetached(cms, content).certDer?.equals(unit.certDer)).toBe(true);
    expect(verifyDetached(cms, Buffer.from('Nội dung văn bản.', 'utf8')).digestMatches).toBe(false);
  });

  it('a signature value changed by one bit no longer verifies', () => {
    const cms = signDetached(content, unit);
    cms[cms.length - 5]! ^= 1;
    expect(verifyDetached(cms, content)).toMatchObject({ digestMatches: true, signatureValid: false });
  });
});

describe('PDF signatures', () => {
  it('a signed PDF is whole, covers the file and names its signer', async () => {
    const pdf = await signedPdf();
    const check = checkPdfSignature(pdf);
    expect(check).toMatchObject({ present: true, intact: true, coversWholeFile: true });
    expect(check.certDer?.equals(unit.certDer)).toBe(true);
    expect(pdf.toString('latin1')).toContain('/SubFilter /ETSI.CAdES.detached');
  });

  it.each([
    ['a byte of the page tree', (b: Buffer) => (b[b.indexOf('/MediaBox') + 1] = 0x6e)],
    ['the first byte of the file', (b: Buffer) => (b[0] = 0x20)],
    ['a byte of the signature itself', (b: Buffer) => {
      const at = b.indexOf('/Contents <') + 60;
      b[at] = b[at] === 0x30 ? 0x31 : 0x30;
    }],
    ['a byte of the padding after the signature', (b: Buffer) => {
      const end = b.indexOf('>', b.indexOf('/Contents <'));
      b[end - 3] = 0x31;
    }],
  ])('changing %s breaks it', async (_name, change) => {
    const pdf = await signedPdf();
    change(pdf);
    expect(checkPdfSignature(pdf).intact).toBe(false);
  });

  it('bytes appended after signing leave the signature whole but not covering the file', async () => {
    const pdf = Buffer.concat([await signedPdf(), Buffer.from('%%EOF\n')]);
    expect(checkPdfSignature(pdf)).toMatchObject({ intact: true, coversWholeFile: false });
  });

  it('an unsigned PDF, or not a PDF at all, has no signature (never throws)', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    expect(checkPdfSignature(await doc.save()).present).toBe(false);
    expect(checkPdfSignature(Buffer.from('hello')).present).toBe(false);
    expect(checkPdfSignature(Buffer.from('/ByteRange [0 10 20 5] rác')).intact).toBe(false);
  });

  it('another signer’s certificate is the one reported', async () => {
    expect(checkPdfSignature(await signedPdf(other)).certDer?.equals(other.certDer)).toBe(true);
  });
});
