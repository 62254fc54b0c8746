-- Decision 766 "dossiers synced to the national portal", computed (issue 11; docs/INDICATORS.md).
-- A dossier counts (synced_known in indicator_daily, on its day of receipt) when a national portal
-- follows it: it came from one, or status events about it were written for one (messages of channel
-- webhook to a national_portal system). It is synced when every one of those was acknowledged
-- (status sent). The SQL of that rule: portalSync() in src/modules/interop/interop.sync.ts.
--
-- The aggregate stays correct as events are acknowledged: a trigger on the outbox queues the
-- dossier's day of receipt in indicator_dirty whenever a status event to a connected system is
-- written, acknowledged, failed back to waiting (a replay) or removed.

-- A dossier's status events to connected systems, by dossier code (the rule's lookups).
CREATE INDEX messages_webhook_dossier_idx ON messages ((data->>'dossierCode'), status) WHERE channel = 'webhook';

CREATE FUNCTION indicator_mark_dossier_message() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  to_system text := CASE WHEN TG_OP = 'DELETE' THEN OLD.recipient ELSE NEW.recipient END;
  of_dossier text := CASE WHEN TG_OP = 'DELETE' THEN OLD.data->>'dossierCode' ELSE NEW.data->>'dossierCode' END;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM interop_systems s WHERE s.code = to_system AND s.kind = 'national_portal') THEN
    RETURN NULL;
  END IF;
  INSERT INTO indicator_dirty (unit_id, day)
  SELECT x.receiving_unit_id, vn_day(x.received_at) FROM dossiers x
   WHERE x.code = of_dossier AND x.received_at IS NOT NULL
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
COMMENT ON FUNCTION indicator_mark_dossier_message() IS 'Trigger function: queues the indicator_daily day of receipt of the dossier a status event to a national portal is about (written, acknowledged or not any more, removed).';

-- Only status events to connected systems, and on an update only when "acknowledged" changes: the
-- outbox's SMS, email and Zalo messages and its lease updates never call the function.
CREATE TRIGGER messages_indicator_dirty_insert AFTER INSERT ON messages
  FOR EACH ROW WHEN (NEW.channel = 'webhook') EXECUTE FUNCTION indicator_mark_dossier_message();
CREATE TRIGGER messages_indicator_dirty_update AFTER UPDATE OF status ON messages
  FOR EACH ROW WHEN (NEW.channel = 'webhook' AND (OLD.status = 'sent') IS DISTINCT FROM (NEW.status = 'sent')) EXECUTE FUNCTION indicator_mark_dossier_message();
CREATE TRIGGER messages_indicator_dirty_delete AFTER DELETE ON messages
  FOR EACH ROW WHEN (OLD.channel = 'webhook') EXECUTE FUNCTION indicator_mark_dossier_message();

-- Existing dossiers a national portal follows: their days are stale until the first reader folds them.
INSERT INTO indicator_dirty (unit_id, day)
SELECT DISTINCT x.receiving_unit_id, vn_day(x.received_at) FROM dossiers x
 WHERE x.received_at IS NOT NULL
   AND (x.origin_system_id IN (SELECT id FROM interop_systems WHERE kind = 'national_portal')
        OR EXISTS (SELECT 1 FROM messages m WHERE m.channel = 'webhook' AND m.data->>'dossierCode' = x.code
                      AND m.recipient IN (SELECT code FROM interop_systems WHERE kind = 'national_portal')))
ON CONFLICT DO NOTHING;
