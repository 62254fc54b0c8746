-- The legal clock (issue 6 §5; docs/adr/0005-legal-clock.md). The due date the law sets is kept:
-- an extension with apology is recorded beside it, never over it; an appointment the receiving
-- officer gives for a procedure whose time limit is unconfirmed carries its reason; every request
-- to supplement is a round with its proposal, its sending, its 3-working-day window and, from the
-- second round on, the reason it was needed.

ALTER TABLE dossiers ADD COLUMN extension jsonb;
ALTER TABLE dossiers ADD COLUMN appointment_reason text;

-- Until now an extension overwrote due_at and kept the old date in original_due_at.
UPDATE dossiers
   SET extension = jsonb_build_object('dueAt', to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                      'at', to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                      'reason', coalesce((select e.comment from dossier_events e
                                                           where e.dossier_id = dossiers.id and e.action = 'extend'
                                                           order by e.seq desc limit 1), ''),
                                      'apologyOnTime', true),
       due_at = original_due_at
 WHERE extended AND original_due_at IS NOT NULL AND due_at IS NOT NULL;
ALTER TABLE dossiers DROP COLUMN original_due_at;

-- A dossier waiting for a supplement has its clock stopped too.
UPDATE dossiers SET paused_at = updated_at WHERE status = 'supplement_requested' AND received_at IS NOT NULL AND paused_at IS NULL;

COMMENT ON COLUMN dossiers.due_at IS 'The due date the law sets: the time limit from receipt (or the appointment the receiving officer gave, see appointment_reason), restarted after a completed supplement, moved by the working time of a payment wait. Early/on time/late is judged against it; an extension never changes it.';
COMMENT ON COLUMN dossiers.extension IS 'The one extension with apology, beside the due date: { dueAt, at, reason, apologyOnTime } (apologyOnTime: sent at least one day before the due date). Cleared when a supplement restarts the time limit; extended stays true (once per dossier).';
COMMENT ON COLUMN dossiers.appointment_reason IS 'Set when the procedure''s time limit is unconfirmed and the receiving officer gave the appointment date (due_at): why that date.';
COMMENT ON COLUMN dossiers.paused_at IS 'When the clock stopped: the dossier waits for its applicant (a supplement or a financial obligation).';

CREATE TABLE supplement_requests (
  dossier_id      uuid NOT NULL REFERENCES dossiers(id),
  round           integer NOT NULL,
  proposed_by     uuid REFERENCES users(id),
  proposed_at     timestamptz,
  sent_by         uuid REFERENCES users(id),
  sent_by_system  boolean NOT NULL DEFAULT false,
  sent_at         timestamptz,
  window_ends_at  timestamptz,
  late            boolean,
  repeat_reason   text,
  comment         text,
  answered_at     timestamptz,
  PRIMARY KEY (dossier_id, round),
  CHECK (round = 1 OR repeat_reason IS NOT NULL)
);
CREATE INDEX supplement_requests_sent_idx ON supplement_requests (sent_at) WHERE sent_at IS NOT NULL;
COMMENT ON TABLE supplement_requests IS 'One row per round of a request to supplement: proposed by a handler (proposed_*), sent by the desk or, for an online dossier, by the system on its behalf (sent_*), late when sent after the window (window_ends_at = receipt + 3 working days; null before receipt), and from round 2 the reason a repeat was needed. Feeds the Decision 766 progress indicators (supplement rounds and time).';

-- Rounds already sent, from the event log.
INSERT INTO supplement_requests (dossier_id, round, sent_by, sent_at, late, repeat_reason, answered_at)
SELECT e.dossier_id, (e.data->>'round')::int, e.actor_id, e.at,
       CASE WHEN e.data ? 'withinLegalWindow' THEN NOT (e.data->>'withinLegalWindow')::boolean END,
       CASE WHEN (e.data->>'round')::int > 1 THEN 'Không ghi lý do (yêu cầu trước khi có quy định này)' END,
       (SELECT max(i.answered_at) FROM supplement_items i WHERE i.dossier_id = e.dossier_id AND i.round = (e.data->>'round')::int
         HAVING count(*) = count(i.answered_at))
  FROM dossier_events e
 WHERE e.action = 'request_supplement' AND e.data ? 'round'
ON CONFLICT (dossier_id, round) DO NOTHING;

-- A new status: a handler's proposal to supplement, awaiting the desk. On a fresh database
-- 0011_integrity creates the dossier_status domain later, with this status in its list; on one
-- that applied 0011 before this file, the domain is widened here.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_type WHERE typname = 'dossier_status' AND typtype = 'd') THEN
    ALTER DOMAIN dossier_status DROP CONSTRAINT dossier_status_known;
    ALTER DOMAIN dossier_status ADD CONSTRAINT dossier_status_known CHECK (VALUE IN (
      'submitted', 'received', 'refused', 'in_review', 'consulting', 'awaiting_approval', 'approved',
      'supplement_proposed', 'supplement_requested', 'awaiting_payment', 'withdrawn', 'stopped', 'result_ready', 'returned'
    ));
  END IF;
END;
$$;
