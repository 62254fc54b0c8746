import type { desk as vi } from './desk.vi';

export const desk: Record<keyof typeof vi, string> = {
  'desk.cccdFacts': 'From the CCCD number: born {year}, {gender}.',
  'desk.found': "Citizen found. Check the name against the applicant's identity document: the dossier is filed under this name.",
  'desk.phoneOnRecord': "Phone number on the citizen's record",
  'desk.phoneForDossier': 'Contact phone for this dossier',
  'desk.phoneForDossierHint': "The citizen's record has no phone number.",
  'desk.check': '{value} (from the CCCD number) — {result}',
  'desk.check.match': "matches the citizen's record",
  'desk.check.mismatch': "does NOT match the citizen's record",
  'desk.check.unknown': "not on the citizen's record",
  'desk.err.cccdProvince': 'The first three digits of the CCCD are not a province code: check the number on the card',
  'desk.err.recordMismatch':
    "The birth year or gender on the citizen's record does not match the CCCD number: a dossier cannot be filed under this number. Ask the citizen to contact the system administrator to check the record.",
  'desk.err.birthYearCccd': 'The birth year does not match the CCCD number (the number says {year})',
  'desk.err.genderCccd': 'The gender does not match the CCCD number (the number says: {gender})',
};
