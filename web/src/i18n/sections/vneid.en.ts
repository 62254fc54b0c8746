import type { vneid as vi } from './vneid.vi';

export const vneid: Record<keyof typeof vi, string> = {
  'vneid.title': 'Or sign in with your electronic identity',
  'vneid.lead': 'Use your level-2 electronic identity in the VNeID app: no separate password for the ward’s portal.',
  'vneid.button': 'Sign in with {name}',
  'vneid.refused': 'Could not sign in with VNeID',
  'vneid.error.OIDC_STATE_INVALID': 'The sign-in has expired or is not valid. Please press the VNeID button again.',
  'vneid.error.OIDC_ID_UNVERIFIED': 'The VNeID account did not give a verified ID number. Use a level-2 electronic identity, or come to the one-stop office.',
  'vneid.error.OIDC_ID_MISMATCH': 'What VNeID says does not match the citizen record at the ward (ID number, name, birth year or gender). Nothing was linked. Please come to the one-stop office to check it.',
  'vneid.error.OIDC_PROVIDER_FAILED': 'VNeID cannot be reached right now. Please try again later, or sign in with your ID number and password.',
  'vneid.error.OIDC_NOT_CONFIGURED': 'Sign-in with VNeID is not set up for this ward.',
  'vneid.error.OIDC_CANCELLED': 'You stopped the sign-in on VNeID.',
};
