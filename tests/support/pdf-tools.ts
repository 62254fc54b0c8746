import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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

/**
 * The text of a PDF as pdftotext reads it, NFC, whitespace collapsed. `raw` keeps the order the
 * text was drawn in (a table cell's lines together) instead of reading across the page.
 */
export function pdfText(bytes: Uint8Array, name = 'doc.pdf', raw = false): string {
  const args = ['-enc', 'UTF-8', ...(raw ? ['-raw'] : []), save(bytes, name), '-'];
  return execFileSync('pdftotext', args, { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
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

/**
 * Keeps a printed form in test-artifacts/forms as `<name>.pdf`, with its pages as PNG (pdftoppm,
 * 80 dpi) when poppler is there, for a person to look at the layout and the Vietnamese.
 */
export function keepForLook(name: string, bytes: Uint8Array): void {
  const out = resolve('test-artifacts/forms');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `${name}.pdf`), bytes);
  if (POPPLER) execFileSync('pdftoppm', ['-png', '-r', '80', join(out, `${name}.pdf`), join(out, name)]);
}
