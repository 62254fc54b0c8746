/**
 * One error type for every expected failure. Services throw it with a stable code; the HTTP
 * edge (src/server/errors.ts) maps each code to a status and a Vietnamese/English message.
 * Domain code knows nothing of HTTP.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF_TOKEN_INVALID',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_EXISTS',
  'CCCD_INVALID',
  'MST_INVALID',
  'PHONE_INVALID',
  'NOT_FOUND',
  'PROCEDURE_NOT_FOUND',
  'DOSSIER_NOT_FOUND',
  'UNIT_NOT_FOUND',
  'USER_NOT_FOUND',
  'DOSSIER_ACTION_NOT_ALLOWED',
  'DOSSIER_VERSION_CONFLICT',
  'SUBMISSION_INCOMPLETE',
  'APPLICANT_NOT_ALLOWED',
  'FILE_NOT_FOUND',
  'FILE_EMPTY',
  'FILE_TOO_LARGE',
  'FILE_TYPE_NOT_ALLOWED',
  'FILE_NAME_INVALID',
  'SUPPLEMENT_ANSWER_INVALID',
  'EXTENSION_NOT_ALLOWED',
  'ALREADY_RATED',
  'CALENDAR_INVALID',
  'PROCEDURE_INVALID',
  'TOO_MANY_REQUESTS',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  // The input guard (src/server/input-guard.ts): text PostgreSQL cannot store or no honest client sends.
  'INPUT_ENCODING_INVALID',
  // Desk identity (one authorization policy, issue 6)
  'APPLICANT_IDENTITY_MISMATCH',
  // Investment and urban-development projects (issue 13, docs/PROJECTS.md)
  'PROJECT_NOT_FOUND',
  'PROJECT_VERSION_CONFLICT',
  'PROJECT_DATE_IN_FUTURE',
  'PROJECT_RULE_DATE_PAST',
  'OBSTACLE_NOT_FOUND',
  'OBSTACLE_RESOLVED',
  'DIRECTION_NOT_FOUND',
  'DIRECTION_ALREADY_DONE',
  'DIRECTION_DEADLINE_PAST',
  'INVESTOR_ACCOUNT_NOT_FOUND',
  'INVESTMENT_SITE_NOT_FOUND',
  'INVESTMENT_SITE_VERSION_CONFLICT',
  // Official documents: signed results, verification, certified copies (issue 9)
  'RESULT_FILE_REQUIRED',
  'DOCUMENT_FILE_UNSUPPORTED',
  'DOCUMENT_NOT_FOUND',
  'DOCUMENT_ALREADY_REVOKED',
  'VERIFY_FILE_REQUIRED',
  // Verified identity (issue 6 §1, docs/identity.md): one-time codes, sign-up, passwords, two-factor sign-in
  'OTP_INVALID',
  'OTP_EXPIRED',
  'OTP_RATE_LIMITED',
  'SIGN_UP_NOT_FOUND',
  'SIGN_UP_NO_CONTACT',
  'SIGN_UP_PHONE_MISMATCH',
  'PASSWORD_INCORRECT',
  'PASSWORD_TOO_WEAK',
  'PASSWORD_CHANGE_REQUIRED',
  'TWO_FACTOR_CODE_INVALID',
  'TWO_FACTOR_CHALLENGE_EXPIRED',
  'TWO_FACTOR_ENROLMENT_REQUIRED',
  'TWO_FACTOR_NOT_ENABLED',
  'TWO_FACTOR_REQUIRED_FOR_ROLE',
  // The legal clock (issue 6 §5, docs/adr/0005-legal-clock.md)
  'APPOINTMENT_REQUIRED',
  'APPOINTMENT_INVALID',
  'SUPPLEMENT_REPEAT_REASON_REQUIRED',
  // Notifications (issue 8: src/modules/notifications)
  'NOTIFICATION_TEMPLATE_INVALID',
  'NOTIFICATION_TEMPLATE_DATE_PAST',
  'NOTIFICATION_CHANNEL_UNAVAILABLE',
  'MESSAGE_NOT_REPLAYABLE',
  'OIDC_NOT_CONFIGURED',
  'OIDC_STATE_INVALID',
  'OIDC_PROVIDER_FAILED',
  'OIDC_ID_UNVERIFIED',
  'OIDC_ID_MISMATCH',
  // Connected systems (issue 10, docs/INTEROP.md)
  'INTEROP_KEY_INVALID',
  'INTEROP_SIGNATURE_INVALID',
  'INTEROP_TIMESTAMP_INVALID',
  'INTEROP_REPLAYED',
  'INTEROP_SCOPE_MISSING',
  'INTEROP_DOSSIER_CONFLICT',
  'INTEROP_ATTACHMENT_INVALID',
  'INTEROP_SYSTEM_NOT_FOUND',
  'INTEROP_SYSTEM_EXISTS',
  'INTEROP_UNIT_ON_THIS_DEPLOYMENT',
  'CATALOGUE_PUSH_NOT_FOUND',
  'CATALOGUE_PUSH_DECIDED',
  'RESIDENT_NOT_FOUND',
  // Citizen feedback and petitions (issue 12, docs/FEEDBACK.md)
  'FEEDBACK_NOT_FOUND',
  'FEEDBACK_ACTION_NOT_ALLOWED',
  'FEEDBACK_VERSION_CONFLICT',
  'FEEDBACK_LOCATION_REQUIRED',
  'FEEDBACK_OUTSIDE_WARD',
  'FEEDBACK_REOPEN_EXPIRED',
  'FEEDBACK_RATE_LIMITED',
  'FEEDBACK_PHOTO_INVALID',
  'FEEDBACK_DRAFT_NOT_FOUND',
  'FEEDBACK_SETTINGS_CONFLICT',
  'OPEN311_API_KEY_INVALID',
  'OPEN311_SERVICE_NOT_FOUND',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
    message?: string,
  ) {
    super(message ?? code);
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
