import type { backoffice as vi } from './backoffice.vi';

export const backoffice: Record<keyof typeof vi, string> = {
  'backoffice.title': 'Staff area',
  'backoffice.signInPrompt': 'This area is for ward staff. Please sign in with a staff account.',
  'backoffice.welcome': 'Hello {name}. The one-stop functions are being built.',
};
