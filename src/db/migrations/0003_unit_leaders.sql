-- A leader WITHOUT a department leads the unit; a leader WITH one leads that department
-- (src/domain/policy.ts, docs/ARCHITECTURE.md "Who may do what"). The demo seed used to put the
-- ward's leaders in a pseudo-department "Lãnh đạo UBND phường" (code LANHDAO), which would now
-- make them leaders of an empty department: they become unit leaders, and the pseudo-department
-- goes when nothing refers to it any more. A no-op on databases seeded since.
UPDATE users SET department_id = NULL
 WHERE kind = 'staff' AND 'leader' = ANY(roles)
   AND department_id IN (SELECT id FROM departments WHERE code = 'LANHDAO');

DELETE FROM departments d
 WHERE d.code = 'LANHDAO'
   AND NOT EXISTS (SELECT 1 FROM users u WHERE u.department_id = d.id)
   AND NOT EXISTS (SELECT 1 FROM dossiers x WHERE x.department_id = d.id);
