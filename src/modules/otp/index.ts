// One-time codes (docs/identity.md): issue a code for a purpose and subject, sent through the
// messages outbox in the caller's transaction; check it later; counters for rate limits.
export { checkCode, codeError, issueCode, maskRecipient, type CheckResult, type CodeChannel, type IssueInput, type IssuedCode } from './otp.service.ts';
export { countEvent } from './rate-counters.ts';
