-- The dossiers settled late, by unit and settling time, holding what the list of late dossiers
-- needs to count them and pick a page (the public transparency page, the report to the province):
-- a year of a large unit has tens of thousands among a million settled, which the index reads
-- without visiting the rest (docs/INDICATORS.md, "Scale").
CREATE INDEX dossiers_late_finished_idx ON dossiers (handling_unit_id, finished_at)
  INCLUDE (due_at, status, code, id)
  WHERE finished_at > due_at;
