/**
 * Pieces that the one-stop forms share: the document set up from its template, who issues it,
 * the applicant block, the request line and the barcode, written the same way on every form.
 */
import bwipjs from 'bwip-js';
import type { FormTemplate } from '../../domain/form-templates.ts';
import { FormWriter, type Run } from './layout.ts';
import type { ApplicantSnapshot } from '../dossiers/dossiers.repo.ts';
import { upperVi } from './wording.ts';

/** The issuing agency as the header prints it. */
export interface Issuer {
  /** Parent body ("UBND tỉnh Phú Thọ"), or null when none applies. */
  parentName: string | null;
  /** Issuing agency ("Ủy ban nhân dân phường Nông Trang"). */
  agencyName: string;
  /** Place name of the date line ("Nông Trang"). */
  place: string;
}

/** The applicant as recorded on the dossier at submission. */
export type ApplicantInfo = ApplicantSnapshot;

export interface ProcedureInfo {
  code: string;
  name: string;
}

/** The dossier's code at the system that forwarded it (the national portal's), printed beside ours. */
export interface ExternalCode {
  /** "Cổng Dịch vụ công quốc gia" */
  origin: string;
  code: string;
}

/** The lines under a form's title: our code (with what follows it), then the forwarding system's code when there is one. */
export function codeLines(code: string, external: ExternalCode | null | undefined, after: Run[] = []): Run[][] {
  const ours = [...labelled('Mã hồ sơ', code), ...after];
  return external ? [ours, labelled(`Mã hồ sơ trên ${external.origin}`, external.code, 'regular')] : [ours];
}

const NONE = '—';
/** Labelled lines of a form are left-aligned: justifying them opens wide gaps before a long value. */
const FIELD = { align: 'left' } as const;

/** A new form on its template's paper, its title, subject, legal basis and number in the PDF's metadata. */
export function formDocument(template: FormTemplate, meta: { subject: string; author: string; date: Date; code?: string }, density = 1): Promise<FormWriter> {
  return FormWriter.create(
    {
      title: `${upperVi(template.title)}${meta.code ? ` — ${meta.code}` : ''}`,
      subject: meta.subject,
      author: meta.author,
      date: meta.date,
      keywords: [`Mẫu số ${template.number}`, template.legalBasis],
    },
    template.paper,
    density,
  );
}

/** Densities tried, largest first: Decree 30's sizes, then a little smaller, to stay on one page. */
const DENSITIES = [1, 0.95, 0.9, 0.86];

/**
 * A form the law prints on one page: drawn at Decree 30's sizes, and again a little smaller while
 * it runs onto a second page. A form that does not fit even then (a very long list) keeps its pages.
 */
export async function onePage(draw: (density: number) => Promise<FormWriter>): Promise<Uint8Array> {
  let w: FormWriter | null = null;
  for (const density of DENSITIES) {
    w = await draw(density);
    if (w.pageCount === 1) break;
  }
  return w!.save();
}

/** A Code 128 barcode of `text` as a PNG, black on white, with its quiet zone. */
export function barcodePng(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({ bcid: 'code128', text, scale: 3, height: 9, includetext: false, paddingwidth: 10, paddingheight: 2, backgroundcolor: 'FFFFFF' });
}

/** "Label: value" with the value in bold. */
export const labelled = (label: string, value: string, style: Run['style'] = 'bold'): Run[] => [
  { text: `${label}: ` },
  { text: value, style },
];

/** The applicant's name, identifier, address and contacts, one labelled line each (within `width` when given). */
export function writeApplicant(w: FormWriter, who: string, a: ApplicantInfo, width?: number): void {
  const opts = width === undefined ? FIELD : { ...FIELD, width };
  w.paragraph(labelled(who, a.fullName), opts);
  w.paragraph(labelled(a.kind === 'business' ? 'Mã số thuế' : 'Số định danh cá nhân', a.idNumber, 'regular'), opts);
  w.paragraph(labelled('Địa chỉ', a.address ?? NONE, 'regular'), opts);
  w.paragraph([...labelled('Số điện thoại', a.phone ?? NONE, 'regular'), { text: ';  ' }, ...labelled('Email', a.email ?? NONE, 'regular')], opts);
}

/** "Nội dung yêu cầu giải quyết: <procedure> (mã thủ tục …)". */
export function writeRequest(w: FormWriter, p: ProcedureInfo): void {
  w.paragraph([...labelled('Nội dung yêu cầu giải quyết', p.name), { text: ` (mã thủ tục ${p.code}).` }], FIELD);
}

/** "ông/bà" or "tổ chức": how a form addresses the applicant. */
export const youOf = (a: ApplicantInfo) => (a.kind === 'business' ? 'tổ chức' : 'ông/bà');
