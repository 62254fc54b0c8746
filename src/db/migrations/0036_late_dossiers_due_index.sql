-- The dossiers settled late, by unit and due time (the order of the public page's list of late
-- dossiers): a page is the first entries of the period, read in order from this index and no
-- further, where dossiers_late_finished_idx (by settling time, for the whole list of a period)
-- had every late dossier of the period sorted for each page — ~77,000 in a year of a million
-- dossiers (docs/INDICATORS.md, "At scale").
CREATE INDEX dossiers_late_due_idx ON dossiers (handling_unit_id, due_at, code COLLATE "C")
  INCLUDE (finished_at, status, id)
  WHERE finished_at > due_at;
