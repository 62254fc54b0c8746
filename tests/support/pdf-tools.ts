import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Debian's PDF and barcode tools as independent witnesses of what the platform prints: poppler's
 * pdftotext / pdftoppm / pdfsig (poppler-utils) and zbarimg (zbar-tools). CI installs both; a
 * machine without them skips the checks that need them, with a message naming the package.
 */
function has(tool: string, arg = '-v'): boolean {
  try {
    execFileSync(tool, [arg], { stdio: 'ignore' });
    return true;
  } catch (err) {
    // zbarimg --version exits 0; pdfsig -v exits 0 or 99 depending on the build: present either way.
    return (err as { code?: string }).code !== 'ENOENT';
  }
}

export const POPPLER = has('pdftotext');
export const NO_POPPLER = 'pdftotext/pdftoppm/pdfsig not found: apt-get install -y poppler-utils';
export const ZBAR = has('zbarimg', '--version');
export const NO_ZBAR = 'zbarimg not found: apt-get install -y zbar-tools';

const dir = mkdtempSync(join(tmpdir(), 'nts-pdf-'));
let n = 0;
const save = (bytes: Uint8Array, name: string) => {
  const file = join(dir, `${++n}-${name}`);
  writeFileSync(file, bytes);
  return file;
};

/** The text of a PDF as pdftotext reads it, NFC, whitespace collapsed. */
export function pdfText(bytes: Uint8Array, name = 'doc.pdf'): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', save(bytes, name), '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
}

/** pdfsig's report of the signatures of a PDF. */
export function pdfsig(bytes: Uint8Array, name = 'signed.pdf'): string {
  try {
    return execFileSync('pdfsig', [save(bytes, name)], { encoding: 'utf8' });
  } catch (err) {
    return String((err as { stdout?: string }).stdout ?? '');
  }
}

/** Every QR code / barcode zbarimg reads on page `page` rendered at 200 dpi, as "TYPE:text" lines. */
export function barcodes(bytes: Uint8Array, page = 1, name = 'doc.pdf'): string[] {
  const file = save(bytes, name);
  const prefix = `${file}-p`;
  execFileSync('pdftoppm', ['-png', '-r', '200', '-f', String(page), '-l', String(page), file, prefix]);
  const png = readdirSync(dir).find((f) => join(dir, f).startsWith(prefix) && f.endsWith('.png'))!;
  try {
    return execFileSync('zbarimg', ['-q', join(dir, png)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').filter(Boolean);
  } catch {
    return []; // zbarimg exits 4 when it finds nothing
  }
}
