/**
 * CMS (RFC 5652) detached signatures in the CAdES form that PAdES baseline B asks for: signed
 * attributes content-type, message-digest and signing-certificate-v2 (ESS, RFC 5035), and no
 * signing-time attribute (PAdES puts the time in the signature dictionary's /M). Encoded with
 * node-forge's ASN.1 codec; hashing, signing and verifying with node:crypto.
 */
import { createHash, createPublicKey, sign as cryptoSign, verify as cryptoVerify, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const;

const DIGESTS: Record<string, 'sha256' | 'sha384' | 'sha512'> = { [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512' };

const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;
const bin = (b: Uint8Array) => Buffer.from(b).toString('binary');
const buf = (s: string) => Buffer.from(s, 'binary');
const der = (node: Asn1) => buf(asn1.toDer(node).getBytes());
// The typings know only the old boolean argument; forge takes these options (trailing bytes allowed).
const parseDer = asn1.fromDer as unknown as (b: forge.util.ByteStringBuffer, o: { strict: boolean; parseAllBytes: boolean; decodeBitStrings: boolean }) => Asn1;
const fromDer = (b: Uint8Array) => parseDer(forge.util.createBuffer(bin(b)), { strict: true, parseAllBytes: false, decodeBitStrings: false });

const seq = (...v: Asn1[]) => asn1.create(U, T.SEQUENCE, true, v);
const set = (...v: Asn1[]) => asn1.create(U, T.SET, true, v);
const oid = (o: string) => asn1.create(U, T.OID, false, asn1.oidToDer(o).getBytes());
const octets = (b: Uint8Array) => asn1.create(U, T.OCTETSTRING, false, bin(b));
const int = (n: number) => asn1.create(U, T.INTEGER, false, asn1.integerToDer(n).getBytes());
const nul = () => asn1.create(U, T.NULL, false, '');
const ctx = (tag: number, ...v: Asn1[]) => asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, true, v);
const algorithm = (o: string) => seq(oid(o), nul());
const attribute = (o: string, value: Asn1) => seq(oid(o), set(value));

/** Serial number and issuer name of a certificate, as its own DER has them. */
function issuerAndSerial(certDer: Uint8Array): { serial: Asn1; issuer: Asn1 } {
  const tbs = (fromDer(certDer).value as Asn1[])[0]!.value as Asn1[];
  const at = tbs[0]!.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0; // [0] version is optional
  return { serial: tbs[at]!, issuer: tbs[at + 2]! };
}

/** DER of a SET OF: its members sorted by their encodings (X.690 11.6). */
function derSetOf(members: Asn1[]): Buffer {
  const encoded = members.map(der).sort(Buffer.compare);
  return der(asn1.create(U, T.SET, true, encoded.map((e) => fromDer(e))));
}

export interface CmsSigner {
  /** The signer's certificate (DER). */
  certDer: Uint8Array;
  /** Further certificates to carry (intermediate CAs), DER. */
  chainDer: readonly Uint8Array[];
  key: KeyObject;
}

/**
 * A detached CAdES signature (DER ContentInfo of SignedData) over `content`.
 * Only RSA keys (PKCS#1 v1.5 with SHA-256), which is what PKCS#12 files from Vietnamese CAs hold.
 */
export function signDetached(content: Uint8Array, signer: CmsSigner): Buffer {
  const digest = createHash('sha256').update(content).digest();
  const certHash = createHash('sha256').update(signer.certDer).digest();
  const { serial, issuer } = issuerAndSerial(signer.certDer);
  const attrs = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(digest)),
    // ESSCertIDv2 with the default hash (SHA-256, so left out) and the issuer/serial of the certificate.
    attribute(OID.signingCertificateV2, seq(seq(seq(octets(certHash), seq(seq(ctx(4, issuer)), serial))))),
  ];
  const signedAttrs = derSetOf(attrs);
  const signature = cryptoSign('sha256', signedAttrs, signer.key);
  // In the SignerInfo the same SET is tagged [0] IMPLICIT.
  const taggedAttrs = fromDer(Buffer.concat([Buffer.from([0xa0]), signedAttrs.subarray(1)]));
  const signerInfo = seq(int(1), seq(issuer, serial), algorithm(OID.sha256), taggedAttrs, algorithm(OID.rsaEncryption), octets(signature));
  const certs = [signer.certDer, ...signer.chainDer].map((c) => fromDer(c));
  const signedData = seq(int(1), set(algorithm(OID.sha256)), seq(oid(OID.data)), ctx(0, ...certs), set(signerInfo));
  return der(seq(oid(OID.signedData), ctx(0, signedData)));
}

export interface CmsCheck {
  /** The digest in the signed attributes is that of the content. */
  digestMatches: boolean;
  /** The signature over the signed attributes verifies with the signer's certificate. */
  signatureValid: boolean;
  /** The signer's certificate (DER), or null when none matches the signer. */
  certDer: Buffer | null;
}

const oidOf = (node: Asn1 | undefined) => (node && node.type === T.OID ? asn1.derToOid(node.value as string) : null);

/**
 * Checks a detached CMS signature over `content`. Trailing bytes after the DER (the zero padding
 * of a PDF's /Contents) are ignored here; the PDF check looks at them.
 * @throws Error when `cms` is not a SignedData the checker understands
 */
export function verifyDetached(cms: Uint8Array, content: Uint8Array): CmsCheck {
  const info = fromDer(cms).value as Asn1[];
  if (oidOf(info[0]) !== OID.signedData) throw new Error('not a CMS SignedData');
  const sd = ((info[1]!.value as Asn1[])[0]!.value as Asn1[]) ?? [];
  const certSet = sd.find((n) => n.tagClass === asn1.Class.CONTEXT_SPECIFIC && n.type === 0);
  const certs = ((certSet?.value as Asn1[] | undefined) ?? []).map(der);
  const signerInfos = sd.at(-1)!.value as Asn1[];
  const si = signerInfos[0]!.value as Asn1[];
  const sidSerial = der((si[1]!.value as Asn1[])[1]!);
  const certDer = certs.find((c) => der(issuerAndSerial(c).serial).equals(sidSerial)) ?? null;
  const digestName = DIGESTS[oidOf((si[2]!.value as Asn1[])[0]) ?? ''];
  const signed = si[3]!;
  if (signed.tagClass !== asn1.Class.CONTEXT_SPECIFIC || !digestName) throw new Error('signer info without signed attributes or with an unknown digest');
  const attrsDer = der(signed);
  attrsDer[0] = 0x31; // verified as the SET OF it stands for
  const digestAttr = (signed.value as Asn1[]).find((a) => oidOf((a.value as Asn1[])[0]) === OID.messageDigest);
  const claimed = digestAttr ? buf(((digestAttr.value as Asn1[])[1]!.value as Asn1[])[0]!.value as string) : null;
  const actual = createHash(digestName).update(content).digest();
  const signature = buf(si[5]!.value as string);
  let signatureValid = false;
  if (certDer) {
    const key = createPublicKey(new X509Certificate(certDer).publicKey.export({ type: 'spki', format: 'pem' }));
    signatureValid = cryptoVerify(digestName, attrsDer, key, signature);
  }
  return { digestMatches: claimed !== null && claimed.equals(actual), signatureValid, certDer: certDer ? Buffer.from(certDer) : null };
}
