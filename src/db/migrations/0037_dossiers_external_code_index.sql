-- The public look-up takes the national portal's (or a provincial system's) dossier code as well
-- as ours: a citizen who filed on the portal may know only that one (docs/INTEROP.md, "Tracking by
-- the portal's code"). The code is matched as the look-up reads what was typed, in capitals; one
-- statement finds the dossier by either code through this index and dossiers_code_key.
CREATE INDEX dossiers_external_code_idx ON dossiers (upper(external_code)) WHERE external_code IS NOT NULL;
