/**
 * PKCS#12 files: reading a unit's certificate and key, and making the self-signed DEMO
 * certificate a deployment signs with until the unit's own is configured.
 */
import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

export interface KeyMaterial {
  key: KeyObject;
  /** The certificate matching the key (DER). */
  certDer: Buffer;
  /** Other certificates in the file (the CA chain), DER. */
  chainDer: Buffer[];
}

export class Pkcs12Error extends Error {
  override name = 'Pkcs12Error';
}

const bytesOf = (node: forge.asn1.Asn1) => Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');

/**
 * The key and certificates of a PKCS#12 file.
 * @throws Pkcs12Error when the file cannot be opened with the password, or holds no RSA key with its certificate
 */
export function readPkcs12(p12: Uint8Array, password: string): KeyMaterial {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(Buffer.from(p12).toString('binary')), false, password);
  } catch (err) {
    throw new Pkcs12Error(`cannot open the PKCS#12 file (wrong password, or not a .p12/.pfx file): ${(err as Error).message}`);
  }
  const keyBags = [
    ...(parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []),
    ...(parsed.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ];
  const forgeKey = keyBags[0]?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!forgeKey) throw new Pkcs12Error('the PKCS#12 file holds no private key (only RSA keys are supported)');
  const certBags = parsed.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [];
  // forge keeps the certificate's signed part (tbsCertificate) as read, so the DER is the CA's.
  const certs = certBags
    .filter((b) => b.cert)
    .map((b) => ({ der: bytesOf(forge.pki.certificateToAsn1(b.cert!)), pub: b.cert!.publicKey as forge.pki.rsa.PublicKey }));
  const own = certs.find((c) => c.pub.n.compareTo(forgeKey.n) === 0 && c.pub.e.compareTo(forgeKey.e) === 0);
  if (!own) throw new Pkcs12Error('the PKCS#12 file holds no certificate for its private key');
  return {
    key: createPrivateKey(forge.pki.privateKeyToPem(forgeKey)),
    certDer: own.der,
    chainDer: certs.filter((c) => c !== own).map((c) => c.der),
  };
}

/** What the platform records and shows of a certificate. */
export interface CertificateInfo {
  /** SHA-256 of the DER, lowercase hex. */
  fingerprint: string;
  subject: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
}

/** Subject, issuer, validity and fingerprint of a DER certificate (names as "CN=…, O=…", UTF-8). */
export function certificateInfo(der: Uint8Array): CertificateInfo {
  const x = new X509Certificate(der);
  const name = (s: string) => s.split('\n').filter(Boolean).reverse().join(', ');
  return {
    fingerprint: createHash('sha256').update(der).digest('hex'),
    subject: name(x.subject),
    issuer: name(x.issuer),
    notBefore: new Date(x.validFrom),
    notAfter: new Date(x.validTo),
  };
}

/** The words every demo certificate carries in its subject, so that no one mistakes it for a real one. */
export const DEMO_LABEL = 'CHỨNG THƯ THỬ NGHIỆM (DEMO) - KHÔNG CÓ GIÁ TRỊ PHÁP LÝ';

/**
 * A self-signed RSA-2048 certificate for `unitName`, valid ten years from `now`, labelled as a
 * demo in its common name and organisational unit, in a PKCS#12 file protected by a random password.
 */
export function createDemoPkcs12(unitName: string, now: Date): { p12: Buffer; password: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`; // positive, 16 bytes
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + 10 * 365.25 * 86_400_000);
  const utf8 = forge.asn1.Type.UTF8;
  const attrs = [
    { shortName: 'C', value: 'VN' },
    { shortName: 'O', value: unitName.normalize('NFC'), valueTagClass: utf8 },
    { shortName: 'OU', value: DEMO_LABEL, valueTagClass: utf8 },
    { shortName: 'CN', value: `${unitName.normalize('NFC')} (DEMO)`, valueTagClass: utf8 },
  ] as forge.pki.CertificateField[];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const password = randomBytes(18).toString('base64url');
  const asn = forge.pkcs12.toPkcs12Asn1(key, [cert], password, { algorithm: '3des', friendlyName: 'demo' });
  return { p12: bytesOf(asn), password };
}
