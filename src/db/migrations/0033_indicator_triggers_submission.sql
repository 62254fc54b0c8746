-- A submission marks no day of indicator_daily: its dossier is neither received nor finished yet,
-- so its days of receipt, due date and result are all unknown. Yet the row triggers of 0029 ran
-- once for the dossier and once for each of its documents (plpgsql, a query each), which measured
-- ≈ 3–5 ms of CPU per submission on the embedded database, a quarter of the whole request
-- (docs/PERFORMANCE.md). The same days are marked as before; only the calls that could mark none
-- are skipped, and a statement's new documents are marked in one call.

-- The dossier: an insert marks days only when it is received or finished already (the function
-- marks nothing else on INSERT); updates and deletes as before.
DROP TRIGGER dossiers_indicator_dirty ON dossiers;
CREATE TRIGGER dossiers_indicator_dirty_insert
  AFTER INSERT ON dossiers
  FOR EACH ROW WHEN (NEW.received_at IS NOT NULL OR NEW.finished_at IS NOT NULL) EXECUTE FUNCTION indicator_mark_dossier();
CREATE TRIGGER dossiers_indicator_dirty
  AFTER DELETE OR UPDATE OF receiving_unit_id, handling_unit_id, received_at, finished_at, due_at, status, channel, assignee_id, extension, procedure_code, procedure_version
  ON dossiers FOR EACH ROW EXECUTE FUNCTION indicator_mark_dossier();

-- A dossier's documents: those one statement adds, in one call (a submission adds all of its own
-- in one statement); updates and deletes row by row as before.
CREATE FUNCTION indicator_mark_dossiers_of_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO indicator_dirty (unit_id, day)
  SELECT DISTINCT u, d FROM dossiers x, LATERAL (VALUES (x.receiving_unit_id, vn_day(x.received_at)), (x.handling_unit_id, vn_day(x.finished_at))) v(u, d)
   WHERE x.id IN (SELECT dossier_id FROM added) AND d IS NOT NULL
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
COMMENT ON FUNCTION indicator_mark_dossiers_of_added() IS 'Statement trigger function: queues the indicator_daily days of the dossiers the rows a statement added belong to (transition table added), as indicator_mark_dossier_of does row by row.';

DROP TRIGGER dossier_documents_indicator_dirty ON dossier_documents;
CREATE TRIGGER dossier_documents_indicator_dirty_insert
  AFTER INSERT ON dossier_documents REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_mark_dossiers_of_added();
CREATE TRIGGER dossier_documents_indicator_dirty
  AFTER UPDATE OR DELETE ON dossier_documents FOR EACH ROW EXECUTE FUNCTION indicator_mark_dossier_of();
