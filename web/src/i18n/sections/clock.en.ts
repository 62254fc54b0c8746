import type { clock as vi } from './clock.vi';

export const clock: Record<keyof typeof vi, string> = {
  'status.supplement_proposed': 'Being processed',
  'status.supplement_proposed.explain': 'An officer is reviewing your application.',
  'clock.stoppedCitizen': 'The time limit has been paused since {date} while we wait for you to complete the application or pay the fees.',
  'clock.appointmentCitizen': 'Date set by the receiving officer.',

  'bo.status.supplement_proposed': 'Supplement proposed, awaiting the desk',
  'bo.role.system': 'the system, for the one-stop desk',
  'bo.due.paused': 'Paused – waiting for the applicant',
  'bo.queue.to_send_supplement': 'Supplement requests to send',

  'bo.queue.extendedTo': 'New date: {date}',

  'bo.facts.legalDueHint': 'Early, on time or late is always judged against this date.',
  'bo.facts.appointmentSet': 'Date set by the receiving officer (the procedure’s time limit is unconfirmed). Reason: {reason}',
  'bo.facts.extendedDueAt': 'New date after apology',
  'bo.facts.extensionDetail': 'Apology sent {at}. Reason: {reason}',
  'bo.facts.apologyOnTime': 'Apology on time',
  'bo.facts.apologyLate': 'Apology late (less than a day before the due date)',
  'bo.facts.extensionUsed': 'The one extension was used (the time limit restarted after a supplement)',
  'bo.facts.clock': 'Time-limit clock',
  'bo.facts.clock.not_started': 'Not started (not received yet)',
  'bo.facts.clock.running': 'Running',
  'bo.facts.clock.stopped': 'Paused since {date}: waiting for the applicant (not counted)',
  'bo.facts.clock.finished': 'Stopped at the result',
  'bo.facts.clock.closed': 'Not counted (the dossier is closed)',
  'bo.facts.supplementLate': '{n} sent after the 3-working-day window',

  'bo.supplement.proposedTitle': 'Supplement proposed, awaiting the one-stop desk (round {n})',
  'bo.supplement.proposedBy': 'Proposed by {name} at {date}. The clock keeps running until the request is sent to the applicant.',
  'bo.supplement.sentByDesk': 'Sent by the one-stop desk at {date} ({name}).',
  'bo.supplement.sentBySystem': 'Sent by the system on the desk’s behalf at {date} (online dossier).',
  'bo.supplement.lateFlag': 'Sent late',
  'bo.supplement.lateBody': 'Sent after the 3-working-day window from receipt (which ended at {date}).',
  'bo.supplement.repeat': 'Round {n}, reason: {reason}',

  'bo.act.repeatReason': 'Why another supplement request is needed',
  'bo.act.repeatReasonHint': 'A supplement has already been requested {n} time(s). Another request is an exception: say why the last one was not enough.',
  'bo.act.err.repeatReason': 'Enter why another supplement request is needed',
  'bo.act.proposalToSend': 'The items the specialist proposed (sent to the applicant as they are):',
  'bo.act.windowLate': 'The 3-working-day window from receipt has passed: the request is still sent, but recorded as late.',
  'bo.act.proposeHint': 'Specialists do not contact applicants directly: the one-stop desk sends the request (for an online dossier, the system sends it at once).',
};
