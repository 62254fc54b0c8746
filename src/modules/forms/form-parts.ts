/**
 * Pieces that the one-stop forms share: who issues them, the applicant block and the request
 * line, written the same way on every form.
 */
import type { FormWriter, Run } from './layout.ts';
import type { ApplicantSnapshot } from '../dossiers/dossiers.repo.ts';

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

const NONE = '—';
/** Labelled lines of a form are left-aligned: justifying them opens wide gaps before a long value. */
const FIELD = { align: 'left' } as const;

/** "Label: value" with the value in bold. */
export const labelled = (label: string, value: string, style: Run['style'] = 'bold'): Run[] => [
  { text: `${label}: ` },
  { text: value, style },
];

/** The applicant's name, identifier, address and contacts, one labelled line each. */
export function writeApplicant(w: FormWriter, who: string, a: ApplicantInfo): void {
  w.paragraph(labelled(who, a.fullName), FIELD);
  w.paragraph(labelled(a.kind === 'business' ? 'Mã số thuế' : 'Số định danh cá nhân', a.idNumber, 'regular'), FIELD);
  w.paragraph(labelled('Địa chỉ', a.address ?? NONE, 'regular'), FIELD);
  w.paragraph([...labelled('Số điện thoại', a.phone ?? NONE, 'regular'), { text: ';  ' }, ...labelled('Email', a.email ?? NONE, 'regular')], FIELD);
}

/** "Nội dung yêu cầu giải quyết: <procedure> (mã thủ tục …)". */
export function writeRequest(w: FormWriter, p: ProcedureInfo): void {
  w.paragraph([...labelled('Nội dung yêu cầu giải quyết', p.name), { text: ` (mã thủ tục ${p.code}).` }], FIELD);
}
